"""Validates FHIR bundles written by `kakehashi export --format fhir` against R4.

Two independent checks, because no single offline tool covers R4 fully:
- fhir.resources 6.4.0 (R4 4.0.1 models): structure, required elements, datatypes;
- the official R4 JSON Schema (fhir.schema.json, id http://hl7.org/fhir/json-schema/4.0):
  codes of bound elements and unknown properties;
plus what neither checks: the iso21090 name-representation extension.

Usage: validate.py SCHEMA BUNDLE...   (exit 1 on the first invalid bundle)
"""
import json
import sys

import jsonschema
from fhir.resources.bundle import Bundle

REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"


def check_names(bundle):
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] != "Patient":
            continue
        for name in resource.get("name", []):
            for ext in name.get("extension", []):
                assert ext["url"] == REPRESENTATION, ext
                assert ext["valueCode"] in ("ABC", "IDE", "SYL"), ext


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    schema_validator = jsonschema.Draft6Validator(
        {**schema, "$ref": "#/definitions/Bundle"} if "$ref" not in schema else schema
    )
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        Bundle.parse_raw(text)
        data = json.loads(text)
        errors = sorted(schema_validator.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            for e in errors[:10]:
                print(f"{path}: {list(e.path)}: {e.message}", file=sys.stderr)
            sys.exit(1)
        check_names(data)
        print(f"valid R4: {path} ({len(data['entry'])} entries)")


if __name__ == "__main__":
    main()

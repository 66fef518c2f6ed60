## Application chrome, screens and forms.

app-title = Kakehashi
app-tagline = Medical travel cases, Canada ⇄ Japan

menu-language = Language
menu-new-case = New case
menu-cases = Cases

search-placeholder = Search by name (any script, kana reading), reference, provider or note…
search-label = Search cases
search-no-results = No case matches “{ $query }”.

case-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
list-empty = No cases yet.
list-load-more = Show more
list-filter-status = Status
list-filter-all = All statuses

col-reference = Reference
col-patient = Patient
col-status = Status
col-direction = Direction
col-specialty = Specialty
col-provider = Provider
col-opened = Opened

detail-empty = Select a case to see its details.
detail-patient = Patient
detail-case = Case
detail-timeline = Timeline
detail-documents = Documents
detail-tasks = Tasks
detail-notes = Notes
detail-close = Close
detail-reading = Reading (kana)
detail-local-time = Local time
detail-home-time = Patient's home time
detail-home-time-at = Patient's home time: { $time }
detail-no-events = No events yet.
detail-no-tasks = No tasks.
detail-no-notes = No notes.
detail-status-change = { $from } → { $to }
detail-status-opened = Case opened as { $to }
detail-not-set = —
task-done = Done
task-due = Due { $date }

field-family-name = Family name
field-given-name = Given name
field-family-name-kana = Family name reading (kana)
field-given-name-kana = Given name reading (kana)
field-name-order = Name order
field-birth-date = Date of birth
field-sex = Sex
field-nationality = Nationality
field-home-region = Province or prefecture
field-preferred-language = Preferred language
field-interpreter-language = Interpreter language
field-phone = Phone
field-email = Email
field-emergency-contact = Emergency contact
field-passport-number = Passport number
field-passport-expiry = Passport expiry
field-insurance = Insurance
field-dietary-notes = Dietary, cultural or religious notes
field-direction = Direction
field-specialty = Specialty
field-treatment = Treatment
field-provider = Provider
field-physician = Attending physician
field-status = Status
field-priority = Priority
field-target-date = Target treatment date
field-opened-on = Opened on
field-estimated-cost = Estimated cost
field-currency = Currency
field-deposit = Deposit received
field-companions = Companions
field-note-text = Note
field-task-title = Task
field-reference = Reference

form-new-case-title = New case
form-section-patient = Patient
form-section-case = Case
form-choose = Choose…
form-none = None
form-date-placeholder = YYYY-MM-DD
form-save = Create case
form-cancel = Cancel
form-saving = Saving…
form-created = Case { $reference } created.
form-fix-errors = Please correct the highlighted fields.

welcome-title = Welcome to Kakehashi
welcome-body = This database is empty. You can fill it with fictional demo cases to look around, or start with your own first case.
welcome-demo = Create demo cases
welcome-empty = Start empty
welcome-demo-working = Creating demo cases…

startup-error-title = The database could not be opened
screen-load-failed = This screen could not be loaded. Your saved data is not affected; open the screen again, or restart Kakehashi.

search-result-count = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}
search-first-results = { $count ->
    [one] First match — type more to narrow
   *[other] First { $count } matches — type more to narrow
}
form-discard-question = Discard the new case you started? What you typed will be lost.
form-discard = Discard
form-keep-editing = Keep editing

menu-file = Kakehashi
menu-settings = Settings…
menu-quit = Quit
field-coordinator = Coordinator name
settings-title = Settings
settings-language = Interface language
settings-japanese-era = Show Japanese dates in the imperial era (令和)
settings-coordinator-hint = Recorded in the audit log as the author of every change.
settings-database = Database file
settings-save = Save settings
settings-saved = Settings saved.
task-overdue = Overdue

## Command line

cli-demo-created = { $count ->
    [one] Created { $count } demo case.
   *[other] Created { $count } demo cases.
}
cli-check-ok = Database OK (schema version { $version }, cases: { $cases }).
cli-check-access-log-altered = { $count ->
    [one] The access log was changed outside Kakehashi: { $count } row no longer fits its hash chain.
   *[other] The access log was changed outside Kakehashi: { $count } rows no longer fit its hash chain.
}
cli-about = Kakehashi case manager: command-line access to a case database
cli-arg-db = Database file (default: the app's database in the OS app-data folder)
cli-arg-lang = Language of messages and labels: en, fr or ja (default: from the OS locale)
cli-about-demo = Fill an empty database with fictional demo cases (the same seed gives the same data)
cli-arg-demo-cases = How many cases to create
cli-arg-demo-seed = Seed of the generator
cli-arg-demo-anchor = “Today” for the generated data, YYYY-MM-DD (default: today)
cli-about-case = Create, show and list cases
cli-about-case-create = Create a patient and a case from JSON and print the new reference
cli-arg-case-create-json = JSON file, or - to read standard input
cli-about-case-show = Show one case
cli-arg-case-show-reference = Case reference, e.g. KH-2026-0042
cli-arg-case-show-json = Print JSON instead of text
cli-about-case-list = List cases, newest first
cli-arg-case-list-json = Print JSON instead of text
cli-arg-case-list-limit = Maximum number of cases to print
cli-arg-case-list-offset = Number of cases to skip at the start
cli-about-search = Search cases by name in any script, reading, reference, provider or note
cli-arg-search-query = What to look for
cli-arg-search-limit = Maximum number of results to print
cli-arg-search-json = Print JSON instead of text
cli-about-check = Check the database's integrity and print its schema version
cli-about-bench = Time search, list pages and case opening in the core and directly in SQLite (p50 / p95)
cli-arg-bench-iterations = Runs of each query
cli-arg-bench-json = Print JSON instead of a table
cli-bench-title = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
} — milliseconds, p50 / p95
cli-bench-col-what = Query
cli-bench-col-core = Core
cli-bench-col-sqlite = SQLite alone
cli-bench-col-ratio = p95 ratio
cli-bench-search = search “{ $query }”
cli-bench-list-page = case list, page at offset { $offset }
cli-bench-list-sorted = case list, { $order }, page at offset { $offset }
cli-bench-list-filtered = case list, direction and priority filters
cli-bench-dashboard = the Today screen
cli-bench-case-detail = open a case
cli-about-export = Export one case as PDF, JSON or FHIR, or every case as CSV, in the --lang language
cli-arg-export-reference = Case reference, e.g. KH-2026-0042 (not with --all)
cli-arg-export-all = Export the whole case list (CSV only)
cli-arg-export-format = pdf, json or fhir for one case; csv for the list
cli-arg-export-bilingual = A second language, printed after the first (PDF)
cli-arg-export-recipient = Who it is for (coordinator|hospital|patient|insurer|interpreter); what they must not see is left out
cli-arg-export-without-consent = Export even though the patient’s consent does not cover the recipient; the access log records it
cli-arg-export-out = File to write
cli-export-usage = Give a case reference with --format pdf, json or fhir, or --all with --format csv.
cli-about-import = Import a case from a JSON file written by kakehashi export and print its reference
cli-arg-import-file = JSON file (format kakehashi-case/1)
cli-about-message = Print one interface message in the chosen language (for scripts and translators)
cli-arg-message-id = Message id, e.g. case-count
cli-arg-message-args = An argument as NAME=VALUE; repeat for more
cli-unknown-message = There is no message with the id “{ $id }”.

## Language names, each in its own language (the same in every locale).

lang-native-en = English
lang-native-fr = Français
lang-native-ja = 日本語

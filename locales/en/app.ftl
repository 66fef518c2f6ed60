## Application chrome, screens and forms.

app-title = Kakehashi
app-tagline = Medical travel cases, Canada ⇄ Japan

menu-language = Language
menu-new-case = New case
menu-cases = Cases

search-placeholder = Search names, readings, references, providers, notes…
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
detail-reading = Reading
detail-local-time = Local time
detail-home-time = Patient's home time
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

## Command line

cli-demo-created = { $count ->
    [one] Created { $count } demo case.
   *[other] Created { $count } demo cases.
}
cli-check-ok = Database OK (schema version { $version }, cases: { $cases }).

## Language names, each in its own language (the same in every locale).

lang-native-en = English
lang-native-fr = Français
lang-native-ja = 日本語

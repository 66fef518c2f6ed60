## Exports: formats, recipients, the export dialog.

field-format = File format
field-recipient = Recipient
error-reference-taken = A case with the reference { $reference } is already in this database; nothing was imported.

recipient-coordinator = Coordinator (full copy)
recipient-hospital = Receiving hospital
recipient-patient = Patient
recipient-insurer = Insurer
recipient-interpreter = Interpreter

pdf-title = Case summary
pdf-exported = Exported { $date }
pdf-prepared-for = Prepared for: { $recipient }
pdf-provider = Receiving provider
pdf-col-event = Event
pdf-col-local-time = Local time
pdf-col-home-time = Patient's home time
pdf-col-done = Done
pdf-col-when = When
pdf-none = None.
pdf-latest-notes = Latest notes (up to { $count })
csv-patient = Patient
csv-reading = Reading (kana)

detail-export = Export…
export-title = Export { $reference }
export-format-pdf = PDF summary
export-format-json = JSON (Kakehashi)
export-format-fhir = FHIR R4 bundle
export-format-csv = CSV spreadsheet
export-language = Language
export-second-language = Then also in
export-preview-alt = First page of the PDF summary
export-preview-loading = Preparing the preview…
export-preview-caption = First page, as it will be exported
export-save = Export…
export-save-title = Save the export as
export-saved = Saved to { $path }
list-export-csv = Export list (CSV)
recipient-hint-coordinator = Everything, including your notes and tasks.
recipient-hint-hospital = Without your notes and tasks.
recipient-hint-patient = Without your notes and tasks.
recipient-hint-insurer = Without notes, tasks, contacts, passport or dietary notes.
recipient-hint-interpreter = Without passport, insurance, costs, contacts, birth date, notes or tasks.

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
pdf-section-case = Treatment and travel
pdf-reference = Reference
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
export-second-language = Second language (optional)
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
error-no-consent = { $reference } cannot go to “{ $recipient }”: the patient has not agreed to “{ $scope }”, or has withdrawn that consent.
export-without-consent-confirm = Export it all the same? The patient’s access log will show that it was exported without consent.
export-without-consent-yes = Export without consent

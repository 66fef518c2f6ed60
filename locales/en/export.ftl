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

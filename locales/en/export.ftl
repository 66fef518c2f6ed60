## Exports: formats, recipients, the export dialog.

field-format = File format
field-recipient = Recipient
error-reference-taken = A case with the reference { $reference } is already in this database; nothing was imported.

recipient-coordinator = Coordinator (full copy)
recipient-hospital = Receiving hospital
recipient-patient = Patient
recipient-insurer = Insurer
recipient-interpreter = Interpreter

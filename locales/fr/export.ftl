## Exports: formats, recipients, the export dialog.

field-format = Format du fichier
field-recipient = Destinataire
error-reference-taken = Un dossier portant la référence { $reference } existe déjà dans cette base de données ; rien n’a été importé.

recipient-coordinator = Coordonnateur (copie complète)
recipient-hospital = Hôpital d’accueil
recipient-patient = Patient
recipient-insurer = Assureur
recipient-interpreter = Interprète

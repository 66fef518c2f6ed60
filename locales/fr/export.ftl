## Exports: formats, recipients, the export dialog.

field-format = Format du fichier
field-recipient = Destinataire
error-reference-taken = Un dossier portant la référence { $reference } existe déjà dans cette base de données ; rien n’a été importé.

recipient-coordinator = Coordonnateur (copie complète)
recipient-hospital = Hôpital d’accueil
recipient-patient = Patient
recipient-insurer = Assureur
recipient-interpreter = Interprète

pdf-title = Résumé du dossier
pdf-exported = Exporté le { $date }
pdf-prepared-for = Préparé pour : { $recipient }
pdf-provider = Établissement d’accueil
pdf-col-event = Événement
pdf-col-local-time = Heure locale
pdf-col-home-time = Heure au domicile du patient
pdf-col-done = Fait
pdf-col-when = Date
pdf-none = Aucun.
pdf-latest-notes = Dernières notes ({ $count } au maximum)
csv-patient = Patient
csv-reading = Lecture (kana)

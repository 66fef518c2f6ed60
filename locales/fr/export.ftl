## Exports: formats, recipients, the export dialog.

field-format = Format du fichier
field-recipient = Destinataire
error-reference-taken = Un dossier portant la référence { $reference } existe déjà dans cette base de données ; rien n’a été importé.

recipient-coordinator = Personne coordonnatrice (copie complète)
recipient-hospital = Hôpital d’accueil
recipient-patient = Patient
recipient-insurer = Assureur
recipient-interpreter = Interprète

pdf-title = Résumé du dossier
pdf-exported = Exporté le { $date }
pdf-prepared-for = À l’intention de : { $recipient }
pdf-section-case = Soins et voyage
pdf-reference = Référence
pdf-provider = Établissement d’accueil
pdf-col-event = Événement
pdf-col-local-time = Heure locale
pdf-col-home-time = Heure au domicile du patient
pdf-col-done = Fait
pdf-col-when = Date
pdf-none = Aucun.
pdf-latest-notes = Dernières notes ({ $count } au maximum)
csv-patient = Patient
csv-reading = Transcription (kana)

detail-export = Exporter…
export-title = Exporter { $reference }
export-format-pdf = Résumé PDF
export-format-json = JSON (Kakehashi)
export-format-fhir = Bundle FHIR R4
export-format-csv = Feuille de calcul CSV
export-language = Langue
export-second-language = Deuxième langue (facultatif)
export-preview-alt = Première page du résumé PDF
export-preview-loading = Préparation de l’aperçu…
export-preview-caption = Première page, telle qu’elle sera exportée
export-save = Exporter…
export-save-title = Enregistrer l’exportation sous
export-saved = Enregistré dans { $path }
list-export-csv = Exporter la liste (CSV)
recipient-hint-coordinator = Tout, y compris vos notes et vos tâches.
recipient-hint-hospital = Sans vos notes ni vos tâches.
recipient-hint-patient = Sans vos notes ni vos tâches.
recipient-hint-insurer = Sans notes, tâches, coordonnées, passeport ni restrictions alimentaires.
recipient-hint-interpreter = Sans passeport, assurance, coûts, coordonnées, date de naissance, notes ni tâches.
error-no-consent = Le dossier { $reference } ne peut pas être envoyé à « { $recipient } » : le patient n’a pas consenti à « { $scope } », ou a retiré ce consentement.
export-without-consent-confirm = L’exporter quand même ? Le journal des accès du patient indiquera qu’il a été exporté sans consentement.
export-without-consent-yes = Exporter sans consentement

## Application chrome, screens and forms.

app-title = Kakehashi
app-tagline = Dossiers de voyage médical, Canada ⇄ Japon

menu-language = Langue
menu-new-case = Nouveau dossier
menu-cases = Dossiers

search-placeholder = Rechercher par nom (toute écriture, kana), référence, établissement ou note…
search-label = Rechercher des dossiers
search-no-results = Aucun dossier ne correspond à « { $query } ».

case-count = { $count ->
    [0] Aucun dossier
    [one] { $count } dossier
   *[other] { $count } dossiers
}
list-empty = Aucun dossier pour l’instant.
list-load-more = Afficher plus
list-filter-status = Statut
list-filter-all = Tous les statuts

col-reference = Référence
col-patient = Patient
col-status = Statut
col-direction = Sens du trajet
col-specialty = Spécialité
col-provider = Établissement
col-opened = Ouvert le

detail-empty = Sélectionnez un dossier pour en voir les détails.
detail-patient = Patient
detail-case = Dossier
detail-timeline = Chronologie
detail-documents = Documents
detail-tasks = Tâches
detail-notes = Notes
detail-close = Fermer
detail-reading = Transcription (kana)
detail-local-time = Heure locale
detail-home-time = Heure au domicile du patient
detail-home-time-at = Heure au domicile du patient : { $time }
detail-no-events = Aucun événement pour l’instant.
detail-no-tasks = Aucune tâche.
detail-no-notes = Aucune note.
detail-status-change = { $from } → { $to }
detail-status-opened = Dossier ouvert au statut « { $to } »
detail-not-set = —
task-done = Terminée
task-due = Échéance : { $date }

field-family-name = Nom de famille
field-given-name = Prénom
field-family-name-kana = Nom de famille (transcription en kana)
field-given-name-kana = Prénom (transcription en kana)
field-name-order = Ordre des noms
field-birth-date = Date de naissance
field-sex = Sexe
field-nationality = Nationalité
field-home-region = Province ou préfecture
field-preferred-language = Langue préférée
field-interpreter-language = Langue d’interprétation
field-phone = Téléphone
field-email = Courriel
field-emergency-contact = Personne à joindre en cas d’urgence
field-passport-number = Numéro de passeport
field-passport-expiry = Date d’expiration du passeport
field-insurance = Assurance
field-dietary-notes = Restrictions alimentaires et particularités culturelles ou religieuses
field-direction = Sens du trajet
field-specialty = Spécialité
field-treatment = Traitement
field-provider = Établissement
field-physician = Médecin traitant
field-status = Statut
field-priority = Priorité
field-target-date = Date de traitement visée
field-opened-on = Ouvert le
field-estimated-cost = Coût estimé
field-currency = Devise
field-deposit = Acompte reçu
field-companions = Nombre de personnes accompagnatrices
field-note-text = Note
field-task-title = Tâche
field-reference = Référence

form-new-case-title = Nouveau dossier
form-section-patient = Patient
form-section-case = Dossier
form-choose = Choisir…
form-none = Aucun
form-date-placeholder = AAAA-MM-JJ
form-save = Créer le dossier
form-cancel = Annuler
form-saving = Enregistrement…
form-created = Dossier { $reference } créé.
form-fix-errors = Veuillez corriger les champs en surbrillance.

welcome-title = Bienvenue dans Kakehashi
welcome-body = Cette base de données est vide. Vous pouvez y ajouter des dossiers de démonstration fictifs pour explorer l’application, ou commencer par créer votre premier dossier.
welcome-demo = Créer des dossiers de démonstration
welcome-empty = Commencer sans données
welcome-demo-working = Création des dossiers de démonstration…

startup-error-title = Impossible d’ouvrir la base de données
screen-load-failed = Impossible de charger cet écran. Vos données enregistrées ne sont pas touchées ; rouvrez l’écran ou redémarrez Kakehashi.

search-result-count = { $count ->
    [0] Aucun résultat
    [one] { $count } résultat
   *[other] { $count } résultats
}
search-first-results = { $count ->
    [one] Le premier résultat — précisez votre recherche
   *[other] Les { $count } premiers résultats — précisez votre recherche
}
form-discard-question = Abandonner le nouveau dossier en cours ? Les données saisies seront perdues.
form-discard = Abandonner
form-keep-editing = Continuer la saisie

menu-file = Kakehashi
menu-settings = Paramètres…
menu-quit = Quitter
field-coordinator = Nom de la personne coordonnatrice
settings-title = Paramètres
settings-language = Langue de l’interface
settings-japanese-era = Afficher les dates en japonais selon l’ère impériale (令和)
settings-coordinator-hint = Nom inscrit au journal de vérification pour chacune de vos modifications.
settings-database = Fichier de base de données
settings-save = Enregistrer les paramètres
settings-saved = Paramètres enregistrés.
task-overdue = En retard

## Command line

cli-demo-created = { $count ->
    [one] { $count } dossier de démonstration créé.
   *[other] { $count } dossiers de démonstration créés.
}
cli-check-ok = Base de données en bon état (version du schéma { $version }, dossiers : { $cases }).
cli-check-access-log-altered = { $count ->
    [one] Le journal des accès a été modifié en dehors de Kakehashi : { $count } ligne ne correspond plus à sa chaîne d’empreintes.
   *[other] Le journal des accès a été modifié en dehors de Kakehashi : { $count } lignes ne correspondent plus à sa chaîne d’empreintes.
}
cli-about = Kakehashi, gestionnaire de dossiers : interface en ligne de commande d’une base de données de dossiers
cli-arg-db = Fichier de base de données (par défaut : la base de données de l’application, dans le répertoire de données d’applications du système)
cli-arg-lang = Langue des messages et des libellés : en, fr ou ja (par défaut : selon les paramètres régionaux du système)
cli-about-demo = Remplir une base de données vide de dossiers de démonstration fictifs (la même graine donne les mêmes données)
cli-arg-demo-cases = Nombre de dossiers à créer
cli-arg-demo-seed = Graine du générateur
cli-arg-demo-anchor = « Aujourd’hui » pour les données générées, AAAA-MM-JJ (par défaut : aujourd’hui)
cli-about-case = Créer, afficher et lister des dossiers
cli-about-case-create = Créer un patient et un dossier à partir de données JSON et afficher la nouvelle référence
cli-arg-case-create-json = Fichier JSON, ou « - » pour lire l’entrée standard
cli-about-case-show = Afficher un dossier
cli-arg-case-show-reference = Référence du dossier, p. ex. KH-2026-0042
cli-arg-case-show-json = Afficher le résultat en JSON plutôt qu’en texte
cli-about-case-list = Lister les dossiers, du plus récent au plus ancien
cli-arg-case-list-json = Afficher le résultat en JSON plutôt qu’en texte
cli-arg-case-list-limit = Nombre maximal de dossiers affichés
cli-arg-case-list-offset = Nombre de dossiers à ignorer au début
cli-about-search = Rechercher des dossiers par nom (dans n’importe quelle écriture), transcription en kana, référence, établissement ou note
cli-arg-search-query = Texte à rechercher
cli-arg-search-limit = Nombre maximal de résultats affichés
cli-arg-search-json = Afficher le résultat en JSON plutôt qu’en texte
cli-about-check = Vérifier l’intégrité de la base de données et afficher la version de son schéma
cli-about-bench = Chronométrer la recherche, les pages de la liste et l’ouverture d’un dossier dans le noyau et directement dans SQLite (p50 / p95)
cli-arg-bench-iterations = Nombre d’exécutions de chaque requête
cli-arg-bench-json = Afficher le résultat en JSON plutôt qu’en tableau
cli-bench-title = { $cases ->
    [one] { $cases } dossier
   *[other] { $cases } dossiers
} — millisecondes, p50 / p95
cli-bench-col-what = Requête
cli-bench-col-core = Noyau
cli-bench-col-sqlite = SQLite seul
cli-bench-col-ratio = Rapport p95
cli-bench-search = recherche « { $query } »
cli-bench-list-page = liste des dossiers, page au décalage { $offset }
cli-bench-list-sorted = liste des dossiers, { $order }, page au décalage { $offset }
cli-bench-list-filtered = liste des dossiers, filtres sens du trajet et priorité
cli-bench-dashboard = l’écran Aujourd’hui
cli-bench-case-detail = ouverture d’un dossier
cli-about-export = Exporter un dossier en PDF, JSON ou FHIR, ou tous les dossiers en CSV, dans la langue de --lang
cli-arg-export-reference = Référence du dossier, p. ex. KH-2026-0042 (pas avec --all)
cli-arg-export-all = Exporter toute la liste des dossiers (CSV seulement)
cli-arg-export-format = pdf, json ou fhir pour un dossier ; csv pour la liste
cli-arg-export-bilingual = Une seconde langue, imprimée après la première (PDF)
cli-arg-export-recipient = Destinataire (coordinator|hospital|patient|insurer|interpreter) ; les éléments qui ne lui sont pas destinés sont omis
cli-arg-export-without-consent = Exporter même si le consentement du patient ne couvre pas le destinataire ; le journal des accès le consigne
cli-arg-export-out = Fichier à écrire
cli-export-usage = Indiquez une référence de dossier avec --format pdf, json ou fhir, ou --all avec --format csv.
cli-about-import = Importer un dossier depuis un fichier JSON écrit par kakehashi export et afficher sa référence
cli-arg-import-file = Fichier JSON (format kakehashi-case/1)
cli-about-message = Afficher un message de l’interface dans la langue choisie (pour les scripts et la traduction)
cli-arg-message-id = Identifiant du message, p. ex. case-count
cli-arg-message-args = Un argument sous la forme NOM=VALEUR ; à répéter au besoin
cli-unknown-message = Aucun message ne porte l’identifiant « { $id } ».

## Language names, each in its own language (the same in every locale).

lang-native-en = English
lang-native-fr = Français
lang-native-ja = 日本語

## The workspace: navigation, Today, case editing, list filters.

nav-label = Écrans
nav-today = Aujourd’hui
nav-cases = Dossiers
nav-patients = Patients
nav-providers = Établissements
nav-settings = Paramètres

today-title = Aujourd’hui
today-date = { $date }
today-zone = Heures dans votre fuseau : { $zone }
today-counts = Dossiers par statut
today-overdue = { $count ->
    [0] Tâches en retard
   *[other] Tâches en retard ({ $count })
}
today-due-soon = { $count ->
    [0] À faire dans les 7 prochains jours
   *[other] À faire dans les 7 prochains jours ({ $count })
}
today-overdue-many = Tâches en retard ({ $count } ou plus)
today-due-soon-many = À faire dans les 7 prochains jours ({ $count } ou plus)
today-upcoming = Événements des 14 prochains jours
today-waiting = En attente d’un document
today-nothing-overdue = Aucune tâche en retard.
today-nothing-due = Aucune tâche à faire dans les 7 prochains jours.
today-nothing-upcoming = Aucun événement dans les 14 prochains jours.
today-nothing-waiting = Aucun document demandé n’est en attente.
today-your-time = votre heure : { $time }
today-show-more = Afficher { $count } de plus
list-separator = ,{" "}

list-filter-any = Tout afficher
list-filters = Filtres et tri
list-filters-off-in-search = La recherche parcourt tous les dossiers : les filtres et le tri s’appliquent à la liste quand le champ de recherche est vide.
list-sort = Tri
list-sort-newest = Plus récents d’abord
list-sort-oldest = Plus anciens d’abord
list-sort-target-date = Date de traitement visée
list-sort-name = Nom du patient

detail-move-to = Passer à
detail-change-status = Changer le statut
detail-edit = Modifier
detail-delete = Supprimer
detail-delete-item = Supprimer « { $item } »
detail-add = Ajouter
detail-add-event = Ajouter un événement
detail-add-document = Ajouter un document
detail-add-note = Ajouter une note
detail-costs = Coûts
detail-balance = Solde à payer
detail-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
detail-stay-hint = Un séjour de plus de 90 jours au Japon exige un certificat d’admissibilité ; il est ajouté à la liste des documents.
detail-local-time-at = Heure locale : { $time }
detail-removed = Supprimé : { $item }
detail-note-when-hint = Laissez vide pour utiliser l’heure actuelle ; sinon, indiquez l’heure dans votre fuseau horaire.
detail-undo = Annuler
detail-dismiss = Fermer
form-datetime-placeholder = AAAA-MM-JJ HH:MM

settings-profile = Personne coordonnatrice
settings-zone-hint = L’écran Aujourd’hui affiche l’heure des événements dans ce fuseau ainsi qu’à l’endroit où ils ont lieu.
settings-database-hint = Ouvrez un autre fichier ou créez-en un nouveau ; le fichier actuel est fermé, jamais modifié.
settings-open-database = Ouvrir une autre base de données…
settings-new-database = Nouvelle base de données…
settings-database-filter = Base de données Kakehashi

field-event-kind = Événement
field-event-start = Début (heure locale)
field-event-end = Fin (heure locale)
field-event-zone = Fuseau horaire
field-event-title = Précisions
field-document-kind = Document
field-document-state = État du document
field-document-note = Note sur le document
field-task-due = Échéance
field-note-channel = Moyen de communication
field-note-written-at = Date de la note
field-name-en = Nom en anglais
field-name-fr = Nom en français
field-name-ja = Nom en japonais
field-country = Pays
field-city = Ville
field-time-zone = Fuseau horaire
field-specialties = Spécialités
field-accreditations = Agréments
field-languages = Langues du service des patients internationaux
field-desk-contact = Coordonnées du service des patients internationaux
field-home-zone = Fuseau horaire du domicile
field-expected-stay = Durée prévue du séjour (jours)

error-invalid-date-time = Le champ « { $field } » ne contient pas de date et d’heure valides (format AAAA-MM-JJ HH:MM).
error-time-skipped = { $field } : cette heure n’existe pas dans ce fuseau (passage à l’heure avancée cette nuit-là). Choisissez une autre heure.
error-end-before-start = La valeur du champ « { $field } » est antérieure au début.
error-deposit-over-estimate = Le champ « { $field } » dépasse le coût estimé.
error-item-not-found = Cet élément ne fait plus partie du dossier ; il a peut-être été supprimé entre-temps.
error-patient-not-found = La fiche de ce patient n’existe plus.
error-provider-in-use = Cet établissement est associé à { $cases ->
    [one] un dossier
   *[other] { $cases } dossiers
} et ne peut pas être supprimé.

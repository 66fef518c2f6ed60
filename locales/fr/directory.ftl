## Patients and providers screens.

## Écran des patients

patients-title = Patients
patients-search-label = Rechercher des patients
patients-search-placeholder = Rechercher par nom (toute écriture, kana) ou référence de dossier…
patients-count = { $count ->
    [0] Aucun patient
    [one] { $count } patient
   *[other] { $count } patients
}
patients-no-results = Aucun patient ne correspond à « { $query } ».
patients-empty = Aucun patient pour l’instant. Un patient est ajouté avec son premier dossier.
patients-choose = Sélectionnez un patient pour consulter et modifier sa fiche.
patients-loading = Chargement…
patients-cases = Dossiers
patients-no-cases = Aucun dossier.
patients-section-identity = Identité
patients-section-home = Domicile et langues
patients-section-contact = Coordonnées
patients-section-travel = Voyage et soins
patients-not-set = Non précisé
patients-name-order-family-first = Nom de famille en premier
patients-name-order-given-first = Prénom en premier
patients-nationality-hint = Code de pays à deux lettres, p. ex. CA ou JP.
patients-home-zone-hint = Laissez vide pour utiliser le fuseau horaire de la province ou de la préfecture.
patients-save = Enregistrer la fiche
patients-saved = Fiche du patient enregistrée.
patients-discard-question = Abandonner les modifications non enregistrées de cette fiche ?

## Écran des établissements

providers-title = Établissements
providers-new = Nouvel établissement
providers-new-title = Nouvel établissement
providers-count = { $count ->
    [0] Aucun établissement
    [one] { $count } établissement
   *[other] { $count } établissements
}
providers-empty = Aucun établissement pour l’instant.
providers-choose = Sélectionnez un établissement pour le modifier, ou créez-en un nouveau.
providers-discard-question = Abandonner les modifications non enregistrées de cet établissement ?
providers-section-names = Noms
providers-section-place = Emplacement
providers-section-desk = Service des patients internationaux
providers-name-fr-hint = Laissez vide pour reprendre le nom anglais.
providers-name-ja-hint = Laissez vide pour reprendre le nom anglais.
providers-desk-contact-hint = Téléphone ou courriel du service des patients internationaux.
providers-create = Créer l’établissement
providers-save = Enregistrer l’établissement
providers-saved = Établissement enregistré.
providers-deleted = Établissement supprimé.
providers-delete = Supprimer
providers-delete-question = Supprimer cet établissement ? Cette action est irréversible.
providers-keep = Conserver

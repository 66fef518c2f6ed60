## Errors shown to a coordinator. { $field } is the label of the field at fault.

error-required = Le champ « { $field } » est obligatoire.
error-too-long = Le champ « { $field } » est trop long ({ $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
} au maximum).
error-date-in-future = Le champ « { $field } » ne peut pas contenir de date future.
error-invalid-date = Le champ « { $field } » ne contient pas de date valide (format AAAA-MM-JJ).
error-unknown-value = { $field } : « { $value } » ne fait pas partie des valeurs permises.
error-invalid = Le champ « { $field } » n’est pas valide.
error-transition-not-allowed = Un dossier ne peut pas passer de « { $from } » à « { $to } ».
error-case-not-found = Aucun dossier ne porte la référence { $reference }.
error-provider-not-found = L’établissement choisi n’existe plus.
error-schema-too-new = Cette base de données a été enregistrée par une version plus récente de Kakehashi (schéma { $found } ; cette version prend en charge jusqu’au schéma { $supported }). Elle n’a pas été modifiée.
error-database-in-use = Cette base de données est déjà ouverte dans une autre fenêtre de Kakehashi : { $path }
error-not-a-database = Ce fichier n’est pas une base de données Kakehashi, ou il est endommagé : { $path }
error-foreign-database = Ce fichier est une base de données SQLite d’un autre logiciel, et non de Kakehashi. Il n’a pas été modifié : { $path }
error-schema-altered = La structure de cette base de données a été modifiée en dehors de Kakehashi ; rien n’y a été ajouté : { $path }
error-integrity-check-failed = La vérification d’intégrité de la base de données a échoué : { $detail }
error-bad-json = Les données d’entrée ne sont pas du JSON valide : { $detail }
error-database = La base de données a signalé une erreur : { $detail }
error-file = Impossible de lire ou d’écrire un fichier : { $detail }
error-unexpected = Une erreur inattendue s’est produite : { $detail }
error-no-database = Aucune base de données n’est ouverte.
error-demo-needs-empty-database = Les dossiers de démonstration ne peuvent être ajoutés qu’à une base de données vide, afin que des patients fictifs ne côtoient jamais de vrais patients.
error-demo-too-large = Vous pouvez créer au plus { $max ->
    [one] un dossier de démonstration
   *[other] { $max } dossiers de démonstration
}.

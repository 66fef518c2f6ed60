## Fiabilité et confidentialité : reprise, sauvegardes, chiffrement, consentement, journal des accès.

error-too-short = Le champ « { $field } » est trop court ({ $min ->
    [one] { $min } caractère
   *[other] { $min } caractères
} au minimum).
error-database-corrupt = Le fichier de la base de données est endommagé. Kakehashi n’y a rien écrit.
error-read-only = Kakehashi ne peut pas écrire ici : le fichier ou son répertoire est en lecture seule.
error-disk-full = Le disque est plein. La dernière modification n’a pas été enregistrée ; tout ce qui l’a été avant est intact. Libérez de l’espace et réessayez.
error-passphrase-needed = Cette base de données est chiffrée. Saisissez sa phrase secrète pour l’ouvrir.
error-wrong-passphrase = La phrase secrète est erronée, ou le fichier n’est pas une base de données Kakehashi.
error-not-the-passphrase = { $field } : ce n’est pas la phrase secrète de cette base de données.
error-old-copies-remain = Le chiffrement a été changé, mais les copies suivantes, faites avant le changement, n’ont pas pu être supprimées ; elles contiennent encore les données sous l’ancienne phrase secrète, ou sans chiffrement : { $paths }
error-backup-after-rekey-failed = Le chiffrement a été changé et les copies faites avant le changement ont été supprimées, mais la nouvelle sauvegarde n’a pas pu être faite. { $reason } Utilisez « Sauvegarder maintenant » une fois le problème réglé.
field-passphrase = Phrase secrète
field-current-passphrase = Phrase secrète actuelle
field-consent-given-on = Consentement donné le
field-consent-scope = Ce que le patient a accepté
field-consent-withdrawn-on = Retiré le
field-backup-file = Fichier de sauvegarde

recovery-title-corrupt = Cette base de données est endommagée
recovery-title-newer = Cette base de données vient d’une version plus récente de Kakehashi
recovery-title-foreign = Ce fichier appartient à un autre logiciel
recovery-title-in-use = Cette base de données est ouverte dans une autre fenêtre
recovery-title-read-only = Cette base de données ne peut pas être modifiée
recovery-title-disk-full = Le disque est plein
recovery-title-locked = Cette base de données est chiffrée
recovery-title-other = Cette base de données n’a pas pu être ouverte
recovery-ways-out = Ce que vous pouvez faire
recovery-open-another = Ouvrir un autre fichier…
recovery-read-only = L’ouvrir en lecture seule
recovery-retry = Réessayer
recovery-unlock = Déverrouiller
recovery-backups = Sauvegardes de ce fichier
recovery-no-backups = Aucune sauvegarde de ce fichier n’a été trouvée.
recovery-restore = Restaurer
recovery-restore-confirm = Restaurer la sauvegarde du { $date } ? Le fichier actuel sera conservé dans le même répertoire, sans être supprimé.
recovery-restore-yes = Restaurer cette sauvegarde
recovery-restore-remains = Les renseignements supprimés depuis cette sauvegarde le seront de nouveau après la restauration, et le journal des accès conservera chaque entrée écrite depuis.
recovery-cancel = Annuler
lockdown-refused = Kakehashi a refusé de quitter ses propres pages pour { $url }
read-only-banner = Lecture seule : rien ne peut être modifié dans cette fenêtre.

settings-backups = Sauvegardes
settings-backups-help = Une sauvegarde est faite automatiquement chaque jour et { $keep ->
    [one] la dernière est conservée
   *[other] les { $keep } dernières sont conservées
}, dans { $folder }
settings-backup-failed = La sauvegarde automatique a échoué : { $detail }
settings-backup-now = Sauvegarder maintenant
settings-backup-done = Sauvegarde enregistrée : { $path }
settings-backups-none = Aucune sauvegarde pour l’instant.
settings-backup-taken = { $date }
settings-encryption = Chiffrement
settings-encrypted = Cette base de données est chiffrée. Sans sa phrase secrète, le fichier est illisible.
settings-not-encrypted = Cette base de données n’est pas chiffrée : quiconque a le fichier peut le lire.
settings-new-passphrase = Nouvelle phrase secrète
settings-repeat-passphrase = Confirmer la phrase secrète
settings-passphrase-mismatch = Les deux phrases secrètes ne sont pas identiques.
settings-passphrase-warning = Gardez la phrase secrète en lieu sûr. Si elle est perdue, personne ne peut ouvrir la base de données, même depuis ses sauvegardes. Les sauvegardes précédentes, faites avec l’ancienne clé ou sans chiffrement, sont remplacées par une nouvelle sauvegarde.
settings-encrypt = Chiffrer
settings-change-passphrase = Changer la phrase secrète
settings-decrypt = Retirer le chiffrement
settings-encryption-done = Enregistré.
settings-decrypt-confirm = Retirer le chiffrement ? Quiconque obtient le fichier, ou une sauvegarde faite à partir de maintenant, pourra lire tous les dossiers qu’il contient.
settings-decrypt-yes = Retirer le chiffrement

privacy-title = Confidentialité
consent-title = Consentement
consent-none = Aucun consentement n’est enregistré pour ce patient.
consent-add = Enregistrer un consentement
consent-scope-care-coordination = Coordination des soins
consent-scope-cross-border-transfer = Communication de ses renseignements personnels entre le Canada et le Japon
consent-scope-share-with-providers = Communication aux hôpitaux et cliniques
consent-scope-share-with-insurer = Communication à l’assureur
consent-scope-share-with-interpreter = Communication aux interprètes
consent-given = Donné le { $date }, enregistré par { $actor }
consent-withdrawn = Retiré le { $date }
consent-withdraw = Retirer…
consent-withdraw-save = Enregistrer le retrait
consent-note = Note
access-log-title = Journal des accès
access-log-help = Chaque consultation, exportation et modification de la fiche de ce patient et de ses dossiers.
access-log-empty = Rien n’est encore enregistré.
access-altered = Modifiée en dehors de Kakehashi
access-log-altered = Des lignes de ce journal ont été modifiées ou supprimées en dehors de Kakehashi. Elles sont signalées ci-dessous.
access-col-when = Quand
access-col-who = Qui
access-col-what = Quoi
access-col-case = Dossier
access-view-case = A consulté le dossier
access-view-patient = A consulté la fiche du patient
access-export-case = A exporté le dossier
access-export-patient = A tout exporté
access-create-case = A ouvert le dossier
access-change-case = A modifié le dossier
access-create-patient = A créé la fiche
access-change-patient = A modifié la fiche
access-consent-given = A enregistré un consentement
access-consent-withdrawn = A enregistré un retrait de consentement
access-erase = A supprimé les renseignements du patient
access-export-list = A exporté le dossier dans une liste de dossiers
access-export-without-consent = A exporté le dossier sans le consentement du patient
patient-export-all = Tout exporter (JSON)…
patient-export-done = Enregistré : { $path }
patient-erase = Supprimer les renseignements de ce patient…
patient-erase-confirm = { $cases ->
    [0] Supprimer définitivement les renseignements de { $name } ?
    [one] Supprimer définitivement les renseignements de { $name } et son dossier ?
   *[other] Supprimer définitivement les renseignements de { $name } et ses { $cases } dossiers ?
} Cette action est irréversible. Le journal des accès conserve les références des dossiers et qui a fait quoi, sans renseignements personnels.
patient-erase-yes = Supprimer définitivement
patient-erase-remains = Les sauvegardes existantes, et les copies mises de côté lors de restaurations antérieures, contiennent encore les renseignements de ce patient jusqu’à ce que de plus récentes les remplacent. Si l’une d’elles est restaurée, ou ouverte en modification dans Kakehashi, ces renseignements en sont de nouveau supprimés.
patient-erased-pending = Une autre fenêtre lit encore la base de données : des copies antérieures des pages supprimées restent dans son fichier journal jusqu’à la fermeture de cette fenêtre ou la prochaine ouverture du fichier par Kakehashi.
patient-erased = Les renseignements du patient ont été supprimés. Références conservées : { $references }
dialog-patient-export-title = Exporter tout ce qui est conservé sur ce patient

cli-about-backup = Copier la base de données dans un fichier par la sauvegarde en ligne de SQLite et vérifier la copie
cli-arg-backup-out = Fichier à écrire
cli-backup-done = Sauvegarde écrite et vérifiée : { $path }
cli-about-restore = Remplacer la base de données par une sauvegarde, après l’avoir vérifiée ; le fichier actuel est mis de côté
cli-arg-restore-file = Fichier de sauvegarde
cli-restore-done = Sauvegarde restaurée. Le fichier précédent est conservé sous { $aside }
cli-about-encrypt = Chiffrer la base de données avec une phrase secrète lue sur l’entrée standard (l’actuelle, s’il y en a une, dans KAKEHASHI_PASSPHRASE)
cli-encrypt-done = La base de données est maintenant chiffrée.
cli-about-decrypt = Retirer le chiffrement de la base de données (phrase secrète dans KAKEHASHI_PASSPHRASE)
cli-decrypt-done = La base de données n’est plus chiffrée.
cli-about-patient = La fiche d’un patient : tout exporter, journal des accès, suppression des renseignements
cli-about-patient-export = Écrire tout ce qui est conservé sur un patient dans un fichier JSON
cli-arg-patient-export-id = Numéro du patient
cli-arg-patient-export-out = Fichier à écrire
cli-about-patient-log = Afficher le journal des accès du patient en JSON
cli-arg-patient-log-id = Numéro du patient
cli-about-patient-erase = Supprimer les renseignements d’un patient et ses dossiers, en laissant une trace sans renseignements personnels
cli-arg-patient-erase-id = Numéro du patient
cli-arg-patient-erase-yes = Confirmer la suppression
cli-erase-usage = La suppression est irréversible : ajoutez --yes pour confirmer.
cli-erase-done = Renseignements du patient supprimés. Références conservées : { $references }
cli-about-crash-writer = Interne : le processus d’écriture du banc d’essai de pannes
cli-arg-crash-writer-seed = Graine des choix du processus d’écriture
cli-crash-writer-usage = Le processus d’écriture du banc d’essai de pannes exige --db : il remplit le fichier de dossiers fictifs.

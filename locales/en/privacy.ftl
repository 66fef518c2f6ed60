## Reliability and privacy: recovery, backups, encryption, consent, the access log.

error-too-short = { $field } is too short (at least { $min ->
    [one] one character
   *[other] { $min } characters
}).
error-database-corrupt = The database file is damaged. Kakehashi has not written to it.
error-read-only = Kakehashi cannot write here: the file or its folder is read-only.
error-disk-full = The disk is full. The last change was not saved; everything saved before it is safe. Free some space and try again.
error-passphrase-needed = This database is encrypted. Enter its passphrase to open it.
error-wrong-passphrase = The passphrase is wrong, or the file is not a Kakehashi database.
error-not-the-passphrase = { $field }: this is not the passphrase of this database.
error-old-copies-remain = The encryption was changed, but the following copies, made before the change, could not be removed; they still hold the data under the old passphrase, or unencrypted: { $paths }
error-backup-after-rekey-failed = The encryption was changed and the copies made before the change were removed, but the new backup could not be made. { $reason } Use “Back up now” once the problem is solved.
field-passphrase = Passphrase
field-current-passphrase = Current passphrase
field-consent-given-on = Consent given on
field-consent-scope = What the patient agreed to
field-consent-withdrawn-on = Withdrawn on
field-backup-file = Backup file

recovery-title-corrupt = This database is damaged
recovery-title-newer = This database comes from a newer Kakehashi
recovery-title-foreign = This file belongs to another program
recovery-title-in-use = This database is open in another window
recovery-title-read-only = This database cannot be written
recovery-title-disk-full = The disk is full
recovery-title-locked = This database is encrypted
recovery-title-other = This database could not be opened
recovery-ways-out = What you can do
recovery-open-another = Open another file…
recovery-read-only = Open it read-only
recovery-retry = Try again
recovery-unlock = Unlock
recovery-backups = Backups of this file
recovery-no-backups = No backup of this file was found.
recovery-restore = Restore
recovery-restore-confirm = Restore the backup of { $date }? The current file is kept in the same folder, not deleted.
recovery-restore-yes = Restore this backup
recovery-restore-remains = Patient information erased since this backup is erased again after the restore, and the access log keeps every entry written since then.
recovery-cancel = Cancel
lockdown-refused = Kakehashi refused to leave its own pages for { $url }
read-only-banner = Read-only view: nothing can be changed in this window.

settings-backups = Backups
settings-backups-help = A backup is made automatically once a day and { $keep ->
    [one] the last one is kept
   *[other] the last { $keep } are kept
}, in { $folder }
settings-backup-failed = The automatic backup failed: { $detail }
settings-backup-now = Back up now
settings-backup-done = Backup saved: { $path }
settings-backups-none = No backup yet.
settings-backup-taken = { $date }
settings-encryption = Encryption
settings-encrypted = This database is encrypted. Without its passphrase the file cannot be read.
settings-not-encrypted = This database is not encrypted: anyone who has the file can read it.
settings-new-passphrase = New passphrase
settings-repeat-passphrase = Confirm the passphrase
settings-passphrase-mismatch = The two passphrases are not the same.
settings-passphrase-warning = Keep the passphrase safe. If it is lost, nobody can open the database, not even from its backups. Older backups, made with the old key or without encryption, are replaced by one new backup.
settings-encrypt = Encrypt
settings-change-passphrase = Change the passphrase
settings-decrypt = Remove encryption
settings-encryption-done = Saved.
settings-decrypt-confirm = Remove the encryption? Anyone who gets the file, or a backup made from now on, will be able to read every record in it.
settings-decrypt-yes = Remove the encryption

privacy-title = Privacy
consent-title = Consent
consent-none = No consent is recorded for this patient.
consent-add = Record consent
consent-scope-care-coordination = Coordination of care
consent-scope-cross-border-transfer = Sharing of their personal information between Canada and Japan
consent-scope-share-with-providers = Sharing with hospitals and clinics
consent-scope-share-with-insurer = Sharing with the insurer
consent-scope-share-with-interpreter = Sharing with interpreters
consent-given = Given on { $date }, recorded by { $actor }
consent-withdrawn = Withdrawn on { $date }
consent-withdraw = Withdraw…
consent-withdraw-save = Record withdrawal
consent-note = Note
access-log-title = Access log
access-log-help = Every view, export and change of this patient’s record and cases.
access-log-empty = Nothing recorded yet.
access-altered = Changed outside Kakehashi
access-log-altered = Some lines of this log were changed or removed outside Kakehashi. They are marked below.
access-col-when = When
access-col-who = Who
access-col-what = What
access-col-case = Case
access-view-case = Viewed the case
access-view-patient = Viewed the patient record
access-export-case = Exported the case
access-export-patient = Exported everything
access-create-case = Opened the case
access-change-case = Changed the case
access-create-patient = Created the record
access-change-patient = Changed the record
access-consent-given = Recorded consent
access-consent-withdrawn = Recorded a withdrawal of consent
access-erase = Erased the patient’s information
access-export-list = Exported as part of a case list
access-export-without-consent = Exported the case without the patient’s consent
patient-export-all = Export everything (JSON)…
patient-export-done = Saved: { $path }
patient-erase = Erase this patient’s information…
patient-erase-confirm = { $cases ->
    [0] Erase the information of { $name } for good?
    [one] Erase the information of { $name } and their case for good?
   *[other] Erase the information of { $name } and their { $cases } cases for good?
} This cannot be undone. The access log keeps the case references and who did what, without personal information.
patient-erase-yes = Erase for good
patient-erase-remains = Existing backups, and copies set aside by earlier restores, still hold this patient’s information until newer ones replace them. If one of them is restored, or opened in Kakehashi for editing, the information is erased from it again.
patient-erased-pending = Another window is still reading the database, so earlier copies of the erased pages stay in its journal file until that window closes or Kakehashi next opens the file.
patient-erased = The patient’s information was erased. References kept: { $references }
dialog-patient-export-title = Export everything held about this patient

cli-about-backup = Copy the database to a file with SQLite’s online backup and check the copy
cli-arg-backup-out = File to write
cli-backup-done = Backup written and checked: { $path }
cli-about-restore = Replace the database with a backup, after checking the backup; the current file is kept aside
cli-arg-restore-file = Backup file
cli-restore-done = Backup restored. The previous file is kept as { $aside }
cli-about-encrypt = Encrypt the database with a passphrase read from standard input (the current one, if any, from KAKEHASHI_PASSPHRASE)
cli-encrypt-done = The database is now encrypted.
cli-about-decrypt = Remove the database’s encryption (passphrase from KAKEHASHI_PASSPHRASE)
cli-decrypt-done = The database is no longer encrypted.
cli-about-patient = A patient’s record: export everything, the access log, erasure
cli-about-patient-export = Write everything held about a patient to a JSON file
cli-arg-patient-export-id = Patient number
cli-arg-patient-export-out = File to write
cli-about-patient-log = Print the patient’s access log as JSON
cli-arg-patient-log-id = Patient number
cli-about-patient-erase = Erase a patient’s information and their cases, leaving a trace without personal information
cli-arg-patient-erase-id = Patient number
cli-arg-patient-erase-yes = Confirm the erasure
cli-erase-usage = Erasing cannot be undone: add --yes to confirm.
cli-erase-done = Patient’s information erased. References kept: { $references }
cli-about-crash-writer = Internal: the writing process of the crash test
cli-arg-crash-writer-seed = Seed of the writing process’s choices
cli-crash-writer-usage = The crash test’s writing process needs --db: it fills the file with fictional cases.

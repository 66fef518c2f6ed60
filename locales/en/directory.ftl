## Patients and providers screens.

## Patients screen

patients-title = Patients
patients-search-label = Search patients
patients-search-placeholder = Search names, readings, case references…
patients-count = { $count ->
    [one] { $count } patient
   *[other] { $count } patients
}
patients-no-results = No patient matches “{ $query }”.
patients-empty = No patients yet. A patient is added with their first case.
patients-choose = Select a patient to see and edit their details.
patients-loading = Loading…
patients-cases = Cases
patients-no-cases = No cases.
patients-section-identity = Identity
patients-section-home = Home and languages
patients-section-contact = Contact
patients-section-travel = Travel and care
patients-not-set = Not set
patients-name-order-family-first = Family name first
patients-name-order-given-first = Given name first
patients-nationality-hint = Two-letter country code, e.g. CA or JP.
patients-home-zone-hint = Leave empty to use the time zone of the province or prefecture.
patients-save = Save patient
patients-saved = Patient saved.
patients-discard-question = Discard your unsaved changes to this patient?

## Providers screen

providers-title = Providers
providers-new = New provider
providers-new-title = New provider
providers-count = { $count ->
    [one] { $count } provider
   *[other] { $count } providers
}
providers-empty = No providers yet.
providers-choose = Select a provider to edit it, or create a new one.
providers-discard-question = Discard your unsaved changes to this provider?
providers-section-names = Names
providers-section-place = Location
providers-section-desk = International patient desk
providers-name-fr-hint = Leave empty to use the English name.
providers-name-ja-hint = Leave empty to use the English name.
providers-desk-contact-hint = Phone number or email address of the international patient desk.
providers-create = Create provider
providers-save = Save provider
providers-saved = Provider saved.
providers-deleted = Provider deleted.
providers-delete = Delete
providers-delete-question = Delete this provider? This cannot be undone.
providers-keep = Keep

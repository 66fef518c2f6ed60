## The workspace: navigation, Today, case editing, list filters.

nav-label = Screens
nav-today = Today
nav-cases = Cases
nav-patients = Patients
nav-providers = Providers
nav-settings = Settings

today-title = Today
today-date = { $date }
today-zone = Times in your zone: { $zone }
today-counts = Cases by status
today-overdue = { $count ->
    [0] Overdue tasks
   *[other] Overdue tasks ({ $count })
}
today-due-soon = { $count ->
    [0] Due in the next 7 days
   *[other] Due in the next 7 days ({ $count })
}
today-overdue-many = Overdue tasks ({ $count } or more)
today-due-soon-many = Due in the next 7 days ({ $count } or more)
today-upcoming = Events in the next 14 days
today-waiting = Waiting on a document
today-nothing-overdue = Nothing overdue.
today-nothing-due = Nothing due in the next 7 days.
today-nothing-upcoming = No events in the next 14 days.
today-nothing-waiting = No requested document is outstanding.
today-your-time = your time: { $time }
today-show-more = Show { $count } more
list-separator = ,{" "}

list-filter-any = All
list-filters = Filters and order
list-filters-off-in-search = Search looks through every case: the filters and the order apply to the list when the search box is empty.
list-sort = Order
list-sort-newest = Newest first
list-sort-oldest = Oldest first
list-sort-target-date = Target treatment date
list-sort-name = Patient name

detail-move-to = Move to
detail-change-status = Change status
detail-edit = Edit
detail-delete = Delete
detail-delete-item = Delete “{ $item }”
detail-add = Add
detail-add-event = Add an event
detail-add-document = Add a document
detail-add-note = Add a note
detail-costs = Costs
detail-balance = Balance due
detail-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
detail-stay-hint = Over 90 days in Japan needs a certificate of eligibility; it is added to the checklist.
detail-local-time-at = Local: { $time }
detail-removed = Removed: { $item }
detail-note-when-hint = Leave empty to use the current time; otherwise enter the time in your time zone.
detail-undo = Undo
detail-dismiss = Dismiss
form-datetime-placeholder = YYYY-MM-DD HH:MM

settings-profile = Coordinator
settings-zone-hint = The Today screen shows event times in this zone as well as where they happen.
settings-database-hint = Open another file, or start a new one; the current file is closed, never changed.
settings-open-database = Open another database…
settings-new-database = New database…
settings-database-filter = Kakehashi database

field-event-kind = Event
field-event-start = Starts (local time)
field-event-end = Ends (local time)
field-event-zone = Time zone
field-event-title = Details
field-document-kind = Document
field-document-state = Document state
field-document-note = Document note
field-task-due = Due date
field-note-channel = Channel
field-note-written-at = Date of the note
field-name-en = Name in English
field-name-fr = Name in French
field-name-ja = Name in Japanese
field-country = Country
field-city = City
field-time-zone = Time zone
field-specialties = Specialties
field-accreditations = Accreditations
field-languages = Languages of the international patient desk
field-desk-contact = International patient desk contact
field-home-zone = Home time zone
field-expected-stay = Expected stay (days)

error-invalid-date-time = { $field } is not a valid date and time (use YYYY-MM-DD HH:MM).
error-time-skipped = { $field }: this time does not exist in that zone (the clocks go forward that night). Choose another time.
error-end-before-start = { $field } is before the start.
error-deposit-over-estimate = { $field } is more than the estimated cost.
error-item-not-found = This item is no longer part of the case; it may have been removed in the meantime.
error-patient-not-found = This patient record no longer exists.
error-provider-in-use = This provider is used in { $cases ->
    [one] one case
   *[other] { $cases } cases
} and cannot be deleted.

## Domain values. Ids are the stable ids stored in the database.

case-status-inquiry = Inquiry
case-status-records-review = Records review
case-status-quoted = Quoted
case-status-confirmed = Confirmed
case-status-travel-booked = Travel booked
case-status-in-treatment = In treatment
case-status-recovering = Recovering
case-status-returned-home = Returned home
case-status-follow-up = Follow-up
case-status-closed = Closed
case-status-on-hold = On hold
case-status-cancelled = Cancelled

direction-ca-to-jp = Canada → Japan
direction-jp-to-ca = Japan → Canada

specialty-oncology = Oncology
specialty-proton-therapy = Proton therapy
specialty-heavy-ion-therapy = Heavy-ion therapy
specialty-cardiac-surgery = Cardiac surgery
specialty-orthopaedics = Orthopaedics
specialty-neurosurgery = Neurosurgery
specialty-regenerative-medicine = Regenerative medicine
specialty-fertility = Fertility
specialty-health-screening = Health screening (ningen dock)
specialty-rehabilitation = Rehabilitation
specialty-other = Other

priority-low = Low
priority-normal = Normal
priority-high = High
priority-urgent = Urgent

sex-female = Female
sex-male = Male
sex-other = Other
sex-unspecified = Not stated

lang-en = English
lang-fr = French
lang-ja = Japanese

event-consultation = Consultation
event-flight = Flight
event-arrival = Arrival
event-admission = Admission
event-procedure = Procedure
event-discharge = Discharge
event-follow-up = Follow-up
event-status-change = Status changed
event-other = Other

document-passport = Passport
document-medical-stay-visa = Medical Stay visa
document-eta = eTA
document-guarantor-letter = Guarantor organisation letter
document-certificate-of-eligibility = Certificate of eligibility
document-treatment-schedule = Treatment schedule (for the visa)
document-acceptance-certificate = Hospital acceptance certificate
document-referral-letter = Referral letter
document-medical-records = Medical records
document-translated-records = Certified translation of records
document-imaging = Imaging
document-insurance = Insurance
document-consent-form = Consent form
document-cost-estimate = Cost estimate
document-other = Other document

document-state-missing = Missing
document-state-requested = Requested
document-state-received = Received
document-state-verified = Verified
document-state-not-needed = Not needed

note-channel-phone = Phone
note-channel-email = Email
note-channel-meeting = Meeting
note-channel-message = Text or chat message

country-CA = Canada
country-JP = Japan

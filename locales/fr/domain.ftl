## Domain values. Ids are the stable ids stored in the database.

case-status-inquiry = Demande
case-status-records-review = Examen du dossier médical
case-status-quoted = Soumission envoyée
case-status-confirmed = Confirmé
case-status-travel-booked = Voyage réservé
case-status-in-treatment = En traitement
case-status-recovering = En convalescence
case-status-returned-home = De retour au pays
case-status-follow-up = Suivi
case-status-closed = Fermé
case-status-on-hold = En attente
case-status-cancelled = Annulé

direction-ca-to-jp = Canada → Japon
direction-jp-to-ca = Japon → Canada

specialty-oncology = Oncologie
specialty-proton-therapy = Protonthérapie
specialty-heavy-ion-therapy = Thérapie par ions lourds
specialty-cardiac-surgery = Chirurgie cardiaque
specialty-orthopaedics = Orthopédie
specialty-neurosurgery = Neurochirurgie
specialty-regenerative-medicine = Médecine régénératrice
specialty-fertility = Fertilité
specialty-health-screening = Bilan de santé (ningen dock)
specialty-rehabilitation = Réadaptation
specialty-other = Autre

priority-low = Basse
priority-normal = Normale
priority-high = Haute
priority-urgent = Urgente

sex-female = Féminin
sex-male = Masculin
sex-other = Autre
sex-unspecified = Non précisé

lang-en = Anglais
lang-fr = Français
lang-ja = Japonais

event-consultation = Consultation
event-flight = Vol
event-arrival = Arrivée
event-admission = Admission
event-procedure = Intervention
event-discharge = Congé de l’hôpital
event-follow-up = Suivi
event-status-change = Changement de statut
event-other = Autre

document-passport = Passeport
document-medical-stay-visa = Visa de séjour médical
document-eta = AVE (autorisation de voyage électronique)
document-guarantor-letter = Lettre de l’organisme garant
document-certificate-of-eligibility = Certificat d’admissibilité (COE)
document-treatment-schedule = Calendrier prévisionnel des soins (pour le visa)
document-acceptance-certificate = Attestation d’acceptation de l’établissement
document-referral-letter = Demande de consultation (lettre du médecin traitant)
document-medical-records = Dossier médical
document-translated-records = Traduction certifiée du dossier médical
document-imaging = Imagerie médicale
document-insurance = Attestation d’assurance
document-consent-form = Formulaire de consentement
document-cost-estimate = Estimation des coûts
document-other = Autre document

document-state-missing = Manquant
document-state-requested = Demandé
document-state-received = Reçu
document-state-verified = Vérifié
document-state-not-needed = Non requis

note-channel-phone = Téléphone
note-channel-email = Courriel
note-channel-meeting = Rencontre
note-channel-message = Texto ou messagerie

country-CA = Canada
country-JP = Japon

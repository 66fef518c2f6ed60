## Données de démonstration : les tâches et les notes des dossiers fictifs, dans la
## langue de la personne coordonnatrice, comme elle les aurait saisies.

demo-task-send-referral = Envoyer la demande de consultation au service des patients internationaux
demo-task-book-flights = Réserver les vols
demo-task-confirm-interpreter = Confirmer l’interprète pour la consultation
demo-task-request-translation = Demander la traduction certifiée du dossier médical
demo-task-collect-deposit = Percevoir l’acompte
demo-task-follow-up-call = Appel de suivi après le retour au pays
demo-note-passport = Appel pour confirmer la date d’expiration du passeport.
demo-note-imaging = Le service des patients internationaux de l’hôpital demande les images de la dernière tomodensitométrie sur disque.
demo-note-companion = Sa fille voyagera comme accompagnatrice ; prévoir un fauteuil roulant à l’arrivée.
demo-note-diet = Régime sans gluten : prévenir l’hôpital avant l’admission.

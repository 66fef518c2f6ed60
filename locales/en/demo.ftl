## Demo data: the tasks and notes that fictional cases start with, written in the
## coordinator's language as a coordinator would have typed them.

demo-task-send-referral = Send the referral letter to the international patient desk
demo-task-book-flights = Book the flights
demo-task-confirm-interpreter = Confirm the interpreter for the consultation
demo-task-request-translation = Request the certified translation of the records
demo-task-collect-deposit = Collect the deposit
demo-task-follow-up-call = Follow-up call after the return home
demo-note-passport = Called the patient to confirm the passport expiry date.
demo-note-imaging = The hospital’s international patient desk asked for the latest CT images on disc.
demo-note-companion = Their daughter will travel as a companion; a wheelchair is needed on arrival.
demo-note-diet = Gluten-free diet: tell the hospital before admission.

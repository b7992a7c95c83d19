"""A therapist's plan: a small file a clinician gives the client (which questionnaires how
often, which reflections to invite after each session, the clinic's contact, a local crisis
line), read and checked (`reading`), and applied only once the client agrees (`applying`)."""

"""Home: a calm summary of where the course stands and what might come next."""

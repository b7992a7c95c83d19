"""Recovery: what the window offers when the data file could not be opened."""

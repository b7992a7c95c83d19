"""Printout: choosing what goes into the summary for the therapist, preview and PDF."""

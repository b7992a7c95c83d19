"""Check-ins: the PHQ-9, GAD-7 and PCL-5 questionnaires, their flow and their results."""

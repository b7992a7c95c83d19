"""Insights: the board of insights with their themes, commitments and notes."""

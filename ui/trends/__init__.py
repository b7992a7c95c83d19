"""Trends: how themes and distress shift across sessions, in charts and tables."""

"""Read models over the store for the screens and the printout: the home summary,
follow-ups, trends, theme suggestions, the check-in schedule and support. No SQL, no Qt widgets.
"""

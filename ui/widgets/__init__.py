"""Shared, screen-agnostic widgets: the page frame, cards, choices, the distress scale,
step buttons, the breathing pacer, style, icons and error messages. Never imports a screen.
"""

"""KAP Companion's core: domain types, storage, prompts, themes, reports and the command line.

This package never imports Qt widgets and never opens a network connection; everything in it
runs and is tested without a display. Keep this module light: it is imported at start-up.
"""

__version__ = "0.1.0"

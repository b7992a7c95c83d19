"""The printout for the therapist: what goes in (options), what it says (content), and how it
is laid out and painted onto paper or a PDF (document, render). The command line's `report`
command lives in `command`.
"""

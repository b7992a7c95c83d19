"""The practice log and the medication list: what the client does and takes between sessions."""

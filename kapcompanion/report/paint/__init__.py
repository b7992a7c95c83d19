"""How the printout is laid out and painted: HTML for a QTextDocument, pagination,
running text and the one engine for PDF and paper (QtGui only, never Qt widgets).
"""

"""Type whose letters reach the PDF's text layer one by one.

With ligatures on, Qt's PDF writer stores "ff", "fi", "fl", "ffi" and "ffl" as the single
characters U+FB00–FB04 in the text layer: a search for "effects" or "reflection" in a PDF
reader finds nothing, and copied text carries those characters. So the printout's fonts ask
for no ligatures at all (the common and the contextual ones) — the letters look nearly the
same on paper.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

LIGATURE_FEATURES = ("liga", "clig", "dlig", "hlig")


def without_ligatures(font: QFont) -> QFont:
    """`font` (a copy) with every kind of ligature turned off."""
    plain = QFont(font)
    for tag in LIGATURE_FEATURES:
        plain.setFeature(QFont.Tag(tag), 0)
    return plain

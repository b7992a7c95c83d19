"""Keeping Tab in reading order on the insight board, whose cards are rebuilt and reordered.

Qt's focus chain follows the order widgets were made, not where they sit; the board moves
cards (a pinned one goes to the top) and adds controls later (a new theme, a small step), so
it restates the order after every change.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtWidgets import QWidget


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit `widgets` one after another, in this order."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)

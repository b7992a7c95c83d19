"""Keeping Tab in reading order where controls are added or moved after they were made.

Qt's focus chain follows the order widgets were made, not where they sit; a card that gains a
control later (a new theme, a small step) or a page whose choices are rebuilt (the printout's
lists) restates the order with `chain_tab_order` after every change.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit `widgets` one after another, in this order."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def last_focusable_in(container: QWidget) -> QWidget | None:
    """The control inside `container` that Tab reaches last, hidden or not."""
    waiting = {
        widget
        for widget in container.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    }
    last: QWidget | None = None
    # Walk Tab's chain only until every control inside has been seen: the window's whole
    # chain runs to thousands of widgets, a step's own to a handful.
    widget = container.nextInFocusChain()
    while waiting and widget is not None and widget is not container:
        if widget in waiting:
            waiting.discard(widget)
            last = widget
        widget = widget.nextInFocusChain()
    return last

"""Small widgets every screen is made of: page, card, text in a named role, theme chip.

Roles map to the stylesheet (objectName), so a screen says what a piece of text is (title,
heading, reading, muted) and never how it looks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.style import ink_on, reading_width, space, tokens

CARD_SIDE_PADDING = space(3)


def text(content: str, role: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel(content)
    if role:
        label.setObjectName(role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


def page_header(title: str, subtitle: str = "") -> QWidget:
    """A screen's title, with an optional quiet line beneath it, kept close together."""
    header = QWidget()
    layout = QVBoxLayout(header)
    layout.setContentsMargins(0, 0, 0, space(1))
    layout.setSpacing(space(1) // 2)
    layout.addWidget(text(title, "title"))
    if subtitle:
        layout.addWidget(text(subtitle, "muted"))
    return header


def card(title: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A surface with a heading; returns the frame and the layout to fill."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(CARD_SIDE_PADDING, space(2), CARD_SIDE_PADDING, space(3))
    layout.setSpacing(space(1))
    if title:
        layout.addWidget(text(title, "heading"))
    return frame, layout


def calm_scroll_area(content: QWidget) -> QScrollArea:
    """A frameless vertical scroller for `content`; it never scrolls sideways."""
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # Content reflows to the width instead; a sideways scrollbar would hide clipped text.
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setWidget(content)
    return scroller


def centred_column(
    column_widget: QWidget, holder: QWidget, *, side_padding: int = CARD_SIDE_PADDING
) -> QHBoxLayout:
    """Centre `column_widget` in `holder`; it grows to the reading-width cap, no further.

    Reading text sits in cards; capping the column keeps its lines near 70 characters, and
    wider windows share what is left evenly on both sides.
    """
    column_widget.setMaximumWidth(reading_width() + 2 * side_padding)
    row = QHBoxLayout(holder)
    row.addStretch(1)
    row.addWidget(column_widget, 100)
    row.addStretch(1)
    return row


def scrolling_page(parent: QWidget) -> QVBoxLayout:
    """Give `parent` a scrollable, width-limited column and return its layout."""
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(0, 0, 0, 0)
    holder = QWidget()
    holder.setObjectName("page")
    column_widget = QWidget()
    centred_column(column_widget, holder).setContentsMargins(space(4), space(4), space(4), space(4))
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(space(3))
    outer.addWidget(calm_scroll_area(holder))
    return column


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in `layout` (used when a view is rebuilt from data)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            child = item.layout()
            assert child is not None
            clear_layout(child)


def theme_chip(name: str, colour: str) -> QLabel:
    """A theme's name on its own colour, with text dark or light for contrast."""
    chip = text(name, "chip", wrap=False)
    background = QColor(colour)
    ink = ink_on(background).name()
    # The colour is data (each theme has its own), so it is set here, not in the stylesheet.
    chip.setStyleSheet(
        f"QLabel {{ background: {background.name()}; color: {ink}; "
        f"border-radius: {tokens().radius['chip']}px; padding: 3px {space(1) + 2}px; }}"
    )
    chip.setAccessibleName(name)
    return chip


def step_shortcuts(
    owner: QWidget, go_on: Callable[[], object], pause: Callable[[], object]
) -> None:
    """The keys of every step-by-step flow: Ctrl+Enter goes on, Esc pauses (saving first)."""
    for keys, action in (("Ctrl+Return", go_on), ("Ctrl+Enter", go_on), ("Escape", pause)):
        shortcut = QShortcut(QKeySequence(keys), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(action)

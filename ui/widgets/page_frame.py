"""The frame shared by the sessions screen's pages: a header that stays put, a body beneath.

The header holds the page's title on the left and its actions on the right, so the primary
action is always in the same place. The body either scrolls (the form, a session's page) or
holds a widget that scrolls itself (the list). Both sit in the same centred, width-capped
column as every other screen (see ui.widgets.building_blocks.scrolling_page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.building_blocks import calm_scroll_area, centred_column, text
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store import Store


class PageHeader(QWidget):
    """A title (and a quiet line beneath it) on the left, the page's actions on the right."""

    def __init__(self, actions: tuple[QWidget, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(space(2))
        words = QVBoxLayout()
        words.setSpacing(space(1) // 2)
        self.title = text("", "title")
        self.subtitle = text("", "muted")
        words.addWidget(self.title)
        words.addWidget(self.subtitle)
        row.addLayout(words, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(space(1))
        for action in actions:
            buttons.addWidget(action)
        row.addLayout(buttons)
        row.setAlignment(buttons, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)

    def set_words(self, title: str, subtitle: str = "") -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))


class _FollowScrollBar(QObject):
    """Widen the header's right margin while the body's scroll bar shows, to stay aligned."""

    def __init__(self, bar: QScrollBar, header_row: QHBoxLayout) -> None:
        super().__init__(bar)
        self._row = header_row
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QScrollBar) and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            extra = watched.width() if watched.isVisible() else 0
            self._row.setContentsMargins(space(4), space(4), space(4) + extra, space(2))
        return False


class HeaderedPage(QWidget):
    """A fixed header slot above a body column; with `scrolling`, the body scrolls."""

    def __init__(self, *, scrolling: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        top = QWidget()
        top.setObjectName("page")
        header_column = QWidget()
        self.header_slot = QVBoxLayout(header_column)
        self.header_slot.setContentsMargins(0, 0, 0, 0)
        header_row = centred_column(header_column, top)
        header_row.setContentsMargins(space(4), space(4), space(4), space(2))
        outer.addWidget(top)

        holder = QWidget()
        holder.setObjectName("page")
        body_column = QWidget()
        self.body = QVBoxLayout(body_column)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(space(3))
        body_row = centred_column(body_column, holder)
        body_row.setContentsMargins(space(4), space(1), space(4), space(4))
        if scrolling:
            scroller = calm_scroll_area(holder)
            bar = scroller.verticalScrollBar()
            _FollowScrollBar(bar, header_row)
            self.scroller: QScrollArea | None = scroller
            outer.addWidget(scroller, 1)
        else:
            self.scroller = None
            outer.addWidget(holder, 1)

    def set_header(self, header: QWidget) -> None:
        """Show `header` at the top of the page (once, when the page is built)."""
        self.header_slot.addWidget(header)


class RecentlyDeletedPage(HeaderedPage):
    """What a screen that hosts the "Recently deleted" page may rely on.

    The Journal shows that page inside its own stack, but it is a screen of its own
    (`ui.recently_deleted`); the window builds it and hands it over, so neither screen imports the
    other.
    """

    back_requested = Signal()
    data_changed = Signal(str)  # a ui.changes.DataKind
    erased = Signal(str, int)  # kind, id

    def set_store(self, store: Store) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        raise NotImplementedError

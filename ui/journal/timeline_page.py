"""The journal's first page: search, filters, a count, a quiet notice, and the timeline itself.

`TimelinePage` builds these widgets and shows the page's state — the timeline, "nothing
matches", or the empty journal — and keeps the timeline tall enough for one reflection. What the
buttons and fields do is the journal view's business (`ui.journal.view`), which wires them.
Never reads the store and never writes data.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.wording.translation import fill
from ui.journal.delegate import JournalRowDelegate
from ui.journal.filters import JournalFilterBar
from ui.journal.model import JournalFilterProxy
from ui.widgets.building_blocks import card, text
from ui.widgets.focus import chain_tab_order
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.style import space


class TimelinePage(HeaderedPage):
    """Every reflection, newest first and grouped by session, with search and filters above."""

    def __init__(self, proxy: JournalFilterProxy, parent: QWidget | None = None) -> None:
        # The page scrolls only when a small window cannot hold the filters and a few rows.
        super().__init__(scrolling=True, parent=parent)
        self.setAccessibleName(self.tr("Your journal"))
        self._proxy = proxy
        self._build_header()
        self.body.setSpacing(space(2))
        self.body.addWidget(self._build_controls())
        self.body.addWidget(self._build_notice())
        self.body.addWidget(self._build_timeline(), 1)
        self.body.addWidget(self._build_no_match())
        self.body.addWidget(self._build_empty())
        # Stretch 0: the space below fills only while the timeline itself is hidden.
        self.body.addStretch(0)
        self._build_tab_order()

    # Building ---------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.deleted_button = QPushButton(self.tr("Recently deleted"))
        self.deleted_button.setAccessibleName(self.tr("Recently deleted"))
        header = PageHeader((self.deleted_button,))
        header.set_words(
            self.tr("Journal"),
            self.tr("Your reflections and quick check-ins, newest first, grouped by session."),
        )
        self.set_header(header)

    def _build_controls(self) -> QWidget:
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search your journal"))
        self.search_field.setAccessibleName(self.tr("Search your journal"))
        self.search_field.setAccessibleDescription(
            self.tr(
                "Looks through your reflections and the notes of your check-ins. Words find "
                'words that begin with them; "quotes" find a phrase.'
            )
        )
        self.search_field.setClearButtonEnabled(True)
        # As tall as the Filters button beside it.
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        clear_search = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.search_field,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        clear_search.activated.connect(self.search_field.clear)
        self.filters_button = QPushButton(self.tr("Filters"))
        self.filters_button.setCheckable(True)
        self.filters_button.setAccessibleName(self.tr("Show filters"))
        self.filters_button.toggled.connect(self._filters_toggled)
        self.search_row = QWidget()
        search_layout = QHBoxLayout(self.search_row)
        search_layout.setContentsMargins(0, 0, 0, 0)
        search_layout.setSpacing(space(1))
        search_layout.addWidget(self.search_field, 1)
        search_layout.addWidget(self.filters_button)

        self.filter_bar = JournalFilterBar()
        self.filter_card, filter_layout = card()
        filter_layout.setContentsMargins(space(2), space(2), space(2), space(2))
        filter_layout.addWidget(self.filter_bar)
        self.filter_card.hide()

        self.count_label = text("", "muted")
        self.count_label.setAccessibleName(self.tr("How many reflections show"))

        # Search, filters and the count stay close together, apart from the timeline.
        self.controls = QWidget()
        controls_layout = QVBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.setSpacing(space(1))
        controls_layout.addWidget(self.search_row)
        controls_layout.addWidget(self.filter_card)
        controls_layout.addWidget(self.count_label)
        return self.controls

    def _build_notice(self) -> QFrame:
        self.notice, notice_layout = card()
        notice_layout.setContentsMargins(space(2), space(1), space(1), space(1))
        notice_row = QHBoxLayout()
        notice_row.setSpacing(space(2))
        self.notice_text = text("")
        self.notice_undo = QPushButton(self.tr("Undo"))
        self.notice_undo.setAccessibleName(self.tr("Undo the last change"))
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.notice_undo, 0, Qt.AlignmentFlag.AlignVCenter)
        notice_layout.addLayout(notice_row)
        self.notice.hide()
        return self.notice

    def _build_timeline(self) -> QFrame:
        self.timeline = QTreeView()
        self.timeline.setAccessibleName(self.tr("Your reflections"))
        self.timeline.setAccessibleDescription(
            self.tr("Press Enter to open a reflection or a quick check-in.")
        )
        self.timeline.setModel(self._proxy)
        self.timeline.setItemDelegate(JournalRowDelegate(self.timeline))
        self.timeline.setHeaderHidden(True)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setItemsExpandable(False)
        self.timeline.setIndentation(0)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Per item: the scroll range needs no row heights, so years of entries stay light.
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setMouseTracking(True)
        self.timeline.installEventFilter(self)
        self.search_field.installEventFilter(self)  # Down goes from the search to the results
        self.list_card, list_layout = card()
        list_layout.setContentsMargins(space(1), 0, space(1), space(1))
        list_layout.addWidget(self.timeline)
        return self.list_card

    def _build_no_match(self) -> QFrame:
        self.no_match_card, no_match_layout = card()
        no_match_layout.addWidget(
            text(
                self.tr(
                    "Nothing matches these filters. You might clear a filter or try other words."
                ),
                "reading",
            )
        )
        self.show_all_button = QPushButton(self.tr("Clear search and filters"))
        self.show_all_button.setAccessibleName(self.tr("Clear search and filters"))
        no_match_row = QHBoxLayout()
        no_match_row.addWidget(self.show_all_button)
        no_match_row.addStretch(1)
        no_match_layout.addLayout(no_match_row)
        return self.no_match_card

    def _build_empty(self) -> QFrame:
        self.empty_card, empty_layout = card()
        empty_layout.addWidget(
            text(
                self.tr(
                    "Your reflections will appear here, newest first, ready to read again "
                    "and search."
                ),
                "reading",
            )
        )
        self.reflect_button = QPushButton(self.tr("Begin a reflection"))
        self.reflect_button.setObjectName("primary")
        self.reflect_button.setAccessibleName(self.tr("Begin a reflection"))
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.reflect_button)
        empty_row.addStretch(1)
        empty_layout.addLayout(empty_row)
        return self.empty_card

    def _build_tab_order(self) -> None:
        chain_tab_order(
            [self.deleted_button, self.search_field, self.filters_button, self.filter_bar.theme_box]
        )
        chain_tab_order(
            [
                self.filter_bar.clear_button,
                self.notice_undo,
                self.timeline,
                self.show_all_button,
                self.reflect_button,
            ]
        )

    # Showing ----------------------------------------------------------------------------------

    def show_state(self, total: int, check_ins: int = 0, check_ins_showing: int = 0) -> None:
        """Timeline, "nothing matches", or the empty journal; and how many of the `total`
        reflections and of the quick check-ins show."""
        rows = self._proxy.rowCount() if total + check_ins else 0
        showing = rows - check_ins_showing
        empty = total + check_ins == 0
        self.controls.setVisible(not empty)
        self.filter_card.setVisible(self.filters_button.isChecked())
        self.empty_card.setVisible(empty)
        self.no_match_card.setVisible(not empty and rows == 0)
        self.list_card.setVisible(rows > 0)
        active = self.filter_bar.active_count()
        self.filters_button.setText(
            fill(self.tr("Filters (%1)"), active) if active else self.tr("Filters")
        )
        if showing == total:
            words = (
                self.tr("1 reflection") if total == 1 else fill(self.tr("%1 reflections"), total)
            )
        else:
            words = fill(self.tr("Showing %1 of %2 reflections"), showing, total)
        if check_ins_showing and total == 0:
            words = self._check_ins_words(check_ins_showing)
        elif check_ins_showing:
            words = fill(self.tr("%1 · %2"), words, self._check_ins_words(check_ins_showing))
        self.count_label.setText(words)

    def _check_ins_words(self, showing: int) -> str:
        if showing == 1:
            return self.tr("1 quick check-in")
        return fill(self.tr("%1 quick check-ins"), showing)

    def say(self, words: str, *, can_undo: bool, in_sight: bool) -> None:
        """A quiet word about what just happened, with Undo when there is something to undo."""
        self.notice_text.setText(words)
        self.notice_undo.setVisible(can_undo)
        self.notice.setVisible(bool(words) and in_sight)

    def _filters_toggled(self, shown: bool) -> None:
        self.filter_card.setVisible(shown)
        self.filters_button.setAccessibleName(
            self.tr("Hide filters") if shown else self.tr("Show filters")
        )
        if shown:
            self.filter_bar.theme_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            return self._down_into_results(cast(QKeyEvent, event))
        # Room for at least one reflection and its session's heading, in the list's own font.
        if watched is self.timeline and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self.fit_timeline()
        return False

    def _down_into_results(self, event: QKeyEvent) -> bool:
        """Down in the search box moves into the results, on the first one if none is chosen."""
        if event.key() != Qt.Key.Key_Down or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        first = self._proxy.index(0, 0)
        if not first.isValid():
            return False
        if not self.timeline.currentIndex().isValid():
            self.timeline.setCurrentIndex(first)
        self.timeline.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def fit_timeline(self) -> None:
        """Keep the timeline tall enough for its first row."""
        delegate = self.timeline.itemDelegate()
        if delegate is None:
            return
        option = QStyleOptionViewItem()
        option.initFrom(self.timeline)
        option.font = self.timeline.font()
        first = self._proxy.index(0, 0)
        if first.isValid():
            height = delegate.sizeHint(option, first).height()
            self.timeline.setMinimumHeight(height + 2 * self.timeline.frameWidth())

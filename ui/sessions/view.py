"""Sessions: the list of sessions, a session's own page, and the form to add or change one.

Three pages in one screen, in a stack: the list (newest first, from `SessionListModel`), a
session's page, and the form. "Add a session" is the screen's one primary action and stays at
the top right of the list. After a save, or after a session moves to "recently deleted" (with
its reflections, and its insights if the client chooses: see `store.deleted`), the view
announces `DataKind.SESSIONS`; it never reaches into other views. It shows sessions and the
reflections on them, and reloads when either changes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLayout,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import DeletedKind
from kapcompanion.errors import KapError, NotFoundError
from kapcompanion.ids import SessionId
from ui.changes import DataKind
from ui.sessions.form import SessionForm
from ui.sessions.list_delegate import SessionRowDelegate
from ui.sessions.list_model import SessionListModel, SessionRole, summarise_sessions
from ui.sessions.page import SessionPage
from ui.widgets.building_blocks import card, text
from ui.widgets.deleting import ask_about_session
from ui.widgets.error_messages import show_error
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.screen import Screen
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store import Store

VISIBLE_ROWS_AT_LEAST = 2


class SessionsView(Screen):
    """The sessions screen. Give it a store with `set_store`; `refresh` reloads from it."""

    depends_on = frozenset({DataKind.SESSIONS, DataKind.REFLECTIONS})
    reflect_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sessions"))
        # Where the form goes back to: the session it was opened from, or the list.
        self._form_opened_from: SessionId | None = None

        self.model = SessionListModel(self)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.list_page = self._build_list_page()
        self.session_page = SessionPage()
        self.session_page.back_requested.connect(self.show_list)
        self.session_page.edit_requested.connect(self.edit_session)
        self.session_page.delete_requested.connect(self.delete_session)
        self.session_page.reflect_requested.connect(self.reflect_requested)
        self.form = SessionForm()
        self.form.saved.connect(self._saved)
        self.form.cancelled.connect(self._form_left)
        for page in (self.list_page, self.session_page, self.form):
            self.pages.addWidget(page)

    # The list -------------------------------------------------------------------------------

    def _build_list_page(self) -> HeaderedPage:
        page = HeaderedPage(scrolling=False)
        page.setAccessibleName(self.tr("All sessions"))
        self.add_button = QPushButton(self.tr("Add a session"))
        self.add_button.setObjectName("primary")
        self.add_button.setAccessibleName(self.tr("Add a session"))
        self.add_button.clicked.connect(self.add_session)
        header = PageHeader((self.add_button,))
        header.set_words(
            self.tr("Sessions"),
            self.tr("Newest first. Open one to see its reflections."),
        )
        page.set_header(header)

        self.list_view = QListView()
        self.list_view.setAccessibleName(self.tr("Your sessions"))
        self.list_view.setAccessibleDescription(self.tr("Press Enter to open a session."))
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(SessionRowDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setMouseTracking(True)
        self.list_view.activated.connect(self._row_activated)
        self.list_view.installEventFilter(self)

        self.list_card, list_layout = card()
        list_layout.setContentsMargins(space(1), space(1), space(1), space(1))
        # The card takes its height limits from the list, so it hugs a short list.
        list_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        list_layout.addWidget(self.list_view)
        page.body.addWidget(self.list_card, 1)

        self.empty_card, empty_layout = card()
        self.empty_text = text(
            self.tr(
                "Your sessions will appear here, each with how you felt before and after "
                "and the reflections you wrote about it."
            ),
            "reading",
        )
        empty_layout.addWidget(self.empty_text)
        page.body.addWidget(self.empty_card)
        self.empty_card.hide()
        # Stretch 0: the space below the card fills only once the card has all its rows.
        page.body.addStretch(0)
        QWidget.setTabOrder(self.add_button, self.list_view)
        return page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Rows are measured in the list's own font, which the stylesheet settles late.
        if watched is self.list_view and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_list_height()
        return False

    def _fit_list_height(self) -> None:
        """Let the list's card hug its rows when they fit, and scroll when they don't."""
        rows = self.model.rowCount()
        row_height = self.list_view.sizeHintForRow(0) if rows else 0
        frame = 2 * self.list_view.frameWidth()
        self.list_view.setMinimumHeight(min(rows, VISIBLE_ROWS_AT_LEAST) * row_height + frame)
        self.list_view.setMaximumHeight(rows * row_height + frame)

    def _row_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        session_id = index.data(SessionRole.SESSION_ID)
        if session_id is not None:
            self.open_session(int(session_id))

    # Store and refreshing -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.form.set_store(store)
        super().set_store(store)

    def load_from_store(self) -> None:
        """Reload the list (and an open session's page) from the store; a form is left alone."""
        if self._store is None:
            return
        current = self.list_view.currentIndex().data(SessionRole.SESSION_ID)
        self.model.set_summaries(summarise_sessions(self._store, date.today()))
        empty = self.model.rowCount() == 0
        self.list_card.setVisible(not empty)
        self.empty_card.setVisible(empty)
        self._fit_list_height()
        self._select_session(int(current) if current is not None else None)
        showing = self.session_page.session()
        if self.pages.currentWidget() is self.session_page and showing is not None:
            self._show_session_page(showing.id)

    def _select_session(self, session_id: int | None) -> None:
        row = self.model.row_of(SessionId(session_id)) if session_id is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.list_view.setCurrentIndex(self.model.index(row, 0))

    # Moving between the pages ---------------------------------------------------------------

    def current_page(self) -> str:
        """Which page shows: "list", "session" or "form"."""
        current = self.pages.currentWidget()
        if current is self.form:
            return "form"
        if current is self.session_page:
            return "session"
        return "list"

    def is_editing(self) -> bool:
        """True while the form is open with changes not yet saved."""
        return self.current_page() == "form" and self.form.is_dirty()

    def show_list(self) -> None:
        """Show all sessions, with the one you last looked at still current."""
        showing = self.session_page.session()
        if showing is not None:
            self._select_session(int(showing.id))
        self.pages.setCurrentWidget(self.list_page)
        if self.model.rowCount():
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_session(self, session_id: int) -> None:
        """Show the page of session `session_id`."""
        if self._show_session_page(SessionId(session_id)):
            self.pages.setCurrentWidget(self.session_page)
            self.session_page.reflect_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_session_page(self, session_id: SessionId) -> bool:
        if self._store is None:
            return False
        try:
            session = self._store.sessions.get(session_id)
        except NotFoundError:
            self.show_list()
            return False
        reflections = self._store.reflections.list(session_id)
        self.session_page.show_session(session, reflections, date.today())
        return True

    def add_session(self) -> None:
        """Open the form for a new session."""
        if self._store is None:
            return
        self._form_opened_from = None
        self.form.start_new()
        self.pages.setCurrentWidget(self.form)
        self.form.when_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def edit_session(self, session_id: int) -> None:
        """Open the form on session `session_id`, to change what was noted."""
        if self._store is None:
            return
        try:
            session = self._store.sessions.get(SessionId(session_id))
        except NotFoundError:
            self.show_list()
            return
        self._form_opened_from = session.id
        self.form.start_edit(session)
        self.pages.setCurrentWidget(self.form)
        self.form.when_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def delete_session(self, session_id: int) -> None:
        """Move session `session_id` to "recently deleted" with its reflections, after a calm
        question that says so (and asks about its insights, if any came from it)."""
        if self._store is None:
            return
        chosen = SessionId(session_id)
        try:
            reflections = len(self._store.reflections.list(chosen))
            insights = self._store.deleted.insights_from(DeletedKind.SESSION, chosen)
        except KapError as error:
            show_error(self, error)
            return
        choice = ask_about_session(self, reflections, insights)
        if choice is None:
            return
        try:
            self._store.deleted.move(
                DeletedKind.SESSION, chosen, with_insights=choice.with_insights
            )
        except NotFoundError:
            pass  # gone already: the list shows how things are
        except KapError as error:
            show_error(self, error)
            return
        self.refresh()
        self.show_list()
        self.announce(DataKind.SESSIONS)

    def _saved(self, session_id: int) -> None:
        self.refresh()
        self.announce(DataKind.SESSIONS)
        self.open_session(session_id)

    def _form_left(self) -> None:
        if self._form_opened_from is not None:
            self.open_session(int(self._form_opened_from))
        else:
            self.show_list()

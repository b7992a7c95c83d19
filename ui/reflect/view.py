"""Reflect: start a guided reflection (session and phase, the due one pre-selected), or pick up
a paused one. Hosts the wizard while a reflection is under way.

The start page shows sessions and paused reflections and reloads when either changes (never
while the wizard is open). What the wizard saves is announced as the view's own change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.course.follow_ups import suggested_phase
from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import Phase, Reflection, SessionKind
from kapcompanion.ids import ReflectionId, SessionId
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.reflect.wizard import ReflectionWizard
from ui.widgets.building_blocks import card, clear_layout, page_header, scrolling_page, text
from ui.widgets.screen import Screen

NO_SESSION = -1


class ReflectView(Screen):
    """Where a reflection begins. Give it a store with `set_store`; `refresh` reloads from it."""

    depends_on = frozenset({DataKind.SESSIONS, DataKind.REFLECTIONS})
    reflection_closed = Signal()

    def __init__(
        self, reduce_motion: Callable[[], bool] = lambda: False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reflect"))
        self._reduce_motion = reduce_motion
        self.wizard: ReflectionWizard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.start_page = QWidget()
        self._column = scrolling_page(self.start_page)
        self.stack.addWidget(self.start_page)

    def load_from_store(self) -> None:
        if self._store is None or self.wizard is not None:
            return
        # The page is made anew: keys that were on it (or on the wizard just closed) go to its
        # filled button, rather than to a button that is gone, where they would do nothing.
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        clear_layout(self._column)
        self._column.addWidget(
            page_header(
                self.tr("Reflect"),
                self.tr("A quiet space to look back on a session, one question at a time."),
            )
        )
        drafts = self._store.reflections.unfinished()[:3]
        # One filled button on the page: the latest paused reflection's, else Begin.
        resume_buttons = [
            self._add_paused_card(draft, leads=index == 0) for index, draft in enumerate(drafts)
        ]
        self._column.addWidget(self._start_card(leads=not drafts))
        self._column.addStretch(1)
        if had_focus:
            leading = resume_buttons[0] if resume_buttons else self.begin_button
            leading.setFocus(Qt.FocusReason.OtherFocusReason)

    # The start page ------------------------------------------------------------------------

    def describe(self, reflection: Reflection) -> str:
        assert self._store is not None
        title = prompt_set_for(reflection.phase).title
        when = day_of(reflection.updated_at, QLocale(), weekday=True)
        return fill(self.tr("%1, last written on %2"), title, when)

    def _add_paused_card(self, draft: Reflection, *, leads: bool) -> QPushButton:
        """A card for a paused reflection, added to the page; its Continue button."""
        frame, layout = card(self.tr("A reflection you paused"))
        layout.addWidget(text(self.describe(draft), "reading"))
        row = QHBoxLayout()
        resume = QPushButton(self.tr("Continue where you left off"))
        resume.setObjectName("primary" if leads else "")
        resume.setAccessibleName(fill(self.tr("Continue: %1"), self.describe(draft)))
        resume.clicked.connect(lambda: self.resume(draft.id))
        row.addWidget(resume)
        row.addStretch(1)
        layout.addLayout(row)
        self._column.addWidget(frame)
        return resume

    def _start_card(self, *, leads: bool) -> QWidget:
        assert self._store is not None
        frame, layout = card(self.tr("Start a reflection"))
        form = QFormLayout()
        self.session_choice = QComboBox()
        self.session_choice.setAccessibleName(self.tr("Which session"))
        locale = QLocale()
        for session in reversed(self._store.sessions.list()):
            when = day_of(session.held_at, locale, weekday=True)
            label = (
                fill(self.tr("Session %1, %2"), session.number_in_course, when)
                if session.kind is SessionKind.DOSING and session.number_in_course
                else fill(self.tr("Appointment, %1"), when)
            )
            self.session_choice.addItem(label, int(session.id))
        self.session_choice.addItem(self.tr("No particular session"), NO_SESSION)
        self.phase_choice = QComboBox()
        self.phase_choice.setAccessibleName(self.tr("Which reflection"))
        for phase in Phase:
            self.phase_choice.addItem(prompt_set_for(phase).title, phase.value)
        self.session_choice.currentIndexChanged.connect(self._preselect_phase)
        form.addRow(self.tr("Session"), self.session_choice)
        form.addRow(self.tr("Reflection"), self.phase_choice)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.begin_button = QPushButton(self.tr("Begin"))
        self.begin_button.setObjectName("primary" if leads else "")
        self.begin_button.setAccessibleName(self.tr("Begin this reflection"))
        self.begin_button.clicked.connect(self.begin)
        row.addWidget(self.begin_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._preselect_phase()
        return frame

    def _preselect_phase(self) -> None:
        assert self._store is not None
        session_id = self.session_choice.currentData()
        session = None
        if session_id is not None and session_id != NO_SESSION:
            session = self._store.sessions.get(SessionId(session_id))
        reflections = self._store.reflections.list(session.id) if session else []
        phase = suggested_phase(session, reflections, date.today())
        self.phase_choice.setCurrentIndex(self.phase_choice.findData(phase.value))

    def start_for_session(self, session_id: int, phase: str = "") -> None:
        """Show the start page with `session_id` chosen and `phase` pre-selected (by default
        the phase that is due for it)."""
        self.refresh()
        index = self.session_choice.findData(session_id)
        if index >= 0:
            self.session_choice.setCurrentIndex(index)
        chosen = self.phase_choice.findData(phase) if phase else -1
        if chosen >= 0:
            self.phase_choice.setCurrentIndex(chosen)
        self.begin_button.setFocus()

    def begin(self) -> None:
        assert self._store is not None
        phase = Phase(self.phase_choice.currentData())
        session_id = self.session_choice.currentData()
        prompt_set = prompt_set_for(phase)
        reflection = self._store.reflections.start(
            phase,
            prompt_set.id,
            prompt_set.version,
            session_id=None if session_id == NO_SESSION else SessionId(session_id),
        )
        self.announce(DataKind.REFLECTIONS)
        self.resume(reflection.id)

    # The wizard ----------------------------------------------------------------------------

    def resume(self, reflection_id: ReflectionId) -> None:
        assert self._store is not None
        self.wizard = ReflectionWizard(
            self._store, reflection_id, reduce_motion=self._reduce_motion()
        )
        self.wizard.paused.connect(self._close_wizard)
        self.wizard.finished.connect(self._close_wizard)
        self.wizard.data_changed.connect(lambda kind: self.announce(DataKind(kind)))
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self.wizard._focus_current()

    def save_draft(self) -> bool:
        """Save whatever is being written (the window calls this before it closes); False if
        it could not be saved just now."""
        return self.wizard is None or self.wizard.save_now()

    def _close_wizard(self) -> None:
        if self.wizard is None:
            return
        wizard, self.wizard = self.wizard, None
        wizard.save_now()
        self.stack.setCurrentWidget(self.start_page)
        self.stack.removeWidget(wizard)
        wizard.deleteLater()
        self.refresh()
        self.announce(DataKind.REFLECTIONS)
        self.reflection_closed.emit()

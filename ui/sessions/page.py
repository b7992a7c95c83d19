"""One session's page: what was noted, its reflections, and which follow-ups are still open.

From here the client can begin a reflection on the session, change what they noted, move it
to "recently deleted", or go back to all sessions (Esc does the same). The page only reads; the
form and the view do the writing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kapcompanion.course.follow_ups import FollowUp, FollowUpState, follow_ups
from kapcompanion.data_files.session_options import session_options
from kapcompanion.domain import Reflection, Session, SessionKind
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import card, clear_layout, text
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.style import space
from ui.widgets.wording import (
    day_text,
    phase_title,
    reflection_state_text,
    session_title,
    when_text,
)


class SessionPage(HeaderedPage):
    """Shows one session; `show_session` fills it, the signals carry the session's id."""

    back_requested = Signal()
    edit_requested = Signal(int)
    reflect_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(scrolling=True, parent=parent)
        self.setAccessibleName(self.tr("Session"))
        self._session: Session | None = None

        self.back_button = QPushButton(self.tr("Back to all sessions"))
        self.back_button.setAccessibleName(self.tr("Back to all sessions"))
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit this session"))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Move this session to recently deleted"))
        self.delete_button.clicked.connect(self._delete)
        self.reflect_button = QPushButton(self.tr("Reflect on this session"))
        self.reflect_button.setObjectName("primary")
        self.reflect_button.setAccessibleName(self.tr("Reflect on this session"))
        self.reflect_button.clicked.connect(self._reflect)

        back_row = QHBoxLayout()
        back_row.setContentsMargins(0, 0, 0, space(1))
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        # Out of the way of the everyday buttons beside the title, which keep the date on one
        # line.
        back_row.addWidget(self.delete_button)
        self.header_slot.addLayout(back_row)
        self.header = PageHeader((self.edit_button, self.reflect_button))
        self.set_header(self.header)
        QWidget.setTabOrder(self.back_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.reflect_button)
        QWidget.setTabOrder(self.reflect_button, self.delete_button)

        back = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        back.activated.connect(self.back_requested)

    def session(self) -> Session | None:
        return self._session

    def show_session(self, session: Session, reflections: list[Reflection], today: date) -> None:
        """Fill the page with `session` and its reflections as they are on `today`."""
        self._session = session
        locale = QLocale()
        self.header.set_words(session_title(session, locale), when_text(session.held_at, locale))
        clear_layout(self.body)
        if session.intention:
            frame, layout = card(self.tr("Your intention"))
            layout.addWidget(text(session.intention, "reading"))
            self.body.addWidget(frame)
        self.body.addWidget(self._noted_card(session, locale))
        if session.kind is SessionKind.DOSING:
            self.body.addWidget(self._follow_ups_card(session, reflections, today, locale))
        self.body.addWidget(self._reflections_card(reflections, locale))
        self.body.addStretch(1)
        if self.scroller is not None:
            self.scroller.verticalScrollBar().setValue(0)

    # Cards ----------------------------------------------------------------------------------

    @staticmethod
    def _detail(layout: QVBoxLayout, label: str, value: str) -> None:
        """A quiet label with its value beneath it, kept together."""
        pair = QVBoxLayout()
        pair.setSpacing(space(1) // 4)
        pair.addWidget(text(label, "muted"))
        pair.addWidget(text(value))
        layout.addLayout(pair)

    def _distress_value(self, value: int | None, locale: QLocale) -> str:
        if value is None:
            return self.tr("not rated")
        return fill(self.tr("%1 of 10"), locale.toString(value))

    def _noted_card(self, session: Session, locale: QLocale) -> QWidget:
        frame, layout = card(self.tr("What you noted"))
        layout.setSpacing(space(2))
        if session.route:
            self._detail(layout, self.tr("How it was given"), session.route)
        if session.setting:
            self._detail(layout, self.tr("Setting"), session.setting)
        self._detail(
            layout,
            self.tr("Distress before and after"),
            fill(
                self.tr("%1 before, %2 after"),
                self._distress_value(session.distress_before, locale),
                self._distress_value(session.distress_after, locale),
            ),
        )
        if session.after_effects:
            options = session_options()
            labels = [options.after_effect_label(key) for key in session.after_effects]
            self._detail(layout, self.tr("After-effects you noticed"), ", ".join(labels))
        if session.after_effects_notes:
            self._detail(
                layout, self.tr("More about the after-effects"), session.after_effects_notes
            )
        if session.notes:
            self._detail(layout, self.tr("Notes"), session.notes)
        return frame

    def _follow_up_line(self, item: FollowUp, locale: QLocale) -> str:
        due = QDate(item.due_on.year, item.due_on.month, item.due_on.day)
        day = locale.toString(due, QLocale.FormatType.LongFormat)
        if item.state is FollowUpState.STARTED:
            return fill(self.tr("%1 · started and paused, due %2"), phase_title(item.phase), day)
        if item.state is FollowUpState.NOT_YET_DUE:
            return fill(self.tr("%1 · from %2"), phase_title(item.phase), day)
        return fill(self.tr("%1 · due %2"), phase_title(item.phase), day)

    def _follow_ups_card(
        self, session: Session, reflections: list[Reflection], today: date, locale: QLocale
    ) -> QWidget:
        frame, layout = card(self.tr("Follow-ups still open"))
        waiting = [
            item
            for item in follow_ups(session, reflections, today)
            if item.state is not FollowUpState.DONE
        ]
        if not waiting:
            layout.addWidget(
                text(self.tr("You have written every follow-up for this session."), "muted")
            )
            return frame
        for item in waiting:
            line = text(self._follow_up_line(item, locale))
            line.setProperty("followUpPhase", item.phase.value)
            layout.addWidget(line)
        return frame

    def _reflections_card(self, reflections: list[Reflection], locale: QLocale) -> QWidget:
        frame, layout = card(self.tr("Reflections"))
        if not reflections:
            layout.addWidget(
                text(
                    self.tr(
                        "None yet. Whenever you are ready, you can begin one with "
                        "Reflect on this session."
                    ),
                    "muted",
                )
            )
            return frame
        for reflection in reflections:
            layout.addWidget(
                text(
                    fill(
                        self.tr("%1 · %2 · %3"),
                        phase_title(reflection.phase),
                        day_text(reflection.started_at, locale),
                        reflection_state_text(reflection.status),
                    )
                )
            )
        return frame

    # Actions --------------------------------------------------------------------------------

    def _edit(self) -> None:
        if self._session is not None:
            self.edit_requested.emit(int(self._session.id))

    def _delete(self) -> None:
        if self._session is not None:
            self.delete_requested.emit(int(self._session.id))

    def _reflect(self) -> None:
        if self._session is not None:
            self.reflect_requested.emit(int(self._session.id))

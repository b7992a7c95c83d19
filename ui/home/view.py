"""Home: a gentle welcome for a new profile, and "your course so far" once there is data.

It shows a paused reflection, what is due (follow-up reflections of recent sessions and the
check-ins the schedule suggests, each with one button and a "not now"), sessions, reflections,
insights and the themes that come up most; it reloads when any of those change. The only thing
it writes is which items the client set aside.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kapcompanion.errors import KapError
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.widgets.building_blocks import (
    card,
    clear_layout,
    page_header,
    scrolling_page,
    text,
    theme_chip,
)
from ui.widgets.error_messages import show_error
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.screen import Screen
from ui.widgets.shortcuts import QUICK_CHECK_IN_KEYS, QUICK_PRACTICE_KEYS
from ui.widgets.style import space

if TYPE_CHECKING:
    # Only for type checking: the storage layer loads after the window is shown.
    from kapcompanion.course.home_summary import CourseSummary
    from kapcompanion.course.whats_due import DueItem


class HomeView(Screen):
    """The first screen. Rebuilt from the store's summary whenever data it shows changes."""

    depends_on = frozenset(
        {
            DataKind.SESSIONS,
            DataKind.REFLECTIONS,
            DataKind.INSIGHTS,
            DataKind.THEMES,
            DataKind.CHECK_INS,
            DataKind.PRACTICES,  # a practice logged is no longer due
            DataKind.SETTINGS,  # a therapist's plan, reminders
        }
    )

    explore_sample_requested = Signal()
    resume_requested = Signal(int)  # a paused reflection's id
    reflect_on_requested = Signal(int, str)  # a session's id, the phase of the reflection
    check_in_requested = Signal(str)  # a questionnaire's id
    quick_check_in_requested = Signal()
    log_practice_requested = Signal()
    log_session_requested = Signal()
    start_reflection_requested = Signal()
    # A practice Home reminded of, to log: a built-in one's key, or an own one's id.
    reminded_practice_chosen = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Home"))
        self._column = scrolling_page(self)
        self._column.addWidget(page_header(self._greeting()))
        self._column.addStretch(1)

    def load_from_store(self) -> None:
        if self._store is None:
            return
        from kapcompanion.course.home_summary import summarise_course
        from kapcompanion.course.whats_due import whats_due

        today = date.today()
        sessions = self._store.sessions.list()
        summary = summarise_course(self._store, sessions)
        due = whats_due(self._store, today, sessions)
        clear_layout(self._column)
        if summary.is_empty:
            self._show_welcome()
            self._whats_due(due)  # a practice to be reminded of, before any session
        else:
            self._show_summary(summary, due)
        self._column.addStretch(1)

    def _paused(self, summary: CourseSummary) -> None:
        """A paused reflection to pick up: gently, never urgent."""
        if summary.paused_reflection is None:
            return
        frame, layout = card(self.tr("A reflection you paused"))
        layout.addWidget(
            text(
                self.tr(
                    "Your words are saved. You can pick it up where you left off whenever you "
                    "are ready."
                ),
                "reading",
            )
        )
        button = QPushButton(self.tr("Continue where you left off"))
        button.setObjectName("primary")
        button.setAccessibleName(self.tr("Continue the reflection you paused"))
        paused_id = int(summary.paused_reflection.id)
        button.clicked.connect(lambda: self.resume_requested.emit(paused_id))
        layout.addLayout(self._button_row(button))
        self._column.addWidget(frame)

    def _whats_due(self, due: list[DueItem]) -> None:
        """One calm list of what is due, each with one button and a "not now"."""
        if not due:
            return
        frame, layout = card(self.tr("Ready when you are"))
        layout.addWidget(
            text(self.tr("Nothing here is urgent. Anything can wait for another day."), "muted")
        )
        heading = ""
        for item in due:
            title = self._group_title(item)
            if title != heading:  # the items of one session, then the check-ins, together
                heading = title
                layout.addSpacing(space(1))
                layout.addWidget(text(title, "muted"))
            layout.addLayout(self._due_row(item))
        frame.setAccessibleName(self.tr("Ready when you are"))
        self._column.addWidget(frame)

    def _right_now(self, summary: CourseSummary) -> None:
        """A quick check-in: how much distress right now, in a moment."""
        from ui.widgets.wording import when_text  # not at start: it brings the domain's words

        frame, layout = card(self.tr("How are you right now?"))
        latest = summary.latest_check_in
        if latest is not None:
            locale = QLocale()
            layout.addWidget(
                text(
                    fill(
                        self.tr("Last time, %1, you noted %2 out of 10."),
                        when_text(latest.rated_at, locale),
                        locale.toString(latest.value),
                    ),
                    "reading",
                )
            )
        check_in = self._shortcut_button(
            self.tr("Check in"),
            self.tr("Check in: how much distress you feel right now"),
            QUICK_CHECK_IN_KEYS,
        )
        check_in.clicked.connect(self.quick_check_in_requested)
        practice = self._shortcut_button(
            self.tr("Log a practice"),
            self.tr("Log a practice: something you did for yourself"),
            QUICK_PRACTICE_KEYS,
        )
        practice.clicked.connect(self.log_practice_requested)
        layout.addLayout(self._button_row(check_in, practice))
        layout.addWidget(
            text(
                fill(
                    self.tr("From anywhere: %1 to check in, %2 to log a practice."),
                    self._native(QUICK_CHECK_IN_KEYS),
                    self._native(QUICK_PRACTICE_KEYS),
                ),
                "muted",
            )
        )
        self._column.addWidget(frame)

    def _shortcut_button(self, label: str, spoken: str, keys: str) -> QPushButton:
        button = QPushButton(label)
        button.setAccessibleName(spoken)
        button.setToolTip(fill(self.tr("%1, from anywhere in the window"), self._native(keys)))
        button.setAccessibleDescription(button.toolTip())
        return button

    @staticmethod
    def _native(keys: str) -> str:
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    def _group_title(self, item: DueItem) -> str:
        if item.practice is not None:
            return self.tr("Practices you asked to be reminded of")
        if item.session is None:
            return self.tr("Check-ins")
        return fill(self.tr("After your session on %1"), self._session_day(item))

    @staticmethod
    def _session_day(item: DueItem) -> str:
        assert item.session is not None
        return day_of(item.session.held_at, QLocale(), weekday=True)

    def _due_row(self, item: DueItem) -> QHBoxLayout:
        from kapcompanion.course.practice_reminders import practice_title
        from kapcompanion.course.whats_due import DueKind
        from kapcompanion.data_files.prompt_sets import prompt_set_for

        row = QHBoxLayout()
        row.setSpacing(space(1))
        if item.kind is DueKind.REFLECTION:
            assert item.session is not None and item.phase is not None
            words = prompt_set_for(item.phase).title
            spoken = fill(self.tr("%1, after your session on %2"), words, self._session_day(item))
            action = QPushButton(self.tr("Reflect"))
            session_id, phase = int(item.session.id), item.phase.value
            action.clicked.connect(lambda: self.reflect_on_requested.emit(session_id, phase))
        elif item.kind is DueKind.PRACTICE:
            assert item.practice is not None and self._store is not None
            words = practice_title(self._store, item.practice)
            spoken = fill(self.tr("%1, a practice you asked to be reminded of"), words)
            action = QPushButton(self.tr("Log it"))
            key, own = item.practice.builtin_key or "", int(item.practice.own_id or 0)
            action.clicked.connect(lambda: self.reminded_practice_chosen.emit(key, own))
        else:
            assert item.questionnaire is not None
            name = item.questionnaire.name
            words = (
                fill(self.tr("%1 could be taken again, if you would like"), name)
                if item.after_check_in
                else fill(self.tr("%1, if you would like to take it"), name)
            )
            spoken = words
            action = QPushButton(self.tr("Take it"))
            instrument = item.questionnaire.id
            action.clicked.connect(lambda: self.check_in_requested.emit(instrument))
        action.setAccessibleName(fill(self.tr("Begin: %1"), spoken))
        later = QPushButton(self.tr("Not now"))
        later.setObjectName("link")
        later.setAccessibleName(fill(self.tr("Not now: %1"), spoken))
        later.clicked.connect(lambda: self._set_aside(item))
        row.addWidget(text(words, "reading"), 1)
        row.addWidget(action)
        row.addWidget(later)
        return row

    def _set_aside(self, item: DueItem) -> None:
        from kapcompanion.course.whats_due import set_aside

        if self._store is None:
            return
        try:
            set_aside(self._store, item, date.today())
        except KapError as error:
            show_error(self, error)
            return
        self.refresh()

    @staticmethod
    def _button_row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _greeting(self) -> str:
        hour = QTime.currentTime().hour()
        if hour < 12:
            return self.tr("Good morning")
        if hour < 18:
            return self.tr("Good afternoon")
        return self.tr("Good evening")

    def _show_welcome(self) -> None:
        self._column.addWidget(page_header(self.tr("Welcome to KAP Companion")))
        frame, layout = card()
        layout.addWidget(
            text(
                self.tr(
                    "This is a quiet place for the work between sessions. You can write down what "
                    "came up, a little at a time, and come back to it whenever you are ready."
                ),
                "reading",
            )
        )
        layout.addWidget(
            text(
                self.tr(
                    "Your course will appear here once you have entries. A good first step is to "
                    "note your most recent session, or to write down what is with you now."
                ),
                "reading",
            )
        )
        log_session = QPushButton(self.tr("Log a session"))
        log_session.setObjectName("primary")
        log_session.setAccessibleName(self.tr("Log a session: when it was, and how you felt"))
        log_session.clicked.connect(self.log_session_requested)
        reflect = QPushButton(self.tr("Start a reflection"))
        reflect.setAccessibleName(self.tr("Start a reflection"))
        reflect.clicked.connect(self.start_reflection_requested)
        layout.addSpacing(space(1))
        layout.addLayout(self._button_row(log_session, reflect))
        layout.addSpacing(space(2))
        layout.addWidget(
            text(
                self.tr(
                    "If you would like to see how it looks first, you can explore a sample "
                    "course. It opens in its own window and never mixes with your own entries."
                ),
                "reading",
            )
        )
        sample = QPushButton(self.tr("Explore a sample course"))
        sample.setAccessibleName(self.tr("Explore a sample course"))
        sample.clicked.connect(self.explore_sample_requested)
        layout.addLayout(self._button_row(sample))
        self._column.addWidget(frame)
        self._column.addWidget(
            text(
                self.tr(
                    "Everything you write stays on this computer. KAP Companion never connects to "
                    "the internet."
                ),
                "muted",
            )
        )

    def _show_summary(self, summary: CourseSummary, due: list[DueItem]) -> None:
        locale = QLocale()
        self._column.addWidget(
            page_header(self._greeting(), self.tr("Here is your course so far."))
        )
        self._paused(summary)
        self._whats_due(due)
        self._right_now(summary)
        stats = QHBoxLayout()
        stats.setSpacing(space(2))
        since = (
            day_of(summary.first_session_at, locale, short=True) if summary.first_session_at else ""
        )
        cards = [
            self._stat(
                self.tr("Sessions"),
                locale.toString(summary.dosing_sessions),
                fill(self.tr("since %1"), since) if since else self.tr("none yet"),
            ),
            self._stat(
                self.tr("Reflections"),
                locale.toString(summary.reflections),
                self.tr("written so far"),
            ),
            self._distress_stat(summary, locale),
        ]
        for stat_card in cards:
            stats.addWidget(stat_card, 1)  # equal widths
        self._column.addLayout(stats)
        if summary.latest_session is not None:
            latest = summary.latest_session
            when = day_of(latest.held_at, locale, weekday=True)
            line = (
                fill(
                    self.tr("Your most recent session, number %1, was on %2."),
                    locale.toString(latest.number_in_course),
                    when,
                )
                if latest.number_in_course
                else fill(self.tr("Your most recent session was on %1."), when)
            )
            self._column.addWidget(text(line, "reading"))
        if summary.top_themes:
            self._column.addWidget(self._themes_card(summary))
        if summary.key_insights:
            self._column.addWidget(self._insights_card(summary))

    def _stat(self, title: str, figure: str, caption: str) -> QWidget:
        frame, layout = card()
        layout.setSpacing(space(1) // 2)
        layout.addWidget(text(title, "muted"))
        layout.addWidget(text(figure, "figure"))
        layout.addWidget(text(caption, "muted"))
        layout.addStretch(1)  # top-aligned, however tall the row is
        frame.setAccessibleName(f"{title}: {figure}, {caption}")
        return frame

    def _distress_stat(self, summary: CourseSummary, locale: QLocale) -> QWidget:
        title = self.tr("Distress after sessions")
        first, latest = summary.first_distress_after, summary.latest_distress_after
        if first is None:
            return self._stat(title, "–", self.tr("not rated yet"))
        if latest is None:
            return self._stat(title, locale.toString(first), self.tr("out of 10"))
        return self._stat(
            title,
            f"{locale.toString(first)} → {locale.toString(latest)}",
            self.tr("first and most recent, out of 10"),
        )

    def _themes_card(self, summary: CourseSummary) -> QWidget:
        frame, layout = card(self.tr("Themes that came up most"))
        holder = QWidget()
        chips = FlowLayout(holder, spacing=space(1))
        for theme, _uses in summary.top_themes:
            chips.addWidget(theme_chip(theme.name, theme.colour))
        layout.addWidget(holder)
        return frame

    def _insights_card(self, summary: CourseSummary) -> QWidget:
        frame, layout = card(self.tr("What you want to carry forward"))
        items = QVBoxLayout()
        items.setSpacing(space(1))
        for insight in summary.key_insights:
            items.addWidget(text(f"•  {insight.text}", "reading"))
        layout.addLayout(items)
        return frame

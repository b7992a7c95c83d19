"""Home: a gentle welcome for a new profile, and "your course so far" once there is data.

It shows sessions, reflections (a paused one, follow-ups that are ready), insights, the themes
that come up most and the check-ins that could be taken again; it reloads when any of those
change. Never writes data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kapcompanion.wording.dates import local_date
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
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.screen import Screen
from ui.widgets.style import space

if TYPE_CHECKING:
    # Only for type checking: the storage layer loads after the window is shown.
    from kapcompanion.course.home_summary import CourseSummary


class HomeView(Screen):
    """The first screen. Rebuilt from the store's summary whenever data it shows changes."""

    depends_on = frozenset(
        {
            DataKind.SESSIONS,
            DataKind.REFLECTIONS,
            DataKind.INSIGHTS,
            DataKind.THEMES,
            DataKind.CHECK_INS,
        }
    )

    explore_sample_requested = Signal()
    resume_requested = Signal(int)  # a paused reflection's id
    reflect_requested = Signal()
    check_ins_requested = Signal()

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

        summary = summarise_course(self._store)
        clear_layout(self._column)
        if summary.is_empty:
            self._show_welcome()
        else:
            self._show_summary(summary)
        self._column.addStretch(1)

    def _paused_and_due(self, summary: CourseSummary) -> None:
        """A paused reflection to pick up, and a follow-up that is ready: gently, never urgent."""
        if summary.paused_reflection is not None:
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
        elif summary.due_follow_up is not None:
            from kapcompanion.data_files.prompt_sets import prompt_set_for

            frame, layout = card(self.tr("A reflection is ready when you are"))
            layout.addWidget(
                text(
                    fill(
                        self.tr("%1 for your most recent session. There is no hurry."),
                        prompt_set_for(summary.due_follow_up.phase).title,
                    ),
                    "reading",
                )
            )
            button = QPushButton(self.tr("Reflect"))
            button.setAccessibleName(self.tr("Start this reflection"))
            button.clicked.connect(self.reflect_requested)
            layout.addLayout(self._button_row(button))
            self._column.addWidget(frame)

    def _check_ins_suggested(self, summary: CourseSummary) -> None:
        """Questionnaires the client asked to be reminded of, offered, never pressed."""
        if not summary.due_check_ins:
            return
        frame, layout = card(self.tr("A check-in, if you would like one"))
        names = ", ".join(summary.due_check_ins)
        layout.addWidget(
            text(
                fill(
                    self.tr(
                        "%1 could be taken again. They take a few minutes, and your therapist "
                        "may find the scores useful."
                    ),
                    names,
                ),
                "reading",
            )
        )
        button = QPushButton(self.tr("Go to check-ins"))
        button.setAccessibleName(self.tr("Go to check-ins"))
        button.clicked.connect(self.check_ins_requested)
        layout.addLayout(self._button_row(button))
        self._column.addWidget(frame)

    @staticmethod
    def _button_row(button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
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
                    "Your course will appear here once you have entries. If you would like to see "
                    "how that looks first, you can explore a sample course. It opens in its own "
                    "window and never mixes with your own entries."
                ),
                "reading",
            )
        )
        button = QPushButton(self.tr("Explore a sample course"))
        button.setObjectName("primary")
        button.setAccessibleName(self.tr("Explore a sample course"))
        button.clicked.connect(self.explore_sample_requested)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addSpacing(space(1))
        layout.addLayout(row)
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

    def _show_summary(self, summary: CourseSummary) -> None:
        locale = QLocale()
        self._column.addWidget(
            page_header(self._greeting(), self.tr("Here is your course so far."))
        )
        self._paused_and_due(summary)
        self._check_ins_suggested(summary)
        stats = QHBoxLayout()
        stats.setSpacing(space(2))
        since = (
            locale.toString(local_date(summary.first_session_at), QLocale.FormatType.ShortFormat)
            if summary.first_session_at
            else ""
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
            when = locale.toString(local_date(latest.held_at), QLocale.FormatType.LongFormat)
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
        chips = FlowLayout(spacing=space(1))
        for theme, _uses in summary.top_themes:
            chips.addWidget(theme_chip(theme.name, theme.colour))
        layout.addLayout(chips)
        return frame

    def _insights_card(self, summary: CourseSummary) -> QWidget:
        frame, layout = card(self.tr("What you want to carry forward"))
        items = QVBoxLayout()
        items.setSpacing(space(1))
        for insight in summary.key_insights:
            items.addWidget(text(f"•  {insight.text}", "reading"))
        layout.addLayout(items)
        return frame

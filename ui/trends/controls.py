"""The Trends screen's controls: which days, which sessions, sessions by number or by date,
which themes.

`TrendsControls` says `changed` whenever a choice changes; `period(today)`, `session_ids()`,
`by()` and `theme_keys()` read what is chosen, in the core's terms
(kapcompanion.course.trends.Period).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Session, SessionKind, Theme
from kapcompanion.ids import SessionId
from kapcompanion.wording.translation import counted, fill
from ui.widgets.building_blocks import text
from ui.widgets.choices import DateChoice, ElidingComboBox, MultiChoice, ThemeChoice
from ui.widgets.style import space
from ui.widgets.wording import day_text, session_title

if TYPE_CHECKING:
    from kapcompanion.course.trends import Period

COMBO_MINIMUM_CHARACTERS = 8


class PeriodChoice(StrEnum):
    WHOLE_COURSE = "whole"
    LAST_30_DAYS = "30"
    LAST_90_DAYS = "90"
    CUSTOM = "custom"


class TrendsControls(QWidget):
    """Period, x axis and theme choices for the Trends charts.

    `period_changed`, `sessions_changed`, `axis_changed` and `themes_changed` say which choice
    changed (so only the charts it affects are drawn again); `changed` follows any of them.
    """

    changed = Signal()
    period_changed = Signal()
    sessions_changed = Signal()
    axis_changed = Signal()
    themes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("What the charts show"))

        self.period_box = ElidingComboBox()
        self.period_box.setAccessibleName(self.tr("Period"))
        for label, choice in (
            (self.tr("Whole course"), PeriodChoice.WHOLE_COURSE),
            (self.tr("Last 30 days"), PeriodChoice.LAST_30_DAYS),
            (self.tr("Last 90 days"), PeriodChoice.LAST_90_DAYS),
            (self.tr("Choose dates…"), PeriodChoice.CUSTOM),
        ):
            self.period_box.addItem(label, choice.value)
        self.period_box.currentIndexChanged.connect(self._period_changed)

        self.by_number = QPushButton(self.tr("Session"))
        self.by_number.setAccessibleName(self.tr("Sessions by number"))
        self.by_date = QPushButton(self.tr("Date"))
        self.by_date.setAccessibleName(self.tr("Sessions by date"))
        self.axis_group = QButtonGroup(self)
        for button in (self.by_number, self.by_date):
            button.setObjectName("segment")
            button.setCheckable(True)
            self.axis_group.addButton(button)
        self.by_number.setChecked(True)
        self.axis_group.buttonToggled.connect(self._axis_toggled)

        self._dosing: list[Session] = []
        self._worded: dict[SessionId, str] = {}
        self.session_box = MultiChoice(
            self.tr("All sessions"), partial(counted, "TrendsControls", "%Ln session(s)")
        )
        self.session_box.setAccessibleName(self.tr("Sessions shown"))
        # What is ticked, asked for each chart drawn: known again only after a tick or a new offer
        # (ten years offer five hundred sessions to look through).
        self._sessions_chosen: frozenset[str] | None = None
        self.session_box.changed.connect(self._forget_sessions_chosen)
        self.session_box.changed.connect(self.sessions_changed)

        self.theme_box = ThemeChoice(self.tr("All themes"))
        self.theme_box.setAccessibleName(self.tr("Themes on the map"))
        self.theme_box.changed.connect(self.themes_changed)
        for box in (self.period_box, self.session_box, self.theme_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)

        self.from_date = DateChoice(self.tr("From"))
        self.to_date = DateChoice(self.tr("Until"))
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._dates_changed)

        for specific in (
            self.period_changed,
            self.sessions_changed,
            self.axis_changed,
            self.themes_changed,
        ):
            specific.connect(self.changed)
        self._build_layout()
        self._show_custom_dates()

    def _build_layout(self) -> None:
        segments = QHBoxLayout()
        segments.setSpacing(space(1) // 2)
        segments.addWidget(self.by_number)
        segments.addWidget(self.by_date)
        segments.addStretch(1)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(space(2))
        grid.setVerticalSpacing(space(1))
        self.custom_row: list[QWidget] = []
        places: tuple[tuple[str, QWidget | QHBoxLayout, int, int], ...] = (
            (self.tr("Period"), self.period_box, 0, 0),
            (self.tr("Sessions"), self.session_box, 0, 1),
            (self.tr("Themes"), self.theme_box, 0, 2),
            (self.tr("Distress by"), segments, 1, 0),
            (self.tr("From"), self.from_date, 1, 1),
            (self.tr("Until"), self.to_date, 1, 2),
        )
        for words, control, row, column in places:
            holder = QWidget()
            pair = QVBoxLayout(holder)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(space(1) // 2)
            caption = text(words, "muted", wrap=False)
            pair.addWidget(caption)
            if isinstance(control, QWidget):
                caption.setBuddy(control)
                pair.addWidget(control)
            else:
                caption.setBuddy(self.by_number)
                pair.addLayout(control)
            grid.addWidget(holder, row, column, Qt.AlignmentFlag.AlignTop)
            if control in (self.from_date, self.to_date):
                self.custom_row.append(holder)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        order = (
            self.period_box,
            self.session_box,
            self.theme_box,
            self.by_number,
            self.by_date,
            self.from_date,
            self.to_date,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # Choices offered -----------------------------------------------------------------------

    def set_choices(
        self,
        themes: Sequence[Theme],
        earliest: date | None,
        today: date,
        sessions: Sequence[Session] = (),
    ) -> None:
        """Offer these themes, the dosing sessions among `sessions` and days from `earliest`
        (the course's first day) to `today`; keep what is still chosen. Says nothing (the caller
        redraws anyway)."""
        self.blockSignals(True)
        self.theme_box.set_themes(themes, self.theme_box.chosen())
        self._worded.clear()
        self._dosing = sorted(
            (s for s in sessions if s.kind is SessionKind.DOSING), key=lambda s: (s.held_at, s.id)
        )
        first = min(earliest or today, today)
        for edit in (self.from_date, self.to_date):
            edit.set_range(first, today)
        self._offer_sessions()
        self.blockSignals(False)

    def _offer_sessions(self) -> None:
        """Offer the dosing sessions inside the chosen days (a session outside them would
        only draw an empty chart); keep what is still chosen. Says nothing."""
        period = self.period(date.today())
        self.session_box.set_options(
            [
                (str(session.id), self._session_words(session), None)
                for session in self._dosing
                if period.contains(session.held_at)
            ],
            self.session_box.chosen(),
        )
        self._forget_sessions_chosen()

    def _session_words(self, session: Session) -> str:
        """How a session is offered, worded once per offer of sessions (not per period)."""
        words = self._worded.get(session.id)
        if words is None:
            words = fill(self.tr("%1 · %2"), session_title(session), day_text(session.held_at))
            self._worded[session.id] = words
        return words

    # What is chosen --------------------------------------------------------------------------

    def period_choice(self) -> PeriodChoice:
        return PeriodChoice(str(self.period_box.currentData()))

    def choose_period(self, choice: PeriodChoice) -> None:
        self.period_box.setCurrentIndex(self.period_box.findData(choice.value))

    def period(self, today: date) -> Period:
        """The days chosen, ending `today` for "last 30 / 90 days"."""
        from kapcompanion.course.trends import Period

        choice = self.period_choice()
        if choice is PeriodChoice.LAST_30_DAYS:
            return Period.last_days(30, today)
        if choice is PeriodChoice.LAST_90_DAYS:
            return Period.last_days(90, today)
        if choice is PeriodChoice.CUSTOM:
            start, end = self.from_date.chosen(), self.to_date.chosen()
            if start is not None and end is not None and end < start:
                start, end = end, start  # the days between, whichever way round they came
            return Period(start, end)
        return Period()

    def by(self) -> str:
        """ "number" or "date": how the distress chart places sessions along its x axis."""
        return "date" if self.by_date.isChecked() else "number"

    def choose_by(self, by: str) -> None:
        (self.by_date if by == "date" else self.by_number).setChecked(True)

    def session_ids(self) -> frozenset[SessionId] | None:
        """The sessions chosen; None for every session."""
        if self._sessions_chosen is None:
            self._sessions_chosen = self.session_box.chosen()
        chosen = self._sessions_chosen
        return frozenset(SessionId(int(key)) for key in chosen) if chosen else None

    def _forget_sessions_chosen(self) -> None:
        self._sessions_chosen = None

    def theme_keys(self) -> frozenset[str] | None:
        """The themes chosen for the map; None for every theme."""
        return self.theme_box.chosen() or None

    # Reacting --------------------------------------------------------------------------------

    def _period_changed(self) -> None:
        self._show_custom_dates()
        self._offer_sessions()
        self.period_changed.emit()

    def _show_custom_dates(self) -> None:
        custom = self.period_choice() is PeriodChoice.CUSTOM
        for holder in self.custom_row:
            holder.setVisible(custom)

    def _dates_changed(self) -> None:
        if self.period_choice() is PeriodChoice.CUSTOM:
            self._offer_sessions()
            self.period_changed.emit()

    def _axis_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.axis_changed.emit()

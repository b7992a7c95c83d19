"""Which days the printout covers: since the last appointment, the last 30 days, the whole
course, or dates the client chooses (from and until, shown only then).

`PeriodPicker` says `changed` when the choice or a custom date changes. The screen asks the
core what the choice stands for (`period_for`) and hands the answer back to `describe`, which
puts the days into words beneath the choice.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QVBoxLayout, QWidget

from kapcompanion.course.trends import Period
from kapcompanion.report.content.options import PeriodChoice
from ui.printout.wording import period_choices, period_words
from ui.widgets.building_blocks import text
from ui.widgets.choices import DateChoice, ElidingComboBox
from ui.widgets.style import space

COMBO_MINIMUM_CHARACTERS = 12


class PeriodPicker(QWidget):
    """The period choice, the custom dates, and the chosen days in words."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Which days"))
        self._shown = Period()

        self.choice_box = ElidingComboBox()
        self.choice_box.setAccessibleName(self.tr("Which days the printout covers"))
        for choice, label in period_choices():
            self.choice_box.addItem(label, choice.value)
        self.choice_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice_box.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
        self.choice_box.currentIndexChanged.connect(self._choice_changed)

        self.from_date = DateChoice(self.tr("From"))
        self.to_date = DateChoice(self.tr("Until"))
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._dates_changed)
        self.days_text = text("", "muted")
        self.days_text.setAccessibleName(self.tr("The days chosen"))
        self.problem_text = text("", "notice")
        self.problem_text.hide()

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(space(2))
        grid.setVerticalSpacing(space(1))
        self.custom_dates: list[QWidget] = []
        for column, (words, edit) in enumerate(
            ((self.tr("From"), self.from_date), (self.tr("Until"), self.to_date))
        ):
            holder = QWidget()
            pair = QVBoxLayout(holder)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(space(1) // 2)
            caption = text(words, "muted", wrap=False)
            caption.setBuddy(edit)
            pair.addWidget(caption)
            pair.addWidget(edit)
            grid.addWidget(holder, 0, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, 1)
            self.custom_dates.append(holder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        layout.addWidget(self.choice_box)
        layout.addLayout(grid)
        layout.addWidget(self.days_text)
        layout.addWidget(self.problem_text)
        QWidget.setTabOrder(self.choice_box, self.from_date)
        QWidget.setTabOrder(self.from_date, self.to_date)
        self._show_custom_dates()

    def set_range(self, earliest: date | None, today: date) -> None:
        """Offer custom days from `earliest` (the course's first day) to `today`."""
        first = min(earliest or today, today)
        for edit in (self.from_date, self.to_date):
            edit.set_range(first, today)

    # What is chosen ----------------------------------------------------------------------------

    def choice(self) -> PeriodChoice:
        return PeriodChoice(str(self.choice_box.currentData()))

    def choose(self, choice: PeriodChoice) -> None:
        self.choice_box.setCurrentIndex(self.choice_box.findData(choice.value))

    def custom(self) -> Period:
        """The custom days as chosen ("Any date" leaves that side open)."""
        return Period(self.from_date.chosen(), self.to_date.chosen())

    def choose_dates(self, start: date | None, end: date | None) -> None:
        """Choose custom days (one `changed` at the end)."""
        for edit, day in ((self.from_date, start), (self.to_date, end)):
            edit.blockSignals(True)
            edit.choose(day)
            edit.blockSignals(False)
        self._dates_changed()

    def describe(self, period: Period | None, today: date, problem: str = "") -> None:
        """Show the days chosen in words, or (with `problem`) why there are none."""
        if period is not None:
            self._shown = period
            self.days_text.setText(period_words(period, today))
        self.days_text.setVisible(not problem)
        self.problem_text.setText(problem)
        self.problem_text.setVisible(bool(problem))

    # Reacting ----------------------------------------------------------------------------------

    def _choice_changed(self) -> None:
        if self.choice() is PeriodChoice.CUSTOM and self.custom() == Period():
            # Start from the days shown until now, which the client then adjusts.
            for edit, day in ((self.from_date, self._shown.start), (self.to_date, self._shown.end)):
                edit.blockSignals(True)
                edit.choose(day)
                edit.blockSignals(False)
        self._show_custom_dates()
        self.changed.emit()

    def _show_custom_dates(self) -> None:
        custom = self.choice() is PeriodChoice.CUSTOM
        for holder in self.custom_dates:
            holder.setVisible(custom)

    def _dates_changed(self) -> None:
        if self.choice() is PeriodChoice.CUSTOM:
            self.changed.emit()

"""Choosing gentle reminders: for each practice, "no reminder" or "remind me every N days".

A reminder is an invitation on Home once some days pass without that practice; it counts
nothing and nothing is ever missed. The dialog only gathers the choice; the screen saves it as
one undoable step.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from kapcompanion.domain import PracticeRef
from kapcompanion.wording.translation import fill
from ui.practices.form import CheckedForm
from ui.widgets.building_blocks import text
from ui.widgets.quick_practice import PracticeChoice

OFFERED_DAYS = (1, 2, 3, 7, 14, 30)


def every_days_text(days: int, locale: QLocale | None = None) -> str:
    """ "every day", "every 3 days", "every week": how often, in a few plain words."""
    if days == 1:
        return QCoreApplication.translate("Reminders", "every day")
    if days == 7:
        return QCoreApplication.translate("Reminders", "every week")
    if days == 14:
        return QCoreApplication.translate("Reminders", "every two weeks")
    return fill(
        QCoreApplication.translate("Reminders", "every %1 days"),
        (locale or QLocale()).toString(days),
    )


class RemindersDialog(CheckedForm):
    """One choice per practice; `changes` gives only those the client changed."""

    def __init__(
        self,
        choices: list[PracticeChoice],
        current: Mapping[PracticeRef, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Gentle reminders"), self.tr("Save reminders"), parent)
        self.form.addRow(
            text(
                self.tr(
                    "Home can invite you to a practice when some days have passed without it. "
                    "It is only an invitation: nothing is counted, and nothing is missed."
                ),
                "reading",
            )
        )
        self._current = dict(current)
        self.boxes: dict[PracticeRef, QComboBox] = {}
        for choice in choices:
            box = QComboBox()
            box.addItem(self.tr("No reminder"), None)
            every = current.get(choice.ref)
            offered = sorted({*OFFERED_DAYS, *([every] if every is not None else [])})
            for days in offered:
                box.addItem(fill(self.tr("Remind me %1"), every_days_text(days)), days)
            box.setCurrentIndex(0 if every is None else offered.index(every) + 1)
            self.add_row(choice.name, box, fill(self.tr("Reminder for %1"), choice.name))
            self.boxes[choice.ref] = box

    def changes(self) -> dict[PracticeRef, int | None]:
        """The reminders the client changed: every how many days, or None for none."""
        changed: dict[PracticeRef, int | None] = {}
        for practice, box in self.boxes.items():
            chosen = box.currentData()
            if chosen != self._current.get(practice):
                changed[practice] = chosen
        return changed

    def before(self, practices: list[PracticeRef]) -> dict[PracticeRef, int | None]:
        """How `practices` were set before the dialog (None: no reminder)."""
        return {practice: self._current.get(practice) for practice in practices}

"""Which parts the printout has: a check box for each section, all ticked to begin with but
the optional ones (the medication list), which go in only when the client ticks them.

`SectionChoice` says `changed` when a box is ticked or unticked; `chosen()` is the sections
ticked, in the core's terms. Two columns when there is room, one when the window is narrow.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from kapcompanion.report.content.options import ALL_SECTIONS, DEFAULT_SECTIONS, ReportSection
from kapcompanion.wording.translation import fill
from ui.printout.wording import section_wording
from ui.widgets.building_blocks import text
from ui.widgets.style import space


class SectionChoice(QWidget):
    """One check box per section of the printout."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sections"))
        self.boxes: dict[ReportSection, QCheckBox] = {}
        for wording in section_wording():
            box = QCheckBox(wording.label)
            box.setAccessibleName(wording.label)
            box.setAccessibleDescription(wording.description)
            box.setToolTip(wording.description)
            box.setChecked(wording.section in DEFAULT_SECTIONS)
            box.toggled.connect(self.changed)
            self.boxes[wording.section] = box
        sessions = self.boxes[ReportSection.SESSIONS]
        privacy = fill(
            self.tr(
                "%1 includes what you wrote about after-effects. Your intentions and session "
                "notes stay private."
            ),
            sessions.text(),
        )
        self.privacy_note = text(privacy, "muted")
        # Heard on the box itself too: a note beside it is not reached with Tab.
        sessions.setAccessibleDescription(fill("%1 %2", sessions.accessibleDescription(), privacy))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(space(2))
        self._grid.setVerticalSpacing(space(1) // 2)
        self._columns = 0
        self._place(2)

    def chosen(self) -> frozenset[ReportSection]:
        return frozenset(section for section, box in self.boxes.items() if box.isChecked())

    def choose(self, sections: Collection[ReportSection]) -> None:
        """Tick exactly `sections` (one `changed` at the end)."""
        for section, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(section in sections)
            box.blockSignals(False)
        self.changed.emit()

    def _place(self, columns: int) -> None:
        """Lay the boxes out in `columns` columns, filling each column top to bottom, so Tab
        (which follows the printed order) goes down one column and then the next."""
        if columns == self._columns:
            return
        self._columns = columns
        for widget in (*self.boxes.values(), self.privacy_note):
            self._grid.removeWidget(widget)
        per_column = -(-len(ALL_SECTIONS) // columns)
        for number, section in enumerate(ALL_SECTIONS):
            self._grid.addWidget(self.boxes[section], number % per_column, number // per_column)
        self._grid.addWidget(self.privacy_note, per_column, 0, 1, 2)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        widest = max(box.sizeHint().width() for box in self.boxes.values())
        self._place(2 if event.size().width() >= 2 * widest + space(2) else 1)

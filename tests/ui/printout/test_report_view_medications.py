"""The Printout screen's medication list: unticked to begin with, ticked by keyboard, and then
part of what goes to the printout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapcompanion.report.content.options import ReportSection
from kapcompanion.store import Store
from tests.ui.conftest import ShowView
from tests.ui.helpers import focused, press
from ui.printout.view import ReportView


def test_the_medication_list_is_chosen_by_keyboard(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(ReportView, demo_store)
    box = view.sections.boxes[ReportSection.MEDICATIONS]
    assert box.text() == "Medication list" and not box.isChecked()
    assert "prescriber" in box.accessibleDescription()
    before = view.options()
    assert before is not None and ReportSection.MEDICATIONS not in before.sections
    box.setFocus()
    assert focused() is box
    press(qtbot, Qt.Key.Key_Space)
    after = view.options()
    assert after is not None and ReportSection.MEDICATIONS in after.sections
    assert after.sections - before.sections == {ReportSection.MEDICATIONS}

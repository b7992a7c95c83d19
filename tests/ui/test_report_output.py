"""Printing the printout: a problem while painting the preview becomes a calm message."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import ui.report_output
from kapcompanion.errors import KapError
from kapcompanion.report.options import ReportOptions
from kapcompanion.store import Store
from tests.ui.helpers import answer_next_dialog
from ui.report_output import preview_and_print


def test_a_problem_while_painting_the_preview_is_said_calmly(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(_store: Store, _options: ReportOptions, _printer: QPrinter) -> int:
        raise KapError("The printout could not be made. Nothing was changed.")

    monkeypatch.setattr(ui.report_output, "paint_report", fail)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    preview_and_print(parent, demo_store, ReportOptions())  # returns: the preview closes itself
    assert seen and "The printout could not be made" in " ".join(seen[0])

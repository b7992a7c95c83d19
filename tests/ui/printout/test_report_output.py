"""Printing the printout: a printer that will not take it, or paper too small for it, becomes
a calm message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.errors import KapError
from kapcompanion.report.content.options import ReportOptions
from kapcompanion.store import Store
from tests.ui.helpers import answer_next_dialog
from ui.printout.output import paint_report, preview_and_print, printer_for_report


def test_a_printer_that_cannot_write_is_said_calmly(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    printer = printer_for_report()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    missing = tmp_path / "no such folder" / "printout.pdf"
    printer.setOutputFileName(str(missing))
    with pytest.raises(KapError) as raised:
        paint_report(demo_store, ReportOptions(), printer)
    assert raised.value.message == (
        "The printout could not be sent to the printer. Nothing was changed."
    )
    assert not missing.parent.exists()


def test_paper_too_small_in_the_preview_is_said_calmly(qtbot: QtBot, demo_store: Store) -> None:
    tiny = QPageSize(QSizeF(40, 40), QPageSize.Unit.Millimeter, "tiny")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    preview_and_print(parent, demo_store, ReportOptions(), tiny)  # no preview is shown
    assert seen and "This paper is too small for the printout." in " ".join(seen[0])


def test_an_unexpected_problem_in_the_preview_is_said_calmly_too(
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store.open(tmp_path / "profile.sqlite3")

    def break_down(*_args: object) -> None:
        raise RuntimeError("a problem no one planned for")

    # (A closed store no longer serves here: the store names that as a KapError of its own.)
    monkeypatch.setattr("ui.printout.output.report_pages", break_down)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    preview_and_print(parent, store, ReportOptions())  # no preview is shown
    assert seen and seen[0][0] == "The printout could not be shown"
    assert "Nothing was changed" in seen[0][1]
    assert "Traceback" not in capsys.readouterr().err
    store.close()

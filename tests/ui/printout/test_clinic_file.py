"""The Printout screen's "Save a file for my clinic…", by keyboard, on real stores and files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.report.content.options import PeriodChoice
from kapcompanion.store import Store
from tests.ui.conftest import ShowView
from tests.ui.helpers import answer_next_dialog, press, tab_to, type_text
from ui.printout.view import ReportView

TAB_STOPS = 80


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The save dialog answers with tmp_path/<the name it suggested>; what it suggested."""
    suggested: list[str] = []

    def answer(_parent: QWidget, _title: str, where: str, _filter: str) -> tuple[str, str]:
        suggested.append(where)
        return str(tmp_path / Path(where).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def press_the_button(qtbot: QtBot, view: ReportView) -> None:
    tab_to(qtbot, view.clinic_button, limit=TAB_STOPS)
    press(qtbot, Qt.Key.Key_Space)


def test_the_button_saves_the_chosen_days_and_name_and_says_what_is_in_it(
    show_view: ShowView,
    demo_store: Store,
    qtbot: QtBot,
    tmp_path: Path,
    asked: list[str],
) -> None:
    view = show_view(ReportView, demo_store)
    view.period_picker.choose(PeriodChoice.WHOLE_COURSE)
    tab_to(qtbot, view.name_edit, limit=TAB_STOPS)
    type_text(qtbot, "A. R.")
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)

    press_the_button(qtbot, view)
    qtbot.waitUntil(lambda: bool(seen))

    name = f"kap-companion-for-my-clinic-{date.today().isoformat()}.json"
    assert [Path(each).name for each in asked] == [name]
    saved = tmp_path / name
    bundle = json.loads(saved.read_text("utf-8"))
    Bundle.model_validate(bundle)
    assert bundle["entry"][0]["resource"]["name"] == [{"text": "A. R."}]
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == len(demo_store.check_ins.completed())
    title, words = seen[0]
    assert title == "Your file for the clinic is saved"
    assert "and the name you gave, and nothing else" in words
    assert "reflections, insights, notes and sessions are not in it" in words
    assert str(saved) in words


def test_a_shorter_period_saves_fewer_and_no_name_means_none(
    show_view: ShowView, demo_store: Store, qtbot: QtBot, tmp_path: Path, asked: list[str]
) -> None:
    view = show_view(ReportView, demo_store)
    view.period_picker.choose(PeriodChoice.LAST_30_DAYS)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)

    press_the_button(qtbot, view)
    qtbot.waitUntil(lambda: bool(seen))

    bundle = json.loads((tmp_path / Path(asked[0]).name).read_text("utf-8"))
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert "Patient" not in kinds
    everything = demo_store.check_ins.completed()
    assert 0 < kinds.count("QuestionnaireResponse") < len(everything)
    assert "your name is not in it" in seen[0][1]


def test_days_without_questionnaires_say_so_and_ask_nothing(
    show_view: ShowView, store: Store, qtbot: QtBot, tmp_path: Path, asked: list[str]
) -> None:
    view = show_view(ReportView, store)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)

    press_the_button(qtbot, view)
    qtbot.waitUntil(lambda: bool(seen))

    assert seen[0][0] == "No questionnaires in these days"
    assert "No file was made" in seen[0][1]
    assert asked == []
    assert not list(tmp_path.glob("*.json"))


def test_a_file_that_cannot_be_written_is_said_calmly(
    show_view: ShowView, demo_store: Store, qtbot: QtBot, tmp_path: Path, asked: list[str]
) -> None:
    name = f"kap-companion-for-my-clinic-{date.today().isoformat()}.json"
    (tmp_path / name).mkdir()  # a folder where the file would go
    view = show_view(ReportView, demo_store)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)

    press_the_button(qtbot, view)
    qtbot.waitUntil(lambda: bool(seen))

    assert asked
    assert "choose another name" in " ".join(seen[0])
    assert (tmp_path / name).is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial file

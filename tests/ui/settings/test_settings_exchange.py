"""Export and import from Settings → Your data, in the real window, on real profiles."""

from __future__ import annotations

import json
import os
import threading
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.course.support import COUNTRY_SETTING
from kapcompanion.demo import fill_demo
from kapcompanion.domain import Phase
from kapcompanion.exchange import (
    ImportSummary,
    SpreadsheetExportError,
    read_export,
    write_csv_export,
    write_json_export,
)
from kapcompanion.exchange.summary import COUNTED
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.core.exchange.profiles import dump
from tests.raw_sql import connection_of
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import answer_next_dialog, tab_to
from ui.main_window import MainWindow
from ui.settings.data_exchange import describe_failure
from ui.settings.view import SettingsView

IMPORT = "Import"


def settings_of(window: MainWindow) -> SettingsView:
    window.show_destination("settings")
    return window.settings_view


def export_of(database: Path, out: Path) -> Path:
    """`database` exported as JSON by the core (not by the screen under test)."""
    with Store.open(database) as store:
        return write_json_export(store, out).path


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """A sample course of its own, exported: its entries are new to any profile in a test."""
    with Store.open(tmp_path / "source.sqlite3") as store:
        fill_demo(store)
    return export_of(tmp_path / "source.sqlite3", tmp_path / "sample.json")


def test_export_everything_writes_a_file_and_says_where(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    view = settings_of(open_window(demo_profile))
    out = tmp_path / "mine.json"
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.export_to(out)
    document = json.loads(out.read_text("utf-8"))
    assert document["format"] == "kap-companion-export"
    assert len(document["data"]["sessions"]) == 7
    assert str(out) in view.exchange_status.text()
    assert view.exchange_status.isVisible()
    assert view.export_button.isEnabled()


def test_the_export_button_asks_where_and_can_write_spreadsheet_files(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    view = settings_of(open_window(demo_profile))
    out = tmp_path / "for-my-spreadsheet"

    def choose_zip() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, choose_zip)
            return
        [sheets] = [name for name in dialog.nameFilters() if "*.zip" in name]
        dialog.selectNameFilter(sheets)
        # Typed as a person would (the dialog may still be filling in its suggestion).
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_box is not None
        name_box.setText(str(out))
        dialog.accept()

    QTimer.singleShot(20, choose_zip)
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.export_button.click()
    written = out.with_name("for-my-spreadsheet.zip")
    assert "sessions.csv" in zipfile.ZipFile(written).namelist()


def test_import_into_an_empty_profile_adds_everything_and_the_window_shows_it(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, exported: Path
) -> None:
    window = open_window(profile)
    view = settings_of(window)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose=IMPORT)
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.import_from(exported)
    assert "sample.json" in seen[0][1]
    assert "nothing is replaced or deleted" in seen[0][1]
    status = view.exchange_status.text()
    assert status.startswith("Added 7 sessions, 18 reflections, 14 insights")
    assert window.store is not None
    window.show_destination("sessions")
    sessions = window.page("sessions")
    assert sessions.model.rowCount() == 7  # type: ignore[attr-defined]


def test_importing_its_own_export_says_everything_was_already_here(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    exported = export_of(demo_profile.database_path, tmp_path / "own.json")
    view = settings_of(open_window(demo_profile))
    before = dump(demo_profile.database_path)
    answer_next_dialog([], choose=IMPORT)
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.import_from(exported)
    assert view.exchange_status.text().startswith("Nothing new was added: all ")
    assert dump(demo_profile.database_path) == before


def test_choosing_cancel_imports_nothing(
    open_window: WindowFactory, profile: Profile, exported: Path
) -> None:
    view = settings_of(open_window(profile))
    before = dump(profile.database_path)
    answer_next_dialog([], choose="Cancel")
    view.import_from(exported)
    assert dump(profile.database_path) == before
    assert not view.exchange_status.isVisible()


def test_a_cut_short_file_is_refused_calmly_and_nothing_changes(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, exported: Path
) -> None:
    view = settings_of(open_window(demo_profile))
    cut = exported.with_name("cut.json")
    cut.write_bytes(exported.read_bytes()[:4000])
    before = dump(demo_profile.database_path)
    answer_next_dialog([], choose=IMPORT)
    seen: list[tuple[str, str]] = []
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.import_from(cut)
        answer_next_dialog(seen)
    assert seen[0][0] == "The file was not imported"
    assert "not a complete KAP Companion export" in seen[0][1]
    assert "Nothing was changed" in seen[0][1]
    assert dump(demo_profile.database_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_slow_import_shows_progress_and_stop_changes_nothing(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, exported: Path, tmp_path: Path
) -> None:
    # The file is a named pipe, so the import waits (as on a slow disk) until it is written.
    pipe = tmp_path / "slow.json"
    os.mkfifo(pipe)
    view = settings_of(open_window(profile))
    before = dump(profile.database_path)
    answer_next_dialog([], choose=IMPORT)
    view.import_from(pipe)
    writer = threading.Thread(target=pipe.write_bytes, args=(exported.read_bytes(),))
    try:
        qtbot.waitUntil(
            lambda: any(d.isVisible() for d in view.findChildren(QProgressDialog)),
            timeout=5000,
        )
        [progress] = [d for d in view.findChildren(QProgressDialog) if d.isVisible()]
        assert progress.labelText() == "Importing your entries…"
        assert not view.import_button.isEnabled()
        [stop] = progress.findChildren(QPushButton)
        assert stop.text() == "Stop"
        stop.click()
    finally:
        with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
            writer.start()
        writer.join()
    assert view.exchange_status.text() == "You stopped it, so nothing was changed."
    assert dump(profile.database_path) == before
    assert view.import_button.isEnabled()


def test_the_buttons_are_reached_by_keyboard_and_named(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    view = settings_of(open_window(profile))
    for button in (view.export_button, view.import_button):
        tab_to(qtbot, button)
        assert button.accessibleName()
        assert button.isEnabled()


def test_what_was_added_is_said_with_plurals_and_the_locale_s_numbers(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    # One theme of your own and one setting: "1 theme", "1 setting", never "1 themes".
    with Store.open(tmp_path / "source.sqlite3") as store:
        store.themes.add("Music & sound")
        store.settings.set(COUNTRY_SETTING, "DE")
    exported = export_of(tmp_path / "source.sqlite3", tmp_path / "small.json")
    view = settings_of(open_window(profile))
    for expected in (
        "Added 1 theme of your own and 1 setting.",
        "Nothing new was added: all 2 entries in the file were already here.",
    ):
        answer_next_dialog([], choose=IMPORT)
        with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
            view.import_from(exported)
        assert view.exchange_status.text() == expected
    many = QLocale().toString(1200)
    counts = dict.fromkeys(COUNTED, 0)
    summary = ImportSummary({**counts, "distress_ratings": 1200}, {**counts, "sessions": 1})
    assert summary.describe() == f"Added {many} distress check-ins; 1 entry was already here."


def test_an_existing_file_is_kept_unless_the_save_dialog_asked(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    view = settings_of(open_window(demo_profile))
    out = tmp_path / "mine.json"
    out.write_text("keep me")
    seen: list[tuple[str, str]] = []
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.export_to(out)
        answer_next_dialog(seen)
    assert seen == [
        (
            "Your entries were not exported",
            "A file with that name is already there; you might choose another name.",
        )
    ]
    assert out.read_text() == "keep me"
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.export_to(out, replace=True)
    assert json.loads(out.read_text("utf-8"))["format"] == "kap-companion-export"


def test_a_clash_is_explained_without_the_database_s_words(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, exported: Path
) -> None:
    document = json.loads(exported.read_text("utf-8"))
    stolen = document["data"]["answers"][-1]["uuid"]
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        other = store.reflections.start(Phase.OPEN, "open", 1)
        store.reflections.save_answer(
            other.id, position=0, prompt_id="x", prompt_text="?", text="mine"
        )
        connection_of(store).execute(
            "UPDATE answers SET uuid = ? WHERE reflection_id = ?", [stolen, other.id]
        )
    view = settings_of(open_window(profile))
    answer_next_dialog([], choose=IMPORT)
    seen: list[tuple[str, str]] = []
    with qtbot.waitSignal(view.exchange_finished, timeout=10_000):
        view.import_from(exported)
        answer_next_dialog(seen)
    assert seen[0][1] == (
        "Some records in this file clash with different entries already here, so none of it "
        "was added. Nothing was changed."
    )


def test_something_unexpected_is_told_calmly_without_its_own_words() -> None:
    title, message = describe_failure(RuntimeError("disk I/O error at 0x7f"), importing=True)
    assert title == "The file was not imported"
    assert message == "Something unexpected went wrong, so nothing was changed."


def test_choosing_the_spreadsheet_export_to_import_says_what_it_is(tmp_path: Path) -> None:
    with Store.open(tmp_path / "source.sqlite3") as store:
        zipped = write_csv_export(store, tmp_path / "tables.zip").path
    with pytest.raises(SpreadsheetExportError) as refused:
        read_export(zipped)
    title, message = describe_failure(refused.value, importing=True)
    assert title == "The file was not imported"
    assert message.startswith("This is a spreadsheet (CSV) export, which is for reading")

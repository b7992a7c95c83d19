"""The main window, driven through its real widgets and keyboard offscreen."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.journal import GATE_DIFFICULT_SETTING
from kapcompanion.profile import Profile
from tests.file_modes import modes
from tests.paths import REPOSITORY
from tests.processes import end_process
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import (
    focused,
    visible_texts,
    wait_until_nothing_is_clipped,
)
from ui.application import window_settings
from ui.changes import DataKind
from ui.home.sample_course import sample_course_command
from ui.main_window import KEY_ROLE
from ui.printout.view import ReportView
from ui.trends.view import TrendsView
from ui.widgets.style import colours


def test_a_new_profile_gets_a_gentle_welcome_with_first_steps_and_a_sample(
    open_window: WindowFactory,
    profile: Profile,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(profile)
    texts = " ".join(visible_texts(window.home))
    assert "Welcome to KAP Companion" in texts
    assert "never connects to the internet" in texts
    shown = [b for b in window.home.findChildren(QPushButton) if b.isVisibleTo(window.home)]
    assert [b.text() for b in shown] == [
        "Log a session",
        "Start a reflection",
        "Explore a sample course",
    ]
    assert [b.objectName() for b in shown].count("primary") == 1  # one step leads
    button = shown[-1]
    # The sample course keeps its throw-away folder under TMPDIR: here, inside this test's.
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with qtbot.waitSignal(window.home.explore_sample_requested):
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
    pid = window.sample_course_pid
    assert pid is not None
    try:
        if sys.platform.startswith("linux"):
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            assert b"--demo" in command
    finally:
        end_process(pid)


def test_the_first_steps_lead_to_a_new_session_form_and_to_reflect_by_keyboard(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)

    def first_step(words: str) -> QPushButton:
        return next(b for b in window.home.findChildren(QPushButton) if b.text() == words)

    first_step("Log a session").setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert window.current_destination() == "sessions"
    assert window.sessions_view.pages.currentWidget() is window.sessions_view.form
    assert focused() is window.sessions_view.form.when_edit

    window.show_destination("home")
    first_step("Start a reflection").setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert window.current_destination() == "reflect"
    assert focused() is window.reflect_view.begin_button


def test_the_sample_course_opens_in_its_own_process_and_not_a_stray_app_py(
    tmp_path: Path,
) -> None:
    program, arguments = sample_course_command()
    (tmp_path / "app.py").write_text("raise SystemExit('a stranger app.py ran')\n")
    (tmp_path / "tmp").mkdir()
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path / "tmp"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [program, *arguments, "--exit-after", "loaded"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "stranger" not in result.stderr
    assert not (tmp_path / "data").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_sample_course_window_offers_no_backup_of_throw_away_data(
    open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(Profile(tmp_path / "sample"), demo=True)
    texts = " ".join(visible_texts(window.settings_view))
    assert "sample course" in texts
    assert not window.settings_view.findChildren(QPushButton)


@pytest.mark.usefixtures("usual_umask")
def test_a_backup_made_in_the_window_is_private(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    window = open_window(demo_profile)
    window.settings_view.make_backup()
    # The one made by hand, and the automatic one made as the window opened.
    backups = sorted(demo_profile.backups_folder.iterdir())
    assert [path.name[:5] for path in backups] == ["auto-", "kap-c"]
    assert modes(demo_profile.backups_folder, *backups) == {
        "backups": "0o700",
        **{backup.name: "0o600" for backup in backups},
    }


def test_a_profile_with_a_course_shows_its_summary(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    window = open_window(demo_profile)
    texts = visible_texts(window.home)
    joined = " ".join(texts)
    assert "Here is your course so far." in joined
    assert "Welcome to KAP Companion" not in joined
    assert "6" in texts  # six dosing sessions
    assert "Themes that came up most" in joined
    assert "What you want to carry forward" in joined
    assert window.store is not None
    top_theme = window.store.themes.counts()[0][0].name
    pinned = window.store.insights.list()[0].text
    assert top_theme in texts
    assert f"•  {pinned}" in texts


def test_only_built_screens_are_in_the_sidebar(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    model = window.navigation_model
    labels = [model.item(row).text() for row in range(model.rowCount())]
    assert labels == [
        "Home",
        "Sessions",
        "Reflect",
        "Journal",
        "Insights",
        "Trends",
        "Check-ins",
        "Practices",
        "Printout",
        "Support",
        "Settings",
    ]


def test_sidebar_rows_do_not_overlap(open_window: WindowFactory, profile: Profile) -> None:
    window = open_window(profile)
    model = window.navigation_model
    rects = [window.sidebar.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
    for upper, lower in itertools.pairwise(rects):
        assert upper.bottom() < lower.top()
        assert upper.height() >= window.sidebar.fontMetrics().height() + 8


def test_keyboard_moves_between_screens(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    keys = [destination.key for destination in window.destinations]
    assert window.current_destination() == "home"
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_End)
    assert window.current_destination() == "settings"
    assert window.pages.currentWidget() is window.settings_view
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Up)
    assert window.current_destination() == keys[-2]
    # Ctrl+1 … Ctrl+9 for the first nine screens, Ctrl+0 for Settings (Support has F1).
    numbered = [*keys[:9], keys[-1]]
    digits = [getattr(Qt.Key, f"Key_{n % 10}") for n in range(1, 11)]
    for number, key in enumerate(numbered):
        qtbot.keyClick(window.windowHandle(), digits[number], Qt.KeyboardModifier.ControlModifier)
        assert window.current_destination() == key


def test_last_screen_and_geometry_are_restored(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    window.resize(760, 520)  # the offscreen screen is 800 × 600
    window.show_destination("settings")
    window.close()
    settings = window_settings(profile)
    saved = settings.value("window/geometry")
    assert isinstance(saved, QByteArray) and not saved.isEmpty()
    again = open_window(profile, settings=settings)
    assert again.current_destination() == "settings"
    assert (again.width(), again.height()) == (760, 520)


@pytest.mark.parametrize("last", ["trends", "report"])
def test_the_window_shows_before_a_heavy_last_screen_is_built(
    profile: Profile, tmp_path: Path, last: str
) -> None:
    """Trends (matplotlib) and the Printout were the screens on show last: the window still
    appears as fast as on Home, and comes back to that screen next time."""
    profile.ensure_exists()
    profile.window_state_path.write_text(f"[window]\ndestination={last}\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            str(REPOSITORY / "app.py"),
            "--data-dir",
            str(profile.folder),
            "--exit-after",
            "shown",
        ],
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "ui.application" in imported  # the -X importtime output was read
    assert not {name for name in imported if name.split(".")[0] == "matplotlib"}
    assert "ui.trends.view" not in imported
    assert "ui.printout.view" not in imported
    assert window_settings(profile).value("window/destination") == last
    # The timed start says when the window was up, on the clock every process shares (the
    # start-up benchmark reads it).
    (said,) = [line for line in result.stdout.splitlines() if line.startswith("ready-at ")]
    assert 0 < float(said.split()[1]) <= time.monotonic()


@pytest.mark.parametrize(("last", "screen"), [("trends", TrendsView), ("report", ReportView)])
def test_the_last_screen_is_chosen_at_once_and_built_right_after_the_first_paint(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, last: str, screen: type[QWidget]
) -> None:
    profile.ensure_exists()
    profile.window_state_path.write_text(f"[window]\ndestination={last}\n", encoding="utf-8")
    window = open_window(profile, load=False)
    assert window.sidebar.currentIndex().data(KEY_ROLE) == last
    assert window.current_destination() == last
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), screen), timeout=5000)
    with qtbot.waitSignal(window.profile_opened, timeout=10_000):
        window.open_profile()
    page = window.pages.currentWidget()
    assert isinstance(page, screen) and page.isVisible()
    assert window.current_destination() == last
    assert window.pages.count() == 1  # the blank page that stood in for it is gone
    assert window.focusWidget() is window.sidebar  # keys go where they did before


def test_size_and_screen_are_kept_soon_after_they_change_not_only_on_close(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)

    def kept(key: str) -> object:
        return window_settings(profile).value(key)  # read back, as after a crash

    window.show_destination("trends")
    qtbot.waitUntil(lambda: kept("window/destination") == "trends", timeout=3000)
    window.resize(740, 500)
    qtbot.waitUntil(lambda: kept("window/geometry") == window.saveGeometry(), timeout=3000)
    again = open_window(profile, settings=window_settings(profile))
    assert again.current_destination() == "trends"
    assert (again.width(), again.height()) == (740, 500)


def test_choosing_dark_colours_by_keyboard_restyles_and_is_remembered(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, qapp: QApplication
) -> None:
    window = open_window(profile)
    window.show_destination("settings")
    [dark] = [b for b in window.settings_view.findChildren(QRadioButton) if b.text() == "Dark"]
    dark.setFocus()
    qtbot.keyClick(dark, Qt.Key.Key_Space)
    assert dark.isChecked()
    assert qapp.palette().window().color() == QColor(colours("dark")["window"])
    assert window_settings(profile).value("appearance/colour_scheme") == "dark"
    [light] = [b for b in window.settings_view.findChildren(QRadioButton) if b.text() == "Light"]
    light.click()
    assert qapp.palette().window().color() == QColor(colours("light")["window"])


def test_follow_my_computer_uses_the_system_scheme(
    open_window: WindowFactory, profile: Profile, qapp: QApplication
) -> None:
    open_window(profile)
    hints = QGuiApplication.styleHints()
    expected = "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"
    assert qapp.property("kapColourScheme") == expected


def test_make_a_backup_now_writes_a_backup_and_says_where(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    window = open_window(demo_profile)
    window.show_destination("settings")
    window.settings_view.backup_button.click()
    [backup] = list(demo_profile.backups_folder.glob("kap-companion-*.sqlite3"))
    assert str(backup) in window.settings_view.backup_status.text()
    assert window.settings_view.backup_status.isVisibleTo(window)


def test_a_damaged_file_without_backups_is_told_honestly_and_is_not_touched(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    profile.ensure_exists()
    profile.database_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    before = profile.database_path.read_bytes()
    window = open_window(profile, load=False)
    with qtbot.waitSignal(window.recovery_offered, timeout=10_000):
        window.open_profile()
    assert window.recovery_view is not None
    words = "\n".join(visible_texts(window.recovery_view))
    assert "Your entries could not be opened" in words
    assert "There is no backup of your entries to put back" in words
    assert "kept safe, exactly as it is" in words
    assert "Traceback" not in words and "SQLITE" not in words
    assert profile.database_path.read_bytes() == before
    assert window.store is None


def test_the_demo_window_says_it_is_a_sample(open_window: WindowFactory, tmp_path: Path) -> None:
    window = open_window(Profile(tmp_path / "sample"), demo=True)
    assert "sample course" in window.windowTitle()
    assert any("made-up entries" in text for text in visible_texts(window))
    assert window.store is not None and not window.store.is_empty()


def test_nothing_is_clipped_at_the_smallest_window_size(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile)
    window.resize(window.minimumSize())
    for destination in window.destinations:
        window.show_destination(destination.key)
        page = window.pages.currentWidget()
        assert page is not None
        wait_until_nothing_is_clipped(qtbot, page)


def test_the_difficult_entry_question_can_be_turned_off_in_settings(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    window.show_destination("settings")
    box = window.settings_view.gate_box
    assert box.isEnabled() and box.isChecked()
    box.click()
    assert window.store is not None
    assert window.store.settings.get(GATE_DIFFICULT_SETTING) is False


def test_home_offers_check_ins_that_are_due_and_leads_there(
    open_window: WindowFactory, profile: Profile
) -> None:
    from datetime import datetime, timedelta

    from kapcompanion.domain import NewSession

    window = open_window(profile)
    assert window.store is not None
    held = (datetime.now() - timedelta(days=2)).astimezone()
    window.store.sessions.add(NewSession(held_at=held, number_in_course=1))
    window.data_changed.emit(DataKind.SESSIONS)
    texts = visible_texts(window.home)
    assert "Ready when you are" in texts
    for name in ("PHQ-9", "GAD-7", "PCL-5"):
        assert f"{name}, if you would like to take it" in texts
    [take_gad7] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName() == "Begin: GAD-7, if you would like to take it"
    ]
    take_gad7.click()
    assert window.current_destination() == "checkins"
    flow = window.check_ins_view.flow
    assert flow is not None and flow.isVisible()
    assert flow.questionnaire.id == "gad7"


def test_support_is_one_click_or_f1_away_from_every_screen(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    for destination in window.destinations:
        window.show_destination(destination.key)
        assert window.support_button.isVisibleTo(window), destination.key
        window.support_button.click()
        assert window.current_destination() == "support"
        assert window.support_view.current_part() == "overview"
        window.show_destination(destination.key)
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F1)
        assert window.current_destination() == "support"


def test_a_check_in_asking_for_the_safety_plan_opens_it(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    window.show_destination("checkins")
    window.check_ins_view.safety_plan_requested.emit()
    assert window.current_destination() == "support"
    assert window.support_view.current_part() == "safety_plan"


def test_the_country_for_crisis_lines_is_chosen_in_settings(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    window.show_destination("settings")
    box = window.settings_view.country_box
    box.setCurrentIndex(box.findData("GB"))
    window.show_support()
    window.support_view.show_contacts()
    texts = " ".join(visible_texts(window.support_view))
    assert "116 123" in texts
    box.setCurrentIndex(box.findData("US"))
    window.support_view.show_contacts()
    assert "988" in " ".join(visible_texts(window.support_view))


def test_closing_after_writing_backs_up_and_the_sample_course_never_does(
    open_window: WindowFactory, demo_profile: Profile, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from kapcompanion.domain import NewSession
    from kapcompanion.store.automatic_backups import automatic_backups
    from kapcompanion.store.restore import summarize

    window = open_window(demo_profile)
    (on_opening,) = automatic_backups(demo_profile.backups_folder)
    assert summarize(on_opening.path, None).counts["sessions"] == 7
    assert window.store is not None
    window.store.sessions.add(NewSession(held_at=datetime.now(UTC), intention="Rest."))
    window.close_store(back_up=True)
    # The same day's: only the newest is kept.
    (on_closing,) = automatic_backups(demo_profile.backups_folder)
    assert on_closing.path != on_opening.path
    assert summarize(on_closing.path, None).counts["sessions"] == 8

    sample = Profile(tmp_path / "sample")
    sample_window = open_window(sample, demo=True)
    sample_window.close_store(back_up=True)
    assert not sample.backups_folder.exists()

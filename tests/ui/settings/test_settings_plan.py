"""Settings → Your therapist's plan: opened, read in plain words, applied only when the client
agrees, refused naming the field when it does not fit, and removed again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapcompanion.course.check_in_schedule import every_days
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.paths import REPOSITORY
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import answer_next_dialog, press, visible_texts, when_dialog_opens
from ui.main_window import MainWindow
from ui.settings.therapist_plan import PlanDialog, PlanSection

EXAMPLE = REPOSITORY / "docs" / "examples" / "therapist-plan.toml"


def every_setting(store: Store) -> dict[str, object]:
    keys = store.settings.keys()
    return {key: store.settings.get(key) for key in keys}


def plan_section(window: MainWindow) -> PlanSection:
    section = window.settings_view.plan_section
    assert section is not None
    return section


def settings_window(open_window: WindowFactory, profile: Profile) -> tuple[MainWindow, Store]:
    window = open_window(profile)
    window.show_destination("settings")
    assert window.store is not None
    return window, window.store


def test_declining_a_plan_changes_nothing(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window, store = settings_window(open_window, profile)
    before = every_setting(store)
    seen: list[list[str]] = []

    def decline_by_keyboard(dialog: PlanDialog) -> None:
        seen.append(dialog.words)
        assert dialog.decline_button.hasFocus()  # agreeing is never the default
        press(qtbot, Qt.Key.Key_Space)

    when_dialog_opens(PlanDialog, decline_by_keyboard, focus=lambda d: d.decline_button)
    plan_section(window).open_plan(EXAMPLE)
    assert seen and "From Dr. Amara Okafor, Riverside Integration Clinic" in seen[0][0]
    assert "GAD-7: not suggested." in seen[0]
    assert "After each session, Home invites: The next day, A week after." in seen[0]
    assert every_setting(store) == before


def test_agreeing_applies_it_and_removing_it_puts_everything_back(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window, store = settings_window(open_window, profile)
    before = every_setting(store)
    section = plan_section(window)
    assert not section.remove_button.isVisibleTo(section)
    when_dialog_opens(PlanDialog, lambda dialog: dialog.accept_button.click())
    section.open_plan(EXAMPLE)
    assert (every_days(store, "phq9"), every_days(store, "gad7")) == (14, 0)
    assert "PCL-5: suggested every 14 days." in visible_texts(section)[1]
    # Support shows the plan's crisis line first, and its contacts.
    window.show_destination("support")
    panel = window.support_view.contacts
    assert panel.crisis_line_texts()[0] == ("Riverside County crisis line (24 hours): +1 555 0111")
    window.show_destination("settings")
    assert section.remove_button.isVisibleTo(section)
    section.remove_button.click()
    assert every_setting(store) == before
    assert not section.remove_button.isVisibleTo(section)
    window.show_destination("support")
    assert all("Riverside" not in line for line in panel.crisis_line_texts())


def test_a_malformed_plan_is_refused_naming_the_field_and_changes_nothing(
    open_window: WindowFactory, profile: Profile, tmp_path: Path
) -> None:
    window, store = settings_window(open_window, profile)
    before = every_setting(store)
    plan = json.loads((REPOSITORY / "docs" / "examples" / "therapist-plan.json").read_text())
    plan["questionnaires"]["bdi"] = {"every_days": 7}
    broken = tmp_path / "plan.json"
    broken.write_text(json.dumps(plan), encoding="utf-8")
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    plan_section(window).open_plan(broken)
    [(title, words)] = seen
    assert title == "This plan could not be used"
    assert "“questionnaires.bdi”" in words and words.endswith("Nothing was changed.")
    assert every_setting(store) == before


def test_a_plan_file_with_spaces_and_accents_in_its_name_opens(
    open_window: WindowFactory, profile: Profile, tmp_path: Path
) -> None:
    window, store = settings_window(open_window, profile)
    renamed = tmp_path / "plan de Zoë (copie).toml"
    shutil.copyfile(EXAMPLE, renamed)
    when_dialog_opens(PlanDialog, lambda dialog: dialog.accept_button.click())
    plan_section(window).open_plan(renamed)
    assert every_days(store, "gad7") == 0

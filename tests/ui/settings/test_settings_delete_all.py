"""Settings → Delete all my data, in the real window, on real profiles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile, ProfileLock
from kapcompanion.store.backup import backup_database, default_backup_path
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import press, tab_to, type_text, visible_texts, when_dialog_opens
from ui.main_window import MainWindow
from ui.settings.delete_all import DeleteAllDialog
from ui.settings.view import SettingsView
from ui.widgets.style import COLOUR_SCHEME_KEY, ColourScheme, apply_style


@pytest.fixture
def held(demo_profile: Profile) -> Iterator[ProfileLock]:
    """The sample course with a backup and a file of the client's, its lock held as the app
    holds it while the window is open."""
    backup_database(
        demo_profile.database_path,
        default_backup_path(demo_profile.backups_folder, datetime(2024, 5, 1, 9, 0)),
    )
    (demo_profile.folder / "my notes.txt").write_text("mine")
    with ProfileLock(demo_profile) as lock:
        yield lock


def settings_of(window: MainWindow) -> SettingsView:
    window.show_destination("settings")
    return window.settings_view


def when_confirmation_opens(act: Callable[[DeleteAllDialog], object]) -> None:
    """Call `act(dialog)` once the confirmation is open with its phrase field in focus."""
    when_dialog_opens(DeleteAllDialog, act, focus=lambda dialog: dialog.phrase_edit)


def has_data(profile: Profile) -> bool:
    return profile.database_path.exists() and any(profile.backups_folder.iterdir())


def test_the_section_is_at_the_end_with_a_named_button(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    view = settings_of(open_window(demo_profile))
    assert visible_texts(view)[-1].startswith("If you would like to stop using KAP Companion")
    assert "Exports you saved elsewhere are yours" in visible_texts(view)[-1]
    assert view.delete_all.button.accessibleName() == "Delete all my data"
    assert view.delete_all.button.isEnabled()


def test_it_is_not_offered_in_the_sample_course(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    view = settings_of(open_window(demo_profile, demo=True))
    assert not hasattr(view, "delete_all")
    assert "Delete all my data" not in visible_texts(view)


def test_the_phrase_unlocks_the_button_that_deletes(qtbot: QtBot) -> None:
    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    assert dialog.cancel_button.isDefault()
    assert not dialog.delete_button.isEnabled()
    dialog.show()
    texts = " ".join(visible_texts(dialog))
    assert "backup" in texts and "window's settings" in texts
    assert "saved elsewhere are yours" in texts
    assert "“delete everything”" in texts
    for typed, enabled in (
        ("delete", False),
        ("delete everything!", False),
        ("  Delete   Everything ", True),
        ("delete everything", True),
    ):
        dialog.phrase_edit.setText(typed)
        assert dialog.delete_button.isEnabled() is enabled, typed
    for widget in (dialog.phrase_edit, dialog.cancel_button, dialog.delete_button):
        assert widget.accessibleName()


def test_cancel_changes_nothing(
    open_window: WindowFactory, held: ProfileLock, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, lock=held)
    view = settings_of(window)
    before = sorted(path.name for path in demo_profile.folder.rglob("*"))

    def type_then_cancel(dialog: DeleteAllDialog) -> None:
        dialog.phrase_edit.setText("delete everything")
        dialog.cancel_button.click()

    when_confirmation_opens(type_then_cancel)
    view.delete_all.button.click()
    assert sorted(path.name for path in demo_profile.folder.rglob("*")) == before
    assert window.store is not None and not window.store.is_empty()
    assert window.current_destination() == "settings"


def test_confirming_deletes_the_data_and_shows_the_welcome(
    open_window: WindowFactory, held: ProfileLock, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, lock=held)
    window._settings.setValue(COLOUR_SCHEME_KEY, "dark")
    view = settings_of(window)
    assert has_data(demo_profile)

    def confirm(dialog: DeleteAllDialog) -> None:
        dialog.phrase_edit.setText("delete everything")
        dialog.delete_button.click()

    when_confirmation_opens(confirm)
    view.delete_all.button.click()
    assert not demo_profile.backups_folder.exists()
    assert "dark" not in demo_profile.window_state_path.read_text()
    assert (demo_profile.folder / "my notes.txt").read_text() == "mine"
    assert window.current_destination() == "home"
    assert "Welcome to KAP Companion" in visible_texts(window.home)
    assert window.store is not None and window.store.is_empty()
    assert held.is_held()
    # The app is usable at once, and Settings starts afresh.
    assert window.settings_view is not view
    assert window.settings_view.backup_status.isHidden()


def test_keyboard_only(
    open_window: WindowFactory, held: ProfileLock, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, lock=held)
    window.sidebar.setFocus()
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    view = window.settings_view
    tab_to(qtbot, view.delete_all.button, limit=60)
    escaped: list[bool] = []

    def escape(dialog: DeleteAllDialog) -> None:
        escaped.append(dialog.phrase_edit.hasFocus())
        type_text(qtbot, "delete everything")
        press(qtbot, Qt.Key.Key_Escape)

    when_confirmation_opens(escape)
    press(qtbot, Qt.Key.Key_Space)
    assert escaped == [True]
    assert has_data(demo_profile)

    seen: list[tuple[bool, bool]] = []

    def type_and_delete(dialog: DeleteAllDialog) -> None:
        type_text(qtbot, "delete everything")
        press(qtbot, Qt.Key.Key_Return)  # on to the button that deletes, not Cancel
        seen.append((dialog.isVisible(), dialog.delete_button.hasFocus()))
        press(qtbot, Qt.Key.Key_Space)

    when_confirmation_opens(type_and_delete)
    press(qtbot, Qt.Key.Key_Space)
    assert seen == [(True, True)]
    assert window.store is not None and window.store.is_empty()
    assert not demo_profile.backups_folder.exists()
    assert window.current_destination() == "home"
    assert "Welcome to KAP Companion" in visible_texts(window.home)


def test_a_window_given_no_lock_takes_one_to_delete(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    window = open_window(demo_profile)
    window.delete_all_data()
    assert window.store is not None and window.store.is_empty()
    assert not demo_profile.lock_path.exists()  # taken for the deleting, then let go


@pytest.mark.parametrize("scheme", [ColourScheme.LIGHT, ColourScheme.DARK])
def test_every_paragraph_of_the_confirmation_shows_whole(
    qtbot: QtBot, scheme: ColourScheme
) -> None:
    apply_style(cast(QApplication, QApplication.instance()), scheme)  # the window's fonts
    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()

"""Esc goes back one step at a time: from a part of Support to Support's overview (with the
part's choice focused), and from the overview to the sidebar. The keyboard walk
(tests/ui/test_keyboard_walk.py) covers Esc from every screen to the sidebar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import focused, press


def test_escape_in_a_part_of_support_goes_back_to_support_first(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile)
    window.show_destination("support")
    support = window.support_view
    support.show_breathing()
    press(qtbot, Qt.Key.Key_Escape)
    assert support.current_part() == "overview"
    assert focused() is support.breathing_choice
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.sidebar
    press(qtbot, Qt.Key.Key_Escape)  # a second Esc stays there, harmlessly
    assert focused() is window.sidebar

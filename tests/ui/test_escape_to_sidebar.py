"""On a screen of its own (not a page within one, not a flow), Esc goes back to the sidebar,
with the screen left as it was, so the keyboard can always reach another screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import focusable_widgets, focused, press

SCREENS = [
    "home",
    "sessions",
    "reflect",
    "journal",
    "insights",
    "trends",
    "checkins",
    "practices",
    "report",
    "support",
    "settings",
]


@pytest.mark.parametrize("key", SCREENS)
def test_escape_on_a_screen_goes_back_to_the_sidebar(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, key: str
) -> None:
    window = open_window(demo_profile)
    window.show_destination(key)
    QApplication.processEvents()
    page = window.page(key)
    controls = focusable_widgets(page)
    assert controls, f"nothing on {key} takes focus"
    controls[-1].setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is controls[-1]
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.sidebar
    assert window.pages.currentWidget() is page
    press(qtbot, Qt.Key.Key_Escape)  # a second Esc stays there, harmlessly
    assert focused() is window.sidebar


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

"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from ui.application import create_application, window_settings
from ui.main_window import MainWindow
from ui.style import apply_style, stored_colour_scheme

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, qapp: QApplication) -> Iterator[WindowFactory]:
    """Open a main window on a profile, as the app does: show first, then load the data."""
    opened: list[MainWindow] = []

    def factory(
        profile: Profile,
        *,
        demo: bool = False,
        load: bool = True,
        settings: QSettings | None = None,
    ) -> MainWindow:
        create_application()
        profile.ensure_exists()
        settings = settings or window_settings(profile)
        apply_style(qapp, stored_colour_scheme(settings))
        window = MainWindow(profile, settings, demo=demo)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        if load:
            with qtbot.waitSignal(window.profile_opened, timeout=10_000):
                window.open_profile()
        opened.append(window)
        return window

    yield factory
    for window in opened:
        window.close_store()

"""Fixtures for driving the real main window, or one screen on its own, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile, ProfileLock
from kapcompanion.store import Store
from ui.application import create_application, window_settings
from ui.main_window import MainWindow
from ui.widgets.drawing_process import stop_drawing
from ui.widgets.screen import Screen
from ui.widgets.style import ColourScheme, apply_style, stored_colour_scheme

WindowFactory = Callable[..., MainWindow]
ViewT = TypeVar("ViewT", bound=QWidget)


@pytest.fixture(scope="session", autouse=True)
def drawing_process_ends() -> Iterator[None]:
    """One drawing process serves every test of a run (as it serves a running app); it is
    ended before the run checks that nothing it started outlives it."""
    yield
    stop_drawing()


class ShowView(Protocol):
    """Builds a screen with `make_view`, shows it, hands it `store`, and returns it."""

    def __call__(
        self,
        make_view: Callable[[], ViewT],
        store: Store,
        *,
        first_page: Callable[[ViewT], object] | None = None,
    ) -> ViewT: ...


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
        lock: ProfileLock | None = None,
        build_while_idle: bool = False,
    ) -> MainWindow:
        create_application()
        profile.ensure_exists()
        settings = settings or window_settings(profile)
        apply_style(qapp, stored_colour_scheme(settings))
        window = MainWindow(profile, settings, demo=demo, lock=lock)
        if not build_while_idle:
            # Screens are built when a test opens them, so what a test times or counts is only
            # its own doing; tests/ui/test_screens_ready_while_idle.py covers idle building.
            window.built_while_idle = ()
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


@pytest.fixture
def show_view(qtbot: QtBot, qapp: QApplication) -> ShowView:
    """Show one screen in its own active window with a store, as a person would see it.

    The screen is built by `make_view` (its class will do) only once the application is
    styled, as the app builds its screens; `first_page`, if given, is called on it after the
    store is handed over.
    """

    def show(
        make_view: Callable[[], ViewT],
        store: Store,
        *,
        first_page: Callable[[ViewT], object] | None = None,
    ) -> ViewT:
        create_application()
        apply_style(qapp, ColourScheme.LIGHT)
        view = make_view()
        qtbot.addWidget(view)
        view.resize(900, 720)
        with qtbot.waitActive(view):
            view.show()
            view.activateWindow()
        assert isinstance(view, Screen)
        view.set_store(store)
        if first_page is not None:
            first_page(view)
        qtbot.wait(1)  # let the layout settle, as it has by the time a person looks
        return view

    return show


@pytest.fixture
def demo_store(demo_profile: Profile) -> Iterator[Store]:
    """The sample course, open in a store of its own."""
    with Store.open(demo_profile.database_path) as opened:
        yield opened


PROTECTED_PASSPHRASE = "quiet harbour"


@pytest.fixture
def protected_profile(demo_profile: Profile) -> Profile:
    """The sample course, protected with PROTECTED_PASSPHRASE."""
    from kapcompanion.store import protection

    protection.protect(
        demo_profile.database_path, demo_profile.backups_folder, PROTECTED_PASSPHRASE
    )
    return demo_profile

"""A screen is "stale until shown": it reloads for the data it shows, and only when seen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.store import Store
from ui.changes import DataKind
from ui.widgets.screen import Screen


class CountingScreen(Screen):
    """A screen that shows reflections and counts how often it reads them."""

    depends_on = frozenset({DataKind.REFLECTIONS})

    def __init__(self) -> None:
        super().__init__()
        self.loads = 0

    def load_from_store(self) -> None:
        assert self._store is not None
        self._store.reflections.list()
        self.loads += 1


def shown_screen(qtbot: QtBot, store: Store) -> CountingScreen:
    screen = CountingScreen()
    qtbot.addWidget(screen)
    with qtbot.waitExposed(screen):
        screen.show()
    screen.set_store(store)
    return screen


def test_a_shown_screen_loads_as_soon_as_it_has_a_store(qtbot: QtBot, store: Store) -> None:
    screen = shown_screen(qtbot, store)
    assert screen.loads == 1
    assert not screen.is_stale()


def test_a_hidden_screen_waits_for_its_store_until_it_is_shown(qtbot: QtBot, store: Store) -> None:
    screen = CountingScreen()
    qtbot.addWidget(screen)
    screen.set_store(store)
    assert screen.loads == 0
    assert screen.is_stale()
    with qtbot.waitExposed(screen):
        screen.show()
    assert screen.loads == 1
    assert not screen.is_stale()


def test_a_change_it_shows_reloads_a_shown_screen_at_once(qtbot: QtBot, store: Store) -> None:
    screen = shown_screen(qtbot, store)
    screen.data_changed_elsewhere(DataKind.REFLECTIONS)
    assert screen.loads == 2


def test_a_change_while_hidden_reloads_once_when_shown_again(qtbot: QtBot, store: Store) -> None:
    screen = shown_screen(qtbot, store)
    screen.hide()
    screen.data_changed_elsewhere(DataKind.REFLECTIONS)
    screen.data_changed_elsewhere(DataKind.REFLECTIONS)
    assert screen.loads == 1
    assert screen.is_stale()
    screen.show()
    QApplication.processEvents()
    assert screen.loads == 2
    screen.hide()
    screen.show()
    QApplication.processEvents()
    assert screen.loads == 2  # nothing changed since


def test_a_change_it_does_not_show_is_ignored(qtbot: QtBot, store: Store) -> None:
    screen = shown_screen(qtbot, store)
    screen.hide()
    for kind in DataKind:
        if kind not in (DataKind.REFLECTIONS, DataKind.EVERYTHING):
            assert not screen.cares_about(kind)
            screen.data_changed_elsewhere(kind)
    assert not screen.is_stale()
    screen.show()
    QApplication.processEvents()
    assert screen.loads == 1


def test_everything_changing_reaches_every_screen(qtbot: QtBot, store: Store) -> None:
    screen = shown_screen(qtbot, store)
    assert screen.cares_about(DataKind.EVERYTHING)
    screen.data_changed_elsewhere(DataKind.EVERYTHING)
    assert screen.loads == 2


def test_a_screen_is_not_asked_to_reload_for_the_change_it_announces(
    qtbot: QtBot, store: Store
) -> None:
    screen = shown_screen(qtbot, store)
    heard: list[str] = []

    def pass_on(kind: str) -> None:  # as the main window passes every change on
        heard.append(kind)
        screen.data_changed_elsewhere(DataKind(kind))

    screen.data_changed.connect(pass_on)
    screen.announce(DataKind.REFLECTIONS)
    assert heard == [DataKind.REFLECTIONS]
    assert screen.loads == 1
    screen.data_changed_elsewhere(DataKind.REFLECTIONS)  # from elsewhere, afterwards
    assert screen.loads == 2


def test_refreshing_waits_for_a_store(qtbot: QtBot) -> None:
    screen = CountingScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    screen.data_changed_elsewhere(DataKind.REFLECTIONS)
    assert screen.loads == 0
    assert not screen.is_stale()

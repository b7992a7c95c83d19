"""Targeted refresh in the real window: a change reloads only the screens that show its kind.

Every screen is built, as after a while of use; each screen's loads are counted on the
instance (the store is real, and so are the changes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kapcompanion.domain import DeletedKind
from kapcompanion.journal import JournalEntry
from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import type_text
from ui.changes import DataKind
from ui.main_window import MainWindow
from ui.widgets.screen import Screen

SCREENS_THAT_SHOW_REFLECTIONS = ("home", "sessions", "reflect", "insights", "trends", "report")
SCREENS_THAT_DO_NOT = ("checkins", "support", "settings")


def every_screen(window: MainWindow) -> dict[str, Screen]:
    """Build and show every screen once (each loads then), then go back Home."""
    screens: dict[str, Screen] = {}
    for destination in window.destinations:
        window.show_destination(destination.key)
        screen = window.page(destination.key)
        assert isinstance(screen, Screen), destination.key
        assert screen.depends_on, destination.key
        screens[destination.key] = screen
    window.show_destination("home")
    return screens


def count_loads(monkeypatch: pytest.MonkeyPatch, screens: dict[str, Screen]) -> Counter[str]:
    """How many times each screen reads the store from now on."""
    loads: Counter[str] = Counter()
    for key, screen in screens.items():

        def counted(key: str = key, load: Callable[[], None] = screen.load_from_store) -> None:
            loads[key] += 1
            load()

        monkeypatch.setattr(screen, "load_from_store", counted)
    return loads


def test_a_safety_plan_autosave_reloads_no_screen_that_does_not_show_it(
    open_window: WindowFactory,
    demo_profile: Profile,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(demo_profile)
    screens = every_screen(window)
    loads = count_loads(monkeypatch, screens)
    window.show_safety_plan()
    with qtbot.waitSignal(window.data_changed, timeout=3000) as changed:
        type_text(qtbot, "Going quiet")  # saved shortly after typing pauses
    assert changed.args == [DataKind.SUPPORT]
    assert loads == Counter()  # Support shows it already; the rest are out of sight
    assert screens["settings"].is_stale()  # it names the country for crisis lines
    for key in ("home", "sessions", "reflect", "journal", "insights", "trends", "checkins"):
        assert not screens[key].is_stale(), key
    for key in ("insights", "journal", "trends"):
        window.show_destination(key)
    assert loads == Counter()  # nothing to catch up with
    window.show_destination("settings")
    assert loads == Counter(settings=1)


def without_insights(window: MainWindow) -> JournalEntry:
    """A reflection no insight came from: it moves to "recently deleted" without a question."""
    store = window.store
    assert store is not None
    return next(
        entry
        for entry in window.journal_view.model.entries()
        if not store.deleted.insights_from(DeletedKind.REFLECTION, entry.reflection_id)
    )


def test_a_reflection_change_marks_hidden_screens_stale_and_each_reloads_once_when_shown(
    open_window: WindowFactory,
    demo_profile: Profile,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(demo_profile)
    screens = every_screen(window)
    window.show_destination("journal")
    journal = window.journal_view
    first = without_insights(window)
    loads = count_loads(monkeypatch, screens)
    with_signal: list[str] = []
    window.data_changed.connect(with_signal.append)

    journal.move_to_recently_deleted(int(first.reflection_id))

    assert with_signal == [DataKind.REFLECTIONS]
    assert journal.model.entry(first.reflection_id) is None  # the journal showed it itself
    assert loads == Counter()  # ...and was not asked to reload; the rest are out of sight
    for key in SCREENS_THAT_SHOW_REFLECTIONS:
        assert screens[key].is_stale(), key
    for key in SCREENS_THAT_DO_NOT:
        assert not screens[key].is_stale(), key

    window.show_destination("trends")
    assert loads == Counter(trends=1)
    window.show_destination("home")
    window.show_destination("trends")
    assert loads == Counter(trends=1, home=1)  # once each, however often shown
    assert not screens["trends"].is_stale()


def test_a_screen_in_sight_reloads_at_once(
    open_window: WindowFactory,
    demo_profile: Profile,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window = open_window(demo_profile)
    screens = every_screen(window)
    window.show_destination("trends")
    trends = window.trends_view
    qtbot.waitUntil(lambda: trends.distress.picture is not None, timeout=30_000)  # drawn
    before = trends.distress.picture
    first = without_insights(window)
    loads = count_loads(monkeypatch, screens)

    window.journal_view.move_to_recently_deleted(int(first.reflection_id))  # out of sight

    assert loads == Counter(trends=1)
    assert not trends.is_stale()
    qtbot.waitUntil(lambda: trends.distress.picture is not before, timeout=30_000)


def test_an_import_reaches_every_screen(
    open_window: WindowFactory,
    demo_profile: Profile,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(demo_profile)
    screens = every_screen(window)
    loads = count_loads(monkeypatch, screens)
    window.data_changed.emit(DataKind.EVERYTHING)
    assert loads == Counter(home=1)
    assert all(screen.is_stale() for key, screen in screens.items() if key != "home")

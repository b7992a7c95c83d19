"""Screens are built and filled while the window is idle, so a first visit only shows them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapcompanion.domain import Phase
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.ui.conftest import PROTECTED_PASSPHRASE, WindowFactory
from tests.ui.helpers import unlock
from ui.main_window import BUILT_WHILE_IDLE, MainWindow
from ui.widgets.screen import Screen

READY_WITHIN_MS = 15_000


def ready(window: MainWindow, key: str) -> bool:
    screen = window._built.get(key)
    return isinstance(screen, Screen) and not screen.is_stale()


def journal_rows(window: MainWindow) -> int:
    return window.journal_view.model.entry_count()


def test_screens_not_yet_opened_are_built_and_filled_while_the_window_waits(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, build_while_idle=True)
    assert window.current_destination() == "home"
    qtbot.waitUntil(lambda: all(ready(window, key) for key in BUILT_WHILE_IDLE), timeout=15_000)
    assert window.current_destination() == "home"  # Home stayed on show all along
    with Store.open(demo_profile.database_path) as store:
        written = len(store.journal.entries())
    assert written > 0
    # Filled out of sight: the journal holds every entry before it was ever shown.
    assert not window.journal_view.isVisible()
    assert journal_rows(window) == written
    window.show_destination("journal")
    assert journal_rows(window) == written


def test_a_change_after_a_screen_was_filled_shows_when_it_is_first_opened(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, build_while_idle=True)
    qtbot.waitUntil(lambda: ready(window, "journal"), timeout=READY_WITHIN_MS)
    before = journal_rows(window)
    store = window.store
    assert store is not None
    reflection = store.reflections.start(Phase.SAME_DAY, "same-day", 1)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="How was it?", text="Quiet."
    )
    store.reflections.complete(reflection.id)
    window.data_changed.emit("reflections")
    window.show_destination("journal")
    assert journal_rows(window) == before + 1


def test_nothing_is_built_while_the_window_is_locked(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(protected_profile, load=False, build_while_idle=True)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.open_profile()
    qtbot.wait(1_500)  # longer than the pause before idle building would begin
    assert not any(key in window._built for key in BUILT_WHILE_IDLE)
    unlock(window, qtbot, PROTECTED_PASSPHRASE)
    qtbot.waitUntil(lambda: all(ready(window, key) for key in BUILT_WHILE_IDLE), timeout=15_000)


def test_locking_once_every_screen_is_ready_reads_nothing_from_the_closed_data(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(protected_profile, load=False, build_while_idle=True)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.open_profile()
    unlock(window, qtbot, PROTECTED_PASSPHRASE)
    qtbot.waitUntil(lambda: all(ready(window, key) for key in BUILT_WHILE_IDLE), timeout=15_000)
    window.show_destination("journal")
    window.data_changed.emit("everything")  # the hidden screens wait to read again
    # Taking the journal away shows the next screen for a moment: it must not read the data.
    window.lock_now()
    assert window.is_locked() and window.store is None
    assert not any(key in window._built for key in BUILT_WHILE_IDLE)

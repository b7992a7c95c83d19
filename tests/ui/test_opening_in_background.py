"""At start the data is checked and opened on a thread of its own; the window answers meanwhile
and then works with it as with data opened on its own thread."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.ui.conftest import PROTECTED_PASSPHRASE, WindowFactory
from tests.ui.helpers import unlock, visible_texts


def test_the_data_opened_in_the_background_shows_and_takes_new_words(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, load=False)
    with qtbot.waitSignal(window.profile_opened, timeout=10_000):
        window.open_profile_in_background()
        # The window goes on answering while the data opens.
        window.show_destination("support")
        assert window.current_destination() == "support"
    store = window.store
    assert store is not None
    # Used from the window's own thread after being opened on another.
    insight = store.insights.add("Opened while I waited.")
    assert store.insights.get(insight.id).text == "Opened while I waited."
    window.show_destination("home")
    assert any("Session" in words or "session" in words for words in visible_texts(window.home))


def test_a_protected_profile_opened_in_the_background_asks_for_its_passphrase(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(protected_profile, load=False)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.open_profile_in_background()
    assert window.is_locked() and window.store is None
    unlock(window, qtbot, PROTECTED_PASSPHRASE)
    assert window.store is not None and window.store.insights.list()


def test_an_emptied_file_opened_in_the_background_offers_a_backup(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    from kapcompanion.store.backup import backup_database

    demo_profile.backups_folder.mkdir(exist_ok=True)
    backup_database(demo_profile.database_path, demo_profile.backups_folder / "kept.sqlite3")
    demo_profile.database_path.write_bytes(b"")
    window = open_window(demo_profile, load=False)
    with qtbot.waitSignal(window.recovery_offered, timeout=10_000):
        window.open_profile_in_background()
    assert window.is_recovering() and window.store is None


def test_closing_while_the_data_opens_leaves_nothing_open(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile, load=False)
    opened: list[object] = []
    window.profile_opened.connect(lambda: opened.append(True))
    window.open_profile_in_background()
    window.close_store()  # as when the window closes at once
    qtbot.wait(300)
    assert window.store is None and not opened
    # Nothing holds the file: it opens and writes at once from here.
    with Store.open(demo_profile.database_path, busy_timeout=0.1) as store:
        store.insights.add("Still mine.")

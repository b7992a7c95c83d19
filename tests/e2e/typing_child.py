"""Run by test_kill_mid_typing: the real window, typing into a reflection until it is killed.

Usage: python -m tests.e2e.typing_child PROFILE_DIR FIRST_WORDS
Types FIRST_WORDS, pauses briefly, then keeps typing one letter every 40 ms, printing how many
characters are in the writing area after each, until the test kills it.
"""

from __future__ import annotations

import os
import sys
from itertools import cycle
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from kapcompanion.profile import Profile, ProfileLock
from ui.application import create_application, window_settings
from ui.main_window import MainWindow
from ui.widgets.style import apply_style, stored_colour_scheme

MORE = " and the room went quiet and I could breathe"


def main(folder: str, first: str) -> None:
    app = create_application()
    profile = Profile(Path(folder))
    lock = ProfileLock(profile)
    lock.acquire()
    settings = window_settings(profile)
    apply_style(app, stored_colour_scheme(settings))
    window = MainWindow(profile, settings)
    window.show()
    window.open_profile()
    window.show_destination("reflect")
    window.reflect_view.begin()
    wizard = window.reflect_view.wizard
    assert wizard is not None
    wizard.next()
    editor = wizard.prompt_pages[0].editor
    editor.setFocus()
    QTest.keyClicks(editor, first, delay=5)
    print("typed-first", flush=True)
    QTest.qWait(400)  # a short breath, shorter than the autosave delay
    for letter in cycle(MORE):  # keeps typing without a long pause, until killed
        QTest.keyClicks(editor, letter)
        print(len(editor.toPlainText()), flush=True)
        QTest.qWait(40)
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""Small pieces of work done while the window is idle, one at a time.

The window uses it to build the screens a client has not opened yet, once the data is open:
importing a screen's modules, building its widgets and styling them is most of a first visit,
and none of it needs the client to wait. Each step is short, and a pause follows each, so the
window answers clicks and keys between them. It stops when `keep_going()` turns false (the data
closed, or the window locked).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

START_AFTER_MS = 400  # Home's first paint and the client's first look come first
PAUSE_MS = 60  # after each step: room for a click or a key


def do_while_idle(
    owner: QObject, steps: Sequence[Callable[[], object]], keep_going: Callable[[], bool]
) -> None:
    """Run `steps` in order, one per pause, while `owner` lives and `keep_going()` holds."""
    waiting = list(steps)

    def next_step() -> None:
        if not waiting or not keep_going():
            return
        waiting.pop(0)()
        QTimer.singleShot(PAUSE_MS, owner, next_step)

    QTimer.singleShot(START_AFTER_MS, owner, next_step)

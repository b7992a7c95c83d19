"""The store's lists behind the Trends numbers, each read once until the data changes.

Every Trends number (kapcompanion.course.trends, .practice_distress) is worked out from a few
lists — the sessions, the reflections, the theme links, the check-ins and quick check-ins, the
practices' weekly counts — filtered by the chosen days, sessions and
themes. Read from SQLite for each choice, ten years of them took most of a period change's
time on the window's thread; read once and kept, another period is only filtered. What is
kept goes when the data changes (the screen makes a new `StoreLists`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from kapcompanion.store import Store

# What the distress chart and the theme map read, in the order they need it (the check-in
# scores are read only when scrolled to).
READ_FIRST = (
    ("sessions", "list"),
    ("reflections", "list"),
    ("themes", "links"),
    ("themes", "list"),
)


class Remembered:
    """A part of the store (`store.sessions`, …) whose reading methods answer once for each
    set of arguments, then from memory."""

    def __init__(self, part: object) -> None:
        self._part = part
        self._kept: dict[tuple[Hashable, ...], Any] = {}

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method: Callable[..., Any] = getattr(self._part, name)

        def remembered(*arguments: Hashable) -> Any:
            key = (name, *arguments)
            if key not in self._kept:
                self._kept[key] = method(*arguments)
            return self._kept[key]

        return remembered

    def has_read(self, name: str, *arguments: Hashable) -> bool:
        return (name, *arguments) in self._kept


class StoreLists:
    """The parts of a store the Trends numbers read, each list read once (never written)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sessions = Remembered(store.sessions)
        self.reflections = Remembered(store.reflections)
        self.themes = Remembered(store.themes)
        self.check_ins = Remembered(store.check_ins)
        self.practices = Remembered(store.practices)

    def read_next(self) -> bool:
        """Read the next of the lists every chart needs, if one is left (one per call: each is
        a good part of a turn of the event loop at ten years). False once all are read."""
        for part, name in READ_FIRST:
            remembered: Remembered = getattr(self, part)
            if not remembered.has_read(name):
                getattr(remembered, name)()
                return True
        return False

    def as_store(self) -> Store:
        """Handed to kapcompanion.course.trends, which reads only these parts."""
        return cast("Store", self)

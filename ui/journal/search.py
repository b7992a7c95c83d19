"""Searching the journal as the client types: a short pause, then the full-text search.

`JournalSearch` holds what is searched for and the reflections it finds (each with a snippet);
the journal view filters its timeline with them. Only reads; never writes data.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kapcompanion.errors import KapError
from kapcompanion.ids import ReflectionId
from kapcompanion.search import match_expression

if TYPE_CHECKING:
    from kapcompanion.store import Store

SEARCH_PAUSE_MS = 150


class JournalSearch(QObject):
    """What the search field asks for, and which reflections match it."""

    paused = Signal()  # typing paused: time to search

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.snippets: dict[ReflectionId, str] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.paused)

    def typed(self) -> None:
        """The client typed: search once they pause."""
        self.timer.start()

    def find(self, store: Store | None, query: str) -> None:
        """Look for `query` now (a failed search finds nothing rather than raising)."""
        # A query without a single word to look for (only quotes or stars, say) finds
        # everything, so starting to type a "phrase" does not empty the list.
        self.query = query if match_expression(query) is not None else ""
        self.snippets = {}
        if self.query and store is not None:
            try:
                self.snippets = store.journal.matching_reflections(self.query)
            except KapError:
                self.snippets = {}

    def get_ready(self, store: Store | None) -> None:
        """Read ahead what a search needs, so the first letter typed does not wait on it."""
        # A failure here is the search's to meet (it then finds nothing): nothing to say yet.
        if store is not None:
            with suppress(KapError):
                store.journal.ready_for_search()

    def clear(self) -> None:
        """Search for nothing: every reflection matches."""
        self.timer.stop()
        self.query = ""
        self.snippets = {}

    def hits(self) -> frozenset[ReflectionId] | None:
        """The reflections that match, or None when nothing is searched for."""
        return frozenset(self.snippets) if self.query else None

    def shown_snippets(self) -> dict[ReflectionId, str]:
        """A snippet for each match, to show under its row (none without a search)."""
        return self.snippets if self.query else {}

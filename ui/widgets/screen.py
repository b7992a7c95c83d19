"""The base of every screen the sidebar leads to: it holds the store and is "stale until shown".

A screen declares the kinds of data it shows (`depends_on`). When data changes elsewhere the
main window calls `data_changed_elsewhere(kind)`: a screen that cares reloads at once if it
shows, and otherwise only notes that it is out of date and reloads when it is next shown, so a
change never waits on screens no one is looking at. A screen that has already brought itself up
to date tells the others with `announce(kind)`, and is not asked to reload for its own change.

A screen's `load_from_store` reads and shows; it must never write data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ui.changes import DataKind

if TYPE_CHECKING:
    from kapcompanion.store import Store


class Screen(QWidget):
    """A screen that shows data from the store and refreshes when the data it shows changes.

    Give it a store with `set_store`; `refresh` brings it up to date (now if it shows, else when
    it is next shown). Subclasses set `depends_on` and implement `load_from_store`.
    """

    depends_on: ClassVar[frozenset[DataKind]] = frozenset()
    data_changed = Signal(str)  # a DataKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._stale = False  # data this screen shows changed while it was out of sight
        self._announcing = False  # our own change is going out: we already show it

    def set_store(self, store: Store) -> None:
        """Hand over the open store and show what it holds (when the screen is shown)."""
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Reload from the store now if the screen shows, else when it is next shown."""
        if self._store is None:
            return
        if self.isVisible():
            self._stale = False
            self.load_from_store()
        else:
            self._stale = True

    def cares_about(self, kind: DataKind) -> bool:
        """True if a change to `kind` may change what this screen shows."""
        return kind is DataKind.EVERYTHING or kind in self.depends_on

    def data_changed_elsewhere(self, kind: DataKind) -> None:
        """Data changed somewhere in the app: refresh if this screen shows that kind of data.

        A change this screen is announcing itself is already on show here, so it is skipped.
        """
        if self._announcing or not self.cares_about(kind):
            return
        self.refresh()

    def is_stale(self) -> bool:
        """True while the screen waits to be shown to catch up with a change."""
        return self._stale

    def refresh_if_stale(self) -> None:
        """Catch up now with changes made while out of sight (before acting on what shows)."""
        if self._stale and self._store is not None:
            self._stale = False
            self.load_from_store()

    def announce(self, kind: DataKind) -> None:
        """Tell the rest of the app about a change this screen already shows."""
        self._announcing = True
        try:
            self.data_changed.emit(kind)
        finally:
            self._announcing = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_stale()

    def load_from_store(self) -> None:
        """Read what the screen shows from the store and show it. Never writes."""
        raise NotImplementedError

"""The one shape of every undoable change to the client's data: `StoreOperation`.

An operation holds the store. Doing, undoing and redoing it each run one step (`apply` or
`revert`) inside `store.transaction()`, so a step lands whole or not at all. Afterwards it
tells its view through `Reports`: `changed(detail)` when the store took the step, or
`failed(error, detail)` when the store refused it. A refused step marks the operation obsolete,
so QUndoStack drops it instead of keeping a step that did nothing. `data_kind` names what
changed, as the views' `data_changed(kind)` signal does, so the view can tell the others.

Operations never touch widgets and never import a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from PySide6.QtGui import QUndoCommand

from kapcompanion.errors import KapError, NotFoundError
from ui.changes import DataKind

if TYPE_CHECKING:
    from kapcompanion.store import Store

Detail = TypeVar("Detail")


@dataclass(frozen=True)
class Reports(Generic[Detail]):
    """Whom an operation tells what happened; `Detail` is what its view needs to know."""

    changed: Callable[[Detail], None]
    failed: Callable[[Exception, Detail], None]


class StoreOperation(QUndoCommand, Generic[Detail]):
    """A change to the store that can be undone and redone.

    Subclasses give `apply` and `revert`, and `detail` (what to report for either); the base
    runs them and reports.
    """

    data_kind: ClassVar[DataKind]  # what changed, as the window's data_changed names it
    # A record erased for good since: drop the step without a word (nothing is left to change).
    quiet_when_gone: ClassVar[bool] = False

    def __init__(self, store: Store, label: str, reports: Reports[Detail]) -> None:
        super().__init__(label)
        self.store = store
        self._reports = reports

    def apply(self, store: Store) -> None:
        raise NotImplementedError

    def revert(self, store: Store) -> None:
        raise NotImplementedError

    def detail(self, *, undoing: bool) -> Detail:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply, self.detail(undoing=False))

    def undo(self) -> None:
        self._run(self.revert, self.detail(undoing=True))

    def _run(self, step: Callable[[Store], None], detail: Detail) -> None:
        try:
            with self.store.transaction():
                step(self.store)
        except NotFoundError as error:
            self.setObsolete(True)
            if not self.quiet_when_gone:
                self._reports.failed(error, detail)
            return
        except KapError as error:
            self.setObsolete(True)
            self._reports.failed(error, detail)
            return
        self._reports.changed(detail)

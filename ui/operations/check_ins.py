"""Moving a quick check-in to "recently deleted" from the journal, as an undoable operation.

A `StoreOperation` (see `ui.operations.base`) like the journal's own commands: undo brings the
check-in straight back. It reports a `CheckInChange`; the journal view shows it and tells the
rest of the app (`DataKind.CHECK_INS`: the distress chart loses or regains the point).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.domain import DeletedKind
from kapcompanion.ids import DistressRatingId
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation

if TYPE_CHECKING:
    from kapcompanion.store import Store


@dataclass(frozen=True)
class CheckInChange:
    """What the command just did to one quick check-in: moved away, or brought back."""

    rating_id: DistressRatingId
    restored: bool


class MoveCheckInToRecentlyDeleted(StoreOperation[CheckInChange]):
    data_kind = DataKind.CHECK_INS
    quiet_when_gone = True

    def __init__(
        self, store: Store, rating_id: DistressRatingId, reports: Reports[CheckInChange]
    ) -> None:
        label = QCoreApplication.translate(
            "JournalCommands", "the move of a quick check-in to recently deleted"
        )
        super().__init__(store, label, reports)
        self._rating_id = rating_id

    def apply(self, store: Store) -> None:
        store.deleted.move(DeletedKind.DISTRESS_RATING, self._rating_id)

    def revert(self, store: Store) -> None:
        store.deleted.restore(DeletedKind.DISTRESS_RATING, self._rating_id)

    def detail(self, *, undoing: bool) -> CheckInChange:
        return CheckInChange(self._rating_id, restored=undoing)

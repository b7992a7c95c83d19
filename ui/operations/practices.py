"""The practice log's changes as undoable operations: edit an entry, move it to "recently
deleted", rename or remove a practice of the client's own.

Every one is a `StoreOperation` (see `ui.operations.base`) that reports a `PracticeChange`, so
the view refreshes from that report and tells the other screens `DataKind.PRACTICES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.domain import DeletedKind, NewPracticeEntry
from kapcompanion.ids import OwnPracticeId, PracticeEntryId
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation

if TYPE_CHECKING:
    from kapcompanion.store import Store


def _tr(source: str) -> str:
    return QCoreApplication.translate("PracticeCommands", source)


@dataclass(frozen=True)
class PracticeChange:
    """Which entry a command just changed (None for a change to an own practice)."""

    entry_id: PracticeEntryId | None = None


PracticeReports = Reports[PracticeChange]


class PracticeCommand(StoreOperation[PracticeChange]):
    data_kind = DataKind.PRACTICES
    quiet_when_gone = True


class EditPracticeEntry(PracticeCommand):
    """Replace what was logged; undo puts the earlier practice, time, minutes and note back."""

    def __init__(
        self,
        store: Store,
        entry_id: PracticeEntryId,
        entries: tuple[NewPracticeEntry, NewPracticeEntry],  # before, after
        reports: PracticeReports,
    ) -> None:
        super().__init__(store, _tr("the change to a practice"), reports)
        self._entry_id = entry_id
        self._before, self._after = entries

    def apply(self, store: Store) -> None:
        store.practices.edit(self._entry_id, self._after)

    def revert(self, store: Store) -> None:
        store.practices.edit(self._entry_id, self._before)

    def detail(self, *, undoing: bool) -> PracticeChange:
        return PracticeChange(self._entry_id)


class MovePracticeEntry(PracticeCommand):
    """Move an entry to "recently deleted"; undo brings it straight back."""

    def __init__(self, store: Store, entry_id: PracticeEntryId, reports: PracticeReports) -> None:
        super().__init__(store, _tr("the move to recently deleted"), reports)
        self._entry_id = entry_id

    def apply(self, store: Store) -> None:
        store.deleted.move(DeletedKind.PRACTICE, self._entry_id)

    def revert(self, store: Store) -> None:
        store.deleted.restore(DeletedKind.PRACTICE, self._entry_id)

    def detail(self, *, undoing: bool) -> PracticeChange:
        return PracticeChange(self._entry_id)


class RenameOwnPractice(PracticeCommand):
    """A new name for a practice of the client's own (its entries follow); undo, the old one."""

    def __init__(
        self,
        store: Store,
        practice_id: OwnPracticeId,
        names: tuple[str, str],  # before, after
        reports: PracticeReports,
    ) -> None:
        super().__init__(store, _tr("the new name of a practice"), reports)
        self._practice_id = practice_id
        self._before, self._after = names

    def apply(self, store: Store) -> None:
        store.practices.rename_own(self._practice_id, self._after)

    def revert(self, store: Store) -> None:
        store.practices.rename_own(self._practice_id, self._before)

    def detail(self, *, undoing: bool) -> PracticeChange:
        return PracticeChange()


class RemoveOwnPractice(PracticeCommand):
    """Take a practice of the client's own off the choices (its entries keep it); undo offers
    it again, as naming it again would."""

    def __init__(
        self, store: Store, practice_id: OwnPracticeId, name: str, reports: PracticeReports
    ) -> None:
        super().__init__(store, _tr("the removal of a practice of your own"), reports)
        self._practice_id = practice_id
        self._name = name

    def apply(self, store: Store) -> None:
        store.practices.remove_own(self._practice_id)

    def revert(self, store: Store) -> None:
        store.practices.add_own(self._name)

    def detail(self, *, undoing: bool) -> PracticeChange:
        return PracticeChange()

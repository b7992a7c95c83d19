"""The medication list's changes as undoable operations: add, change (stopping is a change to
the stop day), move to "recently deleted".

Every one is a `StoreOperation` (see `ui.operations.base`) that reports the medication's id,
so the view refreshes and tells the other screens `DataKind.MEDICATIONS`. Undoing an addition
moves the medication to "recently deleted" rather than erasing it: nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.domain import DeletedKind, NewMedication
from kapcompanion.ids import MedicationId
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation

if TYPE_CHECKING:
    from kapcompanion.store import Store


def _tr(source: str) -> str:
    return QCoreApplication.translate("MedicationCommands", source)


MedicationReports = Reports[MedicationId | None]


class MedicationCommand(StoreOperation[MedicationId | None]):
    data_kind = DataKind.MEDICATIONS
    quiet_when_gone = True


class AddMedication(MedicationCommand):
    def __init__(self, store: Store, new: NewMedication, reports: MedicationReports) -> None:
        super().__init__(store, _tr("the medication added"), reports)
        self._new = new
        self._id: MedicationId | None = None

    def apply(self, store: Store) -> None:
        if self._id is None:
            self._id = store.medications.add(self._new).id
        else:
            store.deleted.restore(DeletedKind.MEDICATION, self._id)

    def revert(self, store: Store) -> None:
        if self._id is not None:
            store.deleted.move(DeletedKind.MEDICATION, self._id)

    def detail(self, *, undoing: bool) -> MedicationId | None:
        return self._id


class ChangeMedication(MedicationCommand):
    """Replace what the client wrote (or set the day it stopped); undo puts it back."""

    def __init__(
        self,
        store: Store,
        medication_id: MedicationId,
        versions: tuple[NewMedication, NewMedication],  # before, after
        reports: MedicationReports,
        *,
        stopping: bool = False,
    ) -> None:
        label = _tr("the stop of a medication") if stopping else _tr("the change to a medication")
        super().__init__(store, label, reports)
        self._id = medication_id
        self._before, self._after = versions

    def apply(self, store: Store) -> None:
        store.medications.update(self._id, self._after)

    def revert(self, store: Store) -> None:
        store.medications.update(self._id, self._before)

    def detail(self, *, undoing: bool) -> MedicationId | None:
        return self._id


class MoveMedication(MedicationCommand):
    """Move a medication to "recently deleted"; undo brings it straight back."""

    def __init__(
        self, store: Store, medication_id: MedicationId, reports: MedicationReports
    ) -> None:
        super().__init__(store, _tr("the move to recently deleted"), reports)
        self._id = medication_id

    def apply(self, store: Store) -> None:
        store.deleted.move(DeletedKind.MEDICATION, self._id)

    def revert(self, store: Store) -> None:
        store.deleted.restore(DeletedKind.MEDICATION, self._id)

    def detail(self, *, undoing: bool) -> MedicationId | None:
        return self._id

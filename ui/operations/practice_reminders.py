"""Changing practice reminders as one undoable step on the Practices screen's undo stack.

A `StoreOperation` (see `ui.operations.base`): it writes every changed reminder at once, and
undo writes back what each was. Home lists due reminders, so the change is a SETTINGS change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.course.practice_reminders import set_reminders
from kapcompanion.domain import PracticeRef
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation

if TYPE_CHECKING:
    from kapcompanion.store import Store

Choices = Mapping[PracticeRef, int | None]


class ChangeReminders(StoreOperation[None]):
    data_kind = DataKind.SETTINGS
    quiet_when_gone = True  # a practice of their own erased since: nothing left to change

    def __init__(
        self, store: Store, reminders: tuple[Choices, Choices], reports: Reports[None]
    ) -> None:
        label = QCoreApplication.translate("PracticeCommands", "the change to your reminders")
        super().__init__(store, label, reports)
        self._before, self._after = dict(reminders[0]), dict(reminders[1])

    def apply(self, store: Store) -> None:
        set_reminders(store, self._after)

    def revert(self, store: Store) -> None:
        set_reminders(store, self._before)

    def detail(self, *, undoing: bool) -> None:
        return None

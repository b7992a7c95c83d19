"""Adding, changing and removing the client's own crisis lines, as steps Undo can take back.

Each step keeps the whole list before and after (a handful of short lines), so undoing puts back
exactly what was there, order included. Operations never touch widgets (see ui.operations.base).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.course.own_crisis_lines import OwnLine, save_own_lines
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation

if TYPE_CHECKING:
    from kapcompanion.store import Store

OwnLines = tuple[OwnLine, ...]


def _tr(source: str) -> str:
    return QCoreApplication.translate("OwnLineCommands", source)


class ChangeOwnLines(StoreOperation[None]):
    """Replace the client's own lines with `after`; undo writes `before` back."""

    data_kind = DataKind.SUPPORT

    def __init__(
        self, store: Store, label: str, versions: tuple[OwnLines, OwnLines], reports: Reports[None]
    ) -> None:
        super().__init__(store, label, reports)
        self._before, self._after = versions

    def apply(self, store: Store) -> None:
        save_own_lines(store, self._after)

    def revert(self, store: Store) -> None:
        save_own_lines(store, self._before)

    def detail(self, *, undoing: bool) -> None:
        return None


def added(store: Store, lines: OwnLines, line: OwnLine, reports: Reports[None]) -> ChangeOwnLines:
    return ChangeOwnLines(store, _tr("the line added"), (lines, (*lines, line)), reports)


def changed(
    store: Store, lines: OwnLines, index: int, line: OwnLine, reports: Reports[None]
) -> ChangeOwnLines:
    after = (*lines[:index], line, *lines[index + 1 :])
    return ChangeOwnLines(store, _tr("the change to a line"), (lines, after), reports)


def removed(store: Store, lines: OwnLines, index: int, reports: Reports[None]) -> ChangeOwnLines:
    after = (*lines[:index], *lines[index + 1 :])
    return ChangeOwnLines(store, _tr("the line removed"), (lines, after), reports)

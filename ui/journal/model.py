"""The Qt item models behind the journal's timeline: sessions as group rows, reflections beneath,
and quick check-ins in their places in time.

`JournalModel` holds the light rows the core reads (`JournalEntry` for a reflection,
`QuickCheckInEntry` for a quick check-in) and groups them by session, in the core's order
(newest first); check-ins belong to no session. `JournalFilterProxy` decides which rows show,
with the core's `JournalFilter` (search hits included), and carries each hit's snippet. Nothing
here reads or writes the store: the view hands the rows in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kapcompanion.domain import SessionKind
from kapcompanion.ids import DistressRatingId, ReflectionId, SessionId
from kapcompanion.journal import JournalEntry, JournalFilter, QuickCheckInEntry, TimelineRow
from kapcompanion.wording.translation import fill, one_line
from ui.widgets.wording import day_text, kind_label, phase_title, when_text

AnyIndex = QModelIndex | QPersistentModelIndex
NO_FILTER = JournalFilter()


class JournalRole:
    """Item data roles beyond Qt's own; DisplayRole is a reflection's phase ("Quick check-in"
    for a check-in)."""

    ENTRY = Qt.ItemDataRole.UserRole + 1  # the JournalEntry or QuickCheckInEntry
    REFLECTION_ID = Qt.ItemDataRole.UserRole + 2  # None for a quick check-in
    GROUP = Qt.ItemDataRole.UserRole + 3  # which run of one session's reflections (a number)
    WHEN = Qt.ItemDataRole.UserRole + 4
    THEMES = Qt.ItemDataRole.UserRole + 5  # [(name, colour), …]
    DISTRESS = Qt.ItemDataRole.UserRole + 6
    FIRST_LINES = Qt.ItemDataRole.UserRole + 7
    SNIPPET = Qt.ItemDataRole.UserRole + 8  # with the core's highlight markers; "" if none
    SESSION_ID = Qt.ItemDataRole.UserRole + 9
    GROUP_TITLE = Qt.ItemDataRole.UserRole + 10  # "Session 3"
    GROUP_WHEN = Qt.ItemDataRole.UserRole + 11  # the session's day
    CHECK_IN_ID = Qt.ItemDataRole.UserRole + 12  # a quick check-in's rating id; None otherwise


def _tr(source: str) -> str:
    return QCoreApplication.translate("JournalModel", source)


@dataclass(frozen=True)
class ThemeLook:
    name: str
    colour: str


@dataclass(frozen=True)
class JournalGroup:
    """One session (or a run of reflections tied to none): its heading on the timeline."""

    session_id: SessionId | None
    title: str
    when: str


def group_title(entry: JournalEntry, locale: QLocale | None = None) -> str:
    """ "Session 3" for a numbered dosing session, else the kind of session, else none."""
    if entry.session_id is None or entry.session_kind is None:
        return _tr("Between sessions")
    if entry.session_kind is SessionKind.DOSING and entry.session_number:
        return fill(_tr("Session %1"), (locale or QLocale()).toString(entry.session_number))
    return kind_label(entry.session_kind)


def reflection_distress_text(entry: JournalEntry, locale: QLocale | None = None) -> str:
    """Distress at the start and end of a reflection, in a few words."""
    locale = locale or QLocale()
    start, end = entry.distress_start, entry.distress_end
    if start is None and end is None:
        return _tr("Distress not rated")
    if end is None:
        assert start is not None
        return fill(_tr("Distress %1 at the start"), locale.toString(start))
    if start is None:
        return fill(_tr("Distress %1 at the end"), locale.toString(end))
    return fill(_tr("Distress %1 → %2"), locale.toString(start), locale.toString(end))


def check_in_distress_text(check_in: QuickCheckInEntry, locale: QLocale | None = None) -> str:
    return fill(_tr("Distress %1 of 10"), (locale or QLocale()).toString(check_in.distress))


def _session_of(row: TimelineRow) -> SessionId | None:
    return row.session_id if isinstance(row, JournalEntry) else None


class JournalModel(QAbstractListModel):
    """The timeline as a flat list of reflections and quick check-ins, each knowing which
    session group it is in (check-ins, like reflections tied to none, are "between sessions").

    A flat list keeps every index lookup inside Qt, so filtering 100,000 rows stays quick; the
    delegate draws a session's heading above the first of its reflections that shows.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineRow] = []
        self._group_of: list[int] = []
        self._group_starts: list[int] = []
        self._groups: dict[int, JournalGroup] = {}
        self._row_of: dict[ReflectionId, int] = {}
        self._check_in_row_of: dict[DistressRatingId, int] = {}
        self._check_ins: list[QuickCheckInEntry] = []
        self._themes: dict[str, ThemeLook] = {}
        self._locale = QLocale()

    # Filling ---------------------------------------------------------------------------------

    def set_entries(
        self, entries: Iterable[TimelineRow], themes: Mapping[str, ThemeLook] | None = None
    ) -> None:
        """Replace every row (and, if given, the names and colours of the themes); `entries`
        come in timeline order (see `kapcompanion.journal.timeline_rows`)."""
        self.beginResetModel()
        if themes is not None:
            self._themes = dict(themes)
        self._locale = QLocale()
        self._entries = list(entries)
        self._group_rows()
        self.endResetModel()

    def _group_rows(self) -> None:
        """Consecutive reflections of one session form a group (the core sorts by session).

        Only the row where each group starts is noted here; a group's heading is worded when
        it is first shown, so a reset costs one pass over the rows.
        """
        self._group_of = []
        self._group_starts = []
        self._groups = {}
        previous: SessionId | bool | None = False  # False: before the first row
        group = -1
        self._row_of = {}
        self._check_in_row_of = {}
        self._check_ins = []
        for row, entry in enumerate(self._entries):
            if isinstance(entry, JournalEntry):
                session_id = entry.session_id
                self._row_of[entry.reflection_id] = row
            else:
                session_id = None
                self._check_in_row_of[entry.rating_id] = row
                self._check_ins.append(entry)
            if session_id != previous:
                previous = session_id
                group += 1
                self._group_starts.append(row)
            self._group_of.append(group)

    def group(self, number: int) -> JournalGroup:
        """The heading of group `number`: its session's name and day."""
        found = self._groups.get(number)
        if found is None:
            entry = self._entries[self._group_starts[number]]
            if isinstance(entry, QuickCheckInEntry):
                found = JournalGroup(None, _tr("Between sessions"), "")
                self._groups[number] = found
                return found
            held: datetime | None = entry.session_held_at
            when = day_text(held, self._locale) if held is not None else ""
            found = JournalGroup(entry.session_id, group_title(entry, self._locale), when)
            self._groups[number] = found
        return found

    def replace_entry(self, entry: JournalEntry) -> None:
        """Show a changed entry in place (its session and order stay as they were)."""
        row = self._row_of.get(entry.reflection_id)
        if row is None:
            return
        self._entries[row] = entry
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def remove_entry(self, reflection_id: ReflectionId) -> None:
        """Take one reflection out of the timeline."""
        self._remove_row(self._row_of.get(reflection_id))

    def remove_check_in(self, rating_id: DistressRatingId) -> None:
        """Take one quick check-in out of the timeline."""
        self._remove_row(self._check_in_row_of.get(rating_id))

    def _remove_row(self, row: int | None) -> None:
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self._group_rows()
        self.endRemoveRows()

    # Looking things up ----------------------------------------------------------------------

    def entry_count(self) -> int:
        """How many reflections the timeline holds (quick check-ins aside)."""
        return len(self._row_of)

    def check_in_count(self) -> int:
        return len(self._check_in_row_of)

    def entries(self) -> list[JournalEntry]:
        """The reflections, in timeline order (quick check-ins aside)."""
        return [entry for entry in self._entries if isinstance(entry, JournalEntry)]

    def check_ins(self) -> list[QuickCheckInEntry]:
        """The quick check-ins, newest first."""
        return list(self._check_ins)

    def entry(self, reflection_id: ReflectionId) -> JournalEntry | None:
        row = self._row_of.get(reflection_id)
        found = None if row is None else self._entries[row]
        return found if isinstance(found, JournalEntry) else None

    def check_in(self, rating_id: DistressRatingId) -> QuickCheckInEntry | None:
        row = self._check_in_row_of.get(rating_id)
        found = None if row is None else self._entries[row]
        return found if isinstance(found, QuickCheckInEntry) else None

    def entry_in_row(self, row: int) -> TimelineRow:
        return self._entries[row]

    def index_of(self, reflection_id: ReflectionId) -> QModelIndex:
        """The row of `reflection_id`, or an invalid index when it is not in the journal."""
        row = self._row_of.get(reflection_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def index_of_check_in(self, rating_id: DistressRatingId) -> QModelIndex:
        """The row of a quick check-in, or an invalid index when it is not in the journal."""
        row = self._check_in_row_of.get(rating_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def theme_looks(self, keys: Iterable[str]) -> list[ThemeLook]:
        """Names and colours for theme keys; a theme no longer listed shows by its key."""
        return [self._themes.get(key, ThemeLook(key, "")) for key in keys]

    # Qt's model interface -------------------------------------------------------------------

    # `flags` and `hasChildren` stay Qt's own (enabled, selectable, never has children): views
    # ask them for every row as they lay out, and a Python answer would cost 100,000 calls.

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        row = index.row()
        entry = self._entries[row]
        locale = self._locale
        if isinstance(entry, QuickCheckInEntry):
            return self._check_in_data(row, entry, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return phase_title(entry.phase)
        if role == JournalRole.GROUP:
            return self._group_of[row]
        if role == JournalRole.GROUP_TITLE:
            return self.group(self._group_of[row]).title
        if role == JournalRole.GROUP_WHEN:
            return self.group(self._group_of[row]).when
        if role == JournalRole.ENTRY:
            return entry
        if role == JournalRole.REFLECTION_ID:
            return int(entry.reflection_id)
        if role == JournalRole.SESSION_ID:
            return None if entry.session_id is None else int(entry.session_id)
        if role == JournalRole.WHEN:
            return day_text(entry.started_at, locale)
        if role == JournalRole.THEMES:
            return [(look.name, look.colour) for look in self.theme_looks(entry.theme_keys)]
        if role == JournalRole.DISTRESS:
            return reflection_distress_text(entry, locale)
        if role == JournalRole.FIRST_LINES:
            return one_line(entry.first_lines)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._spoken(row, entry, locale)
        return None

    def _check_in_data(self, row: int, check_in: QuickCheckInEntry, role: int) -> Any:
        locale = self._locale
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("Quick check-in")
        if role == JournalRole.CHECK_IN_ID:
            return int(check_in.rating_id)
        if role == JournalRole.GROUP:
            return self._group_of[row]
        if role == JournalRole.GROUP_TITLE:
            return self.group(self._group_of[row]).title
        if role == JournalRole.GROUP_WHEN:
            return ""
        if role == JournalRole.ENTRY:
            return check_in
        if role == JournalRole.WHEN:
            return when_text(check_in.rated_at, locale)
        if role == JournalRole.DISTRESS:
            return check_in_distress_text(check_in, locale)
        if role == JournalRole.FIRST_LINES:
            return one_line(check_in.note)
        if role == JournalRole.THEMES:
            return []
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            note = one_line(check_in.note)
            return fill(
                _tr("Quick check-in, %1. %2. %3"),
                when_text(check_in.rated_at, locale),
                check_in_distress_text(check_in, locale),
                fill(_tr("Note: %1"), note) if note else _tr("No note."),
            )
        return None

    def _spoken(self, row: int, entry: JournalEntry, locale: QLocale) -> str:
        group = self.group(self._group_of[row])
        session = fill(_tr("%1, %2"), group.title, group.when) if group.when else group.title
        names = [look.name for look in self.theme_looks(entry.theme_keys)]
        themes = fill(_tr("Themes: %1."), ", ".join(names)) if names else _tr("No themes.")
        words = one_line(entry.first_lines) or _tr("No words written.")
        return fill(
            _tr("%1, %2. %3. %4 %5. %6"),
            phase_title(entry.phase),
            day_text(entry.started_at, locale),
            session,
            themes,
            reflection_distress_text(entry, locale),
            words,
        )


class JournalFilterProxy(QSortFilterProxyModel):
    """Shows the reflections a `JournalFilter` accepts; search snippets ride along with them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The filter changes only through `apply`, which re-filters once; edits never move rows.
        self.setDynamicSortFilter(False)
        self._filter = NO_FILTER
        self._everything = True
        self._snippets: dict[ReflectionId, str] = {}
        self._journal: JournalModel | None = None

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        self._journal = source if isinstance(source, JournalModel) else None
        super().setSourceModel(source)

    def journal_filter(self) -> JournalFilter:
        return self._filter

    def apply(self, journal_filter: JournalFilter, snippets: Mapping[ReflectionId, str]) -> None:
        """Show what `journal_filter` accepts; `snippets` stand in for a hit's first lines."""
        self._filter = journal_filter
        self._everything = journal_filter == NO_FILTER
        self._snippets = dict(snippets)
        # One layout change, not a removal or insertion per run of rows: a view re-lays out
        # once, however scattered the rows that come and go (scattered runs cost O(n²)).
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._everything or self._journal is None:
            return True
        return self._filter.accepts(self._journal.entry_in_row(source_row))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == JournalRole.SNIPPET:
            reflection_id = super().data(index, JournalRole.REFLECTION_ID)
            if reflection_id is None:
                return ""  # a quick check-in shows its whole (short) note instead
            return self._snippets.get(ReflectionId(int(reflection_id)), "")
        return super().data(index, role)

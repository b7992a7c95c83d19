"""The numbers behind each Trends chart as a read-only table ("Show as table").

A table gives the keyboard and a screen reader every value a chart draws. Each builder turns a
core result (kapcompanion.course.trends) into `TableData` — headers and rows of words, dates and
numbers written by QLocale — and `TrendsTableModel` shows it in a QTableView. Never plots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kapcompanion.wording.translation import fill, one_line
from ui.widgets.wording import day_of

if TYPE_CHECKING:
    from kapcompanion.course.practice_distress import PracticeDistress, PracticeWeek
    from kapcompanion.course.trends import (
        DistressSeries,
        QuestionnaireSeries,
        QuickDistress,
        ThemeMap,
    )

CONTEXT = "TrendsTables"
NOT_RATED = "—"
NOTE_SHOWN = 40  # characters of a quick check-in's word or note shown beside it


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class Cell:
    """What a cell shows, and what a screen reader says for it (when the two differ)."""

    shown: str
    spoken: str = ""


@dataclass(frozen=True)
class TableData:
    """Column headers and rows; the first `label_columns` hold words (names, dates), the
    rest numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    label_columns: int = 1

    def column(self, header: str) -> list[str]:
        """The shown words of one column, top to bottom (what a test compares)."""
        index = self.headers.index(header)
        return [row[index].shown for row in self.rows]


class DayWords:
    """Days as the locale writes them ("1 November 2026"), each local day worked out once:
    a ten-year course has thousands of dated points on a few hundred days."""

    def __init__(self, locale: QLocale) -> None:
        self._locale = locale
        self._known: dict[date, str] = {}

    def __call__(self, moment: datetime) -> str:
        day = moment.astimezone().date()
        words = self._known.get(day)
        if words is None:
            words = self._known[day] = day_of(day, self._locale)
        return words


def _number(value: int | None, locale: QLocale) -> Cell:
    if value is None:
        return Cell(NOT_RATED, _tr("not rated"))
    return Cell(locale.toString(value))


def session_label(number: int | None, locale: QLocale) -> str:
    """ "Session 3", or "Session" when the session has no number in the course."""
    if number is None:
        return _tr("Session")
    return fill(_tr("Session %1"), locale.toString(number))


def distress_table(series: DistressSeries, locale: QLocale | None = None) -> TableData:
    """Each dosing session (distress before and after it) and each rated reflection (at its
    start and end), in the order they happened."""
    locale = locale or QLocale()
    days = DayWords(locale)
    numbers = {s.session_id: s.number for s in series.sessions}
    timed: list[tuple[datetime, tuple[Cell, ...]]] = [
        (
            s.held_at,
            (
                Cell(session_label(s.number, locale)),
                Cell(days(s.held_at)),
                _number(s.before, locale),
                _number(s.after, locale),
            ),
        )
        for s in series.sessions
    ]
    timed += [
        (
            r.written_at,
            (
                Cell(reflection_label(numbers.get(r.session_id) if r.session_id else None, locale)),
                Cell(days(r.written_at)),
                _number(r.start, locale),
                _number(r.end, locale),
            ),
        )
        for r in series.reflections
        if r.start is not None or r.end is not None
    ]
    headers: tuple[str, ...] = (_tr("Entry"), _tr("Date"), _tr("Before"), _tr("After"))
    if series.quick:
        # A column of their own: a quick check-in is neither before nor after a session.
        headers += (_tr("Check-in"),)
        timed = [(moment, (*row, _number(None, locale))) for moment, row in timed]
        timed += [
            (
                quick.rated_at,
                (
                    Cell(quick_check_in_label(quick)),
                    Cell(days(quick.rated_at)),
                    _number(None, locale),
                    _number(None, locale),
                    _number(quick.value, locale),
                ),
            )
            for quick in series.quick
        ]
    timed.sort(key=lambda pair: pair[0])
    return TableData(headers, tuple(row for _moment, row in timed), label_columns=2)


def quick_check_in_label(quick: QuickDistress) -> str:
    """ "Quick check-in", with the client's word or note when they left one."""
    if not quick.note.strip():
        return _tr("Quick check-in")
    return fill(_tr("Quick check-in: %1"), one_line(quick.note, NOTE_SHOWN))


def reflection_label(session_number: int | None, locale: QLocale) -> str:
    """ "Reflection on session 3", or "Reflection" when it belongs to no numbered session."""
    if session_number is None:
        return _tr("Reflection")
    return fill(_tr("Reflection on session %1"), locale.toString(session_number))


def theme_table(themes: ThemeMap, locale: QLocale | None = None) -> TableData:
    """One row per theme (most used first), one column per session: how often it came up."""
    locale = locale or QLocale()
    headers = (_tr("Theme"), *(session_label(s.number, locale) for s in themes.sessions))
    rows = tuple(
        (Cell(theme.name), *(Cell(locale.toString(count)) for count in counts))
        for theme, counts in zip(themes.themes, themes.counts, strict=True)
    )
    return TableData(headers, rows)


def band_words(band: str) -> str:
    """A band as it reads in a table ("Moderate"), or a dash when the measure has none."""
    return band[:1].upper() + band[1:] if band else NOT_RATED


def score_table(series: QuestionnaireSeries, locale: QLocale | None = None) -> TableData:
    """Each completed check-in of one questionnaire: its date, total and band."""
    locale = locale or QLocale()
    days = DayWords(locale)
    rows = tuple(
        (
            Cell(days(point.taken_at)),
            Cell(locale.toString(series.shown_total(point))),
            Cell(band_words(point.band), point.band or _tr("no band")),
        )
        for point in series.points
    )
    return TableData((_tr("Date"), _tr("Score"), _tr("Band")), rows)


def week_label(week: PracticeWeek, locale: QLocale) -> str:
    """ "Week of 2 November 2026" (its Monday)."""
    return fill(_tr("Week of %1"), day_of(week.monday, locale))


def average_distress(week: PracticeWeek, locale: QLocale) -> Cell:
    if week.distress is None:
        return Cell(NOT_RATED, _tr("not rated"))
    return Cell(locale.toString(week.distress, "f", 1))


def practice_table(data: PracticeDistress, locale: QLocale | None = None) -> TableData:
    """Each week: the practices logged, the average distress and how many ratings it is from."""
    locale = locale or QLocale()
    rows = tuple(
        (
            Cell(week_label(week, locale)),
            Cell(locale.toString(week.practices)),
            average_distress(week, locale),
            Cell(locale.toString(len(week.ratings))),
        )
        for week in data.weeks
    )
    headers = (_tr("Week"), _tr("Practices"), _tr("Average distress"), _tr("Ratings"))
    return TableData(headers, rows)


class TrendsTableModel(QAbstractTableModel):
    """A read-only table of `TableData`; swap the numbers with `set_data`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data = TableData((), ())

    def set_data(self, data: TableData) -> None:
        self.beginResetModel()
        self._data = data
        self.endResetModel()

    def table(self) -> TableData:
        return self._data

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._data.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._data.headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        cell = self._data.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.shown
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell.spoken or cell.shown
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self._data.label_columns:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._data.headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def table_rows(data: TableData) -> Sequence[Sequence[str]]:
    """Every shown cell, row by row."""
    return [[cell.shown for cell in row] for row in data.rows]

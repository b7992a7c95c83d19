"""Where the report's pages begin: one layout of the whole document, then page breaks chosen
between lines, never through one.

Qt can paginate a QTextDocument itself, but it cannot keep a heading with what follows it;
moving headings with forced page breaks made it lay the rest of the document out again for
each one (four times slower than printing on a year of writing). Here the document is laid
out once, unpaginated, and the breaks are chosen from its lines:

- no line (of text, or a chart, which sits in a line of its own) is ever cut;
- a heading stays on the page of what it opens: with the sentences under it and the chart or
  table's first row they lead into (when short), else with its first lines of text; the
  sentence that leads into a chart stays with the chart;
- a short table row, and a short table, stay whole; a table's header row stays with its first
  row; a forced break ("page-break-before: always") is honoured;
- a page that continues a table starts with that table's header row again (the render module
  paints it above the page's slice, which is shorter by as much);
- something taller than a page is cut between its lines.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
    QTextTableCellFormat,
)

from kapcompanion.report.paint.html_parts import CSS_PIXELS_PER_INCH

Span = tuple[float, float]  # top, bottom in document coordinates
SHORT_SHARE = 1 / 3  # table rows, whole tables and repeated headers up to a third of a page
OPENING_LINES = 2  # a heading over running text stays with at least this many of its lines


@dataclass(frozen=True)
class PageStart:
    """Where a page's slice of the document begins, and the table header row(s) painted above
    it when the page continues a table: `repeated_header` is that part of the document (None
    when there is none) and `header_height` the room it takes, with the space between it and
    the row that follows."""

    top: float
    repeated_header: Span | None = None
    header_height: float = 0.0


@dataclass(frozen=True)
class _HeadedTable:
    header: Span  # the header row(s) as painted: their cells, padding and rule included
    room: float  # from the top of the header to the first line of the row under it
    first_row: Span  # the lines of the first row under the header
    body: Span  # from the first line of that row to the table's last line


def _merged(spans: list[Span]) -> list[Span]:
    """Overlapping spans joined; sorted by top."""
    merged: list[Span] = []
    for top, bottom in sorted(spans):
        if merged and top < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


@dataclass(frozen=True)
class _Block:
    lines: list[Span]
    level: int  # a heading's level (1 for the largest); 0 for any other block
    chart: bool
    in_table: bool

    @property
    def heading(self) -> bool:
        return self.level > 0

    @property
    def content(self) -> bool:
        """A chart or a table: what a section's opening sentences lead into."""
        return self.chart or self.in_table


def page_breaks(
    document: QTextDocument,
    page_height: float,
    heading_level: Callable[[QTextBlock], int],
    is_chart: Callable[[QTextBlock], bool],
    continued: frozenset[int] = frozenset(),
) -> list[PageStart]:
    """Where each page begins (the first at 0), in document coordinates. Headings (blocks whose
    `heading_level` is above 0) stay with what follows them (see `_section_openings`), and the
    block before a chart (`is_chart`) with the chart. The tables numbered in `continued` (from
    0, in the document's order) are parts of the table before them, with no header row of
    their own: together, one table."""
    layout = document.documentLayout()
    blocks: list[_Block] = []
    forced: list[float] = []
    rows: dict[tuple[int, int], Span] = {}
    tables: dict[int, tuple[QTextTable, float]] = {}  # first position → table, header padding
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        own = [
            (rect.top() + line.y(), rect.top() + line.y() + line.height())
            for line in (text_layout.lineAt(i) for i in range(text_layout.lineCount()))
        ]
        if own:
            if (
                block.blockFormat().pageBreakPolicy()
                & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            ):
                forced.append(own[0][0])
            table = QTextCursor(block).currentTable()
            blocks.append(_Block(own, heading_level(block), is_chart(block), table is not None))
            if table is not None:
                cell = table.cellAt(block.position())
                key = (table.firstPosition(), cell.row())
                top, bottom = rows.get(key, (own[0][0], own[-1][1]))
                rows[key] = (min(top, own[0][0]), max(bottom, own[-1][1]))
                if key[0] not in tables:
                    padding = QTextTableCellFormat(cell.format()).topPadding()
                    tables[key[0]] = (table, padding)
        block = block.next()
    lines = [line for block in blocks for line in block.lines]
    end = max(layout.documentSize().height(), lines[-1][1] if lines else 0.0)
    device = layout.paintDevice()
    # Qt scales a table cell's CSS padding by the device's dpi / CSS_PIXELS_PER_INCH.
    scale = device.logicalDpiY() / CSS_PIXELS_PER_INCH if device is not None else 1.0
    headed = _headed_tables(tables, rows, scale, continued)
    short = page_height * SHORT_SHARE
    keeps = _section_openings(blocks, short) + _chart_lead_ins(blocks)
    short_rows = [row for row in rows.values() if row[1] - row[0] <= short]
    short_tables = [table.header[:1] + table.body[1:] for table in headed]
    keeps.extend((table.header[0], table.first_row[1]) for table in headed)
    whole = _merged(
        lines + keeps + short_rows + [span for span in short_tables if span[1] - span[0] <= short]
    )
    fine = _merged(lines)
    repeatable = [table for table in headed if table.room <= short]
    return _choose_breaks(whole, fine, sorted(forced), end, page_height, repeatable)


def _section_openings(blocks: list[_Block], short: float) -> list[Span]:
    """A heading (or a run of them) with what it opens. When the sentences under it (no
    taller than `short`) lead into a chart, a table or a smaller heading, up to that chart's
    line, the table's first line (the table's own keep adds its header and first row) or the
    smaller heading's first line (its own keep adds what it opens); otherwise up to its first
    OPENING_LINES lines of text (fewer when the next heading comes sooner)."""
    keeps: list[Span] = []
    for index, block in enumerate(blocks):
        if not block.heading or (index and blocks[index - 1].heading):
            continue
        top = block.lines[0][0]
        after = index
        while after < len(blocks) and blocks[after].heading:
            after += 1
        ahead = after
        while ahead < len(blocks) and not (blocks[ahead].heading or blocks[ahead].content):
            ahead += 1
        if ahead < len(blocks) and blocks[ahead].lines[0][0] - top <= short:
            leads_into = blocks[ahead]
            if leads_into.content or leads_into.level > blocks[after - 1].level:
                keeps.append((top, leads_into.lines[0][1]))
                continue
        # Not past the next heading: that would chain this section to the next one's opening.
        own = itertools.takewhile(lambda later: not later.heading, blocks[after:])
        following = [line for later in own for line in later.lines][:OPENING_LINES]
        keeps.append((top, following[-1][1] if following else blocks[after - 1].lines[-1][1]))
    return keeps


def _chart_lead_ins(blocks: list[_Block]) -> list[Span]:
    """The block just before a chart, with the chart."""
    return [
        (before.lines[0][0], chart.lines[0][1])
        for before, chart in itertools.pairwise(blocks)
        if chart.chart
    ]


def _headed_tables(
    tables: dict[int, tuple[QTextTable, float]],
    rows: dict[tuple[int, int], Span],
    scale: float,
    continued: frozenset[int] = frozenset(),
) -> list[_HeadedTable]:
    """The tables with header rows and at least one row under them (a table's `continued`
    parts lengthen its body)."""
    headed: list[_HeadedTable] = []
    extending = False  # whether the table before was the last of `headed`, or part of it
    for index, (first_position, (table, padding)) in enumerate(tables.items()):
        header_rows = table.format().headerRowCount()
        own = [rows.get((first_position, row)) for row in range(table.rows())]
        spans = [span for span in own if span is not None]
        if index in continued and extending and spans and len(spans) == len(own):
            last = headed[-1]
            bottom = max(last.body[1], *(span[1] for span in spans))
            headed[-1] = _HeadedTable(
                last.header, last.room, last.first_row, (last.body[0], bottom)
            )
            continue
        extending = False
        if not 0 < header_rows < len(own) or len(spans) < len(own):
            continue
        first_row = spans[header_rows]
        # Painted to the bottom of its cells only: the next row's first line must not be
        # drawn (invisible under the clip, but still text in a PDF).
        header = (spans[0][0] - padding * scale, first_row[0] - padding * scale)
        body = (first_row[0], max(span[1] for span in spans))
        headed.append(_HeadedTable(header, first_row[0] - header[0], first_row, body))
        extending = True
    return headed


def _last_cut(spans: list[Span], after: float, limit: float) -> float | None:
    """The lowest point in (after, limit] that no span covers, preferring the top of the span
    that follows a gap (so the next page starts with content); None when there is none."""
    index = bisect_right(spans, (limit, float("inf"))) - 1  # the last span starting ≤ limit
    if index < 0:
        return limit
    top, bottom = spans[index]
    if bottom <= limit:  # limit falls in a gap: cut where the next content starts
        following = spans[index + 1][0] if index + 1 < len(spans) else limit
        return following if following > after else limit
    return top if top > after else None


def _page_start(tables: list[_HeadedTable], cut: float) -> PageStart:
    """A page beginning at `cut`, with the header of the table it continues, if any."""
    for table in tables:
        if table.body[0] - 0.5 <= cut < table.body[1]:
            return PageStart(cut, table.header, table.room)
    return PageStart(cut)


def _choose_breaks(
    whole: list[Span],
    fine: list[Span],
    forced: list[float],
    end: float,
    page_height: float,
    tables: list[_HeadedTable],
) -> list[PageStart]:
    pages = [PageStart(0.0)]
    while True:
        top = pages[-1].top
        limit = top + page_height - pages[-1].header_height
        next_forced = next((f for f in forced if f > top + 1), None)
        cut: float
        if next_forced is not None and next_forced <= limit:
            cut = next_forced
        elif end <= limit:
            return pages
        else:
            # Keep things together where possible, else break between lines, else anywhere.
            cut = _last_cut(whole, top, limit) or _last_cut(fine, top, limit) or limit
        if cut <= top:  # no room at all (a page no taller than its repeated header): move on
            cut = top + max(limit - top, 1.0)
        pages.append(_page_start(tables, cut))

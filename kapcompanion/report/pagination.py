"""Where the report's pages begin: one layout of the whole document, then page breaks chosen
between lines, never through one.

Qt can paginate a QTextDocument itself, but it cannot keep a heading with what follows it;
moving headings with forced page breaks made it lay the rest of the document out again for
each one (four times slower than printing on a year of writing). Here the document is laid
out once, unpaginated, and the breaks are chosen from its lines:

- no line (of text, or a chart, which sits in a line of its own) is ever cut;
- a heading, and the sentence that leads into a chart, stay on the page of what follows;
- a short table row stays whole; a forced break ("page-break-before: always") is honoured;
- something taller than a page is cut between its lines.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

Span = tuple[float, float]  # top, bottom in document coordinates
SHORT_ROW_SHARE = 1 / 3  # table rows up to a third of a page are kept whole


def _merged(spans: list[Span]) -> list[Span]:
    """Overlapping spans joined; sorted by top."""
    merged: list[Span] = []
    for top, bottom in sorted(spans):
        if merged and top < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def page_breaks(
    document: QTextDocument, page_height: float, keeps_with_next: Callable[[QTextBlock], bool]
) -> list[float]:
    """The top of each page in document coordinates, starting with 0. A block for which
    `keeps_with_next` is true stays on the page where the next block begins."""
    layout = document.documentLayout()
    lines: list[Span] = []
    keeps: list[Span] = []
    forced: list[float] = []
    rows: dict[tuple[int, int], Span] = {}
    sticky_from: float | None = None
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        own = [
            (rect.top() + line.y(), rect.top() + line.y() + line.height())
            for line in (text_layout.lineAt(i) for i in range(text_layout.lineCount()))
        ]
        if own:
            lines.extend(own)
            if sticky_from is not None:
                keeps.append((sticky_from, own[0][1]))
                sticky_from = None
            if (
                block.blockFormat().pageBreakPolicy()
                & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            ):
                forced.append(own[0][0])
            if keeps_with_next(block):
                sticky_from = own[0][0]
            table = QTextCursor(block).currentTable()
            if table is not None:
                key = (table.firstPosition(), table.cellAt(block.position()).row())
                top, bottom = rows.get(key, (own[0][0], own[-1][1]))
                rows[key] = (min(top, own[0][0]), max(bottom, own[-1][1]))
        block = block.next()
    end = max(layout.documentSize().height(), lines[-1][1] if lines else 0.0)
    short_rows = [row for row in rows.values() if row[1] - row[0] <= page_height * SHORT_ROW_SHARE]
    whole = _merged(lines + keeps + short_rows)
    fine = _merged(lines)
    return _choose_breaks(whole, fine, sorted(forced), end, page_height)


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


def _choose_breaks(
    whole: list[Span], fine: list[Span], forced: list[float], end: float, page_height: float
) -> list[float]:
    breaks = [0.0]
    top = 0.0
    while True:
        limit = top + page_height
        next_forced = next((f for f in forced if f > top + 1), None)
        cut: float
        if next_forced is not None and next_forced <= limit:
            cut = next_forced
        elif end <= limit:
            return breaks
        else:
            # Keep things together where possible, else break between lines, else anywhere.
            cut = _last_cut(whole, top, limit) or _last_cut(fine, top, limit) or limit
        breaks.append(cut)
        top = cut

"""The printout's HTML building blocks: its stylesheet in the app's light palette, escaped
words, the client's own paragraphs, data tables and chart placeholders.

Charts are `<img src="chart:KEY">` placeholders of the size they are printed at; the render
module paints the vector chart into that room.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import cache

from kapcompanion.data_files.resource_files import load_json_resource
from kapcompanion.report.paint.figures import ChartPicture

CHART_SCHEME = "chart:"
CSS_PIXELS_PER_INCH = 96  # QTextDocument lengths are CSS pixels, scaled to the paint device
TABLE_PART_ROWS = 25
CONTINUED_TABLE = "<!--continued-->"  # just before a table that continues the one before


@cache
def palette() -> dict[str, str]:
    """The light palette of resources/style/tokens.json: paper is light whatever the screen."""
    colours: dict[str, str] = load_json_resource("style", "tokens.json")["palettes"]["light"]
    return colours


def escaped(text: str) -> str:
    """Words made safe to put into the HTML as they are."""
    return html.escape(text, quote=True)


def writing_html(text: str, css_class: str = "writing") -> str:
    """The client's own words: escaped, paragraphs kept, line breaks kept, and (with the
    stylesheet's pre-wrap) indentation and runs of spaces kept."""
    chunks = [chunk for chunk in re.split(r"\n\s*\n", text.rstrip()) if chunk.strip()]
    return "".join(
        f'<p class="{css_class}">'
        f"{escaped(chunk.strip(chr(10)).rstrip()).replace(chr(10), '<br>')}</p>"
        for chunk in chunks
    )


def empty_html(sentence: str) -> str:
    """A quiet sentence in place of what there is none of."""
    return f'<p class="empty">{escaped(sentence)}</p>'


def table_html(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Sequence[int] = (),
    widths: Sequence[int] = (),
) -> str:
    """A data table: a header row (repeated on each page it continues on) and rows of
    already-escaped cells; the `numeric` columns are aligned right. `widths`, if given, are
    the columns' shares of the page width in percent (else Qt shares it by content)."""

    def align(index: int) -> str:
        return ' align="right"' if index in numeric else ' align="left"'

    def width(index: int) -> str:
        return f' width="{widths[index]}%"' if index < len(widths) else ""

    head = "".join(f"<th{align(i)}{width(i)}>{cell}</th>" for i, cell in enumerate(headers))
    lines = [
        "<tr>"
        + "".join(f"<td{align(i)}{width(i)}>{cell}</td>" for i, cell in enumerate(row))
        + "</tr>"
        for row in rows
    ]
    if not widths or len(lines) <= TABLE_PART_ROWS:
        return (
            '<table class="data" width="100%" cellspacing="0">'
            f"<thead><tr>{head}</tr></thead>{''.join(lines)}</table>"
        )
    # A long table goes in parts of TABLE_PART_ROWS rows, one under the other with no room
    # between (the same column widths): Qt lays a table out in one go, holding Python's lock
    # throughout (0.8 s for 660 rows, the window's thread waiting). The pagination treats the
    # parts as one table (`continued_tables`).
    parts = [
        lines[start : start + TABLE_PART_ROWS] for start in range(0, len(lines), TABLE_PART_ROWS)
    ]
    html = []
    for index, part in enumerate(parts):
        first, last = index == 0, index == len(parts) - 1
        margins = f"margin-top: {4 if first else 0}px; margin-bottom: {8 if last else 0}px;"
        html.append(
            ("" if first else CONTINUED_TABLE)
            + f'<table class="data" width="100%" cellspacing="0" style="{margins}">'
            + (f"<thead><tr>{head}</tr></thead>" if first else "")
            + "".join(part)
            + "</table>"
        )
    return "".join(html)


def continued_tables(html: str) -> frozenset[int]:
    """Which tables of the document (counted from 0, in order) continue the one before."""
    return frozenset(
        index
        for index, match in enumerate(re.finditer(r"<table[ >]", html))
        if html.endswith(CONTINUED_TABLE, 0, match.start())
    )


def chart_html(picture: ChartPicture) -> str:
    """The room for a chart, at its printed size; the render module paints it there."""
    width = round(picture.width_inches * CSS_PIXELS_PER_INCH)
    height = round(picture.height_inches * CSS_PIXELS_PER_INCH)
    return (
        f'<p class="chart"><img src="{CHART_SCHEME}{picture.key}" '
        f'width="{width}" height="{height}"></p>'
    )


def stylesheet() -> str:
    colours = palette()
    return f"""
body {{ color: {colours["text"]}; }}
h1 {{ font-size: 15pt; font-weight: 600; margin-top: 20px; margin-bottom: 4px; }}
h2 {{ font-size: 11.5pt; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
h3 {{ font-size: 10.5pt; font-weight: 600; margin-top: 16px; margin-bottom: 2px; }}
h4 {{ font-size: 9pt; font-weight: 600; color: {colours["muted_text"]};
      margin-top: 8px; margin-bottom: 2px; }}
p {{ margin-top: 0px; margin-bottom: 6px; }}
p.meta {{ color: {colours["muted_text"]}; font-size: 9pt; margin-bottom: 4px; }}
p.kicker {{ color: {colours["muted_text"]}; font-size: 9pt; margin-bottom: 0px; }}
p.writing {{ font-size: 10.5pt; margin-bottom: 6px; white-space: pre-wrap; }}
p.insight {{ font-size: 10.5pt; margin-bottom: 2px; }}
p.chart {{ margin-top: 4px; margin-bottom: 8px; }}
p.empty {{ color: {colours["muted_text"]}; }}
table.data {{ border-collapse: collapse; margin-top: 4px; margin-bottom: 8px; }}
table.data th {{ font-size: 8.5pt; font-weight: 600; color: {colours["muted_text"]};
      background-color: {colours["window"]}; border-bottom: 1px solid {colours["border"]};
      padding: 3px 6px 3px 6px; }}
table.data td {{ font-size: 9.5pt; border-bottom: 1px solid {colours["border"]};
      padding: 3px 6px 3px 6px; }}
table.note {{ background-color: {colours["accent_soft"]}; margin-top: 8px; margin-bottom: 8px; }}
table.flags {{ background-color: {colours["attention_soft"]}; margin-top: 4px;
      margin-bottom: 8px; }}
li {{ margin-bottom: 3px; }}
p.flag {{ margin-bottom: 3px; }}
"""

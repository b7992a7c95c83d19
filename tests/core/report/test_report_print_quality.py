"""The printout reads well as paper and as a file: its text layer can be searched word for word,
no heading is left at the foot of a page away from what it opens, and the questionnaire charts
put a date at the same place on each."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize, QTextBlock, QTextCursor
from PySide6.QtWidgets import QApplication

from kapcompanion.course.trends import Period
from kapcompanion.demo import fill_demo
from kapcompanion.report.content.build import build_content
from kapcompanion.report.content.options import (
    PeriodChoice,
    ReportOptions,
    ReportSection,
    period_for,
    preselected_options,
    report_candidates,
)
from kapcompanion.report.paint.figures import QUESTIONNAIRE_PREFIX, chart_pictures
from kapcompanion.report.paint.render import (
    build_report,
    lay_out,
    pdf_writer,
    save_report_pdf,
)
from kapcompanion.store import Store
from tests.core.report.test_report_content import START, TODAY, seed_course, take_check_in

LIGATURES = re.compile("[\ufb00-\ufb06]")
OBJECT_REPLACEMENT = "\ufffc"  # where a chart sits in the document's text


@pytest.fixture
def demo_store(store: Store) -> Store:
    fill_demo(store, today=TODAY)
    return store


def default_choice(store: Store) -> ReportOptions:
    """What the report command prints without options."""
    period = period_for(store, PeriodChoice.CUSTOM, TODAY, Period())
    return preselected_options(period, report_candidates(store, period))


def everything(store: Store, *, medications: bool = False) -> ReportOptions:
    """What `kap-companion report --include-all [--medications]` prints."""
    period = period_for(store, PeriodChoice.CUSTOM, TODAY, Period())
    candidates = report_candidates(store, period)
    options = replace(
        preselected_options(period, candidates),
        reflection_ids=frozenset(r.id for r in candidates.reflections),
        insight_ids=frozenset(i.id for i in candidates.insights),
    )
    if medications:
        options = replace(options, sections=options.sections | {ReportSection.MEDICATIONS})
    return options


@pytest.mark.parametrize("include_all", [False, True], ids=["default", "include-all"])
def test_searching_the_pdf_finds_whole_words_with_no_ligature_characters(
    qapp: QApplication, demo_store: Store, tmp_path: Path, include_all: bool
) -> None:
    options = everything(demo_store) if include_all else default_choice(demo_store)
    path = tmp_path / "report.pdf"
    save_report_pdf(demo_store, options, path, today=TODAY)
    # As a reader's search sees it: the raw text layer, no normalising of ﬀ or ﬂ.
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert LIGATURES.findall(text) == []
    assert "effects" in text
    assert "reflection" in text
    if include_all:
        assert "Reflections" in text and "difference" in text


def first_line(block: QTextBlock, top: float) -> tuple[float, float]:
    line = block.layout().lineAt(0)
    return top + line.y(), top + line.y() + line.height()


@pytest.mark.parametrize("medications", [False, True], ids=["include-all", "with-medications"])
@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_no_heading_ends_a_page_or_is_parted_from_the_chart_or_table_it_opens(
    qapp: QApplication,
    demo_store: Store,
    tmp_path: Path,
    medications: bool,
    paper: QPageSize.PageSizeId,
) -> None:
    writer = pdf_writer(tmp_path / "unused.pdf", QPageSize(paper))
    options = everything(demo_store, medications=medications)
    laid_out = lay_out(build_report(demo_store, options, writer, today=TODAY), writer)
    layout = laid_out.document.documentLayout()
    last_on_page: dict[int, tuple[float, str, bool]] = {}  # page → line top, text, heading
    heading: tuple[str, int] | None = None  # the latest heading and its page
    opened = 0
    block = laid_out.document.begin()
    while block.isValid():
        if block.layout().lineCount():
            rect_top = layout.blockBoundingRect(block).top()
            top, _bottom = first_line(block, rect_top)
            page = laid_out.page_of(top)
            is_heading = block.blockFormat().headingLevel() > 0
            for index in range(block.layout().lineCount()):
                line_top = rect_top + block.layout().lineAt(index).y()
                line_page = laid_out.page_of(line_top)
                if line_top >= last_on_page.get(line_page, (-1.0, "", False))[0]:
                    last_on_page[line_page] = (line_top, block.text(), is_heading)
            is_chart = OBJECT_REPLACEMENT in block.text()
            in_table = QTextCursor(block).currentTable() is not None
            if is_heading:
                heading = (block.text(), page)
            elif heading is not None and (is_chart or in_table):
                # The first chart or table after a heading is on the heading's page (a
                # table's header row stays with its first row: tested elsewhere).
                assert page == heading[1], (heading[0], block.text()[:40])
                heading = None
                opened += 1
            elif heading is not None and page != heading[1]:
                pytest.fail(f"{heading[0]!r} ends page {heading[1] + 1}, apart from its text")
        block = block.next()
    assert opened >= 8  # the charts, the sessions table, flags (and the medication tables)
    assert len(last_on_page) == laid_out.pages > 5
    for page, (_top, text, is_heading) in sorted(last_on_page.items()):
        assert not is_heading, f"page {page + 1} ends with the heading {text!r}"


def plot_box_and_dates(svg: bytes) -> tuple[str, list[str]]:
    """A matplotlib SVG's plot box (its background's outline) and where its date ticks are."""
    text = svg.decode()
    axes = text[text.index('<g id="axes_1">') :]
    box = re.search(r'<path d="([^"]*)"', axes)
    assert box is not None
    ticks = re.findall(r'<g id="xtick_\d+">.*?<use [^>]*x="([\d.]+)"', axes, re.S)
    return " ".join(box.group(1).split()), ticks


def test_the_questionnaire_charts_put_each_date_at_the_same_place(
    qapp: QApplication, store: Store
) -> None:
    """PHQ-9 (scores up to 27, five bands) over five weeks, PCL-5 (up to 80, a reference range)
    once in the middle and WHO-5 (out of 100) at the end: each chart is drawn with different
    labels and dates, yet their plots share one box and one span of dates."""
    seed_course(store)
    take_check_in(store, "phq9", [2] * 9, START)
    take_check_in(store, "phq9", [1] * 9, START + timedelta(days=35))
    take_check_in(store, "pcl5", [2] * 20, START + timedelta(days=16))
    take_check_in(store, "who5", [3] * 5, START + timedelta(days=30))
    options = ReportOptions()
    content = build_content(store, options, TODAY)
    charts = chart_pictures(content, options, 6.5)
    scores = [p for key, p in charts.items() if key.startswith(QUESTIONNAIRE_PREFIX)]
    assert len(scores) == 3
    assert len({(p.width_inches, p.height_inches) for p in scores}) == 1
    boxes = [plot_box_and_dates(p.svg) for p in scores]
    assert all(len(ticks) >= 3 for _box, ticks in boxes)
    assert boxes[1:] == boxes[:-1], boxes

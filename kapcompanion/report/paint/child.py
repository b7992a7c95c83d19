"""The report painted in a process of its own, so that the window never waits for it.

Laying a long report out and painting it holds Python's lock for long stretches (Qt's text
layout, matplotlib's Agg), so on a thread of the window's process it froze the window for up
to 0.7 s. The window (ui.printout.report_process) starts KAP Companion again with a hidden
command (`kapcompanion.cli.report.run_paint_child`), hands it the content already read (no
store, no passphrase: the child never opens the profile) and reads back what it made.

What passes between them, in bytes:

- in: one pickled `PaintRequest`; then, for a preview, lines `page INDEX WIDTH`, each asking
  for one page as an image WIDTH pixels wide. The end of the input ends the child.
- out: lines `progress FRACTION` while it works; then `pdf PAGES SIZE` and the PDF's bytes,
  or `pages COUNT` and, for each page asked for, `image INDEX WIDTH HEIGHT SIZE` and the
  image's pixels (QImage.Format_RGB32, rows one after another); or `problem MESSAGE` (the
  message as JSON) when the report cannot be made for a reason the client can act on.

The child writes no file: the window writes the PDF, whole or not at all, so a child stopped
(Cancel) or dying at any moment leaves nothing behind.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Literal

from kapcompanion.errors import KapError

if TYPE_CHECKING:
    from PySide6.QtGui import QPageSize

    from kapcompanion.report.content.build import ReportContent
    from kapcompanion.report.content.options import ReportOptions
    from kapcompanion.report.paint.render import ReportPages

PROGRESS_STEP = 0.01  # a progress line at most every hundredth of the way


@dataclass(frozen=True)
class PaintRequest:
    """What the child is to make: the PDF of `content`, or its pages one by one (a preview),
    on paper `paper_mm` (width, height) wide and high."""

    content: ReportContent
    options: ReportOptions
    paper_mm: tuple[float, float]
    what: Literal["pdf", "pages"]


def paper_mm(page_size: QPageSize) -> tuple[float, float]:
    """`page_size` as plain numbers, which pickle (a QPageSize does not)."""
    from PySide6.QtGui import QPageSize

    size = page_size.size(QPageSize.Unit.Millimeter)
    return size.width(), size.height()


def page_size_of(paper: tuple[float, float]) -> QPageSize:
    """The QPageSize of `paper` (millimetres); A4 and Letter are recognised as such."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize

    return QPageSize(
        QSizeF(*paper), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )


class _Reporter:
    """Writes the child's answers to `sink`, a line and (maybe) some bytes at a time."""

    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink
        self._told = -1.0

    def line(self, *words: object, data: bytes | memoryview = b"") -> None:
        self._sink.write(" ".join(str(word) for word in words).encode() + b"\n")
        if data:
            self._sink.write(data)
        self._sink.flush()

    def progress(self, done: float) -> None:
        if done - self._told >= PROGRESS_STEP or done >= 1.0:
            self._told = done
            self.line("progress", f"{done:.3f}")


def serve(source: BinaryIO, sink: BinaryIO) -> int:
    """Answer one request read from `source` on `sink` (see the module's docstring); the
    process's exit code. Needs a QGuiApplication."""
    reporter = _Reporter(sink)
    request = pickle.load(source)
    assert isinstance(request, PaintRequest)
    try:
        if request.what == "pdf":
            _make_pdf(request, reporter)
            return 0
        pages = _lay_out_pages(request, reporter)
    except KapError as problem:
        reporter.line("problem", json.dumps(problem.message))
        return 0
    del request
    for asked in source:
        words = asked.split()
        if len(words) == 3 and words[0] == b"page":
            _send_page(pages, int(words[1]), int(words[2]), reporter)
    return 0


def _make_pdf(request: PaintRequest, reporter: _Reporter) -> None:
    from kapcompanion.report.errors import ReportPrintError
    from kapcompanion.report.paint.render import render_pdf

    try:
        data, pages = render_pdf(
            request.content, request.options, page_size_of(request.paper_mm), reporter.progress
        )
    except ReportPrintError as error:
        raise KapError("The PDF could not be made. Nothing was changed.") from error
    reporter.line("pdf", pages, len(data), data=data)


def _lay_out_pages(request: PaintRequest, reporter: _Reporter) -> ReportPages:
    from kapcompanion.report.paint.render import LAID_OUT, ReportPages, report_for_paper

    page_size = page_size_of(request.paper_mm)
    report = report_for_paper(request.content, request.options, page_size, reporter.progress)
    pages = ReportPages.from_report(report, page_size)
    reporter.progress(LAID_OUT)
    reporter.line("pages", pages.count)
    reporter.progress(1.0)
    return pages


def _send_page(pages: ReportPages, page: int, width: int, reporter: _Reporter) -> None:
    from kapcompanion.report.paint.render import page_image

    if not 0 <= page < pages.count or width <= 0:
        return
    image = page_image(pages, page, width)
    pixels = memoryview(image.constBits())[: image.sizeInBytes()]
    reporter.line("image", page, width, image.height(), image.sizeInBytes(), data=pixels)

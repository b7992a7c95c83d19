"""The printout as a PDF, read back with pypdf: what page 1 says, which sections are there,
that nothing unchosen is anywhere, paper sizes, vector charts, and saving safely."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSizeF
from PySide6.QtGui import QFontDatabase, QFontMetricsF, QPageSize, QTextBlock, QTextDocument
from PySide6.QtWidgets import QApplication

from kapcompanion.course.trends import Period
from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.demo import fill_demo
from kapcompanion.domain import DeletedKind, NewSession
from kapcompanion.errors import KapError
from kapcompanion.report.content.build import build_content
from kapcompanion.report.content.options import (
    ALL_SECTIONS,
    DEFAULT_SECTIONS,
    NAME_CHARACTERS,
    ReportOptions,
    ReportSection,
    default_options,
    report_candidates,
)
from kapcompanion.report.content.words import section_title
from kapcompanion.report.errors import ReportError, ReportPaperError
from kapcompanion.report.paint.pagination import page_breaks
from kapcompanion.report.paint.render import (
    build_report,
    default_page_size,
    lay_out,
    pdf_writer,
    save_report_pdf,
)
from kapcompanion.report.paint.running_text import running_font, running_layout
from kapcompanion.store import Store
from tests.core.report.test_report_content import (
    PRIVATE_INSIGHT_WORDS,
    PRIVATE_REFLECTION_WORDS,
    PRIVATE_THEME,
    SHARED_INSIGHT_WORDS,
    SHARED_REFLECTION_WORDS,
    START,
    TODAY,
    seed_course,
    take_check_in,
    write_reflection,
)

FOOTER = "Written by the client in KAP Companion. Self-reported; not a clinical record."
A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def normalised(text: str) -> str:
    """Qt's PDFs put tabs between words; read them as plain words (and any ligature as letters)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pages_text(path: Path) -> list[str]:
    return [normalised(page.extract_text()) for page in PdfReader(path).pages]


def write_pdf(store: Store, options: ReportOptions, path: Path, **kwargs: object) -> list[str]:
    save_report_pdf(store, options, path, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return pages_text(path)


@pytest.fixture
def demo_store(store: Store) -> Store:
    fill_demo(store, today=TODAY)
    return store


def test_page_one_is_a_summary_of_the_demo_course(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    options = replace(default_options(demo_store, Period()), client_name="R. M.")
    pages = write_pdf(
        demo_store, options, tmp_path / "report.pdf", page_size=QPageSize(QPageSize.PageSizeId.A4)
    )
    first = pages[0]
    for expected in (
        "Summary",
        "Period: 14 October 2026 – 25 November 2026",
        "From: R. M.",
        "6 dosing sessions in this period, and one preparation or integration session.",
        "Session 1 18 Oct 2026 7 5 Nausea, Disorientation",  # distress before / after
        # latest, band, first, change and the published thresholds it passes
        "PHQ-9 16 Nov 2026 6 of 27 mild 13 on 14 Oct 2026 −7: 5-point minimal clinically "
        "important difference; response (≥ 50 % drop)",
        "GAD-7 16 Nov 2026 6 of 21 mild 12 on 14 Oct 2026 −6: 4-point minimal clinically "
        "important difference",
        "PCL-5 16 Nov 2026 29 of 80 below the 31–33 screening cut-point 46 on 14 Oct 2026 "
        "−17: 10-point minimal important difference; reliable change (≥ 15 points)",
        "Most frequent:",
        "After-effects reported:",
        "Key insights",
        "Anger is not the same as danger.",  # pinned and shareable
    ):
        assert expected in first, expected
    # Insights the client did not mark shareable are nowhere, not even on page 1.
    assert "My body has been holding on" not in " ".join(pages)
    # The detail starts on page 2; page 1 stands alone.
    assert pages[1].split("Distress across sessions")[0].strip() == ""
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert FOOTER in text
        assert "14 October 2026 – 25 November 2026" in text  # the running header
        assert "R. M." in text


def test_every_chosen_section_and_no_other(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    everything = " ".join(write_pdf(demo_store, ReportOptions(), tmp_path / "all.pdf"))
    for section in ALL_SECTIONS:  # by default, every section but the medication list
        assert (section_title(section) in everything) == (section in DEFAULT_SECTIONS), section
    chosen = frozenset({ReportSection.SUMMARY, ReportSection.SESSIONS})
    some = " ".join(write_pdf(demo_store, ReportOptions(sections=chosen), tmp_path / "some.pdf"))
    for section in ALL_SECTIONS:
        assert (section_title(section) in some) == (section in chosen), section


def test_nothing_unchosen_appears_anywhere(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    seed_course(store)
    text = " ".join(write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf"))
    assert SHARED_REFLECTION_WORDS in text
    assert SHARED_INSIGHT_WORDS in text
    assert "Small step: Sit down with tea after work (not started yet)" in text
    assert "Managed it three days" in text
    for private in (
        PRIVATE_REFLECTION_WORDS,
        PRIVATE_INSIGHT_WORDS,
        PRIVATE_THEME,
        "Grief",  # a theme only the private reflection carries
        "unfinished draft words",
        "a private intention about my sister",
        "9 at the start of a reflection",
    ):
        assert private not in text, private
    # Choosing them (the window's checkboxes, or --include-all) brings them in.
    candidates = report_candidates(store, Period())
    every = replace(
        default_options(store, Period()),
        reflection_ids=frozenset(r.id for r in candidates.reflections),
        insight_ids=frozenset(i.id for i in candidates.insights),
    )
    text = " ".join(write_pdf(store, every, tmp_path / "every.pdf"))
    for chosen in (PRIVATE_REFLECTION_WORDS, PRIVATE_INSIGHT_WORDS, PRIVATE_THEME, "Grief"):
        assert chosen in text, chosen
    assert "unfinished draft words" not in text


def test_deleted_out_of_period_and_session_words_never_appear(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Even with every candidate chosen (as --include-all does): deleted shareable items,
    shareable items outside the period, and a session's intention, notes, route and setting
    are never printed; the after-effect notes only with the Sessions section."""
    seed_course(store)
    store.sessions.add(
        NewSession(
            held_at=START + timedelta(days=20),
            number_in_course=4,
            route="ROUTESECRET",
            setting="SETTINGSECRET",
            intention="INTENTIONSECRET",
            notes="SESSIONNOTESECRET",
            after_effects=("nausea",),
            after_effects_notes="AFTEREFFECTNOTEWORDS",
        )
    )
    deleted = write_reflection(store, None, START, "DELETEDSHAREDREFL", [], shareable=True)
    store.deleted.move(DeletedKind.REFLECTION, deleted)
    gone = store.insights.add("DELETEDSHAREDINSIGHT", shareable=True, at=START)
    store.deleted.move(DeletedKind.INSIGHT, gone.id)
    long_ago = START - timedelta(days=400)
    write_reflection(store, None, long_ago, "OLDSHAREDREFL", [], shareable=True, distress=(10, 10))
    store.insights.add("OLDSHAREDINSIGHT", shareable=True, at=long_ago)
    period = Period(START.date() - timedelta(days=10), TODAY)
    candidates = report_candidates(store, period)
    every = replace(
        default_options(store, period),
        reflection_ids=frozenset(r.id for r in candidates.reflections),
        insight_ids=frozenset(i.id for i in candidates.insights),
    )
    never = (
        "DELETEDSHAREDREFL",
        "DELETEDSHAREDINSIGHT",
        "OLDSHAREDREFL",
        "OLDSHAREDINSIGHT",
        "ROUTESECRET",
        "SETTINGSECRET",
        "INTENTIONSECRET",
        "SESSIONNOTESECRET",
        "10 at the start of a reflection",
    )
    text = " ".join(write_pdf(store, every, tmp_path / "every.pdf"))
    assert PRIVATE_REFLECTION_WORDS in text  # chosen, so printed
    assert "AFTEREFFECTNOTEWORDS" in text  # printed with the Sessions section
    for words in never:
        assert words not in text, words
    without_sessions = replace(every, sections=every.sections - {ReportSection.SESSIONS})
    text = " ".join(write_pdf(store, without_sessions, tmp_path / "no-sessions.pdf"))
    assert "Nausea" in text  # the after-effects themselves are flagged
    for words in (*never, "AFTEREFFECTNOTEWORDS", "Queasy for an hour."):
        assert words not in text, words


def test_flags_on_page_one(qapp: QApplication, store: Store, tmp_path: Path) -> None:
    seed_course(store)
    take_check_in(store, "phq9", [1, 1, 1, 1, 0, 0, 0, 0, 2], START)
    first = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")[0]
    assert "Safety question answered above 0: PHQ-9 item 9, “More than half the days”" in first
    assert "Distress of 8 or more: 8 before Session 1" in first
    assert "After-effects reported: Session 1 (Nausea); Session 3 (Headache, Dizziness)" in first


def test_a_quick_check_in_of_8_or_more_is_flagged_without_its_note(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    seed_course(store)
    store.check_ins.add_distress_rating(
        9, note="a private note about work", at=START + timedelta(days=2)
    )
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")
    assert (
        "Distress of 8 or more: 8 before Session 1; 9 at a quick distress check-in (7 October 2026)"
        in (pages[0])
    )
    detail = " ".join(pages[1:])
    assert "7 Oct 2026 Distress 9 at a quick distress check-in (7 October 2026)" in detail
    assert "a private note about work" not in " ".join(pages)


@pytest.mark.parametrize(
    ("page_size", "points"),
    [(QPageSize.PageSizeId.A4, A4_POINTS), (QPageSize.PageSizeId.Letter, LETTER_POINTS)],
)
def test_paper_size(
    qapp: QApplication,
    demo_store: Store,
    tmp_path: Path,
    page_size: QPageSize.PageSizeId,
    points: tuple[int, int],
) -> None:
    path = tmp_path / "report.pdf"
    save_report_pdf(demo_store, ReportOptions(), path, page_size=QPageSize(page_size))
    for page in PdfReader(path).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == points


def test_paper_follows_the_locale() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert default_page_size(us).id() == QPageSize.PageSizeId.Letter
    assert default_page_size(germany).id() == QPageSize.PageSizeId.A4


def test_an_empty_profile_gives_one_friendly_page(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    pages = write_pdf(
        store, ReportOptions(note_to_therapist="See you Tuesday."), tmp_path / "e.pdf"
    )
    assert len(pages) == 1
    assert "No sessions or reflections in this period yet." in pages[0]
    assert "See you Tuesday." in pages[0]
    assert "Page 1 of 1" in pages[0]


def test_text_is_real_text_and_the_distress_chart_is_vector(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    save_report_pdf(demo_store, ReportOptions(sections=frozenset(ALL_SECTIONS[:2])), path)
    reader = PdfReader(path)
    chart_page = reader.pages[1]
    assert "Distress across sessions" in normalised(chart_page.extract_text())
    assert list(chart_page.images) == []  # drawn as paths, not a picture
    drawing = chart_page.get_contents()
    assert drawing is not None and drawing.get_data().count(b" c\n") > 50  # curves: markers


def test_theme_map_cells_are_printed_crisp_and_exact(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    """The theme map's cells go into the PDF unsampled, a 16-pixel block per cell, so each
    prints in exactly its shade with sharp edges, at any zoom."""
    candidates = report_candidates(demo_store, Period())
    options = ReportOptions(
        sections=frozenset({ReportSection.THEME_MAP}),
        reflection_ids=frozenset(r.id for r in candidates.reflections),
    )
    path = tmp_path / "r.pdf"
    save_report_pdf(demo_store, options, path, today=TODAY)
    content = build_content(demo_store, options, TODAY)
    rows, columns = len(content.theme_map.themes), len(content.theme_map.sessions)
    (image,) = [image for page in PdfReader(path).pages for image in page.images]
    assert image.image is not None
    assert image.image.size == (columns * 16, rows * 16)
    pixels = image.image.convert("RGB")
    for row in range(rows):
        for column in range(columns):
            block = pixels.crop((column * 16, row * 16, column * 16 + 16, row * 16 + 16))
            low, high = zip(*(band.getextrema() for band in block.split()), strict=True)
            assert max(h - lo for lo, h in zip(low, high, strict=True)) <= 3  # one colour


def test_headings_never_end_a_page(qapp: QApplication, store: Store, tmp_path: Path) -> None:
    """Many long reflections: every heading starts on the same page as what follows it."""
    seed_course(store)
    paragraph = "A long answer that goes on for a while, about the week and the body. " * 12
    ids = [
        write_reflection(store, None, START.replace(day=day), paragraph, [], shareable=True)
        for day in range(1, 28)
    ]
    options = replace(default_options(store, Period()), reflection_ids=frozenset(ids))
    writer = pdf_writer(tmp_path / "unused.pdf", QPageSize(QPageSize.PageSizeId.A4))
    laid_out = lay_out(build_report(store, options, writer, today=TODAY), writer)
    layout = laid_out.document.documentLayout()

    def first_line_top(block: QTextBlock) -> float:
        return layout.blockBoundingRect(block).top() + block.layout().lineAt(0).y()

    def last_line_bottom(block: QTextBlock) -> float:
        lines = block.layout()
        last = lines.lineAt(lines.lineCount() - 1)
        return layout.blockBoundingRect(block).top() + last.y() + last.height()

    block, checked = laid_out.document.begin(), 0
    while block.isValid() and block.next().isValid():
        if block.blockFormat().headingLevel() > 0 and block.layout().lineCount():
            heading_page = laid_out.page_of(last_line_bottom(block) - 1)
            assert heading_page == laid_out.page_of(first_line_top(block.next())), block.text()
            checked += 1
        # No line is cut: each one is shown whole on one page.
        for index in range(block.layout().lineCount()):
            line = block.layout().lineAt(index)
            top = layout.blockBoundingRect(block).top() + line.y()
            page = laid_out.page_of(top)
            assert top + line.height() <= laid_out.slice_of(page).bottom() + 0.5
        block = block.next()
    assert checked > 50
    assert laid_out.pages > 5


def test_a_table_continued_on_the_next_page_starts_with_its_header_row(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Sixty sessions with after-effects and high distress: their table and the flags table
    run over several pages, and each page they continue on begins with the column names."""
    for number in range(1, 61):
        held = START + timedelta(days=3 * number)
        store.sessions.add(
            NewSession(
                held_at=held,
                number_in_course=number,
                distress_before=9,
                distress_after=4,
                after_effects=("nausea",),
                after_effects_notes=f"Queasy after dose {number}.",
            ),
            at=held,
        )
    sections = frozenset({ReportSection.SESSIONS, ReportSection.SAFETY_FLAGS})
    pages = write_pdf(store, ReportOptions(sections=sections), tmp_path / "r.pdf")
    session_header = "Session Date Distress before Distress after After-effects"
    flag_header = "Date What"
    flags_page = next(i for i, page in enumerate(pages) if "Flags" in page)
    assert flags_page >= 2 and len(pages) >= flags_page + 2  # both tables run over pages
    for page in pages[1:flags_page]:
        assert page.startswith(session_header), page[:100]
    before_flags = pages[flags_page].split("Flags")[0]
    assert before_flags == "" or before_flags.startswith(session_header)
    for page in pages[flags_page + 1 :]:
        assert page.startswith(flag_header + " "), page[:100]
    for page in pages:  # each header once per page, and no row drawn twice or lost
        assert page.count(session_header) <= 1
    for number in range(1, 61):
        assert sum(page.count(f"after dose {number}.") for page in pages) == 1, number


def test_saving_replaces_a_file_and_refuses_a_missing_folder(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "report.pdf"
    path.write_bytes(b"an older report")
    save_report_pdf(demo_store, ReportOptions(), path)
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]  # no temporary file left
    missing = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(ReportError) as raised:
        save_report_pdf(demo_store, ReportOptions(), missing)
    assert isinstance(raised.value, KapError)
    assert "could not be saved" in raised.value.message
    assert not missing.parent.exists()


def test_a_folder_named_like_the_report_is_refused_and_paper_too_small_writes_nothing(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(ReportError):
        save_report_pdf(demo_store, ReportOptions(), tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").is_dir()
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"an older report")
    tiny = QPageSize(QSizeF(20, 20), QPageSize.Unit.Millimeter)
    with pytest.raises(ReportPaperError):
        save_report_pdf(demo_store, ReportOptions(), kept, page_size=tiny)
    assert kept.read_bytes() == b"an older report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf", "profile", "report.pdf"]


def test_any_text_prints(qapp: QApplication, store: Store, tmp_path: Path) -> None:
    """Long unbroken strings, CJK, emoji, markup and control characters print, each once."""
    unbroken = "x" * 3000
    words = "Ünïcödé 日本語 עברית — <b>not bold</b> & 🌱"
    controls = "BEFORENUL\x00AFTERNUL BEFORELS\u2028AFTERLS BEFOREFF\x0cAFTERFF"
    answer = f"{words}\n\nSTARTMARK{unbroken}ENDMARK\n\n{controls}"
    reflection = write_reflection(store, None, START, answer, [], shareable=True)
    options = replace(
        default_options(store, Period()),
        reflection_ids=frozenset({reflection}),
        note_to_therapist="<script>",
    )
    pages = write_pdf(store, options, tmp_path / "r.pdf")
    text = " ".join(pages)
    assert "not bold</b> &" in text  # (pypdf reads the Hebrew before the "<b>")
    assert "<script>" in text
    shown_once = ["Ünïcödé", "BEFORENUL", "AFTERNUL", "BEFORELS", "AFTERLS"]
    # Japanese needs a font with its letters; a machine without one draws boxes (Qt's choice).
    if QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        shown_once.append("日本語")
    for shown in shown_once:
        assert text.count(shown) == 1, shown
    # The emoji comes from a colour font, where one is installed: the one picture on its page.
    if any("emoji" in family.casefold() for family in QFontDatabase.families()):
        page = next(i for i, words in enumerate(pages) if "Ünïcödé" in words)
        assert len(list(PdfReader(tmp_path / "r.pdf").pages[page].images)) == 1
    assert text.count("BEFOREFF") == text.count("AFTERFF") == 1
    # The unbroken string wraps over two pages, and every x of it is printed exactly once.
    joined = "".join(text.split())
    assert joined.count("x") == 3000
    assert joined.split("STARTMARK")[1].split("ENDMARK")[0].count("x") == 3000


def test_no_page_writes_the_next_pages_first_line(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    """Each line is written on its own page only (hidden text would be found by search)."""
    pages = write_pdf(demo_store, ReportOptions(), tmp_path / "r.pdf")
    assert "Distress across sessions" not in pages[0]
    assert pages[1].startswith("Distress across sessions")


def test_one_of_something_is_said_in_the_singular(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    session = store.sessions.add(NewSession(held_at=START, number_in_course=1), at=START)
    reflection = write_reflection(store, session.id, START, "Words", ["grief"], shareable=True)
    for number in range(6):
        store.insights.add(f"Insight {number}", shareable=True, at=START)
    options = replace(default_options(store, Period()), reflection_ids=frozenset({reflection}))
    text = " ".join(write_pdf(store, options, tmp_path / "r.pdf"))
    assert "In the dosing sessions of this period, Grief came up most (once)." in text
    assert "One more chosen insight follows." in text


def test_dates_are_in_the_period_only(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    period = Period(date(2026, 11, 10), date(2026, 11, 25))
    first = write_pdf(demo_store, ReportOptions(period=period), tmp_path / "r.pdf")[0]
    assert "Period: 10 November 2026 – 25 November 2026" in first
    assert "2 dosing sessions in this period." in first


def test_a_lone_quick_check_in_of_9_is_flagged_not_called_empty(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    store.check_ins.add_distress_rating(9, at=START)
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")
    assert "No sessions or reflections in this period yet." not in " ".join(pages)
    assert "Worth asking about" in pages[0]
    assert "Distress of 8 or more: 9 at a quick distress check-in (5 October 2026)" in pages[0]


def test_a_lone_phq9_with_only_item_9_answered_is_flagged(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    phq9 = questionnaire("phq9")
    check_in = store.check_ins.start(phq9.id, phq9.version, at=START)
    store.check_ins.save_answer(check_in.id, 9, 2)  # every other item skipped
    store.check_ins.complete(check_in.id, at=START)
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")
    assert "No sessions or reflections in this period yet." not in " ".join(pages)
    assert "Safety question answered above 0: PHQ-9 item 9, “More than half the days”" in pages[0]
    assert "PHQ-9 item 9" in " ".join(pages[1:])  # and in the flags section


def test_paper_too_small_is_refused_calmly(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    tiny = QPageSize(QSizeF(40, 40), QPageSize.Unit.Millimeter, "tiny")
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "tiny.pdf"
    with pytest.raises(ReportPaperError) as raised:
        save_report_pdf(demo_store, ReportOptions(), path, page_size=tiny)
    assert isinstance(raised.value, KapError)
    assert raised.value.message.startswith("This paper is too small for the printout.")
    assert list(folder.iterdir()) == []  # no file, and no half-written one
    a6 = write_pdf(demo_store, ReportOptions(), path, page_size=QPageSize(QPageSize.PageSizeId.A6))
    assert len(a6) > 1 and "Page 1 of" in a6[0]


def test_page_breaks_always_move_on(qapp: QApplication) -> None:
    """Even with no room at all, each page starts below the one before (no endless loop)."""
    document = QTextDocument()
    document.setHtml("<p>One line</p><p>and another</p>")
    starts = page_breaks(document, -10.0, lambda _block: 0, lambda _block: False)
    tops = [start.top for start in starts]
    assert tops == sorted(set(tops))  # each page one device pixel further on
    assert len(tops) < 100


def test_a_long_name_on_small_paper_never_overlaps_the_running_text(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    name = "  Rosalind\n\tMarguerite " + "Longname-" * 33  # 300 characters and more
    options = replace(ReportOptions(), client_name=name)
    path = tmp_path / "a6.pdf"
    writer = pdf_writer(path, QPageSize(QPageSize.PageSizeId.A6))
    report = build_report(demo_store, options, writer, today=TODAY)
    assert report.header_name.startswith("Rosalind Marguerite Longname-")  # one space each
    assert len(report.header_name) == NAME_CHARACTERS
    body = lay_out(report, writer).body
    metrics = QFontMetricsF(running_font(), writer)
    for pages in (1, 12, 888):
        pieces = running_layout(
            metrics,
            writer.width(),
            body,
            10.0,
            (report.header_period, report.header_name),
            1,
            pages,
        )
        extents = [(piece.rect.top(), *piece.extent(metrics)) for piece in pieces]
        for top, left, right in extents:
            assert 0 <= left < right <= writer.width()
            assert top >= 0 and top + metrics.height() <= writer.height()
        for index, (top, left, right) in enumerate(extents):
            for other_top, other_left, other_right in extents[index + 1 :]:
                same_row = abs(top - other_top) < metrics.height()
                assert not (same_row and left < other_right and other_left < right), pieces
        shown = " ".join(piece.text for piece in pieces)
        assert "Rosalind" in shown and "…" in shown  # the name, shortened
        assert "not a clinical record." in shown  # the footer note, whole, if on two lines
    del writer
    printed = write_pdf(demo_store, options, path, page_size=QPageSize(QPageSize.PageSizeId.A6))
    assert all("Self-reported; not a clinical record." in page for page in printed)


def test_page_one_promises_only_the_detail_that_follows(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    for number in range(1, 13):
        held = START + timedelta(days=3 * number)
        store.sessions.add(
            NewSession(held_at=held, number_in_course=number, distress_before=9), at=held
        )
    alone = ReportOptions(sections=frozenset({ReportSection.SUMMARY}))
    (page,) = write_pdf(store, alone, tmp_path / "alone.pdf")
    assert "The latest 8 of 12 are shown; the others are not in this printout." in page
    assert "and 8 earlier, not shown in this printout" in page
    assert "further on" not in page
    first = write_pdf(store, ReportOptions(), tmp_path / "all.pdf")[0]
    assert "The latest 8 of 12 are shown; every session is listed further on." in first
    assert "and 8 earlier, listed further on" in first


def test_page_one_and_the_theme_map_cannot_contradict_each_other(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    """Page 1 counts every chosen item; the map only those of the period's dosing sessions,
    and says so, also when it has nothing to show."""
    session = store.sessions.add(NewSession(held_at=START, number_in_course=1), at=START)
    write_reflection(store, None, START, "Between sessions", ["grief", "safety"], shareable=True)
    insight = store.insights.add("Not linked to a session", shareable=True, at=START)
    store.themes.set_for_insight(insight.id, ["grief"])
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")
    assert "Most frequent: Grief (2), Safety (1)" in pages[0]
    detail = " ".join(pages[1:])
    assert "No themes in the reflections and insights chosen." not in detail
    assert (
        "No themes in the chosen reflections and insights that belong to the dosing sessions "
        "of this period." in detail
    )
    write_reflection(store, session.id, START, "After the session", ["safety"], shareable=True)
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")
    assert "Most frequent: Grief (2), Safety (2)" in pages[0]
    detail = " ".join(pages[1:])
    assert "In the dosing sessions of this period, Safety came up most (once)." in detail


def test_the_clients_spacing_is_kept_and_long_lines_still_wrap(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    poem = "Breathe in,\n    hold it    there,\n        and  let  go."
    long_line = " ".join(["a long line of ordinary words"] * 30)
    reflection = write_reflection(store, None, START, f"{poem}\n\n{long_line}", [], shareable=True)
    options = replace(default_options(store, Period()), reflection_ids=frozenset({reflection}))
    writer = pdf_writer(tmp_path / "unused.pdf", QPageSize(QPageSize.PageSizeId.A4))
    laid_out = lay_out(build_report(store, options, writer, today=TODAY), writer)
    shown = laid_out.document.toPlainText()
    assert "    hold it    there," in shown
    assert "        and  let  go." in shown
    block = laid_out.document.findBlock(shown.index(long_line))
    assert block.text() == long_line
    assert block.layout().lineCount() > 5  # wrapped, not running off the page
    for index in range(block.layout().lineCount()):
        assert block.layout().lineAt(index).naturalTextWidth() <= laid_out.body.width()


def test_a_safety_answer_in_an_unfinished_check_in_is_flagged_as_unfinished(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    phq9 = questionnaire("phq9")
    check_in = store.check_ins.start(phq9.id, phq9.version, at=START)
    for item in range(1, 10):  # paused after the last question, never finished
        store.check_ins.save_answer(check_in.id, item, 1)
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "r.pdf")
    assert "PHQ-9 item 9, “Several days”, on" in pages[0]
    assert "(a check-in not finished yet)" in pages[0]
    assert "answered “Several days”, in a check-in not finished yet" in " ".join(pages[1:])

    store.check_ins.complete(check_in.id, at=START)  # once finished, it is flagged once, plainly
    pages = write_pdf(store, default_options(store, Period()), tmp_path / "again.pdf")
    assert "not finished" not in " ".join(pages)
    assert " ".join(pages).count("PHQ-9 item 9 (") == 1

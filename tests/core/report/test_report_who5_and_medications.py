"""The printout with WHO-5 (out of 100 on page 1's "Latest", in the check-ins section and its
chart) and the client's medication list, which goes in only when chosen; read back with pypdf,
and through the command line's `report --medications`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapcompanion.cli.report import run_report
from kapcompanion.demo import fill_demo
from kapcompanion.domain import NewMedication, NewSession
from kapcompanion.profile import Profile
from kapcompanion.report.content.build import build_content
from kapcompanion.report.content.options import ReportOptions, ReportSection
from kapcompanion.store import Store
from tests.core.report.test_report_content import TODAY
from tests.core.report.test_report_pdf import pages_text, write_pdf
from tests.e2e.test_cli_report import parse

CUT_50 = "the published screening cut-point for poor well-being"
INTERACTIONS = "questions about interactions with ketamine belong with the prescriber"
WITH_MEDICATIONS = ReportOptions(sections=ReportOptions().sections | {ReportSection.MEDICATIONS})


@pytest.fixture
def demo_store(store: Store) -> Store:
    fill_demo(store, today=TODAY)
    return store


def test_who5_is_on_page_one_and_in_the_check_ins_out_of_100(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    # The sample course's WHO-5: 9, 12 and 15 out of 25, so 36, 48 and 60 out of 100.
    pages = write_pdf(demo_store, ReportOptions(), tmp_path / "report.pdf")
    first = pages[0]
    assert "WHO-5 (higher is better)" in first
    assert "60 of 100 above 50 36 on 14 Oct 2026 +24" in first  # latest, band, first, change
    rest = " ".join(pages[1:])
    assert "WHO-5 Well-Being Index" in rest
    assert "36 (at or below 50)" in rest and "60 (above 50)" in rest
    assert "a higher score means better well-being" in rest
    assert f"at or below 50, {CUT_50}" in rest


def test_the_medication_list_is_left_out_unless_chosen(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    without = " ".join(write_pdf(demo_store, ReportOptions(), tmp_path / "without.pdf"))
    for words in ("Medication list", "Sertraline", "Melatonin", "Ibuprofen", INTERACTIONS):
        assert words not in without
    assert build_content(demo_store, ReportOptions(), TODAY).medications == ()


def test_the_chosen_medication_list_shows_current_then_past_with_the_prescriber_line(
    qapp: QApplication, demo_store: Store, tmp_path: Path
) -> None:
    pages = write_pdf(demo_store, WITH_MEDICATIONS, tmp_path / "with.pdf")
    text = " ".join(pages)
    assert text.count("Medication list") == 1
    listed = text[text.index("Medication list") :]
    assert INTERACTIONS in listed
    assert "The client's own list, kept for the prescriber as they wrote it." in listed
    # Current ones by name, then the past one; each with its dose as written and its notes.
    order = [listed.index(name) for name in ("Current", "Ibuprofen", "Sertraline", "Past")]
    assert order == sorted(order) and listed.index("Melatonin") > listed.index("Past")
    assert "50 mg tablet, one in the morning" in listed
    assert "400 mg when needed for headaches" in listed
    assert "Prescribed by Dr Hahn. Told the clinic before the first session." in listed
    assert "one at bedtime" in listed  # "2 mg prolonged-release" may wrap in its column


def test_any_unicode_and_an_empty_list_print_plainly(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    store.sessions.add(NewSession(held_at=datetime(2026, 11, 20, 10).astimezone()))
    empty = " ".join(write_pdf(store, WITH_MEDICATIONS, tmp_path / "empty.pdf"))
    assert "The medication list is empty." in empty and INTERACTIONS in empty
    store.medications.add(
        NewMedication(
            name="Ésciталопрам <b>",
            dose="5 mg & 10 mg",
            started_on=date(2026, 9, 1),
            notes="line one\nline two",
        )
    )
    text = " ".join(write_pdf(store, WITH_MEDICATIONS, tmp_path / "one.pdf"))
    # pypdf puts a space where the font changes (Latin to Cyrillic); the words are whole.
    assert "Ésciталопрам<b>" in text.replace(" ", "") and "5 mg & 10 mg" in text
    assert "line one" in text and "line two" in text


def test_the_command_line_adds_the_list_when_asked(
    qapp: QApplication, profile: Profile, tmp_path: Path
) -> None:
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        fill_demo(store)
    plain, listed = tmp_path / "plain.pdf", tmp_path / "listed.pdf"
    assert run_report(profile, parse("--out", str(plain))) == 0
    assert run_report(profile, parse("--out", str(listed), "--medications")) == 0
    assert "Sertraline" not in " ".join(pages_text(plain))
    assert "Sertraline" in " ".join(pages_text(listed))


def test_options_keep_their_sections_when_replaced() -> None:
    assert ReportSection.MEDICATIONS not in ReportOptions().sections
    chosen = replace(ReportOptions(), sections=frozenset({ReportSection.MEDICATIONS}))
    assert chosen.includes(ReportSection.MEDICATIONS)

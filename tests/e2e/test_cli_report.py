"""`kap-companion report`: the command module on real profiles, and the installed entry point
as a real process."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kapcompanion.cli.report import add_report_parser, report_options, run_report
from kapcompanion.errors import KapError, NoDataFileError
from kapcompanion.profile import Profile
from kapcompanion.report.content.options import NAME_CHARACTERS
from kapcompanion.store import Store
from tests.core.report.test_report_content import (
    PRIVATE_INSIGHT_WORDS,
    PRIVATE_REFLECTION_WORDS,
    SHARED_INSIGHT_WORDS,
    SHARED_REFLECTION_WORDS,
    seed_course,
)

ENTRY_POINT = Path(sys.executable).with_name("kap-companion")


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kap-companion")
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    add_report_parser(parser.add_subparsers(dest="command"), shared)
    return parser.parse_args(["report", *argv])


def pdf_text(path: Path) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        for page in PdfReader(path).pages
    ]


@pytest.fixture
def seeded_profile(profile: Profile) -> Profile:
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        seed_course(store)
    return profile


# Every in-process test asks for `qapp` first, so that the QApplication the UI tests need is
# the one application object (run_report would otherwise make a QGuiApplication).


def test_report_of_shareable_items_only(
    qapp: QApplication, seeded_profile: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "for my therapist.pdf"
    code = run_report(seeded_profile, parse("--out", str(out), "--name", "J. D."))
    assert code == 0
    printed = capsys.readouterr().out
    assert f"Report saved to {out}" in printed
    assert "1 reflection and 1 insight included" in printed
    text = " ".join(pdf_text(out))
    assert SHARED_REFLECTION_WORDS in text and SHARED_INSIGHT_WORDS in text
    assert PRIVATE_REFLECTION_WORDS not in text and PRIVATE_INSIGHT_WORDS not in text
    assert "From: J. D." in text


def test_include_all_and_a_date_range(
    qapp: QApplication, seeded_profile: Profile, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    assert run_report(seeded_profile, parse("--out", str(out), "--include-all")) == 0
    text = " ".join(pdf_text(out))
    assert PRIVATE_REFLECTION_WORDS in text and PRIVATE_INSIGHT_WORDS in text
    # 12 October holds the shared reflection, 19 October the private one.
    out = tmp_path / "range.pdf"
    argv = ("--out", str(out), "--include-all", "--from", "2026-10-18", "--to", "2026-10-20")
    assert run_report(seeded_profile, parse(*argv)) == 0
    pages = pdf_text(out)
    assert "Period: 18 October 2026 – 20 October 2026" in pages[0]
    text = " ".join(pages)
    assert PRIVATE_REFLECTION_WORDS in text and SHARED_REFLECTION_WORDS not in text


def test_paper_letter(qapp: QApplication, seeded_profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    assert run_report(seeded_profile, parse("--out", str(out), "--paper", "letter")) == 0
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_folder_with_no_data_is_refused_and_gets_no_pdf_nor_data_file(
    qapp: QApplication, profile: Profile, tmp_path: Path
) -> None:
    out = tmp_path / "empty.pdf"
    with pytest.raises(NoDataFileError) as refused:
        run_report(profile, parse("--out", str(out)))
    assert "There is no KAP Companion data in" in refused.value.message
    assert not out.exists()
    assert not profile.database_path.exists()


def test_mistakes_are_told_plainly(
    qapp: QApplication, seeded_profile: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(KapError) as backwards:
        run_report(
            seeded_profile,
            parse("--out", str(tmp_path / "r.pdf"), "--from", "2026-11-02", "--to", "2026-11-01"),
        )
    assert backwards.value.message.startswith("The period ends before it starts.")
    with pytest.raises(KapError) as unwritable:
        run_report(seeded_profile, parse("--out", str(tmp_path / "missing" / "r.pdf")))
    assert "could not be saved" in unwritable.value.message
    with pytest.raises(SystemExit):
        parse("--out", "r.pdf", "--from", "25/11/2026")
    assert "is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_the_help_says_after_effect_notes_are_printed_with_the_sessions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        parse("--help")
    shown = " ".join(capsys.readouterr().out.split())
    assert "The sessions section lists each session with your notes on its after-effects." in shown
    assert "(your notes on after-effects are printed with the sessions either way)" in shown


def test_a_name_is_tidied_and_capped_as_in_the_window(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    options = report_options(store, parse("--out", "r.pdf", "--name", "  J.\n\t D. " + "N" * 300))
    assert options.client_name.startswith("J. D. NNN")
    assert len(options.client_name) == NAME_CHARACTERS
    with pytest.raises(SystemExit):
        parse("--help")
    assert f"(up to {NAME_CHARACTERS} characters)" in " ".join(capsys.readouterr().out.split())


def test_the_installed_command(seeded_profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = subprocess.run(
        [str(ENTRY_POINT), "--data-dir", str(seeded_profile.folder), "report", "--out", str(out)],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert SHARED_INSIGHT_WORDS in " ".join(pdf_text(out))
    empty = tmp_path / "empty"
    result = subprocess.run(
        [str(ENTRY_POINT), "--data-dir", str(empty), "report", "--out", str(tmp_path / "e.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "There is no KAP Companion data in" in result.stderr
    assert not (tmp_path / "e.pdf").exists()

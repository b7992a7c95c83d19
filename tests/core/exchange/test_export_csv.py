"""The CSV export: one spreadsheet-friendly file per table in a zip, with a README."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kapcompanion.domain import NewSession
from kapcompanion.exchange import ExportFileExistsError, export_document, write_csv_export
from kapcompanion.exchange.export_csv import FORMULA_STARTS, formula_starts_in_words
from kapcompanion.exchange.schema import TABLES
from kapcompanion.store import Store
from tests.core.exchange.profiles import DRAFT_ANSWER, fill_everything
from tests.paths import REPOSITORY

BOM = b"\xef\xbb\xbf"
ROOT = REPOSITORY


@pytest.fixture
def archive(store: Store, tmp_path: Path) -> zipfile.ZipFile:
    fill_everything(store)
    summary = write_csv_export(store, tmp_path / "export.zip")
    assert summary.counts["reflections"] == len(export_document(store)["data"]["reflections"])
    return zipfile.ZipFile(tmp_path / "export.zip")


def rows(archive: zipfile.ZipFile, table: str) -> list[dict[str, str]]:
    content = archive.read(f"{table}.csv")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_the_zip_holds_a_readme_and_one_csv_per_table(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    assert names == {"README.txt"} | {f"{table.name}.csv" for table in TABLES}
    readme = archive.read("README.txt").decode("utf-8-sig")
    assert "JSON export" in readme
    assert "reflections.csv" in readme


def test_each_csv_starts_with_a_byte_order_mark_and_its_column_names(
    archive: zipfile.ZipFile,
) -> None:
    for table in TABLES:
        content = archive.read(f"{table.name}.csv")
        assert content.startswith(BOM), table.name
        header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert tuple(header) == table.field_names


def test_the_csv_has_as_many_rows_as_the_json_export(
    archive: zipfile.ZipFile, store: Store
) -> None:
    data = export_document(store)["data"]
    for table in TABLES:
        assert len(rows(archive, table.name)) == len(data[table.name]), table.name


def test_text_in_any_script_and_with_line_breaks_reads_back_whole(
    archive: zipfile.ZipFile,
) -> None:
    answers = [row["text"] for row in rows(archive, "answers")]
    assert DRAFT_ANSWER in answers
    notes = [row["text"] for row in rows(archive, "commitment_notes")]
    assert "'- tried it twice\n- easier the second time" in notes


def test_text_a_spreadsheet_would_calculate_is_kept_as_text(archive: zipfile.ZipFile) -> None:
    notes = {row["note"] for row in rows(archive, "distress_ratings")}
    assert "'=after the call" in notes


def test_yes_no_lists_and_empty_values_are_spreadsheet_friendly(
    archive: zipfile.ZipFile,
) -> None:
    insights = rows(archive, "insights")
    assert {row["pinned"] for row in insights} <= {"true", "false"}
    assert any(row["deleted_at"] == "" for row in insights)
    sessions = rows(archive, "sessions")
    assert any("; " in row["after_effects"] for row in sessions)
    assert all(not row["after_effects"].startswith("[") for row in sessions)


def test_an_existing_zip_is_never_overwritten(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    out.write_bytes(b"mine")
    with pytest.raises(ExportFileExistsError):
        write_csv_export(store, out)
    assert out.read_bytes() == b"mine"


def test_a_list_a_spreadsheet_would_calculate_is_kept_as_text(store: Store, tmp_path: Path) -> None:
    store.sessions.add(
        NewSession(held_at=datetime(2026, 11, 2, 10, tzinfo=UTC), after_effects=("=1+1", "nausea"))
    )
    write_csv_export(store, tmp_path / "export.zip")
    [session] = rows(zipfile.ZipFile(tmp_path / "export.zip"), "sessions")
    assert session["after_effects"] == "'=1+1; nausea"


def test_the_readme_and_the_docs_name_every_character_that_is_protected(
    archive: zipfile.ZipFile,
) -> None:
    readme = " ".join(archive.read("README.txt").decode("utf-8-sig").split())
    assert f"starts with {formula_starts_in_words()} has an apostrophe" in readme
    docs = " ".join((ROOT / "docs" / "export-format.md").read_text("utf-8").split())
    named = "`, `".join(start for start in FORMULA_STARTS if start.isprintable())
    assert f"`{named}`, a tab or a carriage return gets an apostrophe" in docs
    assert formula_starts_in_words() == "=, +, -, @, a tab or a carriage return"

"""The client's own crisis lines: kept as written, read back whatever is stored, refused with a
plain sentence when they cannot be kept, and carried by an export into another profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion.course.own_crisis_lines import (
    OWN_LINES_SETTING,
    OwnLine,
    checked_own_line,
    own_lines,
    save_own_lines,
)
from kapcompanion.errors import EntryRefusedError
from kapcompanion.exchange import import_file, write_json_export
from kapcompanion.store import Store

LINES = (
    OwnLine("Riverside crisis team", "+1 555 0142", "Ask for the night nurse"),
    OwnLine("Ngozi 🌻", "ngozi@example.org"),
    OwnLine("Télé-Accueil Genève — 夜間", "+41 22 000 00 00", "נסו שוב אם תפוס"),
)


def test_lines_read_back_in_their_order(store: Store) -> None:
    assert own_lines(store) == ()
    save_own_lines(store, LINES)
    assert own_lines(store) == LINES


def test_whatever_is_stored_reads_without_failing(store: Store) -> None:
    store.settings.set(
        OWN_LINES_SETTING,
        [
            {"name": "Kept", "contact": "1"},
            {"name": "", "contact": "2"},
            {"name": "No contact"},
            {"name": 3, "contact": "4"},
            "not a line",
            None,
        ],
    )
    assert own_lines(store) == (OwnLine("Kept", "1"),)
    store.settings.set(OWN_LINES_SETTING, {"name": "not a list"})
    assert own_lines(store) == ()


def test_a_line_is_tidied_before_it_is_kept() -> None:
    assert checked_own_line("  Riverside   team ", " 0142 ", " call late \n") == OwnLine(
        "Riverside team", "0142", "call late"
    )


@pytest.mark.parametrize(
    ("name", "contact", "note", "words"),
    [
        ("", "0142", "", "needs a name"),
        ("   ", "0142", "", "needs a name"),
        ("Riverside", "", "", "number or another way to reach it"),
        ("x" * 10_000, "0142", "", "up to 200 characters"),
        ("Riverside", "9" * 10_000, "", "up to 200 characters"),
        ("Half an emoji \ud83c", "0142", "", ""),
    ],
)
def test_what_cannot_be_kept_is_refused_in_plain_words(
    name: str, contact: str, note: str, words: str
) -> None:
    with pytest.raises(EntryRefusedError) as refused:
        checked_own_line(name, contact, note)
    assert words in refused.value.message
    assert "Traceback" not in refused.value.message


def test_a_long_note_is_kept_whole() -> None:
    note = "Ring twice. " * 800
    assert checked_own_line("Riverside", "0142", note).note == note.strip()


def test_own_lines_travel_in_an_export_and_back(store: Store, tmp_path: Path) -> None:
    save_own_lines(store, LINES)
    exported = write_json_export(store, tmp_path / "export.json").path
    with Store.open(tmp_path / "elsewhere.sqlite3") as elsewhere:
        import_file(elsewhere, exported)
        assert own_lines(elsewhere) == LINES
        import_file(elsewhere, exported)  # the same file again changes nothing
        assert own_lines(elsewhere) == LINES

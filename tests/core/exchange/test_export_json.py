"""The JSON export: everything the client has, in the documented format, the same every time."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kapcompanion import __version__
from kapcompanion.course.support import CONTACTS_SETTING, COUNTRY_SETTING, SAFETY_PLAN_SETTING
from kapcompanion.domain import NewSession, Phase
from kapcompanion.exchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ExportFileExistsError,
    ExportSummary,
    ExportWriteError,
    export_document,
    write_json_export,
)
from kapcompanion.store import Store
from tests.core.exchange.profiles import DRAFT_ANSWER, OWN_THEME, dump, fill_everything
from tests.raw_sql import connection_of

MOMENT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def full_store(store: Store) -> Store:
    fill_everything(store)
    return store


def test_the_file_names_its_format_version_time_and_app(full_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    write_json_export(full_store, out, now=MOMENT)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT_NAME == "kap-companion-export"
    assert document["version"] == FORMAT_VERSION == 2
    assert document["exported_at"] == "2026-11-25T12:00:00+00:00"
    assert document["app_version"] == __version__
    assert DRAFT_ANSWER in out.read_text(encoding="utf-8")  # other scripts written as themselves


def test_every_record_in_the_profile_is_in_the_export(full_store: Store) -> None:
    data = export_document(full_store)["data"]
    raw = dump(full_store.path)
    for table, rows in raw.items():
        if table != "settings":
            assert len(data[table]) == len(rows), table
    answers = [a["text"] for a in data["answers"]]
    assert DRAFT_ANSWER in answers
    prompts = {a["prompt_text"] for a in data["answers"]}
    assert "What is here?" in prompts
    assert OWN_THEME in [t["name"] for t in data["themes"] if not t["builtin"]]
    assert {"- tried it twice\n- easier the second time"} <= {
        n["text"] for n in data["commitment_notes"]
    }
    # The sample course's five quick check-ins, and the two added to it.
    assert sorted(r["value"] for r in data["distress_ratings"]) == [2, 3, 4, 4, 5, 6, 6]
    assert len(data["checkin_answers"]) > 0
    assert {"Playing the piano", "Cold showers"} == {p["name"] for p in data["own_practices"]}
    assert "=early" in {entry["note"] for entry in data["practice_entries"]}
    assert {"Sertraline", "Lorazepam"} <= {m["name"] for m in data["medications"]}


def test_drafts_and_recently_deleted_keep_their_state(full_store: Store) -> None:
    data = export_document(full_store)["data"]
    assert [r["status"] for r in data["reflections"]].count("draft") == 1
    assert sum(r["deleted_at"] is not None for r in data["reflections"]) == 1
    assert sum(i["deleted_at"] is not None for i in data["insights"]) == 1
    assert [c["status"] for c in data["checkins"]].count("draft") == 1
    assert sum(e["deleted_at"] is not None for e in data["practice_entries"]) == 1
    assert sum(m["deleted_at"] is not None for m in data["medications"]) == 1
    assert sum(p["deleted_at"] is not None for p in data["own_practices"]) == 1


def test_only_the_settings_that_belong_to_the_entries_travel(full_store: Store) -> None:
    settings = {s["key"]: s["value"] for s in export_document(full_store)["data"]["settings"]}
    assert settings[COUNTRY_SETTING] == "DE"
    assert settings[SAFETY_PLAN_SETTING]["warning_signs"] == ["Not sleeping"]
    assert settings[CONTACTS_SETTING]["therapist_name"] == "Dr Ana Müller"
    assert any(key.startswith("draft_insights:") for key in settings)
    assert "window.something_local" not in settings


def test_records_name_each_other_by_uuid_never_by_row_id(full_store: Store) -> None:
    data = export_document(full_store)["data"]
    assert not any("id" in record for records in data.values() for record in records)
    sessions = {s["uuid"]: s for s in data["sessions"]}
    linked = [r for r in data["reflections"] if r["session_uuid"] is not None]
    assert linked and all(r["session_uuid"] in sessions for r in linked)
    reflection = next(r for r in linked if r["deleted_at"] is None)
    stored = next(r for r in full_store.reflections.list() if r.uuid == reflection["uuid"])
    assert stored.session_id is not None
    assert full_store.sessions.get(stored.session_id).uuid == reflection["session_uuid"]


def test_values_have_their_json_types(full_store: Store) -> None:
    data = export_document(full_store)["data"]
    session = next(s for s in data["sessions"] if s["after_effects"])
    assert isinstance(session["after_effects"], list)
    assert isinstance(data["insights"][0]["pinned"], bool)
    assert all(
        datetime.fromisoformat(r["started_at"]).tzinfo is not None for r in data["reflections"]
    )


def test_two_exports_of_the_same_data_are_identical(full_store: Store, tmp_path: Path) -> None:
    write_json_export(full_store, tmp_path / "one.json", now=MOMENT)
    write_json_export(full_store, tmp_path / "two.json", now=MOMENT)
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    sessions = export_document(full_store)["data"]["sessions"]
    assert [s["held_at"] for s in sessions] == sorted(s["held_at"] for s in sessions)


def test_an_existing_file_is_kept_unless_replacing_is_asked_for(
    full_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "export.json"
    out.write_text("keep me")
    with pytest.raises(ExportFileExistsError) as refused:
        write_json_export(full_store, out)
    assert str(out) in refused.value.message
    assert out.read_text() == "keep me"
    write_json_export(full_store, out, replace=True)
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == FORMAT_NAME


def test_a_folder_that_cannot_be_written_is_a_clear_error_and_leaves_nothing(
    full_store: Store, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("in the way")
    with pytest.raises(ExportWriteError) as failed:
        write_json_export(full_store, tmp_path / "a-file" / "export.json")
    assert "not changed" in failed.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "profile"]


def test_progress_counts_up_to_every_record(full_store: Store) -> None:
    seen: list[tuple[int, int]] = []
    data = export_document(full_store, progress=lambda done, total: seen.append((done, total)))[
        "data"
    ]
    total = sum(len(records) for records in data.values())
    assert seen[0] == (0, total)
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_an_empty_profile_exports_the_built_in_themes_and_nothing_else(
    store: Store, tmp_path: Path
) -> None:
    summary = write_json_export(store, tmp_path / "empty.json")
    data = json.loads((tmp_path / "empty.json").read_text(encoding="utf-8"))["data"]
    assert data["themes"] and all(theme["builtin"] for theme in data["themes"])
    assert all(not records for table, records in data.items() if table != "themes")
    assert "no entries yet" in summary.describe()


def test_a_change_saved_while_the_export_reads_is_all_in_or_all_out(full_store: Store) -> None:
    # The window may save while an export runs on its own thread and connection. Here a new
    # session and a reflection about it are saved (by a second connection) just as the export
    # starts reading reflections, after it has read the sessions.
    sessions_before = len(dump(full_store.path)["sessions"])
    saved: list[str] = []
    with Store.open(full_store.path) as window:

        def save_meanwhile(statement: str) -> None:
            if "FROM reflections" in statement and not saved:
                session = window.sessions.add(NewSession(held_at=MOMENT, notes="Saved meanwhile"))
                window.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
                saved.append(session.uuid)

        connection_of(full_store).set_trace_callback(save_meanwhile)
        try:
            data = export_document(full_store)["data"]
        finally:
            connection_of(full_store).set_trace_callback(None)
    assert saved, "the change was saved during the export"
    sessions = {session["uuid"] for session in data["sessions"]}
    assert len(sessions) == sessions_before
    assert all(r["session_uuid"] in sessions | {None} for r in data["reflections"])
    again = export_document(full_store)["data"]
    assert saved[0] in {session["uuid"] for session in again["sessions"]}
    assert saved[0] in {r["session_uuid"] for r in again["reflections"]}


@pytest.mark.parametrize(
    ("counts", "held"),
    [
        ({"sessions": 1}, "1 session"),
        ({"sessions": 1, "insights": 2}, "1 session and 2 insights"),
        (
            {"reflections": 3, "commitments": 1, "settings": 1},
            "3 reflections, 1 small step and 1 setting",
        ),
    ],
)
def test_what_an_export_held_is_said_with_the_right_plurals(
    counts: dict[str, int], held: str, tmp_path: Path
) -> None:
    summary = ExportSummary(tmp_path / "out.json", counts)
    assert summary.describe() == f"Exported everything to {tmp_path / 'out.json'}: {held}."

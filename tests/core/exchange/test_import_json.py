"""Importing a JSON export: checked whole, all or nothing, the same file twice changes nothing,
and anything that is not a complete export from this version is refused with the profile
left exactly as it was."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapcompanion.course.support import COUNTRY_SETTING, safety_plan, save_safety_plan
from kapcompanion.domain import DeletedKind, NewSession, Phase, utc_now
from kapcompanion.exchange import (
    FORMAT_VERSION,
    ExchangeError,
    ForeignFileError,
    ImportConflictError,
    ImportTooLargeError,
    ImportUnreadableError,
    IncompleteExportError,
    InvalidExportError,
    NewerExportError,
    SpreadsheetExportError,
    export_document,
    import_document,
    import_file,
    parse_export,
    read_export,
    to_json_text,
    write_csv_export,
    write_json_export,
)
from kapcompanion.exchange.import_json import LARGEST_IMPORT_BYTES
from kapcompanion.exchange.summary import COUNTED, ImportSummary
from kapcompanion.store import Store
from tests.core.exchange.profiles import DRAFT_ANSWER, OWN_THEME, dump, fill_everything
from tests.raw_sql import connection_of


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    """A JSON export of a full profile (sample course plus drafts, deletions and settings)."""
    with Store.open(tmp_path / "source.sqlite3") as source:
        fill_everything(source)
        return write_json_export(source, tmp_path / "export.json").path


# Round trip ---------------------------------------------------------------------------------


def test_export_import_export_into_an_empty_profile_gives_the_same_json(
    export_file: Path, store: Store
) -> None:
    summary = import_file(store, export_file)
    again = export_document(store)
    assert without_time(again) == without_time(json.loads(export_file.read_text("utf-8")))
    assert summary.added["reflections"] == len(again["data"]["reflections"])
    assert summary.already_here_total == 0
    draft = store.reflections.unfinished()[0]
    assert store.reflections.get(draft.id).answers[1].text == DRAFT_ANSWER
    assert store.settings.get(COUNTRY_SETTING) == "DE"


texts = st.text(max_size=80)
words = st.text(min_size=1, max_size=40).filter(lambda text: bool(text.strip()))
profiles = st.fixed_dictionaries(
    {
        "sessions": st.lists(st.tuples(texts, texts, texts, words), max_size=3),
        "answers": st.lists(st.tuples(texts, texts), max_size=4),
        "insights": st.lists(words, max_size=3),
        "themes": st.lists(words, max_size=2),
        "note": texts,
        "plan": st.lists(words, max_size=3),
        "finished": st.booleans(),
    }
)


def fill_from(store: Store, drawn: dict[str, Any]) -> None:
    """A profile made of whatever text hypothesis drew, through the store's own methods."""
    sessions = [
        store.sessions.add(
            NewSession(
                held_at=utc_now(),
                intention=intention,
                notes=notes,
                setting=setting,
                after_effects=(effect,),
            )
        )
        for intention, notes, setting, effect in drawn["sessions"]
    ]
    keys = []
    for name in drawn["themes"]:
        with contextlib.suppress(ValueError):  # the same name twice, or a built-in's name
            keys.append(store.themes.add(name).key)
    reflection = store.reflections.start(
        Phase.OPEN, "open", 1, session_id=sessions[0].id if sessions else None
    )
    for position, (prompt, answer) in enumerate(drawn["answers"]):
        store.reflections.save_answer(
            reflection.id,
            position=position,
            prompt_id=f"p{position}",
            prompt_text=prompt,
            text=answer,
            skipped=not answer,
        )
    store.themes.set_for_reflection(reflection.id, keys)
    if drawn["finished"]:
        store.reflections.finish(
            reflection.id, distress_end=3, insights=drawn["insights"], theme_keys=keys
        )
    for insight in store.insights.list():
        commitment = store.insights.add_commitment(insight.id, drawn["note"] or "a step")
        if drawn["note"].strip():
            store.insights.add_commitment_note(commitment.id, drawn["note"])
    store.check_ins.add_distress_rating(5, note=drawn["note"])
    save_safety_plan(store, {"warning_signs": drawn["plan"]})


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=profiles)
def test_any_unicode_profile_survives_export_and_import_exactly(
    tmp_path_factory: pytest.TempPathFactory, drawn: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("round-trip")
    with Store.open(folder / "source.sqlite3") as source:
        fill_from(source, drawn)
        first = write_json_export(source, folder / "first.json").path
    with Store.open(folder / "target.sqlite3") as target:
        import_file(target, first)
        second = write_json_export(target, folder / "second.json").path
    assert without_time(json.loads(first.read_text("utf-8"))) == without_time(
        json.loads(second.read_text("utf-8"))
    )


# Merging -------------------------------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing(export_file: Path, store: Store) -> None:
    import_file(store, export_file)
    before = dump(store.path)
    second = import_file(store, export_file)
    assert dump(store.path) == before
    assert second.added_total == 0
    assert second.already_here_total > 0
    assert "already here" in second.describe()


def test_an_import_adds_to_what_is_already_there(export_file: Path, store: Store) -> None:
    mine = store.insights.add("Mine, written before the import")
    summary = import_file(store, export_file)
    imported = read_export(export_file).tables["insights"]
    live = {insight["uuid"] for insight in imported if insight["deleted_at"] is None}
    assert {insight.uuid for insight in store.insights.list()} == live | {mine.uuid}
    assert summary.describe().startswith("Added ")


def test_a_record_already_here_is_left_as_it_is(export_file: Path, store: Store) -> None:
    import_file(store, export_file)
    insight = store.insights.list()[0]
    store.insights.update(insight.id, text="Changed here after the import")
    reflection = store.reflections.unfinished()[0]
    store.themes.set_for_reflection(reflection.id, [])
    summary = import_file(store, export_file)
    assert store.insights.get(insight.id).text == "Changed here after the import"
    assert store.themes.keys_for_reflection(reflection.id) == []
    assert summary.added_total == 0


def test_a_theme_of_your_own_is_matched_by_its_name_and_settings_are_not_overwritten(
    export_file: Path, store: Store
) -> None:
    own = store.themes.add(OWN_THEME)
    save_safety_plan(store, {"warning_signs": ["My own sign"]})
    summary = import_file(store, export_file)
    assert [t.name for t in store.themes.list()].count(OWN_THEME) == 1
    assert summary.already_here["themes"] == 1
    draft = store.reflections.unfinished()[0]
    assert own.key in store.themes.keys_for_reflection(draft.id)
    assert safety_plan(store)["warning_signs"] == ["My own sign"]
    assert store.settings.get(COUNTRY_SETTING) == "DE"


def test_settings_this_version_does_not_know_are_skipped(
    export_file: Path, store: Store, tmp_path: Path
) -> None:
    document = json.loads(export_file.read_text("utf-8"))
    document["data"]["settings"].append(
        {"key": "window.geometry", "value": [1, 2], "updated_at": "2026-11-01T10:00:00+00:00"}
    )
    extended = tmp_path / "extended.json"
    extended.write_text(json.dumps(document), "utf-8")
    summary = import_file(store, extended)
    assert store.settings.get("window.geometry") is None
    # the plan, contacts, country, own lines, schedule, journal and the sample practice reminder
    assert summary.added["settings"] == 7
    assert summary.already_here["settings"] == 0


def counts_of(**given: int) -> dict[str, int]:
    return {**dict.fromkeys(COUNTED, 0), **given}


SUMMARIES = {
    "nothing at all": (
        counts_of(),
        counts_of(),
        "The file holds no entries, so nothing was added.",
    ),
    "one already here": (
        counts_of(),
        counts_of(sessions=1),
        "Nothing new was added: the one entry in the file was already here.",
    ),
    "all already here": (
        counts_of(),
        counts_of(sessions=2, settings=1),
        "Nothing new was added: all 3 entries in the file were already here.",
    ),
    "one of one kind added": (counts_of(insights=1), counts_of(), "Added 1 insight."),
    "several kinds added": (
        counts_of(sessions=2, reflections=1, commitment_notes=1, themes=1),
        counts_of(),
        "Added 2 sessions, 1 reflection, 1 note on your small steps and 1 theme of your own.",
    ),
    "added and one here": (
        counts_of(checkins=3),
        counts_of(insights=1),
        "Added 3 questionnaires; 1 entry was already here.",
    ),
    "added and several here": (
        counts_of(distress_ratings=1, settings=2),
        counts_of(insights=4),
        "Added 1 distress check-in and 2 settings; 4 entries were already here.",
    ),
}


@pytest.mark.parametrize("case", SUMMARIES, ids=list(SUMMARIES))
def test_what_an_import_did_is_said_with_the_right_plurals(case: str) -> None:
    added, already_here, sentence = SUMMARIES[case]
    assert ImportSummary(added, already_here).describe() == sentence


def test_progress_reaches_every_record_of_the_file(export_file: Path, store: Store) -> None:
    seen: list[tuple[int, int]] = []
    import_file(store, export_file, progress=lambda done, total: seen.append((done, total)))
    total = read_export(export_file).record_count
    assert seen[0] == (0, total)
    assert seen[-1] == (total, total)


def test_stopping_part_way_writes_nothing(export_file: Path, store: Store) -> None:
    before = dump(store.path)

    def stop_half_way(done: int, total: int) -> None:
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(store, export_file, progress=stop_half_way)
    assert dump(store.path) == before


def test_a_clash_with_an_entry_already_here_rolls_everything_back(
    export_file: Path, store: Store
) -> None:
    document = json.loads(export_file.read_text("utf-8"))
    stolen = document["data"]["answers"][-1]["uuid"]
    other = store.reflections.start(Phase.OPEN, "open", 1)
    store.reflections.save_answer(other.id, position=0, prompt_id="x", prompt_text="?", text="mine")
    connection_of(store).execute(
        "UPDATE answers SET uuid = ? WHERE reflection_id = ?", [stolen, other.id]
    )
    before = dump(store.path)
    with pytest.raises(ImportConflictError) as refused:
        import_file(store, export_file)
    assert "clash with different entries already here" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert "constraint" not in refused.value.message.lower()  # SQLite's words stay out of it
    assert dump(store.path) == before


@pytest.mark.parametrize("debugging", [False, True])
def test_sqlite_s_own_words_are_written_out_only_when_debugging(
    debugging: bool,
    export_file: Path,
    store: Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KAP_COMPANION_DEBUG", raising=False)
    if debugging:
        monkeypatch.setenv("KAP_COMPANION_DEBUG", "1")
    stolen = document_of(export_file)["data"]["answers"][-1]["uuid"]
    other = store.reflections.start(Phase.OPEN, "open", 1)
    store.reflections.save_answer(other.id, position=0, prompt_id="x", prompt_text="?", text="mine")
    connection_of(store).execute(
        "UPDATE answers SET uuid = ? WHERE reflection_id = ?", [stolen, other.id]
    )
    with pytest.raises(ImportConflictError):
        import_file(store, export_file)
    assert ("UNIQUE constraint failed" in capsys.readouterr().err) is debugging


def test_a_built_in_theme_under_another_key_is_matched_by_its_uuid(
    export_file: Path, store: Store, tmp_path: Path
) -> None:
    document = document_of(export_file)
    builtin = next(theme for theme in document["data"]["themes"] if theme["builtin"])
    builtin["key"] = "renamed_elsewhere"
    renamed = tmp_path / "renamed.json"
    renamed.write_text(json.dumps(document), "utf-8")
    themes_before = {theme.uuid: theme.key for theme in store.themes.list()}
    import_file(store, renamed)
    themes_after = {theme.uuid: theme.key for theme in store.themes.list()}
    assert themes_after[builtin["uuid"]] == themes_before[builtin["uuid"]]
    assert "renamed_elsewhere" not in themes_after.values()
    assert len(themes_after) == len(themes_before) + 1  # only the theme of the client's own


def test_a_file_saved_with_a_byte_order_mark_is_imported(
    export_file: Path, store: Store, tmp_path: Path
) -> None:
    notepad = tmp_path / "notepad.json"
    notepad.write_bytes(b"\xef\xbb\xbf" + export_file.read_bytes())
    summary = import_file(store, notepad)
    assert summary.added["reflections"] == len(read_export(export_file).tables["reflections"])


# Refusals ------------------------------------------------------------------------------------


def test_a_file_far_larger_than_any_export_is_refused_before_it_is_read(
    store: Store, tmp_path: Path
) -> None:
    huge = tmp_path / "film.json"
    with huge.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(LARGEST_IMPORT_BYTES + 1)
    before = dump(store.path)
    with pytest.raises(ImportTooLargeError) as refused:
        import_file(store, huge)
    assert "larger than an export can be (512 MB)" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert dump(store.path) == before


@pytest.mark.parametrize(
    "start", [b"PK\x05\x06", b"  \n[1, 2]", b"\xef\xbb\xbf Dear diary", b"\x00" * 70_000]
)
def test_a_file_that_does_not_start_like_an_export_is_refused_as_foreign(
    start: bytes, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_bytes(start + b'{"format": "kap-companion-export"}' * 1000)
    with pytest.raises(ForeignFileError) as refused:
        read_export(other)
    assert "not made by KAP Companion" in refused.value.message


def test_a_csv_export_chosen_by_mistake_is_refused_as_one(store: Store, tmp_path: Path) -> None:
    zipped = write_csv_export(store, tmp_path / "tables.zip").path
    with pytest.raises(SpreadsheetExportError) as refused:
        import_file(store, zipped)
    assert "only a JSON export can be imported" in refused.value.message


def document_of(export_file: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(export_file.read_text("utf-8"))
    return document


def first_record(table: str, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["data"][table][0].update(changes)

    return change


def drop_field(table: str, field: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document["data"][table][0][field]

    return change


def repeat_first(table: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["data"][table].append(deepcopy(document["data"][table][0]))

    return change


def drop_table(table: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document["data"][table]

    return change


def phq9_check_in(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        checkin = next(c for c in document["data"]["checkins"] if c["instrument"] == "phq9")
        checkin.update(changes)

    return change


def setting(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        record = next(s for s in document["data"]["settings"] if s["key"].startswith(key))
        record["value"] = value

    return change


BROKEN_RECORDS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "unknown phase": (first_record("reflections", phase="someday"), '"phase"'),
    "distress above 10": (first_record("sessions", distress_before=11), '"distress_before"'),
    "number as text": (first_record("sessions", distress_after="7"), '"distress_after"'),
    "true as a number": (first_record("insights", pinned=1), '"pinned"'),
    "time without offset": (first_record("sessions", held_at="2026-10-18T10:00:00"), '"held_at"'),
    "not a uuid": (first_record("insights", uuid="insight-1"), '"uuid"'),
    "missing field": (drop_field("answers", "prompt_text"), '"prompt_text"'),
    "unknown field": (first_record("insights", mood="calm"), '"mood"'),
    "dangling reference": (
        first_record("answers", reflection_uuid="00000000-0000-4000-8000-000000000000"),
        '"reflection_uuid"',
    ),
    "repeated uuid": (repeat_first("sessions"), "same"),
    "huge number": (first_record("reflections", current_position=2**70), '"current_position"'),
    "broken character": (first_record("insights", text="half \ud800 a pair"), '"text"'),
    "missing table": (drop_table("commitments"), '"commitments"'),
    "year 1 east of UTC": (
        first_record("sessions", held_at="0001-01-01T00:00:00+05:00"),
        '"held_at"',
    ),
    "year 9999 west of UTC": (
        first_record("insights", created_at="9999-12-31T23:00:00-05:00"),
        '"created_at"',
    ),
    "year 1 in UTC": (first_record("sessions", updated_at="0001-01-01T05:00:00+00:00"), "years"),
    "unknown questionnaire": (first_record("checkins", instrument="bdi2"), '"instrument"'),
    "answer not an option": (first_record("checkin_answers", value=999), '"value"'),
    "item not in the questionnaire": (
        first_record("checkin_answers", item_number=30),
        '"item_number"',
    ),
    "extra answer not an option": (phq9_check_in(extra_answer=999), '"extra_answer"'),
    "plan section not a list": (
        setting("support.safety_plan", {"warning_signs": "Not sleeping"}),
        '"support.safety_plan"',
    ),
    "contact not text": (
        setting("support.contacts", {"therapist_name": ["Dr Ana"]}),
        '"support.contacts"',
    ),
    "country not text": (setting("support.country", ["DE"]), '"support.country"'),
    "own line with a number for a name": (
        setting("support.own_lines", [{"name": 112, "contact": "112"}]),
        '"support.own_lines"',
    ),
    "negative schedule": (setting("checkins.every_days", {"phq9": -7}), '"checkins.every_days"'),
    "schedule in half days": (
        setting("checkins.every_days", {"phq9": 3.5}),
        '"checkins.every_days"',
    ),
    "gate as text": (
        setting("journal.gate_difficult_entries", "no"),
        '"journal.gate_difficult_entries"',
    ),
    "draft insights as text": (setting("draft_insights:", "Bread means safety"), "draft_insights:"),
}


@pytest.mark.parametrize("case", BROKEN_RECORDS, ids=list(BROKEN_RECORDS))
def test_a_file_with_one_bad_record_is_refused_and_says_which(
    case: str, export_file: Path, store: Store, tmp_path: Path
) -> None:
    fill_everything(store)
    before = dump(store.path)
    document = document_of(export_file)
    change, named = BROKEN_RECORDS[case]
    change(document)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), "utf-8")
    with pytest.raises(InvalidExportError) as refused:
        import_file(store, broken)
    assert named in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert dump(store.path) == before


def test_the_refusal_names_the_record_that_is_wrong(export_file: Path) -> None:
    document = document_of(export_file)
    document["data"]["reflections"][2]["status"] = "half"
    with pytest.raises(InvalidExportError) as refused:
        parse_export(json.dumps(document), "file.json")
    uuid = document["data"]["reflections"][2]["uuid"]
    assert refused.value.where == f'record 3 in "reflections" (uuid {uuid})'
    assert "draft, complete" in refused.value.reason


@pytest.mark.parametrize("kept", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_file_is_refused_as_incomplete(
    kept: float, export_file: Path, store: Store, tmp_path: Path
) -> None:
    content = export_file.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(content[: int(len(content) * kept)])
    before = dump(store.path)
    with pytest.raises(IncompleteExportError) as refused:
        import_file(store, cut)
    assert "not a complete KAP Companion export" in refused.value.message
    assert dump(store.path) == before


FOREIGN = {
    "a list": "[1, 2, 3]",
    "another program": '{"format": "someone-else", "version": 1, "data": {}}',
    "no format": '{"version": 1, "data": {"sessions": []}}',
    "a string": '"kap-companion-export"',
}


@pytest.mark.parametrize("text", FOREIGN.values(), ids=list(FOREIGN))
def test_json_from_another_program_is_refused(text: str, store: Store) -> None:
    with pytest.raises(ForeignFileError) as refused:
        parse_export(text, "other.json")
    assert "not made by KAP Companion" in refused.value.message


NOT_JSON = {
    "empty": b"",
    "words": b"Dear diary",
    "latin-1": '{"format": "kap-companion-export", "x": "caf\xe9"}'.encode("latin-1"),
    "not a number": b'{"format": "kap-companion-export", "version": NaN}',
    "very deep": b"[" * 100_000,
}


@pytest.mark.parametrize("content", NOT_JSON.values(), ids=list(NOT_JSON))
def test_a_file_that_is_not_json_is_refused_as_incomplete(content: bytes) -> None:
    with pytest.raises(IncompleteExportError):
        parse_export(content, "notes.txt")


def test_a_file_from_a_newer_version_is_refused(
    export_file: Path, store: Store, tmp_path: Path
) -> None:
    document = document_of(export_file)
    document["version"] = FORMAT_VERSION + 1
    document["data"]["new_kind_of_thing"] = []
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document), "utf-8")
    before = dump(store.path)
    with pytest.raises(NewerExportError) as refused:
        import_file(store, newer)
    assert refused.value.version == FORMAT_VERSION + 1
    assert "newer version" in refused.value.message
    assert dump(store.path) == before


@pytest.mark.parametrize("version", [0, True, "1", None])
def test_a_format_version_this_app_never_wrote_is_refused(
    version: object, export_file: Path
) -> None:
    document = document_of(export_file)
    document["version"] = version
    with pytest.raises(InvalidExportError):
        parse_export(json.dumps(document), "odd.json")


def test_a_missing_file_is_a_clear_error(tmp_path: Path, store: Store) -> None:
    with pytest.raises(ImportUnreadableError) as refused:
        import_file(store, tmp_path / "nowhere.json")
    assert "could not be read" in refused.value.message


def test_every_refusal_is_a_kap_error_with_a_calm_sentence(export_file: Path) -> None:
    for content in (b"{", b"[]", to_json_text({"format": "kap-companion-export", "version": 9})):
        with pytest.raises(ExchangeError) as refused:
            parse_export(content, "x.json")
        assert refused.value.message.endswith(".")
        assert "!" not in refused.value.message


def test_the_import_runs_in_one_transaction(export_file: Path, store: Store) -> None:
    # A commit between tables would show here: another connection sees all or nothing.
    watcher = sqlite3.connect(store.path)
    seen: list[int] = []

    def look(done: int, total: int) -> None:
        seen.append(watcher.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])

    import_document(store, read_export(export_file), progress=look)
    assert set(seen) == {0}
    assert watcher.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] > 0
    watcher.close()


def test_what_went_to_recently_deleted_together_comes_back_together_after_import(
    tmp_path: Path, store: Store
) -> None:
    with Store.open(tmp_path / "source.sqlite3") as source:
        session = source.sessions.add(NewSession(held_at=utc_now(), intention="Gentleness."))
        reflection = source.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
        source.insights.add("Rest is allowed.", reflection_id=reflection.id)
        source.deleted.move(DeletedKind.SESSION, session.id, with_insights=True)
        export = write_json_export(source, tmp_path / "export.json").path
    import_file(store, export)
    (item,) = store.deleted.items()
    assert (item.description, item.reflections_with_it, item.insights_with_it) == (
        "Gentleness.",
        1,
        1,
    )
    store.deleted.restore(item.kind, item.id)
    assert [each.intention for each in store.sessions.list()] == ["Gentleness."]
    assert len(store.reflections.list()) == 1
    assert [each.text for each in store.insights.list()] == ["Rest is allowed."]

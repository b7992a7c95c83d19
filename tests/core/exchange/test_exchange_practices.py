"""Export and import of the practice log and the medication list: every new kind makes the
round trip, a practice of the client's own joins the one of the same name, a version 1 export
(made by the code before the practice log) still imports, and bad records are refused."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kapcompanion.data_files.builtin_themes import builtin_themes
from kapcompanion.domain import (
    DeletedKind,
    Medication,
    NewPracticeEntry,
    PracticeEntry,
    PracticeRef,
)
from kapcompanion.exchange import (
    FORMAT_VERSION,
    InvalidExportError,
    export_document,
    import_file,
    write_csv_export,
    write_json_export,
)
from kapcompanion.exchange.schema import tables_of_version
from kapcompanion.store import Store
from tests.core.exchange.profiles import dump, fill_everything

VERSION_1 = Path(__file__).parent / "fixtures" / "export_version_1.json"
NEW_KINDS = ("own_practices", "practice_entries", "medications")


def without_ids(record: PracticeEntry | Medication) -> dict[str, Any]:
    """A record's fields but its local row ids (another profile numbers its rows its own way)."""
    fields = dataclasses.asdict(record)
    del fields["id"]
    if isinstance(record, PracticeEntry):
        fields["practice"].pop("own_id")
    return fields


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    with Store.open(tmp_path / "source.sqlite3") as source:
        fill_everything(source)
        return write_json_export(source, tmp_path / "export.json").path


def test_every_new_kind_comes_back_after_export_and_import(tmp_path: Path, store: Store) -> None:
    with Store.open(tmp_path / "source.sqlite3") as source:
        fill_everything(source)
        path = write_json_export(source, tmp_path / "export.json").path
        entries = [without_ids(entry) for entry in source.practices.entries()]
        medications = [without_ids(medication) for medication in source.medications.list()]
        own = [(practice.uuid, practice.name) for practice in source.practices.own()]
        deleted = {(item.kind, item.description) for item in source.deleted.items()}

    summary = import_file(store, path)

    assert [without_ids(entry) for entry in store.practices.entries()] == entries
    assert [without_ids(medication) for medication in store.medications.list()] == medications
    assert [(practice.uuid, practice.name) for practice in store.practices.own()] == own
    assert {(item.kind, item.description) for item in store.deleted.items()} == deleted
    assert {DeletedKind.PRACTICE, DeletedKind.MEDICATION} <= {kind for kind, _ in deleted}
    assert (summary.added["practice_entries"], summary.added["medications"]) == (24, 4)
    assert "24 practices logged, 2 practices of your own, 4 medications" in summary.describe()
    again = import_file(store, path)
    assert again.added_total == 0


def test_a_practice_of_your_own_joins_the_one_of_the_same_name(
    export_file: Path, store: Store
) -> None:
    here = store.practices.add_own("playing THE  piano")
    mine = store.practices.log(
        NewPracticeEntry(PracticeRef(own_id=here.id), datetime(2026, 1, 2, 9, tzinfo=UTC))
    )

    summary = import_file(store, export_file)

    assert [p.name for p in store.practices.own()] == ["playing THE piano"]
    from_file = [e for e in store.practices.entries() if e.practice.own_id is not None]
    assert {e.practice.own_id for e in from_file if e.own_name != "Cold showers"} == {here.id}
    assert mine in from_file
    assert summary.already_here["own_practices"] == 1


def test_an_export_from_before_the_practice_log_still_imports(store: Store, tmp_path: Path) -> None:
    old = json.loads(VERSION_1.read_text("utf-8"))
    assert old["version"] == 1 and not set(NEW_KINDS) & set(old["data"])

    summary = import_file(store, VERSION_1)

    assert summary.added["sessions"] == 7 and summary.added["reflections"] == 19
    assert store.practices.entries() == [] and store.medications.list() == []
    now = export_document(store)
    assert now["version"] == FORMAT_VERSION
    # Built-in themes take this version's colours; everything else comes back as it was.
    colour_now = {theme.key: theme.colour for theme in builtin_themes()}
    for theme in old["data"]["themes"]:
        if theme["builtin"]:
            theme["colour"] = colour_now[theme["key"]]
    for spec in tables_of_version(1):
        assert now["data"][spec.name] == old["data"][spec.name], spec.name
    assert all(now["data"][kind] == [] for kind in NEW_KINDS)
    assert import_file(store, VERSION_1).added_total == 0


def test_a_version_1_file_with_a_list_of_version_2_is_refused(store: Store, tmp_path: Path) -> None:
    old = json.loads(VERSION_1.read_text("utf-8"))
    old["data"]["medications"] = []
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(old), "utf-8")
    with pytest.raises(InvalidExportError) as refused:
        import_file(store, odd)
    assert '"medications"' in refused.value.message


def first(table: str, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["data"][table][0].update(changes)

    return change


def both_practices(document: dict[str, Any]) -> None:
    entries = document["data"]["practice_entries"]
    own = document["data"]["own_practices"][0]["uuid"]
    next(e for e in entries if e["builtin_key"])["own_practice_uuid"] = own


BROKEN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "no practice": (
        first("practice_entries", builtin_key=None, own_practice_uuid=None),
        '"builtin_key" or "own_practice_uuid"',
    ),
    "two practices": (both_practices, '"builtin_key" or "own_practice_uuid"'),
    "key not a key": (first("practice_entries", builtin_key="Time Outdoors"), '"builtin_key"'),
    "no minutes": (first("practice_entries", minutes=0), '"minutes"'),
    "more than a day": (first("practice_entries", minutes=1441), '"minutes"'),
    "minutes as text": (first("practice_entries", minutes="20"), '"minutes"'),
    "negative minutes": (first("practice_entries", minutes=-5), '"minutes"'),
    "empty own name": (first("own_practices", name="  "), '"name"'),
    "huge medication name": (first("medications", name="x" * 10_000), '"name" of 10,000'),
    "stopped before started": (
        first("medications", started_on="2026-05-02", stopped_on="2026-05-01"),
        '"stopped_on" before "started_on"',
    ),
    "no such day": (first("medications", started_on="2026-02-30"), '"started_on"'),
    "a time, not a day": (
        first("medications", stopped_on="2026-02-03T10:00:00+00:00"),
        '"stopped_on"',
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_bad_practice_or_medication_record_is_refused_and_says_which(
    case: str, export_file: Path, store: Store, tmp_path: Path
) -> None:
    before = dump(store.path)
    document = json.loads(export_file.read_text("utf-8"))
    change, named = BROKEN[case]
    change(document)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), "utf-8")
    with pytest.raises(InvalidExportError) as refused:
        import_file(store, broken)
    assert named in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert dump(store.path) == before


def test_the_csv_export_holds_the_practice_log_and_the_medication_list(
    store: Store, tmp_path: Path
) -> None:
    fill_everything(store)
    melatonin = next(m for m in store.medications.list() if m.name == "Melatonin")
    write_csv_export(store, tmp_path / "export.zip")
    archive = zipfile.ZipFile(tmp_path / "export.zip")

    def rows(table: str) -> list[dict[str, str]]:
        text = archive.read(f"{table}.csv").decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline="")))

    entries = rows("practice_entries")
    assert len(entries) == 24
    assert "'=early" in {entry["note"] for entry in entries}  # not taken for a formula
    assert {entry["minutes"] for entry in entries} >= {"", "480", "35"}
    medications = {m["name"]: m for m in rows("medications")}
    assert melatonin.stopped_on is not None
    assert medications["Melatonin"]["stopped_on"] == melatonin.stopped_on.isoformat()
    assert medications["Ibuprofen"]["started_on"] == ""
    assert medications["Lorazepam"]["notes"] == "'- old"
    assert {p["name"] for p in rows("own_practices")} == {"Playing the piano", "Cold showers"}
    readme = archive.read("README.txt").decode("utf-8-sig")
    assert "- medications.csv: 4 rows" in readme

"""A WHO-5 check-in makes the round trip through the JSON export and import with its answers
and its score, is a row of the CSV export, and an instrument the app does not know is refused."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kapcompanion.data_files.questionnaires import questionnaire, score
from kapcompanion.exchange import (
    InvalidExportError,
    import_file,
    write_csv_export,
    write_json_export,
)
from kapcompanion.store import Store

ANSWERS = {1: 3, 2: 2, 3: 4, 4: 1, 5: 3}  # 13 out of 25: 52 out of 100
TAKEN = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def take_who5(store: Store) -> None:
    check_in = store.check_ins.start("who5", questionnaire("who5").version, at=TAKEN)
    for number, value in ANSWERS.items():
        store.check_ins.save_answer(check_in.id, number, value)
    store.check_ins.complete(check_in.id, at=TAKEN)


def test_a_who5_check_in_comes_back_whole(tmp_path: Path, store: Store) -> None:
    with Store.open(tmp_path / "source.sqlite3") as source:
        take_who5(source)
        path = write_json_export(source, tmp_path / "export.json").path
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [row["instrument"] for row in document["data"]["checkins"]] == ["who5"]

    import_file(store, path)
    [back] = store.check_ins.completed("who5")
    assert back.answers == ANSWERS
    assert back.completed_at == TAKEN
    assert score(questionnaire("who5"), back.answers).scaled_total == 52
    assert import_file(store, path).added_total == 0  # the same file again adds nothing


def test_the_csv_export_has_the_who5_check_in(tmp_path: Path, store: Store) -> None:
    take_who5(store)
    write_csv_export(store, tmp_path / "export.zip")
    text = zipfile.ZipFile(tmp_path / "export.zip").read("checkins.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["instrument"] for row in rows] == ["who5"]


def test_an_instrument_the_app_does_not_know_is_refused(tmp_path: Path, store: Store) -> None:
    take_who5(store)
    path = write_json_export(store, tmp_path / "export.json").path
    document = json.loads(path.read_text(encoding="utf-8"))
    document["data"]["checkins"][0]["instrument"] = "who6"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with Store.open(tmp_path / "other.sqlite3") as other:
        with pytest.raises(InvalidExportError, match="instrument"):
            import_file(other, broken)
        assert other.check_ins.completed() == []

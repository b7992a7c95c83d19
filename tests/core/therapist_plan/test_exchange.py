"""The therapist's plan travels with an export: it comes back applied in a new profile, still
removable; a damaged one in an export is refused like any bad setting."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kapcompanion.course.check_in_schedule import every_days
from kapcompanion.exchange import InvalidExportError, import_file, write_json_export
from kapcompanion.store import Store
from kapcompanion.therapist_plan.applying import (
    APPLIED_SETTING,
    apply_plan,
    current_plan,
    invited_phases,
    remove_plan,
)
from kapcompanion.therapist_plan.reading import read_plan
from tests.paths import REPOSITORY

EXAMPLE = REPOSITORY / "docs" / "examples" / "therapist-plan.json"


def test_an_applied_plan_comes_back_applied_and_removable(tmp_path: Path, store: Store) -> None:
    plan = read_plan(EXAMPLE)
    with Store.open(tmp_path / "source.sqlite3") as source:
        apply_plan(source, plan, date(2026, 12, 1))
        exported = write_json_export(source, tmp_path / "export.json").path
    import_file(store, exported)
    assert current_plan(store) == plan
    assert invited_phases(store) == plan.phases
    assert every_days(store, "gad7") == 0
    remove_plan(store)
    assert current_plan(store) is None
    assert every_days(store, "gad7") == 14


def test_a_damaged_plan_in_an_export_is_refused(tmp_path: Path, store: Store) -> None:
    with Store.open(tmp_path / "source.sqlite3") as source:
        apply_plan(source, read_plan(EXAMPLE), date(2026, 12, 1))
        exported = write_json_export(source, tmp_path / "export.json").path
    document = json.loads(exported.read_text(encoding="utf-8"))
    [setting] = [row for row in document["data"]["settings"] if row["key"] == APPLIED_SETTING]
    setting["value"]["plan"]["questionnaires"] = {"bdi": {"every_days": 7}}
    exported.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidExportError, match="therapist's plan"):
        import_file(store, exported)
    assert current_plan(store) is None

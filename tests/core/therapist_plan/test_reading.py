"""Reading a therapist's plan: the documented examples read the same from JSON and TOML, the
JSON Schema in docs/ and the reader agree, and every malformed plan is refused naming its field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kapcompanion.course.support import CrisisLine
from kapcompanion.domain import Phase
from kapcompanion.therapist_plan.reading import (
    PlanRefusedError,
    TherapistPlan,
    parse_plan,
    read_plan,
)
from tests.paths import REPOSITORY

DOCS = REPOSITORY / "docs"
SCHEMA = json.loads((DOCS / "therapist-plan.schema.json").read_text(encoding="utf-8"))
EXAMPLE = json.loads((DOCS / "examples" / "therapist-plan.json").read_text(encoding="utf-8"))
MINIMAL = {"format": "kap-companion/plan", "format_version": 1}


def with_(**fields: Any) -> dict[str, Any]:
    return {**MINIMAL, **fields}


def test_the_documented_example_reads_the_same_from_json_and_toml() -> None:
    from_json = read_plan(DOCS / "examples" / "therapist-plan.json")
    from_toml = read_plan(DOCS / "examples" / "therapist-plan.toml")
    assert from_json == from_toml
    assert from_json.written_on == date(2026, 11, 30)
    assert from_json.every_days == (("phq9", 14), ("gad7", 0), ("pcl5", 14), ("who5", 14))
    assert from_json.phases == (Phase.NEXT_DAY, Phase.WEEK_AFTER)
    assert dict(from_json.contact)["clinic_name"] == "Riverside Integration Clinic"
    assert from_json.crisis_line == CrisisLine(
        "Riverside County crisis line (24 hours)", "+1 555 0111"
    )


def test_a_plan_written_back_is_the_same_plan_and_fits_the_schema() -> None:
    plan = parse_plan(EXAMPLE)
    jsonschema.validate(plan.to_json(), SCHEMA)
    assert parse_plan(plan.to_json()) == plan
    assert parse_plan(MINIMAL) == TherapistPlan()


BAD_PLANS = [
    ({"format": "something/else", "format_version": 1}, "format"),
    (with_(format_version="1"), "format_version"),
    (with_(format_version=0), "format_version"),
    (with_(colour="blue"), "colour"),
    (with_(written_on="30/11/2026"), "written_on"),
    (with_(written_by=7), "written_by"),
    (with_(note_to_client="x" * 2001), "note_to_client"),
    (with_(questionnaires=["phq9"]), "questionnaires"),
    (with_(questionnaires={"bdi": {"every_days": 14}}), "questionnaires.bdi"),
    (with_(questionnaires={"phq9": {"every_days": -1}}), "questionnaires.phq9.every_days"),
    (with_(questionnaires={"phq9": {"every_days": 366}}), "questionnaires.phq9.every_days"),
    (with_(questionnaires={"phq9": {"every_days": "14"}}), "questionnaires.phq9.every_days"),
    (with_(questionnaires={"phq9": {"every_days": True}}), "questionnaires.phq9.every_days"),
    (with_(questionnaires={"phq9": 14}), "questionnaires.phq9.every_days"),
    (with_(reflections_after_each_session=["tomorrow"]), "reflections_after_each_session"),
    (with_(reflections_after_each_session="next_day"), "reflections_after_each_session"),
    (with_(contact={"email": "a@b.c"}), "contact.email"),
    (with_(contact={"clinic_phone": 5550199}), "contact.clinic_phone"),
    (with_(crisis_line={"name": "Line"}), "crisis_line"),
    (with_(crisis_line={"name": "Line", "contact": "1", "hours": "all"}), "crisis_line"),
]


@pytest.mark.parametrize(("data", "field"), BAD_PLANS)
def test_a_malformed_plan_is_refused_naming_its_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(PlanRefusedError) as refused:
        parse_plan(data)
    assert refused.value.field == field
    assert f"“{field}”" in refused.value.message
    assert refused.value.message.endswith("Nothing was changed.")


@pytest.mark.parametrize(("data", "field"), BAD_PLANS)
def test_the_schema_refuses_what_the_reader_refuses(data: dict[str, Any], field: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())


def test_a_plan_for_a_newer_version_says_an_update_reads_it() -> None:
    with pytest.raises(PlanRefusedError) as refused:
        parse_plan(with_(format_version=2, something_new=True))
    assert refused.value.field == "format_version"
    assert "newer KAP Companion" in refused.value.message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cut.json", json.dumps(EXAMPLE)[:120]),  # truncated
        ("list.json", "[1, 2, 3]"),  # another shape
        ("plan.toml", "format = 'kap-companion/plan'\nformat_version = "),  # truncated TOML
        ("latin1.json", None),  # not UTF-8
        ("huge.json", " " * 70_000 + json.dumps(MINIMAL)),
    ],
)
def test_a_file_that_is_not_a_whole_plan_is_refused_plainly(
    tmp_path: Path, name: str, content: str | None
) -> None:
    path = tmp_path / name
    if content is None:
        path.write_bytes('{"format": "kap-companion/plan", "written_by": "Zoë"}'.encode("latin-1"))
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanRefusedError) as refused:
        read_plan(path)
    assert refused.value.message.endswith("Nothing was changed.")


def test_a_missing_file_is_refused_plainly(tmp_path: Path) -> None:
    with pytest.raises(PlanRefusedError) as refused:
        read_plan(tmp_path / "nowhere.json")
    assert "could not be read" in refused.value.message


def test_any_unicode_reads_as_written(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        json.dumps(with_(written_by="د. أمارا — 岡田 🌿", contact={"clinic_name": "Zoë's"})),
        encoding="utf-8",
    )
    plan = read_plan(path)
    assert plan.written_by == "د. أمارا — 岡田 🌿"
    assert plan.contact == (("clinic_name", "Zoë's"),)


def test_a_plan_may_ask_for_the_who5_and_the_schema_agrees() -> None:
    plan = parse_plan(with_(questionnaires={"who5": {"every_days": 28}}))
    assert plan.every_days == (("who5", 28),)
    jsonschema.validate(plan.to_json(), SCHEMA)

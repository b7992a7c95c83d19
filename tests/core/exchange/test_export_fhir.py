"""The file for the clinic (FHIR R4), built from real stores and read back with fhir.resources'
R4B models: valid, coded as docs/fhir-export.md says, and holding only what the client chose."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from kapcompanion.course.trends import Period
from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.domain import DeletedKind
from kapcompanion.exchange import ExportFileExistsError
from kapcompanion.exchange.fhir import NoQuestionnairesError, clinic_bundle, write_clinic_file
from kapcompanion.exchange.fhir_codes import (
    INSTRUMENTS,
    LOCAL_ANSWER,
    LOINC,
    OBSERVATION_CATEGORY,
    UCUM,
    Code,
)
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.paths import REPOSITORY

DOC = REPOSITORY / "docs" / "fhir-export.md"
NOT_IN_THE_TABLE = {OBSERVATION_CATEGORY, UCUM}  # FHIR's own category; the unit {score}
DAY = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
UUID_URL = re.compile(
    r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
)


def finish(
    store: Store, instrument: str, answers: dict[int, int], at: datetime, extra: int | None = None
) -> int:
    chosen = questionnaire(instrument)
    check_in = store.check_ins.start(chosen.id, chosen.version, at=at)
    for number, value in answers.items():
        store.check_ins.save_answer(check_in.id, number, value)
    if extra is not None:
        store.check_ins.set_extra_answer(check_in.id, extra)
    return int(store.check_ins.complete(check_in.id, at=at).id)


def all_answered(instrument: str, value: int) -> dict[int, int]:
    return {item.number: value for item in questionnaire(instrument).items}


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def codings(value: object) -> list[dict[str, Any]]:
    """Every Coding (a dict with a system and a code) anywhere in `value`."""
    if isinstance(value, list):
        return [coding for each in value for coding in codings(each)]
    if not isinstance(value, dict):
        return []
    found = [value] if "system" in value and "code" in value else []
    return found + [coding for each in value.values() for coding in codings(each)]


def documented_codes() -> dict[tuple[str, str], str]:
    """(system, code) → display, from the Codes table of docs/fhir-export.md."""
    text = DOC.read_text("utf-8")
    table = text.split("## Codes", 1)[1].split("\n\n")
    rows = next(block for block in table if block.startswith("| Use |")).splitlines()[2:]
    codes = {}
    for row in rows:
        _use, system, code, display, _checked = (cell.strip() for cell in row.strip("|").split("|"))
        codes[(system, code)] = display
    return codes


@pytest.fixture
def course(store: Store) -> Store:
    """A PHQ-9 (with the difficulty question), a GAD-7, a PCL-5 and a WHO-5, a week apart."""
    finish(store, "phq9", all_answered("phq9", 2), DAY, extra=1)
    finish(store, "gad7", all_answered("gad7", 1), DAY + timedelta(days=7))
    finish(store, "pcl5", all_answered("pcl5", 3), DAY + timedelta(days=14))
    finish(store, "who5", all_answered("who5", 4), DAY + timedelta(days=21))
    return store


def test_the_bundle_is_valid_r4_with_one_response_and_one_total_per_check_in(
    course: Store,
) -> None:
    bundle = clinic_bundle(course, Period(), "A. R.")

    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert parsed.id and parsed.timestamp is not None
    kinds = [type(entry.resource) for entry in parsed.entry or []]
    assert kinds == [Patient] + [QuestionnaireResponse, Observation] * 4
    # Round trip through the library's own JSON: nothing it does not know was dropped.
    again = json.loads(parsed.model_dump_json(exclude_none=True))
    assert len(again["entry"]) == len(bundle["entry"])
    assert all(UUID_URL.fullmatch(entry["fullUrl"]) for entry in bundle["entry"])
    assert len({entry["fullUrl"] for entry in bundle["entry"]}) == len(bundle["entry"])


def test_answers_and_totals_are_coded_as_the_documentation_says(course: Store) -> None:
    bundle = clinic_bundle(course, Period(), "")
    documented = documented_codes()
    responses = resources(bundle, "QuestionnaireResponse")
    observations = resources(bundle, "Observation")

    phq9 = responses[0]
    assert phq9["questionnaire"] == "http://loinc.org/q/44249-1"
    assert phq9["status"] == "completed"
    first = phq9["item"][0]
    assert first["linkId"] == "44250-9"
    assert first["text"] == questionnaire("phq9").items[0].text
    coding = first["answer"][0]["valueCoding"]
    assert (coding["system"], coding["code"], coding["display"]) == (
        LOINC,
        "LA6570-1",
        "More than half the days",
    )
    assert coding["extension"][0]["valueDecimal"] == 2
    assert phq9["item"][-1]["linkId"] == "69722-7"  # the difficulty question, answered
    assert len(phq9["item"]) == 10

    totals = {o["code"]["coding"][0]["code"]: o["valueQuantity"]["value"] for o in observations}
    assert totals == {"44261-6": 18, "70274-6": 7, "101698-9": 60, "who5-percent": 80}
    for observation, response_entry in zip(
        observations,
        [e for e in bundle["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"],
        strict=True,
    ):
        assert observation["status"] == "final"
        assert observation["category"][0]["coding"][0]["code"] == "survey"
        assert observation["derivedFrom"] == [{"reference": response_entry["fullUrl"]}]
        assert observation["effectiveDateTime"] == response_entry["resource"]["authored"]

    # Every code in the file is in the documentation's table, with the same display.
    coded = [c for c in codings(bundle) if c["system"] not in NOT_IN_THE_TABLE]
    local_answers = [c for c in coded if c["system"].startswith(LOCAL_ANSWER)]
    assert {c["system"] for c in local_answers} == {
        LOCAL_ANSWER + scale for scale in ("phq9-extra", "pcl5", "who5")
    }
    for coding in coded:
        if coding not in local_answers:  # those are the option labels, a rule in the doc
            assert documented[(coding["system"], coding["code"])] == coding["display"]


def test_the_code_table_and_the_documentation_agree_both_ways() -> None:
    documented = documented_codes()
    in_table: dict[tuple[str, str], str] = {}
    for codes in INSTRUMENTS.values():
        for code in (codes.total, *codes.answers.values()):
            in_table[(code.system, code.code)] = code.display
        for link_id in (*codes.link_ids.values(), codes.extra_link_id):
            if re.fullmatch(r"\d+-\d", link_id):  # a LOINC item code
                in_table[(LOINC, link_id)] = documented.get((LOINC, link_id), "?")
    assert in_table == documented
    assert all(
        f"https://loinc.org/{code}/" in DOC.read_text("utf-8")
        for system, code in documented
        if system == LOINC
    )
    assert isinstance(next(iter(INSTRUMENTS.values())).total, Code)


def test_the_period_applies_and_drafts_and_deleted_check_ins_never_appear(store: Store) -> None:
    finish(store, "phq9", all_answered("phq9", 0), DAY - timedelta(days=30))  # before
    inside = finish(store, "phq9", all_answered("phq9", 1), DAY)
    finish(store, "gad7", all_answered("gad7", 3), DAY + timedelta(days=30))  # after
    deleted = finish(store, "gad7", all_answered("gad7", 2), DAY + timedelta(days=1))
    store.deleted.move(DeletedKind.CHECK_IN, deleted)
    draft = store.check_ins.start("pcl5", questionnaire("pcl5").version, at=DAY)
    store.check_ins.save_answer(draft.id, 1, 4)
    assert inside

    bundle = clinic_bundle(store, Period(date(2026, 9, 25), date(2026, 10, 10)), "")

    responses = resources(bundle, "QuestionnaireResponse")
    assert len(responses) == 1
    assert responses[0]["questionnaire"].endswith("44249-1")
    assert resources(bundle, "Observation")[0]["valueQuantity"]["value"] == 9


def test_only_the_chosen_name_is_said_about_the_client(course: Store) -> None:
    named = clinic_bundle(course, Period(), "  A.   R.  ")
    (patient,) = resources(named, "Patient")
    assert patient == {"resourceType": "Patient", "name": [{"text": "A. R."}]}
    reference = named["entry"][0]["fullUrl"]
    for resource in resources(named, "QuestionnaireResponse") + resources(named, "Observation"):
        assert resource["subject"] == {"reference": reference}

    anonymous = clinic_bundle(course, Period(), "")
    assert not resources(anonymous, "Patient")
    assert "subject" not in json.dumps(anonymous)


def test_nothing_but_questionnaires_goes_in(demo_profile: Profile) -> None:
    with Store.open(demo_profile.database_path) as demo:
        bundle = clinic_bundle(demo, Period(), "A. R.")
        text = json.dumps(bundle, ensure_ascii=False)
        kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
        assert kinds == {"Patient", "QuestionnaireResponse", "Observation"}
        Bundle.model_validate(bundle)
        private_words = [
            *(
                answer.text
                for answers in demo.reflections.answers_of(
                    [r.id for r in demo.reflections.list()]
                ).values()
                for answer in answers
                if len(answer.text) > 12
            ),
            *(insight.text for insight in demo.insights.list()),
            *(rating.note for rating in demo.check_ins.distress_ratings() if rating.note),
            *(session.notes for session in demo.sessions.list() if session.notes),
        ]
        assert private_words
        assert not [words for words in private_words if words in text]
        for check_in in demo.check_ins.completed():
            assert check_in.uuid not in text  # the app's own ids never leave it


def test_an_incomplete_check_in_has_its_answers_but_no_made_up_total(store: Store) -> None:
    answers = all_answered("pcl5", 2)
    del answers[20]
    finish(store, "pcl5", answers, DAY)
    bundle = clinic_bundle(store, Period(), "")
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert len(response["item"]) == 19
    assert not resources(bundle, "Observation")
    Bundle.model_validate(bundle)


def test_no_questionnaires_in_the_days_means_no_file(course: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "clinic.json"
    with pytest.raises(NoQuestionnairesError, match="no file was made"):
        write_clinic_file(course, out, Period(date(2020, 1, 1), date(2020, 12, 31)))
    assert not out.parent.exists()


def test_the_file_is_written_whole_and_never_over_another(course: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "clinic.json"
    summary = write_clinic_file(course, out, Period(), "A. R.")
    assert (summary.questionnaires, summary.totals, summary.with_name) == (4, 4, True)
    assert "4 questionnaires" in summary.describe()
    Bundle.model_validate_json(out.read_text("utf-8"))
    with pytest.raises(ExportFileExistsError):
        write_clinic_file(course, out, Period(), "")
    assert "A. R." in out.read_text("utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["clinic.json"]  # no partial file left

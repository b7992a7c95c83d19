"""A file for the client's clinic: their finished questionnaires as a FHIR R4 Bundle.

A `collection` Bundle holds one QuestionnaireResponse per finished check-in in the chosen days
and, for each with a total, an Observation of that total (LOINC-coded where LOINC has a code;
see kapcompanion.exchange.fhir_codes and docs/fhir-export.md). The client's chosen name, if
any, is the only thing about them in it: a Patient with `name.text` and nothing else. No
reflections, notes, sessions or quick check-ins ever go in. Plain dicts, no FHIR library: the
tests check the result against fhir.resources' R4B models.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kapcompanion.course.trends import Period
from kapcompanion.data_files.questionnaires import Questionnaire, questionnaire, score
from kapcompanion.domain import CheckIn, utc_now
from kapcompanion.exchange.errors import ExchangeError, ExportFileExistsError, ExportWriteError
from kapcompanion.exchange.fhir_codes import (
    INSTRUMENTS,
    LOCAL_ANSWER,
    ORDINAL_VALUE,
    SCORE_UNIT,
    SURVEY,
    Code,
)
from kapcompanion.files import check_destination, write_atomically
from kapcompanion.report.content.options import shown_name
from kapcompanion.store import Store

JSON = dict[str, Any]


class NoQuestionnairesError(ExchangeError):
    """Refused: no finished questionnaire in the chosen days, so no (empty) file is made."""

    def __init__(self) -> None:
        super().__init__(
            "There are no finished questionnaires in the days you chose, so no file was made. "
            "A longer period may have some."
        )


@dataclass(frozen=True)
class ClinicFileSummary:
    path: Path
    questionnaires: int  # QuestionnaireResponses
    totals: int  # Observations
    with_name: bool

    def describe(self) -> str:
        plural = "" if self.questionnaires == 1 else "s"
        name = " and the name you gave" if self.with_name else ""
        return (
            f"Saved {self.questionnaires} questionnaire{plural} for your clinic to {self.path}. "
            f"It holds only your questionnaire answers and totals{name}."
        )


def shared_check_ins(store: Store, period: Period) -> list[tuple[Questionnaire, CheckIn]]:
    """The finished check-ins finished in `period`, oldest first: what the file holds. The
    same days as the printout's questionnaires (by the day each was finished)."""
    chosen = [
        check_in
        for check_in in store.check_ins.completed()
        if check_in.instrument in INSTRUMENTS
        and check_in.completed_at is not None
        and period.contains(check_in.completed_at)
    ]
    return [(questionnaire(check_in.instrument), check_in) for check_in in chosen]


def clinic_bundle(store: Store, period: Period, name: str, *, now: datetime | None = None) -> JSON:
    """The Bundle for `period`, with `name` (as the printout shows it) as the only thing about
    the client; raises NoQuestionnairesError when the period has no finished questionnaire."""
    return bundle_of(shared_check_ins(store, period), name, now=now)


def bundle_of(
    check_ins: list[tuple[Questionnaire, CheckIn]], name: str, *, now: datetime | None = None
) -> JSON:
    """The Bundle of `check_ins` (from `shared_check_ins`) and `name`. Needs no store, so it
    may be made on any thread."""
    if not check_ins:
        raise NoQuestionnairesError()
    entries: list[JSON] = []
    patient: JSON | None = None
    name = shown_name(name)
    if name:
        patient = {"reference": _new_full_url()}
        entries.append(
            {
                "fullUrl": patient["reference"],
                "resource": {"resourceType": "Patient", "name": [{"text": name}]},
            }
        )
    for instrument, check_in in check_ins:
        entries.extend(_check_in_entries(instrument, check_in, patient))
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "collection",
        "timestamp": _instant(now or utc_now()),
        "entry": entries,
    }


def write_clinic_file(
    store: Store,
    path: Path,
    period: Period,
    name: str = "",
    *,
    replace: bool = False,
    now: datetime | None = None,
) -> ClinicFileSummary:
    """Write the clinic file to `path` whole (or not at all); an existing file is kept unless
    `replace`. Nothing is written when the period has no finished questionnaire."""
    check_destination(path, overwrite=replace, exists=ExportFileExistsError)
    return write_bundle_of(shared_check_ins(store, period), path, name, replace=replace, now=now)


def write_bundle_of(
    check_ins: list[tuple[Questionnaire, CheckIn]],
    path: Path,
    name: str = "",
    *,
    replace: bool = False,
    now: datetime | None = None,
) -> ClinicFileSummary:
    """`write_clinic_file` for check-ins already read: needs no store, so it may run on any
    thread."""
    check_destination(path, overwrite=replace, exists=ExportFileExistsError)
    bundle = bundle_of(check_ins, name, now=now)
    # Compact: an indented file of ten years of questionnaires took a second to write, twice
    # as big, and a record system reads it the same.
    text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":")) + "\n"
    write_atomically(
        path,
        text.encode("utf-8"),
        overwrite=replace,
        make_folder=True,
        exists=ExportFileExistsError,
        failed=ExportWriteError,
    )
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    return ClinicFileSummary(
        path=path,
        questionnaires=kinds.count("QuestionnaireResponse"),
        totals=kinds.count("Observation"),
        with_name="Patient" in kinds,
    )


def _check_in_entries(
    instrument: Questionnaire, check_in: CheckIn, patient: JSON | None
) -> list[JSON]:
    """The QuestionnaireResponse of one check-in and, if it has a total, its Observation."""
    codes = INSTRUMENTS[instrument.id]
    assert check_in.completed_at is not None
    finished = _instant(check_in.completed_at)
    response_url = _new_full_url()
    labels = {option.value: option.label for option in instrument.options}
    items: list[JSON] = [
        {
            "linkId": codes.link_ids[item.number],
            "text": item.text,
            "answer": [
                _answer(codes.answers, instrument.id, check_in.answers[item.number], labels)
            ],
        }
        for item in instrument.items
        if item.number in check_in.answers
    ]
    if codes.extra_link_id and check_in.extra_answer is not None:
        extra = {option.value: option.label for option in instrument.extra_options}
        if check_in.extra_answer in extra:
            items.append(
                {
                    "linkId": codes.extra_link_id,
                    "text": instrument.extra_question,
                    "answer": [_answer({}, f"{instrument.id}-extra", check_in.extra_answer, extra)],
                }
            )
    response: JSON = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": codes.questionnaire,
        "status": "completed",
        "authored": finished,
        "item": items,
    }
    if patient is not None:
        response["subject"] = dict(patient)
    entries = [{"fullUrl": response_url, "resource": response}]
    total = score(instrument, check_in.answers).scaled_total
    if total is None:  # an unanswered item: the answers go, but no total is made up
        return entries
    observation: JSON = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [_coding(SURVEY)]}],
        "code": {"coding": [_coding(codes.total)], "text": instrument.title},
        "effectiveDateTime": finished,
        "valueQuantity": {
            "value": total,
            "unit": SCORE_UNIT.display,
            "system": SCORE_UNIT.system,
            "code": SCORE_UNIT.code,
        },
        "derivedFrom": [{"reference": response_url}],
    }
    if patient is not None:
        observation["subject"] = dict(patient)
    entries.append({"fullUrl": _new_full_url(), "resource": observation})
    return entries


def _answer(standard: dict[int, Code], scale: str, value: int, labels: dict[int, str]) -> JSON:
    """An answer as a coding (the `standard` code of its value where the scale has one, else
    the app's own, on `scale`) carrying its score."""
    code = standard.get(value) or Code(LOCAL_ANSWER + scale, str(value), labels[value])
    coding = _coding(code)
    coding["extension"] = [{"url": ORDINAL_VALUE, "valueDecimal": value}]
    return {"valueCoding": coding}


def _coding(code: Code) -> JSON:
    return {"system": code.system, "code": code.code, "display": code.display}


def _new_full_url() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _instant(moment: datetime) -> str:
    """A FHIR dateTime with the client's own offset, to the second."""
    return moment.astimezone().isoformat(timespec="seconds")

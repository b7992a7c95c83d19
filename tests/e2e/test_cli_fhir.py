"""`export --format fhir` on the command line, run as a real process on a real profile."""

from __future__ import annotations

import json
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle

from tests.e2e.test_cli import assert_no_traceback, run


def test_the_clinic_file_holds_the_days_and_the_name_asked_for(tmp_path: Path) -> None:
    profile = str(tmp_path / "profile")
    run("--data-dir", profile, "demo")
    whole = tmp_path / "whole.json"
    named = tmp_path / "named.json"

    everything = run("--data-dir", profile, "export", "--format", "fhir", "--out", str(whole))
    assert everything.returncode == 0, everything.stderr
    assert str(whole) in everything.stdout
    assert "only your questionnaire answers and totals" in everything.stdout
    lately = run(
        "--data-dir", profile, "export", "--format", "fhir", "--out", str(named),
        "--from", "2026-11-01", "--name", "A. R.",
    )  # fmt: skip
    assert lately.returncode == 0, lately.stderr
    assert "the name you gave" in lately.stdout

    all_of_it = json.loads(whole.read_text("utf-8"))
    some = json.loads(named.read_text("utf-8"))
    Bundle.model_validate(all_of_it)
    Bundle.model_validate(some)
    kinds = [entry["resource"]["resourceType"] for entry in some["entry"]]
    assert kinds[0] == "Patient"
    assert "Patient" not in {e["resource"]["resourceType"] for e in all_of_it["entry"]}
    assert some["entry"][0]["resource"]["name"] == [{"text": "A. R."}]
    responses = [e["resource"] for e in some["entry"] if e["resource"]["resourceType"] != "Patient"]
    assert all(r["authored"] >= "2026-11-01" for r in responses if "authored" in r)
    assert 0 < len(some["entry"]) - 1 < len(all_of_it["entry"])


def test_days_without_questionnaires_make_no_file_and_say_so(tmp_path: Path) -> None:
    profile = str(tmp_path / "profile")
    run("--data-dir", profile, "demo")
    out = tmp_path / "clinic.json"
    nothing = run(
        "--data-dir", profile, "export", "--format", "fhir", "--out", str(out),
        "--to", "2001-01-01",
    )  # fmt: skip
    assert nothing.returncode == 1
    assert "no finished questionnaires in the days you chose" in nothing.stderr
    assert not out.exists()
    assert_no_traceback(nothing)

    backwards = run(
        "--data-dir", profile, "export", "--format", "fhir", "--out", str(out),
        "--from", "2026-11-02", "--to", "2026-11-01",
    )  # fmt: skip
    assert backwards.returncode == 1
    assert "before the first" in backwards.stderr
    assert not out.exists()


def test_a_period_or_name_is_refused_for_the_whole_export(tmp_path: Path) -> None:
    profile = str(tmp_path / "profile")
    run("--data-dir", profile, "demo")
    out = tmp_path / "everything.json"
    refused = run("--data-dir", profile, "export", "--out", str(out), "--name", "A. R.")
    assert refused.returncode == 1
    assert "for --format fhir only" in refused.stderr
    assert not out.exists()
    assert_no_traceback(refused)

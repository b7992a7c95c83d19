"""Data files in resources/: every shipped file loads, and a broken one names file and problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kapcompanion.data_files.builtin_themes import builtin_themes
from kapcompanion.data_files.prompt_sets import parse_prompt_set, prompt_set_for
from kapcompanion.data_files.resource_files import ResourceError, load_json_file
from kapcompanion.data_files.session_options import session_options
from kapcompanion.domain import Phase

REQUIRED_THEMES = {
    "safety",
    "grief",
    "shame",
    "anger",
    "fear",
    "body",
    "self_compassion",
    "relationships",
    "childhood",
    "trust",
    "boundaries",
    "control",
    "meaning",
    "hope",
    "connection",
    "forgiveness",
    "identity",
}


@pytest.mark.parametrize("phase", list(Phase))
def test_every_phase_has_a_gentle_prompt_set(phase: Phase) -> None:
    prompt_set = prompt_set_for(phase)
    assert prompt_set.phase is phase
    assert 6 <= len(prompt_set.prompts) <= 10
    for prompt in prompt_set.prompts:
        assert "!" not in prompt.text
        assert " must " not in f" {prompt.text.lower()} "


def test_builtin_themes_cover_the_product_list_with_valid_colours() -> None:
    themes = builtin_themes()
    assert {theme.key for theme in themes} >= REQUIRED_THEMES
    assert all(theme.colour.startswith("#") and len(theme.colour) == 7 for theme in themes)


def a_prompt_set(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "kap-companion/prompt-set",
        "format_version": 1,
        "id": "same_day",
        "version": 2,
        "phase": "same_day",
        "title": "Later the same day",
        "prompts": [{"id": "what-stood-out", "text": "What stands out?", "hint": "Anything."}],
    }
    data.update(changes)
    return data


def test_a_valid_prompt_set_parses() -> None:
    parsed = parse_prompt_set(a_prompt_set(), Path("same_day.json"))
    assert parsed.version == 2
    assert parsed.prompt("what-stood-out").hint == "Anything."


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"format": "something/else"}, '"format"'),
        ({"phase": "someday"}, '"phase" must be one of'),
        ({"version": 0}, '"version"'),
        ({"prompts": []}, '"prompts"'),
        ({"prompts": [{"id": "Bad Id", "text": "?"}]}, "prompt 1"),
        ({"prompts": [{"id": "a", "text": "  "}]}, '"text"'),
        ({"prompts": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}, "more than once"),
    ],
)
def test_a_broken_prompt_set_names_file_and_problem(changes: dict[str, Any], problem: str) -> None:
    with pytest.raises(ResourceError) as refused:
        parse_prompt_set(a_prompt_set(**changes), Path("resources/prompts/same_day.json"))
    assert "same_day.json" in str(refused.value)
    assert problem in str(refused.value)


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "next_day.json"
    broken.write_text(json.dumps(a_prompt_set(), indent=2)[:-3] + ",,}", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"next_day\.json, line \d+"):
        load_json_file(broken)


def test_session_options_offer_routes_and_the_after_effects_checklist() -> None:
    options = session_options()
    assert "Nasal spray" in options.route_suggestions
    assert {e.key for e in options.after_effects} == {
        "nausea",
        "dizziness",
        "headache",
        "disorientation",
        "racing_heart",
        "lingering_dissociation",
        "sleep_change",
        "cravings",
    }
    assert options.after_effect_label("nausea") == "Nausea"
    assert options.after_effect_label("from_a_newer_version") == "from_a_newer_version"

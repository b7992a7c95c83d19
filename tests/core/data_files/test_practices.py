"""The built-in practices: the shipped file loads with every practice the log promises, and a
broken file is refused with a message naming the file and the field."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kapcompanion.data_files.practices import (
    FILE,
    builtin_practice,
    builtin_practices,
    parse_practices,
)
from kapcompanion.data_files.resource_files import ResourceError, resource_path

PROMISED = {
    "mindfulness",
    "breathwork",
    "movement",
    "time_outdoors",
    "sleep",
    "eating_well",
    "connection",
    "creative_time",
    "therapy_session",
}
# Words that judge or push: the log invites, it never scores (PRODUCT.md's voice).
PUSHY = ("should", "must", "streak", "goal", "target", "!", "don't forget")


def shipped() -> Any:
    return json.loads(resource_path(*FILE).read_text(encoding="utf-8"))


def test_the_shipped_file_holds_every_promised_practice_with_gentle_words() -> None:
    practices = builtin_practices()
    assert {practice.key for practice in practices} == PROMISED
    for practice in practices:
        assert practice.name and practice.description.endswith(".")
        assert len(practice.description) <= 80, practice.key
        assert not any(word in practice.description.lower() for word in PUSHY), practice.key
    therapy = builtin_practice("therapy_session")
    assert therapy is not None and therapy.name == "Therapy or integration session"
    assert builtin_practice("a_key_from_a_newer_version") is None


def broken(change: str) -> Any:
    data = copy.deepcopy(shipped())
    if change == "format":
        data["format"] = "kap-companion/questionnaire"
    elif change == "version":
        data["format_version"] = 2
    elif change == "empty":
        data["practices"] = []
    elif change == "key":
        data["practices"][2]["key"] = "Time Outdoors"
    elif change == "name":
        data["practices"][1]["name"] = "   "
    elif change == "description":
        del data["practices"][0]["description"]
    elif change == "twice":
        data["practices"][3]["key"] = data["practices"][0]["key"]
    elif change == "not_object":
        data["practices"][4] = "sleep"
    return data


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("format", '"format"'),
        ("version", '"format_version"'),
        ("empty", '"practices"'),
        ("key", 'practice 3 needs a "key"'),
        ("name", 'practice "breathwork" needs a "name"'),
        ("description", 'practice "mindfulness" needs a "description"'),
        ("twice", 'key "mindfulness" appears twice'),
        ("not_object", "practice 5 is not an object"),
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_the_field(change: str, named: str) -> None:
    where = Path("/somewhere/practices.json")
    with pytest.raises(ResourceError) as refused:
        parse_practices(broken(change), where)
    assert str(where) in refused.value.message
    assert named in refused.value.message

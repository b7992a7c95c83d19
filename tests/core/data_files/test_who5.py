"""WHO-5 Well-Being Index, scored exactly as published: the raw total (0–25) times 4 gives the
percentage score (0–100); at or below 50 is the screening cut-point for poor well-being, at or
below 28 where depression is likely; higher is better. Items verbatim from the 1998 form."""

from __future__ import annotations

import pytest

from kapcompanion.data_files.questionnaires import parse_questionnaire, score
from kapcompanion.data_files.resource_files import load_json_resource, resource_path

WHO5 = parse_questionnaire(
    load_json_resource("questionnaires", "who5.json"),
    str(resource_path("questionnaires", "who5.json")),
)


def test_the_items_and_options_are_the_published_ones() -> None:
    assert [item.text for item in WHO5.items] == [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ]
    assert [(option.value, option.label) for option in WHO5.options] == [
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    ]
    assert WHO5.higher_is_better and WHO5.multiplier == 4 and WHO5.max_total == 25


@pytest.mark.parametrize(
    ("answers", "raw", "percentage", "band"),
    [
        ((5, 5, 5, 5, 5), 25, 100, "above 50"),
        ((0, 0, 0, 0, 0), 0, 0, "at or below 28"),
        ((1, 1, 2, 1, 2), 7, 28, "at or below 28"),  # 28: the lower cut-point
        ((2, 1, 2, 1, 2), 8, 32, "at or below 50"),
        ((3, 3, 2, 2, 2), 12, 48, "at or below 50"),
        ((2, 2, 2, 2, 5), 13, 52, "above 50"),  # 50 itself cannot be reached
        ((4, 3, 3, 2, 4), 16, 64, "above 50"),
    ],
)
def test_hand_worked_scores(answers: tuple[int, ...], raw: int, percentage: int, band: str) -> None:
    result = score(WHO5, dict(enumerate(answers, start=1)))
    assert result.total == raw
    assert result.scaled_total == percentage
    assert result.band is not None and result.band.label == band


def test_an_unanswered_item_gives_no_total() -> None:
    result = score(WHO5, {1: 5, 2: 5, 3: 5, 4: 5})
    assert result.total is None and result.scaled_total is None
    assert result.missing == (5,)


def test_out_of_range_answers_are_refused() -> None:
    with pytest.raises(ValueError):
        score(WHO5, {1: 6})
    with pytest.raises(ValueError):
        score(WHO5, {6: 1})


def test_a_multiplier_or_direction_that_is_not_one_is_refused() -> None:
    from kapcompanion.data_files.resource_files import ResourceError

    data = load_json_resource("questionnaires", "who5.json")
    for field, value in (("multiplier", 0), ("multiplier", "4"), ("higher_is_better", "yes")):
        broken = {**data, "scoring": {**data["scoring"], field: value}}
        with pytest.raises(ResourceError, match=field):
            parse_questionnaire(broken, "who5.json")

"""PHQ-9, GAD-7 and PCL-5 scored exactly as published, checked against hand-worked examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapcompanion.data_files.questionnaires import (
    all_questionnaires,
    parse_questionnaire,
    questionnaire,
    score,
)
from kapcompanion.data_files.resource_files import (
    ResourceError,
    load_json_resource,
    resource_path,
)
from tests.questionnaire_answers import answers_totalling

PHQ9 = questionnaire("phq9")
GAD7 = questionnaire("gad7")
PCL5 = questionnaire("pcl5")


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands_at_every_boundary(total: int, band: str) -> None:
    result = score(PHQ9, answers_totalling(PHQ9, total))
    assert result.total == total
    assert result.band is not None and result.band.label == band


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_bands_at_every_boundary(total: int, band: str) -> None:
    result = score(GAD7, answers_totalling(GAD7, total))
    assert result.total == total
    assert result.band is not None and result.band.label == band


def test_the_instruments_have_the_published_shape() -> None:
    assert (len(PHQ9.items), PHQ9.max_total) == (9, 27)
    assert (len(GAD7.items), GAD7.max_total) == (7, 21)
    assert (len(PCL5.items), PCL5.max_total) == (20, 80)
    assert [o.label for o in PCL5.options] == [
        "Not at all",
        "A little bit",
        "Moderately",
        "Quite a bit",
        "Extremely",
    ]
    assert PHQ9.items[8].text.startswith("Thoughts that you would be better off dead")
    assert PCL5.items[16].text == 'Being "superalert" or watchful or on guard?'
    assert all(q.source and q.licence for q in all_questionnaires())


def test_phq9_item_9_above_zero_raises_the_safety_flag() -> None:
    calm = score(PHQ9, {n: 0 for n in range(1, 10)})
    worried = score(PHQ9, {**{n: 0 for n in range(1, 9)}, 9: 1})
    assert calm.safety_flags == ()
    assert worried.safety_flags == (9,)
    assert score(PHQ9, {9: 2}).safety_flags == (9,)  # as soon as it is answered


def test_missing_answers_are_never_scored_as_zero() -> None:
    partial = {n: 3 for n in range(1, 10) if n not in (3, 7)}
    result = score(PHQ9, partial)
    assert result.total is None
    assert result.band is None
    assert result.missing == (3, 7)
    assert not result.complete


def test_pcl5_clusters_and_the_dsm5_rule_by_hand() -> None:
    # B: items 1-5, C: 6-7, D: 8-14, E: 15-20. A symptom is an item rated 2 or more.
    answers = {n: 0 for n in range(1, 21)}
    answers.update({1: 2, 6: 3, 8: 2, 9: 4, 15: 2, 20: 1, 19: 2})
    result = score(PCL5, answers)
    by_key = {c.cluster.key: c for c in result.clusters}
    assert (by_key["B"].score, by_key["B"].symptoms) == (2, 1)
    assert (by_key["C"].score, by_key["C"].symptoms) == (3, 1)
    assert (by_key["D"].score, by_key["D"].symptoms) == (6, 2)
    assert (by_key["E"].score, by_key["E"].symptoms) == (5, 2)
    assert result.total == 16
    assert result.symptom_rule_met is True
    answers[19] = 1  # E now has only one symptom
    assert score(PCL5, answers).symptom_rule_met is False


@pytest.mark.parametrize(("total", "side"), [(30, -1), (31, 0), (33, 0), (34, 1), (50, 1)])
def test_pcl5_screening_cut_point_is_31_to_33(total: int, side: int) -> None:
    result = score(PCL5, answers_totalling(PCL5, total))
    assert result.cut_point_side == side
    assert PCL5.band_for(total) is None  # PCL-5 has no severity bands
    cut_point = PCL5.screening_cut_point
    assert cut_point is not None and (cut_point.low, cut_point.high) == (31, 33)
    assert "clinician" in cut_point.words
    assert cut_point.citation.doi == "10.1037/pas0000254"


def test_no_data_file_calls_a_cut_point_a_reference_range() -> None:
    for instrument in ("phq9", "gad7", "pcl5", "who5"):
        text = resource_path("questionnaires", f"{instrument}.json").read_text(encoding="utf-8")
        assert "reference range" not in text.lower()
        assert "reference_range" not in text


def test_every_change_threshold_has_a_citation_saying_what_was_checked() -> None:
    for q in all_questionnaires():
        assert q.change_thresholds, q.id
        for threshold in q.change_thresholds:
            citation = threshold.citation
            assert citation.authors and citation.title and citation.published_in
            assert citation.checked
    marx = next(t for t in PCL5.change_thresholds if t.key == "reliable_change")
    assert marx.value == 15 and marx.citation.doi is None  # its DOI was not verified
    assert "not verified" in marx.citation.checked


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"format_version": 1}, '"format_version" must be 2'),
        ({"change_thresholds": [{"key": "x", "kind": "halved", "value": 5}]}, '"kind"'),
        (
            {"change_thresholds": [{"key": "x", "kind": "points", "value": "5"}]},
            r'change_thresholds 1: "value"',
        ),
        (
            {"change_thresholds": [{"key": "x", "kind": "points", "value": 5, "label": "l"}]},
            r'change_thresholds 1, citation: "citation" must be an object',
        ),
    ],
)
def test_a_broken_threshold_names_file_and_field(change: dict[str, object], field: str) -> None:
    data = {**load_json_resource("questionnaires", "gad7.json"), **change}
    with pytest.raises(ResourceError, match=rf"gad7\.json.*{field}"):
        parse_questionnaire(data, "resources/questionnaires/gad7.json")


def test_a_citation_without_a_title_or_with_a_bad_doi_is_refused() -> None:
    data = load_json_resource("questionnaires", "pcl5.json")
    threshold = data["change_thresholds"][0]
    untitled = {**threshold, "citation": {**threshold["citation"], "title": ""}}
    with pytest.raises(ResourceError, match=r'pcl5\.json, change_thresholds 1, citation: "title"'):
        parse_questionnaire({**data, "change_thresholds": [untitled]}, "pcl5.json")
    bad_doi = {**threshold, "citation": {**threshold["citation"], "doi": "jts.22975"}}
    with pytest.raises(ResourceError, match='"doi"'):
        parse_questionnaire({**data, "change_thresholds": [bad_doi]}, "pcl5.json")
    old = {**data, "scoring": {**data["scoring"], "reference_range": {"min": 31, "max": 33}}}
    with pytest.raises(ResourceError, match="screening_cut_point"):
        parse_questionnaire(old, "pcl5.json")


def test_answers_outside_the_options_are_refused() -> None:
    with pytest.raises(ValueError):
        score(GAD7, {1: 4})
    with pytest.raises(ValueError):
        score(GAD7, {8: 1})


@given(st.sampled_from(["phq9", "gad7", "pcl5"]), st.data())
def test_any_complete_answer_set_scores_in_range_and_sums_its_items(instrument, data) -> None:
    q = questionnaire(instrument)
    values = [o.value for o in q.options]
    answers = {item.number: data.draw(st.sampled_from(values)) for item in q.items}
    result = score(q, answers)
    assert result.total is not None and result.total == sum(answers.values())
    assert 0 <= result.total <= q.max_total
    assert (result.band is not None) == bool(q.bands)
    if q.clusters:
        assert sum(c.score for c in result.clusters) == result.total


def test_a_broken_questionnaire_file_names_file_and_problem() -> None:
    data = load_json_resource("questionnaires", "gad7.json")
    broken = {**data, "scoring": {**data["scoring"], "bands": data["scoring"]["bands"][:-1]}}
    with pytest.raises(ResourceError, match=r"gad7\.json: the bands must reach"):
        parse_questionnaire(broken, "resources/questionnaires/gad7.json")
    gap = {**data, "items": data["items"][:3] + data["items"][4:]}
    with pytest.raises(ResourceError, match="item 4"):
        parse_questionnaire(gap, "gad7.json")

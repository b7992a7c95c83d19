"""Theme suggestions: the right themes, the words behind them, negation, and never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kapcompanion.course.theme_suggestions import lexicon, parse_lexicon, suggest_themes
from kapcompanion.data_files.builtin_themes import builtin_themes
from kapcompanion.data_files.resource_files import ResourceError


def keys(text: str) -> list[str]:
    return [suggestion.theme_key for suggestion in suggest_themes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was so afraid, and my chest was tight.", {"fear", "body"}),
        ("For the first time I felt safe in my own home.", {"safety"}),
        ("I remembered being a little girl at my grandmother's table.", {"childhood"}),
        ("I said no to my sister and it felt okay.", {"boundaries", "relationships"}),
        ("I felt kinder to myself than I have in years.", {"self_compassion"}),
        ("There was a deep sadness, I miss him so much.", {"grief"}),
        ("AFRAID. Terrified, honestly.", {"fear"}),
        ("Zoë's hug made me feel I am not alone.", {"connection"}),
    ],
)
def test_typical_sentences_suggest_the_right_themes(text: str, expected: set[str]) -> None:
    assert set(keys(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I was not afraid this time.",
        "I am not at all scared anymore.",
        "No fear today.",
        "I don't feel ashamed.",
        "Never felt anxious during it.",
    ],
)
def test_simple_negations_cancel_the_suggestion(text: str) -> None:
    assert keys(text) == []


def test_negation_stays_within_its_clause() -> None:
    assert "fear" in keys("I was not sure, but I was afraid.")


def test_matching_ignores_case_and_accents() -> None:
    lexicon_words = parse_lexicon(
        {"themes": {"grief": {"stems": ["tristesse"], "phrases": ["mon cœur"]}}}, "test"
    )
    found = suggest_themes("La TRISTÉSSE et mon coeur.", lexicon_words)
    assert [(s.theme_key, s.evidence) for s in found] == [("grief", ("TRISTÉSSE", "mon coeur"))]


def test_each_suggestion_names_the_words_that_led_to_it() -> None:
    [fear] = [
        s
        for s in suggest_themes("Scared, then afraid, then scared again.")
        if s.theme_key == "fear"
    ]
    assert fear.evidence == ("Scared", "afraid")


def test_most_evidence_comes_first() -> None:
    assert keys("My chest, my jaw, my belly. A little fear.")[0] == "body"


def test_every_lexicon_theme_is_a_builtin_theme() -> None:
    assert set(lexicon().themes) <= {theme.key for theme in builtin_themes()}


def test_a_broken_lexicon_names_file_and_problem() -> None:
    with pytest.raises(ResourceError, match=r"lexicon\.json: theme \"fear\": each stem or word"):
        parse_lexicon({"themes": {"fear": {"stems": ["two words"]}}}, "lexicon.json")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_at_all_never_crashes(text: str) -> None:
    for suggestion in suggest_themes(text):
        assert suggestion.evidence
        for evidence in suggestion.evidence:
            assert all(word in text for word in evidence.split(" "))


def test_whole_words_do_not_match_inside_longer_words() -> None:
    assert keys("In that moment I made a huge number of notes.") == []


def test_a_very_long_reflection_is_handled() -> None:
    text = "I felt safe with my sister. مرحبا 🌿 " * 20_000
    assert set(keys(text)) == {"safety", "relationships"}

"""Core sentences: numbered places filled in any order, plurals settled without a translation."""

from __future__ import annotations

from kapcompanion.wording.translation import counted, fill, translate


def test_places_are_filled_by_number_wherever_a_translator_puts_them() -> None:
    assert fill("%2 before %1", "after", "before") == "before before after"
    assert fill("%1 and %3", "one") == "one and %3"  # a missing value leaves its place visible


def test_translate_fills_numbers_and_the_plural_count() -> None:
    sentence = translate("test", "From %1 to %2 across %n sessions.", 7, 3, n=6)
    assert sentence == "From 7 to 3 across 6 sessions."


def test_counted_settles_english_plurals() -> None:
    assert counted("test", "%Ln reflection(s)", 1) == "1 reflection"
    assert counted("test", "%Ln reflection(s)", 0) == "0 reflections"
    assert counted("test", "%Ln insight(s)", 12) == "12 insights"

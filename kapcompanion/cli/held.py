"""How the command line says what a data file or a backup holds: "7 sessions, 18 reflections,
…" in the order the counts come, each table under the name a person knows it by."""

from __future__ import annotations

from collections.abc import Mapping

PLAIN_NAMES = {
    "distress_ratings": "distress check-ins",
    "practice_entries": "practices logged",
}


def held_words(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{count} {PLAIN_NAMES.get(table, table)}" for table, count in counts.items())

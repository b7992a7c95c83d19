"""What an export held and what an import added, counted the way the client thinks of them.

Answers, theme links and questionnaire answers belong to their reflection, insight or
check-in and are not counted on their own; built-in themes come with the app and are not
counted either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kapcompanion.exchange.records import Record
from kapcompanion.exchange.schema import EXCHANGED_SETTINGS
from kapcompanion.wording.translation import counted, translate

CONTEXT = "ExchangeSummary"  # translations of these sentences, for the window and the CLI

# Counted tables in the order they are named, each with its "%Ln thing(s)" phrase
# (kapcompanion.wording.translation.counted settles the plural, in a translation or in English).
COUNTED: dict[str, Callable[[int], str]] = {  # each table's counted phrase, for n of them
    "sessions": partial(counted, CONTEXT, "%Ln session(s)"),
    "reflections": partial(counted, CONTEXT, "%Ln reflection(s)"),
    "insights": partial(counted, CONTEXT, "%Ln insight(s)"),
    "commitments": partial(counted, CONTEXT, "%Ln small step(s)"),
    "commitment_notes": partial(counted, CONTEXT, "%Ln note(s) on your small steps"),
    "themes": partial(counted, CONTEXT, "%Ln theme(s) of your own"),
    "distress_ratings": partial(counted, CONTEXT, "%Ln distress check-in(s)"),
    "checkins": partial(counted, CONTEXT, "%Ln questionnaire(s)"),
    "practice_entries": partial(counted, CONTEXT, "%Ln practice(s) logged"),
    "own_practices": partial(counted, CONTEXT, "%Ln practice(s) of your own"),
    "medications": partial(counted, CONTEXT, "%Ln medication(s)"),
    "settings": partial(counted, CONTEXT, "%Ln setting(s)"),
}


def is_counted(table: str, record: Record) -> bool:
    """Whether `record` counts as one of the client's things in a summary."""
    if table == "themes":
        return not record["builtin"]
    if table == "settings":  # draft insights go with their draft; unknown keys are skipped
        return record["key"] in EXCHANGED_SETTINGS
    return table in COUNTED


def count_records(tables: Mapping[str, Sequence[Record]]) -> dict[str, int]:
    """How many counted records each counted table holds."""
    return {
        table: sum(1 for record in tables.get(table, ()) if is_counted(table, record))
        for table in COUNTED
    }


def describe_counts(counts: Mapping[str, int]) -> str:
    """'6 sessions, 12 reflections and 1 insight' (tables with none are left out)."""
    parts = [phrase(counts[table]) for table, phrase in COUNTED.items() if counts.get(table)]
    if len(parts) <= 1:
        return "".join(parts)
    return translate(CONTEXT, "%1 and %2", translate(CONTEXT, ", ").join(parts[:-1]), parts[-1])


@dataclass(frozen=True)
class ExportSummary:
    """Where an export was written and how much of each kind it holds."""

    path: Path
    counts: dict[str, int]

    @classmethod
    def of(cls, path: Path, tables: Mapping[str, Sequence[Record]]) -> ExportSummary:
        return cls(path, count_records(tables))

    def describe(self) -> str:
        """What was exported where, in the client's language."""
        held = describe_counts(self.counts)
        if not held:
            return translate(
                CONTEXT,
                "Exported to %1. There are no entries yet, only the built-in themes.",
                self.path,
            )
        return translate(CONTEXT, "Exported everything to %1: %2.", self.path, held)


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each kind an import added, and how many were already here."""

    added: dict[str, int]
    already_here: dict[str, int]

    @property
    def added_total(self) -> int:
        return sum(self.added.values())

    @property
    def already_here_total(self) -> int:
        return sum(self.already_here.values())

    def describe(self) -> str:
        """'Added 12 reflections and 3 insights; 4 entries were already here.' in the client's
        language (the window shows the same sentence)."""
        present = self.already_here_total
        if not self.added_total:
            if not present:
                return translate(CONTEXT, "The file holds no entries, so nothing was added.")
            if present == 1:
                return translate(
                    CONTEXT, "Nothing new was added: the one entry in the file was already here."
                )
            return translate(
                CONTEXT,
                "Nothing new was added: all %Ln entries in the file were already here.",
                n=present,
            )
        added = describe_counts(self.added)
        if not present:
            return translate(CONTEXT, "Added %1.", added)
        if present == 1:
            return translate(CONTEXT, "Added %1; 1 entry was already here.", added)
        return translate(CONTEXT, "Added %1; %Ln entries were already here.", added, n=present)

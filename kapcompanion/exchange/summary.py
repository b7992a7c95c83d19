"""What an export held and what an import added, counted the way the client thinks of them.

Answers, theme links and questionnaire answers belong to their reflection, insight or
check-in and are not counted on their own; built-in themes come with the app and are not
counted either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kapcompanion.exchange.records import Record
from kapcompanion.exchange.schema import EXCHANGED_SETTINGS

# Counted tables in the order they are named, with their English singular and plural.
COUNTED: dict[str, tuple[str, str]] = {
    "sessions": ("session", "sessions"),
    "reflections": ("reflection", "reflections"),
    "insights": ("insight", "insights"),
    "commitments": ("small step", "small steps"),
    "commitment_notes": ("note on a small step", "notes on small steps"),
    "themes": ("theme of your own", "themes of your own"),
    "distress_ratings": ("distress check-in", "distress check-ins"),
    "checkins": ("questionnaire", "questionnaires"),
    "settings": ("setting", "settings"),
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
    parts = [
        f"{counts[table]} {words[0] if counts[table] == 1 else words[1]}"
        for table, words in COUNTED.items()
        if counts.get(table, 0)
    ]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


@dataclass(frozen=True)
class ExportSummary:
    """Where an export was written and how much of each kind it holds."""

    path: Path
    counts: dict[str, int]

    @classmethod
    def of(cls, path: Path, tables: Mapping[str, Sequence[Record]]) -> ExportSummary:
        return cls(path, count_records(tables))

    def describe(self) -> str:
        held = describe_counts(self.counts)
        if not held:
            return f"Exported to {self.path}. There are no entries yet, only the built-in themes."
        return f"Exported everything to {self.path}: {held}."


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
        present = self.already_here_total
        if not self.added_total:
            if not present:
                return "The file holds no entries, so nothing was added."
            return f"Nothing new was added: all {present} were already here."
        message = f"Added {describe_counts(self.added)}"
        if present:
            message += f"; {present} {'was' if present == 1 else 'were'} already here"
        return message + "."

"""The client's own crisis lines: lines they added in Support (a local service, a friend who
said "call me any time", a number their clinic gave them), shown before any other.

They are kept like the therapist's and clinic's contacts, as one setting, so they travel in an
export with the rest of Support. Each has a name, a number or other way to reach it, and an
optional note. Reading never fails, whatever is stored: Support is the screen for a crisis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kapcompanion.entry_rules import checked_name, checked_note
from kapcompanion.wording.translation import translate

if TYPE_CHECKING:
    from kapcompanion.store import Store

OWN_LINES_SETTING = "support.own_lines"
CONTEXT = "OwnCrisisLines"


@dataclass(frozen=True)
class OwnLine:
    name: str
    contact: str
    note: str = ""

    def as_stored(self) -> dict[str, str]:
        return {"name": self.name, "contact": self.contact, "note": self.note}


def own_lines(store: Store) -> tuple[OwnLine, ...]:
    """The client's own lines in their order; an entry without a name and a contact, or that is
    not text, is left out."""
    saved = store.settings.get(OWN_LINES_SETTING, [])
    lines = []
    for entry in saved if isinstance(saved, list) else []:
        if not isinstance(entry, dict):
            continue
        name, contact, note = (entry.get(key, "") for key in ("name", "contact", "note"))
        if (
            isinstance(name, str)
            and isinstance(contact, str)
            and isinstance(note, str)
            and name.strip()
            and contact.strip()
        ):
            lines.append(OwnLine(name, contact, note))
    return tuple(lines)


def checked_own_line(name: str, contact: str, note: str) -> OwnLine:
    """The line to keep, spaces tidied; refused (EntryRefusedError, with a sentence saying what
    to change) without a name or a way to reach it, or when a part is too long to keep."""
    return OwnLine(
        checked_name(name, translate(CONTEXT, "A line needs a name. Nothing was saved.")),
        checked_name(
            contact,
            translate(
                CONTEXT, "A line needs a number or another way to reach it. Nothing was saved."
            ),
        ),
        checked_note(note.strip()),
    )


def save_own_lines(store: Store, lines: tuple[OwnLine, ...]) -> None:
    store.settings.set(OWN_LINES_SETTING, [line.as_stored() for line in lines])

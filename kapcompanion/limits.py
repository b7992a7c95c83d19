"""How much one entry may hold: the one place the size limit is defined.

One answer (or insight, or session note) holds at most `MOST_CHARACTERS` characters, about
1 MB of text: some hundreds of pages, far more than anyone writes after a session, and small
enough that saving, searching and showing it stays quick. The store refuses longer text
(EntryRefusedError), import refuses an export holding any, and the window cuts a paste to fit
with `fit_to_limit`, saying so.
"""

from __future__ import annotations

import unicodedata

from kapcompanion.errors import EntryRefusedError
from kapcompanion.wording.translation import translate

MOST_CHARACTERS = 1_000_000
# A name (a medication, a practice of the client's own) is one line: the longest drug names
# with their salt and form stay well under this, and a list of them stays readable.
MOST_NAME_CHARACTERS = 200


def too_long(text: str | None) -> bool:
    return text is not None and len(text) > MOST_CHARACTERS


def fit_to_limit(text: str, room: int = MOST_CHARACTERS) -> tuple[str, bool]:
    """`text` cut to at most `room` characters (by default, what one entry holds), and
    whether anything was cut. The cut never splits an accented letter from its accent."""
    if len(text) <= room:
        return text, False
    kept = text[: max(room, 0)]
    # A combining mark left at the start of what was cut belongs to the last letter kept.
    while kept and unicodedata.combining(text[len(kept)]):
        kept = kept[:-1]
    return kept, True


def refuse_too_long(*texts: str | None) -> None:
    """Raise EntryRefusedError, before anything is written, if any of `texts` is too long."""
    longest = max((len(text) for text in texts if text is not None), default=0)
    if longest > MOST_CHARACTERS:
        raise EntryRefusedError(
            translate(
                "Limits",
                "This text is too long to keep: one entry holds up to %1 characters, and this "
                "one has %2. Nothing was changed.",
                MOST_CHARACTERS,
                longest,
            )
        )


def refuse_unstorable(*texts: str | None) -> None:
    """Raise EntryRefusedError for text holding a lone surrogate (half of an emoji, from a
    broken paste): it cannot be written as UTF-8, so it could never be saved or exported."""
    for text in texts:
        if text is None:
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise EntryRefusedError(
                translate(
                    "Limits",
                    "This text holds a broken character (perhaps half of an emoji from a "
                    "paste), so it cannot be kept. Please retype that part. Nothing was changed.",
                )
            ) from None

"""The window's words for what goes wrong are plain: never SQLite's own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion import errors
from ui.widgets.error_messages import describe

FILE = Path("/home/someone/.local/share/kap-companion/kap-companion.sqlite3")
SQLITE_TEXT = "*** in database main *** Page 34: btreeInitPage() returns error code 11"


def test_a_full_disk_says_so_plainly() -> None:
    title, message = describe(errors.DiskFullError(FILE, "database or disk is full"))
    assert title == "The disk is full"
    assert message.startswith("Your disk is full")
    assert "database or disk is full" not in message


def test_a_disk_that_does_not_answer_is_not_called_damage() -> None:
    title, message = describe(errors.DiskIOError(FILE, "disk I/O error"))
    assert title == "The disk did not answer"
    assert "does not mean your entries are damaged" in message
    assert "disk I/O error" not in message


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (errors.ProfileNeedsRecoveryError.EMPTY, "the file is empty"),
        (errors.ProfileNeedsRecoveryError.TRUNCATED, "cut short"),
        (errors.ProfileNeedsRecoveryError.MISSING, "no longer there"),
        (errors.ProfileNeedsRecoveryError.DAMAGED, "damaged"),
    ],
)
def test_a_file_that_needs_a_backup_is_told_plainly_without_sqlite_s_words(
    kind: str, words: str
) -> None:
    title, message = describe(errors.ProfileNeedsRecoveryError(FILE, kind, SQLITE_TEXT))
    assert title == "Your entries could not be opened"
    assert words in message and "Nothing was changed" in message
    assert "***" not in message and "btree" not in message

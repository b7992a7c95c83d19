"""A backup in words: when it was made, what it holds, and why it cannot be put back."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from kapcompanion.store.restore import BackupSummary
from kapcompanion.wording.translation import fill
from ui.widgets.wording import when_text

CONTEXT = "Recovery"
NO_PASSPHRASE = "is protected with a passphrase, and none was given"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def made_text(backup: BackupSummary) -> str:
    """ "Made automatically on Wednesday, 25 November 2026 at 14:02"."""
    if backup.made == datetime.min:
        return _tr("Made at a time that cannot be read")
    when = when_text(backup.made.astimezone())
    if backup.automatic:
        return fill(_tr("Made automatically on %1"), when)
    return fill(_tr("Made by you on %1"), when)


def _count(number: int, one: str, many: str, locale: QLocale) -> str:
    return _tr(one) if number == 1 else fill(_tr(many), locale.toString(number))


def holds_text(backup: BackupSummary, locale: QLocale | None = None) -> str:
    """ "It holds 6 sessions, 18 reflections and 14 insights."."""
    locale = locale or QLocale()
    counts = backup.counts
    return fill(
        _tr("It holds %1, %2 and %3."),
        _count(counts.get("sessions", 0), "1 session", "%1 sessions", locale),
        _count(counts.get("reflections", 0), "1 reflection", "%1 reflections", locale),
        _count(counts.get("insights", 0), "1 insight", "%1 insights", locale),
    )


def problem_text(backup: BackupSummary) -> str:
    """Why `backup` cannot be put back, in plain words: never SQLite's own."""
    problem = backup.problem
    if problem == NO_PASSPHRASE:
        return _tr("It is protected with your passphrase. Type it above to see what it holds.")
    if problem.startswith("does not open with this passphrase"):
        return _tr("It does not open with this passphrase.")
    if problem.startswith("belongs to another program"):
        return _tr("It was made by another program, not KAP Companion.")
    if problem.startswith("was made by a newer version"):
        return _tr("It was made by a newer version of KAP Companion.")
    if problem.startswith("is not a KAP Companion"):
        return _tr("It is not a KAP Companion backup.")
    if problem.startswith("is protected, and this installation"):
        return _tr("It is protected, and this installation cannot open protected files.")
    if problem.startswith("is damaged"):
        return _tr("It is damaged, so it cannot be put back.")
    return _tr("It cannot be read just now.")


def needs_passphrase(backups: list[BackupSummary]) -> bool:
    """True when some backups say what they hold only with the passphrase."""
    return any(backup.problem == NO_PASSPHRASE for backup in backups)

"""Opens the throw-away sample course in a separate process, so it never mixes with real data."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess


def sample_course_command() -> tuple[str, list[str]]:
    """The program and arguments that open KAP Companion on the sample course.

    -P keeps the current folder off the import path, so an unrelated app.py there can never
    be run in our place.
    """
    return sys.executable, ["-P", "-m", "app", "--demo"]


def launch_sample_course() -> int | None:
    """Start the sample course in its own process; its process id, or None if it did not start.

    Detached: it lives on if this window closes, as a second program would.
    """
    program, arguments = sample_course_command()
    started, pid = QProcess.startDetached(program, arguments)
    return pid if started else None

"""Opens the throw-away sample course in a separate process, so it never mixes with real data."""

from __future__ import annotations

from PySide6.QtCore import QProcess

from ui.widgets.own_program import own_program


def sample_course_command() -> tuple[str, list[str]]:
    """The program and arguments that open KAP Companion on the sample course."""
    return own_program("--demo")


def launch_sample_course() -> int | None:
    """Start the sample course in its own process; its process id, or None if it did not start.

    Detached: it lives on if this window closes, as a second program would.
    """
    program, arguments = sample_course_command()
    started, pid = QProcess.startDetached(program, arguments)
    return pid if started else None

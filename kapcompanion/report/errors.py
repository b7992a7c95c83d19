"""The errors the report can give the client, each in one calm sentence."""

from __future__ import annotations

from pathlib import Path

from kapcompanion.errors import KapError


class ReportError(KapError):
    """The report could not be saved where the client asked."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The report could not be saved as {path} ({reason}). Nothing else was changed; "
            "you might choose another folder."
        )
        self.path = path
        self.reason = reason


class ReportPeriodError(KapError):
    """A chosen period that ends before it starts."""

    def __init__(self) -> None:
        super().__init__("The period ends before it starts. Choose an end date after the start.")


class ReportPaperError(KapError):
    """Paper with no room for the printout between its margins, header and footer."""

    def __init__(self) -> None:
        super().__init__(
            "This paper is too small for the printout. Choose A5, A4 or Letter; nothing was "
            "changed."
        )


class ReportPrintError(KapError):
    """The printer (or the file it prints to) would not take the printout."""

    def __init__(self) -> None:
        super().__init__("The printout could not be sent to the printer. Nothing was changed.")


class ReportTooLongError(KapError):
    """More pages than one printout can be laid out in (thousands)."""

    def __init__(self) -> None:
        super().__init__(
            "This printout is too long to make in one piece. Choose a shorter period, or fewer "
            "reflections; nothing was changed."
        )


class ReportStoppedError(KapError):
    """The process painting the printout went before it was finished (it crashed, or was
    stopped from outside)."""

    def __init__(self) -> None:
        super().__init__(
            "The printout stopped before it was finished. Nothing was saved or changed; you "
            "might try again."
        )


class ReportCancelledError(Exception):
    """The client stopped the printout while it was being made: nothing to tell them."""

"""What changed: the words `data_changed(kind)` carries, so only the screens that care refresh.

Every screen says which kinds of data it shows (`Screen.depends_on`); the main window passes a
change on only to those. A kind names data as the client knows it, not a table: moving a
reflection to "recently deleted" is a change to REFLECTIONS, as the timeline, the trends and the
printout all lose it. Never imports Qt widgets and never reads the store.
"""

from __future__ import annotations

from enum import StrEnum


class DataKind(StrEnum):
    """One kind of data that a change touched."""

    SESSIONS = "sessions"
    """Sessions noted, edited or set aside."""
    REFLECTIONS = "reflections"
    """Reflections begun, written, finished (with their insights and themes), edited, shared,
    moved to or back from "recently deleted"."""
    INSIGHTS = "insights"
    """Insights and their small steps and notes, on the board or back from "recently deleted"."""
    THEMES = "themes"
    """A theme added to the list of themes."""
    CHECK_INS = "checkins"
    """Check-ins taken, set aside or rescheduled."""
    PRACTICES = "practices"
    """Practices logged, edited, moved to or back from "recently deleted", and the practices of
    the client's own named, renamed or removed."""
    MEDICATIONS = "medications"
    """The medication list: a medication added, changed, stopped, moved away or brought back."""
    SUPPORT = "support"
    """The safety plan, the people to contact and the country for crisis lines."""
    SETTINGS = "settings"
    """A setting of the client's own (such as asking before a difficult reflection opens)."""
    DELETED = "deleted"
    """Only "recently deleted" itself: something erased from it for good."""
    EVERYTHING = "everything"
    """Anything at all may have changed (an import): every screen cares."""

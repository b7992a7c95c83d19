"""The domain's words that the window and the printout both use, written once: session kinds
and titles ("Session 3", "Preparation session") and phase titles ("The next day"); long dates
are in kapcompanion.wording.dates.

Sentences go through the core's `translate` (context "domain"), numbers and dates through
QLocale, so a session reads the same on screen, on paper and in any language. QtCore only:
never imports Qt's painting or widgets (the printout's content and the command line use it).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.data_files.resource_files import ResourceError
from kapcompanion.domain import Phase, Session, SessionKind
from kapcompanion.wording.translation import translate

CONTEXT = "domain"


def kind_label(kind: SessionKind) -> str:
    """A plain name for a kind of session ("Dosing session")."""
    labels = {
        SessionKind.DOSING: translate(CONTEXT, "Dosing session"),
        SessionKind.PREPARATION: translate(CONTEXT, "Preparation session"),
        SessionKind.INTEGRATION: translate(CONTEXT, "Integration session"),
    }
    return labels[SessionKind(kind)]


def session_title(session: Session, locale: QLocale | None = None) -> str:
    """ "Session 3" for a numbered dosing session; otherwise the kind of session."""
    if session.kind is SessionKind.DOSING and session.number_in_course:
        number = (locale or QLocale()).toString(session.number_in_course)
        return translate(CONTEXT, "Session %1", number)
    return kind_label(session.kind)


def phase_title(phase: Phase) -> str:
    """The title of a phase's prompt set ("The next day"), or a plain fallback when the
    prompt set cannot be read."""
    try:
        return prompt_set_for(phase).title
    except ResourceError:
        return translate(CONTEXT, "Reflection")

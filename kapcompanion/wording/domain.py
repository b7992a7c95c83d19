"""The domain's words that the window and the printout both use, written once: session kinds
and titles ("Session 3", "Preparation session"), phase titles ("The next day"), practice names
and what the medication list says about advice; long dates are in kapcompanion.wording.dates.

Sentences go through the core's `translate` (context "domain"), numbers and dates through
QLocale, so a session reads the same on screen, on paper and in any language. QtCore only:
never imports Qt's painting or widgets (the printout's content and the command line use it).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapcompanion.data_files.practices import builtin_practice
from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.data_files.resource_files import ResourceError
from kapcompanion.domain import Phase, PracticeEntry, Session, SessionKind
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


def practice_name(entry: PracticeEntry) -> str:
    """What a logged practice is called: a built-in one by the name in its data file (like a
    phase title), one of the client's own as they named it. A built-in key this version does
    not know (from a newer version's export) is shown as it is rather than hidden."""
    key = entry.practice.builtin_key
    if key is None:
        return entry.own_name
    known = builtin_practice(key)
    return key if known is None else known.name


def medication_list_note() -> str:
    """Said once beside the medication list, on screen and on paper."""
    return translate(
        CONTEXT,
        "This list is yours, to keep track and to show your prescriber. KAP Companion gives no "
        "advice about medications and does not check how they go together. Questions about "
        "your medications and ketamine belong with your prescriber.",
    )

"""The Support screen's shared wording: each safety plan section's title and hint, and the plain
statement that KAP Companion is not an emergency service.

Kept in one place because the editor, the contacts page and the printout all say the same
thing. Nothing here touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kapcompanion.course.own_crisis_lines import OwnLine
from kapcompanion.course.support import SAFETY_PLAN_SECTIONS, Country, CrisisLine
from kapcompanion.data_files.crisis_lines import Directory
from kapcompanion.wording.translation import fill


def _tr(source: str) -> str:
    return QCoreApplication.translate("SupportWording", source)


@dataclass(frozen=True)
class SectionWording:
    key: str
    title: str
    hint: str


def section_wording() -> list[SectionWording]:
    """The seven safety plan sections, in order, with the words the client sees."""
    words = {
        "warning_signs": (
            _tr("Warning signs"),
            _tr(
                "Thoughts, feelings, situations or habits that tell you a hard time may be "
                "starting."
            ),
        ),
        "coping_on_my_own": (
            _tr("Things I can do on my own"),
            _tr("Small things that help you feel a little calmer or take your mind off things."),
        ),
        "people_and_places": (
            _tr("People and places that help me feel better"),
            _tr("People to be around and places to go that offer comfort or a change of scene."),
        ),
        "people_to_ask": (
            _tr("People I can ask for help"),
            _tr("Friends or family you could tell how you are, with how to reach them."),
        ),
        "professionals": (
            _tr("Professionals and services I can contact"),
            _tr("Your therapist, your doctor, a clinic or a crisis line, and how to reach them."),
        ),
        "safer_surroundings": (
            _tr("Making my surroundings safer"),
            _tr(
                "Ways to make where you are safer for now, such as putting things away or "
                "asking someone to keep them for a while."
            ),
        ),
        "reasons_for_living": (
            _tr("My reasons for living"),
            _tr("The people, hopes and things that matter to you and keep you going."),
        ),
    }
    return [SectionWording(key, *words[key]) for key in SAFETY_PLAN_SECTIONS]


def emergency_number(country: Country) -> str:
    """The country's emergency number as the crisis-lines file gives it ("" if none is known)."""
    return country.emergency


def not_an_emergency_service(country: Country) -> str:
    """The plain statement every support page shows, with the country's emergency number."""
    number = emergency_number(country)
    if not number:
        return _tr(
            "KAP Companion is not an emergency service. If you are in danger now, please call "
            "your local emergency number."
        )
    return fill(
        _tr(
            "KAP Companion is not an emergency service. If you are in danger now, please call "
            "your local emergency number, %1."
        ),
        number,
    )


def elsewhere(directory: Directory) -> str:
    """For a country without lines of its own: where to look for one, never a number."""
    return fill(
        _tr(
            "KAP Companion does not list crisis lines for where you are. To find a free, "
            "confidential helpline near you, the international directory %1 lists many "
            "countries: %2"
        ),
        directory.name,
        directory.address,
    )


def lines_in_order(
    own: tuple[OwnLine, ...], plan: tuple[CrisisLine, ...], country: Country
) -> list[str]:
    """Every line to show, one "name: contact" a line: the client's own first (with their
    note), then their therapist's plan's, then the country's."""
    shown = [
        fill(_tr("%1: %2 (%3)"), line.name, line.contact, line.note)
        if line.note
        else fill(_tr("%1: %2"), line.name, line.contact)
        for line in own
    ]
    shown += [fill(_tr("%1: %2"), line.name, line.contact) for line in plan + country.lines]
    return shown

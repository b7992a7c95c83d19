"""The numbers behind the Home screen's "your course so far": plain facts, no judgement.

Pure reads from the store; the window decides the wording and formats dates and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kapcompanion.domain import DistressRating, Insight, Reflection, Session, SessionKind, Theme
from kapcompanion.store import Store

TOP_THEMES = 5
KEY_INSIGHTS = 3


@dataclass(frozen=True)
class CourseSummary:
    dosing_sessions: int
    first_session_at: datetime | None
    latest_session: Session | None
    first_distress_after: int | None
    latest_distress_after: int | None
    reflections: int
    insights: int
    top_themes: tuple[tuple[Theme, int], ...]
    key_insights: tuple[Insight, ...]
    paused_reflection: Reflection | None = None
    latest_check_in: DistressRating | None = None  # the latest quick distress check-in

    @property
    def is_empty(self) -> bool:
        return self.latest_session is None and self.reflections == 0 and self.insights == 0


def summarise_course(store: Store, sessions: Sequence[Session] | None = None) -> CourseSummary:
    """The course at a glance; `sessions` is every session if the caller has read them."""
    sessions = store.sessions.list() if sessions is None else sessions
    dosing = [s for s in sessions if s.kind is SessionKind.DOSING]
    rated = [s.distress_after for s in dosing if s.distress_after is not None]
    return CourseSummary(
        dosing_sessions=len(dosing),
        first_session_at=dosing[0].held_at if dosing else None,
        latest_session=sessions[-1] if sessions else None,
        first_distress_after=rated[0] if rated else None,
        latest_distress_after=rated[-1] if len(rated) > 1 else None,
        reflections=store.live_count("reflections"),
        insights=store.live_count("insights"),
        top_themes=tuple(store.themes.counts()[:TOP_THEMES]),
        key_insights=tuple(store.insights.leading(KEY_INSIGHTS)),
        paused_reflection=next(iter(store.reflections.unfinished()), None),
        latest_check_in=store.check_ins.latest_distress_rating(),
    )

"""What the insight board shows, read from the store in one go: each insight with its themes,
where it came from, its small commitment and the notes on how that is going.

`load_board` asks the store a fixed number of questions (one per kind of record), however
many insights there are. The board's model filters the result in memory (all / pinned /
shared, and by theme), so changing a filter never waits on the disk. This module only reads;
changes go through `ui.operations.insights`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from kapcompanion.domain import Commitment, CommitmentNote, Insight, Theme
from kapcompanion.ids import InsightId, ReflectionId
from kapcompanion.wording.translation import fill
from ui.widgets.wording import phase_title, session_title

if TYPE_CHECKING:
    from kapcompanion.store import Store

CONTEXT = "InsightBoard"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


class ShowOnly(StrEnum):
    ALL = "all"
    PINNED = "pinned"
    SHARED = "shared"


@dataclass(frozen=True)
class InsightCardData:
    """One insight as its card shows it."""

    insight: Insight
    themes: tuple[Theme, ...]
    source: str  # "Session 3 · Later the same day", or "" when it is not known
    reflection_id: ReflectionId | None  # set only when that reflection can be opened
    commitment: Commitment | None
    notes: tuple[CommitmentNote, ...]  # oldest first

    @property
    def id(self) -> InsightId:
        return self.insight.id

    @property
    def theme_keys(self) -> tuple[str, ...]:
        return tuple(theme.key for theme in self.themes)


@dataclass(frozen=True)
class BoardFilter:
    """Which insights the board shows."""

    show: ShowOnly = ShowOnly.ALL
    theme_key: str | None = None

    @property
    def narrows(self) -> bool:
        return self.show is not ShowOnly.ALL or self.theme_key is not None

    def accepts(self, card: InsightCardData) -> bool:
        if self.show is ShowOnly.PINNED and not card.insight.pinned:
            return False
        if self.show is ShowOnly.SHARED and not card.insight.shareable:
            return False
        return self.theme_key is None or self.theme_key in card.theme_keys


@dataclass(frozen=True)
class BoardData:
    cards: tuple[InsightCardData, ...]  # pinned first, then newest first
    themes: tuple[Theme, ...]  # every theme, for choosing

    def themes_in_use(self) -> list[Theme]:
        """Themes that at least one insight carries, by name."""
        used = {key for card in self.cards for key in card.theme_keys}
        return [theme for theme in self.themes if theme.key in used]


def load_board(store: Store, locale: QLocale | None = None) -> BoardData:
    """Every live insight with what its card needs, in the store's order (pinned first, then
    newest), read with the same few queries whatever the number of insights."""
    locale = locale or QLocale()
    sessions = {session.id: session for session in store.sessions.list()}
    reflections = {reflection.id: reflection for reflection in store.reflections.list()}
    themes = tuple(store.themes.list())
    themes_by_key = {theme.key: theme for theme in themes}
    commitments: dict[InsightId, Commitment] = {}
    for commitment in store.insights.list_commitments():
        # One small step per insight; should there be more, the first one made is shown.
        commitments.setdefault(commitment.insight_id, commitment)
    theme_keys = store.themes.keys_by_insight()
    notes_by_step = store.insights.notes_by_commitment()
    cards: list[InsightCardData] = []
    for insight in store.insights.list():
        reflection = reflections.get(insight.reflection_id) if insight.reflection_id else None
        session_id = reflection.session_id if reflection is not None else insight.session_id
        session = sessions.get(session_id) if session_id is not None else None
        parts: list[str] = []
        if session is not None:
            parts.append(session_title(session, locale))
        if reflection is not None:
            parts.append(phase_title(reflection.phase))
        step = commitments.get(insight.id)
        notes = tuple(notes_by_step.get(step.id, ())) if step is not None else ()
        cards.append(
            InsightCardData(
                insight=insight,
                themes=_themes(theme_keys.get(insight.id, ()), themes_by_key),
                source=fill(_tr("%1 · %2"), *parts) if len(parts) == 2 else "".join(parts),
                reflection_id=reflection.id if reflection is not None else None,
                commitment=step,
                notes=notes,
            )
        )
    return BoardData(tuple(cards), themes)


def _themes(keys: Iterable[str], by_key: dict[str, Theme]) -> tuple[Theme, ...]:
    return tuple(by_key[key] for key in keys if key in by_key)

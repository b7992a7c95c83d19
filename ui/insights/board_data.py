"""What the insight board shows, read from the store in one go: each insight with its themes,
where it came from, its small commitment and the notes on how that is going.

`load_board` asks the store a fixed number of questions (one per kind of record), however
many insights there are; after a change to one insight, `with_insight_reloaded` asks the same
questions about that insight alone and puts it in its place. The board's model filters the
result in memory (all / pinned / shared, and by theme), so changing a filter never waits on
the disk. This module only reads; changes go through `ui.operations.insights`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from kapcompanion.domain import Commitment, CommitmentNote, Insight, Session, Theme
from kapcompanion.errors import NotFoundError
from kapcompanion.ids import InsightId, ReflectionId, SessionId
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
    sessions = {session.id: session for session in store.sessions.list()}
    themes = tuple(store.themes.list())
    cards = _cards(store, None, sessions.get, themes, locale or QLocale())
    return BoardData(tuple(cards), themes)


def with_insight_reloaded(
    store: Store, board: BoardData, insight_id: InsightId, locale: QLocale | None = None
) -> BoardData:
    """`board` with one insight read again after a change to it (its words, pin, sharing,
    themes, small step or notes, or its move to recently deleted and back), in the same few
    small queries whatever the size of the board. A change to sessions, reflections or the
    theme list needs `load_board`."""

    def session_of(session_id: SessionId) -> Session | None:
        try:
            return store.sessions.get(session_id)
        except NotFoundError:  # deleted since: the card does not name it
            return None

    fresh = _cards(store, {insight_id}, session_of, board.themes, locale or QLocale())
    cards = [card for card in board.cards if card.id != insight_id] + fresh
    # As the store orders them (Insights.list): pinned first, then newest.
    cards.sort(key=lambda card: (card.insight.pinned, card.insight.created_at, card.id))
    cards.reverse()
    return BoardData(tuple(cards), board.themes)


def _cards(
    store: Store,
    of: Collection[InsightId] | None,
    session_of: Callable[[SessionId], Session | None],
    themes: tuple[Theme, ...],
    locale: QLocale,
) -> list[InsightCardData]:
    """The cards of every live insight (or of those in `of`), in the store's order."""
    themes_by_key = {theme.key: theme for theme in themes}
    theme_keys = store.themes.keys_by_insight(of)
    steps = store.insights.commitments_by_insight(of)
    notes_by_step = store.insights.notes_by_commitment(of)
    titles: dict[SessionId, str] = {}
    cards: list[InsightCardData] = []
    for insight, origin in store.insights.with_origins(of):
        parts: list[str] = []
        if origin.session_id is not None:
            if origin.session_id not in titles:
                session = session_of(origin.session_id)
                titles[origin.session_id] = session_title(session, locale) if session else ""
            if titles[origin.session_id]:
                parts.append(titles[origin.session_id])
        if origin.phase is not None:
            parts.append(phase_title(origin.phase))
        # One small step per insight; should there be more, the first one made is shown.
        step = steps[insight.id][0] if insight.id in steps else None
        notes = tuple(notes_by_step.get(step.id, ())) if step is not None else ()
        cards.append(
            InsightCardData(
                insight=insight,
                themes=_themes(theme_keys.get(insight.id, ()), themes_by_key),
                source=fill(_tr("%1 · %2"), *parts) if len(parts) == 2 else "".join(parts),
                reflection_id=origin.reflection_id,
                commitment=step,
                notes=notes,
            )
        )
    return cards


def _themes(keys: Iterable[str], by_key: dict[str, Theme]) -> tuple[Theme, ...]:
    return tuple(by_key[key] for key in keys if key in by_key)

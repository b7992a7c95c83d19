"""How times are stored: ISO 8601 text in UTC, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("Times must carry a time zone before they are stored.")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def from_db_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def from_db_time_or_none(text: str | None) -> datetime | None:
    return None if text is None else from_db_time(text)

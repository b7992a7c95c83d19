"""`store.settings`: small values the client chose (JSON under a key), kept in the profile.

Window geometry and colours live in window.ini, not here. Never imports Qt.
"""

from __future__ import annotations

import builtins
import json
from typing import Any

from kapcompanion.domain import utc_now
from kapcompanion.store.part import Part
from kapcompanion.timestamps import to_db_time


class Settings(Part):
    def get(self, key: str, default: Any = None) -> Any:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return default if row is None else json.loads(row["value"])

    def set(self, key: str, value: Any) -> None:
        """Store any JSON-serialisable value under `key`."""
        with self._db.atomic():
            self._table("settings").upsert(
                {"key": key, "value": json.dumps(value), "updated_at": to_db_time(utc_now())},
                pk="key",
            )

    def delete(self, key: str) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM settings WHERE key = ?", [key])

    def keys(self) -> builtins.set[str]:
        """The keys of every setting stored in this profile."""
        return {key for (key,) in self._db.execute("SELECT key FROM settings")}

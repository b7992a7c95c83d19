"""`store.themes`: the theme list (built-in and the client's own) and which reflections and
insights carry each theme.

The built-in themes are put in place when a profile opens (`ensure_builtin`). Never imports Qt.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Sequence

from kapcompanion.data_files.builtin_themes import builtin_themes, fold_for_key, own_theme_colours
from kapcompanion.domain import Theme, new_uuid, utc_now
from kapcompanion.errors import EntryRefusedError, NotFoundError
from kapcompanion.ids import InsightId, ReflectionId, SessionId, ThemeId
from kapcompanion.store import rows as to
from kapcompanion.store.only_ids import only
from kapcompanion.store.part import Part
from kapcompanion.timestamps import to_db_time
from kapcompanion.wording.translation import translate

CONTEXT = "Store"

# (theme key, session id, reflection id, insight id): one theme on one live reflection or insight.
ThemeLink = tuple[str, SessionId | None, ReflectionId | None, InsightId | None]


class Themes(Part):
    def ensure_builtin(self) -> None:
        """Add any built-in theme this profile does not have yet (a newer version may add some),
        and give the built-in ones this version's colours (the client's own keep theirs)."""
        present = {
            row["key"]: row["colour"]
            for row in self._all("SELECT key, colour FROM themes WHERE builtin = 1")
        }
        recoloured = [
            theme
            for theme in builtin_themes()
            if theme.key in present and present[theme.key] != theme.colour
        ]
        if recoloured:
            # The colour is the app's, not the client's writing: no edit time is touched.
            with self._db.atomic():
                for theme in recoloured:
                    self._db.execute(
                        "UPDATE themes SET colour = ? WHERE key = ? AND builtin = 1",
                        [theme.colour, theme.key],
                    )
        all_keys = {row["key"] for row in self._all("SELECT key FROM themes")}
        missing = [theme for theme in builtin_themes() if theme.key not in all_keys]
        if not missing:
            return
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._table("themes").insert_all(
                {
                    "uuid": theme.uuid,
                    "key": theme.key,
                    "name": theme.name,
                    "colour": theme.colour,
                    "builtin": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for theme in missing
            )

    def add(self, name: str) -> Theme:
        """A theme of the client's own, with the next colour from the shared palette."""
        name = " ".join(name.split())
        if not name:
            raise EntryRefusedError(translate(CONTEXT, "A theme needs a name."))
        if any(theme.name.casefold() == name.casefold() for theme in self.list()):
            raise EntryRefusedError(translate(CONTEXT, "There is already a theme called %1.", name))
        key = "own_" + ("_".join(fold_for_key(name).split()) or "theme")
        existing = {row["key"] for row in self._all("SELECT key FROM themes")}
        unique, number = key, 2
        while unique in existing:
            unique, number = f"{key}_{number}", number + 1
        palette = own_theme_colours()
        own_count = len(existing) - len(builtin_themes())
        now = to_db_time(utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "themes",
                {
                    "uuid": new_uuid(),
                    "key": unique,
                    "name": name,
                    "colour": palette[own_count % len(palette)],
                    "builtin": 0,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM themes WHERE id = ?", [new_id])
            assert row is not None
            return to.theme(row)

    def list(self) -> builtins.list[Theme]:
        rows = self._all("SELECT * FROM themes WHERE archived_at IS NULL ORDER BY name, id")
        return [to.theme(row) for row in rows]

    def counts(self) -> builtins.list[tuple[Theme, int]]:
        """Themes the client confirmed, with how many reflections and insights carry each."""
        rows = self._all(
            """
            SELECT t.*, COUNT(*) AS uses FROM themes t
            JOIN (
                SELECT rt.theme_id FROM reflection_themes rt
                JOIN reflections r ON r.id = rt.reflection_id WHERE r.deleted_at IS NULL
                UNION ALL
                SELECT it.theme_id FROM insight_themes it
                JOIN insights i ON i.id = it.insight_id WHERE i.deleted_at IS NULL
            ) used ON used.theme_id = t.id
            GROUP BY t.id ORDER BY uses DESC, t.name
            """
        )
        return [(to.theme(row), int(row["uses"])) for row in rows]

    def links(self) -> builtins.list[ThemeLink]:
        """Every theme on a live reflection or insight, with the session it belongs to (for the
        theme map of Trends and the printout)."""
        rows = self._db.execute(
            """
            SELECT t.key, r.session_id, r.id, NULL FROM reflection_themes rt
            JOIN themes t ON t.id = rt.theme_id
            JOIN reflections r ON r.id = rt.reflection_id AND r.deleted_at IS NULL
            UNION ALL
            SELECT t.key, i.session_id, NULL, i.id FROM insight_themes it
            JOIN themes t ON t.id = it.theme_id
            JOIN insights i ON i.id = it.insight_id AND i.deleted_at IS NULL
            """
        ).fetchall()
        return [
            (
                key,
                None if session_id is None else SessionId(session_id),
                None if reflection_id is None else ReflectionId(reflection_id),
                None if insight_id is None else InsightId(insight_id),
            )
            for key, session_id, reflection_id, insight_id in rows
        ]

    def keys_for_reflection(self, reflection_id: ReflectionId) -> builtins.list[str]:
        rows = self._all(
            "SELECT t.key FROM reflection_themes rt JOIN themes t ON t.id = rt.theme_id "
            "WHERE rt.reflection_id = ? ORDER BY t.name",
            [reflection_id],
        )
        return [row["key"] for row in rows]

    def keys_for_insight(self, insight_id: InsightId) -> builtins.list[str]:
        rows = self._all(
            "SELECT t.key FROM insight_themes it JOIN themes t ON t.id = it.theme_id "
            "WHERE it.insight_id = ? ORDER BY t.name",
            [insight_id],
        )
        return [row["key"] for row in rows]

    def keys_by_insight(
        self, of: Collection[InsightId] | None = None
    ) -> dict[InsightId, builtins.list[str]]:
        """The theme keys of every live insight (or of those in `of`) in one query, each
        insight's by theme name (as `keys_for_insight` gives them); one with none is left
        out."""
        condition, params = only("it.insight_id", of)
        rows = self._all(
            "SELECT it.insight_id, t.key FROM insight_themes it "
            "JOIN themes t ON t.id = it.theme_id "
            "JOIN insights i ON i.id = it.insight_id "
            "WHERE i.deleted_at IS NULL" + condition + " ORDER BY it.insight_id, t.name",
            params,
        )
        keys: dict[InsightId, builtins.list[str]] = {}
        for row in rows:
            keys.setdefault(InsightId(row["insight_id"]), []).append(row["key"])
        return keys

    def set_for_reflection(self, reflection_id: ReflectionId, keys: Sequence[str]) -> None:
        """Replace the themes the client confirmed for a reflection."""
        self._set("reflection_themes", "reflection_id", reflection_id, keys)

    def set_for_insight(self, insight_id: InsightId, keys: Sequence[str]) -> None:
        self._set("insight_themes", "insight_id", insight_id, keys)

    def ids_by_key(self) -> dict[str, ThemeId]:
        """Every theme, archived ones included, by its key: key → local row id."""
        return {
            key: ThemeId(row_id) for key, row_id in self._db.execute("SELECT key, id FROM themes")
        }

    def _set(self, link_table: str, column: str, owner_id: int, keys: Sequence[str]) -> None:
        with self._db.atomic():
            ids = self._ids(keys)
            self._db.execute(f"DELETE FROM {link_table} WHERE {column} = ?", [owner_id])
            self._table(link_table).insert_all(
                {column: owner_id, "theme_id": theme_id} for theme_id in ids
            )

    def _ids(self, keys: Sequence[str]) -> builtins.list[ThemeId]:
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        rows = self._all(f"SELECT id, key FROM themes WHERE key IN ({marks})", builtins.list(keys))
        by_key = {row["key"]: ThemeId(row["id"]) for row in rows}
        unknown = [key for key in keys if key not in by_key]
        if unknown:
            raise NotFoundError(f"No theme called {', '.join(unknown)}.")
        return [by_key[key] for key in dict.fromkeys(keys)]

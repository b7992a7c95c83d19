"""A query's optional "only these rows" condition, for the reads that serve either every row
or a few chosen ones (the insight board reloads one insight after a change).

The ids travel as one JSON parameter, so a query's text and its number of parameters never
change with how many ids there are. Never imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Collection


def only(column: str, ids: Collection[int] | None) -> tuple[str, list[str]]:
    """The condition " AND `column` is one of `ids`" and its parameters; nothing when `ids`
    is None (every row)."""
    if ids is None:
        return "", []
    return f" AND {column} IN (SELECT value FROM json_each(?))", [json.dumps(sorted(ids))]

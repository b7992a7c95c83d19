"""The store: EVERY line that talks to SQLite lives in this package, and nowhere else.

`Store` (store.py) opens a profile's database and hangs one part per aggregate off itself:
`store.sessions`, `store.reflections`, `store.themes`, `store.insights`, `store.check_ins`,
`store.practices`, `store.medications`, `store.deleted`, `store.journal`, `store.settings`,
`store.exchange`. `backup`, `file_checks` and `migrations` serve the backup, check and
schema. Code outside this package never imports `sqlite3`, never sees a connection and never
catches an `sqlite3` error: they leave as `KapError`s (sqlite_errors.py).
"""

from kapcompanion.store import lean_sqlite_utils  # noqa: F401  (first: see its docstring)
from kapcompanion.store.keep import KEEP, Keep
from kapcompanion.store.store import Store

__all__ = ["KEEP", "Keep", "Store"]

"""Which SQLite a connection comes from, and keying one with a passphrase.

An ordinary profile is opened with Python's own `sqlite3`. A profile protected with a
passphrase is an SQLCipher file (the whole file, every page, encrypted with AES-256 and a key
derived from the passphrase), opened with `sqlcipher3` from the `sqlcipher3-binary` wheel:
SQLite with encryption built in, loaded only when a protected file is opened. A file is only
ever opened through one of the two at a time in this process: two copies of SQLite in one
process do not see each other's file locks (sqlite.org/howtocorrupt.html, section 2.2.1).

The two raise their own classes for the same SQLite errors; `errors()` names both, so the store
catches whichever was raised. SQLCipher's own log lines (it writes a failed key check to
stderr) are switched off: a wrong passphrase is the client's to hear about in plain words.
"""

from __future__ import annotations

import importlib
import sqlite3
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import cast

from kapcompanion.errors import (
    EncryptionUnavailableError,
    PassphraseRefusedError,
    WrongPassphraseError,
)

CIPHER_MODULE = "sqlcipher3"
PROTECTED_CACHE_KIB = 32 * 1024


def errors(kind: str = "Error") -> tuple[type[Exception], ...]:
    """The exception class `kind` (Error, DatabaseError, IntegrityError…) of every SQLite
    library loaded so far, for an `except` clause."""
    found: list[type[Exception]] = [getattr(sqlite3, kind)]
    cipher = sys.modules.get(f"{CIPHER_MODULE}.dbapi2")
    if cipher is not None:
        found.append(getattr(cipher, kind))
    return tuple(found)


def encryption_available() -> bool:
    """True when this installation can open and make protected files."""
    try:
        _cipher()
    except EncryptionUnavailableError:
        return False
    return True


def _cipher() -> ModuleType:
    try:
        module = importlib.import_module(CIPHER_MODULE)
    except ImportError as error:
        raise EncryptionUnavailableError() from error
    return module


def key_text(passphrase: str) -> str:
    """The passphrase as SQLCipher is given it: in Unicode's composed form (NFC), so the same
    words typed with another keyboard or input method give the same key."""
    return unicodedata.normalize("NFC", passphrase)


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that cannot protect anything, before anything is converted."""
    if not passphrase:
        raise PassphraseRefusedError(
            "Please type a passphrase: it cannot be empty. Nothing was changed."
        )
    if "\x00" in passphrase:
        raise PassphraseRefusedError(
            "That passphrase holds a control character (NUL) that cannot be part of a key. "
            "Please choose another. Nothing was changed."
        )


def sql_literal(text: str) -> str:
    """`text` as an SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def connect(
    path: Path | str,
    passphrase: str | None = None,
    *,
    timeout: float = 5.0,
    read_only: bool = False,
    immutable: bool = False,
    any_thread: bool = False,
) -> sqlite3.Connection:
    """A connection to `path`, keyed with `passphrase` when given (then SQLCipher's).

    A passphrase that does not open the file raises WrongPassphraseError at once, before
    anything else reads or writes. `read_only` opens an existing file with no way to change it;
    `immutable` (with `read_only`) also tells SQLite that no one else is writing it, so it
    reads the file alone and makes no -wal or -shm beside it. `any_thread` lets another thread
    than the one that connected use the connection (one thread at a time).
    """
    target = str(path)
    if read_only:
        target = f"{Path(path).as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    if passphrase is None:
        return sqlite3.connect(
            target, uri=read_only, timeout=timeout, check_same_thread=not any_thread
        )
    cipher = _cipher()
    connection = cipher.connect(
        target, uri=read_only, timeout=timeout, check_same_thread=not any_thread
    )
    try:
        apply_key(connection, passphrase, Path(path))
        # Each page read from disk is decrypted and checked; keeping more of them decrypted in
        # memory lets a search that comes back to the same pages skip that work.
        connection.execute(f"PRAGMA cache_size = -{PROTECTED_CACHE_KIB}")
    except BaseException:
        connection.close()
        raise
    return cast(sqlite3.Connection, connection)


def cipher_connect(path: Path, passphrase: str | None) -> sqlite3.Connection:
    """An SQLCipher connection to `path`, keyed when `passphrase` is given: what converting
    a file between ordinary and protected needs (`sqlcipher_export`) on either side."""
    connection = _cipher().connect(str(path), timeout=5.0)
    try:
        if passphrase is None:
            connection.execute("PRAGMA cipher_log_level = NONE")
        else:
            apply_key(connection, passphrase, path)
    except BaseException:
        connection.close()
        raise
    return cast(sqlite3.Connection, connection)


def apply_key(connection: object, passphrase: str, path: Path) -> None:
    """Key a fresh SQLCipher connection and prove the key opens the file."""
    run = cast(sqlite3.Connection, connection)
    run.execute("PRAGMA cipher_log_level = NONE")
    if not passphrase:  # no protected file opens with none (SQLCipher refuses an empty key)
        raise WrongPassphraseError(path)
    try:
        run.execute(f"PRAGMA key = {sql_literal(key_text(passphrase))}")
        # The key is only tried when a page is read: read the schema now.
        run.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except ValueError as error:  # a NUL character: no key could hold it
        raise WrongPassphraseError(path) from error
    except errors("DatabaseError") as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            raise WrongPassphraseError(path) from error
        raise

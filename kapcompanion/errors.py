"""Errors a person can run into, each with a plain message that names what happened.

Everything the client can cause (a second copy of the app, a damaged or foreign file, a
read-only folder) becomes one of these; callers show `message` and never a traceback. The
window shows its own translated wording for each class; the command line prints `message`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar


class KapError(Exception):
    """An error the client can understand and act on. `message` is written for them."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ProfileLockedError(KapError):
    """Another copy of KAP Companion already has this profile open."""

    def __init__(self, profile_dir: Path, holder: str = "") -> None:
        detail = f" ({holder})" if holder else ""
        super().__init__(
            f"KAP Companion is already open with the data in {profile_dir}{detail}. "
            "Please switch to that window, or close it first. Opening the same data twice "
            "could damage it, so this copy will not open it."
        )
        self.profile_dir = profile_dir
        self.holder = holder


class ProfileUnavailableError(KapError):
    """The profile folder cannot be created or written."""

    def __init__(self, profile_dir: Path, reason: str) -> None:
        super().__init__(f"KAP Companion cannot use the folder {profile_dir}: {reason}.")
        self.profile_dir = profile_dir
        self.reason = reason


class NoDataFileError(KapError):
    """Asked to read a profile that has no data file yet (nothing was ever written there)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"There is no KAP Companion data in {path.parent} yet, so there is nothing to read "
            "there. Nothing was changed."
        )
        self.path = path


class StoreError(KapError):
    """The database refused a read or write for a reason not named below; nothing was changed.

    The store's own translation (kapcompanion/store/sqlite_errors.py) raises this and its
    subclasses in place of every `sqlite3` error; SQLite's own words are kept in `detail`."""

    def __init__(self, path: Path, detail: str = "", message: str = "") -> None:
        super().__init__(
            message
            or f"Your entries in {path} could not be read or saved just now. Nothing was "
            "changed. Please try again; if it keeps happening, make a backup and ask for help."
        )
        self.path = path
        self.detail = detail


class DatabaseBusyError(StoreError):
    """Another program (or another copy) is holding the data file locked."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            path,
            detail,
            f"The data file {path} is busy: another program is using it just now. Nothing "
            "was changed. Please wait a moment and try again.",
        )


class DiskFullError(StoreError):
    """The disk (or the database's size limit) is full."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            path,
            detail,
            f"Your disk is full: there is no room left on the disk for the data file {path}. "
            "Nothing was changed. Please free some space and try again.",
        )


class DataConflictError(StoreError):
    """A change that clashes with what is stored (a duplicate or a missing linked record)."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            path,
            detail,
            f"This change clashes with entries already in {path}, so it was not saved. "
            "Nothing was changed.",
        )


class EntryRefusedError(KapError, ValueError):
    """What the client entered cannot be kept as it is (an empty insight, a theme name already
    taken); `message` says what to change, in the client's language."""


class NotFoundError(KapError, LookupError):
    """No live record with that id (it was deleted, or never existed)."""


class DatabaseUnreadableError(StoreError):
    """The data file is damaged or is not an SQLite database at all.

    `reason` is a few plain words that fit in the message; SQLite's own text (which page, which
    b-tree) goes in `detail`, for a "details" fold at most."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(
            path,
            detail or reason,
            f"The data file {path} could not be read ({reason}). It has not been changed. "
            "If you have a backup, you can restore it; otherwise keep this file safe and ask "
            "for help.",
        )
        self.reason = reason


class ProfileNeedsRecoveryError(DatabaseUnreadableError):
    """The profile's data file is damaged, empty or cut short, or missing while backups exist:
    the window offers the newest sound backup instead of opening (or making) an empty profile.

    `kind` says which (one of the constants below); the file itself was not changed."""

    DAMAGED = "damaged"
    EMPTY = "empty"
    TRUNCATED = "truncated"
    MISSING = "missing"

    REASONS: ClassVar[Mapping[str, str]] = {
        DAMAGED: "parts of it are damaged",
        EMPTY: "the file is empty: everything in it is gone",
        TRUNCATED: "the file has been cut short: its end is missing",
        MISSING: "the file is missing, but there are backups of it",
    }

    def __init__(self, path: Path, kind: str, detail: str = "") -> None:
        super().__init__(path, self.REASONS[kind], detail)
        self.kind = kind


class DiskIOError(StoreError):
    """The disk refused to read or write (it may be full, removed or failing): not damage."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            path,
            detail,
            f"The disk holding the data file {path} did not let KAP Companion read or write "
            "just now: it may be full, removed or failing. This does not mean the file is "
            "damaged, and nothing was changed. Please free some space or check the disk, then "
            "try again.",
        )


class ForeignDatabaseError(KapError):
    """An SQLite file that some other program made."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The file {path} belongs to another program, not KAP Companion. It has not been "
            "changed. Choose another folder for your data."
        )
        self.path = path


class NewerDatabaseError(KapError):
    """A data file written by a newer version of KAP Companion."""

    def __init__(self, path: Path, unknown_steps: list[str]) -> None:
        super().__init__(
            f"The data file {path} was last used by a newer version of KAP Companion. It has "
            "not been changed. Please install the newer version to open it."
        )
        self.path = path
        self.unknown_steps = unknown_steps


class DatabaseReadOnlyError(StoreError):
    """The data file or its folder cannot be written."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            path,
            detail,
            f"The data file {path} can be read but not written, so nothing you type could be "
            "saved. Check that the file and its folder are not read-only.",
        )


class ProfileNotEmptyError(KapError):
    """Refused: the sample course only goes into an empty profile."""

    def __init__(self, profile_dir: Path) -> None:
        super().__init__(
            f"The data in {profile_dir} already holds entries, so the sample course was not "
            "added. It only goes into an empty folder; try --data-dir with a new folder."
        )
        self.profile_dir = profile_dir


class BackupError(KapError):
    """A backup could not be written."""


class PassphraseNeededError(KapError):
    """The data file is protected with a passphrase, and none was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The data in {path.parent} is protected with a passphrase. Enter it to open it. "
            "Nothing was changed."
        )
        self.path = path


class WrongPassphraseError(KapError):
    """The passphrase given does not open the data file (or the file is not protected)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"That passphrase does not open the data in {path.parent}. Nothing was changed."
        )
        self.path = path


class NotProtectedError(KapError):
    """A passphrase was given for a data file that has none."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The data in {path.parent} is not protected with a passphrase, so there is none "
            "to enter or change. Nothing was changed."
        )
        self.path = path


class AlreadyProtectedError(KapError):
    """Asked to protect a data file that already has a passphrase."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The data in {path.parent} is already protected with a passphrase. To choose "
            "another one, change it. Nothing was changed."
        )
        self.path = path


class PassphraseRefusedError(KapError, ValueError):
    """A new passphrase that cannot be used (empty, or holding a character a key cannot)."""


class EncryptionUnavailableError(KapError):
    """This installation has no SQLCipher, so protected data cannot be opened or made."""

    def __init__(self) -> None:
        super().__init__(
            "This installation of KAP Companion cannot use passphrases: the encryption part "
            "it needs (SQLCipher) is not installed on this computer. Nothing was changed."
        )


class ProtectionError(KapError):
    """Turning protection on, changing it or taking it off stopped; nothing was changed."""

"""The window's wording for each error a person can run into, translatable, with paths filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kapcompanion import errors
from kapcompanion.data_files.resource_files import ResourceError
from kapcompanion.wording.translation import fill


def _tr(source: str) -> str:
    return QCoreApplication.translate("ErrorMessages", source)


def describe(error: errors.KapError) -> tuple[str, str]:
    """A short title and a calm explanation for `error`."""
    if isinstance(error, errors.ProfileLockedError):
        return _tr("KAP Companion is already open"), fill(
            _tr(
                "KAP Companion is already open with your entries in another window. You can "
                "switch to that window. Opening the same entries twice could damage them, so "
                "this second copy will not open them.\n\nFolder: %1"
            ),
            error.profile_dir,
        )
    if isinstance(error, errors.ProfileUnavailableError):
        return _tr("Your data folder cannot be used"), fill(
            _tr("KAP Companion cannot use the folder %1 (%2). Nothing was changed."),
            error.profile_dir,
            error.reason,
        )
    passphrase = _describe_passphrase(error)
    if passphrase is not None:
        return passphrase
    if isinstance(error, errors.ProfileNeedsRecoveryError):
        return _tr("Your entries could not be opened"), fill(
            _tr(
                "Your entries could not be opened: %2. Nothing was changed, and the file is "
                "kept exactly as it is. If you have a backup, KAP Companion can put it back "
                "in its place.\n\nFile: %1"
            ),
            error.path,
            recovery_reason(error),
        )
    if isinstance(error, errors.DatabaseUnreadableError):
        return _tr("Your entries could not be opened"), fill(
            _tr(
                "The data file could not be read (%2). It has not been changed in any way. If "
                "you have a backup, you can restore it; otherwise please keep this file safe and "
                "ask for help.\n\nFile: %1"
            ),
            error.path,
            error.reason,
        )
    if isinstance(error, errors.ForeignDatabaseError):
        return _tr("This file belongs to another program"), fill(
            _tr(
                "The file %1 was not made by KAP Companion, so it was left exactly as it is. "
                "Please move it out of KAP Companion's folder, or start KAP Companion with "
                "another folder for your entries."
            ),
            error.path,
        )
    if isinstance(error, errors.NewerDatabaseError):
        return _tr("A newer version is needed"), fill(
            _tr(
                "Your entries were last opened with a newer version of KAP Companion. They have "
                "not been changed. Please install the newer version to open them.\n\nFile: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.DatabaseReadOnlyError):
        return _tr("Your entries cannot be saved"), fill(
            _tr(
                "The data file can be read but not written, so nothing you type could be saved. "
                "Please check that the file and its folder are not read-only.\n\nFile: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.DatabaseBusyError):
        return _tr("Your entries are busy just now"), fill(
            _tr(
                "Another program is using your data file at the moment, so this could not be "
                "saved yet. Nothing was lost or changed. Please wait a moment and try again.\n\n"
                "File: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.DiskFullError):
        return _tr("The disk is full"), fill(
            _tr(
                "Your disk is full, so this could not be saved just now. Nothing stored was "
                "changed. Freeing some space "
                "(emptying the bin, moving large files) should let it save again.\n\nFile: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.DiskIOError):
        return _tr("The disk did not answer"), fill(
            _tr(
                "The disk that holds your entries did not let KAP Companion read or write just "
                "now. It may be full, unplugged or unwell. This does not mean your entries are "
                "damaged, and nothing stored was changed. Checking the disk, or freeing some "
                "space, should let it work again.\n\nFile: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.DiskIOError):
        return _tr("The disk did not answer"), fill(
            _tr(
                "The disk holding your data file did not let KAP Companion read or write just "
                "now: it may be full, removed or failing. This does not mean your entries are "
                "damaged. Nothing stored was changed. Please check the disk and try again.\n\n"
                "File: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.DataConflictError):
        return _tr("This change could not be saved"), _tr(
            "This change clashes with what is already stored, so it was not saved. Nothing "
            "stored was changed."
        )
    if isinstance(error, errors.EntryRefusedError):
        return _tr("This could not be kept as it is"), error.message
    if isinstance(error, errors.NotFoundError):
        return _tr("This is no longer here"), _tr(
            "This entry was deleted or moved to recently deleted, perhaps in another part of "
            "KAP Companion. Nothing else was changed."
        )
    if isinstance(error, errors.StoreError):
        return _tr("Your entries could not be saved just now"), fill(
            _tr(
                "Your data file could not be read or written just now. Nothing stored was "
                "changed. Please try again; if it keeps happening, make a backup and ask for "
                "help.\n\nFile: %1"
            ),
            error.path,
        )
    if isinstance(error, errors.BackupError):
        return _tr("The backup could not be made"), error.message
    if isinstance(error, ResourceError):
        return _tr("Part of KAP Companion is damaged"), fill(
            _tr(
                "One of KAP Companion's own files could not be read, so it cannot start. "
                "Your entries are not affected. Reinstalling KAP Companion should help.\n\n%1"
            ),
            error.message,
        )
    return _tr("Something needs your attention"), error.message


def recovery_reason(error: errors.ProfileNeedsRecoveryError) -> str:
    """What happened to the data file, in a few plain words that follow "could not be opened:"."""
    reasons = {
        errors.ProfileNeedsRecoveryError.EMPTY: _tr(
            "the file is empty, so everything that was in it is gone from it"
        ),
        errors.ProfileNeedsRecoveryError.TRUNCATED: _tr(
            "the file has been cut short, and its end is missing"
        ),
        errors.ProfileNeedsRecoveryError.MISSING: _tr("the file is no longer there"),
        errors.ProfileNeedsRecoveryError.DAMAGED: _tr("parts of the file are damaged"),
    }
    return reasons.get(error.kind, _tr("parts of the file are damaged"))


def _describe_passphrase(error: errors.KapError) -> tuple[str, str] | None:
    """The words for what a passphrase can run into, or None for any other error."""
    if isinstance(error, errors.PassphraseNeededError):
        return _tr("Your entries are protected"), _tr(
            "Your entries are protected with a passphrase. Please type it to open them. "
            "Nothing was changed."
        )
    if isinstance(error, errors.WrongPassphraseError):
        return _tr("That passphrase does not fit"), _tr(
            "That passphrase does not open your entries, so nothing was changed. You can take "
            "your time and try again."
        )
    if isinstance(error, errors.NotProtectedError):
        return _tr("There is no passphrase yet"), _tr(
            "Your entries are not protected with a passphrase, so there is none to change or "
            "remove. Nothing was changed."
        )
    if isinstance(error, errors.AlreadyProtectedError):
        return _tr("Your entries are already protected"), _tr(
            "Your entries already have a passphrase. To choose another one, you can change it. "
            "Nothing was changed."
        )
    if isinstance(error, errors.PassphraseRefusedError):
        return _tr("That passphrase cannot be used"), _tr(
            "A passphrase cannot be empty or hold a control character. Please choose another "
            "one. Nothing was changed."
        )
    if isinstance(error, errors.EncryptionUnavailableError):
        return _tr("Passphrases are not available here"), _tr(
            "This installation of KAP Companion cannot use passphrases: the encryption part it "
            "needs (SQLCipher) is not installed on this computer. Nothing was changed."
        )
    if isinstance(error, errors.ProtectionError):
        return _tr("The protection was not changed"), error.message
    return None


def show_error(parent: QWidget | None, error: errors.KapError) -> None:
    show_message(parent, *describe(error))


def ask(parent: QWidget | None, title: str, message: str, *, keep: str, leave: str) -> bool:
    """A calm question whose safe answer (`keep`) is the default; True only for `leave`."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question, title, title, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(message)
    box.setAccessibleName(title)
    box.setAccessibleDescription(message)
    safe = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.addButton(leave, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.exec()
    return box.clickedButton() is not safe


def show_message(parent: QWidget | None, title: str, message: str, *, details: str = "") -> None:
    """A calm, modal note: a short title in the heading style and the explanation below it;
    `details` (what the computer reported, for a helper) only behind Qt's "Show Details…"."""
    from PySide6.QtWidgets import QMessageBox  # only when needed: it is costly at start-up

    box = QMessageBox(
        QMessageBox.Icon.Information, title, title, QMessageBox.StandardButton.Close, parent
    )
    box.setInformativeText(message)
    box.setAccessibleName(title)
    box.setAccessibleDescription(message)
    if details:
        box.setDetailedText(details)
    box.exec()

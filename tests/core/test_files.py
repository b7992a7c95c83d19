"""The one file writer: a file appears whole or not at all, and replaces an existing one only
when asked to."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import pytest

from kapcompanion.errors import KapError
from kapcompanion.files import FileWriteError, write_atomically
from tests.file_modes import mode, modes


class StoppedError(Exception):
    """What a writer raises part-way in these tests."""


def stops_halfway(handle: BinaryIO) -> None:
    handle.write(b"the first half")
    handle.flush()
    raise StoppedError


def test_bytes_and_a_writing_function_both_make_the_whole_file(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.bin", b"all of it", overwrite=False)
    write_atomically(tmp_path / "b.bin", lambda handle: handle.write(b"also all"), overwrite=False)
    assert (tmp_path / "a.bin").read_bytes() == b"all of it"
    assert (tmp_path / "b.bin").read_bytes() == b"also all"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.bin", "b.bin"]


def test_a_writer_that_stops_halfway_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(StoppedError):
        write_atomically(tmp_path / "half.bin", stops_halfway, overwrite=True)
    assert list(tmp_path.iterdir()) == []


def test_a_writer_that_stops_halfway_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    path.write_bytes(b"the old file")
    with pytest.raises(StoppedError):
        write_atomically(path, stops_halfway, overwrite=True)
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.bin"]


def test_an_existing_file_is_refused_untouched_unless_overwriting(tmp_path: Path) -> None:
    path = tmp_path / "there.txt"
    path.write_bytes(b"keep me")
    with pytest.raises(FileWriteError) as refused:
        write_atomically(path, b"new", overwrite=False)
    assert isinstance(refused.value, KapError)
    assert str(path) in refused.value.message and "already there" in refused.value.message
    assert path.read_bytes() == b"keep me"
    write_atomically(path, b"new", overwrite=True)
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["there.txt"]


def test_the_replacement_is_a_new_file_moved_into_place_not_the_old_one_rewritten(
    tmp_path: Path,
) -> None:
    """Someone reading the old file while it is replaced keeps reading the old file whole."""
    path = tmp_path / "read.txt"
    path.write_bytes(b"old words")
    with path.open("rb") as reader:
        write_atomically(path, b"new words, longer", overwrite=True)
        assert reader.read() == b"old words"
    assert path.read_bytes() == b"new words, longer"


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"

    def someone_else_saves_first(handle: BinaryIO) -> None:
        handle.write(b"mine")
        path.write_bytes(b"theirs")

    with pytest.raises(FileWriteError):
        write_atomically(path, someone_else_saves_first, overwrite=False)
    assert path.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["late.txt"]


def test_the_callers_own_errors_are_raised(tmp_path: Path) -> None:
    class RefusedError(KapError):
        def __init__(self, path: Path) -> None:
            super().__init__(f"refused {path.name}")

    class FailedError(KapError):
        def __init__(self, path: Path, reason: str) -> None:
            super().__init__(f"failed {path.name}: {reason}")

    (tmp_path / "there").write_bytes(b"")
    with pytest.raises(RefusedError, match="refused there"):
        write_atomically(
            tmp_path / "there", b"", overwrite=False, exists=RefusedError, failed=FailedError
        )
    with pytest.raises(FailedError, match="failed x"):
        write_atomically(tmp_path / "missing" / "x", b"", overwrite=True, failed=FailedError)
    assert not (tmp_path / "missing").exists()


def test_a_missing_folder_is_made_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "file.txt"
    with pytest.raises(FileWriteError) as failed:
        write_atomically(path, b"words", overwrite=False)
    assert failed.value.reason
    assert not path.parent.exists()
    write_atomically(path, b"words", overwrite=False, make_folder=True)
    assert path.read_bytes() == b"words"


def test_a_folder_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(FileWriteError):
        write_atomically(tmp_path / "folder", b"words", overwrite=True)
    assert (tmp_path / "folder").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["folder"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_a_read_only_folder_is_a_plain_error_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(FileWriteError) as failed:
            write_atomically(folder / "file.txt", b"words", overwrite=True)
        assert "could not be written" in failed.value.message
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.usefixtures("usual_umask")
def test_a_written_file_is_readable_by_the_user_only_new_or_replacing(tmp_path: Path) -> None:
    write_atomically(tmp_path / "new.txt", b"words", overwrite=False)
    replaced = tmp_path / "replaced.txt"
    replaced.write_bytes(b"old words")
    replaced.chmod(0o644)
    write_atomically(replaced, b"new words", overwrite=True)
    assert modes(tmp_path / "new.txt", replaced) == {"new.txt": "0o600", "replaced.txt": "0o600"}


@pytest.mark.usefixtures("usual_umask")
def test_a_strict_umask_still_leaves_the_user_able_to_read_their_file(tmp_path: Path) -> None:
    os.umask(0o277)
    write_atomically(tmp_path / "strict.txt", b"words", overwrite=False)
    assert mode(tmp_path / "strict.txt") == 0o600

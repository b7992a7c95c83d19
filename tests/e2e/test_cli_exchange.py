"""`export` and `import` on the command line, run as real processes on real profiles."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from kapcompanion.profile import DATABASE_NAME
from tests.core.exchange.profiles import dump
from tests.e2e.test_cli import assert_no_traceback, run
from tests.profile_lock_holder import lock_held_elsewhere


def exported(path: Path) -> dict[str, object]:
    document: dict[str, object] = json.loads(path.read_text("utf-8"))
    document.pop("exported_at")
    return document


def test_help_lists_export_and_import() -> None:
    help_text = run("--help").stdout
    assert "export" in help_text
    assert "import" in help_text


def test_export_import_export_gives_the_same_file(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path / "first"), "demo")
    first = tmp_path / "first.json"
    result = run("--data-dir", str(tmp_path / "first"), "export", "--out", str(first))
    assert result.returncode == 0, result.stderr
    assert str(first) in result.stdout
    assert "18 reflections" in result.stdout

    imported = run("--data-dir", str(tmp_path / "second"), "import", str(first))
    assert imported.returncode == 0, imported.stderr
    assert "Added 7 sessions, 18 reflections" in imported.stdout

    second = tmp_path / "second.json"
    run("--data-dir", str(tmp_path / "second"), "export", "--format", "json", "--out", str(second))
    assert exported(first) == exported(second)

    again = run("--data-dir", str(tmp_path / "second"), "import", str(first))
    assert again.returncode == 0
    assert "Nothing new was added" in again.stdout


def test_csv_export_writes_a_zip(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path), "demo")
    out = tmp_path / "tables.zip"
    result = run("--data-dir", str(tmp_path), "export", "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "sessions.csv" in zipfile.ZipFile(out).namelist()


def test_export_never_overwrites_and_never_creates_an_empty_profile(tmp_path: Path) -> None:
    out = tmp_path / "mine.json"
    out.write_text("mine")
    run("--data-dir", str(tmp_path / "profile"), "demo")
    refused = run("--data-dir", str(tmp_path / "profile"), "export", "--out", str(out))
    assert refused.returncode == 1
    assert "already exists" in refused.stderr
    assert out.read_text() == "mine"

    nothing = run("--data-dir", str(tmp_path / "nobody"), "export", "--out", str(tmp_path / "x"))
    assert nothing.returncode == 1
    assert "nothing to export" in nothing.stderr
    assert not (tmp_path / "nobody" / DATABASE_NAME).exists()
    assert_no_traceback(nothing)


def test_a_truncated_or_foreign_file_is_refused_and_the_profile_is_unchanged(
    tmp_path: Path,
) -> None:
    run("--data-dir", str(tmp_path / "profile"), "demo")
    good = tmp_path / "good.json"
    run("--data-dir", str(tmp_path / "profile"), "export", "--out", str(good))
    database = tmp_path / "profile" / DATABASE_NAME
    before = dump(database)
    cut = tmp_path / "cut.json"
    cut.write_bytes(good.read_bytes()[:5000])
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"name": "my playlist", "songs": []}')
    for bad, words in ((cut, "not a complete KAP Companion export"), (foreign, "not made by")):
        result = run("--data-dir", str(tmp_path / "profile"), "import", str(bad))
        assert result.returncode == 1
        assert words in result.stderr
        assert "Nothing was changed" in result.stderr
        assert_no_traceback(result)
    assert dump(database) == before


def test_a_refused_import_does_not_even_create_the_profile(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("not json")
    result = run("--data-dir", str(tmp_path / "new"), "import", str(tmp_path / "notes.json"))
    assert result.returncode == 1
    assert not (tmp_path / "new").exists()


def test_import_is_refused_while_another_copy_holds_the_profile(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path / "source"), "demo")
    out = tmp_path / "export.json"
    run("--data-dir", str(tmp_path / "source"), "export", "--out", str(out))
    with lock_held_elsewhere(tmp_path / "target"):
        result = run("--data-dir", str(tmp_path / "target"), "import", str(out))
        assert result.returncode == 1
        assert "already open" in result.stderr
        assert not (tmp_path / "target" / DATABASE_NAME).exists()


def test_a_notepad_saved_file_imports_and_an_impossible_answer_is_refused_calmly(
    tmp_path: Path,
) -> None:
    run("--data-dir", str(tmp_path / "source"), "demo")
    good = tmp_path / "good.json"
    run("--data-dir", str(tmp_path / "source"), "export", "--out", str(good))
    document = json.loads(good.read_text("utf-8"))
    document["data"]["checkin_answers"][0]["value"] = 999
    impossible = tmp_path / "impossible.json"
    impossible.write_text(json.dumps(document), "utf-8")
    refused = run("--data-dir", str(tmp_path / "target"), "import", str(impossible))
    assert refused.returncode == 1
    assert 'record 1 in "checkin_answers"' in refused.stderr
    assert "Nothing was changed" in refused.stderr
    assert_no_traceback(refused)
    notepad = tmp_path / "notepad.json"
    notepad.write_bytes(b"\xef\xbb\xbf" + good.read_bytes())
    imported = run("--data-dir", str(tmp_path / "target"), "import", str(notepad))
    assert imported.returncode == 0, imported.stderr
    assert "Added 7 sessions, 18 reflections" in imported.stdout

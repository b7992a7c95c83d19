"""Reading the command line: the window's options alone, or a command with its own."""

from __future__ import annotations

import pytest

from kapcompanion.cli.main import parse_arguments


def test_no_command_opens_the_window_with_its_options() -> None:
    args = parse_arguments(["--data-dir", "/tmp/a folder", "--exit-after", "shown"])
    assert args.command is None
    assert args.data_dir == "/tmp/a folder"
    assert args.exit_after == "shown"
    assert args.demo is False


def test_a_command_is_read_with_its_own_options() -> None:
    args = parse_arguments(["--data-dir", "d", "export", "--format", "csv"])
    assert (args.command, args.format, args.data_dir) == ("export", "csv", "d")


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        (["--data-dir"], "expected one argument"),
        (["--exit-after", "later"], "invalid choice: 'later'"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_a_mistake_is_told_with_every_command_listed(
    argv: list[str], told: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_arguments(argv)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert told in error
    assert "COMMAND" in error  # the usage line of the whole program, commands and all


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_arguments(["--help"])
    listed = capsys.readouterr().out
    for command in ("demo", "check", "backup", "export", "import", "report", "restore"):
        assert command in listed


def test_the_window_can_be_asked_to_open_minimised() -> None:
    assert parse_arguments(["--minimised"]).minimised is True
    assert parse_arguments([]).minimised is False

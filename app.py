"""KAP Companion's entry point: read the command line, then run a command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kapcompanion.cli.main import parse_arguments, run_command
    from kapcompanion.home_folder import fill_in_home

    fill_in_home()
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.command:
        return run_command(args)
    from ui.application import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())

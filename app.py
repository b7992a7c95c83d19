"""KAP Companion's entry point: read the command line, then run a command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from kapcompanion.cli.main import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    from ui.application import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())

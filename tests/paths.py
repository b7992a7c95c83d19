"""Where the checkout is, for tests that run the program or read its files (any test depth)."""

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

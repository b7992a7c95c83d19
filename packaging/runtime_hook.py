"""Runs first in the bundled app, before any of its own code, to start as it does from a venv.

- matplotlib draws off screen, with Agg, and nothing else (only Agg and SVG are bundled),
  whatever a user's matplotlibrc or MPLBACKEND says.
- In the C locale, a Python interpreter switches the character type to UTF-8 itself (PEP 538);
  the bundle's does not, and Qt would then warn on every start that it switched instead.
"""

import os

os.environ["MPLBACKEND"] = "Agg"

if not os.environ.get("LC_ALL") and (
    os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C"
) in ("C", "POSIX"):
    os.environ["LC_CTYPE"] = "C.UTF-8"

"""Import sqlite-utils without numpy and pandas.

sqlite-utils imports numpy and pandas, when they are installed, only to map their number types
to column types. The store never hands it such values, yet numpy (installed for the charts)
would cost about 0.2 s and 15 MiB the moment the data opens, long before any chart is drawn.
Importing this module first makes sqlite-utils find neither; numpy and pandas themselves stay
importable afterwards, for the charts. It must be imported before anything else imports
sqlite-utils and before another thread may import numpy (the window starts its background
imports only once the data is open).
"""

from __future__ import annotations

import sys

_hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _hidden:
    sys.modules[_name] = None  # type: ignore[assignment]  # "import numpy" raises ImportError
try:
    import sqlite_utils.db  # noqa: F401
finally:
    for _name in _hidden:
        if sys.modules.get(_name, False) is None:
            del sys.modules[_name]

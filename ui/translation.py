"""Translation in the window: the core's `fill` (%1, %2, … in sentences) and
`install_translations` (the .qm files for the system's language), re-exported for the screens.

Every screen looks its words up through `tr()` or the core's `translate()`, so a new language is
a new .qm file (see resources/translations/README.md) and touches no screen.
"""

from __future__ import annotations

from kapcompanion.wording import fill, install_translations

__all__ = ["fill", "install_translations"]

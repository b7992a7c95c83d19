"""Where the desktop integration files are in the checkout, and how to read them."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tests.paths import REPOSITORY

LINUX = REPOSITORY / "packaging" / "linux"
DESKTOP_FILE = LINUX / "kap-companion.desktop"
METAINFO_FILE = LINUX / "kap-companion.metainfo.xml"
ICONS = LINUX / "icons"
INSTALL_SCRIPT = REPOSITORY / "scripts" / "install-desktop.sh"
# The freedesktop icon theme's usual application sizes, each a square PNG of that size.
STANDARD_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry(path: Path = DESKTOP_FILE) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def metainfo() -> ElementTree.Element:
    return ElementTree.parse(METAINFO_FILE).getroot()

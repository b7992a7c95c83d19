"""Make the desktop icons from resources/icons/app.svg: square PNGs at the freedesktop icon
theme's standard sizes, and the SVG itself as the scalable one, in packaging/linux/icons/<size>/.

Run after changing app.svg, from the repository root:  .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "linux" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
NAME = "kap-companion"


def make_icons() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} could not be read as SVG.")
    made = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = OUT / f"{size}x{size}" / f"{NAME}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"{path} could not be written.")
        made.append(path)
    scalable = OUT / "scalable" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    made.append(scalable)
    del app
    return made


if __name__ == "__main__":
    for made_path in make_icons():
        print(made_path.relative_to(ROOT))

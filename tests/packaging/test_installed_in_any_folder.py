"""A copy installed in a folder with spaces and accents (as the bundle may be unpacked) keeps
its looks: the stylesheet names its icons by their full path, which must still parse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from kapcompanion.data_files import resource_files
from ui.widgets import style


@pytest.fixture
def icons_in_an_unusual_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Mes programmes à moi" / "Zoë's apps (2)" / "icons"
    shutil.copytree(resource_files.resource_path("icons"), folder)

    def resource_path(*parts: str) -> Path:
        if parts[0] == "icons":
            return folder.joinpath(*parts[1:])
        return resource_files.resource_path(*parts)

    monkeypatch.setattr(style, "resource_path", resource_path)
    return folder


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_stylesheet_parses_with_its_icons_in_a_folder_with_spaces(
    icons_in_an_unusual_folder: Path, qtbot: QtBot, qtlog, scheme: str
) -> None:
    sheet = style.stylesheet(scheme, 10.0)
    assert f'"{icons_in_an_unusual_folder.as_posix()}/chevron-down.svg"' in sheet
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.setStyleSheet(sheet)
    combo.show()
    combo.ensurePolished()
    messages = [record.message for record in qtlog.records]
    assert not [message for message in messages if "Could not parse" in message]

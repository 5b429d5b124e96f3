"""Opening folders with the system's file manager, saying so when nothing answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

OpenUrl = Callable[[QUrl], bool]
_shown: list[QMessageBox] = []  # a box without a parent is kept alive until it is closed


def open_folder(parent: QWidget | None, folder: Path, open_url: OpenUrl | None = None) -> bool:
    """Show `folder` in the file manager; when that fails, tell the user where the folder is (selectable)."""
    opener = open_url or QDesktopServices.openUrl
    if folder.exists() and opener(QUrl.fromLocalFile(str(folder))):
        return True
    where = f"请在资源管理器中手动打开：\n{folder}" if folder.exists() else f"文件夹不存在：\n{folder}"
    box = QMessageBox(QMessageBox.Icon.Information, "无法打开文件夹", f"没有程序能打开这个文件夹。{where}",
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("openFolderFailedBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _shown.append(box)
    box.finished.connect(lambda _r: _shown.remove(box) if box in _shown else None)
    box.open()
    return False

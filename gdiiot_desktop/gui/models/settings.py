"""The settings window's tables: the city's counties and the database's backups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
)

if TYPE_CHECKING:
    from gdiiot_desktop.services.settings import BackupInfo, CountyInfo

from .attachments import size_text
from .table import OBJECT_ROLE, Index, Table

# ---------------------------------------------------------------------------------------------
# Settings: counties and backups
# ---------------------------------------------------------------------------------------------


class CountiesModel(Table):
    COL_NAME, COL_APPLICATIONS = range(2)
    HEADERS = ("县区", "申报项目数")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CountyInfo] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name if index.column() == self.COL_NAME else str(c.applications)
        if role == OBJECT_ROLE:
            return c
        return None

    def set_counties(self, counties: Sequence[CountyInfo]) -> None:
        self.beginResetModel()
        self._items = list(counties)
        self.endResetModel()

    def county_at(self, row: int) -> CountyInfo:
        return self._items[row]


BACKUP_REASONS = {
    "manual": "手动备份",
    "auto": "自动备份",
    "before-migration": "升级前自动备份",
    "before-restore": "恢复前自动备份",
    "before-restore-damaged": "恢复前备份（原库已损坏）",
}


class BackupsModel(Table):
    COL_CREATED, COL_REASON, COL_SIZE, COL_FILE = range(4)
    HEADERS = ("时间", "原因", "大小", "文件")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[BackupInfo] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{b.created:%Y-%m-%d %H:%M:%S}",
                BACKUP_REASONS.get(b.reason, b.reason),
                size_text(b.size),
                b.path.name,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == OBJECT_ROLE:
            return b
        return None

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        self.beginResetModel()
        self._items = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._items[row]

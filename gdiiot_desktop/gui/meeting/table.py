"""A small read-only table model for the meeting's short lists (experts, scores, ranking)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of text under fixed headers; each row may carry a key (an id) and a highlight colour."""

    KEY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[list[str]] = []
        self._keys: list[Any] = []
        self._colours: list[str | None] = []

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        keys: Sequence[Any] | None = None,
        colours: Sequence[str | None] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(rows)
        self._colours = list(colours) if colours is not None else [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][col]
        if role == self.KEY_ROLE:
            return self._keys[row]
        if role == Qt.ItemDataRole.BackgroundRole and self._colours[row]:
            return QColor(self._colours[row])
        return None

    def key_at(self, row: int) -> Any:
        return self._keys[row]

    def text(self, row: int, col: int) -> str:
        return self._rows[row][col]

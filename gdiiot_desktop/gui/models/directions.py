"""The campaign's direction list, editable (name and authority)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
)

from gdiiot_desktop.domain.campaign import Campaign, Direction
from gdiiot_desktop.domain.enums import Authority

if TYPE_CHECKING:
    pass

from .table import (
    OBJECT_ROLE,
    Index,
    Table,
)

# ---------------------------------------------------------------------------------------------
# Directions (editable: name and authority)
# ---------------------------------------------------------------------------------------------

AUTHORITY_CHOICES: tuple[tuple[Authority, ...], ...] = (
    (Authority.MIIT_PROVINCE,),
    (Authority.COMMUNICATIONS_ADMINISTRATION,),
    (Authority.MIIT_PROVINCE, Authority.COMMUNICATIONS_ADMINISTRATION),
)


def authority_text(authorities: Sequence[Authority]) -> str:
    return "、".join(a.value for a in authorities)


class DirectionsModel(Table):
    """The direction list being edited; `changed` tells whether it differs from the stored one."""

    COL_NO, COL_CATEGORY, COL_NAME, COL_AUTHORITY = range(4)
    HEADERS = ("序号", "类别", "具体方向", "负责单位")

    def __init__(self, campaign: Campaign, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.editable = True
        self._stored: list[Direction] = list(campaign.directions)
        self._items: list[Direction] = list(campaign.directions)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_NO:
                return str(d.no)
            if col == self.COL_CATEGORY:
                category = self.campaign.category(d.category_id)
                return category.name if category else d.category_id
            if col == self.COL_NAME:
                return d.name
            return d.authority_text
        if role == Qt.ItemDataRole.FontRole and d != self._stored_by_id().get(d.id):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == OBJECT_ROLE:
            return d
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() in (self.COL_NAME, self.COL_AUTHORITY):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        from dataclasses import replace

        d = self._items[index.row()]
        if index.column() == self.COL_NAME:
            name = " ".join(str(value).split())
            if not name or name == d.name:
                return False
            self._items[index.row()] = replace(d, name=name)
        elif index.column() == self.COL_AUTHORITY:
            choice = next((c for c in AUTHORITY_CHOICES if authority_text(c) == str(value)), None)
            if choice is None or choice == d.authorities:
                return False
            self._items[index.row()] = replace(d, authorities=choice)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.HEADERS) - 1))
        return True

    def set_directions(self, directions: Sequence[Direction], *, stored: bool) -> None:
        self.beginResetModel()
        self._items = list(directions)
        if stored:
            self._stored = list(directions)
        self.endResetModel()

    def directions(self) -> list[Direction]:
        return list(self._items)

    @property
    def changed(self) -> bool:
        return self._items != self._stored

    def _stored_by_id(self) -> dict[str, Direction]:
        return {d.id: d for d in self._stored}

"""An application's attachments: class (editable), name, year, size and what was read from the file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush

from gdiiot_desktop.domain.enums import AttachmentClass

if TYPE_CHECKING:
    from gdiiot_desktop.domain.model import Attachment

from .table import (
    OBJECT_ROLE,
    WARNING_COLOR,
    Index,
    Table,
)

# ---------------------------------------------------------------------------------------------
# Attachments of one application
# ---------------------------------------------------------------------------------------------


def size_text(size: int) -> str:
    if size >= 1024 * 1024 * 1024:
        return f"{size / 1024 ** 3:.2f} GB"
    if size >= 1024 * 1024:
        return f"{size / 1024 ** 2:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"


def duration_text(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}分{whole % 60:02d}秒"


def attachment_detail(a: Attachment) -> str:
    if a.duration_seconds is not None:
        return f"时长 {duration_text(a.duration_seconds)}"
    if a.pages is not None:
        return f"{a.pages} 页"
    return ""


class AttachmentsModel(Table):
    """The files of one application; the class column is edited through a drop-down delegate."""

    COL_CLASS, COL_NAME, COL_YEAR, COL_SIZE, COL_DETAIL, COL_NOTE = range(6)
    HEADERS = ("类别", "文件名", "年度", "大小", "页数/时长", "说明")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Attachment] = []
        self.editable = True
        # Set by the editor: a plain callback keeps the model free of service calls.
        self.on_class_change: Callable[[Attachment, AttachmentClass], None] | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = (
                a.attachment_class.label,
                a.file_name,
                str(a.year) if a.year else "",
                size_text(a.size),
                attachment_detail(a),
                a.note,
            )
            if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_NAME:
                return f"{a.file_name}\n文件校验码：{a.sha256}"
            return texts[col]
        if role == Qt.ItemDataRole.EditRole and col == self.COL_CLASS:
            return a.attachment_class.value
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_NOTE and a.note:
            return QBrush(WARNING_COLOR)
        if role == OBJECT_ROLE:
            return a
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() == self.COL_CLASS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Only records the wish: the editor changes the class through the service and reloads."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != self.COL_CLASS:
            return False
        try:
            new = AttachmentClass(value)
        except ValueError:
            return False
        current = self._items[index.row()]
        if new is current.attachment_class:
            return False
        if self.on_class_change is not None:
            self.on_class_change(current, new)
        return True

    def set_attachments(self, attachments: Sequence[Attachment]) -> None:
        self.beginResetModel()
        self._items = list(attachments)
        self.endResetModel()

    def attachment_at(self, row: int) -> Attachment:
        return self._items[row]

    def attachments(self) -> list[Attachment]:
        return list(self._items)

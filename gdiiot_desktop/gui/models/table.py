"""What the table models share: the roles, the colours of the grades, problem counts, the header base."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from gdiiot_desktop.domain.enums import Grade

if TYPE_CHECKING:
    from gdiiot_desktop.domain.model import Violation


Index = QModelIndex | QPersistentModelIndex

# Custom roles shared by the models.
APP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
APPLICATION_ROLE = Qt.ItemDataRole.UserRole + 2
VIOLATION_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 5
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 6

ERROR_COLOR = QColor("#b3261e")
NEEDS_COLOR = QColor("#9a5b00")
WARNING_COLOR = QColor("#8a6d00")
HINT_COLOR = QColor("#5f6368")
OK_COLOR = QColor("#1e7b34")

GRADE_COLORS = {
    Grade.ERROR: ERROR_COLOR,
    Grade.NEEDS_EXPLANATION: NEEDS_COLOR,
    Grade.WARNING: WARNING_COLOR,
    Grade.HINT: HINT_COLOR,
}


@dataclass(frozen=True)
class ProblemCounts:
    """Violations of one application by severity; overridden ones are counted apart."""

    errors: int = 0
    warnings: int = 0  # needs explanation + warning
    hints: int = 0
    overridden: int = 0

    @classmethod
    def of(cls, violations: Iterable[Violation]) -> ProblemCounts:
        errors = warnings = hints = overridden = 0
        for v in violations:
            if v.is_overridden:
                overridden += 1
            elif v.grade is Grade.ERROR:
                errors += 1
            elif v.grade is Grade.HINT:
                hints += 1
            else:
                warnings += 1
        return cls(errors, warnings, hints, overridden)

    @cached_property
    def text(self) -> str:
        parts = []
        if self.errors:
            parts.append(f"错误 {self.errors}")
        if self.warnings:
            parts.append(f"警告 {self.warnings}")
        if self.hints:
            parts.append(f"提示 {self.hints}")
        if self.overridden:
            parts.append(f"已说明 {self.overridden}")
        return "，".join(parts) if parts else "无"

    @cached_property
    def sort_key(self) -> tuple[int, int, int]:
        return (-self.errors, -self.warnings, -self.hints)


NO_PROBLEMS = ProblemCounts()
NOT_CHECKED = "检查中…"  # the problems column before the first check: never "无" by default


class Table(QAbstractTableModel):
    """Shared header handling: subclasses set HEADERS."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None



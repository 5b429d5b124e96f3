"""Violations of an application or the city, and the campaign's rules as a table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush

from gdiiot_desktop.domain.campaign import Campaign, RuleSpec

if TYPE_CHECKING:
    from gdiiot_desktop.domain.model import Violation

from .table import APP_ID_ROLE, GRADE_COLORS, OBJECT_ROLE, OK_COLOR, VIOLATION_ROLE, Index, Table

# ---------------------------------------------------------------------------------------------
# Violations
# ---------------------------------------------------------------------------------------------


class ViolationsModel(Table):
    """Violations of one application or of the whole city, each with its clause."""

    COL_GRADE, COL_PROJECT, COL_MESSAGE, COL_RULE, COL_OVERRIDE = range(5)
    HEADERS = ("级别", "项目", "问题", "规则", "说明")

    def __init__(self, campaign: Campaign, parent: QObject | None = None, *, show_project: bool = True) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.show_project = show_project
        self._items: list[Violation] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_GRADE:
                return "已说明" if v.is_overridden else v.grade.label
            if col == self.COL_PROJECT:
                return v.project or "（全市）"
            if col == self.COL_MESSAGE:
                return v.message
            if col == self.COL_RULE:
                spec = self.campaign.rules.get(v.rule)
                return spec.title if spec else v.rule
            if col == self.COL_OVERRIDE:
                if v.override_reason:
                    return v.override_reason
                return "可记录说明" if v.overridable else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{v.message}\n\n依据：{v.clause}\n规则编号：{v.rule}"
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_GRADE:
            return QBrush(OK_COLOR if v.is_overridden else GRADE_COLORS[v.grade])
        if role == VIOLATION_ROLE:
            return v
        if role == APP_ID_ROLE:
            return v.application_id
        return None

    def set_violations(self, violations: Sequence[Violation]) -> None:
        self.beginResetModel()
        self._items = list(violations)
        self.endResetModel()

    def violation_at(self, row: int) -> Violation:
        return self._items[row]

    def violations(self) -> list[Violation]:
        return list(self._items)


# ---------------------------------------------------------------------------------------------
# Rules of the campaign
# ---------------------------------------------------------------------------------------------


class RulesModel(Table):
    """The campaign's rules in plain Chinese: title, grade, whether it can be overridden, clause."""

    COL_TITLE, COL_GRADE, COL_OVERRIDABLE, COL_CLAUSE, COL_CLAUSE_TEXT, COL_ID = range(6)
    HEADERS = ("规则", "级别", "可说明", "条款", "条款原文", "编号")

    def __init__(self, rules: Sequence[RuleSpec] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules = list(rules)

    def set_rules(self, rules: Sequence[RuleSpec]) -> None:
        self.beginResetModel()
        self._rules = list(rules)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rules)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rules[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.title, r.grade.label, "是" if r.overridable else "否", r.clause, r.clause_text, r.id)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.citation}\n规则编号：{r.id}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.COL_GRADE:
            return QBrush(GRADE_COLORS[r.grade])
        if role == OBJECT_ROLE:
            return r
        return None

    def rule_at(self, row: int) -> RuleSpec:
        return self._rules[row]

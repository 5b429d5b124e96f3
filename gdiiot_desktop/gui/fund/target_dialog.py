"""The form to confirm or correct a task's targets, with the original 工作量 text beside them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.tasks.model import ProvinceTask, Target

HEADERS = ("类别", "数量（至少）", "属于（上级类别，可空）")


class TargetDialog(QDialog):
    def __init__(self, task: ProvinceTask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.setWindowTitle(f"确认或更正目标 — {task.city} {task.name}")
        original = QLabel(f"工作量（原文）：{task.workload}")
        original.setWordWrap(True)
        original.setStyleSheet("color: #595959;")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for target in task.targets:
            self.add_row(target)
        add = QPushButton("添加目标")
        add.clicked.connect(lambda: self.add_row(None))
        remove = QPushButton("删除所选")
        remove.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确认")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(original)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def add_row(self, target: Target | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = ("", "", "") if target is None else (target.kind, str(target.count), target.within or "")
        for col, text in enumerate(values):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def targets(self) -> list[Target] | None:
        """The targets as entered; None (after telling the user) when a row is not readable."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [self._text(row, col) for col in range(3)]
            if not any(cells):
                continue
            kind, count, within = cells
            if not kind or not count.isdigit():
                QMessageBox.warning(self, "目标不完整", f"第 {row + 1} 行：请填写类别和数量（整数）。")
                return None
            found.append(Target(kind, int(count), within or None))
        return found

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def accept(self) -> None:
        if self.targets() is not None:
            super().accept()

"""Which task kinds each countable project counts as (5G+, 产业链协同, …): a table of check boxes,
one row per project recommended (pilot kind) or entered into the pool (fund kind). A click asks the
host to store the mark (`gdiiot tasks mark`); the host reads the progress again afterwards."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from gdiiot_desktop.domain.tasks.progress import CountedProject

FIXED = ("项目（单位）", "来源")


class MarksTable(QTableWidget):
    toggled = Signal(str, str, bool)  # project ref, kind, now on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds: list[str] = []
        self.refs: list[str] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        self.itemChanged.connect(self._changed)

    def set_projects(self, projects: Sequence[CountedProject], kinds: Sequence[str]) -> None:
        self.blockSignals(True)
        self.kinds, self.refs = list(kinds), [p.ref for p in projects]
        self.clear()
        self.setColumnCount(len(FIXED) + len(self.kinds))
        self.setHorizontalHeaderLabels([*FIXED, *self.kinds])
        self.setRowCount(len(projects))
        for row, project in enumerate(projects):
            label = QTableWidgetItem(project.label)
            label.setToolTip(project.label)
            self.setItem(row, 0, label)
            self.setItem(row, 1, QTableWidgetItem(project.source))
            for col, kind in enumerate(self.kinds, len(FIXED)):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                on = kind in project.marks
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                item.setToolTip(f"{'计入' if on else '不计入'}{kind}（点击更改）")
                self.setItem(row, col, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.blockSignals(False)
        # Tall enough for every row up to ten; more scroll inside the table.
        rows = min(len(projects), 10)
        header_height = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header_height + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth() + 2)

    def is_marked(self, ref: str, kind: str) -> bool:
        item = self.item(self.refs.index(ref), len(FIXED) + self.kinds.index(kind))
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_mark(self, ref: str, kind: str, on: bool) -> None:
        """Tick or untick as the user's click does (tests and keyboard users)."""
        item = self.item(self.refs.index(ref), len(FIXED) + self.kinds.index(kind))
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _changed(self, item: QTableWidgetItem) -> None:
        col = item.column() - len(FIXED)
        if col < 0 or item.row() >= len(self.refs):
            return
        self.setEnabled(False)  # until the host has stored it and shown the progress again
        self.toggled.emit(self.refs[item.row()], self.kinds[col], item.checkState() == Qt.CheckState.Checked)

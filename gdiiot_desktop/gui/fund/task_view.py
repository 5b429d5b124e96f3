"""The province task list of the city: each target with its progress bar, what is missing and the days left."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.tasks.model import TaskList
from gdiiot_desktop.domain.tasks.progress import TargetProgress


def days_text(deadline: date | None, today: date) -> str:
    if deadline is None:
        return "无截止日期"
    days = (deadline - today).days
    return f"已逾期 {-days} 天" if days < 0 else f"剩余 {days} 天"


class TaskProgressView(QScrollArea):
    edit_requested = Signal(object)  # the ProvinceTask whose targets the user wants to correct

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.bars: list[QProgressBar] = []  # in display order (tests read them)
        self.edit_buttons: list[QPushButton] = []
        self._show([], "", date.today())

    def show_progress(
        self, lists: list[tuple[TaskList, tuple[TargetProgress, ...]]], city: str, today: date
    ) -> None:
        self._show(lists, city, today)

    def _show(self, lists: list[tuple[TaskList, tuple[TargetProgress, ...]]], city: str, today: date) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.bars = []
        self.edit_buttons = []
        if not lists:
            layout.addWidget(QLabel("尚未导入省级任务清单（gdiiot tasks import 文件）。"))
        for task_list, items in lists:
            heading = QLabel(f"<b>{task_list.title}</b>")
            heading.setWordWrap(True)
            layout.addWidget(heading)
            tasks = task_list.of_city(city)
            if not tasks:
                layout.addWidget(QLabel(f"本清单中没有{city}的任务。"))
            for task in tasks:
                box = QGroupBox(
                    f"{task.name}（{task.nature}；完成时限 {task.deadline_text}，{days_text(task.deadline, today)}）"
                )
                grid = QGridLayout(box)
                original = QLabel(f"工作量：{task.workload}")
                original.setWordWrap(True)
                original.setStyleSheet("color: #595959;")
                grid.addWidget(original, 0, 0, 1, 3)
                unsure = any(not t.confirmed for t in task.targets)
                edit = QPushButton("确认或更正目标…" if unsure else "更正目标…")
                edit.clicked.connect(lambda _checked=False, task=task: self.edit_requested.emit(task))
                self.edit_buttons.append(edit)
                grid.addWidget(edit, 0, 3)
                mine = [i for i in items if i.task.id == task.id]
                for row, item in enumerate(mine, 1):
                    target = item.target
                    grid.addWidget(QLabel(target.label + ("" if target.confirmed else "（待确认）")), row, 0)
                    bar = QProgressBar()
                    bar.setRange(0, max(target.count, 1))
                    bar.setValue(min(item.done, max(target.count, 1)))
                    bar.setFormat(f"{item.done} / {target.count}")
                    self.bars.append(bar)
                    grid.addWidget(bar, row, 1)
                    grid.addWidget(QLabel("已完成" if item.met else f"差 {item.missing} 个"), row, 2)
                    names = QLabel("；".join(p.label for p in item.projects) or "—")
                    names.setWordWrap(True)
                    grid.addWidget(names, row, 3)
                grid.setColumnStretch(1, 2)
                grid.setColumnStretch(3, 3)
                layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)

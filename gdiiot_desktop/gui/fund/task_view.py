"""The province task list of the city: each target with its progress bar, what is missing and the days
left; below, the projects that can count with the kinds each counts as (marks the user sets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.tasks.model import TARGET_KINDS, TaskList
from gdiiot_desktop.domain.tasks.progress import CountedProject, TargetProgress
from gdiiot_desktop.services.tasks.linked import LinkedSource

from .marks_panel import MarksTable


def days_text(deadline: date | None, today: date) -> str:
    if deadline is None:
        return "无截止日期"
    days = (deadline - today).days
    return f"已逾期 {-days} 天" if days < 0 else f"剩余 {days} 天"


class TaskProgressView(QScrollArea):
    edit_requested = Signal(object)  # the ProvinceTask whose targets the user wants to correct
    mark_toggled = Signal(str, str, bool)  # project ref, task kind, now counted: store it, then show again
    import_requested = Signal()  # 导入任务清单… (shown when the view has its own actions)
    report_requested = Signal()  # 导出完成情况…
    link_requested = Signal()  # 关联其他活动的数据库…
    unlink_requested = Signal(str)  # the linked database's path as stored

    def __init__(self, parent: QWidget | None = None, *, with_actions: bool = False) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.with_actions = with_actions
        self.bars: list[QProgressBar] = []  # in display order (tests read them)
        self.edit_buttons: list[QPushButton] = []
        self.cautions: list[QLabel] = []  # tasks counting a campaign outside their period (tests read them)
        self.link_labels: list[QLabel] = []
        self.marks: MarksTable | None = None
        self._show([], "", date.today(), None, None)

    def show_progress(
        self,
        lists: list[tuple[TaskList, tuple[TargetProgress, ...]]],
        city: str,
        today: date,
        projects: list[CountedProject] | tuple[CountedProject, ...] | None = None,
        links: Sequence[LinkedSource] | None = None,
    ) -> None:
        """`projects`: the projects that can count, shown with their marks to tick (None: no marks table);
        `links`: the other campaigns' databases counted too (None: not shown)."""
        self._show(lists, city, today, projects, links)

    def _show(
        self,
        lists: list[tuple[TaskList, tuple[TargetProgress, ...]]],
        city: str,
        today: date,
        projects: list[CountedProject] | tuple[CountedProject, ...] | None,
        links: Sequence[LinkedSource] | None,
    ) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.bars = []
        self.edit_buttons = []
        self.cautions = []
        self.link_labels = []
        self.marks = None
        if self.with_actions:
            actions = QHBoxLayout()
            for text, signal in (
                ("导入任务清单…", self.import_requested),
                ("导出完成情况…", self.report_requested),
                ("关联其他活动的数据库…", self.link_requested),
            ):
                button = QPushButton(text)
                button.clicked.connect(signal.emit)
                actions.addWidget(button)
            actions.addStretch(1)
            layout.addLayout(actions)
        if links:
            layout.addWidget(self._links_box(links))
        if not lists:
            layout.addWidget(QLabel("尚未导入省级任务清单。请用“导入任务清单…”导入省厅下发的 Excel 表格。"))
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
                reasons = dict.fromkeys(why for item in mine for _p, why in item.cautions)
                if reasons:  # counted by their marks, but of a campaign outside the task's period
                    caution = QLabel("注意：" + "；".join(reasons))
                    caution.setWordWrap(True)
                    caution.setStyleSheet("color: #9c5700;")
                    self.cautions.append(caution)
                    grid.addWidget(caution, len(mine) + 1, 0, 1, 4)
                grid.setColumnStretch(1, 2)
                grid.setColumnStretch(3, 3)
                layout.addWidget(box)
        if projects is not None:
            layout.addWidget(self._marks_box(lists, projects))
        layout.addStretch(1)
        self.setWidget(body)

    def _links_box(self, links: Sequence[LinkedSource]) -> QGroupBox:
        box = QGroupBox("一并计入的其他活动数据库")
        grid = QGridLayout(box)
        self.link_labels = []
        for row, source in enumerate(links):
            if source.problem:
                text = f"{source.path}\n{source.problem}"
            else:
                title = source.origin.title if source.origin else ""
                text = f"{title}：可计入的项目 {len(source.projects)} 个\n{source.path}"
            label = QLabel(text)
            label.setWordWrap(True)
            if source.problem:
                label.setStyleSheet("color: #9c5700;")
            self.link_labels.append(label)
            grid.addWidget(label, row, 0)
            unlink = QPushButton("取消关联")
            unlink.clicked.connect(lambda _checked=False, path=source.path: self.unlink_requested.emit(path))
            grid.addWidget(unlink, row, 1)
        grid.setColumnStretch(0, 1)
        return box

    def _marks_box(
        self, lists: list[tuple[TaskList, tuple[TargetProgress, ...]]], projects: Sequence[CountedProject]
    ) -> QGroupBox:
        box = QGroupBox("计入任务的项目：勾选每个项目计入的类别（如哪些是5G+、产业链协同项目）")
        inner = QVBoxLayout(box)
        if not projects:
            inner.addWidget(QLabel("尚无可计入的项目：试点示范项目推荐后、专项资金项目入库后在此标记。"))
            return box
        kinds = list(TARGET_KINDS)
        for task_list, _items in lists:
            for task in task_list.tasks:
                kinds += [t.kind for t in task.targets if t.kind not in kinds]
        self.marks = MarksTable()
        self.marks.set_projects(projects, kinds)
        self.marks.toggled.connect(self.mark_toggled.emit)
        inner.addWidget(self.marks)
        if any(p.ref.startswith("fund:") for p in projects):
            note = QLabel("专项资金项目入库后按其支持方向默认计入（如标杆示范）；取消勾选即不计入。")
            note.setStyleSheet("color: #595959;")
            note.setWordWrap(True)
            inner.addWidget(note)
        return box

"""The province task list of a pilot-recommendation database: import a list, see the progress,
correct targets, mark which recommended projects count as what, export the report — on the main
window's task runner, off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gdiiot_desktop.domain.tasks.model import ProvinceTask
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services.tasks.linked import link_database, read_links, unlink_database
from gdiiot_desktop.services.tasks.report import report_targets, write_report_pdf, write_report_xlsx
from gdiiot_desktop.services.tasks.service import (
    CityDatabase,
    import_task_list,
    progress,
    set_marks,
    set_task_targets,
)

from .target_dialog import TargetDialog
from .task_view import TaskProgressView


class TaskListDialog(QDialog):
    def __init__(self, cdb: CityDatabase, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cdb = cdb
        city = cdb.city
        self.runner = runner
        self.today = date.today
        self.loaded = False
        self.setWindowTitle(f"省级任务清单 — {city}市")
        self.view = TaskProgressView()
        self.view.edit_requested.connect(self.edit_targets)
        self.view.mark_toggled.connect(self.set_mark)
        self.view.unlink_requested.connect(self.unlink)
        self.status = QLabel("正在读取…")
        buttons = QHBoxLayout()
        for text, slot in (
            ("导入任务清单…", self.ask_import),
            ("导出完成情况…", self.ask_report),
            ("关联其他活动的数据库…", self.ask_link),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        note = QLabel(
            "计入的项目：已推荐的项目和关联数据库中已推荐、已入库的项目，按下方勾选的类别计入（如标杆示范、5G+）。"
        )
        note.setStyleSheet("color: #595959;")
        layout.addWidget(note)
        self.resize(1000, 600)

    def refresh(self, message: str = "") -> None:
        today = self.today()

        def work(_progress: Progress) -> Any:
            links = read_links(self.cdb)
            return (*progress(self.cdb, today, links=links), links)

        self.runner.run(
            work,
            title="正在读取任务清单…",
            on_success=lambda result: self._show(result, today, message),
            on_error=self._failed,
        )

    def _show(self, result: Any, today: date, message: str) -> None:
        lists, projects, links = result
        self.view.show_progress(
            [(tl, tuple(items)) for tl, items in lists], self.cdb.city, today, projects, links
        )
        self.status.setText(message or f"可计入的项目 {len(projects)} 个")
        self.loaded = True

    def _write(self, work: Any, message: Any) -> None:
        def job(progress_: Progress) -> Any:
            return work()

        self.runner.run(
            job,
            title="正在保存…",
            writes=True,
            on_success=lambda r: self.refresh(message(r)),
            on_error=self._write_failed,
        )

    def _write_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.refresh("未保存")  # a mark clicked but not stored shows as it is stored again

    def set_mark(self, ref: str, kind: str, on: bool) -> None:
        add, remove = ([kind], []) if on else ([], [kind])
        self._write(
            lambda: set_marks(self.cdb, ref, add, remove),
            lambda p: f"{p.label}：{'、'.join(sorted(p.marks)) or '不计入任何类别'}",
        )

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入省级任务清单", "", "Excel 表格 (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self._write(lambda: import_task_list(self.cdb, path), lambda r: f"已导入：{r[0].title}")

    def ask_link(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "关联本市其他活动的数据库", "", "数据库 (*.sqlite3 *.sqlite *.db)"
        )
        if name:
            self.link(Path(name))

    def link(self, path: Path) -> None:
        self._write(
            lambda: link_database(self.cdb, path),
            lambda s: (
                f"已关联：{s.origin.title if s.origin else s.path}（可计入的项目 {len(s.projects)} 个）"
            ),
        )

    def unlink(self, path: str) -> None:
        self._write(lambda: unlink_database(self.cdb, path), lambda p: f"已取消关联：{p}")

    def ask_report(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "导出任务完成情况到文件夹")
        if folder:
            self.report_to(Path(folder))

    def report_to(self, folder: Path) -> None:
        today = self.today()

        def work() -> tuple[Path, Path]:
            lists, projects = progress(self.cdb, today)
            xlsx, pdf = report_targets(folder, self.cdb.city)
            return write_report_xlsx(lists, projects, self.cdb.city, today, xlsx), write_report_pdf(
                lists, projects, self.cdb.city, today, pdf
            )

        self._write(work, lambda paths: "已导出：" + "、".join(p.name for p in paths))

    def edit_targets(self, task: ProvinceTask) -> None:
        dialog = TargetDialog(task, self)
        if dialog.exec() != TargetDialog.DialogCode.Accepted or task.id is None:
            return
        targets, task_id = dialog.targets() or [], task.id
        self._write(
            lambda: set_task_targets(self.cdb, task_id, targets), lambda _t: f"已更正“{task.name}”的目标"
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("未完成")
        show_error(self, exc, "任务清单")

"""The task-list work of the special-fund window: marks on the pooled projects (`gdiiot tasks mark`),
importing a province task list (`tasks import`) and exporting the progress report (`tasks report`),
each on the window's task runner; the board and the task view are read again afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog

from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import Progress
from gdiiot_desktop.services.fund.board import FundBoardData, read_board
from gdiiot_desktop.services.fund.workspace import FundWorkspace
from gdiiot_desktop.services.tasks.linked import link_database, unlink_database
from gdiiot_desktop.services.tasks.report import report_targets, write_report_pdf, write_report_xlsx
from gdiiot_desktop.services.tasks.service import (
    CityDatabase,
    city_database_of,
    import_task_list,
    progress,
    set_marks,
)

if TYPE_CHECKING:
    from .window import FundWindow


def task_database(ws: FundWorkspace) -> CityDatabase:
    """The task-list view of the fund database, with its directions' default marks."""
    marks = {d.id: d.counts_as for d in ws.campaign.directions}
    return city_database_of(ws.db, ws.city, ws.operator, marks)


class FundTaskActions:
    def __init__(self, window: FundWindow) -> None:
        self.window = window
        view = window.task_view
        view.mark_toggled.connect(self.set_mark)
        view.import_requested.connect(self.ask_import)
        view.report_requested.connect(self.ask_report)
        view.link_requested.connect(self.ask_link)
        view.unlink_requested.connect(self.unlink)

    def _write(self, change: Callable[[CityDatabase], Any], done: Callable[[Any], str]) -> None:
        window, ws = self.window, self.window.ws
        if ws is None:
            return
        today = window.today()

        def work(_progress: Progress) -> tuple[Any, FundBoardData]:
            result = change(task_database(ws))
            return result, read_board(ws, today)

        def finished(result: tuple[Any, FundBoardData]) -> None:
            window.show_data(result[1])
            window.statusBar().showMessage(done(result[0]), 15_000)

        def failed(exc: BaseException) -> None:
            window.statusBar().showMessage("未保存")
            show_error(window, exc, "未保存")
            window.refresh()  # a mark clicked but not stored shows as stored again

        window.runner.run(work, title="正在保存…", writes=True, on_success=finished, on_error=failed)

    def set_mark(self, ref: str, kind: str, on: bool) -> None:
        add, remove = ([kind], []) if on else ([], [kind])
        self._write(
            lambda cdb: set_marks(cdb, ref, add, remove),
            lambda p: f"{p.label}：{'、'.join(sorted(p.marks)) or '不计入任何类别'}",
        )

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "导入省级任务清单", "", "Excel 表格 (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self._write(lambda cdb: import_task_list(cdb, path), lambda r: f"已导入任务清单：{r[0].title}")

    def ask_report(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "导出任务完成情况到文件夹")
        if folder:
            self.report_to(Path(folder))

    def report_to(self, folder: Path) -> None:
        today = self.window.today()

        def work(cdb: CityDatabase) -> tuple[Path, Path]:
            lists, projects = progress(cdb, today)
            xlsx, pdf = report_targets(folder, cdb.city)
            write_report_xlsx(lists, projects, cdb.city, today, xlsx)
            write_report_pdf(lists, projects, cdb.city, today, pdf)
            return xlsx, pdf

        self._write(work, lambda paths: "已导出任务完成情况：" + "、".join(p.name for p in paths))

    def ask_link(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "关联本市其他活动的数据库", "", "数据库 (*.sqlite3 *.sqlite *.db)"
        )
        if name:
            self.link(Path(name))

    def link(self, path: Path) -> None:
        self._write(
            lambda cdb: link_database(cdb, path),
            lambda s: (
                f"已关联：{s.origin.title if s.origin else s.path}（可计入的项目 {len(s.projects)} 个）"
            ),
        )

    def unlink(self, path: str) -> None:
        self._write(lambda cdb: unlink_database(cdb, path), lambda p: f"已取消关联：{p}")

"""The window of a special-fund database: the 入库 board and the task view. Every read and write
runs on the window's task runner, off the GUI thread; each write reads the board again.

Intake (gui/fund/intake_dialog.py), an application typed or corrected by hand (application_form.py),
an application's details and edits (application_dialog.py) and
the task list's marks, import and report (task_actions.py) are done here too, as the CLI does them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QToolBar,
    QWidget,
)

from gdiiot_desktop.domain.tasks.model import ProvinceTask
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services.fund.board import FundBoardData, open_and_read_board, read_board
from gdiiot_desktop.services.fund.export import export_pool
from gdiiot_desktop.services.fund.ranking import rank_by_score, set_budget
from gdiiot_desktop.services.fund.workspace import FundWorkspace
from gdiiot_desktop.services.tasks.service import city_database_of, set_task_targets

from .application_dialog import FundApplicationDialog
from .application_form import FundApplicationForm
from .board import FundBoard
from .intake_dialog import FundIntake
from .target_dialog import TargetDialog
from .task_actions import FundTaskActions
from .task_view import TaskProgressView

# Opens (or creates) the database and reads the board, off the GUI thread.
Opener = Callable[[date], tuple[FundWorkspace, FundBoardData]]


class FundWindow(QMainWindow):
    def __init__(
        self,
        path: Path,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        opener: Opener | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.today = today
        self.opener: Opener = opener or (lambda day: open_and_read_board(path, day))
        self.ws: FundWorkspace | None = None
        self.data: FundBoardData | None = None
        self._reselect: int | None = None  # the ranking row to select again after a move
        self.runner = TaskRunner(self)
        self.setWindowTitle(f"专项资金申报 — {path.name}")
        self.board = FundBoard()
        self.task_view = TaskProgressView(with_actions=True)
        self.intake = FundIntake(self)
        self.details_dialog: FundApplicationDialog | None = None
        self.application_form: FundApplicationForm | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board, "入库排序与预算")
        self.tabs.addTab(self.task_view, "省级任务清单")
        self.setCentralWidget(self.tabs)
        bar = QToolBar("操作")
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("refresh", "刷新", self.refresh),
            ("import", "导入申报表…", self.intake.ask_import),
            ("new", "新建申报…", self.new_application),
            ("template", "保存导入模板…", self.intake.ask_template),
            ("details", "项目详情…", self.show_selected_details),
            ("budget", "设定预算…", self.ask_budget),
            ("by_score", "按评审得分排序", self.rank_by_score),
            ("add", "入库（加到末尾）", self.add_selected),
            ("up", "上移", lambda: self.move_selected(-1)),
            ("down", "下移", lambda: self.move_selected(1)),
            ("remove", "移出入库", self.remove_selected),
            ("export", "导出入库清单…", self.ask_export),
            ("meeting", "评审会…", self.open_meeting),
            ("exchange", "县区数据交换…", self.open_exchange),
        ):
            button = QPushButton(text)
            # As wide as its text, not the style's 80-pixel minimum: all 14 fit a 1,200-pixel window.
            button.setMaximumWidth(max(button.fontMetrics().horizontalAdvance(text) + 24, 56))
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        self.refresh_button = self.buttons["refresh"]
        self.addToolBar(bar)
        self.task_view.edit_requested.connect(self.edit_targets)
        self.task_actions = FundTaskActions(self)
        self.board.details_requested.connect(self.show_details)
        self.statusBar().showMessage("正在打开数据库…")
        self.resize(1200, 860)

    def load(self) -> None:
        """Open the database and read everything off the GUI thread."""
        today = self.today()

        def work(_progress: Progress) -> tuple[FundWorkspace, FundBoardData]:
            return self.opener(today)

        self.runner.run(
            work,
            title="正在打开数据库…",
            writes=True,
            show_dialog=False,
            on_success=self._opened,
            on_error=self._failed,
        )

    def refresh(self) -> None:
        self.reread()

    def reread(self, message: str = "") -> None:
        """Read the board again; `message` (what was just saved) then stays in the status bar."""
        ws = self.ws
        if ws is None:
            return
        today = self.today()

        def shown(data: FundBoardData) -> None:
            self.show_data(data)
            if message:
                self.statusBar().showMessage(message, 15_000)

        self.runner.run(
            lambda _p: read_board(ws, today),
            title="正在读取…",
            on_success=shown,
            on_error=self._failed,
        )

    def new_application(self) -> FundApplicationForm | None:
        """An application typed by hand (as `gdiiot fund add`); the board is read again once it is saved."""
        if self.ws is None:
            return None
        form = FundApplicationForm(self.ws, self.runner, None, self)
        form.saved.connect(lambda result: self.reread(result.summary()))
        self.application_form = form
        form.open()
        return form

    # --- writes: each on the runner's writer, then the board is read again ----------------------
    def write(self, change: Callable[[FundWorkspace], Any], done: Callable[[Any], str]) -> None:
        ws = self.ws
        if ws is None:
            return
        today = self.today()

        def work(_progress: Progress) -> tuple[Any, FundBoardData]:
            result = change(ws)
            return result, read_board(ws, today)

        def finished(result: tuple[Any, FundBoardData]) -> None:
            self.show_data(result[1])
            self.statusBar().showMessage(done(result[0]), 15_000)

        self.runner.run(work, title="正在保存…", writes=True, on_success=finished, on_error=self._failed)

    def ask_budget(self) -> None:
        current = "" if self.data is None or self.data.pool.budget is None else str(self.data.pool.budget)
        text, ok = QInputDialog.getText(self, "设定预算", "资金预算（元）：", text=current)
        if ok:
            self.write(
                lambda ws: set_budget(ws, text.strip() or None),
                lambda b: f"预算已设定为 {b} 元" if b is not None else "已清除预算",
            )

    def rank_by_score(self) -> None:
        # The latest locked review meeting's scores when there is one, else the 评审得分 field.
        self.write(
            rank_by_score,
            lambda result: f"已按评审得分排序入库 {len(result.ids)} 个项目（得分来自{result.source_text}）",
        )

    def open_meeting(self) -> Any:
        """The review meeting window on this database (its items are the special-fund applications)."""
        if self.ws is None:
            return None
        from gdiiot_desktop.gui.meeting import MeetingWindow

        window = MeetingWindow(self.ws, self.runner, parent=self)
        # Adopting the meeting's ranking changes the pool: read the board again once the window is gone.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_a: self.refresh())
        window.show()
        return window

    def open_exchange(self) -> Any:
        """County bundles of this call (export at a county, preview and import at the city, returns, keys)."""
        if self.ws is None:
            return None
        from gdiiot_desktop.gui.exchange_dialog import ExchangeDialog

        dialog = ExchangeDialog(self.ws, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.data_changed.connect(self.refresh)  # an import or a return changes the board
        dialog.show()
        return dialog

    def set_ranking(self, ids: list[int], message: str) -> None:
        self.write(lambda ws: ws.repo.set_ranking(ids), lambda _r: message)

    def add_selected(self) -> None:
        chosen = self.board.selected_waiting()
        if chosen:
            self.set_ranking(self.board.ranked_ids + chosen, f"已入库 {len(chosen)} 个项目")

    def move_selected(self, step: int) -> None:
        row = self.board.selected_ranked()
        ids = list(self.board.ranked_ids)
        if row is None or not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self.set_ranking(ids, "已调整排序")
        self._reselect = row + step

    def remove_selected(self) -> None:
        row = self.board.selected_ranked()
        if row is not None:
            ids = [i for n, i in enumerate(self.board.ranked_ids) if n != row]
            self.set_ranking(ids, "已移出入库")

    def ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "导出入库清单到文件夹")
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        self.write(
            lambda ws: export_pool(ws, folder),
            lambda result: f"已导出入库清单（快照 {result[0].id}）：{'、'.join(p.name for p in result[1])}",
        )

    def show_selected_details(self) -> None:
        app_id = self.board.selected_app_id()
        if app_id is None:
            self.statusBar().showMessage("请先在列表中选中一个项目", 10_000)
            return
        self.show_details(app_id)

    def show_details(self, app_id: int) -> None:
        """The application's details and edits; what is saved there is shown on the board at once."""
        if self.ws is None:
            return
        if self.details_dialog is not None:
            self.details_dialog.close()
            if not self.details_dialog.busy:  # one still saving gets its result first; freed with the window
                self.details_dialog.deleteLater()
        dialog = FundApplicationDialog(self.ws, self.runner, app_id, self)
        dialog.changed.connect(self.refresh)
        self.details_dialog = dialog
        dialog.show()
        dialog.load()

    def edit_targets(self, task: ProvinceTask) -> None:
        dialog = TargetDialog(task, self)
        if dialog.exec() != TargetDialog.DialogCode.Accepted:
            return
        targets = dialog.targets() or []
        task_id = task.id
        assert task_id is not None

        def change(ws: FundWorkspace) -> Any:
            marks = {d.id: d.counts_as for d in ws.campaign.directions}
            return set_task_targets(city_database_of(ws.db, ws.city, ws.operator, marks), task_id, targets)

        self.write(change, lambda _t: f"已更正“{task.name}”的目标")

    def _opened(self, result: tuple[FundWorkspace, FundBoardData]) -> None:
        self.ws, data = result
        self.setWindowTitle(f"{data.campaign.title} — {data.city}市")
        self.show_data(data)

    def show_data(self, data: FundBoardData) -> None:
        self.data = data
        self.board.show_data(data)
        if self._reselect is not None and self._reselect < self.board.ranked.rowCount():
            self.board.ranked.selectRow(self._reselect)
        self._reselect = None
        self.task_view.show_progress(list(data.tasks), data.city, data.today, data.projects, data.links)
        self.statusBar().showMessage(f"已读取 {len(data.apps)} 个专项资金申报项目", 10_000)

    def _failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage("读取失败")
        show_error(self, exc, "无法读取专项资金数据库").exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.runner.shutdown(wait=True)  # the workers finish before the database closes under them
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        super().closeEvent(event)

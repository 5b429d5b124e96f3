"""The window of a special-fund database: the 入库 board and the task view, read off the GUI thread.

Ranking, scores, the budget and intake are done with `gdiiot fund …` for now; the window shows
where things stand and refreshes on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QPushButton, QTabWidget, QToolBar, QWidget

from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services.fund.board import FundBoardData, open_and_read_board, read_board
from gdiiot_desktop.services.fund.workspace import FundWorkspace

from .board import FundBoard
from .task_view import TaskProgressView


class FundWindow(QMainWindow):
    def __init__(
        self, path: Path, today: Callable[[], date] = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.today = today
        self.ws: FundWorkspace | None = None
        self.data: FundBoardData | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(f"专项资金申报 — {path.name}")
        self.board = FundBoard()
        self.task_view = TaskProgressView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.board, "入库排序与预算")
        self.tabs.addTab(self.task_view, "省级任务清单")
        self.setCentralWidget(self.tabs)
        bar = QToolBar("操作")
        self.refresh_button = QPushButton("刷新")
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        self.addToolBar(bar)
        self.statusBar().showMessage("正在打开数据库…")
        self.resize(1200, 860)

    def load(self) -> None:
        """Open the database and read everything off the GUI thread."""
        today = self.today()

        def work(_progress: Progress) -> tuple[FundWorkspace, FundBoardData]:
            return open_and_read_board(self.path, today)

        self.runner.run(
            work,
            title="正在打开数据库…",
            writes=True,
            show_dialog=False,
            on_success=self._opened,
            on_error=self._failed,
        )

    def refresh(self) -> None:
        ws = self.ws
        if ws is None:
            return
        today = self.today()
        self.runner.run(
            lambda _p: read_board(ws, today),
            title="正在读取…",
            on_success=self.show_data,
            on_error=self._failed,
        )

    def _opened(self, result: tuple[FundWorkspace, FundBoardData]) -> None:
        self.ws, data = result
        self.setWindowTitle(f"{data.campaign.title} — {data.city}市")
        self.show_data(data)

    def show_data(self, data: FundBoardData) -> None:
        self.data = data
        self.board.show_data(data)
        self.task_view.show_progress(list(data.tasks), data.city, data.today)
        self.statusBar().showMessage(f"已读取 {len(data.apps)} 个专项资金申报项目", 10_000)

    def _failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage("读取失败")
        show_error(self, exc, "无法读取专项资金数据库").exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        super().closeEvent(event)

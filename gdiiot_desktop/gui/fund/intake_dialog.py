"""Intake of a special-fund sheet from the window, as `gdiiot fund import` does it: a sheet with any
bad cell imports nothing, and the result dialog names every bad cell; the user may then import the
rows without problems (the CLI's --skip-bad-rows). Also saving the intake template. The work runs on
the fund window's task runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.gui.errors import describe, show_error, window_text
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE
from gdiiot_desktop.gui.tasks import Progress
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.fund.board import FundBoardData, read_board
from gdiiot_desktop.services.fund.intake import IntakeReport, SheetRefusedError, import_sheet, write_template

if TYPE_CHECKING:
    from .window import FundWindow

SHEET_FILTER = "Excel 表格 (*.xlsx)"


class IntakeResultDialog(QDialog):
    """What an import did: the counts, or why nothing was imported with every bad cell listed."""

    def __init__(
        self,
        title: str,
        summary: str,
        problems: list[str],
        *,
        refused: bool,
        good_rows: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        if refused:
            self.summary.setStyleSheet(ERROR_TEXT_STYLE)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)  # a long cell message is read whole, not scrolled to
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setSpacing(2)
        self.problems.addItems(problems)
        self.skip_button: QPushButton | None = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if refused and good_rows > 0:
            self.skip_button = QPushButton(f"只导入没有问题的 {good_rows} 行")
            self.skip_button.setToolTip("有问题的行不导入；改正后可再导入同一张表，已导入的项目按企业和项目名称更新")
            self.skip_button.clicked.connect(self.accept)
            buttons.addWidget(self.skip_button)
        close = QPushButton("关闭" if not refused else "不导入，关闭")
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if problems:
            layout.addWidget(QLabel("有问题的单元格（行号为 Excel 中的行号）：" if refused else "跳过的行及其问题："))
            layout.addWidget(self.problems, 1)
        if refused:
            note = QLabel("数据库没有任何改变。可以在 Excel 中改正后重新导入。")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(buttons)
        self.resize(760, 460 if problems else 160)


class FundIntake:
    """The window's intake actions: import a sheet, save the template."""

    def __init__(self, window: FundWindow) -> None:
        self.window = window
        self.result_dialog: IntakeResultDialog | None = None  # the last one shown (tests look at it)

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "导入专项资金申报表", "", SHEET_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, *, skip_bad_rows: bool = False) -> None:
        ws = self.window.ws
        if ws is None:
            return
        today: date = self.window.today()

        def work(_progress: Progress) -> tuple[IntakeReport, FundBoardData]:
            report = import_sheet(ws, path, skip_bad_rows=skip_bad_rows)
            return report, read_board(ws, today)

        def done(result: tuple[IntakeReport, FundBoardData]) -> None:
            report, data = result
            self.window.show_data(data)
            self.window.statusBar().showMessage(report.summary(), 15_000)
            problems = [window_text(e) for e in report.errors]
            problems += [f"提示：{window_text(w)}" for w in report.warnings]  # as `fund import` prints them
            self._show(IntakeResultDialog("导入完成", report.summary() + "。", problems, refused=False,
                                          parent=self.window))  # fmt: skip

        self.window.runner.run(
            work, title=f"正在导入 {path.name}…", writes=True, on_success=done, on_error=lambda e: self._refused(path, e)
        )

    def _refused(self, path: Path, exc: BaseException) -> None:
        if not isinstance(exc, InputError):  # not the sheet: a damaged database, a full disk, …
            show_error(self.window, exc, "导入未完成")
            return
        message, details, _ = describe(exc)
        good = exc.rows - exc.bad_rows if isinstance(exc, SheetRefusedError) else 0
        if isinstance(exc, SheetRefusedError):
            message += f"。表中共 {exc.rows} 行，其中 {exc.bad_rows} 行有问题"
        self.window.statusBar().showMessage("未导入：" + message.split("。")[0], 15_000)
        dialog = IntakeResultDialog("未导入", message + "。", details, refused=True, good_rows=good, parent=self.window)
        dialog.accepted.connect(lambda: self.import_file(path, skip_bad_rows=True))
        self._show(dialog)

    def _show(self, dialog: IntakeResultDialog) -> None:
        if self.result_dialog is not None:
            self.result_dialog.deleteLater()
        self.result_dialog = dialog
        dialog.open()

    def ask_template(self) -> None:
        ws = self.window.ws
        if ws is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, "保存专项资金申报导入模板", f"{ws.campaign.title}申报表模板.xlsx", SHEET_FILTER
        )
        if name:
            self.save_template(Path(name))

    def save_template(self, path: Path) -> None:
        ws = self.window.ws
        if ws is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        campaign = ws.campaign
        self._run(lambda: write_template(path, campaign), lambda p: f"已保存导入模板：{p}")

    def _run(self, work: Callable[[], Any], message: Callable[[Any], str]) -> None:
        def failed(exc: BaseException) -> None:
            show_error(self.window, exc, "未保存")

        self.window.runner.run(
            lambda _p: work(),
            title="正在保存…",
            on_success=lambda r: self.window.statusBar().showMessage(message(r), 15_000),
            on_error=failed,
        )

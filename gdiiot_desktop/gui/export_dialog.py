"""The export screen: choose what to hand in, see what blocks or warns, export with progress and cancel.

The lead wires it into the main window's menu, e.g.
    ExportDialog(session.ws, session.runner, clock=session.clock, parent=window).open()
All work runs through gui/tasks.py (checks on the read pool, the export on the single writer).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.gui.errors import describe
from gdiiot_desktop.gui.tasks import Task, TaskRunner
from gdiiot_desktop.services.exports import (
    ExportKind,
    ExportRequest,
    ExportResult,
    Medium,
    Preflight,
    estimate_capacity,
    preflight,
    run_export,
)
from gdiiot_desktop.services.workspace import Workspace

AUTO_MEDIUM = "auto"


class ExportDialog(QDialog):
    """Export the summary table, paper package, disc folder and ISO from one frozen snapshot."""

    checked = Signal(object)  # Preflight
    exported = Signal(object)  # ExportResult
    export_failed = Signal(object)  # the exception
    export_cancelled = Signal()

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
        out_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.clock = clock
        self.task: Task | None = None
        self.preflight_result: Preflight | None = None
        self.export_result: ExportResult | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle("导出报送材料")
        self.resize(720, 620)
        self._build(out_dir or Path.home() / f"{ws.city}推荐材料")
        self._enable()

    # --- layout ------------------------------------------------------------------------------
    def _build(self, out_dir: Path) -> None:
        layout = QVBoxLayout(self)
        what = QGroupBox("导出内容（出自同一推荐快照，页脚和文件属性中均有快照编号）")
        row = QHBoxLayout(what)
        self.kind_boxes: dict[ExportKind, QCheckBox] = {}
        for kind in ExportKind:
            box = QCheckBox(kind.label)
            box.setObjectName(f"kind_{kind.value}")
            box.setChecked(True)
            box.toggled.connect(self._enable)
            row.addWidget(box)
            self.kind_boxes[kind] = box
        layout.addWidget(what)

        form = QFormLayout()
        self.medium = QComboBox()
        self.medium.setObjectName("medium")
        self.medium.addItem("自动（一张能装下的最小光盘）", AUTO_MEDIUM)
        for medium in Medium:
            self.medium.addItem(medium.label, medium.value)
        form.addRow("光盘类型：", self.medium)
        self.out_dir = QLineEdit(str(out_dir))
        self.out_dir.setObjectName("outDir")
        self.out_dir.textChanged.connect(self._enable)
        form.addRow("输出文件夹：", _with_button(self.out_dir, "选择…", self.pick_out_dir))
        self.template = QLineEdit()
        self.template.setObjectName("template")
        self.template.setPlaceholderText("可选：省厅正式汇总表模板（.xlsx），按表头文字填写")
        form.addRow("汇总表模板：", _with_button(self.template, "选择…", self.pick_template))
        layout.addLayout(form)

        self.summary = QLabel("正在检查推荐项目…")
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.messages = QPlainTextEdit()
        self.messages.setObjectName("messages")
        self.messages.setReadOnly(True)
        layout.addWidget(self.messages, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress_text = QLabel("")
        self.progress_text.setObjectName("progressText")
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)

        buttons = QHBoxLayout()
        self.check_button = QPushButton("重新检查")
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.start_check)
        self.export_button = QPushButton("开始导出")
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("取消导出")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton("打开文件夹")
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton("关闭")
        self.close_button.clicked.connect(self.reject)
        for button in (self.check_button, self.export_button, self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    # --- state -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def selected_kinds(self) -> frozenset[ExportKind]:
        return frozenset(k for k, box in self.kind_boxes.items() if box.isChecked())

    def request(self) -> ExportRequest:
        value = self.medium.currentData()
        template = self.template.text().strip()
        return ExportRequest(
            kinds=self.selected_kinds(),
            out_dir=Path(self.out_dir.text().strip()),
            medium=None if value == AUTO_MEDIUM else Medium(value),
            template=Path(template) if template else None,
        )

    def _enable(self, *_args: Any) -> None:
        busy = self.busy
        blocked = self.preflight_result is None or self.preflight_result.blocked
        ready = bool(self.selected_kinds()) and bool(self.out_dir.text().strip())
        self.export_button.setEnabled(not busy and not blocked and ready)
        self.check_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)
        self.open_button.setEnabled(not busy and self.export_result is not None)
        disc = bool(self.selected_kinds() & {ExportKind.DISC, ExportKind.ISO})
        self.medium.setEnabled(not busy and disc)
        for box in self.kind_boxes.values():
            box.setEnabled(not busy)

    # --- checking ----------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.preflight_result is None and not self.busy:
            self.start_check()

    def start_check(self) -> None:
        ws, now = self.ws, self.clock()

        def work(_progress: Any) -> tuple[Preflight, str]:
            pre = preflight(ws, now)
            return pre, estimate_capacity(pre)

        self.summary.setText("正在检查推荐项目…")
        self.task = self.runner.run(work, title="正在检查推荐项目…", cancellable=False)
        self.task.succeeded.connect(self._checked)
        self.task.failed.connect(self._failed)
        self.task.finished.connect(self._enable)
        self._enable()

    def _checked(self, result: tuple[Preflight, str]) -> None:
        pre, capacity = result
        self.preflight_result = pre
        lines: list[str] = []
        if not pre.recommended:
            self.summary.setText("还没有推荐任何项目：请先确定推荐项目及其顺序。")
        elif pre.blocking:
            self.summary.setText(f"推荐项目中还有 {len(pre.blocking)} 个错误，处理后才能导出：")
            lines += [f"✗ {v.project or ''}：{v.message}（{v.rule}）" for v in pre.blocking]
        else:
            self.summary.setText(f"可以导出：{len(pre.recommended)} 个推荐项目。{capacity}")
        if pre.late is not None:
            lines.append(f"⚠ {pre.late.message}（导出时将记录）")
        lines += [f"⚠ {w}" for w in pre.warnings]
        self.messages.setPlainText("\n".join(lines))
        self.checked.emit(pre)

    # --- exporting ---------------------------------------------------------------------------
    def start_export(self) -> None:
        request = self.request()
        ws, now = self.ws, self.clock()
        self.export_result = None
        self.progress.setValue(0)
        self.progress_text.setText("正在准备…")

        def work(progress: Any) -> ExportResult:
            return run_export(ws, request, now=now, progress=progress)

        self.task = self.runner.run(work, title="正在导出报送材料…", writes=True)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._exported)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.finished.connect(self._enable)
        self._enable()

    def cancel(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.progress_text.setText("正在取消…")

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if text:
            self.progress_text.setText(text)

    def _exported(self, result: ExportResult) -> None:
        self.export_result = result
        self.progress.setValue(self.progress.maximum())
        self.progress_text.setText(f"导出完成。快照编号：{result.snapshot.id}")
        lines = [f"快照编号：{result.snapshot.id}（{len(result.snapshot.applications)} 个推荐项目）"]
        if result.late:
            lines.append(f"⚠ {result.late}（已记录）")
        lines += [f"⚠ {w}" for w in result.warnings]
        if result.capacity:
            lines.append(result.capacity)
        lines += [f"已生成：{p}" for p in result.files]
        lines += [f"已校验：{r.source.name}（{len(r.manifest.files)} 个文件完好）" for r in result.verified]
        self.messages.setPlainText("\n".join(lines))
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        message, details, technical = describe(exc)
        self.progress_text.setText("未完成")
        self.summary.setText(message)
        self.messages.setPlainText("\n".join([*(f"✗ {d}" for d in details), technical]).strip())
        self.export_failed.emit(exc)

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self.progress_text.setText("已取消，未完成的文件已删除。")
        self.export_cancelled.emit()

    # --- files -------------------------------------------------------------------------------
    def pick_out_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择输出文件夹", self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    def pick_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择汇总表模板", "", "Excel 表格 (*.xlsx)")
        if name:
            self.template.setText(name)

    def open_folder(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.out_dir)))

    def reject(self) -> None:
        if self.busy:
            return  # closing waits for the export to finish or be cancelled
        super().reject()


def _with_button(edit: QLineEdit, text: str, slot: Callable[[], None]) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    button = QPushButton(text)
    button.clicked.connect(slot)
    row.addWidget(button)
    return box

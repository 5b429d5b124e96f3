"""The export screen: choose what to hand in, see what blocks or warns, export with progress and cancel.

The lead wires it into the main window's menu, e.g.
    ExportDialog(session.ws, session.runner, clock=session.clock, parent=window).open()
All work runs through gui/tasks.py (checks on the read pool, the export on the single writer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QInputDialog, QPushButton, QWidget

from gdiiot_desktop.gui.errors import describe, show_error
from gdiiot_desktop.gui.forms.ui_export_dialog import Ui_ExportDialog
from gdiiot_desktop.gui.letter_dialog import LetterDialog
from gdiiot_desktop.gui.tasks import Task, TaskRunner
from gdiiot_desktop.services.exports import (
    ExportError,
    ExportKind,
    ExportRequest,
    ExportResult,
    Medium,
    Preflight,
    estimate_capacity,
    preflight,
    run_export,
)
from gdiiot_desktop.services.exports.explanations import Unexplained, missing_at_export
from gdiiot_desktop.services.exports.letter_files import draft_text
from gdiiot_desktop.services.exports.summary_template import inspect_template
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
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.runner = runner
        self.clock = clock
        self.task: Task | None = None
        self.preflight_result: Preflight | None = None
        self.export_result: ExportResult | None = None
        self.letter_text: str | None = None  # the wording as edited; None: the proposed one
        self.letter_draft = ""
        self.ask_letter = self._ask_letter  # replaced in tests
        self.ask_explanation = self._ask_explanation  # replaced in tests
        ui = self.ui
        self.letterButton = QPushButton("推荐函文字…", ui.templateBox)
        self.letterButton.setObjectName("letterButton")
        self.letterButton.setToolTip("查看、修改随汇总表报送的推荐函文字（导出 .docx 和 PDF）")
        ui.templateLayout.addWidget(self.letterButton)
        self.letterButton.clicked.connect(self.edit_letter)
        # One check box per export kind, designed in the form as kind_<value>.
        self.kind_boxes: dict[ExportKind, QCheckBox] = {
            kind: getattr(ui, f"kind_{kind.value}") for kind in ExportKind
        }
        for box in self.kind_boxes.values():
            box.toggled.connect(self._enable)
        ui.mediumCombo.addItem("自动（一张能装下的最小光盘）", AUTO_MEDIUM)
        for medium in Medium:
            ui.mediumCombo.addItem(medium.label, medium.value)
        ui.outDirEdit.setText(str(out_dir or Path.home() / f"{ws.city}推荐材料"))
        ui.outDirEdit.textChanged.connect(self._enable)
        ui.pickOutDirButton.clicked.connect(self.pick_out_dir)
        ui.pickTemplateButton.clicked.connect(self.pick_template)
        ui.templateEdit.editingFinished.connect(self.describe_template)
        self.check_lines: list[str] = []
        self.template_lines: list[str] = []
        ui.checkButton.clicked.connect(self.start_check)
        ui.exportButton.clicked.connect(self.start_export)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.openButton.clicked.connect(self.open_folder)
        ui.closeButton.clicked.connect(self.reject)
        self._enable()

    # --- state -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def selected_kinds(self) -> frozenset[ExportKind]:
        return frozenset(k for k, box in self.kind_boxes.items() if box.isChecked())

    def request(self) -> ExportRequest:
        value = self.ui.mediumCombo.currentData()
        template = self.ui.templateEdit.text().strip()
        return ExportRequest(
            kinds=self.selected_kinds(),
            out_dir=Path(self.ui.outDirEdit.text().strip()),
            medium=None if value == AUTO_MEDIUM else Medium(value),
            template=Path(template) if template else None,
            letter_text=self.letter_text,
        )

    def _enable(self, *_args: Any) -> None:
        busy = self.busy
        blocked = self.preflight_result is None or self.preflight_result.blocked
        ready = bool(self.selected_kinds()) and bool(self.ui.outDirEdit.text().strip())
        self.ui.exportButton.setEnabled(not busy and not blocked and ready)
        self.ui.checkButton.setEnabled(not busy)
        self.letterButton.setEnabled(not busy and bool(self.letter_draft))
        self.ui.cancelButton.setEnabled(busy)
        self.ui.closeButton.setEnabled(not busy)
        self.ui.openButton.setEnabled(not busy and self.export_result is not None)
        disc = bool(self.selected_kinds() & {ExportKind.DISC, ExportKind.ISO})
        self.ui.mediumCombo.setEnabled(not busy and disc)
        for box in self.kind_boxes.values():
            box.setEnabled(not busy)

    # --- checking ----------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.preflight_result is None and not self.busy:
            self.start_check()

    def start_check(self) -> None:
        ws, now = self.ws, self.clock()

        def work(_progress: Any) -> tuple[Preflight, str, str]:
            pre = preflight(ws, now)
            draft = draft_text(ws, pre.recommended, now.date()) if pre.recommended else ""
            return pre, estimate_capacity(pre), draft

        self.ui.summaryLabel.setText("正在检查推荐项目…")
        self.task = self.runner.run(work, title="正在检查推荐项目…", cancellable=False)
        self.task.succeeded.connect(self._checked)
        self.task.failed.connect(self._failed)
        self.task.finished.connect(self._enable)
        self._enable()

    def _checked(self, result: tuple[Preflight, str, str]) -> None:
        pre, capacity, self.letter_draft = result
        self.preflight_result = pre
        lines: list[str] = []
        if not pre.recommended:
            self.ui.summaryLabel.setText("还没有推荐任何项目：请先确定推荐项目及其顺序。")
        elif pre.blocking:
            self.ui.summaryLabel.setText(f"推荐项目中还有 {len(pre.blocking)} 个错误，处理后才能导出：")
            lines += [f"✗ {v.project or ''}：{v.message}（{self.ws.campaign.rule_title(v.rule)}）" for v in pre.blocking]
        else:
            self.ui.summaryLabel.setText(f"可以导出：{len(pre.recommended)} 个推荐项目。{capacity}")
        if pre.late is not None:
            lines.append(f"⚠ {pre.late.message}（导出时将记录）")
        for item in missing_at_export(self.ws.campaign, pre.recommended):
            state = f"已记录说明：{item.explanation}" if item.explanation else "导出时须说明原因"
            lines.append(f"⚠ {item.text}（{state}）")
        lines += [f"⚠ {w}" for w in pre.warnings]
        self.check_lines = lines
        self._show_messages()
        self.checked.emit(pre)

    def describe_template(self) -> None:
        """Before exporting: which template columns will be filled and which stay empty."""
        text = self.ui.templateEdit.text().strip()
        self.template_lines = []
        if text:
            try:
                check = inspect_template(Path(text))
            except ExportError as exc:
                self.template_lines = [f"✗ {exc}"]
            else:
                self.template_lines.append(f"汇总表模板“{check.sheet_name}”：可填写 {len(check.recognised)} 列，预留 {check.slots} 行。")
                if check.unrecognised:
                    self.template_lines.append(f"⚠ 模板中以下列程序无法填写，将留空，请导出后人工补填：{'、'.join(check.unrecognised)}")
                if check.unmatched:
                    self.template_lines.append(f"⚠ 模板中没有以下列，不会填写：{'、'.join(check.unmatched)}")
        self._show_messages()

    def _show_messages(self) -> None:
        self.ui.messagesText.setPlainText("\n".join(self.check_lines + self.template_lines))

    # --- exporting ---------------------------------------------------------------------------
    def start_export(self) -> None:
        request = self.request()
        if self.preflight_result is not None:
            explanations = []
            for item in missing_at_export(self.ws.campaign, self.preflight_result.recommended):
                if item.explanation:
                    continue
                reason = self.ask_explanation(item)
                if not reason or not reason.strip():
                    self.ui.progressLabel.setText("未导出：缺少材料的原因未填写。")
                    return
                explanations.append((item.app.id or 0, reason.strip()))
            request = replace(request, explanations=tuple(explanations))
        ws, now = self.ws, self.clock()
        self.export_result = None
        self.ui.progressBar.setValue(0)
        self.ui.progressLabel.setText("正在准备…")

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
            self.ui.progressLabel.setText("正在取消…")

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.ui.progressBar.setMaximum(max(total, 1))
        self.ui.progressBar.setValue(min(done, max(total, 1)))
        if text:
            self.ui.progressLabel.setText(text)

    def _exported(self, result: ExportResult) -> None:
        self.export_result = result
        self.ui.progressBar.setValue(self.ui.progressBar.maximum())
        self.ui.progressLabel.setText(f"导出完成。快照编号：{result.snapshot.id}")
        lines = [f"快照编号：{result.snapshot.id}（{len(result.snapshot.applications)} 个推荐项目）"]
        if result.late:
            lines.append(f"⚠ {result.late}（已记录）")
        lines += [f"⚠ {w}" for w in result.warnings]
        if result.capacity:
            lines.append(result.capacity)
        lines += [f"已生成：{p}" for p in result.files]
        lines += [f"已校验：{r.source.name}（{len(r.manifest.files)} 个文件完好）" for r in result.verified]
        self.ui.messagesText.setPlainText("\n".join(lines))
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        message, details, technical = describe(exc)
        self.ui.progressLabel.setText("未完成")
        self.ui.summaryLabel.setText(message)
        self.ui.messagesText.setPlainText("\n".join(f"✗ {d}" for d in details))
        if technical:  # a bug, not bad input: the traceback only behind 详细信息 (and in the log)
            show_error(self, exc, "导出未完成")
        self.export_failed.emit(exc)

    def _cancelled(self) -> None:
        self.ui.progressBar.setValue(0)
        self.ui.progressLabel.setText("已取消，未完成的文件已删除。")
        self.export_cancelled.emit()

    def _ask_explanation(self, item: Unexplained) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            "缺少通知要求的材料",
            f"{item.text}。\n请说明原因（将印在纸质材料目录中该材料的位置，并记入汇总表备注）：",
        )
        return text if ok else None

    # --- the letter ------------------------------------------------------------------------------
    def edit_letter(self) -> None:
        text = self.ask_letter(self.letter_text or self.letter_draft, self.letter_draft)
        if text is not None:
            self.letter_text = None if text == self.letter_draft else text

    def _ask_letter(self, text: str, draft: str) -> str | None:
        dialog = LetterDialog(text, draft, self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # --- files -------------------------------------------------------------------------------
    def pick_out_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择输出文件夹", self.ui.outDirEdit.text())
        if folder:
            self.ui.outDirEdit.setText(folder)

    def pick_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择汇总表模板", "", "Excel 表格 (*.xlsx)")
        if name:
            self.ui.templateEdit.setText(name)
            self.describe_template()

    def open_folder(self) -> bool:
        """Show the output folder; a message says where it is when no file manager answers."""
        from gdiiot_desktop.gui.desktop import open_folder

        if self.export_result is None:
            return False
        return open_folder(self, self.export_result.out_dir, QDesktopServices.openUrl)

    def reject(self) -> None:
        if self.busy:
            return  # closing waits for the export to finish or be cancelled
        super().reject()

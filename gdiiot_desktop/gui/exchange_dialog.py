"""The bundle dialog: export a county bundle, preview and import one with per-field decisions, and returns (退回)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from gdiiot_desktop.domain.model import Application
from gdiiot_desktop.gui.columns import ColumnFitter
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_exchange_dialog import Ui_ExchangeDialog
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exchange import keys
from gdiiot_desktop.services.exchange.present import (
    STATE_LABELS,
    file_label,
    needs_yes_text,
    show_value,
    trust_line,
)
from gdiiot_desktop.services.exchange.trust import Trust
from gdiiot_desktop.services.fund.workspace import FundWorkspace
from gdiiot_desktop.services.workspace import Workspace

# One row of the applications list: id, project, applicant (enterprise), county, status label.
Row = tuple[int | None, str, str, str, str]

FILTER = "GDIIoT 数据包 (*.gdiiot)"
CONFLICT_COLUMNS = ("项目", "字段", "市局的值", "县区的值", "采用县区的值")
RETURN_COLUMNS = ("编号", "项目名称", "申报单位", "县区", "状态")
UID_ROLE = Qt.ItemDataRole.UserRole + 1
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2


def _item(text: object, editable: bool = False) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(editable)
    return item


def _path(edit: QLineEdit) -> Path | None:
    text = edit.text().strip()
    return Path(text) if text else None


class ExchangeDialog(QDialog):
    """Bundles between a county and the city, for a pilot or a special-fund database (the same bundles and
    keys; the services pick the kind). Slow work runs on the window's TaskRunner (writes on its single
    writer); `data_changed` tells the main window to reload after an import or a return."""

    data_changed = Signal()

    def __init__(self, ws: Workspace | FundWorkspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExchangeDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.runner = runner
        self.preview: exchange.Preview[Any] | None = None
        self.last_message = ""
        ui = self.ui
        self.changes_model = QStandardItemModel(0, 3, self)
        self.changes_model.setHorizontalHeaderLabels(["项目 / 字段", "原值", "新值"])
        ui.bundleChangesView.setModel(self.changes_model)
        ui.bundleChangesView.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts_model = QStandardItemModel(0, len(CONFLICT_COLUMNS), self)
        self.conflicts_model.setHorizontalHeaderLabels(list(CONFLICT_COLUMNS))
        ui.bundleConflictsView.setModel(self.conflicts_model)
        self.apps_model = QStandardItemModel(0, len(RETURN_COLUMNS), self)
        self.apps_model.setHorizontalHeaderLabels(list(RETURN_COLUMNS))
        ui.returnAppsView.setModel(self.apps_model)
        # Names get the width; number, county and status only what they need.
        self.return_columns = ColumnFitter(ui.returnAppsView, {1: 220, 2: 180}, {0: 56, 3: 80, 4: 90})

        ui.browseExportPathButton.clicked.connect(lambda: self._browse(ui.exportPathEdit, save=True))
        ui.browseImportPathButton.clicked.connect(lambda: self._browse(ui.importPathEdit, save=False))
        ui.browseReturnPathButton.clicked.connect(lambda: self._browse(ui.returnPathEdit, save=True))
        ui.exportBundleButton.clicked.connect(self.export_bundle)
        ui.previewBundleButton.clicked.connect(self.preview_bundle)
        ui.importBundleButton.clicked.connect(self.import_bundle)
        ui.keepCityValuesButton.clicked.connect(lambda: self.choose_all(county=False))
        ui.takeCountyValuesButton.clicked.connect(lambda: self.choose_all(county=True))
        ui.markReturnButton.clicked.connect(self.mark_return)
        ui.exportReturnButton.clicked.connect(self.export_returns)
        ui.replaceKeyButton.clicked.connect(self.replace_key)
        ui.exchangeButtons.rejected.connect(self.reject)
        self.bundle_trust: Trust | None = None  # the signer's verdict on the bundle last previewed
        self.pins: list[keys.PinInfo] = []  # the pins in force, as last read
        self.refresh_lists()
        if ws.read_only:
            for button in (
                ui.importBundleButton,
                ui.markReturnButton,
                ui.exportBundleButton,
                ui.exportReturnButton,
                ui.replaceKeyButton,
            ):
                button.setEnabled(False)

    def _browse(self, edit: QLineEdit, *, save: bool) -> None:
        """Choose where to write a bundle (`save`), else a bundle to open."""
        if save:
            name, _ = QFileDialog.getSaveFileName(self, "保存数据包", edit.text(), FILTER)
        else:
            name, _ = QFileDialog.getOpenFileName(self, "选择数据包", edit.text(), FILTER)
        if name:
            edit.setText(name)

    # --- lists --------------------------------------------------------------------------------------

    def refresh_lists(self, then: Callable[[], None] | None = None) -> None:
        """The applications and the returns, read on the session's runner; then shown (and `then` called)."""
        ws = self.ws

        def load(_progress: Progress) -> tuple[list[Row], list[exchange.ReturnInfo]]:
            return _rows(ws), exchange.list_returns(ws, open_only=False)

        def done(loaded: tuple[list[Row], list[exchange.ReturnInfo]]) -> None:
            if isValid(self):  # closed before the read came back
                self._show_lists(*loaded)
                if then is not None:
                    then()

        self._run(load, "正在读取申报项目…", done, writes=False)

    def _show_lists(self, apps: list[Row], returns: list[exchange.ReturnInfo]) -> None:
        counties = sorted({county for _, _, _, county, _ in apps})
        for combo in (self.ui.exportCountyCombo, self.ui.returnCountyCombo):
            current = combo.currentText()
            combo.clear()
            combo.addItems(counties)
            if current in counties:
                combo.setCurrentText(current)
        self.apps_model.setRowCount(0)
        for app_id, project, applicant, county, status in apps:
            items = [_item(app_id), _item(project), _item(applicant), _item(county), _item(status)]
            items[0].setData(app_id, UID_ROLE)
            self.apps_model.appendRow(items)
        lines = []
        for r in returns:
            state = "已处理" if r.resolved else ("已发出" if r.sent else "待发出")
            lines.append(f"[{r.application_id}] {r.project_name}（{r.county}）{state}：{r.reason}")
        self.ui.returnsText.setPlainText("\n".join(lines) or "没有退回的项目")
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """This office's fingerprint, the keys pinned here, and the refused bundles, read off the GUI thread."""

        def load(_progress: Progress) -> tuple[str | None, list[keys.PinInfo], list[exchange.Refusal]]:
            return (
                keys.existing_fingerprint(self.ws),
                keys.list_pins(self.ws, include_retired=True),
                exchange.list_refusals(self.ws),
            )

        self._run(load, "正在读取密钥…", self._show_keys, writes=False)

    def _show_keys(self, loaded: tuple[str | None, list[keys.PinInfo], list[exchange.Refusal]]) -> None:
        own, pins, refusals = loaded
        text = keys.shown(own) if own else "（第一次导出数据包时生成）"
        self.ui.exportFingerprintLabel.setText(text)
        self.ui.ownFingerprintLabel.setText(
            f"本单位签名密钥指纹：{text}\n对方第一次导入本单位的数据包时，会请您电话核对这串数字。"
        )
        self.pins = [p for p in pins if p.retired_at is None]
        self.ui.pinsText.setPlainText(
            "\n".join(
                f"{keys.peer_label(p.peer_kind, p.peer)}：{keys.shown(p.fingerprint)}（"
                + ("已更换" if p.retired_at else "有效" if p.seen else "等待第一个数据包")
                + f"；{p.reason}）"
                for p in pins
            )
            or "还没有确认过任何县区或市局的密钥"
        )
        self.ui.refusalsText.setPlainText("\n".join(r.line() for r in refusals) or "没有被拒绝的数据包")

    # --- actions ------------------------------------------------------------------------------------

    def _run(self, work: Any, title: str, done: Any, *, writes: bool) -> None:
        self.runner.run(work, title=title, writes=writes, on_success=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.last_message = str(exc)
        if isinstance(exc, exchange.BundleError):
            self.refresh_keys()  # the refusal was recorded
        show_error(self, exc)

    # --- the person's yes: overridden in tests -------------------------------------------------------

    def confirm_trust(self, trust: Trust) -> bool:
        """The first bundle from an office: the fingerprint is checked by phone before it is trusted."""
        box, yes = self.trust_box(trust)
        box.exec()
        return box.clickedButton() is yes

    def trust_box(self, trust: Trust) -> tuple[QMessageBox, QPushButton]:
        fp = keys.shown(trust.fingerprint or "")
        text = (
            f"这是第一次导入{trust.label}的数据包。导入前请核对对方的签名密钥指纹：\n\n    {fp}\n\n"
            f"请打电话给{trust.label}（用您已知的电话号码，不要用数据包里的），请对方在程序的“数据包”窗口"
            "“密钥与拒收记录”页（或用 gdiiot keys fingerprint）逐组念出本单位指纹。\n\n"
            "六组数字完全一致时才点“指纹一致，导入”。一致后本单位会记住这把密钥，今后只接受它签名的数据包。"
        )
        box = QMessageBox(QMessageBox.Icon.Question, "核对签名密钥指纹", text, QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        yes = box.addButton("指纹一致，导入", QMessageBox.ButtonRole.AcceptRole)
        return box, yes

    def confirm_removals(self, lines: list[str]) -> bool:
        """Withdrawals and changes to applications in the city's order are applied only after a yes."""
        order = "入库排序" if isinstance(self.ws, FundWorkspace) else "推荐顺序"
        text = (
            f"该数据包会撤回市局已有的项目，或改动市局{order}中的项目：\n\n"
            + "\n".join(lines[:30])
            + f"\n\n市局的{order}不会被改动，受影响的项目会被标出。确认导入吗？"
        )
        box = QMessageBox(QMessageBox.Icon.Warning, "确认撤回和改动", text, QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        yes = box.addButton("确认导入", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is yes

    def export_bundle(self) -> None:
        out = _path(self.ui.exportPathEdit)
        if out is None:
            self._failed(exchange.ExchangeUsageError("请选择数据包的保存位置"))
            return
        county = self.ui.exportCountyCombo.currentText() or None

        ws = self.ws

        def work(progress: Progress) -> exchange.ExportReport:
            if isinstance(ws, FundWorkspace):
                return exchange.export_fund_county_bundle(ws, out, county=county, progress=progress)
            return exchange.export_county_bundle(ws, out, county=county, progress=progress)

        def done(report: exchange.ExportReport) -> None:
            self.last_message = report.summary()
            self.ui.exportResultLabel.setText(self.last_message)
            self.refresh_keys()

        self._run(work, "正在导出数据包…", done, writes=True)

    def preview_bundle(self) -> None:
        path = _path(self.ui.importPathEdit)
        if path is None:
            self._failed(exchange.ExchangeUsageError("请选择要导入的数据包"))
            return
        ws = self.ws

        def work(_progress: Progress) -> exchange.Preview[Any] | exchange.Bundle:
            bundle = exchange.open_bundle(ws, path, for_import=False)
            if bundle.kind == exchange.KIND_RETURN:
                return bundle
            if isinstance(ws, FundWorkspace):
                return exchange.preview_fund_bundle(ws, bundle)
            return exchange.preview_county_bundle(ws, bundle)

        self._run(work, "正在读取数据包…", self._show_preview, writes=False)

    def _show_preview(self, result: exchange.Preview[Any] | exchange.Bundle) -> None:
        self.changes_model.setRowCount(0)
        self.conflicts_model.setRowCount(0)
        self.ui.crossCountyText.clear()
        bundle = result if isinstance(result, exchange.Bundle) else result.bundle
        self.bundle_trust = bundle.trust
        importable = bundle.trust is not None and bundle.trust.state != "unsigned"
        if isinstance(result, exchange.Bundle):  # a return bundle: what comes back, with the reasons
            self.preview = None
            lines = [f"{r.project_name}（{r.applicant_name}）：{r.reason}" for r in result.returns]
            self.ui.bundleSummaryLabel.setText(
                f"退回包：市局退回了 {len(result.returns)} 个项目。\n{trust_line(result)}"
            )
            for line in lines:
                self.changes_model.appendRow([_item(line), _item(""), _item("")])
            self.ui.importBundleButton.setEnabled(not self.ws.read_only and importable)
            return
        self.preview = result
        plan = result.plan
        if result.already_imported:
            self.ui.bundleSummaryLabel.setText("该数据包已导入过，再次导入不会有任何改动。")
            self.ui.importBundleButton.setEnabled(False)
            return
        asked = f"\n⚠ 其中 {len(plan.needs_yes)} 项会撤回项目或改动{plan.order}中的项目，导入时需确认。" if plan.needs_yes else ""
        self.ui.bundleSummaryLabel.setText(
            f"{result.bundle.county}：新增 {len(plan.of('added'))} 项，有修改 {len(plan.of('changed'))} 项，"
            f"县区已删除 {len(plan.of('removed'))} 项，未变 {len(plan.of('unchanged'))} 项，"
            f"冲突 {len(plan.conflicts)} 处。" + "".join(result.notes) + f"\n{trust_line(result.bundle)}" + asked
        )
        campaign = self.ws.campaign
        for diff in plan.apps:
            if diff.state == "unchanged":
                continue
            parent = _item(f"【{STATE_LABELS[diff.state]}】{diff.project_name}（{diff.applicant_name}）")
            if diff.needs_yes:
                parent.appendRow([_item(needs_yes_text(diff, plan.order)), _item(""), _item("")])
            for change in diff.changes:
                if change.field == "attachments":
                    continue
                parent.appendRow([
                    _item(change.label),
                    _item(show_value(change.field, change.old, campaign)),
                    _item(show_value(change.field, change.new, campaign)),
                ])  # fmt: skip
            for a in diff.files_added if diff.state != "added" else []:
                parent.appendRow([_item("新增附件"), _item(""), _item(file_label(a))])
            for a in diff.files_removed:
                parent.appendRow([_item("删除附件"), _item(file_label(a)), _item("")])
            self.changes_model.appendRow([parent, _item(""), _item("")])
        self.ui.bundleChangesView.expandAll()
        for c in plan.conflicts:
            choice = _item("采用县区的值")
            choice.setCheckable(True)
            choice.setCheckState(Qt.CheckState.Unchecked)
            choice.setData(c.uid, UID_ROLE)
            choice.setData(c.field, FIELD_ROLE)
            self.conflicts_model.appendRow([
                _item(c.project_name), _item(c.label), _item(show_value(c.field, c.city, campaign)),
                _item(show_value(c.field, c.county, campaign)), choice,
            ])  # fmt: skip
        self.ui.crossCountyText.setPlainText("\n".join(result.cross.lines()) or "未发现跨县区问题。")
        self.ui.importBundleButton.setEnabled(not self.ws.read_only and importable)

    def choose_all(self, *, county: bool) -> None:
        state = Qt.CheckState.Checked if county else Qt.CheckState.Unchecked
        for row in range(self.conflicts_model.rowCount()):
            item = self.conflicts_model.item(row, len(CONFLICT_COLUMNS) - 1)
            item.setCheckState(state)

    def decisions(self) -> exchange.Choices:
        """The city's choice for every conflict shown: checked = the county's value, else the city's."""
        out: exchange.Choices = {}
        for row in range(self.conflicts_model.rowCount()):
            item = self.conflicts_model.item(row, len(CONFLICT_COLUMNS) - 1)
            side: exchange.Side = "county" if item.checkState() == Qt.CheckState.Checked else "city"
            out[(str(item.data(UID_ROLE)), str(item.data(FIELD_ROLE)))] = side
        return out

    def import_bundle(self) -> None:
        path = _path(self.ui.importPathEdit)
        if path is None:
            return
        decisions = self.decisions()
        trust: str | None = None
        shown_trust = self.bundle_trust
        if shown_trust is not None and shown_trust.state == "unconfirmed":
            if not self.confirm_trust(shown_trust):
                return
            trust = shown_trust.fingerprint
        accept = False
        if self.preview is not None and self.preview.plan.needs_yes:
            plan = self.preview.plan
            lines = [f"{d.project_name}：{needs_yes_text(d, plan.order)}" for d in plan.needs_yes]
            if not self.confirm_removals(lines):
                return
            accept = True

        def work(progress: Progress) -> exchange.CountyImportReport[Any] | exchange.ReturnImportReport:
            return exchange.import_bundle(
                self.ws, path, trust=trust, decisions=decisions, accept_removals=accept, progress=progress
            )

        def done(report: exchange.CountyImportReport[Any] | exchange.ReturnImportReport) -> None:
            text = report.summary()
            if isinstance(report, exchange.CountyImportReport):
                text = "\n".join([text, *report.notes, *report.cross.lines()])
            self.last_message = text
            self.ui.bundleSummaryLabel.setText(text)
            self.ui.importBundleButton.setEnabled(False)
            self.refresh_lists(then=self.data_changed.emit)

        self._run(work, "正在导入数据包…", done, writes=True)

    def replace_key(self) -> None:
        """An audited key change for a county (or the city) whose PC was replaced: fingerprint and reason."""
        pins = self.pins
        if not pins:
            self._failed(exchange.ExchangeUsageError("还没有确认过任何密钥：首次导入时核对指纹即可，不需要更换。"))
            return
        labels = [keys.peer_label(p.peer_kind, p.peer) for p in pins]
        label, ok = QInputDialog.getItem(self, "更换密钥", "更换哪个单位的密钥：", labels, 0, False)
        if not ok:
            return
        chosen = pins[labels.index(label)]
        fingerprint, ok = QInputDialog.getText(
            self, "更换密钥", f"{label}的新指纹（电话核对过的 30 位数字，对方用 gdiiot keys fingerprint 查看）："
        )
        if not ok or not fingerprint.strip():
            return
        reason, ok = QInputDialog.getText(self, "更换密钥", "更换理由（记入操作日志）：", text="县区电脑重装，已电话核对新指纹")
        if not ok:
            return

        def work(_progress: Progress) -> keys.PinInfo:
            return keys.replace_pin(self.ws, chosen.peer_kind, chosen.peer, fingerprint, reason)

        def done(info: keys.PinInfo) -> None:
            self.last_message = f"已更换{label}的密钥：新指纹 {keys.shown(info.fingerprint)}"
            self.refresh_keys()

        self._run(work, "正在更换密钥…", done, writes=True)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.ui.returnAppsView.selectionModel().selectedRows()})
        return [int(self.apps_model.item(r, 0).data(UID_ROLE)) for r in rows]

    def mark_return(self) -> None:
        ids = self.selected_ids()
        reason = self.ui.returnReasonEdit.text().strip()
        if not ids:
            self._failed(exchange.ExchangeUsageError("请先选择要退回的项目"))
            return

        def work(_progress: Progress) -> int:
            for app_id in ids:
                exchange.mark_return(self.ws, app_id, reason)
            return len(ids)

        def done(count: int) -> None:
            self.last_message = f"已退回 {count} 个项目"
            self.ui.returnReasonEdit.clear()
            self.refresh_lists(then=self.data_changed.emit)

        self._run(work, "正在退回…", done, writes=True)

    def export_returns(self) -> None:
        out = _path(self.ui.returnPathEdit)
        county = self.ui.returnCountyCombo.currentText()
        if out is None or not county:
            self._failed(exchange.ExchangeUsageError("请选择县区和退回包的保存位置"))
            return
        def work(_progress: Progress) -> exchange.ReturnExportReport:
            return exchange.export_return_bundle(self.ws, county, out)

        def done(report: exchange.ReturnExportReport) -> None:
            self.last_message = report.summary()
            self.refresh_lists()

        self._run(work, "正在导出退回包…", done, writes=True)


def _rows(ws: Workspace | FundWorkspace) -> list[Row]:
    """The applications the dialog lists (to return, and their counties to export), of either kind."""
    if isinstance(ws, FundWorkspace):
        return [(a.id, a.project_name, a.enterprise, a.county, a.status.label) for a in ws.repo.all()]
    apps: list[Application] = ApplicationService(ws).list()
    return [(a.id, a.project_name, a.applicant.name, a.county, a.status.label) for a in apps]


__all__ = ["ExchangeDialog"]

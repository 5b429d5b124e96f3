"""The bundle dialog: export a county bundle, preview and import one with per-field decisions, and returns (退回)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exchange.present import STATE_LABELS, show_value
from gdiiot_desktop.services.workspace import Workspace

FILTER = "GDIIoT 数据包 (*.gdiiot)"
CONFLICT_COLUMNS = ("项目", "字段", "市局的值", "县区的值", "采用县区的值")
RETURN_COLUMNS = ("编号", "项目名称", "申报单位", "县区", "状态")
UID_ROLE = Qt.ItemDataRole.UserRole + 1
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2


def _item(text: object, editable: bool = False) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(editable)
    return item


class _PathRow(QWidget):
    """A path field with a 浏览… button; `save` chooses where to write, else a file to open."""

    def __init__(self, object_name: str, save: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.edit = QLineEdit(self)
        self.edit.setObjectName(object_name)
        button = QPushButton("浏览…", self)
        button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(button)

    def _browse(self) -> None:
        if self.save:
            name, _ = QFileDialog.getSaveFileName(self, "保存数据包", self.edit.text(), FILTER)
        else:
            name, _ = QFileDialog.getOpenFileName(self, "选择数据包", self.edit.text(), FILTER)
        if name:
            self.edit.setText(name)

    @property
    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class ExchangeDialog(QDialog):
    """Bundles between a county and the city. Slow work runs on the window's TaskRunner (writes on its
    single writer); `data_changed` tells the main window to reload after an import or a return."""

    data_changed = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeDialog")
        self.setWindowTitle("数据包：县区报送、市局导入与退回")
        self.resize(980, 680)
        self.ws = ws
        self.runner = runner
        self.preview: exchange.Preview | None = None
        self.last_message = ""
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._export_tab(), "导出数据包（县区）")
        self.tabs.addTab(self._import_tab(), "导入数据包")
        self.tabs.addTab(self._return_tab(), "退回（市局）")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.refresh_lists()
        if ws.read_only:
            for button in (self.import_button, self.mark_button, self.export_button, self.return_button):
                button.setEnabled(False)

    # --- tabs ---------------------------------------------------------------------------------------

    def _export_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.county_combo = QComboBox(page)
        self.county_combo.setObjectName("exportCountyCombo")
        self.export_path = _PathRow("exportPathEdit", save=True, parent=page)
        self.export_passphrase = QLineEdit(page)
        self.export_passphrase.setObjectName("exportPassphraseEdit")
        self.export_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.export_passphrase.setPlaceholderText("可不填；填写后市局导入时须输入同一口令")
        self.export_button = QPushButton("导出", page)
        self.export_button.setObjectName("exportBundleButton")
        self.export_button.clicked.connect(self.export_bundle)
        self.export_result = QLabel(page)
        self.export_result.setObjectName("exportResultLabel")
        self.export_result.setWordWrap(True)
        form.addRow("县区：", self.county_combo)
        form.addRow("保存到：", self.export_path)
        form.addRow("口令：", self.export_passphrase)
        form.addRow("", self.export_button)
        form.addRow("", self.export_result)
        return page

    def _import_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.import_path = _PathRow("importPathEdit", save=False, parent=page)
        self.import_passphrase = QLineEdit(page)
        self.import_passphrase.setObjectName("importPassphraseEdit")
        self.import_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("数据包：", self.import_path)
        form.addRow("口令：", self.import_passphrase)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.preview_button = QPushButton("读取并比对", page)
        self.preview_button.setObjectName("previewBundleButton")
        self.preview_button.clicked.connect(self.preview_bundle)
        self.import_button = QPushButton("导入", page)
        self.import_button.setObjectName("importBundleButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_bundle)
        keep_city = QPushButton("冲突全部保留市局的值", page)
        keep_city.clicked.connect(lambda: self.choose_all(county=False))
        take_county = QPushButton("冲突全部采用县区的值", page)
        take_county.clicked.connect(lambda: self.choose_all(county=True))
        for w in (self.preview_button, keep_city, take_county):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.summary_label = QLabel(page)
        self.summary_label.setObjectName("bundleSummaryLabel")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.changes_model = QStandardItemModel(0, 3, self)
        self.changes_model.setHorizontalHeaderLabels(["项目 / 字段", "原值", "新值"])
        self.changes_view = QTreeView(page)
        self.changes_view.setObjectName("bundleChangesView")
        self.changes_view.setModel(self.changes_model)
        self.changes_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts_model = QStandardItemModel(0, len(CONFLICT_COLUMNS), self)
        self.conflicts_model.setHorizontalHeaderLabels(list(CONFLICT_COLUMNS))
        self.conflicts_view = QTableView(page)
        self.conflicts_view.setObjectName("bundleConflictsView")
        self.conflicts_view.setModel(self.conflicts_model)
        self.conflicts_view.horizontalHeader().setStretchLastSection(True)
        self.cross_text = QPlainTextEdit(page)
        self.cross_text.setObjectName("crossCountyText")
        self.cross_text.setReadOnly(True)
        self.cross_text.setMaximumHeight(120)
        layout.addWidget(QLabel("变化（相对该县区上次导入的数据包）：", page))
        layout.addWidget(self.changes_view, 2)
        layout.addWidget(QLabel("冲突（市局与县区都改了同一字段，请逐项决定）：", page))
        layout.addWidget(self.conflicts_view, 1)
        layout.addWidget(QLabel("跨县区检查：", page))
        layout.addWidget(self.cross_text)
        return page

    def _return_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.apps_model = QStandardItemModel(0, len(RETURN_COLUMNS), self)
        self.apps_model.setHorizontalHeaderLabels(list(RETURN_COLUMNS))
        self.apps_view = QTableView(page)
        self.apps_view.setObjectName("returnAppsView")
        self.apps_view.setModel(self.apps_model)
        self.apps_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.apps_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.apps_view, 2)
        row = QHBoxLayout()
        self.reason_edit = QLineEdit(page)
        self.reason_edit.setObjectName("returnReasonEdit")
        self.reason_edit.setPlaceholderText("退回理由（必填），如：缺少近三年审计报告")
        self.mark_button = QPushButton("标记退回", page)
        self.mark_button.setObjectName("markReturnButton")
        self.mark_button.clicked.connect(self.mark_return)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.mark_button)
        layout.addLayout(row)
        self.returns_text = QPlainTextEdit(page)
        self.returns_text.setObjectName("returnsText")
        self.returns_text.setReadOnly(True)
        self.returns_text.setMaximumHeight(140)
        layout.addWidget(QLabel("退回记录：", page))
        layout.addWidget(self.returns_text)
        form = QFormLayout()
        self.return_county = QComboBox(page)
        self.return_county.setObjectName("returnCountyCombo")
        self.return_path = _PathRow("returnPathEdit", save=True, parent=page)
        self.return_passphrase = QLineEdit(page)
        self.return_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.return_button = QPushButton("导出退回包", page)
        self.return_button.setObjectName("exportReturnButton")
        self.return_button.clicked.connect(self.export_returns)
        form.addRow("退回给：", self.return_county)
        form.addRow("保存到：", self.return_path)
        form.addRow("口令：", self.return_passphrase)
        form.addRow("", self.return_button)
        layout.addLayout(form)
        return page

    # --- lists --------------------------------------------------------------------------------------

    def refresh_lists(self) -> None:
        apps = ApplicationService(self.ws).list()
        counties = sorted({a.county for a in apps})
        for combo in (self.county_combo, self.return_county):
            current = combo.currentText()
            combo.clear()
            combo.addItems(counties)
            if current in counties:
                combo.setCurrentText(current)
        self.apps_model.setRowCount(0)
        for app in apps:
            items = [_item(app.id), _item(app.project_name), _item(app.applicant.name), _item(app.county),
                     _item(app.status.label)]  # fmt: skip
            items[0].setData(app.id, UID_ROLE)
            self.apps_model.appendRow(items)
        lines = []
        for r in exchange.list_returns(self.ws, open_only=False):
            state = "已处理" if r.resolved else ("已发出" if r.sent else "待发出")
            lines.append(f"[{r.application_id}] {r.project_name}（{r.county}）{state}：{r.reason}")
        self.returns_text.setPlainText("\n".join(lines) or "没有退回的项目")

    # --- actions ------------------------------------------------------------------------------------

    def _run(self, work: Any, title: str, done: Any, *, writes: bool) -> None:
        self.runner.run(work, title=title, writes=writes, on_success=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.last_message = str(exc)
        show_error(self, exc)

    @staticmethod
    def _secret(edit: QLineEdit) -> str | None:
        return edit.text() or None

    def export_bundle(self) -> None:
        out = self.export_path.path
        if out is None:
            self._failed(exchange.ExchangeUsageError("请选择数据包的保存位置"))
            return
        county = self.county_combo.currentText() or None
        secret = self._secret(self.export_passphrase)

        def work(progress: Progress) -> exchange.ExportReport:
            return exchange.export_county_bundle(self.ws, out, county=county, passphrase=secret, progress=progress)

        def done(report: exchange.ExportReport) -> None:
            self.last_message = report.summary()
            self.export_result.setText(self.last_message)

        self._run(work, "正在导出数据包…", done, writes=True)

    def preview_bundle(self) -> None:
        path = self.import_path.path
        if path is None:
            self._failed(exchange.ExchangeUsageError("请选择要导入的数据包"))
            return
        secret = self._secret(self.import_passphrase)

        def work(_progress: Progress) -> exchange.Preview | exchange.Bundle:
            bundle = exchange.open_bundle(self.ws, path, secret)
            if bundle.kind == exchange.KIND_RETURN:
                return bundle
            return exchange.preview_county_bundle(self.ws, bundle)

        self._run(work, "正在读取数据包…", self._show_preview, writes=False)

    def _show_preview(self, result: exchange.Preview | exchange.Bundle) -> None:
        self.changes_model.setRowCount(0)
        self.conflicts_model.setRowCount(0)
        self.cross_text.clear()
        if isinstance(result, exchange.Bundle):  # a return bundle: what comes back, with the reasons
            self.preview = None
            lines = [f"{r.project_name}（{r.applicant_name}）：{r.reason}" for r in result.returns]
            self.summary_label.setText(f"退回包：市局退回了 {len(result.returns)} 个项目。")
            for line in lines:
                self.changes_model.appendRow([_item(line), _item(""), _item("")])
            self.import_button.setEnabled(not self.ws.read_only)
            return
        self.preview = result
        plan = result.plan
        if result.already_imported:
            self.summary_label.setText("该数据包已导入过，再次导入不会有任何改动。")
            self.import_button.setEnabled(False)
            return
        self.summary_label.setText(
            f"{result.bundle.county}：新增 {len(plan.of('added'))} 项，有修改 {len(plan.of('changed'))} 项，"
            f"县区已删除 {len(plan.of('removed'))} 项，未变 {len(plan.of('unchanged'))} 项，"
            f"冲突 {len(plan.conflicts)} 处。" + "".join(result.notes)
        )
        campaign = self.ws.campaign
        for diff in plan.apps:
            if diff.state == "unchanged":
                continue
            parent = _item(f"【{STATE_LABELS[diff.state]}】{diff.project_name}（{diff.applicant_name}）")
            for change in diff.changes:
                if change.field == "attachments":
                    continue
                parent.appendRow([
                    _item(change.label),
                    _item(show_value(change.field, change.old, campaign)),
                    _item(show_value(change.field, change.new, campaign)),
                ])  # fmt: skip
            for a in diff.files_added if diff.state != "added" else []:
                parent.appendRow([_item("新增附件"), _item(""), _item(show_value("attachments", [a]))])
            for a in diff.files_removed:
                parent.appendRow([_item("删除附件"), _item(show_value("attachments", [a])), _item("")])
            self.changes_model.appendRow([parent, _item(""), _item("")])
        self.changes_view.expandAll()
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
        self.cross_text.setPlainText("\n".join(result.cross.lines()) or "未发现跨县区问题。")
        self.import_button.setEnabled(not self.ws.read_only)

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
        path = self.import_path.path
        if path is None:
            return
        secret = self._secret(self.import_passphrase)
        decisions = self.decisions()

        def work(progress: Progress) -> exchange.CountyImportReport | exchange.ReturnImportReport:
            return exchange.import_bundle(self.ws, path, passphrase=secret, decisions=decisions, progress=progress)

        def done(report: exchange.CountyImportReport | exchange.ReturnImportReport) -> None:
            text = report.summary()
            if isinstance(report, exchange.CountyImportReport):
                text = "\n".join([text, *report.notes, *report.cross.lines()])
            self.last_message = text
            self.summary_label.setText(text)
            self.import_button.setEnabled(False)
            self.refresh_lists()
            self.data_changed.emit()

        self._run(work, "正在导入数据包…", done, writes=True)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.apps_view.selectionModel().selectedRows()})
        return [int(self.apps_model.item(r, 0).data(UID_ROLE)) for r in rows]

    def mark_return(self) -> None:
        ids = self.selected_ids()
        reason = self.reason_edit.text().strip()
        if not ids:
            self._failed(exchange.ExchangeUsageError("请先选择要退回的项目"))
            return

        def work(_progress: Progress) -> int:
            for app_id in ids:
                exchange.mark_returned(self.ws, app_id, reason)
            return len(ids)

        def done(count: int) -> None:
            self.last_message = f"已退回 {count} 个项目"
            self.reason_edit.clear()
            self.refresh_lists()
            self.data_changed.emit()

        self._run(work, "正在退回…", done, writes=True)

    def export_returns(self) -> None:
        out = self.return_path.path
        county = self.return_county.currentText()
        if out is None or not county:
            self._failed(exchange.ExchangeUsageError("请选择县区和退回包的保存位置"))
            return
        secret = self._secret(self.return_passphrase)

        def work(_progress: Progress) -> exchange.ReturnExportReport:
            return exchange.export_return_bundle(self.ws, county, out, passphrase=secret)

        def done(report: exchange.ReturnExportReport) -> None:
            self.last_message = report.summary()
            self.refresh_lists()

        self._run(work, "正在导出退回包…", done, writes=True)


__all__ = ["ExchangeDialog"]

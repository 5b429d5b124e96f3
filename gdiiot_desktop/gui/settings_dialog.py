"""The settings dialog: the city (fixed), its counties, the operator, the bureau's name, the data folder, portable mode, backups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QMessageBox, QWidget
from shiboken6 import isValid

from gdiiot_desktop import paths
from gdiiot_desktop.gui.desktop import open_folder
from gdiiot_desktop.gui.documents_tab import DocumentsTab
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from gdiiot_desktop.gui.models import BackupsModel, CountiesModel
from gdiiot_desktop.gui.session import WorkspaceSession
from gdiiot_desktop.services import settings


class SettingsDialog(QDialog):
    """Business settings live in the database (services.settings); restoring a backup is handed to the launcher."""

    restore_requested = Signal(Path)  # the backup to restore: the launcher closes and reopens the database
    loaded = Signal()  # the settings were read (off the GUI thread) and are shown

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.session = session
        self.ws = session.ws
        self.open_url = QDesktopServices.openUrl  # replaced in tests
        self.ask_text = self._ask_text  # replaced in tests
        self.counties_model = CountiesModel(self)
        self.backups_model = BackupsModel(self)
        ui = self.ui
        ui.countiesView.setModel(self.counties_model)
        ui.countiesView.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.backupsView.setModel(self.backups_model)
        bh = ui.backupsView.horizontalHeader()
        bh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        bh.setStretchLastSection(True)
        city = session.city
        ui.settingsCityLabel.setText(
            f"{city.full_name if city else self.ws.city}（新建数据库时确定，不能修改）"
        )
        ui.operatorEdit.setText(self.ws.operator)
        ui.databasePathLabel.setText(str(self.ws.db.path))
        ui.dataDirLabel.setText(str(self.ws.db.path.parent))
        ui.portableLabel.setText(portable_text())
        # 报送文件: the contact on the letter and the table, and the fonts by role (built in code).
        self.documents_tab = DocumentsTab(self.ws, session.runner, lambda work, text: self._write(work, text), self)
        ui.settingsTabs.addTab(self.documents_tab, "报送文件")
        ui.saveOperatorButton.clicked.connect(self.save_operator)
        ui.operatorEdit.returnPressed.connect(self.save_operator)
        ui.saveRecommenderButton.clicked.connect(self.save_recommender)
        ui.recommenderEdit.returnPressed.connect(self.save_recommender)
        ui.addCountyButton.clicked.connect(self.add_county)
        ui.renameCountyButton.clicked.connect(self.rename_county)
        ui.removeCountyButton.clicked.connect(self.remove_county)
        ui.openDataDirButton.clicked.connect(lambda: open_folder(self, self.ws.db.path.parent, self.open_url))
        ui.makeBackupButton.clicked.connect(self.make_backup)
        ui.restoreBackupButton.clicked.connect(self.restore_selected)
        ui.closeSettingsButton.clicked.connect(self.accept)
        ui.countiesView.selectionModel().selectionChanged.connect(self._enable)
        ui.backupsView.selectionModel().selectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the bureau's name, the counties and the backups on the session's runner, then show them
        (and call `then`)."""
        ws = self.ws

        def work(_progress: Any) -> tuple[str, list[settings.CountyInfo], list[settings.BackupInfo]]:
            return settings.get_recommender(ws), settings.list_counties(ws), settings.backups(ws)

        self.session.runner.run(
            work, title="正在读取设置…", cancellable=False, show_dialog=False,
            on_success=lambda read: self._show(read, then),
        )  # fmt: skip
        self.documents_tab.refresh()
        self._enable()

    def _show(
        self, read: tuple[str, list[settings.CountyInfo], list[settings.BackupInfo]], then: Callable[[], None] | None
    ) -> None:
        if not isValid(self):  # closed before the read came back
            return
        recommender, counties, backups = read
        self._show_recommender(recommender)
        self.counties_model.set_counties(counties)
        self.backups_model.set_backups(backups)
        self._enable()
        self.loaded.emit()
        if then is not None:
            then()

    def _enable(self, *_args: Any) -> None:
        writable = not self.session.read_only
        county = self.selected_county()
        self.ui.operatorEdit.setReadOnly(not writable)
        self.ui.saveOperatorButton.setEnabled(writable)
        self.ui.recommenderEdit.setReadOnly(not writable)
        self.ui.saveRecommenderButton.setEnabled(writable)
        self.ui.addCountyButton.setEnabled(writable)
        self.ui.renameCountyButton.setEnabled(writable and county is not None)
        self.ui.removeCountyButton.setEnabled(writable and county is not None and not county.in_use)
        self.ui.removeCountyButton.setToolTip(
            "有申报项目的县区不能删除" if county is not None and county.in_use else ""
        )
        self.ui.makeBackupButton.setEnabled(writable)
        self.ui.restoreBackupButton.setEnabled(writable and self.selected_backup() is not None)

    def selected_county(self) -> settings.CountyInfo | None:
        rows = self.ui.countiesView.selectionModel().selectedRows()
        return self.counties_model.county_at(rows[0].row()) if rows else None

    def selected_backup(self) -> settings.BackupInfo | None:
        rows = self.ui.backupsView.selectionModel().selectedRows()
        return self.backups_model.backup_at(rows[0].row()) if rows else None

    # --- actions (quick writes, still through the single writer) ---------------------------------
    def _write(self, work: Any, done_text: str, after: Callable[[Any], None] | None = None) -> None:
        def shown() -> None:
            self.session.settings_changed.emit()
            _status(self, done_text)

        def finished(result: Any) -> None:
            if after is not None:
                after(result)
            self.refresh(then=shown)

        task = self.session.runner.run(
            lambda _p: work(), title="正在保存设置…", writes=True, cancellable=False, on_success=finished
        )
        task.failed.connect(lambda exc: show_error(self, exc, "设置未保存"))

    def save_operator(self) -> None:
        name = self.ui.operatorEdit.text()
        self._write(lambda: settings.set_operator(self.ws, name), "已保存操作员姓名")

    def save_recommender(self) -> None:
        """Save the bureau's full name for exports; an empty field goes back to the default."""
        name = self.ui.recommenderEdit.text()
        self._write(
            lambda: settings.set_recommender(self.ws, name), "已保存推荐单位", after=self._show_recommender
        )

    def _show_recommender(self, name: str) -> None:
        """The name as stored (whitespace tidied); the default shows as the placeholder, the field empty."""
        default = settings.default_recommender(self.ws)
        self.ui.recommenderEdit.setPlaceholderText(f"{default}（默认；留空即用此名称）")
        self.ui.recommenderEdit.setText("" if name == default else name)

    def add_county(self) -> None:
        name = self.ask_text("添加县区", "县区名称：", "")
        if name:
            self._write(lambda: settings.add_county(self.ws, name), f"已添加县区：{name}")

    def rename_county(self) -> None:
        county = self.selected_county()
        if county is None:
            return
        name = self.ask_text("县区改名", f"“{county.name}”的新名称（其下的申报项目随之改名）：", county.name)
        if name and name != county.name:
            self._write(lambda: settings.rename_county(self.ws, county.name, name), f"已改名为：{name}")

    def remove_county(self) -> None:
        county = self.selected_county()
        if county is not None:
            self._write(lambda: settings.remove_county(self.ws, county.name), f"已删除县区：{county.name}")

    def make_backup(self) -> None:
        self._write(lambda: settings.backup_now(self.ws), "已备份数据库")

    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "从备份恢复",
            f"用 {backup.created:%Y-%m-%d %H:%M:%S} 的备份替换当前数据库？\n"
            "程序会先备份当前数据库，然后关闭并重新打开数据库。之后的修改将不在恢复后的数据库中。",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.request_restore(backup.path)

    def request_restore(self, backup: Path) -> None:
        self.restore_requested.emit(backup)
        self.accept()

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok and value.strip() else None


def portable_text() -> str:
    if paths.is_portable():
        return f"已启用：数据保存在程序旁的“{paths.PORTABLE_DATA}”文件夹中（{paths.program_dir() / paths.PORTABLE_DATA}）。"
    how = (
        f"在程序文件夹中放一个名为 {paths.PORTABLE_MARKER} 的文件即可启用（数据随程序保存在 U 盘上）。"
        if paths.is_frozen()
        else "（从源码运行的开发版本不在此启用便携模式。）"
    )
    return f"未启用：数据保存在用户数据文件夹中。{how}"


def _status(widget: QWidget, text: str) -> None:
    parent = widget.parentWidget()
    show_status = getattr(parent.window() if parent else None, "show_status", None)
    if show_status is not None:
        show_status(text)

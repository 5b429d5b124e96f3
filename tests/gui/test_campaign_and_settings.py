"""The campaign page (rules, directions: rename, authority, import, confirm), the settings dialog
(counties, operator, backups, restore through the launcher) and the start dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui import launcher as launcher_module
from gdiiot_desktop.gui.campaign_view import CampaignPage
from gdiiot_desktop.gui.launcher import Launcher
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.gui.models import DirectionsModel, RulesModel
from gdiiot_desktop.gui.settings_dialog import SettingsDialog
from gdiiot_desktop.gui.start_dialog import CreateChoice, StartDialog
from gdiiot_desktop.resources import campaign_file
from gdiiot_desktop.services import settings
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.directions import export_directions
from gdiiot_desktop.services.exports import freeze
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from tests.exchange.helpers import county_apps
from tests.gui.conftest import CLOCK, sample, seed


def test_rules_directions_rename_and_confirm(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path) -> None:
    window = open_window(ws)
    page = window.campaign_page
    assert isinstance(page, CampaignPage)
    ui = page.ui
    assert page.rules_model.rowCount() == 15  # SPEC's 14 and APPLICATION_DATA
    ui.rulesView.selectRow(0)
    assert "三(二)" in ui.ruleClauseLabel.text()
    assert page.rules_model.index(0, RulesModel.COL_TITLE).data()
    assert "未确认" in ui.unconfirmedBanner.text()
    assert window.ui.directionsNotice.isVisible()

    # Rename a direction and change an authority; applications keep their direction id.
    model = page.directions_model
    first = model.directions()[0]
    assert model.setData(model.index(0, DirectionsModel.COL_NAME), "工业互联网+人工智能应用（正式名称）")
    assert ui.saveDirectionsButton.isEnabled() and "未保存" in ui.directionsProblems.text()
    session = window.session
    with qtbot.waitSignal(session.campaign_changed, timeout=5000):
        ui.saveDirectionsButton.click()
    assert ws.campaign.direction(first.id).name == "工业互联网+人工智能应用（正式名称）"
    assert not ws.campaign.directions_confirmed and window.ui.directionsNotice.isVisible()

    # An invalid edit (two authorities where 2023's counts do not allow it) cannot be saved.
    row = next(i for i, d in enumerate(model.directions()) if len(d.authorities) == 1 and d.category_id == "new_tech")
    assert model.setData(model.index(row, DirectionsModel.COL_AUTHORITY), "工信厅、通信管理局")
    assert not ui.saveDirectionsButton.isEnabled() and "通信管理局负责的方向应有" in ui.directionsProblems.text()
    ui.revertDirectionsButton.click()
    assert not model.changed

    # Import from a spreadsheet (here: the list exported), then confirm: the notice goes.
    sheet = tmp_path / "方向清单.xlsx"
    export_directions(ws.campaign, sheet)
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        page.import_file(sheet)
    assert [d.id for d in model.directions()] == [d.id for d in ws.campaign.directions]
    with qtbot.waitSignal(session.campaign_changed, timeout=5000):
        ui.confirmDirectionsButton.click()
    assert ws.campaign.directions_confirmed
    assert not window.ui.directionsNotice.isVisible()
    assert ui.unconfirmedBanner.text() == "方向清单已确认。"
    assert open_workspace_confirmed(ws.db.path)


def open_workspace_confirmed(path: Path) -> bool:
    from sqlalchemy import select

    from gdiiot_desktop.storage.models import CampaignRecord

    # The window holds the database: read the flag through a read-only second opening.
    other = open_workspace(path)
    try:
        with other.db.session() as s:
            return bool(s.scalar(select(CampaignRecord.directions_confirmed)))
    finally:
        other.close()


def test_a_bad_direction_sheet_is_reported(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    window = open_window(ws)
    page = window.campaign_page
    shown: list[str] = []
    monkeypatch.setattr("gdiiot_desktop.gui.campaign_view.show_error", lambda parent, exc, title: shown.append(exc.message))
    wb = Workbook()
    wb.active.append(["序号", "类别", "方向"])
    wb.save(tmp_path / "bad.xlsx")
    task = page.session.read_directions(tmp_path / "bad.xlsx", on_success=lambda _d: None)
    task.failed.connect(lambda exc: shown.append(exc.message))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert shown and "缺少列：负责单位" in shown[0]


def test_settings_counties_operator_backup_and_restore(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    seed(ws, sample(ws, 2))
    launcher = Launcher()
    window = open_window(ws)
    launcher.window = window
    window.settings_requested.connect(launcher.settings)
    dialog = SettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.loaded, timeout=10_000).wait()  # read on the session's runner
    ui = dialog.ui
    assert "佛山市" in ui.settingsCityLabel.text() and "不能修改" in ui.settingsCityLabel.text()
    names = [dialog.counties_model.county_at(r).name for r in range(dialog.counties_model.rowCount())]
    assert set(names) <= {"禅城区", "南海区", "顺德区"}

    answers = iter(["高明区", "高明"])
    dialog.ask_text = lambda title, label, text: next(answers)  # type: ignore[method-assign]
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        ui.addCountyButton.click()
    row = next(r for r in range(dialog.counties_model.rowCount()) if dialog.counties_model.county_at(r).name == "高明区")
    ui.countiesView.selectRow(row)
    assert ui.removeCountyButton.isEnabled()
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        ui.renameCountyButton.click()
    assert "高明" in ws.counties
    used = next(r for r in range(dialog.counties_model.rowCount()) if dialog.counties_model.county_at(r).in_use)
    ui.countiesView.selectRow(used)
    assert not ui.removeCountyButton.isEnabled()
    qtbot.waitUntil(lambda: window.ui.countyFilter.findData("高明") >= 0, timeout=5000)

    ui.operatorEdit.setText("陈敏")
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        ui.saveOperatorButton.click()
    assert ws.operator == "陈敏" and settings.get_operator(ws) == "陈敏"

    assert dialog.backups_model.rowCount() == 0
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        ui.makeBackupButton.click()
    assert dialog.backups_model.rowCount() == 1
    assert "未启用" in ui.portableLabel.text()
    backup = dialog.backups_model.backup_at(0).path

    # A change after the backup, then restore: the launcher closes, restores and reopens.
    settings.add_county(ws, "三水区")
    dialog.close()
    launcher_module.QMessageBox.information = lambda *a, **k: None  # type: ignore[method-assign]
    assert launcher.restore(backup)
    new_window = launcher.window
    assert new_window is not None and new_window is not window
    qtbot.addWidget(new_window)
    new_window.confirm_close = lambda: True
    qtbot.waitUntil(lambda: new_window.session.is_checked, timeout=10_000)
    assert "三水区" not in new_window.session.ws.counties
    assert "高明" in new_window.session.ws.counties
    assert new_window.session.ws.operator == "陈敏"
    assert "已从备份" in new_window.statusBar().currentMessage()


def test_start_dialog_creates_a_database(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "江门.sqlite3"
    dialog = StartDialog(target)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.newCityCombo.count() == 21
    ui.newCityCombo.setCurrentIndex(ui.newCityCombo.findData("江门"))
    ui.newOperatorEdit.setText("李四")
    ui.createButton.click()
    assert dialog.choice is None and "请先选择本年度的申报批次" in ui.startError.text()  # never a silent 2023
    shipped = str(campaign_file())
    ui.newCampaignCombo.setCurrentIndex(ui.newCampaignCombo.findData(shipped))
    ui.createButton.click()
    assert dialog.choice == CreateChoice(target, "江门", "李四", Path(shipped))

    def fake_exec(self: StartDialog) -> int:
        self.ui.newCampaignCombo.setCurrentIndex(self.ui.newCampaignCombo.findData(shipped))
        self.ui.newCityCombo.setCurrentIndex(self.ui.newCityCombo.findData("江门"))
        self.ui.newOperatorEdit.setText("李四")
        self.create_database()
        return 1

    monkeypatch.setattr(StartDialog, "exec", fake_exec)
    launcher = Launcher()
    assert launcher.start(target, explicit=True)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    window.confirm_close = lambda: True
    assert window.session.ws.city == "江门" and window.session.ws.operator == "李四"
    assert target.exists()
    qtbot.waitUntil(lambda: window.session.is_checked, timeout=10_000)


def test_settings_recommender_name_reaches_the_exports(
    qtbot: QtBot,
    ws: Workspace,
    open_window: Callable[[Workspace], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = seed(ws, county_apps(ws, "南海区", 2))
    ApplicationService(ws).set_order(ids)
    assert freeze(ws, CLOCK).recommender == "佛山市工业和信息化局"
    window = open_window(ws)
    dialog = SettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.loaded, timeout=10_000).wait()  # read on the session's runner
    ui = dialog.ui
    # Placed next to the operator's name; empty while the default applies, which the placeholder shows.
    form = ui.generalForm
    assert form.getWidgetPosition(ui.recommenderBox)[0] == form.getWidgetPosition(ui.operatorBox)[0] + 1
    assert ui.recommenderEdit.text() == ""
    assert "佛山市工业和信息化局" in ui.recommenderEdit.placeholderText()

    ui.recommenderEdit.setText("  佛山市工业和信息化局（佛山市中小企业局）  ")
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        ui.saveRecommenderButton.click()
    assert ui.recommenderEdit.text() == "佛山市工业和信息化局（佛山市中小企业局）"
    assert settings.get_recommender(ws) == "佛山市工业和信息化局（佛山市中小企业局）"
    snapshot = freeze(ws, CLOCK)
    assert snapshot.recommender == "佛山市工业和信息化局（佛山市中小企业局）"
    assert snapshot.footer.startswith("佛山市工业和信息化局（佛山市中小企业局） 推荐材料")

    # A name too long is refused with a message; nothing is saved.
    shown: list[str] = []
    monkeypatch.setattr(
        "gdiiot_desktop.gui.settings_dialog.show_error", lambda parent, exc, title: shown.append(str(exc))
    )
    ui.recommenderEdit.setText("局" * (settings.MAX_NAME_LENGTH + 1))
    ui.saveRecommenderButton.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "太长" in shown[0]
    assert settings.get_recommender(ws) == "佛山市工业和信息化局（佛山市中小企业局）"

    # Emptied (Enter in the field saves too): back to the default.
    with qtbot.waitExposed(dialog):
        dialog.show()
    ui.recommenderEdit.setText("")
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        qtbot.keyClick(ui.recommenderEdit, Qt.Key.Key_Return)
    assert settings.get_recommender(ws) == "佛山市工业和信息化局"
    assert ui.recommenderEdit.text() == "" and "佛山市工业和信息化局" in ui.recommenderEdit.placeholderText()
    assert freeze(ws, CLOCK).recommender == "佛山市工业和信息化局"

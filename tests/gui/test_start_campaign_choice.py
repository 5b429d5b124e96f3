"""The first start asks which campaign (shipped ones or a file) and can carry last year's enterprises."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gdiiot_desktop.cli import main
from gdiiot_desktop.gui.launcher import Launcher
from gdiiot_desktop.gui.start_dialog import CreateChoice, StartDialog
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import applicant_count, create_workspace
from tests.exchange.helpers import county_apps
from tests.gui.conftest import seed


def make_2024(tmp_path: Path) -> Path:
    out = tmp_path / "2024年试点示范.toml"
    code = main(["campaign", "new", "--from", "2023-pilot", str(out), "--year", "2024",
                 "--set", "regions[north].quota=6", "--set", "deadline.date=2024-12-06"])  # fmt: skip
    assert code == 0
    return out


def test_no_campaign_is_chosen_for_the_user(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = StartDialog(tmp_path / "韶关.sqlite3")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.newCampaignCombo.currentIndex() == 0 and ui.newCampaignCombo.currentData() is None
    shipped = [ui.newCampaignCombo.itemText(i) for i in range(1, ui.newCampaignCombo.count())]
    assert "2023年工业互联网试点示范项目推荐（随程序提供）" in shipped
    # The special-fund call is offered too, saying so (it makes a database for the fund window).
    assert "2022年第二批江门市工业互联网专项资金项目（专项资金申报，随程序提供）" in shipped
    ui.createButton.click()
    assert dialog.choice is None and "请先选择本年度的申报批次" in ui.startError.text()


def test_a_campaign_file_sets_the_cities_quotas_and_the_new_database(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    campaign = make_2024(tmp_path)
    dialog = StartDialog(tmp_path / "韶关2024.sqlite3")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert dialog.choose_campaign_file(campaign)
    assert ui.newCampaignCombo.currentText() == "2024年工业互联网试点示范项目推荐（2024年试点示范.toml）"
    index = ui.newCityCombo.findData("韶关")
    assert "推荐指标 6 个" in ui.newCityCombo.itemText(index)
    ui.newCityCombo.setCurrentIndex(index)
    # A file that is not a campaign is refused with the reason, and the choice stays.
    junk = tmp_path / "junk.toml"
    junk.write_text("title = 1", encoding="utf-8")
    assert not dialog.choose_campaign_file(junk)
    assert "无法使用" in ui.startError.text()
    assert ui.newCampaignCombo.currentData() == str(campaign)

    # Last year's database: its enterprises come along, its applications do not.
    old = create_workspace(tmp_path / "韶关2023.sqlite3", "韶关", operator="测试员")
    seed(old, county_apps(old, "浈江区", 3))
    old.close()
    ui.carryCheck.setChecked(True)  # asks for the file when none is given; none here
    ui.carryPathEdit.setText(str(tmp_path / "韶关2023.sqlite3"))
    ui.createButton.click()
    assert isinstance(dialog.choice, CreateChoice)
    assert (dialog.choice.campaign_file, dialog.choice.carry_applicants_from) == (campaign, tmp_path / "韶关2023.sqlite3")

    chosen = dialog.choice

    def fake_exec(self: StartDialog) -> int:
        self.choice = chosen
        return 1

    monkeypatch.setattr(StartDialog, "exec", fake_exec)
    launcher = Launcher()
    assert launcher.start(tmp_path / "韶关2024.sqlite3", explicit=True)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    window.confirm_close = lambda: True
    ws = window.session.ws
    assert ws.campaign.id == "2024-pilot" and ws.city == "韶关"
    qtbot.waitUntil(lambda: window.session.is_checked, timeout=10_000)
    assert applicant_count(ws) == 3
    assert ApplicationService(ws).list() == []


@pytest.fixture(autouse=True)
def no_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))


def test_a_carried_enterprise_fills_a_new_application(qtbot: QtBot, tmp_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    """Last year's enterprises, carried into the new database, fill the blank applicant fields of a new
    application when its credit code is typed; what the user typed is kept."""
    from gdiiot_desktop.gui.editor import ApplicationEditor

    old = create_workspace(tmp_path / "佛山2023.sqlite3", "佛山", operator="测试员")
    apps = county_apps(old, "南海区", 2)
    seed(old, apps)
    old.close()
    known = apps[0].applicant
    ws = create_workspace(tmp_path / "佛山2024.sqlite3", "佛山", make_2024(tmp_path), operator="测试员",
                          carry_applicants_from=tmp_path / "佛山2023.sqlite3")  # fmt: skip
    window = open_window(ws)
    editor = window.edit_application(None)
    assert isinstance(editor, ApplicationEditor)
    qtbot.waitExposed(editor)
    ui = editor.ui
    ui.registeredAddressEdit.setText("用户自己填的地址")
    ui.usccEdit.setText(known.uscc)
    ui.usccEdit.editingFinished.emit()
    qtbot.waitUntil(lambda: ui.applicantNameEdit.text() == known.name, timeout=10_000)
    assert ui.registeredAddressEdit.text() == "用户自己填的地址"  # typed, not replaced
    assert "已填入本数据库中" in ui.usccStatus.text() and known.name in ui.usccStatus.text()
    editor.dirty = False  # leave without the unsaved-changes question
    editor.close()

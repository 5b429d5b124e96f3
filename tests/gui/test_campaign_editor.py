"""新建申报批次: the campaign form checks as the user types, shows what differs, saves a campaign file
that validates, and a database started from it enforces its numbers."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from gdiiot_desktop.cli import main
from gdiiot_desktop.gui.campaign_editor import CampaignEditor, open_campaign_editor
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.checks import check_workspace
from gdiiot_desktop.services.workspace import create_workspace
from tests.exchange.helpers import county_apps
from tests.gui.conftest import seed


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warn(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        said.append(f"{title}：{text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return said


def editor_from_2023(qtbot: QtBot) -> CampaignEditor:
    editor = open_campaign_editor(None, "2023-pilot")
    assert editor is not None
    qtbot.addWidget(editor)
    return editor


def region_row(editor: CampaignEditor, name: str) -> int:
    table = editor.ui.regionsTable
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def set_cell(editor: CampaignEditor, table_name: str, row: int, column: int, text: str) -> None:
    table = getattr(editor.ui, table_name)
    table.item(row, column).setText(text)
    editor.revalidate()  # what the typing timer does 120 ms later


def test_a_new_campaign_with_quota_6_and_one_project_per_applicant(qtbot: QtBot, tmp_path: Path, warnings: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    editor = editor_from_2023(qtbot)
    ui = editor.ui
    # Started from 2023, moved to 2024: id, title and year follow; nothing is wrong yet.
    assert (ui.idEdit.text(), ui.yearSpin.value()) == ("2024-pilot", 2024)
    assert ui.titleEdit.text() == "2024年工业互联网试点示范项目推荐"
    assert editor.problems == []
    assert "检查通过" in ui.problemsLabel.text()

    # A quota typed wrong is marked at its cell with a Chinese message naming the field.
    north = region_row(editor, "粤北")
    set_cell(editor, "regionsTable", north, 1, "六")
    cell = ui.regionsTable.item(north, 1)
    assert cell.background().color().name() == "#fdecea"
    assert "地区“粤北”的推荐指标" in cell.toolTip() and "应为整数" in cell.toolTip()
    assert ui.problemsList.count() == 1 and ui.problemsList.isVisibleTo(editor)
    assert not editor.save_to(tmp_path / "bad.toml")
    assert "有 1 处问题" in warnings[-1] and not (tmp_path / "bad.toml").exists()

    set_cell(editor, "regionsTable", north, 1, "6")
    assert editor.problems == [] and cell.toolTip() == ""
    ui.maxProjectsSpin.setValue(1)
    ui.deadlineDateEdit.setDate(ui.deadlineDateEdit.date().addYears(1))
    ui.deadlineTextEdit.setText("12月6日下午下班前（以送达时间为准），逾期将不予受理")

    # Cross-field checks as the user types: the video bounds, a deadline before the notice.
    ui.videoMinSpin.setValue(700)
    editor.revalidate()
    assert ui.videoMaxSpin.lineEdit().styleSheet() != "" and "视频最长时长应大于最短时长" in ui.videoMaxSpin.toolTip()
    ui.videoMinSpin.setValue(300)
    ui.provinceDateEdit.setDate(ui.deadlineDateEdit.date().addDays(1))
    editor.revalidate()
    assert "截止日期早于省通知的印发日期" in ui.deadlineDateEdit.toolTip()
    ui.provinceDateEdit.setDate(ui.deadlineDateEdit.date().addDays(-9))
    editor.revalidate()
    assert editor.problems == []

    # A rule's clause text is edited with the rule selected.
    rules = ui.rulesTable
    quota_row = next(r for r in range(rules.rowCount()) if rules.item(r, 0).data(0x0100) == "CITY_QUOTA")
    rules.selectRow(quota_row)
    ui.clauseTextEdit.setPlainText("粤北地区各地市推荐项目数量不超过6个")
    editor.revalidate()

    differences = [ui.diffList.item(i).text() for i in range(ui.diffList.count())]
    assert "地区“粤北”的推荐指标：5 → 6" in differences
    assert "每个申报主体最多项目数：2 → 1" in differences
    assert "规则“地市推荐数量”的条款原文：" + editor.source["rules"]["CITY_QUOTA"]["clause_text"] + " → 粤北地区各地市推荐项目数量不超过6个" in differences
    assert ui.formTabs.tabText(ui.formTabs.indexOf(ui.diffTab)) == f"与原活动的不同（{len(differences)}）"

    saved = tmp_path / "2024-pilot.toml"
    assert editor.save_to(saved) and editor.saved_path == saved
    assert main(["campaign", "validate", str(saved)]) == 0
    capsys.readouterr()

    # A database started from the saved file enforces it: six recommended fit 韶关's quota of 6,
    # a second project of one applicant does not fit the limit of 1.
    ws = create_workspace(tmp_path / "韶关2024.sqlite3", "韶关", saved, operator="测试员")
    try:
        assert ws.campaign.quota_for(ws.campaign.city("韶关")) == 6  # type: ignore[arg-type]
        apps = county_apps(ws, "浈江区", 6)
        ids = seed(ws, apps)
        ApplicationService(ws).set_order(ids)
        second = replace(apps[0], id=None, uid="", project_name="同一企业的第二个项目", priority=None)
        seed(ws, [second])
        found = {(v.rule, v.project) for v in check_workspace(ws).violations}
        assert not any(rule == "CITY_QUOTA" for rule, _ in found)
        assert ("APPLICANT_MAX_PROJECTS", "同一企业的第二个项目") in found
    finally:
        ws.close()
    assert main(["--db", str(tmp_path / "韶关2024.sqlite3"), "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["campaign"] == "2024-pilot"
    rules_found = {v["rule"] for v in report["violations"]}
    assert "APPLICANT_MAX_PROJECTS" in rules_found and "CITY_QUOTA" not in rules_found


def test_problem_list_jumps_to_the_field_and_directions_import(qtbot: QtBot, tmp_path: Path, warnings: list[str]) -> None:
    editor = editor_from_2023(qtbot)
    ui = editor.ui
    ui.idEdit.setText("2024 新活动")
    editor.revalidate()
    assert "只能使用小写英文字母" in ui.idEdit.toolTip()
    from tests.gui.visible_text import latin_words

    shown = [ui.problemsList.item(i).text() for i in range(ui.problemsList.count())]
    assert shown and not [w for t in shown for w in latin_words(t)], shown  # no file keys in the window
    item = ui.problemsList.item(0)
    ui.problemsList.itemClicked.emit(item)
    assert ui.formTabs.currentWidget() is ui.noticeTab
    ui.idEdit.setText("2024-pilot")

    # A direction list from Excel replaces the table; the expected counts follow it.
    import openpyxl

    sheet = tmp_path / "方向.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "类别", "方向", "负责单位"])
    names = [c["name"] for c in editor.source["categories"]]
    for i, name in enumerate(names, 1):
        ws.append([i, name, f"{name}方向{i}", "工信厅、通信管理局" if name == "安全类" else ("通信管理局" if name == "网络类" else "工信厅")])
    wb.save(sheet)
    assert editor.import_directions_from(sheet)
    assert ui.directionsTable.rowCount() == len(names)
    assert ui.expectedTotalSpin.value() == len(names)
    assert ui.expectedCaSpin.value() == 2 and ui.expectedMiitSpin.value() == len(names) - 1
    assert editor.problems == []
    assert any("方向“新技术类方向1”" in ui.diffList.item(i).text() for i in range(ui.diffList.count()))
    # An unreadable sheet changes nothing and says why.
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    assert not editor.import_directions_from(junk)
    assert "无法打开方向清单文件" in warnings[-1]
    assert ui.directionsTable.rowCount() == len(names)
    # An empty direction name is flagged at its cell.
    set_cell(editor, "directionsTable", 0, 3, "")
    cell = editor.widget_for("directions.list[1].name")
    assert cell is ui.directionsTable.item(0, 3)
    assert isinstance(cell, QTableWidgetItem) and cell.toolTip() == "方向“d01”的名称：不能为空"


def test_the_form_fits_a_1366_by_768_screen(qtbot: QtBot, tmp_path: Path) -> None:
    editor = editor_from_2023(qtbot)
    editor.show()
    qtbot.waitExposed(editor)
    available = editor.screen().availableGeometry()
    assert editor.frameGeometry().width() <= max(available.width(), 1366)
    assert editor.height() <= 768 - 40
    assert editor.ui.saveButton.isVisible() and editor.ui.closeButton.isVisible()
    editor.grab().save(str(tmp_path / "editor.png"))
    assert (tmp_path / "editor.png").stat().st_size > 0


def test_the_file_menu_starts_next_year_from_the_open_database(qtbot: QtBot, ws, open_window) -> None:  # type: ignore[no-untyped-def]
    from gdiiot_desktop.services.directions import replace_directions

    renamed = [replace(d, name=d.name + "（正式）") if d.id == "d01" else d for d in ws.campaign.directions]
    replace_directions(ws, renamed, confirmed=True)
    ws.reload_campaign()
    window = open_window(ws)
    assert window.actionNewCampaign.text() == "新建申报批次（活动文件）…"
    assert window.actionNewCampaign in window.ui.menuFile.actions()
    editor = window.new_campaign_editor()
    assert isinstance(editor, CampaignEditor)
    qtbot.addWidget(editor)
    assert editor.ui.yearSpin.value() == ws.campaign.year + 1
    names = [editor.ui.directionsTable.item(r, 3).text() for r in range(editor.ui.directionsTable.rowCount())]
    assert names[0].endswith("（正式）")  # the list the database works with, not the file's
    assert not editor.ui.directionsConfirmedCheck.isChecked()  # a new year's list is checked again
    editor.close()

"""Everything of the special-fund kind from the window (issue 14), on real SQLite files and real
widgets: creating the database from the start dialog, intake with the result dialog, an application's
details and edits, and the task marks. Screenshots go to /work/shots/fgui/ when that folder exists."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.fund.campaign import FUND_KIND
from gdiiot_desktop.domain.fund.model import FundStatus
from gdiiot_desktop.gui.fund.application_dialog import FundApplicationDialog
from gdiiot_desktop.gui.fund.window import FundWindow
from gdiiot_desktop.gui.launcher import Launcher
from gdiiot_desktop.gui.start_dialog import CreateChoice, StartDialog
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.workspace import (
    create_fund_workspace,
    is_fund_database,
    open_fund_workspace,
)
from gdiiot_desktop.services.tasks.service import counted_projects, import_task_list, open_city_database
from tests.fund.test_fund_cli import ROWS, fill
from tests.gui.test_fund_window import APPS
from tests.gui.visible_text import latin_findings
from tests.tasks.sheets import sheet_2021

SHOTS = Path("/work/shots/fgui")
CAMPAIGN = resource("campaigns", "2022-jiangmen-fund.toml")
TODAY = date(2021, 11, 20)


def shot(widget: object, name: str) -> None:
    if SHOTS.is_dir():
        QApplication.processEvents()
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def apps_in(path: Path) -> list:  # type: ignore[type-arg]
    ws = open_fund_workspace(path)
    try:
        return ws.repo.all()
    finally:
        ws.close()


@pytest.fixture
def empty_fund_db(tmp_path: Path) -> Path:
    path = tmp_path / "江门专项.sqlite3"
    create_fund_workspace(path, "江门", CAMPAIGN).close()
    return path


@pytest.fixture
def fund_db(tmp_path: Path) -> Path:
    """Seven applications, six ranked, a budget of 3,000,000 and a task list of the call's year."""
    path = tmp_path / "江门专项.sqlite3"
    ws = create_fund_workspace(path, "江门", CAMPAIGN)
    try:
        ids = ws.repo.add_many(APPS, source="test")
        ws.repo.set_ranking(ids[:6])
        ws.repo.set_budget(Decimal(3_000_000))
    finally:
        ws.close()
    cdb = open_city_database(path)
    try:
        import_task_list(cdb, sheet_2021(tmp_path / "2022任务清单.xlsx", 2022))  # the call's year
    finally:
        cdb.close()
    return path


def open_window(qtbot: QtBot, path: Path) -> FundWindow:
    window = FundWindow(path, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.data is not None and not window.runner.busy, timeout=15_000)
    return window


def settled(qtbot: QtBot, window: FundWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)
    qtbot.wait(20)  # queued results reach their slots
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)


def error_boxes(parent: object) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox, "errorBox") if b.isVisible()]  # type: ignore[attr-defined]


# --- 1. creating a special-fund database from the start dialog -------------------------------------


def test_the_start_dialog_creates_a_fund_database_and_opens_its_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "江门2022年专项资金.sqlite3"
    dialog = StartDialog(target)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    index = next(i for i in range(ui.newCampaignCombo.count()) if "专项资金" in ui.newCampaignCombo.itemText(i))
    ui.newCampaignCombo.setCurrentIndex(index)
    # The call is 江门's: the city is fixed, and nothing is carried from last year.
    assert [ui.newCityCombo.itemData(i) for i in range(ui.newCityCombo.count())] == ["江门"]
    assert not ui.newCityCombo.isEnabled() and not ui.carryCheck.isEnabled()
    assert "江门市" in ui.newCityCombo.currentText() and ui.startError.text() == ""
    ui.newOperatorEdit.setText("李科员")
    dialog.show()
    shot(dialog, "start_dialog_fund.png")
    assert latin_findings(dialog) == []
    ui.createButton.click()
    choice = dialog.choice
    assert isinstance(choice, CreateChoice)
    assert (choice.kind, choice.city, choice.operator, choice.campaign_file) == (FUND_KIND, "江门", "李科员", CAMPAIGN)

    # Back to the pilot campaign: the cities and the carrying come back.
    ui.newCampaignCombo.setCurrentIndex(1)
    assert ui.newCityCombo.isEnabled() and ui.carryCheck.isEnabled() and ui.newCityCombo.count() == 21

    def accept_choice(self: StartDialog) -> int:
        self.choice = choice
        return 1

    monkeypatch.setattr(StartDialog, "exec", accept_choice)
    launcher = Launcher()
    assert launcher.start(target, explicit=True)
    assert launcher.window is None  # no pilot window: the fund window instead
    (window,) = launcher.fund_windows
    assert isinstance(window, FundWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data is not None, timeout=15_000)
    assert window.windowTitle() == "2022年第二批江门市工业互联网专项资金项目 — 江门市"
    assert window.board.ranked.rowCount() == 0 and "未设定" in window.board.summary.text()
    window.close()  # the database is closed before it is read below
    # The database is the one `gdiiot init --campaign …fund….toml` makes, under the operator's name.
    assert is_fund_database(target)
    ws = open_fund_workspace(target)
    try:
        assert (ws.campaign.id, ws.city, ws.operator, ws.repo.all()) == ("2022-jiangmen-fund", "江门", "李科员", [])
    finally:
        ws.close()


def test_a_special_fund_file_chosen_by_hand_is_taken_as_such(qtbot: QtBot, tmp_path: Path) -> None:
    copy = tmp_path / "江门第三批.toml"
    copy.write_text(CAMPAIGN.read_text(encoding="utf-8"), encoding="utf-8")
    dialog = StartDialog(tmp_path / "新.sqlite3")
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert dialog.choose_campaign_file(copy)
    assert ui.newCampaignCombo.currentText().endswith("（专项资金申报，江门第三批.toml）")
    assert dialog.fund_campaign is not None and not ui.carryCheck.isEnabled()
    ui.createButton.click()
    assert isinstance(dialog.choice, CreateChoice)
    assert (dialog.choice.kind, dialog.choice.campaign_file, dialog.choice.path) == (
        FUND_KIND,
        copy,
        tmp_path / "新.sqlite3",
    )


def test_the_start_dialog_refuses_an_existing_file_for_a_fund_database(qtbot: QtBot, empty_fund_db: Path) -> None:
    dialog = StartDialog(empty_fund_db)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.newCampaignCombo.setCurrentIndex(
        next(i for i in range(ui.newCampaignCombo.count()) if "专项资金" in ui.newCampaignCombo.itemText(i))
    )
    ui.createButton.click()
    assert dialog.choice is None and "该文件已存在" in ui.startError.text()


# --- 2. intake: the template, a refused sheet with every bad cell, the good rows only ---------------


BAD_ROWS: list[dict[str, object]] = [
    {"县（市、区）": "广州", "企业名称": "甲", "项目名称": "甲2", "支持方向": "不存在的方向", "申请补贴金额（元）": "很多"},
    {"县（市、区）": "蓬江区", "企业名称": "丙", "项目名称": "丙1", "支持方向": "产业集群试点",
     "所属产业集群": "水暖卫浴产业集群", "云服务投入（元）": 200, "申请补贴金额（元）": 100},
]  # fmt: skip


def test_intake_template_refusal_and_good_rows(qtbot: QtBot, empty_fund_db: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, empty_fund_db)
    template = tmp_path / "模板"  # the suffix is added
    window.intake.save_template(template)
    settled(qtbot, window)
    saved = tmp_path / "模板.xlsx"
    headers = [c.value for c in openpyxl.load_workbook(saved).active[2]]
    assert "支持方向" in headers and "云服务投入（元）" in headers and "材料：专项资金申报书" in headers
    assert "已保存导入模板" in window.statusBar().currentMessage()

    # A good sheet: imported, the board shows it and the result dialog counts it; a hidden row is read
    # and named, as `fund import` names it.
    good = fill(saved, tmp_path / "汇总.xlsx", ROWS)
    book = openpyxl.load_workbook(good)
    book.active.row_dimensions[4].hidden = True
    book.save(good)
    window.intake.import_file(good)
    settled(qtbot, window)
    result = window.intake.result_dialog
    assert result is not None and result.isVisible() and result.windowTitle() == "导入完成"
    assert "已导入 3 个专项资金申报项目（新增 3 项" in result.summary.text() and result.skip_button is None
    shown = [result.problems.item(i).text() for i in range(result.problems.count())]
    assert any(text.startswith("提示：") and "第 4 行是隐藏行" in text for text in shown)
    assert window.board.open.rowCount() == 3 and len(apps_in(empty_fund_db)) == 3
    result.reject()

    # A sheet with bad cells: nothing imported, every bad cell named in Chinese.
    bad = fill(saved, tmp_path / "坏.xlsx", BAD_ROWS)
    window.intake.import_file(bad)
    settled(qtbot, window)
    result = window.intake.result_dialog
    assert result is not None and result.windowTitle() == "未导入"
    assert "坏.xlsx 有 3 处问题，未导入任何项目" in result.summary.text()
    assert "共 2 行，其中 1 行有问题" in result.summary.text()
    problems = [result.problems.item(i).text() for i in range(result.problems.count())]
    assert problems == [
        "第3行“县（市、区）”：“广州”不是江门市的县（市、区）（蓬江区、江海区、新会区、台山市、开平市、鹤山市、恩平市）",
        "第3行“支持方向”：“不存在的方向”不是本次的支持方向（工业互联网标杆示范项目、中小企业上云上平台、产业集群试点、工业互联网人才培养）",
        "第3行“申请补贴金额（元）”：“很多”不是金额（应填写元，如 1000000）",
    ]
    assert len(apps_in(empty_fund_db)) == 3  # nothing written
    assert result.skip_button is not None and result.skip_button.text() == "只导入没有问题的 1 行"
    result.resize(760, 420)
    shot(result, "intake_refused.png")
    assert latin_findings(result) == []

    # The user imports the good rows only (the CLI's --skip-bad-rows).
    result.skip_button.click()
    settled(qtbot, window)
    done = window.intake.result_dialog
    assert done is not None and done is not result and done.windowTitle() == "导入完成"
    assert "已导入 1 个专项资金申报项目" in done.summary.text() and "跳过 1 行" in done.summary.text()
    assert done.problems.count() == 3
    shot(done, "intake_done_skipped.png")
    names = {a.project_name for a in apps_in(empty_fund_db)}
    assert names == {"甲智能工厂", "乙上云", "人才培养计划", "丙1"}
    assert window.board.open.rowCount() == 4


def test_a_sheet_without_the_header_is_explained_and_offers_no_partial_import(
    qtbot: QtBot, empty_fund_db: Path, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["随便", "什么"])  # type: ignore[union-attr]
    wb.save(tmp_path / "不是申报表.xlsx")
    window = open_window(qtbot, empty_fund_db)
    window.intake.import_file(tmp_path / "不是申报表.xlsx")
    settled(qtbot, window)
    result = window.intake.result_dialog
    assert result is not None and result.windowTitle() == "未导入" and result.skip_button is None
    assert "找不到表头" in result.summary.text() and "gdiiot" not in result.summary.text()
    assert apps_in(empty_fund_db) == []


# --- 3. an application's details and edits ----------------------------------------------------------


def open_details(qtbot: QtBot, window: FundWindow, app_id: int) -> FundApplicationDialog:
    window.show_details(app_id)
    dialog = window.details_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None and not dialog.busy, timeout=15_000)
    return dialog


def saved(qtbot: QtBot, window: FundWindow, dialog: FundApplicationDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    settled(qtbot, window)


def test_details_show_investments_cap_basis_and_violations(qtbot: QtBot, fund_db: Path) -> None:
    window = open_window(qtbot, fund_db)
    # 己数字车间: AI 1,200,000 invested, 700,000 requested — over its cap of 600,000; no materials.
    window.board.ranked.selectRow(2)
    window.board.open.selectRow(0)  # selected last: the one 项目详情… opens
    window.buttons["details"].click()
    dialog = window.details_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None and not dialog.busy, timeout=15_000)
    assert dialog.app_id == 7 and "己数字车间" in dialog.windowTitle()
    table = dialog.investments
    assert [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())] == [
        ["人工智能", "1,200,000", "是", "0 份"]
    ]
    subsidy = dialog.subsidy.text()
    assert "可补贴投入 <b>1,200,000</b>" in subsidy and "最高可补贴 <b>600,000</b>" in subsidy
    assert "申请补贴 <b>700,000</b>" in subsidy
    assert "50% 为 600,000 元" in dialog.basis.text() and "单个项目上限 1,000,000 元" in dialog.basis.text()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    over = next(p for p in problems if "超过本项目最高可补贴 600,000 元" in p)
    assert over.startswith("【") and "\n依据：" in over
    assert any("材料" in p for p in problems)
    dialog.tabs.setCurrentIndex(0)
    shot(dialog, "application_detail.png")
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        assert latin_findings(dialog) == [], dialog.tabs.tabText(i)
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "application_review.png")


def test_score_status_and_materials_saved_from_the_details(qtbot: QtBot, fund_db: Path) -> None:
    window = open_window(qtbot, fund_db)
    dialog = open_details(qtbot, window, 7)

    # A bad score is refused in Chinese; what was typed stays; nothing is saved.
    dialog.score_edit.setText("很多")
    dialog.save_score_button.click()
    saved(qtbot, window, dialog)
    assert "评审得分应为数字" in dialog.status_line.text() and dialog.score_edit.text() == "很多"
    assert error_boxes(dialog) and "评审得分应为数字" in error_boxes(dialog)[0].text()
    error_boxes(dialog)[0].close()
    assert apps_in(fund_db)[6].review_score is None

    dialog.score_edit.setText("88.5")
    dialog.save_score_button.click()
    saved(qtbot, window, dialog)
    assert apps_in(fund_db)[6].review_score == Decimal("88.5")
    assert "已保存评审得分 88.5" in dialog.status_line.text()
    assert window.board.open.item(0, 7).text() == "88.5"  # the board read again

    # Materials: tick them all.
    for check in dialog.material_checks.values():
        check.setChecked(True)
    dialog.save_materials_button.click()
    saved(qtbot, window, dialog)
    assert apps_in(fund_db)[6].materials_received == frozenset(dialog.material_checks)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert not any("材料" in p and "未提交" in p for p in problems)

    # Withdrawing needs a reason.
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("withdrawn"))
    dialog.save_status_button.click()
    saved(qtbot, window, dialog)
    assert "须填写理由" in dialog.status_line.text() and apps_in(fund_db)[6].status is FundStatus.REGISTERED
    for box in error_boxes(dialog):
        box.close()
    dialog.reason_edit.setText("企业放弃申报")
    dialog.save_status_button.click()
    saved(qtbot, window, dialog)
    assert apps_in(fund_db)[6].status is FundStatus.WITHDRAWN
    assert dialog.current_status.text() == "已撤回"
    assert window.board.open.item(0, 8).text() == "已撤回"  # shown greyed, last, with its status
    conn = sqlite3.connect(fund_db)
    try:
        rows = conn.execute("SELECT actor, details FROM audit_log WHERE action = 'fund_status' ORDER BY id").fetchall()
    finally:
        conn.close()
    assert json.loads(rows[-1][1])["reason"] == "企业放弃申报"

    # Back to registered (no reason needed).
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("registered"))
    dialog.save_status_button.click()
    saved(qtbot, window, dialog)
    assert apps_in(fund_db)[6].status is FundStatus.REGISTERED


def test_returning_a_ranked_project_closes_the_gap(qtbot: QtBot, fund_db: Path) -> None:
    window = open_window(qtbot, fund_db)
    window.board.ranked.doubleClicked.emit(window.board.ranked.model().index(1, 0))  # 乙, second
    dialog = window.details_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None and not dialog.busy, timeout=15_000)
    assert dialog.app_id == 2 and dialog.current_status.text() == "入库（第 2 位）"
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("returned"))
    dialog.reason_edit.setText("材料不全，退回县区补充")
    dialog.save_status_button.click()
    saved(qtbot, window, dialog)
    ranks = {a.id: (a.status, a.rank) for a in apps_in(fund_db)}
    assert ranks[2] == (FundStatus.RETURNED, None) and ranks[3] == (FundStatus.POOLED, 2)
    assert window.board.ranked.rowCount() == 5
    assert window.board.open_ids == [7, 2] and window.board.open.item(1, 8).text() == "已退回"
    assert "另有已退回或已撤回 1 个" in window.board.open_label.text()
    dialog.close()
    window.resize(1366, 728)
    shot(window, "board_with_returned.png")


def test_invoices_and_materials_attached_with_the_file_dialog(
    qtbot: QtBot, fund_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    invoice = tmp_path / "发票 AI 服务.pdf"
    invoice.write_bytes(b"%PDF-1.4 invoice")
    form = tmp_path / "申报书.pdf"
    form.write_bytes(b"%PDF-1.4 form")
    window = open_window(qtbot, fund_db)
    dialog = open_details(qtbot, window, 7)
    dialog.tabs.setCurrentIndex(2)
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("category:ai"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(invoice), ""))
    dialog.attach_button.click()
    saved(qtbot, window, dialog)
    assert dialog.files.rowCount() == 1 and dialog.files.item(0, 1).text() == "发票：人工智能"
    assert dialog.investments.item(0, 3).text() == "1 份"

    dialog.purpose.setCurrentIndex(dialog.purpose.findData("material:application_form"))
    dialog.attach_file(form)
    saved(qtbot, window, dialog)
    assert dialog.material_checks["application_form"].isChecked()

    # A file that is not there: said, nothing added.
    dialog.attach_file(tmp_path / "不存在.pdf")
    saved(qtbot, window, dialog)
    assert "找不到文件" in dialog.status_line.text()
    for box in error_boxes(dialog):
        box.close()
    ws = open_fund_workspace(fund_db)
    try:
        found = ws.repo.attachments(7)
        assert [(a["file_name"], a["category"], a["material"]) for a in found] == [
            ("发票 AI 服务.pdf", "ai", ""),
            ("申报书.pdf", "", "application_form"),
        ]
        assert ws.db.store.path_of(found[0]["sha256"]).read_bytes() == b"%PDF-1.4 invoice"
        assert "application_form" in ws.repo.get(7).materials_received  # type: ignore[union-attr]
    finally:
        ws.close()
    shot(dialog, "application_files.png")


# --- 4. task marks, on a fund database and on a pilot database ---------------------------------------


def test_marks_ticked_in_the_task_view_count_towards_the_targets(qtbot: QtBot, fund_db: Path) -> None:
    window = open_window(qtbot, fund_db)
    window.tabs.setCurrentWidget(window.task_view)
    marks = window.task_view.marks
    assert marks is not None and marks.refs == [f"fund:{i}" for i in range(1, 7)]
    assert marks.kinds[:4] == ["标杆示范", "5G+", "产业链协同", "上云上平台"]
    # 江门 (2021's list for 2022): 标杆示范 ≥ 2 其中5G+ ≥ 1. The two pooled benchmark projects count as 标杆示范 by default.
    assert marks.is_marked("fund:1", "标杆示范") and not marks.is_marked("fund:1", "5G+")
    assert [(b.value(), b.maximum()) for b in window.task_view.bars] == [(2, 2), (0, 1)]

    marks.set_mark("fund:1", "5G+", True)
    settled(qtbot, window)
    assert [(b.value(), b.maximum()) for b in window.task_view.bars] == [(2, 2), (1, 1)]
    assert window.task_view.marks is not None and window.task_view.marks.is_marked("fund:1", "5G+")
    assert "5G+" in window.statusBar().currentMessage()

    # Unticking a default mark: the project no longer counts as 标杆示范.
    window.task_view.marks.set_mark("fund:2", "标杆示范", False)
    settled(qtbot, window)
    assert [(b.value(), b.maximum()) for b in window.task_view.bars] == [(1, 2), (1, 1)]
    cdb = open_city_database(fund_db)
    try:
        stored = {p.ref: p.marks for p in counted_projects(cdb)}
    finally:
        cdb.close()
    assert stored["fund:1"] == {"标杆示范", "5G+"} and "标杆示范" not in stored["fund:2"]
    window.resize(1280, 720)
    window.task_view.verticalScrollBar().setValue(window.task_view.verticalScrollBar().maximum())
    shot(window, "task_marks_fund.png")
    assert [f for f in latin_findings(window) if "gdiiot" in f] == []


def test_task_list_import_and_report_from_the_fund_window(
    qtbot: QtBot, empty_fund_db: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, empty_fund_db)
    assert window.task_view.bars == []
    window.task_actions.import_file(sheet_2021(tmp_path / "2022任务清单.xlsx", 2022))
    settled(qtbot, window)
    assert [(b.value(), b.maximum()) for b in window.task_view.bars] == [(0, 2), (0, 1)]
    assert window.statusBar().currentMessage().startswith("已导入任务清单：2022年")
    window.task_actions.report_to(tmp_path / "报告")
    settled(qtbot, window)
    assert sorted(p.suffix for p in (tmp_path / "报告").iterdir()) == [".pdf", ".xlsx"]


def test_marks_on_a_pilot_database(qtbot: QtBot, ws, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gdiiot_desktop.services.applications import ApplicationService
    from tests.gui.conftest import sample, seed
    from tests.tasks.sheets import sheet_2020

    ids = seed(ws, sample(ws, 4))
    ApplicationService(ws).set_order(ids[:2])
    window = open_window(ws)
    window.actionTaskList.trigger()
    dialog = window.task_list_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    dialog.loaded = False
    dialog.import_file(sheet_2020(tmp_path / "2023任务清单.xlsx", 2023))  # the campaign's year
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    marks = dialog.view.marks
    assert marks is not None and marks.refs == [f"pilot:{ids[0]}", f"pilot:{ids[1]}"]
    assert [(b.value(), b.maximum()) for b in dialog.view.bars] == [(0, 3), (0, 1), (0, 201)]
    for kind in ("标杆示范", "5G+"):
        dialog.loaded = False
        marks = dialog.view.marks
        assert marks is not None
        marks.set_mark(f"pilot:{ids[0]}", kind, True)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert [(b.value(), b.maximum()) for b in dialog.view.bars] == [(1, 3), (1, 1), (0, 201)]
    cdb = open_city_database(ws.db.path)
    try:
        stored = {p.ref: p.marks for p in counted_projects(cdb)}
    finally:
        cdb.close()
    assert stored[f"pilot:{ids[0]}"] == {"标杆示范", "5G+"} and stored[f"pilot:{ids[1]}"] == frozenset()
    dialog.resize(1000, 600)
    shot(dialog, "task_marks_pilot.png")

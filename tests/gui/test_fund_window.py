"""The special-fund window: the 入库 board with the budget line and charts, and the task view with
progress bars, on a real database read off the GUI thread. Screenshots go to /work/shots/fund/ when
that folder exists (looked at by hand)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.fund.model import FundApplication
from gdiiot_desktop.gui.fund.window import FundWindow
from gdiiot_desktop.gui.launcher import Launcher
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.workspace import create_fund_workspace
from gdiiot_desktop.services.tasks.service import import_task_list, open_city_database, set_marks
from tests.tasks.sheets import sheet_2020, sheet_2021

SHOTS = Path("/work/shots/fund")
ALL = frozenset({"application_form", "business_license", "invoices", "cluster_plan", "training_plan"})


def D(x: int) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(x)


APPS = [
    FundApplication("江门甲制造有限公司", "甲5G智能工厂", "蓬江区", "benchmark", D(1_000_000), {"industrial_internet": D(1_500_000), "equipment": D(900_000)}, materials_received=ALL, subdirection_id="enterprise"),
    FundApplication("江门乙电器有限公司", "乙家电产业链协同平台", "新会区", "benchmark", D(800_000), {"software": D(1_600_000)}, materials_received=ALL, subdirection_id="platform"),
    FundApplication("江门丙五金有限公司", "丙上云上平台", "开平市", "cloud", D(450_000), {"cloud": D(600_000)}, materials_received=ALL, review_score=Decimal("91.5")),
    FundApplication("江门丁卫浴有限公司", "丁卫浴集群改造", "开平市", "cluster", D(500_000), {"cloud": D(700_000)}, cluster="水暖卫浴产业集群", materials_received=ALL),
    FundApplication("江门数字培训中心", "工业互联网人才培养", "江海区", "talent", D(900_000), {}, training_sessions=12, training_people=650, materials_received=ALL),
    FundApplication("台山戊食品有限公司", "戊食品上云", "台山市", "cloud", D(300_000), {"cloud": D(400_000)}, materials_received=ALL, review_score=Decimal("88")),
    FundApplication("鹤山己纺织有限公司", "己数字车间", "鹤山市", "benchmark", D(700_000), {"ai": D(1_200_000)}, materials_received=frozenset()),
]  # fmt: skip


@pytest.fixture
def fund_db(tmp_path: Path) -> Path:
    path = tmp_path / "江门专项.sqlite3"
    ws = create_fund_workspace(path, "江门", resource("campaigns", "2022-jiangmen-fund.toml"))
    try:
        ids = ws.repo.add_many(APPS, source="test")
        ws.repo.set_ranking(ids[:6])
        ws.repo.set_budget(D(3_000_000))
    finally:
        ws.close()
    cdb = open_city_database(path)
    try:
        import_task_list(cdb, sheet_2021(tmp_path / "2022任务清单.xlsx", 2022))  # the call's year
        import_task_list(cdb, sheet_2020(tmp_path / "2020任务清单.xlsx"))
        set_marks(cdb, f"fund:{ids[0]}", ["5G+"], [])
    finally:
        cdb.close()
    return path


def _open(qtbot: QtBot, path: Path) -> FundWindow:
    window = FundWindow(path, today=lambda: date(2021, 11, 20))
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.data is not None, timeout=15_000)
    return window


def test_board_shows_the_ranking_against_the_budget(qtbot: QtBot, fund_db: Path) -> None:
    window = _open(qtbot, fund_db)
    board = window.board
    assert "预算 3,000,000 元" in board.summary.text() and "预算线以上 4 个" in board.summary.text()
    assert board.ranked.rowCount() == 6
    assert [board.ranked.item(r, 4).text() for r in range(6)][:2] == ["甲5G智能工厂", "乙家电产业链协同平台"]
    assert [board.ranked.item(r, 8).text() for r in range(6)] == [
        "1,000,000",
        "1,800,000",
        "2,250,000",
        "2,750,000",
        "3,650,000",
        "3,950,000",
    ]
    assert board.delegate.line_after_row == 3  # the line under the fourth: 2,750,000 of 3,000,000
    assert (
        board.open.rowCount() == 1 and board.open.item(0, 8).text() == "2 个错误"
    )  # over its cap, no materials
    assert "超过本项目最高可补贴 600,000 元" in board.open.item(0, 8).toolTip()
    assert [b.label for b in board.by_direction.bars][:2] == ["工业互联网标杆示范项目", "中小企业上云上平台"]
    assert board.strip.budget == 3_000_000.0 and len(board.strip.segments) == 6
    if SHOTS.is_dir():
        window.resize(1280, 900)
        qtbot.wait(50)
        window.grab().save(str(SHOTS / "fund_board.png"))


def test_task_view_shows_progress_and_days_left(qtbot: QtBot, fund_db: Path) -> None:
    window = _open(qtbot, fund_db)
    window.tabs.setCurrentWidget(window.task_view)
    bars = window.task_view.bars
    # 江门 2020: 上云上平台 ≥ 40 (the 2022 pool's two 上云 projects count by their marks, with a caution
    # naming the year); 2022: 标杆示范 ≥ 2 (two pooled benchmark projects), 其中5G+ ≥ 1 (marked by hand).
    assert [(b.value(), b.maximum(), b.text()) for b in bars] == [
        (2, 40, "2 / 40"),
        (2, 2, "2 / 2"),
        (1, 1, "1 / 1"),
    ]
    texts = [box.title() for box in window.task_view.widget().findChildren(QGroupBox)]
    assert any("剩余 406 天" in t for t in texts) and any("已逾期 324 天" in t for t in texts)
    (caution,) = window.task_view.cautions
    assert "是2022年的活动，本任务属2020年的清单" in caution.text() and "请取消该项目的标记" in caution.text()
    if SHOTS.is_dir():
        window.resize(1100, 500)
        qtbot.wait(50)
        window.grab().save(str(SHOTS / "task_view.png"))


def test_the_launcher_opens_a_fund_database_in_its_window(qtbot: QtBot, fund_db: Path) -> None:
    launcher = Launcher()
    assert launcher.open_path(fund_db)
    (window,) = launcher.fund_windows
    assert isinstance(window, FundWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data is not None, timeout=15_000)
    assert window.windowTitle() == "2022年第二批江门市工业互联网专项资金项目 — 江门市"


def _wait_written(qtbot: QtBot, window: FundWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)


def test_budget_ranking_and_export_from_the_window(
    qtbot: QtBot, fund_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = _open(qtbot, fund_db)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("4,000,000", True))
    window.buttons["budget"].click()
    _wait_written(qtbot, window)
    assert window.data is not None and window.data.pool.budget == D(4_000_000)
    assert window.board.delegate.line_after_row == 5  # all six within 3,950,000

    window.board.ranked.selectRow(5)
    window.buttons["up"].click()
    _wait_written(qtbot, window)
    assert [window.board.ranked.item(r, 4).text() for r in (4, 5)] == ["戊食品上云", "工业互联网人才培养"]
    assert window.board.selected_ranked() == 4

    window.buttons["remove"].click()
    _wait_written(qtbot, window)
    assert window.board.ranked.rowCount() == 5 and window.board.open.rowCount() == 2
    window.board.open.selectRow(window.board.waiting_ids.index(6))
    window.buttons["add"].click()
    _wait_written(qtbot, window)
    assert window.board.ranked.item(5, 4).text() == "戊食品上云"

    window.export_to(tmp_path / "导出")
    _wait_written(qtbot, window)
    assert "已导出入库清单" in window.statusBar().currentMessage()
    assert sorted(p.suffix for p in (tmp_path / "导出").iterdir()) == [".pdf", ".xlsx"]


def test_targets_corrected_in_the_form(qtbot: QtBot, fund_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdiiot_desktop.domain.tasks.model import Target
    from gdiiot_desktop.gui.fund import window as window_module
    from gdiiot_desktop.gui.fund.target_dialog import TargetDialog

    window = _open(qtbot, fund_db)
    assert window.data is not None
    task = next(
        t for tl, _ in window.data.tasks for t in tl.of_city("江门") if t.name == "工业互联网标杆示范"
    )
    dialog = TargetDialog(task)
    qtbot.addWidget(dialog)
    assert "至少培育2个工业互联网标杆示范项目" in dialog.findChildren(QLabel)[0].text()
    assert dialog.targets() == [Target("标杆示范", 2), Target("5G+", 1, "标杆示范")]
    dialog.table.item(0, 1).setText("3")
    dialog.add_row(None)
    dialog.table.item(2, 0).setText("产业链协同")
    dialog.table.item(2, 1).setText("1")
    dialog.table.item(2, 2).setText("标杆示范")
    corrected = dialog.targets()
    assert corrected == [
        Target("标杆示范", 3),
        Target("5G+", 1, "标杆示范"),
        Target("产业链协同", 1, "标杆示范"),
    ]

    class Accepting:
        DialogCode = TargetDialog.DialogCode

        def __init__(self, *_args: object) -> None:
            pass

        def exec(self) -> TargetDialog.DialogCode:
            return TargetDialog.DialogCode.Accepted

        def targets(self) -> list[Target]:
            return corrected or []

    monkeypatch.setattr(window_module, "TargetDialog", Accepting)
    window.tabs.setCurrentWidget(window.task_view)
    window.task_view.edit_buttons[1].click()
    _wait_written(qtbot, window)
    assert [(b.value(), b.maximum()) for b in window.task_view.bars][1:] == [(2, 3), (1, 1), (0, 1)]
    if SHOTS.is_dir():
        dialog.show()
        qtbot.wait(50)
        dialog.grab().save(str(SHOTS / "target_dialog.png"))


def test_rank_by_review_score_from_the_window(qtbot: QtBot, fund_db: Path) -> None:
    window = _open(qtbot, fund_db)
    window.buttons["by_score"].click()
    _wait_written(qtbot, window)
    assert [window.board.ranked.item(r, 4).text() for r in range(window.board.ranked.rowCount())] == [
        "丙上云上平台",
        "戊食品上云",
    ]
    assert "按评审得分排序入库 2 个项目" in window.statusBar().currentMessage()


def test_link_a_pilot_database_from_the_task_view(qtbot: QtBot, fund_db: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from gdiiot_desktop.services.applications import ApplicationService
    from gdiiot_desktop.services.workspace import create_workspace
    from tests.meeting.factory import add_applications

    pilot = tmp_path / "江门试点.sqlite3"
    ws = create_workspace(pilot, "江门")
    try:
        ApplicationService(ws).set_order(add_applications(ws, 2)[:1])
    finally:
        ws.close()
    window = _open(qtbot, fund_db)
    window.tabs.setCurrentWidget(window.task_view)
    window.task_actions.link(pilot)
    qtbot.waitUntil(lambda: bool(window.data and window.data.links), timeout=15_000)
    (label,) = window.task_view.link_labels
    assert "可计入的项目 1 个" in label.text() and str(pilot) in label.text()
    assert any(p.ref == "2023-pilot/pilot:1" for p in window.data.projects)
    assert "已关联" in window.statusBar().currentMessage()

    # Linking it again is refused in Chinese and changes nothing.
    window.task_actions.link(pilot)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=15_000)
    assert "已经关联了该数据库" in window.findChild(QMessageBox, "errorBox").text()

    # The failure reads the board again; wait for that read before the next change.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("已读取"), timeout=15_000)
    window.task_actions.unlink(str(pilot))
    qtbot.waitUntil(lambda: window.data is not None and not window.data.links, timeout=15_000)
    assert window.task_view.link_labels == []
    if SHOTS.is_dir():
        window.task_actions.link(pilot)
        qtbot.waitUntil(lambda: bool(window.data and window.data.links), timeout=15_000)
        window.resize(1200, 760)
        qtbot.wait(50)
        window.grab().save(str(SHOTS / "task_view_linked.png"))

"""The review meeting window opened from the special-fund window, on a real special-fund database:
fund projects with their enterprises, the enterprise conflict, the results without a quota, the
presentation; then 按评审得分排序 ranks by the locked meeting. Screenshots go to /work/shots/fmeeting/
when that folder exists (looked at by hand)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.fund.model import FundApplication
from gdiiot_desktop.domain.meeting.model import RecusalKind
from gdiiot_desktop.gui.fund.window import FundWindow
from gdiiot_desktop.gui.meeting import MeetingWindow
from gdiiot_desktop.gui.meeting.window import PAGE_RESULTS, PAGE_SCORING, PAGE_SETUP
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.workspace import create_fund_workspace
from gdiiot_desktop.services.meeting import results, scoring, setup

SHOTS = Path("/work/shots/fmeeting")
ALL = frozenset({"application_form", "business_license", "invoices", "cluster_plan", "training_plan"})
APPS = [
    FundApplication("江门甲制造有限公司", "甲5G智能工厂改造项目", "蓬江区", "benchmark", Decimal(1_000_000), {"industrial_internet": Decimal(1_500_000), "equipment": Decimal(900_000)}, materials_received=ALL, subdirection_id="enterprise", review_score=Decimal(95)),
    FundApplication("江门丙五金有限公司", "丙五金上云上平台", "开平市", "cloud", Decimal(450_000), {"cloud": Decimal(600_000)}, materials_received=ALL, review_score=Decimal(80), contact="黄工 0750-2200333"),
    FundApplication("江门数字培训中心", "工业互联网人才培养计划", "江海区", "talent", Decimal(900_000), {}, training_sessions=12, training_people=650, materials_received=ALL, review_score=Decimal(70)),
]  # fmt: skip
EXPERTS = [("张专家", "五邑大学"), ("李专家", "江门丙五金有限公司"), ("黄工", "广东工业大学")]
POINTS = {  # project → per expert, in the rubric's order (20, 35, 25, 20); None: recused
    0: [[10, 20, 15, 10], [12, 20, 15, 10], [11, 20, 15, 10]],
    1: [[15, 30, 20, 15], None, None],
    2: [[18, 32, 22, 18], [18, 30, 22, 18], [19, 33, 23, 18]],
}


@pytest.fixture
def fund_db(tmp_path: Path) -> Path:
    """Three fund projects and a locked meeting: the enterprise's own expert and the contact recused."""
    path = tmp_path / "江门专项.sqlite3"
    ws = create_fund_workspace(path, "江门", resource("campaigns", "2022-jiangmen-fund.toml"))
    try:
        ids = ws.repo.add_many(APPS, source="test")
        ws.repo.set_budget(Decimal(1_500_000))
        info = setup.create_meeting(
            ws, title="2022年第二批专项资金评审会", held_on=date(2022, 12, 8), place="市工信局"
        )
        experts = [setup.add_expert(ws, info.id, name, org) for name, org in EXPERTS]
        for found in setup.suggested_conflicts(ws, info.id):
            setup.recuse(
                ws, info.id, found.expert_id, found.application_id, found.reason, RecusalKind.ASSIGNED
            )
        for index, per_expert in POINTS.items():
            for expert, points in zip(experts, per_expert, strict=True):
                if points is not None:
                    scoring.score(ws, info.id, expert.id, ids[index], [str(p) for p in points])
        results.lock_results(ws, info.id)
    finally:
        ws.close()
    return path


def shot(widget: object, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def test_meeting_window_from_the_fund_window(qtbot: QtBot, fund_db: Path) -> None:
    fund = FundWindow(fund_db, today=lambda: date(2022, 12, 9))
    qtbot.addWidget(fund)
    fund.show()
    fund.load()
    qtbot.waitUntil(lambda: fund.data is not None, timeout=15_000)
    assert fund.buttons["meeting"].text() == "评审会…"

    window = fund.open_meeting()
    assert isinstance(window, MeetingWindow)
    window.resize(1280, 820)
    qtbot.waitUntil(lambda: window.results_page.results is not None and not fund.runner.busy, timeout=15_000)
    assert window.ui.meetingCombo.currentText() == "2022年第二批专项资金评审会（2022-12-08）"
    assert window.ui.lockLabel.text() == "结果已锁定"

    setup_page = window.setup_page
    combo = setup_page.ui.recuseApplicationCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [a.project_name for a in APPS]
    recusals = setup_page.recusal_model._rows
    assert [(r[0], r[1], r[2]) for r in recusals] == [
        ("李专家", "丙五金上云上平台", "会议指定"),
        ("黄工", "丙五金上云上平台", "会议指定"),
    ]
    assert "江门丙五金有限公司" in recusals[0][3] and "联系人“黄工”" in recusals[1][3]
    window.ui.meetingTabs.setCurrentIndex(PAGE_SETUP)
    shot(window, "setup.png")
    window.ui.meetingTabs.setCurrentIndex(PAGE_SCORING)
    shot(window, "scoring.png")

    page = window.results_page
    rows = page.model._rows
    assert [(r[1], r[2], r[3], r[9]) for r in rows] == [
        ("工业互联网人才培养计划", "江门数字培训中心", "90.00", "建议入库"),
        ("丙五金上云上平台", "江门丙五金有限公司", "80.00", "建议入库"),
        ("甲5G智能工厂改造项目", "江门甲制造有限公司", "56.00", "建议入库"),
    ]
    assert "专项资金不设推荐指标" in page.ui.resultsSummary.text()
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "申报企业"
    assert page.ui.adoptButton.text() == "采用为入库排序"
    window.ui.meetingTabs.setCurrentIndex(PAGE_RESULTS)
    shot(window, "results.png")

    window.present()
    qtbot.waitUntil(lambda: window.presentation is not None, timeout=10_000)
    view = window.presentation
    assert view is not None
    view.showNormal()
    view.resize(1280, 800)
    assert view.ui.title.text() == "甲5G智能工厂改造项目"
    assert view.ui.applicant.text() == "江门甲制造有限公司（蓬江区）"
    assert "工业互联网标杆示范项目 · 方向一：工业企业工业互联网应用标杆" in view.ui.details.text()
    assert "申请补贴：1,000,000 元" in view.ui.details.text() and view.ui.video.isHidden()
    shot(view, "presentation.png")
    view.close()
    window.close()

    # The fund window's 按评审得分排序 takes the locked meeting's scores, not the 评审得分 field.
    qtbot.waitUntil(lambda: not fund.runner.busy, timeout=10_000)
    fund.buttons["by_score"].click()
    qtbot.waitUntil(lambda: "评审会" in fund.statusBar().currentMessage(), timeout=15_000)
    assert "2022年第二批专项资金评审会" in fund.statusBar().currentMessage()
    assert fund.board.ranked_ids == [3, 2, 1]
    shot(fund, "fund-board-after-meeting.png")
    fund.close()

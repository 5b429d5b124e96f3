"""An application typed and corrected by hand in the fund window (新建申报…, 修改… in the details), on
a real SQLite file and real widgets, saved on the window's task runner (the GUI-thread session guard
is on): a new one saved, a typo fixed, bad amount / code / county refused with the field named and
everything typed kept, a ranked one edited keeping its rank. Screenshots go to /work/shots/fgui/."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.fund.model import FundStatus
from gdiiot_desktop.gui.fund.application_form import NO_SUBDIRECTION, FundApplicationForm
from gdiiot_desktop.gui.fund.window import FundWindow
from gdiiot_desktop.gui.styles import ERROR_STYLE
from tests.gui.test_fund_window_work import (
    apps_in,
    error_boxes,
    fund_db,  # noqa: F401 - the fixture
    open_details,
    open_window,
    settled,
    shot,
)
from tests.gui.visible_text import latin_findings


def choose(combo: object, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]


def saved_or_refused(qtbot: QtBot, window: FundWindow, form: FundApplicationForm) -> None:
    qtbot.waitUntil(lambda: not form.busy, timeout=15_000)
    settled(qtbot, window)


def edits(db: Path) -> list[dict[str, object]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT entity_id, details FROM audit_log WHERE action = 'fund_edit' ORDER BY id")
        return [{"id": r[0], **json.loads(r[1])} for r in rows]


def test_a_new_application_typed_in_the_form(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    window.buttons["new"].click()
    form = window.application_form
    assert form is not None and form.isVisible() and form.windowTitle() == "新建专项资金申报项目"
    # Nothing chosen yet: the direction's fields are closed and the cap waits for a direction.
    assert not form.cluster.isEnabled() and not form.sessions.isEnabled() and not form.subdirection.isEnabled()
    assert "选择支持方向后" in form.cap_label.text()

    form.county.setEditText("恩平市")
    form.enterprise.setText("恩平庚音响有限公司")
    form.project.setText("庚音响数字化车间")
    choose(form.direction, "benchmark")
    assert form.subdirection.isEnabled() and not form.cluster.isEnabled()
    assert [form.subdirection.itemText(i) for i in range(form.subdirection.count())] == [
        NO_SUBDIRECTION, "方向一：工业企业工业互联网应用标杆", "方向二：特定行业工业互联网平台标杆"
    ]  # fmt: skip
    assert form.invest_hints["other"].text() == "不计入" and form.invest_hints["ai"].text() == "计入可补贴投入"
    choose(form.subdirection, "enterprise")
    # The cap follows the typing: 50 % of the eligible investment, 其他投入 left out.
    form.invest_edits["industrial_internet"].setText("1,000,000")
    form.invest_edits["other"].setText("500000")
    assert "最高可补贴 <b>500,000</b>" in form.cap_label.text()
    assert "总投入 <b>1,500,000</b>" in form.cap_label.text()
    form.invest_edits["equipment"].setText("200000.5")
    assert "最高可补贴 <b>600,000.25</b>" in form.cap_label.text()
    form.requested.setText("很多")
    form.contact.setText("陈六 0750-7654321")

    # A bad amount: refused, the field named and marked, everything typed still there, nothing saved.
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    assert form.isVisible()
    assert form.status_line.text().startswith("未保存：“申请补贴金额（元）”：“很多”不是金额")
    assert form.marked == ["申请补贴金额（元）"] and form.requested.styleSheet() == ERROR_STYLE
    boxes = error_boxes(form)
    assert boxes and "未保存" in boxes[0].text() and "申请补贴金额（元）" in boxes[0].informativeText()
    assert (form.requested.text(), form.enterprise.text(), form.county.currentText()) == ("很多", "恩平庚音响有限公司", "恩平市")
    assert form.invest_edits["equipment"].text() == "200000.5"
    assert len(apps_in(fund_db)) == 7
    form.resize(1040, 600)
    shot(form, "application_form_refused_amount.png")
    boxes[0].close()

    form.requested.setText("600000")
    assert "超过最高可补贴" not in form.cap_label.text()
    assert form.marked == []  # changed: the mark goes
    shot(form, "application_form_new.png")
    assert latin_findings(form) == []
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    assert not form.isVisible() and form.result_ is not None
    (new,) = [a for a in apps_in(fund_db) if a.project_name == "庚音响数字化车间"]
    assert (new.county, new.enterprise, new.direction_id, new.subdirection_id) == (
        "恩平市", "恩平庚音响有限公司", "benchmark", "enterprise"
    )  # fmt: skip
    assert new.investment == {
        "industrial_internet": Decimal("1000000.00"), "other": Decimal("500000.00"), "equipment": Decimal("200000.50")
    }  # fmt: skip
    assert new.requested == Decimal("600000.00") and (new.status, new.rank) == (FundStatus.REGISTERED, None)
    # The board read again: the new application waits among those not ranked.
    assert window.board.open.rowCount() == 2
    assert "已新增专项资金申报项目 [8] 庚音响数字化车间" in window.statusBar().currentMessage()


def test_direction_decides_the_open_fields(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    form = window.new_application()
    assert form is not None
    choose(form.direction, "talent")
    assert form.sessions.isEnabled() and form.people.isEnabled() and not form.cluster.isEnabled()
    assert "不少于 10 场、500 人" in form.direction_hint.text()
    form.sessions.setText("12")
    choose(form.direction, "cluster")
    assert form.cluster.isEnabled() and not form.sessions.isEnabled()
    assert form.sessions.text() == "12"  # kept in the closed field, saved empty
    entry = form.entry()
    assert (entry.sessions, entry.direction) == ("", "cluster")
    choose(form.direction, "talent")
    assert form.entry().sessions == "12"
    form.resize(1040, 600)
    shot(form, "application_form_talent.png")
    # Typed key by key (ASCII digits): the cap follows each keystroke — 80 % for 上云上平台.
    choose(form.direction, "cloud")
    qtbot.keyClicks(form.invest_edits["cloud"], "25000")
    assert "最高可补贴 <b>20,000</b>" in form.cap_label.text()
    qtbot.keyClicks(form.invest_edits["cloud"], "0")
    assert "最高可补贴 <b>200,000</b>" in form.cap_label.text()
    qtbot.keyClicks(form.requested, "300000")
    assert "申请补贴 300,000 元超过最高可补贴" in form.cap_label.text()
    qtbot.keyClicks(form.invest_edits["ai"], "x")
    assert "人工智能的金额有误，未计入" in form.cap_label.text()


def test_a_typo_fixed_from_the_details_keeps_rank_score_and_materials(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    dialog = open_details(qtbot, window, 3)  # 丙上云上平台: ranked 3rd, review score 91.5
    dialog.edit_button.click()
    form = dialog.form
    assert form is not None and form.isVisible()
    # Every field is filled from the application.
    assert (form.enterprise.text(), form.project.text(), form.county.currentText()) == ("江门丙五金有限公司", "丙上云上平台", "开平市")
    assert form.direction.currentData() == "cloud" and form.invest_edits["cloud"].text() == "600,000"
    assert form.requested.text() == "450,000" and "已入库（第 3 位）" in form.status_line.text()
    assert "最高可补贴 <b>480,000</b>" in form.cap_label.text()
    form.enterprise.setText("江门丙五金制品有限公司")
    shot(form, "application_form_edit.png")
    assert latin_findings(form) == []
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    settled(qtbot, window)
    assert not form.isVisible()
    assert "江门丙五金制品有限公司" in dialog.heading.text()
    assert dialog.status_line.text() == "已修改 [3] 丙上云上平台（江门丙五金制品有限公司）：企业名称"
    app = apps_in(fund_db)[2]
    assert (app.enterprise, app.status, app.rank, app.review_score) == (
        "江门丙五金制品有限公司", FundStatus.POOLED, 3, Decimal("91.5")
    )  # fmt: skip
    assert len(app.materials_received) == 5
    assert edits(fund_db) == [
        {"id": "3", "changed": {"enterprise": {"before": "江门丙五金有限公司", "after": "江门丙五金制品有限公司"}}}
    ]
    assert window.board.ranked.item(2, 3).text() == "江门丙五金制品有限公司"  # the board read again


def test_bad_code_and_county_are_refused_and_nothing_is_lost(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    dialog = open_details(qtbot, window, 1)
    form = dialog.open_form()
    assert form is not None
    form.uscc.setText("91440300MA5FUTK510")  # check character wrong
    form.county.setEditText("广州市")
    form.project.setText("甲5G智能工厂（二期）")
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    assert form.isVisible() and set(form.marked) == {"统一社会信用代码", "县（市、区）"}
    assert "（共 2 处）" in form.status_line.text()
    assert "不是江门市的县（市、区）" in form.county.toolTip() and "校验位错误" in form.uscc.toolTip()
    box = error_boxes(form)[0]
    assert "校验位错误" in box.detailedText() and "“广州市”不是江门市的县" in box.detailedText()
    assert (form.uscc.text(), form.county.currentText(), form.project.text()) == (
        "91440300MA5FUTK510", "广州市", "甲5G智能工厂（二期）"
    )  # fmt: skip
    assert apps_in(fund_db)[0].project_name == "甲5G智能工厂" and edits(fund_db) == []
    form.resize(1040, 600)
    shot(form, "application_form_refused_code_county.png")
    box.close()
    # Corrected: each mark goes as its field is changed; saved.
    form.uscc.setText("91440300MA5FUTK518")
    assert form.marked == ["县（市、区）"] and form.uscc.toolTip() == ""
    form.county.setEditText("蓬江区")
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    assert not form.isVisible() and form.marked == []
    app = apps_in(fund_db)[0]
    assert (app.uscc, app.project_name, app.rank) == ("91440300MA5FUTK518", "甲5G智能工厂（二期）", 1)


def test_a_ranked_application_whose_amount_changes_keeps_its_rank_and_is_told(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    ranked_before = list(window.board.ranked_ids)
    dialog = open_details(qtbot, window, 2)  # 乙家电产业链协同平台: ranked 2nd, 800,000 requested
    form = dialog.open_form()
    assert form is not None
    form.requested.setText("500,000")
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    settled(qtbot, window)
    text = dialog.status_line.text()
    assert "已修改 [2] 乙家电产业链协同平台（江门乙电器有限公司）：申请补贴金额" in text
    assert "该项目已入库（第 2 位），金额有改动：拟补贴由 800,000 元变为 500,000 元" in text
    assert window.board.ranked_ids == ranked_before
    app = apps_in(fund_db)[1]
    assert (app.requested, app.status, app.rank) == (Decimal("500000.00"), FundStatus.POOLED, 2)
    dialog.resize(920, 640)
    shot(dialog, "application_form_ranked_result.png")


def test_an_empty_form_names_every_field_it_needs(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    form = window.new_application()
    assert form is not None
    form.save_button.click()
    saved_or_refused(qtbot, window, form)
    assert set(form.marked) == {"企业名称", "项目名称", "县（市、区）", "支持方向", "申请补贴金额（元）"}
    assert "（共 5 处）" in form.status_line.text() and form.isVisible()
    details = error_boxes(form)[0].detailedText()
    assert "“企业名称”：不能为空" in details and "“申请补贴金额（元）”：不能为空" in details
    assert len(apps_in(fund_db)) == 7


def test_every_toolbar_button_shows_in_the_default_window(qtbot: QtBot, fund_db: Path) -> None:  # noqa: F811
    window = open_window(qtbot, fund_db)
    window.resize(1200, 720)  # the window's own default width
    qtbot.waitUntil(lambda: window.width() == 1200, timeout=5_000)
    qtbot.wait(50)  # the toolbar lays out again
    hidden = [b.text() for b in window.buttons.values() if not b.isVisible()]
    assert hidden == [] and window.buttons["new"].text() == "新建申报…"
    for button in window.buttons.values():  # the text is not cut: each is at least as wide as its words
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), button.text()

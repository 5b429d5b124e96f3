"""The bundle dialog on special-fund databases, opened from the fund window (县区数据交换…): the county
exports its fund bundle, the city previews it (the fingerprint to check by phone, the applications,
invoices and materials), imports it after confirming the fingerprint, and returns one application."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui.exchange_dialog import ExchangeDialog
from gdiiot_desktop.gui.fund.window import FundWindow
from gdiiot_desktop.services.fund.workspace import FundWorkspace, open_fund_workspace
from tests.exchange.fund_offices import Fund, fund, fund_template  # noqa: F401  (fixtures)

SHOTS = Path("/work/shots/fexchange")


def open_window(qtbot: QtBot, path: Path) -> FundWindow:
    window = FundWindow(path, today=lambda: date(2022, 11, 20))
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.data is not None and not window.runner.busy, timeout=15_000)
    return window


def exchange_of(qtbot: QtBot, window: FundWindow) -> ExchangeDialog:
    assert window.buttons["exchange"].text() == "县区数据交换…"
    dialog = window.open_exchange()
    assert isinstance(dialog, ExchangeDialog)
    dialog.resize(1100, 760)
    settle(qtbot, window)
    return dialog


def settle(qtbot: QtBot, window: FundWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    qtbot.wait(20)  # queued results reach their slots
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)


def shoot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def statuses(path: Path) -> dict[str, str]:
    ws = open_fund_workspace(path)
    try:
        return {a.project_name: a.status.value for a in ws.repo.all()}
    finally:
        ws.close()


def test_fund_bundles_through_the_dialog_of_the_fund_window(qtbot: QtBot, fund: Fund) -> None:  # noqa: F811
    county = open_window(qtbot, fund.county)
    cd = exchange_of(qtbot, county)
    assert cd.ui.exportCountyCombo.currentText() == "蓬江区" and cd.apps_model.rowCount() == 4
    out = fund.folder / "蓬江区-窗口.gdiiot"
    cd.ui.exportPathEdit.setText(str(out))
    qtbot.mouseClick(cd.ui.exportBundleButton, Qt.MouseButton.LeftButton)
    settle(qtbot, county)
    assert out.exists() and "已导出蓬江区数据包" in cd.ui.exportResultLabel.text() and "4 个附件" in cd.last_message
    county_fp = cd.ui.exportFingerprintLabel.text()
    assert county_fp == fund.county_fp
    shoot(cd, "fund-exchange-export.png")

    city = open_window(qtbot, fund.city)
    shoot(city, "fund-window-toolbar.png")
    dd = exchange_of(qtbot, city)
    dd.ui.importPathEdit.setText(str(out))
    qtbot.mouseClick(dd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
    settle(qtbot, city)
    summary = dd.ui.bundleSummaryLabel.text()
    assert "新增 4 项" in summary and "尚未确认" in summary and county_fp in summary
    assert dd.changes_model.rowCount() == 4
    dd.ui.exchangeTabs.setCurrentWidget(dd.ui.importTab)
    shoot(dd, "fund-exchange-preview.png")
    asked: list[str] = []
    dd.confirm_trust = lambda trust: asked.append(trust.label) or False  # type: ignore[method-assign]
    qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
    assert asked == ["蓬江区"] and statuses(fund.city) == {}  # said no: nothing imported
    dd.confirm_trust = lambda trust: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dd.data_changed, timeout=20_000):
        qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
    settle(qtbot, city)
    assert set(statuses(fund.city).values()) == {"registered"} and len(statuses(fund.city)) == 4
    assert "已导入蓬江区的专项资金数据包" in dd.last_message and "新附件 4 个" in dd.last_message
    assert city.data is not None and len(city.data.apps) == 4  # the board was read again
    assert "蓬江区：" + county_fp in dd.ui.pinsText.toPlainText()

    # The county corrects an application; the city sees each field with its label and values by name.
    def correct(ws: FundWorkspace) -> None:
        app = next(a for a in ws.repo.all() if a.project_name == "乙上云")
        app.investment = {"cloud": Decimal("600000"), "software": Decimal("50000.5")}
        app.requested = Decimal("450000")
        ws.repo.update(app)

    county.write(correct, lambda _r: "已修改")  # on the county window's writer (it holds the database)
    settle(qtbot, county)
    second = fund.folder / "蓬江区-窗口2.gdiiot"
    cd.ui.exportPathEdit.setText(str(second))
    qtbot.mouseClick(cd.ui.exportBundleButton, Qt.MouseButton.LeftButton)
    settle(qtbot, county)
    dd.ui.importPathEdit.setText(str(second))
    qtbot.mouseClick(dd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
    settle(qtbot, city)
    assert "有修改 1 项" in dd.ui.bundleSummaryLabel.text() and "已确认的密钥" in dd.ui.bundleSummaryLabel.text()
    parent = dd.changes_model.item(0, 0)
    rows = {parent.child(r, 0).text(): (parent.child(r, 1).text(), parent.child(r, 2).text()) for r in range(parent.rowCount())}
    assert rows["投入（按类别）"] == ("云服务 500,000 元", "云服务 600,000 元；应用软件 50,000.50 元")
    assert rows["申请补贴金额"] == ("400,000 元", "450,000 元")
    dd.ui.exchangeTabs.setCurrentWidget(dd.ui.importTab)
    shoot(dd, "fund-exchange-changes.png")
    with qtbot.waitSignal(dd.data_changed, timeout=20_000):
        qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
    settle(qtbot, city)
    assert "更新 1 项" in dd.last_message

    # The city returns one application with a reason.
    row = next(r for r in range(dd.apps_model.rowCount()) if dd.apps_model.item(r, 1).text() == "乙上云")
    dd.ui.returnAppsView.selectRow(row)
    dd.ui.returnReasonEdit.setText("缺少云服务发票原件")
    with qtbot.waitSignal(dd.data_changed, timeout=20_000):
        qtbot.mouseClick(dd.ui.markReturnButton, Qt.MouseButton.LeftButton)
    settle(qtbot, city)
    assert statuses(fund.city)["乙上云"] == "returned"
    assert "缺少云服务发票原件" in dd.ui.returnsText.toPlainText()
    back = fund.folder / "退回.gdiiot"
    dd.ui.returnCountyCombo.setCurrentText("蓬江区")
    dd.ui.returnPathEdit.setText(str(back))
    qtbot.mouseClick(dd.ui.exportReturnButton, Qt.MouseButton.LeftButton)
    settle(qtbot, city)
    assert back.exists() and "1 个项目" in dd.last_message
    dd.ui.exchangeTabs.setCurrentWidget(dd.ui.returnTab)
    shoot(dd, "fund-exchange-returns.png")

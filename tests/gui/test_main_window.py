"""The main window on a real database: header, instant search (pinyin initials too), filters, sorting,
the problems panel with its clauses, overrides recorded in the audit log, read-only second instance."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gdiiot_desktop.domain.enums import OtherChannel, Status
from gdiiot_desktop.gui import overrides
from gdiiot_desktop.gui.main_window import PAGE_BOARD, WINDOW_TITLE, MainWindow
from gdiiot_desktop.gui.models import ApplicationsModel
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from gdiiot_desktop.storage.models import AuditEntry
from tests.gui.conftest import sample, seed


def shown_ids(window: MainWindow) -> list[int]:
    proxy, model = window.proxy, window.model
    assert model is not None
    return [model.id_at(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())]


def test_window_without_a_database_offers_new_or_open(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == WINDOW_TITLE
    assert window.ui.cityLabel.text() == "未选择"
    assert window.ui.actionNewDatabase.isEnabled() and window.ui.actionOpenDatabase.isEnabled()
    assert not window.ui.actionNewApplication.isEnabled() and not window.ui.actionImport.isEnabled()
    captions = [window.findChild(QLabel, n).text() for n in ("cityCaption", "campaignCaption", "deadlineCaption", "quotaCaption")]
    assert captions == ["地市：", "申报批次：", "截止：", "推荐名额："]


def test_header_shows_city_campaign_notice_countdown_and_quota(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    ids = seed(ws, sample(ws, 8))
    central = ApplicationService(ws).get(ids[0])
    ApplicationService(ws).save(replace(central, applicant=replace(central.applicant, is_central_enterprise=True)))
    ApplicationService(ws).set_order(ids[:7])
    window = open_window(ws)
    ui = window.ui
    assert window.windowTitle() == f"{WINDOW_TITLE} — 佛山市"
    assert ui.cityLabel.text() == "佛山市"
    assert "2023年工业互联网试点示范" in ui.campaignLabel.text() and "37号" in ui.campaignLabel.text()
    assert ui.directionsNotice.isVisible() and ui.directionsNotice.text() == "方向清单未确认"
    assert ui.deadlineLabel.text() == "12月8日 17:30（还剩 10 天）"
    assert ui.quotaLabel.text() == "已推荐 6/8（另有中央企业 1 项，不占名额）"
    assert ui.quotaBar.maximum() == 8 and ui.quotaBar.value() == 6
    assert window.database_label.text() == f"数据库：{ws.db.path}"
    assert not ui.readOnlyBanner.isVisible()
    assert ui.countLabel.text() == "共 8 项"
    # Shortcuts of the common actions.
    shortcuts = {a.objectName(): a.shortcut().toString() for a in (ui.actionNewApplication, ui.actionSave, ui.actionFind, ui.actionImport, ui.actionCheck)}
    assert shortcuts == {"actionNewApplication": "Ctrl+N", "actionSave": "Ctrl+S", "actionFind": "Ctrl+F", "actionImport": "Ctrl+I", "actionCheck": "F5"}


def test_search_filters_and_sort(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], qtmodeltester) -> None:
    apps = sample(ws, 30)
    apps[3] = replace(apps[3], project_name="番禺区陶瓷智能工厂", county="禅城区")
    apps[4] = replace(apps[4], other_channel=OtherChannel.COMMUNICATIONS_ADMINISTRATION, county="顺德区")
    ids = seed(ws, apps)
    window = open_window(ws)
    ui = window.ui
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.proxy)
    total = len(ids)

    ui.searchEdit.setText("番禺区陶瓷")  # Chinese text: setText, never keyClicks
    assert shown_ids(window) == [ids[3]]
    assert ui.countLabel.text() == f"显示 1 / {total} 项"
    ui.searchEdit.clear()
    qtbot.keyClicks(ui.searchEdit, "pyqtc")  # pinyin initials of 番禺区陶瓷 (番 read "pan")
    assert ids[3] in shown_ids(window)
    ui.searchEdit.clear()
    qtbot.keyClicks(ui.searchEdit, apps[5].applicant.uscc[-8:].lower())  # part of a code, any case
    assert ids[5] in shown_ids(window)
    ui.searchEdit.clear()
    assert len(shown_ids(window)) == total

    ui.countyFilter.setCurrentIndex(ui.countyFilter.findData("顺德区"))
    assert {window.session.apps[i].county for i in shown_ids(window)} == {"顺德区"}
    ui.problemFilter.setCurrentIndex(ui.problemFilter.findData("errors"))
    assert shown_ids(window) == [ids[4]]
    ui.countyFilter.setCurrentIndex(0)
    ui.problemFilter.setCurrentIndex(0)
    category = apps[0].category_id
    ui.categoryFilter.setCurrentIndex(ui.categoryFilter.findData(category))
    assert shown_ids(window) and all(window.session.apps[i].category_id == category for i in shown_ids(window))
    ui.categoryFilter.setCurrentIndex(0)
    ui.statusFilter.setCurrentIndex(ui.statusFilter.findData(Status.RECOMMENDED.value))
    assert shown_ids(window) == []
    ui.statusFilter.setCurrentIndex(0)

    view = ui.applicationsView
    view.sortByColumn(ApplicationsModel.COL_PROBLEMS, Qt.SortOrder.AscendingOrder)
    assert shown_ids(window)[0] == ids[4]  # the one with an error first
    view.sortByColumn(ApplicationsModel.COL_PROJECT, Qt.SortOrder.DescendingOrder)
    names = [window.session.apps[i].project_name for i in shown_ids(window)]
    assert names == sorted(names, key=lambda n: n.lower(), reverse=True) or len(set(names)) < len(names)
    ui.actionFind.trigger()
    assert ui.searchEdit.hasFocus() or not window.isActiveWindow()


def test_problems_panel_jump_and_override_recorded_in_audit_log(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    apps = sample(ws, 3)
    bad = replace(apps[1], applicant=replace(apps[1].applicant, uscc=apps[1].applicant.uscc[:-1] + ("0" if apps[1].applicant.uscc[-1] != "0" else "1")))
    ids = seed(ws, [apps[0], bad, apps[2]])
    window = open_window(ws)
    ui = window.ui
    assert window.select_application(ids[1])
    model = window.violations_model
    assert model is not None
    rules = [model.violation_at(r).rule for r in range(model.rowCount())]
    assert "USCC_INVALID" in rules
    assert ui.problemsTitle.text() == f"“{bad.project_name}”的问题"
    row = rules.index("USCC_INVALID")
    ui.violationsView.selectRow(row)
    assert ui.clauseLabel.text().startswith("依据：")
    assert ui.overrideButton.isEnabled() and not ui.withdrawOverrideButton.isEnabled()
    counts_before = window.model.index(window.model.row_of(ids[1]), ApplicationsModel.COL_PROBLEMS).data()
    assert "错误 1" in counts_before

    # Jump to the field: the editor opens on the applicant tab with the code field focused.
    ui.jumpButton.click()
    editor = window.editor
    assert editor is not None
    assert editor.ui.formTabs.currentWidget() is editor.ui.applicantTab
    editor.reject()
    qtbot.waitUntil(lambda: window.editor is None)

    # Record an override with its reason.
    reason = "早期赋码的真实代码，已在国家企业信用信息公示系统核实"
    monkeypatch.setattr(overrides, "ask_override", lambda parent, violation: reason)
    session = window.session
    with qtbot.waitSignal(session.checked, timeout=5000):
        ui.overrideButton.click()
    v = next(v for v in session.by_app[ids[1]] if v.rule == "USCC_INVALID")
    assert v.override_reason == reason and not v.blocks
    assert "已说明 1" in window.model.index(window.model.row_of(ids[1]), ApplicationsModel.COL_PROBLEMS).data()
    shown = [model.violation_at(r) for r in range(model.rowCount())]
    assert any(x.rule == "USCC_INVALID" and x.override_reason == reason for x in shown)
    with ws.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "override").order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.entity_id == str(ids[1]) and entry.actor == "测试员"
        details = json.loads(entry.details)
        assert details["rule"] == "USCC_INVALID" and details["after"] == reason

    # Withdraw it again; then the whole city's problems.
    ui.violationsView.selectRow(next(r for r in range(model.rowCount()) if model.violation_at(r).rule == "USCC_INVALID"))
    assert ui.withdrawOverrideButton.isEnabled()
    with qtbot.waitSignal(session.checked, timeout=5000):
        ui.withdrawOverrideButton.click()
    assert any(v.rule == "USCC_INVALID" and v.blocks for v in session.by_app[ids[1]])
    with qtbot.waitSignal(session.checked, timeout=5000):
        ui.actionCheck.trigger()  # F5
    qtbot.waitUntil(lambda: ui.problemsScope.currentIndex() == 1)
    assert model.rowCount() == len(session.violations)
    assert ui.problemsTitle.text() == "全市的问题"


def test_quota_violation_jumps_to_the_board(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]) -> None:
    ids = seed(ws, sample(ws, 9))
    ApplicationService(ws).set_order(ids)
    window = open_window(ws)
    window.select_application(ids[8])
    model = window.violations_model
    row = next(r for r in range(model.rowCount()) if model.violation_at(r).rule == "CITY_QUOTA")
    window.ui.violationsView.selectRow(row)
    window.jump_to_selected_problem()
    assert window.ui.pages.currentIndex() == PAGE_BOARD


def test_second_instance_is_read_only_and_says_so(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path
) -> None:
    seed(ws, sample(ws, 2))
    second = open_workspace(ws.db.path)  # ws holds the lock: this one opens read-only
    assert second.read_only
    window = open_window(second)
    ui = window.ui
    assert ui.readOnlyBanner.isVisible() and "另一个程序窗口正在使用该数据库" in ui.readOnlyBanner.text()
    assert not ui.actionNewApplication.isEnabled() and not ui.actionImport.isEnabled()
    assert not window.board.ui.saveOrderButton.isEnabled() and not window.board.recommended.editable
    window.select_application(next(iter(window.session.apps)))
    editor = window.edit_application(next(iter(window.session.apps)))
    assert editor.ui.editorReadOnlyLabel.isVisible()
    assert editor.ui.projectNameEdit.isReadOnly() and not editor.ui.saveButton.isEnabled()
    assert not editor.save()
    editor.reject()
    assert window.findChild(QTableView, "applicationsView").isVisible()


def test_submission_menu_opens_the_feature_windows(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from gdiiot_desktop.gui.export_dialog import ExportDialog
    from gdiiot_desktop.gui.launcher import build_window
    from gdiiot_desktop.gui.meeting import MeetingWindow
    from gdiiot_desktop.services.workspace import create_workspace

    window = build_window(create_workspace(tmp_path / "menu.sqlite3", "韶关"))
    qtbot.addWidget(window)
    window.confirm_close = lambda: True
    qtbot.waitUntil(lambda: window.session is not None and window.session.is_loaded)
    titles = [a.text() for a in window.ui.menuSubmission.actions() if a.text()]
    assert titles == ["县区数据包…", "专家评审会…", "导出报送材料…"]
    dialog = window.open_submission()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    dialog.close()
    meeting = window.open_meeting()
    assert isinstance(meeting, MeetingWindow) and meeting.isVisible()
    meeting.close()
    from gdiiot_desktop.gui.exchange_dialog import ExchangeDialog

    bundles = window.open_bundles()
    assert isinstance(bundles, ExchangeDialog) and bundles.isVisible()
    bundles.close()

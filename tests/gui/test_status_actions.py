"""Withdraw, reinstate and delete from the main window's list: real widgets on a real database."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from gdiiot_desktop.storage.models import AuditEntry
from tests.gui.conftest import sample, seed


def _select(window: MainWindow, app_id: int) -> None:
    assert window.select_application(app_id)
    window.ui.applicationsView.setFocus()


def _wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: session.is_checked and not session.runner.busy, timeout=10_000)


def test_withdraw_then_reinstate_from_the_list(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    ids = seed(ws, sample(ws, 5))
    ApplicationService(ws).set_order(ids[:3])
    window = open_window(ws)
    ui = window.ui
    asked: list[str] = []
    window.ask_reason = lambda title, prompt: asked.append(prompt) or "企业来函放弃申报"  # type: ignore[method-assign]

    _select(window, ids[1])
    assert ui.actionWithdrawApplication.isEnabled() and not ui.actionReinstateApplication.isEnabled()
    assert ui.actionWithdrawApplication in ui.applicationsView.actions()  # in the right-click menu
    reloads: list[bool] = []
    changes: list[object] = []
    assert window.session is not None
    window.session.loaded.connect(lambda: reloads.append(True))
    window.session.applications_changed.connect(changes.append)
    ui.actionWithdrawApplication.trigger()
    _wait_idle(qtbot, window)
    # Only what the write changed comes back: the withdrawn one and the order that closed up behind it.
    assert reloads == [] and len(changes) == 1
    assert {a.id for a in changes[0].updated} == set(ids[:3]) and changes[0].order == (ids[0], ids[2])  # type: ignore[attr-defined]
    priority_column = window.model.COL_PRIORITY if window.model else 0
    assert window.model is not None
    assert window.model.index(window.model.row_of(ids[2]) or 0, priority_column).data() == "2"

    assert "推荐第2位" in asked[0]
    session = window.session
    assert session is not None
    assert session.apps[ids[1]].status is Status.WITHDRAWN
    assert [(i, session.apps[i].priority) for i in (ids[0], ids[2])] == [(ids[0], 1), (ids[2], 2)]
    row = window.model.row_of(ids[1]) if window.model else None
    assert row is not None and window.model is not None
    assert window.model.index(row, window.model.COL_STATUS).data() == "已撤回"
    assert "已撤回" in ui.statusbar.currentMessage()

    _select(window, ids[1])
    assert ui.actionReinstateApplication.isEnabled() and not ui.actionWithdrawApplication.isEnabled()
    ui.actionReinstateApplication.trigger()
    _wait_idle(qtbot, window)
    assert session.apps[ids[1]].status is Status.REGISTERED


def test_delete_key_in_the_list_deletes_with_a_reason_and_the_audit_keeps_it(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    ids = seed(ws, sample(ws, 4))
    path = ws.db.path
    window = open_window(ws)
    name = window.session.apps[ids[2]].project_name if window.session else ""
    window.ask_reason = lambda title, prompt: "重复录入"  # type: ignore[method-assign]

    # Del while typing in the search box edits the text; it never deletes a project.
    window.ui.searchEdit.setFocus()
    window.ui.searchEdit.setText("x")
    QTest.keyClick(window.ui.searchEdit, Qt.Key.Key_Delete)
    assert window.model is not None and window.model.rowCount() == 4

    window.ui.searchEdit.clear()
    _select(window, ids[2])
    QTest.keyClick(window.ui.applicationsView, Qt.Key.Key_Delete)
    _wait_idle(qtbot, window)
    assert window.model.rowCount() == 3 and window.model.row_of(ids[2]) is None
    window.close()

    reopened = open_workspace(path)
    try:
        assert ids[2] not in {a.id for a in ApplicationService(reopened).list()}
        with reopened.db.session() as db_session:
            entry = db_session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).one()
        details = json.loads(entry.details)
        assert details["reason"] == "重复录入" and details["application"]["project_name"] == name
    finally:
        reopened.close()


def test_deleting_a_recommended_application_is_refused_before_a_reason_is_asked(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    ids = seed(ws, sample(ws, 2))
    ApplicationService(ws).set_order(ids[:1])
    window = open_window(ws)
    asked: list[str] = []
    window.ask_reason = lambda title, prompt: asked.append(prompt) or "重复录入"  # type: ignore[method-assign]
    told: list[str] = []
    window.tell = lambda title, text: told.append(f"{title}：{text}")  # type: ignore[method-assign]
    _select(window, ids[0])
    window.ui.actionDeleteApplication.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "不能删除" in told[0] and "移出推荐" in told[0]
    assert asked == []  # the reason is never asked for a deletion that would be refused
    assert window.session is not None and ids[0] in window.session.apps
    # One that may be deleted is asked for its reason, then deleted.
    _select(window, ids[1])
    window.ui.actionDeleteApplication.trigger()
    qtbot.waitUntil(lambda: ids[1] not in window.session.apps, timeout=10_000)  # type: ignore[union-attr]
    assert len(asked) == 1 and len(told) == 1

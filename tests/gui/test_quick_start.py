"""Starting on an existing database: the list from the quick read first, the database opened behind it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.gui import launcher as launcher_module
from gdiiot_desktop.gui.launcher import Launcher
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.gui.models import ApplicationsModel
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace
from gdiiot_desktop.storage.quick_read import read_quick_view
from tests.gui.conftest import sample, seed


def _prepared(ws: Workspace, count: int = 12) -> tuple[Path, list[int]]:
    ids = seed(ws, sample(ws, count))
    service = ApplicationService(ws)
    service.set_order(ids[:3])
    path = ws.db.path
    ws.close()
    return path, ids


def _wait_open(qtbot: QtBot, window: MainWindow) -> None:
    def ready() -> bool:
        s = window.session
        return s is not None and s.is_checked and not s.runner.busy

    qtbot.waitUntil(ready, timeout=15_000)


def _project_column(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, ApplicationsModel.COL_PROJECT).data() for r in range(proxy.rowCount())]


def test_list_is_shown_from_the_quick_read_then_the_database_opens_behind_it(qtbot: QtBot, ws: Workspace) -> None:
    path, ids = _prepared(ws)
    launcher = Launcher()
    assert launcher.start(path, explicit=True)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    window.confirm_close = lambda: True

    # Before the database is open: every row is listed, recommended ones first in their order, nothing editable.
    assert window.session is None and window.quick_view is not None
    assert window.model is not None and window.model.rowCount() == len(ids) and not window.model.complete
    first = window.proxy.index(0, ApplicationsModel.COL_STATUS).data()
    assert first == "已推荐（第1位）"
    problems = {window.proxy.index(r, ApplicationsModel.COL_PROBLEMS).data() for r in range(len(ids))}
    assert problems == {"检查中…"}  # never "无" before the rules have run
    assert "佛山市" in window.ui.cityLabel.text() and window.ui.quotaLabel.text().startswith("已推荐 3/")
    assert not window.ui.actionNewApplication.isEnabled() and not window.ui.actionShowBoard.isEnabled()
    assert window.ui.actionFind.isEnabled() and window.ui.pages.isEnabled()
    assert not window.ui.jumpButton.isEnabled() and not window.ui.overrideButton.isEnabled()
    assert "正在打开数据库" in window.ui.statusbar.currentMessage()
    shown_before = _project_column(window)
    window.ui.applicationsView.selectRow(4)
    selected_id = window.selected_ids()[0]
    window.edit_selected()  # asked too early: told to wait, no editor
    assert window.editor is None and "稍候" in window.ui.statusbar.currentMessage()

    _wait_open(qtbot, window)

    # Opened: the same rows in the same place, now backed by Applications; the selection kept.
    assert window.quick_view is None and window.model.complete
    assert _project_column(window) == shown_before
    assert "检查中…" not in {window.proxy.index(r, ApplicationsModel.COL_PROBLEMS).data() for r in range(len(ids))}
    assert window.selected_ids() == [selected_id]
    assert window.ui.actionNewApplication.isEnabled() and window.ui.actionShowBoard.isEnabled()
    assert window.model.app_at(window.model.row_of(selected_id) or 0).id == selected_id
    window.close()


def test_search_works_on_the_quick_read(qtbot: QtBot, ws: Workspace) -> None:
    path, _ids = _prepared(ws)
    view = read_quick_view(path)
    assert view is not None
    target = view.entries[5]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_quick_view(view)
    window.ui.searchEdit.setText(target.uscc)
    expected = sorted(e.project_name for e in view.entries if e.uscc == target.uscc)
    assert sorted(_project_column(window)) == expected and target.project_name in expected


def test_quick_read_matches_the_database(ws: Workspace) -> None:
    path, ids = _prepared(ws)
    view = read_quick_view(path)
    assert view is not None
    from gdiiot_desktop.services.workspace import open_workspace

    opened = open_workspace(path)
    try:
        apps = {a.id: a for a in ApplicationService(opened).list()}
        assert view.city == opened.city and view.campaign.directions == opened.campaign.directions
        assert view.campaign.directions_confirmed == opened.campaign.directions_confirmed
    finally:
        opened.close()
    assert [e.id for e in view.entries] == sorted(ids)
    for e in view.entries:
        app = apps[e.id]
        assert (e.project_name, e.applicant_name, e.uscc, e.county) == (
            app.project_name, app.applicant.name, app.applicant.uscc, app.county,
        )  # fmt: skip
        assert (Status(e.status), e.priority, bool(e.is_central_enterprise)) == (
            app.status, app.priority, app.applicant.is_central_enterprise,
        )  # fmt: skip


def test_quick_read_declines_a_database_it_cannot_vouch_for(tmp_path: Path, ws: Workspace) -> None:
    path, _ids = _prepared(ws)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz_from_a_newer_program'")
    assert read_quick_view(path) is None  # the ordinary opening refuses it with its own message
    assert read_quick_view(tmp_path / "nothing-here.sqlite3") is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_quick_view(junk) is None


def test_a_database_that_fails_to_open_behind_the_list_is_explained(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ids = _prepared(ws)
    import gdiiot_desktop.gui.session as session_module
    from gdiiot_desktop.services.errors import ServiceError

    def broken(_path: Path) -> Any:
        raise ServiceError("数据库已损坏，请从备份恢复。")

    monkeypatch.setattr(session_module, "open_and_read", broken)
    shown: list[str] = []

    class Box:
        def __init__(self, _parent: Any, exc: BaseException, title: str) -> None:
            shown.append(f"{title}：{exc}")

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(launcher_module, "show_error", Box)
    asked: list[bool] = []
    monkeypatch.setattr(Launcher, "ask_start", lambda self, *_a, **_k: asked.append(True) or False)
    launcher = Launcher()
    assert launcher.start(path, explicit=True)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert shown and "无法打开数据库" in shown[0] and "数据库已损坏" in shown[0]
    assert launcher.window is None and not window.isVisible()  # the user gave up at the start dialog


def test_window_size_and_splitter_are_kept_between_runs(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    first = MainWindow()
    qtbot.addWidget(first)
    assert not first.restore_layout(settings)  # nothing kept yet
    first.show()
    first.resize(first.width(), 530)
    kept_height = first.height()
    first.ui.listSplitter.setSizes([300, 300])
    kept_sizes = first.ui.listSplitter.sizes()
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.restore_layout(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    second.show()
    # The height (the offscreen screen is too narrow for the window's width to tell anything).
    assert second.height() == kept_height != MainWindow().height()
    assert second.ui.listSplitter.sizes() == kept_sizes


def test_starting_the_program_does_not_load_the_orm_before_the_list_is_shown(ws: Workspace) -> None:
    path, _ids = _prepared(ws)
    code = f"""
import sys
from pathlib import Path
from gdiiot_desktop.gui.application import create_application
from gdiiot_desktop.gui.launcher import Launcher
import gdiiot_desktop.app
app = create_application()
launcher = Launcher()  # the event loop never runs here, so the opening behind the list never starts
launcher.start(Path({str(path)!r}), explicit=True)
print(launcher.window.model.rowCount(), sorted(m for m in ("sqlalchemy", "alembic", "openpyxl", "reportlab") if m in sys.modules))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "12 []"


def test_quick_start_on_a_database_another_window_holds_opens_read_only(qtbot: QtBot, ws: Workspace) -> None:
    seed(ws, sample(ws, 3))  # ws keeps the database (and its lock) open, as another program window would
    launcher = Launcher()
    assert launcher.start(ws.db.path, explicit=True) and launcher.started_quickly
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    window.confirm_close = lambda: True
    assert window.model is not None and window.model.rowCount() == 3
    _wait_open(qtbot, window)
    assert window.session is not None and window.session.read_only
    assert window.ui.readOnlyBanner.isVisible() and "另一个程序窗口正在使用该数据库" in window.ui.readOnlyBanner.text()
    assert not window.ui.actionNewApplication.isEnabled() and not window.ui.actionDeleteApplication.isEnabled()
    window.close()

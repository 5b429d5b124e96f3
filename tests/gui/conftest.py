"""GUI fixtures: a real temporary city database, and a main window on it with its list loaded."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import FrameType

import pytest
from pytestqt.qtbot import QtBot

from gdiiot_desktop.demo import generate_applications
from gdiiot_desktop.domain.model import Application
from gdiiot_desktop.gui.launcher import build_window
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.services.workspace import Workspace, create_workspace
from gdiiot_desktop.storage import database
from gdiiot_desktop.storage.repository import ApplicationRepository

GUI_CODE = str(Path(database.__file__).resolve().parents[1] / "gui")
# Window code that still reads on the GUI thread, to move onto the session's runner (issue 13). The list may
# only shrink. The launcher is not on it by oversight: it opens or creates the database before any window
# or runner exists, behind the start dialog.
GUI_THREAD_READS_TO_MOVE = {
    ("launcher.py", "ask_start"), ("launcher.py", "open_path"),
}  # fmt: skip


def refuse_gui_thread_sessions() -> None:
    """The session guard of the GUI tests: window code never opens a database session on the GUI thread
    (a test's own set-up calls, made outside gui/, may)."""
    if threading.current_thread() is not threading.main_thread():
        return
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.startswith(GUI_CODE):
            where = (Path(frame.f_code.co_filename).name, frame.f_code.co_name)
            if where in GUI_THREAD_READS_TO_MOVE:
                return
            raise AssertionError(f"database session opened on the GUI thread from {where[0]}:{frame.f_lineno} {where[1]}")
        frame = frame.f_back


@pytest.fixture(autouse=True)
def gui_thread_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "session_guard", refuse_gui_thread_sessions)


CITY = "佛山"
COUNTIES = ["禅城区", "南海区", "顺德区"]
# Before the 2023 deadline (12月8日 17:30), so the countdown runs.
CLOCK = datetime(2023, 11, 28, 9, 0)


def seed(ws: Workspace, apps: list[Application]) -> list[int]:
    """Store applications directly (fast), returning their ids."""
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        ids = []
        for app in apps:
            app_id, _ = repo.save(app, diff=False)
            for attachment in app.attachments:
                repo.add_attachment(app_id, attachment)
            ids.append(app_id)
    return ids


def sample(ws: Workspace, count: int, seed_no: int = 2023, **changes: object) -> list[Application]:
    apps = generate_applications(ws.campaign, ws.city, count, seed=seed_no, counties=COUNTIES, attachment_records=True)
    return [replace(a, **changes) for a in apps]  # type: ignore[arg-type]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_workspace(tmp_path / "佛山.sqlite3", CITY, operator="测试员")
    yield workspace
    workspace.close()  # idempotent: the window usually closed it already


@pytest.fixture
def open_window(qtbot: QtBot) -> Callable[[Workspace], MainWindow]:
    """A function that shows a main window on a workspace and waits until its list is loaded and checked."""

    def make(workspace: Workspace) -> MainWindow:
        window = build_window(workspace, clock=lambda: CLOCK)
        window.confirm_close = lambda: True
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        session = window.session
        assert session is not None
        qtbot.waitUntil(lambda: session.is_loaded and session.is_checked and not session.runner.busy, timeout=10_000)
        return window

    return make

"""A walk through every window and dialog of the program on a filled city database.

Used by the screen-fit and Chinese-text tests and by tools/screenshots.py. `tour()` yields
(name, widget) with the widget shown and laid out; the caller looks, then the next one is opened.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTabWidget, QWidget

from gdiiot_desktop.demo import demo_problems, generate_applications
from gdiiot_desktop.gui.launcher import build_window
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.services.meeting import setup
from gdiiot_desktop.services.workspace import Workspace, create_workspace
from gdiiot_desktop.storage.repository import ApplicationRepository

CITY = "佛山"
COUNTIES = ["禅城区", "南海区", "顺德区"]
CLOCK = datetime(2023, 11, 28, 9, 0)  # before the 2023 deadline


def settle(ms: int = 30) -> None:
    """Let queued events (layouts, background results) run."""
    end = time.monotonic() + ms / 1000
    while True:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.monotonic() >= end:
            break


def wait_until(condition: Callable[[], bool], timeout_s: float = 15.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not finish loading")
        settle(20)


def filled_workspace(folder: Path, count: int = 14) -> Workspace:
    """A city database with varied applications (some with problems), a recommended order and a meeting."""
    ws = create_workspace(folder / f"{CITY}.sqlite3", CITY, operator="测试员")
    apps = demo_problems(ws.campaign, generate_applications(ws.campaign, CITY, count, seed=7, counties=COUNTIES,
                                                            attachment_records=True))  # fmt: skip
    apps = [replace(a, filed_on=date(2023, 11, 20)) for a in apps]
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        ids = []
        for app in apps:
            app_id, _ = repo.save(app, diff=False)
            for attachment in app.attachments:
                repo.add_attachment(app_id, attachment)
            ids.append(app_id)
    from gdiiot_desktop.services.applications import ApplicationService

    ApplicationService(ws).set_order(ids[:4])
    meeting = setup.create_meeting(ws, title="佛山市2023年工业互联网试点示范项目推荐评审会", held_on=date(2023, 12, 5),
                                   place="市工信局三楼会议室", chair="王主任")  # fmt: skip
    for expert in (("刘专家", "佛山科学技术学院", "工业互联网"), ("周专家", "广东工业大学", "智能制造")):
        setup.add_expert(ws, meeting.id, *expert)
    setup.set_applications(ws, meeting.id, ids[:4])
    return ws


def open_main_window(ws: Workspace) -> MainWindow:
    window = build_window(ws, clock=lambda: CLOCK)
    window.confirm_close = lambda: True
    window.show()
    session = window.session
    assert session is not None
    wait_until(lambda: session.is_loaded and session.is_checked and not session.runner.busy)
    settle()
    return window


def _show(widget: QWidget) -> QWidget:
    widget.show()
    settle()
    return widget


def _close(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.done(0)
    widget.close()
    widget.deleteLater()
    settle()


def _tabs(name: str, widget: QWidget, tabs: QTabWidget) -> Iterator[tuple[str, QWidget]]:
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        settle()
        yield f"{name}-{i + 1}-{tabs.tabText(i)}", widget


def tour(ws: Workspace, *, empty_ws: Workspace | None = None) -> Iterator[tuple[str, QWidget]]:
    """Open each window in turn and yield it shown; everything opened is closed again."""
    window = open_main_window(ws)
    try:
        yield from _tabs("main", window, window.ui.pages)
        window.ui.pages.setCurrentIndex(0)
        window.select_application(min(window.session.apps))  # type: ignore[union-attr]
        editor = window.edit_application(min(window.session.apps))  # type: ignore[union-attr]
        settle()
        editor.dirty = False
        yield from _tabs("editor", editor, editor.ui.formTabs)
        editor.reject()
        settle()
        new = window.edit_application(None)
        settle()
        yield "editor-new", new
        new.dirty = False
        new.reject()
        settle()

        from gdiiot_desktop.gui.settings_dialog import SettingsDialog

        settings = SettingsDialog(window.session, window)  # type: ignore[arg-type]
        read: list[bool] = []
        settings.loaded.connect(lambda: read.append(True))
        _show(settings)
        while not read:  # the settings are read on the session's runner
            settle()
        yield from _tabs("settings", settings, settings.ui.settingsTabs)
        _close(settings)

        export = window.open_submission()
        settle(100)
        yield "export", export
        _close(export)

        bundles = window.open_bundles()
        settle()
        tabs = bundles.findChild(QTabWidget)
        if tabs is not None:
            yield from _tabs("bundles", bundles, tabs)
        else:
            yield "bundles", bundles
        _close(bundles)

        meeting = window.open_meeting()
        settle(100)
        wait_until(lambda: not meeting.busy)  # the meeting is read in the background
        settle()
        yield from _tabs("meeting", meeting, meeting.ui.meetingTabs)
        meeting.ui.meetingTabs.setCurrentIndex(0)
        meeting.present()
        wait_until(lambda: not meeting.busy)
        settle()
        if meeting.presentation is not None:
            yield "presentation", meeting.presentation
            meeting.presentation.close()
        _close(meeting)

        charts = window.open_charts()
        wait_until(lambda: charts.loaded)  # the figures are read on the session's runner
        settle()
        yield "charts", charts
        _close(charts)

        from gdiiot_desktop.gui.overrides import OverrideDialog

        violation = next((v for v in window.session.violations if v.overridable), None)  # type: ignore[union-attr]
        if violation is not None:
            override = OverrideDialog(violation, window)
            yield "override", _show(override)
            _close(override)

        from gdiiot_desktop.gui.start_dialog import StartDialog

        start = StartDialog(None, "", window)
        yield "start", _show(start)
        _close(start)

        from gdiiot_desktop.gui.crash import error_box

        crash = error_box("Traceback (most recent call last):\n  ...\nZeroDivisionError: division by zero", window)
        yield "crash", _show(crash)
        _close(crash)

        for name, make in extra_dialogs(window):
            dialog = make()
            if dialog is None:
                continue
            settle()
            yield name, dialog
            _close(dialog)
    finally:
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QMessageBox | QDialog) and top.isVisible():
                top.close()
        window.close()
        window.deleteLater()
        settle()
    if empty_ws is not None:
        empty = open_main_window(empty_ws)
        try:
            yield "main-empty", empty
        finally:
            empty.close()
            empty.deleteLater()
            settle()


def extra_dialogs(window: MainWindow) -> list[tuple[str, Callable[[], Any]]]:
    """Dialogs the main window opens from its 帮助 menu (present once that menu has them)."""
    found: list[tuple[str, Callable[[], Any]]] = []
    for name, method in (("help", "show_help"), ("about", "show_about_box"), ("campaign-editor", "new_campaign_editor")):
        fn = getattr(window, method, None)
        if fn is not None:
            found.append((name, fn))
    return found

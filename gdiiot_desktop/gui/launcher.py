"""Opens databases into windows: the start dialog, new/open database, read-only opening, restoring a backup.

Starting on an existing database is quick: the list is shown from a plain read of the file
(storage.quick_read) and the database is opened for work behind it, off the GUI thread. The
ORM, the services and the other windows are imported only when first needed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from gdiiot_desktop.gui.errors import describe, show_error
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.storage.quick_read import QuickView, read_quick_view

if TYPE_CHECKING:
    from gdiiot_desktop.domain.model import Application
    from gdiiot_desktop.gui.start_dialog import CreateChoice
    from gdiiot_desktop.gui.tasks import TaskRunner
    from gdiiot_desktop.services.workspace import Workspace


def build_window(ws: Workspace, clock: Callable[[], datetime] = datetime.now, *, load: bool = True) -> MainWindow:
    """A main window on an open workspace: runner, session and window, wired; the list loads in the background."""
    from gdiiot_desktop.gui.session import WorkspaceSession
    from gdiiot_desktop.gui.tasks import TaskRunner

    window = MainWindow()
    runner = TaskRunner(window)
    session = WorkspaceSession(ws, runner, clock=clock, parent=window)
    window.set_session(session)
    if load:
        session.load()
    return window


class Launcher(QObject):
    """Keeps the one main window and swaps the database under it when the user opens another."""

    window_shown = Signal(object)

    def __init__(self, window_settings: QSettings | None = None) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.window_settings = window_settings  # where the window's size is kept between runs (None: not kept)
        self.started_quickly = False  # whether the last start showed the quick list before opening
        self.fund_windows: list[QWidget] = []  # special-fund databases' windows (issue 14)

    # --- opening --------------------------------------------------------------------------------
    def start(self, db_path: Path, *, explicit: bool) -> bool:
        """Open `db_path` when it exists; otherwise offer to create it (or another). False when the user gave up."""
        if db_path.exists():
            view = read_quick_view(db_path)
            self.started_quickly = view is not None
            if view is not None:
                self.show_quick(view)
                return True
            if self.open_path(db_path):
                return True
            return self.ask_start(None)
        return self.ask_start(db_path if explicit else None)

    def show_quick(self, view: QuickView) -> MainWindow:
        """Show the window with the list of the quick read now; open the database for work behind it."""
        window = self._new_window()
        window.show_quick_view(view)
        window.show()
        # Started from the event loop, so the first frame is painted before this work begins.
        QTimer.singleShot(0, window, lambda: self._open_behind(window, view.path))
        self.window_shown.emit(window)
        return window

    def _open_behind(self, window: MainWindow, path: Path) -> None:
        from gdiiot_desktop.gui.tasks import Progress, TaskRunner

        runner = TaskRunner(window)

        def work(_progress: Progress) -> tuple[Workspace, list[Application]]:
            # The ORM is imported here, off the GUI thread.
            from gdiiot_desktop.gui.session import open_and_read

            return open_and_read(path)

        runner.run(
            work,
            title="正在打开数据库…",
            writes=True,
            cancellable=False,
            show_dialog=False,
            on_success=lambda result: self._opened_behind(window, runner, *result),
            on_error=lambda exc: self._failed_behind(window, exc),
        )

    def _opened_behind(self, window: MainWindow, runner: TaskRunner, ws: Workspace, apps: list[Application]) -> None:
        from gdiiot_desktop.gui.session import WorkspaceSession

        if window is not self.window or not window.isVisible():  # closed, or replaced, while it opened
            ws.close()
            return
        session = WorkspaceSession(ws, runner, parent=window)
        session.adopt(apps)
        window.set_session(session)
        window.show_status(f"已读取 {len(apps)} 个申报项目")
        if ws.read_only:
            window.show_status("数据库以只读方式打开", 15_000)
        session.check()

    def _failed_behind(self, window: MainWindow, exc: BaseException) -> None:
        """The database could not be opened after all (damaged, locked, …): say why, then offer the start dialog."""
        if window is not self.window:
            return
        window.show_status("无法打开数据库", 0)
        show_error(window, exc, "无法打开数据库").exec()
        self.ask_start(None, parent=window)  # the window stays up meanwhile: closing it would quit the program
        if self.window is window:  # the user gave up: nothing else was opened
            self.window = None
            window.confirm_close = lambda: True
            window.close()

    def ask_start(self, suggested: Path | None, message: str = "", parent: QWidget | None = None) -> bool:
        from gdiiot_desktop.gui.start_dialog import PILOT_KIND, CreateChoice, StartDialog
        from gdiiot_desktop.services import settings as settings_service
        from gdiiot_desktop.services.workspace import create_workspace

        while True:
            dialog = StartDialog(suggested, message, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
                return self.window is not None
            choice = dialog.choice
            try:
                if isinstance(choice, CreateChoice) and choice.kind != PILOT_KIND:
                    return self.create_fund(choice)
                if isinstance(choice, CreateChoice):
                    ws = create_workspace(
                        choice.path,
                        choice.city,
                        choice.campaign_file,
                        operator=choice.operator,
                        carry_applicants_from=choice.carry_applicants_from,
                    )
                    settings_service.set_operator(ws, choice.operator)
                    self.show(ws)
                    return True
                if self.open_path(choice.path):
                    return True
                message = ""
            except Exception as exc:  # noqa: BLE001 - shown to the user, who can try again
                message = describe(exc)[0]

    def open_path(self, db_path: Path) -> bool:
        from gdiiot_desktop.services.fund.workspace import is_fund_database
        from gdiiot_desktop.services.workspace import open_workspace

        if is_fund_database(db_path):
            return self.open_fund(db_path)

        try:
            ws = open_workspace(db_path)
        except Exception as exc:  # noqa: BLE001
            box = show_error(self.window, exc, "无法打开数据库")
            box.exec()
            return False
        self.show(ws)
        return True

    def open_fund(self, db_path: Path) -> bool:
        """A special-fund database (issue 14) opens in a window of its own, read off the GUI thread."""
        from gdiiot_desktop.gui.fund.window import FundWindow

        window = FundWindow(db_path)
        self.fund_windows.append(window)
        window.show()
        window.load()
        self.window_shown.emit(window)
        return True

    def create_fund(self, choice: CreateChoice) -> bool:
        """A new special-fund database, made as `gdiiot init --campaign …fund….toml` makes it, on the
        fund window's runner (off the GUI thread); the window then shows its empty board."""
        from gdiiot_desktop.gui.fund.window import FundWindow
        from gdiiot_desktop.services.fund.board import create_and_read_board

        def opener(today: date) -> Any:
            return create_and_read_board(choice.path, choice.city, choice.campaign_file, choice.operator, today)

        window = FundWindow(choice.path, opener=opener)
        self.fund_windows.append(window)
        window.show()
        window.load()
        self.window_shown.emit(window)
        return True

    def _new_window(self, ws: Workspace | None = None) -> MainWindow:
        """A main window (on `ws`, loading, when given) in the place of the current one, which is closed."""
        old = self.window
        window = build_window(ws) if ws is not None else MainWindow()
        window.new_database_requested.connect(self.new_database)
        window.open_database_requested.connect(self.open_database)
        window.settings_requested.connect(self.settings)
        if old is not None:
            window.window_settings = self.window_settings
            window.setGeometry(old.geometry())
            old.confirm_close = lambda: True
            old.close()  # closes its database; dropped with the last reference
        elif self.window_settings is not None:
            window.restore_layout(self.window_settings)
        self.window = window
        return window

    def show(self, ws: Workspace) -> MainWindow:
        window = self._new_window(ws)
        window.show()
        if ws.read_only:
            window.show_status("数据库以只读方式打开", 15_000)
        self.window_shown.emit(window)
        return window

    # --- from the window --------------------------------------------------------------------------
    # The current database stays open until the new one is; show() then closes the old window.
    def new_database(self) -> None:
        if self.window is None or self.window.confirm_close():
            self.ask_start(None, parent=self.window)

    def open_database(self) -> None:
        from gdiiot_desktop.gui.start_dialog import DB_FILTER

        name, _ = QFileDialog.getOpenFileName(self.window, "打开数据库", "", DB_FILTER)
        if name:
            self.open_other(Path(name))

    def open_other(self, path: Path) -> bool:
        window = self.window
        if window is not None and window.session is not None:
            if path.resolve() == window.session.ws.db.path.resolve():
                window.show_status("该数据库已经打开")
                return True
            if not window.confirm_close():
                return False
        return self.open_path(path)

    def settings(self) -> None:
        window = self.window
        if window is None or window.session is None:
            return
        from gdiiot_desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.session, window)
        dialog.restore_requested.connect(self.restore)
        dialog.exec()
        dialog.deleteLater()

    def restore(self, backup: Path) -> bool:
        """Close the database, put the backup in its place, open it again."""
        window = self.window
        if window is None or window.session is None:
            return False
        db_path = window.session.ws.db.path
        window.release()
        from gdiiot_desktop.services import settings as settings_service

        try:
            saved = settings_service.restore(db_path, backup)
        except Exception as exc:  # noqa: BLE001
            self.open_path(db_path)
            show_error(self.window, exc, "恢复未完成")
            return False
        self.open_path(db_path)
        if self.window is not None:
            note = f"；恢复前的数据库已备份到 {saved}" if saved else ""
            self.window.pending_status = f"已从备份 {backup.name} 恢复{note}"
            QMessageBox.information(self.window, "已恢复", f"已从备份恢复数据库。{note.lstrip('；')}")
        return True

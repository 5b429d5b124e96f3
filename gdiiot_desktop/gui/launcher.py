"""Opens databases into windows: the start dialog, new/open database, read-only opening, restoring a backup."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from gdiiot_desktop.gui.errors import describe, show_error
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.gui.session import WorkspaceSession
from gdiiot_desktop.gui.settings_dialog import SettingsDialog
from gdiiot_desktop.gui.start_dialog import DB_FILTER, StartDialog
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services import settings as settings_service
from gdiiot_desktop.services.workspace import Workspace, create_workspace, open_workspace


def build_window(ws: Workspace, clock: Callable[[], datetime] = datetime.now, *, load: bool = True) -> MainWindow:
    """A main window on an open workspace: runner, session and window, wired; the list loads in the background."""
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

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None

    # --- opening --------------------------------------------------------------------------------
    def start(self, db_path: Path, *, explicit: bool) -> bool:
        """Open `db_path` when it exists; otherwise offer to create it (or another). False when the user gave up."""
        if db_path.exists():
            if self.open_path(db_path):
                return True
            return self.ask_start(None)
        return self.ask_start(db_path if explicit else None)

    def ask_start(self, suggested: Path | None, message: str = "", parent: QWidget | None = None) -> bool:
        while True:
            dialog = StartDialog(suggested, message, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
                return self.window is not None
            choice = dialog.choice
            try:
                if choice[0] == "create":
                    ws = create_workspace(Path(choice[1]), choice[2], operator=choice[3])
                    settings_service.set_operator(ws, choice[3])
                    self.show(ws)
                    return True
                if self.open_path(Path(choice[1])):
                    return True
                message = ""
            except Exception as exc:  # noqa: BLE001 - shown to the user, who can try again
                message = describe(exc)[0]

    def open_path(self, db_path: Path) -> bool:
        try:
            ws = open_workspace(db_path)
        except Exception as exc:  # noqa: BLE001
            box = show_error(self.window, exc, "无法打开数据库")
            box.exec()
            return False
        self.show(ws)
        return True

    def show(self, ws: Workspace) -> MainWindow:
        old = self.window
        window = build_window(ws)
        window.new_database_requested.connect(self.new_database)
        window.open_database_requested.connect(self.open_database)
        window.settings_requested.connect(self.settings)
        if old is not None:
            window.setGeometry(old.geometry())
            old.confirm_close = lambda: True
            old.close()  # closes its database; dropped with the last reference
        self.window = window
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

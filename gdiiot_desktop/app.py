"""Composition root: builds the application's objects once and passes each what it needs."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from gdiiot_desktop import __version__, paths
from gdiiot_desktop.gui import crash
from gdiiot_desktop.gui.application import create_application
from gdiiot_desktop.gui.launcher import Launcher
from gdiiot_desktop.logs import log, setup_logging

SMOKE_CITY = "广州"
WINDOW_SETTINGS_FILE = "window.ini"  # the window's size and layout, in the data folder (portable mode too)


def run(db_path: Path | None = None, qt_argv: Sequence[str] | None = None, *, smoke_test: bool = False) -> int:
    """Start the GUI on db_path (default: the user's data folder) and return the exit code."""
    app = create_application(qt_argv)
    setup_logging()
    log.info("program started (%s)", __version__)
    crash.install(app)  # an unexpected exception is logged and shown, never lost
    if smoke_test:
        return smoke(app)
    explicit = db_path is not None
    path = Path(db_path).expanduser().resolve() if db_path is not None else paths.default_db_path()
    launcher = Launcher(window_settings())
    if not launcher.start(path, explicit=explicit):
        return 0
    return app.exec()


def window_settings() -> QSettings:
    return QSettings(str(paths.data_dir() / WINDOW_SETTINGS_FILE), QSettings.Format.IniFormat)


def smoke(app: object) -> int:
    """Start as a user would on a new temporary database (the quick list, then the database opened
    behind it), wait until the list is checked, exit 0 (the build test)."""
    from PySide6.QtWidgets import QApplication

    from gdiiot_desktop.services.workspace import create_workspace

    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="gdiiot-smoke-") as folder:
        path = Path(folder) / "smoke.sqlite3"
        create_workspace(path, SMOKE_CITY).close()
        launcher = Launcher()
        result = {"code": 1}

        def check() -> None:
            window = launcher.window
            session = window.session if window is not None else None
            if window is not None and window.isVisible() and session is not None and session.is_checked:
                quick = "quick list first" if launcher.started_quickly else "opened directly"
                print(f"smoke test: main window shown for {session.ws.city} ({quick}), {window.windowTitle()}", flush=True)
                result["code"] = 0
                window.confirm_close = lambda: True
                window.close()
                app.quit()

        timer = QTimer()
        timer.timeout.connect(check)
        timer.start(50)
        QTimer.singleShot(60_000, app.quit)  # never hang a build
        if launcher.start(path, explicit=True):
            app.exec()
        timer.stop()
        if launcher.window is not None:
            launcher.window.confirm_close = lambda: True
            launcher.window.close()
    print("smoke test: ok" if result["code"] == 0 else "smoke test: FAILED", file=sys.stderr if result["code"] else sys.stdout, flush=True)
    return result["code"]

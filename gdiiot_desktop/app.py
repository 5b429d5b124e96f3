"""Composition root: builds the application's objects once and passes each what it needs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gdiiot_desktop import paths
from gdiiot_desktop.gui.application import create_application
from gdiiot_desktop.gui.main_window import HeaderSource, MainWindow


def build_main_window(db_path: Path, header_source: HeaderSource | None = None) -> MainWindow:
    """The main window for one database. Services are wired in here as they arrive."""
    window = MainWindow(header_source=header_source)
    window.set_database_text(f"数据库：{db_path}")
    return window


def run(db_path: Path | None = None, qt_argv: Sequence[str] | None = None) -> int:
    """Start the GUI on db_path (default: the user's data folder) and return the exit code."""
    app = create_application(qt_argv)
    db_path = Path(db_path).expanduser().resolve() if db_path is not None else paths.default_db_path()
    window = build_main_window(db_path)
    window.show()
    return app.exec()

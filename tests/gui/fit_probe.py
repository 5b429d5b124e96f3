"""Run in a child process on a fake screen (offscreen platform with a config file): open every window
and report, as JSON, each one that does not fit the available screen area or has a button outside it.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.gui.fit_probe OUT.json
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from gdiiot_desktop.gui.application import create_application


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def buttons_outside(window: QWidget) -> list[str]:
    """Visible buttons not wholly inside the window (a button in a scroll area may scroll out of view)."""
    outside = []
    for button in window.findChildren(QAbstractButton):
        if button.window() is not window or not button.isVisibleTo(window) or in_scroll_area(button, window):
            continue
        rect = button.rect().translated(button.mapTo(window, button.rect().topLeft()))
        if not window.rect().contains(rect):
            outside.append(button.text() or button.objectName())
    return outside


def column_facts(name: str, window: QWidget) -> dict[str, object]:
    """Whether the list's 问题 column shows without scrolling, and the board's project-name widths."""
    from gdiiot_desktop.gui.board import BoardModel
    from gdiiot_desktop.gui.models import ApplicationsModel

    facts: dict[str, object] = {}
    if name == "main-1-申报项目":
        view = window.ui.applicationsView  # type: ignore[attr-defined]
        header = view.horizontalHeader()
        col = ApplicationsModel.COL_PROBLEMS
        facts["problems_column_visible"] = header.sectionViewportPosition(col) + header.sectionSize(col) <= view.viewport().width()
    if name == "main-2-推荐排序":
        board = window.board  # type: ignore[attr-defined]
        facts["board_project_widths"] = [v.columnWidth(BoardModel.COL_PROJECT) for v in board._views.values()]
    return facts


def probe(folder: Path) -> dict[str, object]:
    app = create_application(["fit_probe"])
    from gdiiot_desktop.services.workspace import create_workspace
    from tests.gui.tour import filled_workspace, tour

    area = app.primaryScreen().availableGeometry()
    report: dict[str, object] = {"screen": [area.width(), area.height()], "windows": [], "problems": [], "columns": {}}
    ws = filled_workspace(folder)
    empty = create_workspace(folder / "韶关.sqlite3", "韶关", operator="测试员")  # the first day: no project yet
    from itertools import chain

    from tests.gui.fund_tour import fund_tour

    for name, window in chain(tour(ws, empty_ws=empty), fund_tour(folder)):
        frame = window.frameGeometry()
        entry = {"name": name, "frame": [frame.x(), frame.y(), frame.width(), frame.height()]}
        report["windows"].append(entry)  # type: ignore[union-attr]
        if not area.contains(frame):
            report["problems"].append(f"{name}: {frame.width()}×{frame.height()} at ({frame.x()},{frame.y()}) "  # type: ignore[union-attr]
                                      f"outside {area.width()}×{area.height()}")
        report["columns"].update(column_facts(name, window))  # type: ignore[union-attr]
        outside = buttons_outside(window)
        if outside:
            report["problems"].append(f"{name}: buttons outside the window: {outside}")  # type: ignore[union-attr]
    ws.close()
    empty.close()
    return report


def main() -> int:
    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="gdiiot-fit-") as folder:
        report = probe(Path(folder))
    out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

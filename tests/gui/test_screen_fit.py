"""Every window and dialog fits the screens bureaus have: 1366×768 at 100 % and 125 %, and 1280×720.

Each screen is a real Qt screen of that size: a child process on the offscreen platform with a
screen configuration file (the test process's own Qt screen cannot be changed once it exists).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui import screen_fit
from gdiiot_desktop.gui.main_window import GEOMETRY_KEY, MainWindow

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1366, 768, 1.0), (1366, 768, 1.25), (1280, 720, 1.0)]


def run_probe(tmp_path: Path, width: int, height: int, scale: float) -> dict[str, object]:
    config = tmp_path / "screen.json"
    screen = {"name": "bureau", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    out = tmp_path / "report.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))
    result = subprocess.run([sys.executable, "-m", "tests.gui.fit_probe", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(("width", "height", "scale"), SCREENS, ids=["1366x768", "1366x768-125pct", "1280x720"])
def test_every_window_fits_the_screen(tmp_path: Path, width: int, height: int, scale: float) -> None:
    report = run_probe(tmp_path, width, height, scale)
    assert report["screen"] == [round(width / scale), round(height / scale)]  # the logical size Qt lays out in
    names = [w["name"] for w in report["windows"]]  # type: ignore[union-attr, index]
    # The tour really went through the windows (a tour that opened nothing would pass vacuously).
    for expected in ("main-1-申报项目", "editor-1-封面与项目", "settings-2-数据与备份", "export", "meeting-2-评分", "charts", "start", "main-empty",
                     "fund-1-入库排序与预算", "fund-2-省级任务清单", "fund-details-2-评审与状态", "fund-intake",
                     "fund-application-form", "fund-application-form-new"):
        assert expected in names
    assert report["problems"] == []
    columns = report["columns"]
    # The board's project names never collapse; at 100 % the list's 问题 column shows without scrolling.
    assert min(columns["board_project_widths"]) >= 180  # type: ignore[index]
    if scale == 1.0:
        assert columns["problems_column_visible"] is True  # type: ignore[index]


def test_a_window_larger_than_the_screen_is_shrunk_and_moved_onto_it(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    area = screen_fit.available_geometry(widget)
    widget.resize(area.width() + 500, area.height() + 400)
    widget.move(area.right() - 50, area.bottom() - 50)
    screen_fit.fit_to_screen(widget)
    assert screen_fit.fits_screen(widget)
    frame_margins = screen_fit.frame_margins(widget)
    assert widget.x() >= area.left() and widget.y() >= area.top()
    assert widget.x() + widget.width() + frame_margins.left() + frame_margins.right() <= area.right() + 1


def test_a_remembered_size_is_kept_only_as_far_as_it_fits(qtbot: QtBot, tmp_path: Path) -> None:
    big = MainWindow()
    qtbot.addWidget(big)
    area = screen_fit.available_geometry(big)
    big.resize(area.width() + 600, area.height() + 300)  # kept on a bigger screen
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue(GEOMETRY_KEY, big.saveGeometry())
    assert isinstance(settings.value(GEOMETRY_KEY), QByteArray)

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.restore_layout(settings) is True
    limit = screen_fit.max_client_size(window)
    assert window.height() <= limit.height()
    assert window.width() <= max(limit.width(), window.minimumWidth())
    # A size that fits is taken as it was.
    small = MainWindow()
    qtbot.addWidget(small)
    small.resize(small.minimumWidth(), 400)
    settings.setValue(GEOMETRY_KEY, small.saveGeometry())
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.restore_layout(settings) is True
    assert again.height() == 400

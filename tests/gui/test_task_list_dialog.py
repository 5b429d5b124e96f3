"""The province task list from the main window of a pilot database: import, progress bars with
the recommended projects marked, the report — all on the session's runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.tasks.service import set_marks, task_list_database
from gdiiot_desktop.services.workspace import Workspace
from tests.gui.conftest import sample, seed
from tests.tasks.sheets import sheet_2020

SHOTS = Path("/work/shots/fund")


def test_task_list_of_a_pilot_city(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path
) -> None:
    ids = seed(ws, sample(ws, 4))
    ApplicationService(ws).set_order(ids[:2])
    set_marks(task_list_database(ws), f"pilot:{ids[0]}", ["标杆示范", "5G+"], [])
    window = open_window(ws)
    window.actionTaskList.trigger()
    dialog = window.task_list_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.view.bars == []  # no list yet

    dialog.loaded = False
    dialog.import_file(sheet_2020(tmp_path / "2023任务清单.xlsx", 2023))  # the campaign's year
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    # 佛山 (a 2023 list laid out like 2020's): 标杆示范 ≥ 3 其中5G+ ≥ 1, and 上云上平台 ≥ 201; one recommended project marked 标杆示范 and 5G+.
    assert [(b.value(), b.maximum()) for b in dialog.view.bars] == [(1, 3), (1, 1), (0, 201)]
    assert dialog.status.text().startswith("已导入：2023年")

    dialog.loaded = False
    dialog.report_to(tmp_path / "报告")
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert sorted(p.suffix for p in (tmp_path / "报告").iterdir()) == [".pdf", ".xlsx"]
    if SHOTS.is_dir():
        dialog.resize(1000, 420)
        qtbot.wait(50)
        dialog.grab().save(str(SHOTS / "pilot_task_list.png"))

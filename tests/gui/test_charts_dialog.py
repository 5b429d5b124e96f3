"""统计图表 from the main window (视图 → 统计图表…) on a real database: the figures read on the session's
runner (the GUI-thread guard is on), the bars as counted, refreshed after a change in the list, the
PDF written from what the window shows, and the window within a 1366×768 screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.services.workspace import Workspace
from tests.charts.city import EMPTY_COUNTY, build_charts_city
from tests.gui.visible_text import latin_findings

SHOTS = Path("/work/shots/charts")


def test_charts_of_a_pilot_city(qtbot: QtBot, tmp_path: Path, open_window: Callable[[Workspace], MainWindow]) -> None:
    city = build_charts_city(tmp_path)
    window = open_window(city.ws)
    assert window.actionCharts.isEnabled() and window.actionCharts in window.ui.menuView.actions()
    assert window.actionCharts.shortcut().toString() == "Ctrl+4"
    window.actionCharts.trigger()
    dialog = window.charts_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    data = dialog.data
    assert data is not None and data.read_at.strftime("%Y-%m-%d %H:%M") == "2023-11-28 09:00"  # the session's clock
    # The quota: 9 of 佛山's 8 places, the ninth past the red line; the central enterprise outside it.
    assert dialog.quota.budget == 8.0 and dialog.quota.segments == [(1.0, True)] * 8 + [(1.0, False)]
    assert "已推荐 9 / 8 项（超出 1 项）" in dialog.quota.caption and "中央企业 1 项" in dialog.quota.caption
    assert [(b.label, b.value, b.part) for b in dialog.by_county.bars] == [
        ("禅城区", 4.0, 4.0), ("南海区", 4.0, 3.0), ("顺德区", 3.0, 3.0), (EMPTY_COUNTY, 0.0, 0.0),
    ]  # fmt: skip
    assert [(b.label, b.value, b.part) for b in dialog.by_direction.bars] == [
        (city.directions[0], 5.0, 5.0), (city.directions[1], 3.0, 2.0), (city.directions[2], 3.0, 3.0),
    ]  # fmt: skip
    assert dialog.by_category.bars[0].note == "申报 8，推荐 7" and dialog.by_category.legend
    assert data.stamp in dialog.summary.text() and "已撤回或退回 1 项" in dialog.summary.text()
    assert not dialog.tasks.isVisible() and dialog.tasks_note.isVisible()
    assert latin_findings(dialog) == []
    # 1366×768 less a taskbar: the dialog as opened fits, its charts scroll inside it.
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 40 - 39

    if SHOTS.is_dir():
        qtbot.wait(50)
        dialog.grab().save(str(SHOTS / "charts_dialog.png"))

    # A change in the main window (a recommended project withdrawn) is read again.
    stamp = data.stamp
    session = window.session
    assert session is not None
    dialog.loaded = False
    session.set_status(city.ids[0], Status.WITHDRAWN, "企业放弃申报")
    qtbot.waitUntil(lambda: dialog.loaded and dialog.data is not None and dialog.data.stamp != stamp, timeout=10_000)
    assert dialog.data.quota.counted == 8 and dialog.quota.segments == [(1.0, True)] * 8
    assert dialog.by_county.bars[0].note == "申报 3，推荐 3"

    # The PDF is what the window shows: the same stamp.
    target = tmp_path / "图表.pdf"
    task = dialog.write_pdf(target)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert dialog.written == target and target.is_file()
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert dialog.data.stamp in text and "已推荐 8 / 8 项（尚余 0 项）" in text
    assert "已导出" in dialog.summary.text()

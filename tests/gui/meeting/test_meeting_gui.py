"""The meeting window through its widgets: scoring, the presentation's keys and timer, locking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.meeting.model import RecusalKind
from gdiiot_desktop.gui.meeting import MeetingWindow
from gdiiot_desktop.gui.meeting.presentation import PresentationView
from gdiiot_desktop.gui.meeting.scoring_page import MODE_DIRECT, MODE_ROUND_1, MODE_ROUND_2
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.meeting import results, scoring, setup
from gdiiot_desktop.services.meeting.presentation import build_deck
from tests.meeting.factory import World, make_world


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = make_world(tmp_path)
    yield made
    made.ws.close()


def open_window(qtbot: QtBot, world: World) -> MeetingWindow:
    """The window on its own runner, as the main window's session would hand it one."""
    runner = TaskRunner()
    win = MeetingWindow(world.ws, runner)
    qtbot.addWidget(win)
    win.destroyed.connect(lambda: runner.shutdown(wait=True))
    win.show()
    settle(qtbot, win)
    return win


def settle(qtbot: QtBot, win: MeetingWindow) -> None:
    """Wait until every read and write the window handed to the runner is done and shown."""
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10_000)


def click(qtbot: QtBot, win: MeetingWindow, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, win)


@pytest.fixture
def window(qtbot: QtBot, world: World) -> MeetingWindow:
    return open_window(qtbot, world)


def select(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def fill(page: object, values: list[float], opinion: str = "") -> None:
    for spin, value in zip(page.spins.values(), values, strict=True):  # type: ignore[attr-defined]
        spin.setValue(value)
    page.ui.opinionEdit.setPlainText(opinion)  # type: ignore[attr-defined]


def test_scoring_through_the_widgets(qtbot: QtBot, window: MeetingWindow, world: World) -> None:
    page = window.scoring_page
    e1, e2 = world.experts[0].id, world.experts[1].id
    a = world.app_ids[0]
    select(page.ui.expertCombo, e1)
    select(page.ui.applicationCombo, a)
    page.ui.modeCombo.setCurrentIndex(MODE_DIRECT)
    fill(page, [27, 25.5, 20, 14], "创新性强，建议推荐")
    assert page.ui.totalLabel.text() == "合计：86.5 / 100"
    click(qtbot, window, page.ui.saveScoreButton)
    sheet = results.meeting_state(world.ws, world.meeting.id).score(e1, a)
    assert (
        sheet is not None and str(sheet.points["results"]) == "25.5" and sheet.opinion == "创新性强，建议推荐"
    )
    assert page.matrix_model.text(0, 1) == "86.5"
    assert "立即生效" not in page.ui.resultLabel.text() and "计入汇总" in page.ui.resultLabel.text()

    # Paper sheet keyed twice by two operators; the mismatch is listed until keyed again.
    select(page.ui.expertCombo, e2)
    page.ui.modeCombo.setCurrentIndex(MODE_ROUND_1)
    page.ui.operatorEdit.setText("录入员甲")
    fill(page, [20, 20, 20, 10], "建议推荐")
    click(qtbot, window, page.ui.saveScoreButton)
    assert page.matrix_model.text(0, 2) == "待核对"
    page.ui.modeCombo.setCurrentIndex(MODE_ROUND_2)
    page.ui.operatorEdit.setText("录入员乙")
    fill(page, [20, 21, 20, 10])
    click(qtbot, window, page.ui.saveScoreButton)
    assert page.mismatch_model.rowCount() == 1
    assert [page.mismatch_model.text(0, c) for c in (2, 3, 4)] == ["实施成效", "20", "21"]
    assert "不一致" in page.ui.resultLabel.text()
    fill(page, [20, 20, 20, 10])
    click(qtbot, window, page.ui.saveScoreButton)
    assert page.mismatch_model.rowCount() == 0
    assert page.matrix_model.text(0, 2) == "70.0"
    assert world.ws.operator == "录入员甲"  # the keying operator is not left behind


def test_recused_expert_cannot_score_in_the_widgets(qtbot: QtBot, window: MeetingWindow, world: World) -> None:
    setup.recuse(
        world.ws, world.meeting.id, world.experts[2].id, world.app_ids[1], "同一单位", RecusalKind.DECLARED
    )
    window.reload()
    settle(qtbot, window)
    page = window.scoring_page
    select(page.ui.expertCombo, world.experts[2].id)
    select(page.ui.applicationCombo, world.app_ids[1])
    assert not page.ui.saveScoreButton.isEnabled()
    assert "已回避" in page.ui.scoreNotice.text()
    assert page.matrix_model.text(1, 3) == "回避"
    select(page.ui.applicationCombo, world.app_ids[0])
    assert page.ui.saveScoreButton.isEnabled()


def test_locking_from_the_results_page(qtbot: QtBot, window: MeetingWindow, world: World) -> None:
    for expert in world.experts:
        scoring.score(world.ws, world.meeting.id, expert.id, world.app_ids[0], [25, 25, 20, 10])
    window.reload()
    settle(qtbot, window)
    page = window.results_page
    asked: list[str] = []
    page.confirm = lambda title, text: asked.append(title) or False  # type: ignore[func-returns-value]
    click(qtbot, window, page.ui.lockButton)
    assert asked == ["锁定评审结果"] and not results.meeting_state(world.ws, world.meeting.id).info.locked
    page.confirm = lambda title, text: True
    click(qtbot, window, page.ui.lockButton)
    assert results.meeting_state(world.ws, world.meeting.id).info.locked
    assert "已锁定" in page.ui.lockStatus.text() and not page.ui.lockButton.isEnabled()
    assert window.ui.lockLabel.text() == "结果已锁定"
    assert not window.scoring_page.ui.saveScoreButton.isEnabled()
    assert "已锁定" in window.scoring_page.ui.scoreNotice.text()
    assert not window.setup_page.ui.addExpertButton.isEnabled()

    click(qtbot, window, page.ui.adoptButton)
    assert [a for a in page.results.order] == [world.app_ids[0]]  # type: ignore[union-attr]

    target = world.ws.db.path.parent / "纪要.pdf"
    page.choose_file = lambda suggested: str(target)
    click(qtbot, window, page.ui.minutesButton)
    assert target.stat().st_size > 10_000


def test_presentation_keys_and_timer(qtbot: QtBot, world: World) -> None:
    setup.recuse(world.ws, world.meeting.id, world.experts[0].id, world.app_ids[1], "同一单位")
    clock = FakeClock()
    opened: list[QUrl] = []
    view = PresentationView(
        world.ws,
        build_deck(world.ws, world.meeting.id),
        clock=clock,
        open_url=lambda url: opened.append(url) or True,
    )
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    assert view.ui.counter.text() == "第 1 项 / 共 5 项"
    assert view.ui.clock.text() == "08:00" and "未开始" in view.ui.phase.text()

    for key, expected in (
        (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Space, 2), (Qt.Key.Key_Right, 3), (Qt.Key.Key_Down, 4),
        (Qt.Key.Key_PageDown, 4), (Qt.Key.Key_PageUp, 3), (Qt.Key.Key_Left, 2), (Qt.Key.Key_Up, 1),
        (Qt.Key.Key_Home, 0), (Qt.Key.Key_End, 4), (Qt.Key.Key_Home, 0),
    ):  # fmt: skip
        qtbot.keyClick(view, key)
        assert view.index == expected
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.ui.title.text() == "钢铁行业工业互联网平台"
    assert "刘专家" in view.ui.recused.text()

    qtbot.keyClick(view, Qt.Key.Key_Return)  # start
    clock.now += 61.5
    view.tick()
    assert view.ui.clock.text() == "06:59" and view.ui.phase.text() == "汇报"
    clock.now += 7 * 60  # into the questions
    view.tick()
    assert view.ui.phase.text() == "答疑" and view.ui.clock.text() == "04:59"
    clock.now += 5 * 60 + 12
    view.tick()
    assert view.ui.phase.text() == "超时" and view.ui.clock.text() == "+00:13"  # 793.5 s of 780

    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # the next one has its own timer; this one pauses
    assert view.ui.clock.text() == "08:00"
    clock.now += 100
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.ui.clock.text() == "+00:13" and "已暂停" in view.ui.phase.text()
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert view.ui.clock.text() == "08:00"

    qtbot.keyClick(view, Qt.Key.Key_V)
    assert len(opened) == 1
    played = Path(opened[0].toLocalFile())
    assert played.name == "项目视频.mp4" and played.read_bytes() == b"not really a video"

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_new_meeting_and_presentation_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    world = make_world(tmp_path / "new", experts=0, apps=2)
    try:
        win = open_window(qtbot, world)
        assert win.ui.meetingCombo.count() == 1
        click(qtbot, win, win.ui.newMeetingButton)
        assert win.ui.meetingCombo.count() == 2 and win.meeting_id == 2
        assert win.setup_page.ui.titleEdit.text().startswith("韶关市")
        win.present()
        settle(qtbot, win)
        view = win.presentation
        assert view is not None and view.isFullScreen()
        assert view.ui.counter.text() == "第 1 项 / 共 2 项"
        win.close()
        assert not view.isVisible()
    finally:
        world.ws.close()


def test_window_form_holds_the_pages_and_f5_presents(
    qtbot: QtBot, window: MeetingWindow, world: World
) -> None:
    tabs = window.ui.meetingTabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["会议设置", "评分", "结果与纪要"]
    for i, page in enumerate((window.setup_page, window.scoring_page, window.results_page)):
        assert tabs.widget(i).isAncestorOf(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.ui.meetingCombo, Qt.Key.Key_F5)
    settle(qtbot, window)
    view = window.presentation
    assert view is not None and view.isFullScreen()
    assert view.ui.counter.text() == "第 1 项 / 共 5 项"
    view.close()


def test_tabbing_through_a_score_sheet_follows_the_page(window: MeetingWindow) -> None:
    page = window.scoring_page
    ui = page.ui
    expected = [ui.expertCombo, ui.applicationCombo, ui.modeCombo, ui.operatorEdit, *page.spins.values(), ui.opinionEdit,
                ui.saveScoreButton, ui.clearScoreButton]  # fmt: skip
    assert len(page.spins) == 4
    chain = [expected[0]]
    while len(chain) < len(expected):
        chain.append(chain[-1].nextInFocusChain())
        # Skip what Tab never stops on: labels, and the line edits inside combo and spin boxes.
        while not chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus or chain[-1].focusProxy() is not None:
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain == expected

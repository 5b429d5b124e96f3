"""The review meeting window: pick or create a meeting, then set it up, score, see results, present."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.meeting import results, setup
from gdiiot_desktop.services.meeting.presentation import build_deck
from gdiiot_desktop.services.workspace import Workspace

from .presentation import PresentationView
from .results_page import ResultsPage
from .scoring_page import ScoringPage
from .setup_page import SetupPage

PAGE_SETUP, PAGE_SCORING, PAGE_RESULTS = range(3)


class MeetingWindow(QMainWindow):
    """Everything about the city's review meetings on one workspace (the main window opens it)."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._clock = clock
        self._today = today
        self.presentation: PresentationView | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle("专家评审会")
        self.resize(1280, 800)

        self.meeting_combo = QComboBox(self)
        self.meeting_combo.setObjectName("meetingCombo")
        self.meeting_combo.setMinimumWidth(420)
        self.new_button = QPushButton("新建评审会", self)
        self.new_button.setObjectName("newMeetingButton")
        self.present_button = QPushButton("放映（F5）", self)
        self.present_button.setObjectName("presentButton")
        self.lock_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("评审会：", self))
        top.addWidget(self.meeting_combo)
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.lock_label)
        top.addWidget(self.present_button)

        self.setup_page = SetupPage(workspace, self)
        self.scoring_page = ScoringPage(workspace, self)
        self.results_page = ResultsPage(workspace, self.runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.setup_page, "会议设置")
        self.tabs.addTab(self.scoring_page, "评分")
        self.tabs.addTab(self.results_page, "结果与纪要")
        self.empty = QLabel("尚未建立评审会。请点击“新建评审会”。", self)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.new_button.clicked.connect(self.new_meeting)
        self.present_button.clicked.connect(self.present)
        QShortcut(QKeySequence("F5"), self, self.present)
        self.meeting_combo.currentIndexChanged.connect(lambda _i: self.reload())
        for page in (self.setup_page, self.scoring_page, self.results_page):
            page.changed.connect(self.reload)
        read_only = workspace.read_only
        self.new_button.setEnabled(not read_only)
        self.fill_meetings()

    @property
    def meeting_id(self) -> int | None:
        data = self.meeting_combo.currentData()
        return int(data) if data is not None else None

    def fill_meetings(self, select: int | None = None) -> None:
        meetings = setup.list_meetings(self.ws)
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear()
        for m in meetings:
            self.meeting_combo.addItem(f"{m.title}（{m.held_on:%Y-%m-%d}）", m.id)
        if meetings:
            index = self.meeting_combo.findData(select if select is not None else meetings[-1].id)
            self.meeting_combo.setCurrentIndex(max(index, 0))
        self.meeting_combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the meeting again and refresh every page (a meeting has tens of rows: fast)."""
        meeting_id = self.meeting_id
        has = meeting_id is not None
        self.tabs.setVisible(has)
        self.empty.setVisible(not has)
        self.present_button.setEnabled(has)
        if meeting_id is None:
            self.lock_label.clear()
            return
        try:
            apps = ApplicationService(self.ws).list()
            res = results.compute_results(self.ws, meeting_id, apps)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            show_error(self, exc, "无法读取评审会")
            return
        by_id = {a.id: a for a in apps if a.id is not None}
        self.setup_page.set_state(res.state, by_id)
        self.scoring_page.set_state(res.state, by_id)
        self.results_page.set_results(res)
        self.lock_label.setText("结果已锁定" if res.state.info.locked else "")

    def new_meeting(self) -> None:
        city = self.ws.city
        try:
            info = setup.create_meeting(
                self.ws, title=f"{city}市{self.ws.campaign.title}评审会", held_on=self._today()
            )
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc, "未能新建评审会")
            return
        self.fill_meetings(select=info.id)
        self.tabs.setCurrentIndex(PAGE_SETUP)

    def present(self) -> PresentationView | None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        try:
            deck = build_deck(self.ws, meeting_id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc, "无法放映")
            return None
        if self.presentation is not None:
            self.presentation.close()
        self.presentation = PresentationView(self.ws, deck, clock=self._clock)
        self.presentation.showFullScreen()
        self.presentation.setFocus()
        return self.presentation

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.presentation is not None:
            self.presentation.close()
        self.runner.shutdown(wait=True)
        super().closeEvent(event)

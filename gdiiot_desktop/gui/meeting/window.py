"""The review meeting window: pick or create a meeting, then set it up, score, see results, present."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_meeting_window import Ui_MeetingWindow
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
        self.ui = Ui_MeetingWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = workspace
        self._clock = clock
        self._today = today
        self.presentation: PresentationView | None = None
        self.runner = TaskRunner(self)
        ui = self.ui
        # The pages need the workspace, so they are made here and placed in the form's tabs.
        self.setup_page = SetupPage(workspace, ui.setupTab)
        self.scoring_page = ScoringPage(workspace, ui.scoringTab)
        self.results_page = ResultsPage(workspace, self.runner, ui.resultsTab)
        ui.setupTabLayout.addWidget(self.setup_page)
        ui.scoringTabLayout.addWidget(self.scoring_page)
        ui.resultsTabLayout.addWidget(self.results_page)

        ui.newMeetingButton.clicked.connect(self.new_meeting)
        ui.presentButton.clicked.connect(self.present)
        QShortcut(QKeySequence("F5"), self, self.present)
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self.reload())
        for page in (self.setup_page, self.scoring_page, self.results_page):
            page.changed.connect(self.reload)
        ui.newMeetingButton.setEnabled(not workspace.read_only)
        self.fill_meetings()

    @property
    def meeting_id(self) -> int | None:
        data = self.ui.meetingCombo.currentData()
        return int(data) if data is not None else None

    def fill_meetings(self, select: int | None = None) -> None:
        meetings = setup.list_meetings(self.ws)
        self.ui.meetingCombo.blockSignals(True)
        self.ui.meetingCombo.clear()
        for m in meetings:
            self.ui.meetingCombo.addItem(f"{m.title}（{m.held_on:%Y-%m-%d}）", m.id)
        if meetings:
            index = self.ui.meetingCombo.findData(select if select is not None else meetings[-1].id)
            self.ui.meetingCombo.setCurrentIndex(max(index, 0))
        self.ui.meetingCombo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the meeting again and refresh every page (a meeting has tens of rows: fast)."""
        meeting_id = self.meeting_id
        has = meeting_id is not None
        self.ui.meetingTabs.setVisible(has)
        self.ui.emptyLabel.setVisible(not has)
        self.ui.presentButton.setEnabled(has)
        if meeting_id is None:
            self.ui.lockLabel.clear()
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
        self.ui.lockLabel.setText("结果已锁定" if res.state.info.locked else "")

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
        self.ui.meetingTabs.setCurrentIndex(PAGE_SETUP)

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

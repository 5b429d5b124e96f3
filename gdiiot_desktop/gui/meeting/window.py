"""The review meeting window: pick or create a meeting, then set it up, score, see results, present."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from gdiiot_desktop.domain.meeting.conflicts import SuggestedConflict
from gdiiot_desktop.domain.meeting.model import MeetingInfo
from gdiiot_desktop.domain.meeting.subjects import ReviewSubject
from gdiiot_desktop.gui.forms.ui_meeting_window import Ui_MeetingWindow
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.meeting import results, setup
from gdiiot_desktop.services.meeting.presentation import Deck, build_deck
from gdiiot_desktop.services.meeting.results import MeetingResults
from gdiiot_desktop.services.meeting.subjects import MeetingWorkspace

from .ops import run_op
from .presentation import PresentationView
from .results_page import ResultsPage
from .scoring_page import ScoringPage
from .setup_page import SetupPage

PAGE_SETUP, PAGE_SCORING, PAGE_RESULTS = range(3)


@dataclass(frozen=True)
class MeetingView:
    """Everything the pages show of one meeting, read together off the GUI thread."""

    results: MeetingResults
    apps: dict[int, ReviewSubject]
    suggestions: list[SuggestedConflict]


def read_meeting(ws: MeetingWorkspace, meeting_id: int) -> MeetingView:
    res = results.compute_results(ws, meeting_id)
    suggestions = [] if res.state.info.locked else setup.suggested_conflicts(ws, meeting_id)
    return MeetingView(res, res.subjects, suggestions)


class MeetingWindow(QMainWindow):
    """Everything about the city's review meetings on one workspace (the main window, or the
    special-fund window, opens it).

    Every read and write goes through the session's task runner (`runner`), the one writer of the
    database, so a meeting never collides with the main window's work."""

    def __init__(
        self,
        workspace: MeetingWorkspace,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = workspace
        self.runner = runner
        self._clock = clock
        self._today = today
        self._reads = 0  # a newer read supersedes an older one still under way
        self.presentation: PresentationView | None = None
        ui = self.ui
        # The pages need the workspace, so they are made here and placed in the form's tabs.
        self.setup_page = SetupPage(workspace, runner, ui.setupTab)
        self.scoring_page = ScoringPage(workspace, runner, ui.scoringTab)
        self.results_page = ResultsPage(workspace, runner, ui.resultsTab)
        ui.setupTabLayout.addWidget(self.setup_page)
        ui.scoringTabLayout.addWidget(self.scoring_page)
        ui.resultsTabLayout.addWidget(self.results_page)

        ui.newMeetingButton.clicked.connect(self.new_meeting)
        ui.presentButton.clicked.connect(self.present)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.present)
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
        run_op(
            self.runner, self, lambda: setup.list_meetings(self.ws),
            title="正在读取评审会…", error_title="无法读取评审会", writes=False,
            on_done=lambda meetings: self._show_meetings(meetings, select),
        )  # fmt: skip

    def _show_meetings(self, meetings: list[MeetingInfo], select: int | None) -> None:
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
        self._reads += 1
        read_no, ws = self._reads, self.ws
        run_op(
            self.runner, self, lambda: read_meeting(ws, meeting_id),
            title="正在读取评审会…", error_title="无法读取评审会", writes=False,
            on_done=lambda view: self._show(view) if read_no == self._reads else None,
        )  # fmt: skip

    def _show(self, view: MeetingView) -> None:
        res = view.results
        self.setup_page.set_state(res.state, view.apps, view.suggestions)
        self.scoring_page.set_state(res.state, view.apps)
        self.results_page.set_results(res)
        self.ui.lockLabel.setText("结果已锁定" if res.state.info.locked else "")

    @property
    def busy(self) -> bool:
        """Work of this window (or of the session) still under way: tests wait on it."""
        return self.runner.busy

    def new_meeting(self) -> None:
        ws, title, held_on = self.ws, f"{self.ws.city}市{self.ws.campaign.title}评审会", self._today()
        run_op(
            self.runner, self, lambda: setup.create_meeting(ws, title=title, held_on=held_on),
            title="正在新建评审会…", error_title="未能新建评审会", on_done=self._created,
        )  # fmt: skip

    def _created(self, info: MeetingInfo) -> None:
        self.fill_meetings(select=info.id)
        self.ui.meetingTabs.setCurrentIndex(PAGE_SETUP)

    def present(self) -> None:
        """Open the full-screen presentation once its deck is read (`self.presentation`)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        ws = self.ws
        run_op(
            self.runner, self, lambda: build_deck(ws, meeting_id),
            title="正在准备放映…", error_title="无法放映", writes=False, on_done=self._open_presentation,
        )  # fmt: skip

    def _open_presentation(self, deck: Deck) -> None:
        if self.presentation is not None:
            self.presentation.close()
        self.presentation = PresentationView(self.ws, deck, clock=self._clock)
        self.presentation.showFullScreen()
        self.presentation.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The runner is the session's: it goes on serving the main window.
        if self.presentation is not None:
            self.presentation.close()
        super().closeEvent(event)

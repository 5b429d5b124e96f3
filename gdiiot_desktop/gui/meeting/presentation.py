"""The full-screen projector view: one application at a time, large type, a countdown, remote keys."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from gdiiot_desktop.domain.enums import Grade
from gdiiot_desktop.domain.meeting.subjects import SubjectKind
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_meeting_presentation import Ui_MeetingPresentation
from gdiiot_desktop.services.meeting.presentation import Deck, Slide, video_copy
from gdiiot_desktop.services.meeting.subjects import MeetingWorkspace

from .countdown import OVERTIME, QUESTIONS, Countdown

# Presenter remotes send Page Up/Down (most), arrows or space; keyboards add Home/End. The form's help line lists them.
NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
TIMER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_S}

# Sizes in pixels for a 1080-line projector; scaled to the window (never below half).
SIZES = {
    "counter": 34, "title": 72, "applicant": 48, "details": 38, "problems": 34,
    "recused": 40, "video": 34, "phase": 40, "clock": 120, "help": 22,
}  # fmt: skip
STYLE = """
#presentation { background: #000000; }
QLabel { color: #ffffff; }
#counter, #help { color: #b0b0b0; }
#title { font-weight: bold; }
#applicant { color: #ffe066; }
#problems { color: #ffb3a7; }
#problems[clean="true"] { color: #7CFC8A; }
#recused { color: #9fd3ff; }
#timerBox { border: 3px solid #ffffff; border-radius: 12px; }
"""
TIMER_COLOURS = {"汇报": "#7CFC8A", QUESTIONS: "#ffe066", OVERTIME: "#ff5c5c"}


class PresentationView(QWidget):
    """Shows a deck of slides; `tick()` refreshes the countdown (a QTimer calls it; tests call it)."""

    closed = Signal()
    position_changed = Signal(int)

    def __init__(
        self,
        ws: MeetingWorkspace,
        deck: Deck,
        *,
        clock: Callable[[], float] = time.monotonic,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingPresentation()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.deck = deck
        self.index = 0
        self._open_url = open_url
        self.timers = [
            Countdown(deck.presentation_minutes * 60, deck.questions_minutes * 60, clock) for _ in deck.slides
        ]
        self.setWindowTitle(f"{deck.title} — 放映")
        # Lets the style sheet paint the black #presentation background behind the labels.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._scale = 0.0
        self._scale_fonts()
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()
        self.show_slide(0)

    # --- look -----------------------------------------------------------------------------

    def _scale_fonts(self) -> None:
        scale = round(max(0.5, min(self.width() / 1920, self.height() / 1080)), 2)
        if scale == self._scale:
            return
        self._scale = scale
        sizes = "\n".join(f"#{name} {{ font-size: {round(px * scale)}px; }}" for name, px in SIZES.items())
        self.setStyleSheet(STYLE + sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scale_fonts()
        super().resizeEvent(event)

    # --- slides ---------------------------------------------------------------------------

    @property
    def slide(self) -> Slide | None:
        return self.deck.slides[self.index] if self.deck.slides else None

    @property
    def timer(self) -> Countdown | None:
        return self.timers[self.index] if self.timers else None

    def show_slide(self, index: int) -> None:
        if not self.deck.slides:
            self.ui.counter.setText("本次评审会没有评审项目")
            return
        if self.timer is not None and index != self.index:
            self.timer.pause()  # each application keeps its own time
        self.index = max(0, min(index, len(self.deck.slides) - 1))
        slide = self.deck.slides[self.index]
        app = slide.subject
        self.ui.counter.setText(f"第 {slide.position} 项 / 共 {slide.count} 项")
        self.ui.title.setText(app.project_name)
        self.ui.applicant.setText(f"{app.applicant}（{app.county}）")
        self.ui.details.setText("\n".join(slide.facts))
        self.ui.problems.setText(_problems_text(slide))
        self.ui.problems.setProperty("clean", not slide.problems)
        self.ui.problems.style().unpolish(self.ui.problems)
        self.ui.problems.style().polish(self.ui.problems)
        names = "、".join(e.name for e in slide.recused)
        self.ui.recused.setText(f"回避专家：{names}（不参加本项目评分）" if names else "回避专家：无")
        self.ui.video.setText(
            f"视频：{slide.video.file_name}（按 V 播放）" if slide.video else "视频：未提交"
        )
        # Special-fund applications have no video to submit: say nothing rather than "未提交".
        self.ui.video.setVisible(slide.video is not None or app.kind is SubjectKind.PILOT)
        self.tick()
        self.position_changed.emit(self.index)

    def next(self) -> None:
        self.show_slide(self.index + 1)

    def previous(self) -> None:
        self.show_slide(self.index - 1)

    def tick(self) -> None:
        timer = self.timer
        if timer is None:
            return
        phase = timer.phase()
        state = "" if timer.running else ("（未开始）" if timer.elapsed() == 0 else "（已暂停）")
        self.ui.phase.setText(f"{phase}{state}")
        self.ui.clock.setText(timer.text())
        self.ui.clock.setStyleSheet(f"color: {TIMER_COLOURS[phase]};")

    def play_video(self) -> None:
        slide = self.slide
        if slide is None or slide.video is None:
            return
        try:
            path = video_copy(self.ws, slide.video)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc, "无法播放视频")
            return
        self._open_url(QUrl.fromLocalFile(str(path)))

    # --- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        timer = self.timer
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.deck.slides) - 1)
        elif key in TIMER_KEYS and timer is not None:
            timer.toggle()
            self.tick()
        elif key == Qt.Key.Key_R and timer is not None:
            timer.reset()
            self.tick()
        elif key == Qt.Key.Key_V:
            self.play_video()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Q):
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:  # type: ignore[override]
        self._ticker.stop()
        self.closed.emit()
        super().closeEvent(event)  # type: ignore[arg-type]


def _problems_text(slide: Slide) -> str:
    if not slide.problems:
        return "形式审查：未发现问题"
    lines = [f"形式审查发现 {len(slide.problems)} 个问题："]
    for v in slide.problems[:5]:
        mark = "✖" if v.grade is Grade.ERROR else "⚠"
        lines.append(f"{mark} {v.grade.label}：{v.message}")
    if len(slide.problems) > 5:
        lines.append(f"……另有 {len(slide.problems) - 5} 个")
    return "\n".join(lines)

"""Bar charts painted with QPainter, shared by the main window's 统计图表 and the special-fund board.

Qt Charts is in PySide6-Addons, which the program does not ship (it pins PySide6-Essentials), and a
few bars do not justify a plotting library (matplotlib would add tens of MB to the Windows folder)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#4472C4")
LIGHT = QColor("#BDD7EE")  # the whole of a bar whose darker part is a subset (applied, of which recommended)
DIM = QColor("#BFBFBF")
LINE = QColor("#C00000")
ALT = QColor("#2F5597")
TEXT = QColor("#262626")


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float  # display only
    note: str = ""
    dimmed: bool = False
    part: float | None = None  # a darker inner part from the start (e.g. recommended among applied)


class BarChart(QWidget):
    """Horizontal bars, one a row, with an optional vertical limit line (a budget, a quota) and an
    optional legend line under the title (for bars with a darker part)."""

    ROW = 24
    LEGEND = 18

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[ChartBar] = []
        self.limit: float | None = None
        self.limit_label = ""
        self.legend: list[tuple[QColor, str]] = []
        self.notes_at_end = False  # every note after the whole scale (fractions against a target line)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(
        self,
        bars: Sequence[ChartBar],
        limit: float | None = None,
        limit_label: str = "",
        legend: Sequence[tuple[QColor, str]] = (),
    ) -> None:
        self.bars = list(bars)
        self.limit, self.limit_label = limit, limit_label
        self.legend = list(legend)
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def _top(self) -> int:
        return 30 + 14 + (self.LEGEND if self.legend else 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, self._top() + 4 + self.ROW * max(len(self.bars), 1))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(0, 0, self.width(), 22),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        label_w = max([metrics.horizontalAdvance(b.label) for b in self.bars] + [40]) + 12
        note_w = max([metrics.horizontalAdvance(b.note) for b in self.bars] + [0]) + 12
        span = max(self.width() - label_w - note_w - 8, 20)
        biggest = max([b.value for b in self.bars] + [self.limit or 0, 1e-9])
        top = self._top()
        x = 0.0
        for color, text in self.legend:
            painter.fillRect(QRectF(x, 26, 12, 12), color)
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(x + 16, 22, 400, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
            )
            x += 16 + metrics.horizontalAdvance(text) + 18
        for i, bar in enumerate(self.bars):
            y = top + i * self.ROW
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(0, y, label_w - 8, self.ROW - 6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                bar.label,
            )
            length = span * bar.value / biggest
            if bar.part is None:
                painter.fillRect(
                    QRectF(label_w, y + 3, max(length, 1), self.ROW - 12), DIM if bar.dimmed else BAR
                )
            else:
                painter.fillRect(QRectF(label_w, y + 3, max(length, 1), self.ROW - 12), LIGHT)
                if bar.part > 0:
                    painter.fillRect(QRectF(label_w, y + 3, span * bar.part / biggest, self.ROW - 12), BAR)
            painter.drawText(
                QRectF(label_w + (span if self.notes_at_end else length) + 6, y, note_w + 40, self.ROW - 6),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.note,
            )
        if self.limit is not None:
            x = label_w + span * self.limit / biggest
            pen = QPen(LINE, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(x), top - 4, int(x), top + self.ROW * len(self.bars))
            painter.setPen(LINE)
            painter.drawText(
                QRectF(x - 150, top - 20, 300, 16), Qt.AlignmentFlag.AlignHCenter, self.limit_label
            )
        painter.end()


class BudgetStrip(QWidget):
    """The ranking as one strip: each project's proposed subsidy a segment in rank order, those below
    the budget line grey, and the budget as a red line — the running total against the budget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[tuple[float, bool]] = []  # (amount, within budget)
        self.budget: float | None = None
        self.caption = ""
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_segments(
        self, segments: Sequence[tuple[float, bool]], budget: float | None, caption: str
    ) -> None:
        self.segments, self.budget, self.caption = list(segments), budget, caption
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        total = sum(a for a, _ in self.segments)
        biggest = max(total, self.budget or 0, 1e-9)
        width = self.width() - 16
        x = 8.0
        y, h = 22.0, 22.0
        painter.setPen(QPen(QColor("#7F7F7F"), 1))
        painter.drawRect(QRectF(8, y, width, h))
        for i, (amount, within) in enumerate(self.segments):
            w = width * amount / biggest
            color = (BAR if i % 2 == 0 else ALT) if within else DIM
            painter.fillRect(QRectF(x, y + 1, w, h - 1), color)
            x += w
        if self.budget is not None:
            bx = 8 + width * self.budget / biggest
            painter.setPen(QPen(LINE, 3))
            painter.drawLine(int(bx), int(y - 6), int(bx), int(y + h + 6))
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(8, 0, width, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.caption
        )
        painter.end()

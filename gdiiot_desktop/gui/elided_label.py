"""A label that shortens its text with "…" when narrow (the full text in its tooltip), so a long
campaign title never makes the window wider than a small screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_CHARS = 6  # narrowest: about six characters and the ellipsis


class ElidedLabel(QLabel):
    """Plain text only; sizeHint is the full text, the minimum a few characters."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        width = self.fontMetrics().horizontalAdvance("中" * MIN_CHARS + "…")
        return QSize(min(hint.width(), width), hint.height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tip()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._tip()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _tip(self) -> None:
        # The full text as the tooltip only while it does not fit (a caller's own tooltip is kept otherwise).
        if self.is_elided():
            self.setToolTip(self.text())
        elif self.toolTip() == self.text():
            self.setToolTip("")

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


def replace_with_elided(label: QLabel) -> ElidedLabel:
    """Put an ElidedLabel in `label`'s place in its layout (same name, text, tooltip and style)."""
    parent = label.parentWidget()
    elided = ElidedLabel(label.text(), parent)
    elided.setObjectName(label.objectName())
    elided.setToolTip(label.toolTip())
    elided.setStyleSheet(label.styleSheet())
    elided.setTextInteractionFlags(label.textInteractionFlags())
    layout = parent.layout() if parent is not None else None
    if layout is not None:
        layout.replaceWidget(label, elided)
    for buddy_owner in parent.findChildren(QLabel) if parent is not None else []:
        if buddy_owner.buddy() is label:
            buddy_owner.setBuddy(elided)
    label.hide()
    label.setParent(None)
    label.deleteLater()
    return elided

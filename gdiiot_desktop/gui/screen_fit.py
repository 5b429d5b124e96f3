"""Windows that fit the screen a bureau has (1366×768 laptops, 125 % scaling, 1280×720 projectors).

One application-wide event filter sees every window and dialog as it is shown: it shrinks it to the
screen's available area (taskbar excluded) and moves it fully onto that screen. Forms too tall for
a small screen put their content in scroll areas (`scrollable_tabs`), so no button is ever off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

# Before a window is first shown Qt does not know its frame; Windows 10/11 at 100 %: ~31 px title, 8 px borders.
FRAME_ALLOWANCE = QMargins(8, 31, 8, 8)
FITTED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog)


def frame_margins(widget: QWidget) -> QMargins:
    """The window frame around `widget`: measured once it has been shown, else the Windows allowance."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    if frame != inner:
        return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                        frame.right() - inner.right(), frame.bottom() - inner.bottom())  # fmt: skip
    return FRAME_ALLOWANCE


def available_geometry(widget: QWidget) -> QRect:
    """The usable area (taskbar excluded) of the screen the window is on, or will open on."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def max_client_size(widget: QWidget) -> QSize:
    """The largest size the window's content can have with its frame still on the screen."""
    area, m = available_geometry(widget), frame_margins(widget)
    return QSize(area.width() - m.left() - m.right(), area.height() - m.top() - m.bottom())


def fits_screen(widget: QWidget, size: QSize | None = None) -> bool:
    """Whether the window (at `size`, default its current size) fits the available screen area."""
    size = size or widget.size()
    limit = max_client_size(widget)
    return size.width() <= limit.width() and size.height() <= limit.height()


def fit_to_screen(widget: QWidget) -> None:
    """Shrink the window to the available area and move its frame fully onto it."""
    if widget.windowState() & (Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized):
        return
    area, m = available_geometry(widget), frame_margins(widget)
    limit = max_client_size(widget)
    size = widget.size().boundedTo(limit).expandedTo(widget.minimumSize())
    if size != widget.size():
        widget.resize(size)
    frame_w, frame_h = size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom()
    pos = widget.pos()  # a window's pos() is its frame's top-left
    x = max(area.left(), min(pos.x(), area.right() + 1 - frame_w))
    y = max(area.top(), min(pos.y(), area.bottom() + 1 - frame_h))
    if (x, y) != (pos.x(), pos.y()):
        widget.move(x, y)


class ScreenFitter(QObject):
    """Application event filter: every window and dialog is fitted to the screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or event.type() != QEvent.Type.Show:
            return False
        if watched.isWindow() and watched.windowType() in FITTED_TYPES:
            fit_to_screen(watched)
        return False


def install(app: QApplication) -> ScreenFitter:
    """Install the fitter once per application (kept as the application's child)."""
    existing = app.findChild(ScreenFitter)
    if existing is not None:
        return existing
    fitter = ScreenFitter(app)
    app.installEventFilter(fitter)
    return fitter


def scrollable_tabs(tabs: QTabWidget) -> None:
    """Let each page of `tabs` scroll: a tall form no longer makes the window taller than the screen.

    The page stays the tab's widget (callers compare with it); its layout and widgets move into a
    frameless scroll area inside it."""
    for i in range(tabs.count()):
        page = tabs.widget(i)
        layout = page.layout() if page is not None else None
        if page is None or layout is None or page.findChild(QScrollArea, f"{page.objectName()}Scroll") is not None:
            continue
        inner = QWidget()
        inner.setObjectName(f"{page.objectName()}Content")
        inner.setLayout(layout)  # takes the layout and reparents its widgets
        area = QScrollArea(page)
        area.setObjectName(f"{page.objectName()}Scroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(inner)
        holder = QVBoxLayout(page)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(area)


def scroll_to(widget: QWidget) -> None:
    """Scroll every scroll area holding `widget` so that it shows."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()

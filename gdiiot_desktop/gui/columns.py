"""Table columns that share the width sensibly: names take what is left, never below a readable width;
short columns keep the width their content needs. When even the minimums do not fit, the table
scrolls sideways instead of squeezing a name to "…"."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFitter(QObject):
    """Keeps `names` (column -> minimum width) sharing the free width of `view`; other columns as set."""

    def __init__(self, view: QTableView, names: Mapping[int, int], fixed: Mapping[int, int] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.names = dict(names)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in (fixed or {}).items():
            view.setColumnWidth(col, width)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized_by_user)
        self._fitting = False
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._pending.start()
        return False

    def _resized_by_user(self, col: int, _old: int, _new: int) -> None:
        # A short column widened or narrowed by hand: the names take up the difference.
        if not self._fitting and col not in self.names:
            self._pending.start()

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        model = view.model()
        if model is None:
            return
        shown_names = {c: w for c, w in self.names.items() if not view.isColumnHidden(c) and c < header.count()}
        others = sum(header.sectionSize(c) for c in range(header.count()) if c not in shown_names and not view.isColumnHidden(c))
        free = view.viewport().width() - others
        total_min = sum(shown_names.values())
        self._fitting = True
        try:
            for col, minimum in shown_names.items():
                width = minimum if free <= total_min else int(free * minimum / total_min)
                view.setColumnWidth(col, max(minimum, width))
        finally:
            self._fitting = False

"""统计图表 of a pilot-recommendation database: the quota's use, applications by county, category and
direction (applied vs recommended), the task list's progress; and the same figures as a PDF.

The figures are read and counted off the GUI thread on the session's runner and shown as one frozen
`PilotCharts`; the PDF is written from that same object, so it prints what the window shows, with
the time it was read. The dialog reads again whenever the session reports a change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.gui.charts import BAR, LIGHT, BarChart, BudgetStrip, ChartBar
from gdiiot_desktop.gui.errors import show_error

if TYPE_CHECKING:
    from gdiiot_desktop.gui.session import WorkspaceSession
    from gdiiot_desktop.services.pilot_charts import Count, PilotCharts

LEGEND = ((LIGHT, "申报项目（已登记和已推荐）"), (BAR, "其中已推荐"))
NOTE_STYLE = "color: #595959;"


def count_bars(counts: tuple[Count, ...]) -> list[ChartBar]:
    return [
        ChartBar(
            c.label, float(c.applied), f"申报 {c.applied}，推荐 {c.recommended}", part=float(c.recommended)
        )
        for c in counts
    ]


class ChartsDialog(QDialog):
    """The 统计图表 window (视图 → 统计图表…): non-modal, so the list stays usable beside it."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.data: PilotCharts | None = None
        self.loaded = False  # tests wait on it
        self.reading = False
        self.stale = False  # a change came while reading: read again when done
        self.written: Path | None = None  # the last PDF written
        self.setWindowTitle(f"统计图表 — {session.ws.city}市")
        self.summary = QLabel("正在读取…")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton("刷新")
        self.refresh_button.setToolTip("按数据库当前的数据重新统计")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton("导出 PDF…")
        self.pdf_button.setToolTip(
            "把这些图表存为 PDF（注明数据时间、申报批次和编号），可打印或附在汇报材料中"
        )
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.pdf_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.pdf_button)

        self.quota_title = QLabel("<b>推荐名额使用</b>")
        self.quota = BudgetStrip()
        self.quota_note = QLabel()
        self.quota_note.setWordWrap(True)
        self.quota_note.setStyleSheet(NOTE_STYLE)
        self.by_county = BarChart("各县（市、区）申报和推荐")
        self.by_category = BarChart("各类别申报和推荐")
        self.by_direction = BarChart("各方向申报和推荐（只列有申报的方向）")
        self.tasks = BarChart("省级任务清单完成进度")
        self.tasks.notes_at_end = True
        self.tasks_note = QLabel("尚未导入省级任务清单（文件 → 省级任务清单…）。")
        self.tasks_note.setStyleSheet(NOTE_STYLE)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(14)
        grid.addWidget(self.quota_title, 0, 0, 1, 2)
        grid.addWidget(self.quota, 1, 0, 1, 2)
        grid.addWidget(self.quota_note, 2, 0, 1, 2)
        grid.addWidget(self.by_county, 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.by_category, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.by_direction, 4, 0, 1, 2)
        grid.addWidget(self.tasks, 5, 0, 1, 2)
        grid.addWidget(self.tasks_note, 6, 0, 1, 2)
        grid.setRowStretch(7, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll_area = scroll

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.resize(1040, 660)  # fits 1366×768 with the taskbar; the screen-fit filter shrinks it further
        for signal in (session.loaded, session.order_saved, session.application_saved, session.applications_changed,
                       session.campaign_changed):  # fmt: skip
            signal.connect(self._changed)

    # --- reading ------------------------------------------------------------------------------
    def _changed(self, *_args: Any) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read and count again on the session's runner (never on the GUI thread)."""
        if self.reading:
            self.stale = True
            return
        from gdiiot_desktop.services.pilot_charts import read_pilot_charts

        self.reading = True
        self.refresh_button.setEnabled(False)
        ws, now = self.session.ws, self.session.clock()
        self.runner.run(
            lambda _p: read_pilot_charts(ws, now),
            title="正在统计…",
            show_dialog=False,
            on_success=self._show,
            on_error=self._failed,
        )

    def _done_reading(self) -> None:
        self.reading = False
        self.refresh_button.setEnabled(True)
        if self.stale:
            self.stale = False
            self.refresh()

    def _show(self, data: PilotCharts) -> None:
        from gdiiot_desktop.services.pilot_charts import quota_segments

        self.data = data
        quota = data.quota
        self.summary.setText(
            f"<b>{data.city}</b>　{data.campaign_title}（{data.notice}）<br>"
            f"在册申报 {data.applied} 项，其中已推荐 {data.recommended} 项"
            + (f"；已撤回或退回 {data.withdrawn} 项，不计入图表" if data.withdrawn else "")
            + f"<br>数据时间 {data.read_at:%Y-%m-%d %H:%M}　编号 {data.stamp}"
        )
        self.quota.set_segments(
            quota_segments(quota), float(quota.limit), f"{quota.text}；红线为名额 {quota.limit} 项"
        )
        self.quota_note.setText(
            f"每格一个占名额的推荐项目（按推荐顺序）：{quota.region}城市最多推荐 {quota.limit} 项"
            + ("（计划单列市直接报送）" if quota.direct else "")
            + "，红线以后的灰格超出名额；中央企业不占属地指标（通知 三(二)）。"
        )
        self.by_county.set_bars(count_bars(data.by_county), legend=LEGEND)
        self.by_category.set_bars(count_bars(data.by_category), legend=LEGEND)
        self.by_direction.set_bars(count_bars(data.by_direction), legend=LEGEND)
        self.by_direction.setVisible(bool(data.by_direction))
        self.tasks.set_bars(
            [
                ChartBar(
                    t.label,
                    t.fraction,
                    f"{t.done} / {t.target}" + ("（已完成）" if t.done >= t.target else ""),
                )
                for t in data.tasks
            ],
            limit=1.0,
            limit_label="目标",
        )
        self.tasks.setVisible(bool(data.tasks))
        self.tasks_note.setVisible(not data.tasks)
        self.pdf_button.setEnabled(True)
        self.loaded = True
        self._done_reading()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("统计未完成")
        self._done_reading()
        show_error(self, exc, "统计图表").exec()

    # --- the PDF ----------------------------------------------------------------------------------
    def ask_pdf(self) -> None:
        if self.data is None:
            return
        from gdiiot_desktop.services.pilot_charts_pdf import default_name

        name, _ = QFileDialog.getSaveFileName(
            self, "导出统计图表", default_name(self.data), "PDF 文件 (*.pdf)"
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != ".pdf":  # a name typed without the extension
                path = path.with_name(path.name + ".pdf")
            self.write_pdf(path)

    def write_pdf(self, path: Path) -> Any:
        """Write what the window shows (the same frozen figures) to `path`, off the GUI thread."""
        data = self.data
        if data is None:
            return None
        from gdiiot_desktop.services.document_settings import export_fonts
        from gdiiot_desktop.services.pilot_charts_pdf import charts_target, write_charts_pdf

        ws = self.session.ws
        self.pdf_button.setEnabled(False)

        def work(_progress: Any) -> Path:
            return write_charts_pdf(data, charts_target(path, data), export_fonts(ws))

        def written(target: Path) -> None:
            self.pdf_button.setEnabled(True)
            self.written = target
            self.summary.setText(self.summary.text() + f"<br>已导出：{target}")

        def failed(exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            show_error(self, exc, "统计图表未导出").exec()

        return self.runner.run(work, title="正在导出统计图表…", on_success=written, on_error=failed)

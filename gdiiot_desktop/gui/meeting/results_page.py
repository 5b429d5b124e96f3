"""The results screen: aggregates and the ranking proposal, adoption as the priority order, locking, minutes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QWidget

from gdiiot_desktop.domain.meeting.aggregates import shown
from gdiiot_desktop.domain.meeting.ranking import tie_break_text
from gdiiot_desktop.gui.forms.ui_meeting_results_page import Ui_MeetingResultsPage
from gdiiot_desktop.gui.styles import NOTICE_STYLE, OK_TEXT_STYLE
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.meeting import results
from gdiiot_desktop.services.meeting.minutes import write_minutes
from gdiiot_desktop.services.meeting.results import MeetingResults
from gdiiot_desktop.services.meeting.subjects import MeetingWorkspace

from .ops import run_op
from .table import RowsModel

HEADERS = [
    "名次",
    "项目名称",
    "申报单位",
    "汇总得分",
    "有效评分",
    "平均分",
    "中位数",
    "去最高最低平均",
    "极差",
    "建议",
    "备注",
]
IN_COLOUR, OUT_COLOUR = "#e7f4e9", "#f3f3f3"


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


class ResultsPage(QWidget):
    """Shows the proposal of the meeting; emits `changed` after adopting or locking."""

    changed = Signal()

    def __init__(self, ws: MeetingWorkspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingResultsPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.runner = runner
        self.results: MeetingResults | None = None
        self.confirm: Callable[[str, str], bool] = lambda title, text: _ask(
            self, title, text
        )  # tests replace it
        self.choose_file: Callable[[str], str] = self._choose_file  # tests replace it
        self.model = RowsModel(HEADERS, self)
        self.ui.rankingTable.setModel(self.model)
        self.ui.rankingTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._adopt_text = self.ui.adoptButton.text()
        self.ui.adoptButton.clicked.connect(self.adopt)
        self.ui.lockButton.clicked.connect(self.lock)
        self.ui.minutesButton.clicked.connect(self.minutes)

    def set_results(self, res: MeetingResults) -> None:
        self.results = res
        info = res.state.info
        rows, colours = [], []
        fund = res.quota is None
        yes, no = ("建议入库", "不入库") if fund else ("推荐", "不推荐")
        self.ui.adoptButton.setText("采用为入库排序" if fund else self._adopt_text)
        self.model.headers[2] = "申报企业" if fund else HEADERS[2]  # shown when the rows are set below
        for line in res.proposal:
            item = res.items[line.item.application_id]
            agg = item.aggregate
            rows.append(
                [
                    str(line.item.rank or "—"),
                    item.subject.project_name,
                    item.subject.applicant,
                    shown(line.item.score),
                    str(agg.count),
                    shown(agg.mean),
                    shown(agg.median),
                    shown(agg.trimmed_mean) + ("" if agg.trimmed or not agg.count else "（未去）"),
                    shown(agg.spread),
                    yes if line.recommended else no,
                    "；".join(t for t in (line.note, line.item.tie_note) if t),
                ]
            )
            colours.append(IN_COLOUR if line.recommended else OUT_COLOUR)
        self.model.set_rows(rows, [line.item.application_id for line in res.proposal], colours)
        pending = "" if res.sheets.resolved else "  注意：还有纸质评分表未完成两遍一致录入，其评分尚未计入。"
        if res.quota is None:  # a special-fund meeting: ranked for 入库, the budget line comes later
            summary = (
                f"按{info.rubric.aggregate.label}排名；专项资金不设推荐指标，建议按名次排序入库 {len(res.order)} 个项目"
                f"（预算线在“入库排序与预算”中划出）。{pending}"
            )
        else:
            summary = (
                f"按{info.rubric.aggregate.label}排名；推荐指标 {res.quota} 个（中央企业不占指标）；"
                f"建议推荐 {len(res.order)} 个项目。{pending}"
            )
        self.ui.resultsSummary.setText(summary)
        self.ui.tieRuleLabel.setText("并列规则：" + tie_break_text(info.rubric))
        if info.locked and info.locked_at is not None:
            self.ui.lockStatus.setText(f"已锁定（{info.locked_by}），结果校验码 {res.digest()[:16]}")
            self.ui.lockStatus.setStyleSheet(OK_TEXT_STYLE)
        else:
            self.ui.lockStatus.setText("未锁定")
            self.ui.lockStatus.setStyleSheet(NOTICE_STYLE)
        self.ui.lockButton.setEnabled(not info.locked)
        self.ui.adoptButton.setEnabled(bool(res.order))

    def adopt(self) -> None:
        res = self.results
        if res is None:
            return
        names = "\n".join(f"{i}. {res.items[a].subject.project_name}" for i, a in enumerate(res.order, 1))
        question = (
            ("采用为入库排序", f"将按以下顺序排序入库 {len(res.order)} 个项目，其余项目移出入库：\n{names}")
            if res.quota is None
            else ("采用为推荐顺序", f"将按以下顺序推荐 {len(res.order)} 个项目，其余项目取消推荐：\n{names}")
        )
        if not self.confirm(*question):
            return
        ws, meeting_id = self.ws, res.state.info.id
        run_op(
            self.runner, self, lambda: results.adopt_ranking(ws, meeting_id),
            title="正在采用为推荐顺序…", error_title="未能采用", on_done=lambda _order: self.changed.emit(),
        )  # fmt: skip

    def lock(self) -> None:
        res = self.results
        if res is None:
            return
        if not self.confirm(
            "锁定评审结果", "锁定后评分、回避和专家名单都不能再修改，也不能解锁。确定锁定吗？"
        ):
            return
        ws, meeting_id = self.ws, res.state.info.id
        run_op(
            self.runner, self, lambda: results.lock_results(ws, meeting_id),
            title="正在锁定…", error_title="未能锁定", on_done=lambda _digest: self.changed.emit(),
        )  # fmt: skip

    def minutes(self) -> None:
        res = self.results
        if res is None:
            return
        name = self.choose_file(f"{res.state.info.title}会议纪要.pdf")
        if not name:
            return
        ws, meeting_id = self.ws, res.state.info.id
        run_op(
            self.runner, self, lambda: write_minutes(ws, meeting_id, Path(name)),
            title="正在生成会议纪要…", error_title="会议纪要未生成", writes=False,
            on_done=lambda path: self.ui.lockStatus.setText(f"已输出会议纪要：{path}"),
        )  # fmt: skip

    def _choose_file(self, suggested: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self, "输出会议纪要", suggested, "PDF 文件 (*.pdf)")
        return name

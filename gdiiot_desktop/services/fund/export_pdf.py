"""The 入库 list as a PDF (A4 landscape): the budget chart, the whole ranking with the running
total and the budget line, then one table per direction; the snapshot id on every page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ...domain.fund.money import ZERO, format_money
from ..charts_pdf import Bar, bar_chart
from ..files import atomic_output
from ..pdf.layout import PAGE_LANDSCAPE
from ..pdf.stamps import draw_footer, draw_page_number
from ..pdf.styles import Styles, styles
from .export_xlsx import budget_line_text
from .snapshot import FrozenLine, FundSnapshot

COLUMNS = (
    ("排序", 11),
    ("县（市、区）", 20),
    ("企业名称", 45),
    ("项目名称", 52),
    ("总投入", 24),
    ("可补贴投入", 24),
    ("最高可补贴", 24),
    ("申请补贴", 24),
    ("拟补贴", 24),
    ("累计拟补贴", 26),
)
# The table of every pooled project names each one's direction after the project (the per-direction
# tables need not).
DIRECTION_COLUMN = ("支持方向", 30)
SIZE = 8


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_pool_pdf(snapshot: FundSnapshot, target: Path) -> Path:
    st = styles()
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=PAGE_LANDSCAPE,
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=15 * mm,
            bottomMargin=28 * mm,
            invariant=True,
            initialFontName=st.fonts.body,
            title=f"{snapshot.title}入库清单",
            author=snapshot.issuer,
            subject=f"快照编号 {snapshot.id}",
            creator="GDIIoT Desktop",
        )

        def on_page(canvas: Any, _doc: Any) -> None:
            draw_page_number(canvas, canvas.getPageNumber(), st.fonts, PAGE_LANDSCAPE)
            draw_footer(canvas, snapshot.footer, st.fonts, PAGE_LANDSCAPE)

        doc.build(story(snapshot, st, doc.width), onFirstPage=on_page, onLaterPages=on_page)
    return target


def story(snapshot: FundSnapshot, st: Styles, width: float) -> list[Flowable]:
    heading = ParagraphStyle(
        "fund_heading", parent=st.body, fontName=st.fonts.heading, fontSize=13, leading=20
    )
    note = ParagraphStyle("fund_note", parent=st.small, fontSize=9, leading=13)
    out: list[Flowable] = [
        Paragraph(_escape(f"{snapshot.title}入库清单"), st.title),
        Paragraph(_escape(f"{snapshot.issuer} · 金额单位：元 · 快照 {snapshot.id}"), note),
        Spacer(1, 3 * mm),
        Paragraph(_escape(budget_line_text(snapshot)), note),
        Paragraph(_escape(f"排序依据：{snapshot.ranked_by}"), note),
        Spacer(1, 2 * mm),
        chart(snapshot, width, st),
        Spacer(1, 4 * mm),
        Paragraph("一、全部入库项目（按排序，含预算线）", heading),
        table(snapshot, snapshot.lines, st, width, with_line=True),
    ]
    for number, (direction_id, name) in enumerate(snapshot.direction_names, 1):
        lines = snapshot.of_direction(direction_id)
        subtotal = sum((line.proposed for line in lines), ZERO)
        out += [
            Spacer(1, 4 * mm),
            KeepTogether(
                [
                    Paragraph(
                        _escape(
                            f"{_cn(number + 1)}、{name}（{len(lines)} 个，拟补贴 {format_money(subtotal)} 元）"
                        ),
                        heading,
                    ),
                    table(snapshot, lines, st, width, with_line=False)
                    if lines
                    else Paragraph("本方向没有入库项目。", note),
                ]
            ),
        ]
    return out


def _cn(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def chart(snapshot: FundSnapshot, width: float, st: Styles) -> Flowable:
    """Proposed subsidy per direction (above / below the line), and the running total against the budget."""
    bars = []
    for direction_id, name in snapshot.direction_names:
        lines = snapshot.of_direction(direction_id)
        funded = sum((line.proposed for line in lines if line.within_budget), ZERO)
        below = sum((line.proposed for line in lines if not line.within_budget), ZERO)
        bars.append(
            Bar(
                name,
                float(funded),
                f"{format_money(funded)} 元（{sum(1 for x in lines if x.within_budget)} 个）",
            )
        )
        if below:
            bars.append(Bar(f"{name}（预算线以下）", float(below), f"{format_money(below)} 元", dimmed=True))
    bars.append(Bar("拟补贴合计", float(snapshot.total), f"{format_money(snapshot.total)} 元"))
    budget = snapshot.budget
    return bar_chart(
        bars,
        width,
        st.fonts.body,
        limit=None if budget is None else float(budget),
        limit_label="" if budget is None else f"预算 {format_money(budget)} 元",
    )


def table(
    snapshot: FundSnapshot, lines: Sequence[FrozenLine], st: Styles, width: float, *, with_line: bool
) -> Table:
    cell = ParagraphStyle("fund_cell", parent=st.cell, fontSize=SIZE, leading=SIZE * 1.3)
    right = ParagraphStyle("fund_right", parent=cell, alignment=TA_RIGHT)
    center = ParagraphStyle("fund_center", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("fund_head", parent=center, fontName=st.fonts.heading)
    base_cell, base_right, base_center = cell, right, center
    # Below the budget line: the same rows in grey, so the line reads at a glance.
    grey_cell, grey_right, grey_center = (
        ParagraphStyle(f"{style.name}_below", parent=style, textColor=colors.HexColor("#7F7F7F"))
        for style in (cell, right, center)
    )
    columns = (*COLUMNS[:4], DIRECTION_COLUMN, *COLUMNS[4:]) if with_line else COLUMNS
    total_mm = sum(w for _, w in columns)
    widths = [width * w / total_mm for _, w in columns]
    rows: list[list[Any]] = [[Paragraph(h, head) for h, _ in columns]]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.fonts.body),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2F2F2")),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    drawn = False

    def budget_row() -> None:
        rows.append(
            [Paragraph(_escape("—— " + budget_line_text(snapshot) + " ——"), base_center)]
            + [""] * (len(columns) - 1)
        )
        at = len(rows) - 1
        commands.extend(
            [
                ("SPAN", (0, at), (-1, at)),
                ("BACKGROUND", (0, at), (-1, at), colors.HexColor("#F8CBAD")),
                ("LINEABOVE", (0, at), (-1, at), 1.5, colors.HexColor("#C00000")),
            ]
        )

    for line in lines:
        if with_line and not line.within_budget and not drawn:
            budget_row()
            drawn = True
        project = line.project + (f"（{line.subdirection}）" if line.subdirection else "")
        cell, right, center = (
            (base_cell, base_right, base_center)
            if line.within_budget
            else (grey_cell, grey_right, grey_center)
        )
        direction = [Paragraph(_escape(line.direction), cell)] if with_line else []
        rows.append(
            [
                Paragraph(str(line.rank), center),
                Paragraph(_escape(line.county), cell),
                Paragraph(_escape(line.enterprise), cell),
                Paragraph(_escape(project), cell),
                *direction,
                *(
                    Paragraph(format_money(v), right)
                    for v in (
                        line.total_investment,
                        line.eligible_investment,
                        line.cap,
                        line.requested,
                        line.proposed,
                        line.running_total,
                    )
                ),
            ]
        )
    if with_line and not drawn and snapshot.budget is not None:
        budget_row()
    requested = sum((line.requested for line in lines), ZERO)
    proposed = sum((line.proposed for line in lines), ZERO)
    cell, right, center = base_cell, base_right, base_center
    label_span = len(columns) - 3  # 合计 over every column before 申请补贴
    rows.append(
        [Paragraph("合计", center), *([""] * (label_span - 1))]
        + [Paragraph(format_money(requested), right), Paragraph(format_money(proposed), right), ""]
    )
    commands.append(("SPAN", (0, len(rows) - 1), (label_span - 1, len(rows) - 1)))
    result = Table(rows, colWidths=widths, repeatRows=1)
    result.setStyle(TableStyle(commands))
    return result

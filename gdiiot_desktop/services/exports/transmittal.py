"""The transmittal list (报送清单) of everything handed in, with copy counts and a print plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ...domain.campaign import Campaign
from ..errors import InputError
from ..files import atomic_output
from ..pdf.document import render
from ..pdf.layout import TEXT_WIDTH
from ..pdf.styles import Styles, styles
from . import summary_data
from .letter import parse
from .package_plan import PackagePlan
from .pdf_meta import escape
from .snapshot import Snapshot

DEFAULT_COPIES = {"summary_table": 2, "paper_package": 6, "disc": 1}


@dataclass(frozen=True)
class PrintLine:
    """One thing to print: pages per copy, copies, and sheets of paper it takes."""

    name: str
    pages: int
    copies: int
    duplex: bool

    @property
    def sheets_per_copy(self) -> int:
        return (self.pages + 1) // 2 if self.duplex else self.pages

    @property
    def sheets(self) -> int:
        return self.sheets_per_copy * self.copies


def copies(campaign: Campaign, key: str) -> int:
    return int(campaign.copies.get(key, DEFAULT_COPIES[key]))


LETTER_COPIES = 1


def print_plan(
    campaign: Campaign, summary_pages: int, plans: Sequence[PackagePlan], letter_pages: int = 0
) -> list[PrintLine]:
    """The letter and the summary table single-sided (they are stamped), each package double-sided (GB/T 9704)."""
    lines = [PrintLine("推荐函", letter_pages, LETTER_COPIES, duplex=False)] if letter_pages else []
    lines.append(PrintLine("推荐项目汇总表", summary_pages, copies(campaign, "summary_table"), duplex=False))
    for plan in plans:
        lines.append(
            PrintLine(f"第{plan.app.priority}位 {plan.app.project_name}", plan.total_pages, copies(campaign, "paper_package"), True)
        )
    return lines


def write_transmittal(
    campaign: Campaign,
    snapshot: Snapshot,
    plans: Sequence[PackagePlan],
    summary_pages: int,
    target: Path,
    *,
    discs: int = 1,
    late: str | None = None,
    letter_pages: int = 0,
) -> Path:
    st = styles()
    data, _pages = render(
        story(campaign, snapshot, plans, summary_pages, st, discs=discs, late=late, letter_pages=letter_pages),
        st.fonts,
        footer=snapshot.footer,
        title=f"{campaign.year}年工业互联网试点示范项目推荐材料报送清单",
        author=snapshot.recommender,
        subject=f"快照编号 {snapshot.id}",
        creator="GDIIoT Desktop",
    )
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)
    return target


def story(
    campaign: Campaign,
    snapshot: Snapshot,
    plans: Sequence[PackagePlan],
    summary_pages: int,
    st: Styles,
    *,
    discs: int,
    late: str | None,
    letter_pages: int = 0,
) -> list[Flowable]:
    cell = ParagraphStyle("tr_cell", parent=st.cell, fontSize=10.5, leading=14)
    center = ParagraphStyle("tr_center", parent=cell, alignment=TA_CENTER)
    bold = ParagraphStyle("tr_bold", parent=cell, fontName=st.fonts.heading)
    head = ParagraphStyle("tr_head", parent=bold, alignment=TA_CENTER)
    info = ParagraphStyle("tr_info", parent=st.body, fontSize=14, leading=22)
    n_table, n_package, n_disc = (copies(campaign, k) for k in ("summary_table", "paper_package", "disc"))

    rows: list[list[Any]] = [[Paragraph(h, head) for h in ("序号", "报送材料", "份数", "每份页数", "说明")]]
    first = 1
    if letter_pages:
        rows.append(_row(1, _letter_name(campaign, snapshot), LETTER_COPIES, letter_pages, "加盖推荐单位公章（推荐函.docx 可在 WPS/Word 中调整后打印）", cell, center))
        first = 2
    rows.append(_row(first, f"{summary_data.title(campaign)}（附件4）", n_table, summary_pages, "按推荐优先顺序排列，加盖推荐单位公章", cell, center))
    for i, plan in enumerate(plans, start=first + 1):
        app = plan.app
        remark = "封面、目录、项目基本信息表及申报材料"
        electronic = plan.electronic_only()
        if electronic:
            remark += f"；另有 {len(electronic)} 个文件仅电子版（见光盘）"
        rows.append(_row(i, f"第{app.priority}位：{app.project_name}（{app.applicant.name}）申报材料", n_package, plan.total_pages, remark, cell, center))
    disc_remark = "汇总表、全部申报材料（PDF 及原件）和项目视频，附 SHA256 校验清单"
    if discs > 1:
        disc_remark += f"；分 {discs} 张光盘（第1张/共{discs}张 …）"
    rows.append(_row(len(plans) + first + 1, "电子版光盘", n_disc * discs, None, disc_remark, cell, center))
    materials = _table(rows, [11 * mm, 64 * mm, 12 * mm, 16 * mm, TEXT_WIDTH - 103 * mm])

    lines = print_plan(campaign, summary_pages, plans, letter_pages)
    plan_rows: list[list[Any]] = [[Paragraph(h, head) for h in ("打印内容", "页数", "打印方式", "份数", "用纸（张）")]]
    for line in lines:
        plan_rows.append(
            [
                Paragraph(escape(line.name), cell),
                Paragraph(str(line.pages), center),
                Paragraph("双面" if line.duplex else "单面", center),
                Paragraph(str(line.copies), center),
                Paragraph(f"{line.sheets_per_copy}×{line.copies}={line.sheets}", center),
            ]
        )
    total = sum(line.sheets for line in lines)
    plan_rows.append([Paragraph("合计", bold), "", "", "", Paragraph(str(total), center)])
    printing = _table(plan_rows, [74 * mm, 16 * mm, 20 * mm, 14 * mm, TEXT_WIDTH - 124 * mm])

    flow: list[Flowable] = [
        Paragraph(f"{campaign.year}年工业互联网试点示范项目<br/>推荐材料报送清单", st.title),
        Paragraph(escape(f"推荐单位：{snapshot.recommender}"), info),
        Paragraph(escape(f"快照编号：{snapshot.id}（汇总表、纸质材料与光盘出自同一快照）"), info),
        Paragraph(escape(f"报送要求：{campaign.deadline.text}，报广东省工业和信息化厅（工业互联网处）。"), info),
        Spacer(1, 3 * mm),
        Paragraph("一、报送材料", st.heading),
        materials,
        Spacer(1, 4 * mm),
        Paragraph("二、打印计划", st.heading),
        Paragraph("申报材料按 GB/T 9704 双面打印（页码单页在右、双页在左），汇总表单面打印后盖章。", st.small),
        Spacer(1, 2 * mm),
        printing,
    ]
    unprinted = [(plan.app, e) for plan in plans for e in plan.electronic_only()]
    if unprinted:
        flow += [Spacer(1, 4 * mm), Paragraph("三、仅有电子版的文件（未打印）", st.heading)]
        for app, e in unprinted:
            flow.append(Paragraph(escape(f"第{app.priority}位 {app.project_name}：{e.item.attachment.file_name}（{e.pages_text}）"), cell))
    if late:
        warn = ParagraphStyle("tr_late", parent=st.body, textColor=colors.HexColor("#C00000"), fontSize=14, leading=22)
        flow += [Spacer(1, 4 * mm), Paragraph(escape(f"注意：{late}"), warn)]
    contact, phone = summary_data.filled_by(snapshot)
    signature = [
        Spacer(1, 10 * mm),
        Paragraph(escape(f"经办人：{contact or '________________'}　　联系电话：{phone or '________________'}"), info),
        Paragraph("报送日期：________________　　接收人：________________", info),
    ]
    # The signature block never stands alone on a page: it goes with what it closes.
    return [*flow[:-1], KeepTogether([flow[-1], *signature])]


def _letter_name(campaign: Campaign, snapshot: Snapshot) -> str:
    """The letter's title as frozen with the snapshot (推荐函 when it cannot be read)."""
    if snapshot.letter is not None:
        try:
            return f"推荐函：{parse(snapshot.letter).title}"
        except InputError:
            pass
    return f"推荐函：{snapshot.recommender}关于推荐{campaign.year}年工业互联网试点示范项目的函"


def _row(no: int, name: str, count: int, pages: int | None, remark: str, cell: ParagraphStyle, center: ParagraphStyle) -> list[Any]:
    return [
        Paragraph(str(no), center),
        Paragraph(escape(name), cell),
        Paragraph(str(count), center),
        Paragraph("—" if pages is None else str(pages), center),
        Paragraph(escape(remark), cell),
    ]


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles().fonts.body),  # empty cells too: no stray Helvetica
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2F2F2")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table

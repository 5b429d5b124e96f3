"""The front of a project's package: cover, 目录 with page ranges, and the data sheet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ...domain.campaign import Campaign
from ...domain.model import Application, Attachment
from ..pdf.document import PageMark, render
from ..pdf.layout import BODY_SIZE, LINE_HEIGHT, TEXT_HEIGHT, TEXT_WIDTH, TITLE_SIZE
from ..pdf.styles import Styles, styles
from ..pdf.tables import split_row
from .datasheet import sections as datasheet_sections
from .package_plan import DATASHEET_TITLE, PackagePlan, PlanSection, with_pages
from .pdf_meta import escape
from .snapshot import Snapshot

MAX_PASSES = 4
LONG_VALUE = 40  # characters: a paired field holding more takes the row's full width
ROW_LIMIT = 12 * LINE_HEIGHT  # a data-sheet row taller than this continues on the next row
_NUMERALS = "零一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for headings)."""
    if n <= 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens] if tens > 1 else "") + "十" + (_NUMERALS[ones] if ones else "")


def package_title(campaign: Campaign) -> str:
    return f"{campaign.year}年工业互联网试点示范项目"


def render_front(
    campaign: Campaign, snapshot: Snapshot, app: Application, sections: list[PlanSection]
) -> tuple[bytes, PackagePlan]:
    """Render cover, index and data sheet; repeat until the index's page numbers are stable."""
    st = styles()
    front_guess, datasheet_guess = 4, 4
    for _ in range(MAX_PASSES):
        plan = with_pages(app, sections, front_guess, datasheet_guess)
        marks: dict[str, int] = {}
        data, pages = render(
            story(campaign, snapshot, plan, st, marks),
            st.fonts,
            first_number=1,
            footer=snapshot.footer,
            unnumbered=(1, 2),  # the cover and its blank back
            title=f"{app.project_name} 申报材料",
            author=snapshot.recommender,
            subject=f"快照编号 {snapshot.id}",
            creator="GDIIoT Desktop",
        )
        datasheet = marks.get("datasheet", datasheet_guess)
        if pages == front_guess and datasheet == datasheet_guess:
            return data, plan
        front_guess, datasheet_guess = pages, datasheet
    raise RuntimeError("the package index did not settle")  # cannot happen: pages only grow


def story(
    campaign: Campaign, snapshot: Snapshot, plan: PackagePlan, st: Styles, marks: dict[str, int]
) -> list[Flowable]:
    return [
        *fitted_cover(campaign, snapshot, plan.app, st),
        PageBreak(),
        Spacer(1, 1),  # the cover's back stays blank: the 目录 starts on a right-hand page (binding at 28 mm)
        PageBreak(),
        *index(plan, st),
        PageBreak(),
        PageMark(marks, "datasheet"),
        *datasheet(campaign, snapshot, plan.app, st),
    ]


COVER_SIZES = (BODY_SIZE, 14.0, 12.0, 10.5)  # 3号, then smaller while the cover would need a second page


def fitted_cover(campaign: Campaign, snapshot: Snapshot, app: Application, st: Styles) -> list[Flowable]:
    """The cover at the largest size at which it holds on one page (long names at their caps)."""
    for size in COVER_SIZES:
        flow = cover(campaign, snapshot, app, st, size)
        if sum(f.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flow) <= TEXT_HEIGHT - 4:
            return flow
    return cover(campaign, snapshot, app, st, COVER_SIZES[-1], tight=True)


def cover(
    campaign: Campaign, snapshot: Snapshot, app: Application, st: Styles, size: float = BODY_SIZE, tight: bool = False
) -> list[Flowable]:
    category = campaign.category(app.category_id)
    direction = campaign.direction(app.direction_id)
    big = ParagraphStyle("cover_big", parent=st.title, fontSize=30, leading=44)
    label = ParagraphStyle("cover_label", parent=st.heading, alignment=TA_RIGHT, fontSize=size, leading=size * 1.5)
    value = ParagraphStyle("cover_value", parent=st.body, fontSize=size, leading=size * 1.5, alignment=0)
    gap = (1 if tight else 2) * LINE_HEIGHT
    rows = [
        ("项目名称", app.project_name),
        ("申报单位", app.applicant.name),
        ("推荐单位", snapshot.recommender),
        ("试点示范类别", category.name if category else app.category_id),
        ("具体方向", direction.name if direction else app.direction_id),
        ("申报日期", _date_text(app.filed_on) if app.filed_on else "—"),
    ]
    table = Table(
        [[Paragraph(escape(k + "："), label), Paragraph(escape(v), value)] for k, v in rows],
        colWidths=[46 * mm, TEXT_WIDTH - 52 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.fonts.body),  # empty cells too: no stray Helvetica
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    priority = ParagraphStyle("cover_priority", parent=st.subtitle, alignment=TA_RIGHT)
    date_style = ParagraphStyle("cover_date", parent=st.subtitle, fontName=st.fonts.body)
    return [
        Paragraph(escape(f"推荐顺序：第 {app.priority} 位"), priority),
        Spacer(1, (0.5 if tight else 1.5) * LINE_HEIGHT),
        Paragraph(escape(package_title(campaign)), ParagraphStyle("cover_t", parent=st.title, fontSize=TITLE_SIZE + 4)),
        Paragraph("申 报 材 料", big),
        Spacer(1, gap),
        table,
        Spacer(1, gap),
        Paragraph(escape(snapshot.recommender), date_style),
        Paragraph(escape(_date_text(snapshot.created_at.date())), date_style),
    ]


def index(plan: PackagePlan, st: Styles) -> list[Flowable]:
    entry = ParagraphStyle("index_entry", parent=st.body, fontSize=14, leading=21, leftIndent=2 * 14)
    heading = ParagraphStyle("index_heading", parent=st.heading, leading=LINE_HEIGHT * 0.9)
    pages_style = ParagraphStyle("index_pages", parent=entry, alignment=TA_RIGHT, leftIndent=0)
    note_style = ParagraphStyle("index_note", parent=pages_style, fontSize=11, leading=15)
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    headings: list[int] = []

    def add_heading(text: str, pages: str) -> None:
        commands.append(("TOPPADDING", (0, len(rows)), (-1, len(rows)), 8))
        headings.append(len(rows))
        rows.append([Paragraph(escape(text), heading), Paragraph(escape(pages), pages_style)])

    add_heading(f"{chinese_number(1)}、{DATASHEET_TITLE}", str(plan.datasheet_page))
    for number, section in enumerate(plan.sections, start=2):
        first = next((e.first for e in section.entries if e.first is not None), None)
        add_heading(f"{chinese_number(number)}、{section.title}", str(first) if first else "")
        if not section.entries:
            rows.append([Paragraph(escape(f"（{section.note}）"), entry), ""])
        for i, e in enumerate(section.entries, 1):
            name = document_title(e.item.attachment)
            printed = e.first is not None
            rows.append(
                [Paragraph(escape(f"{i}. {name}"), entry), Paragraph(escape(e.pages_text), pages_style if printed else note_style)]
            )
    # A section heading never ends a page: it goes over with its first entry.
    commands += [("NOSPLIT", (0, h), (-1, h + 1)) for h in headings if h + 1 < len(rows) and h + 1 not in headings]
    table = Table(rows, colWidths=[TEXT_WIDTH - 40 * mm, 40 * mm], repeatRows=0)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.fonts.body),  # empty cells too: no stray Helvetica
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB"), None, (1, 2)),
                *commands,
            ]
        )
    )
    hint = ParagraphStyle("index_hint", parent=st.small, alignment=TA_CENTER, textColor=colors.HexColor("#555555"))
    return [
        Paragraph("目　　录", st.title),
        Paragraph(escape(f"{plan.app.project_name}（共 {plan.total_pages} 页）"), hint),
        Spacer(1, 4 * mm),
        table,
    ]


def datasheet(campaign: Campaign, snapshot: Snapshot, app: Application, st: Styles) -> list[Flowable]:
    label = ParagraphStyle("ds_label", parent=st.cell_bold, fontSize=10.5, leading=14)
    value = ParagraphStyle("ds_value", parent=st.cell, fontSize=10.5, leading=14)
    flow: list[Flowable] = [Paragraph(DATASHEET_TITLE, st.title), Spacer(1, 2 * mm)]
    widths = [35 * mm, 43 * mm, 35 * mm, 43 * mm]
    for section in datasheet_sections(campaign, app, snapshot.recommender):
        rows: list[list[Any]] = []
        spans: list[tuple[Any, ...]] = []
        pending: list[Any] = []

        for field in section.fields:
            cells = [Paragraph(escape(field.label), label), Paragraph(escape(field.value or "—"), value)]
            if field.wide or len(field.value or "") > LONG_VALUE:  # a long value gets the full width
                if pending:
                    _add_row(rows, spans, [*pending, "", ""], False, widths)
                    pending = []
                _add_row(rows, spans, [*cells, "", ""], True, widths)
            elif pending:
                _add_row(rows, spans, [*pending, *cells], False, widths)
                pending = []
            else:
                pending = cells
        if pending:
            _add_row(rows, spans, [*pending, "", ""], False, widths)
        table = Table(rows, colWidths=widths)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.fonts.body),
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    *spans,
                ]
            )
        )
        table.wrap(TEXT_WIDTH, TEXT_HEIGHT)
        first_row = table._rowHeights[0] if rows else 0  # noqa: SLF001 - reportlab keeps them there
        flow += [
            # the heading never ends a page: it goes over with at least the first row of its table
            CondPageBreak(LINE_HEIGHT + 2 * mm + first_row + 4),
            KeepTogether([Spacer(1, 2 * mm), Paragraph(escape(section.title), st.heading)]),
            table,
        ]
    return flow


def _add_row(rows: list[list[Any]], spans: list[tuple[Any, ...]], cells: list[Any], wide: bool, widths: list[float]) -> None:
    """One data-sheet row; a value too long for one page (an 800-character 所属行业) continues on rows below."""
    column_widths = [widths[0], sum(widths[1:]), 1.0, 1.0] if wide else widths
    for piece in split_row(cells, column_widths, ROW_LIMIT, pad_x=12, pad_y=7):
        rows.append(piece)
        last = len(rows) - 1
        if wide:
            spans.append(("SPAN", (1, last), (3, last)))
        elif piece[2] != "":
            spans.append(("BACKGROUND", (2, last), (2, last), colors.HexColor("#F2F2F2")))


def document_title(att: Attachment) -> str:
    """What the 目录 lists: the document's title (its file name without the extension; an audit
    report named by its year), not a file name.
    """
    stem = att.file_name.rsplit(".", 1)[0] if "." in att.file_name else att.file_name
    stem = " ".join(stem.replace("_", " ").split()) or att.file_name
    if att.year and str(att.year) not in stem:
        return f"{att.year}年度{stem}"
    return stem


def _date_text(value: Any) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


__all__: Sequence[str] = ("chinese_number", "package_title", "render_front")

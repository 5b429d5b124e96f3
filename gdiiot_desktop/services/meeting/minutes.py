"""The minutes (会议纪要) of a review meeting as a PDF, with a signature line for each expert.

Contents: the meeting's details, experts, conflicts declared, every application's scores and
opinions, the ranking with the quota line, and the signature table.

Page geometry and fonts are the shared GB/T 9704 ones (services/pdf); tables use 五号 type so
a rubric's criteria fit across the text block. An unlocked meeting's minutes say 草稿 in the title.
A special-fund meeting's minutes name its projects with their enterprises and support directions
and say that the ranking goes to 排序优选 (入库) within the budget, instead of drawing a quota line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ...domain.meeting.aggregates import shown
from ...domain.meeting.ranking import tie_break_text
from ...domain.meeting.subjects import SubjectKind
from ..files import atomic_output
from ..pdf import layout
from ..pdf.fonts import FontSet, font_set
from .results import ItemResult, MeetingResults, compute_results
from .subjects import MeetingWorkspace, city_name

TABLE_SIZE = 10.5  # 五号
GRID = colors.black
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
CN_NUMBERS = "一二三四五六七八九十"


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.title = ParagraphStyle(
            "title",
            fontName=fonts.title,
            fontSize=layout.TITLE_SIZE,
            leading=layout.TITLE_SIZE * 1.4,
            alignment=TA_CENTER,
            spaceAfter=12,
        )
        self.heading = ParagraphStyle(
            "heading",
            fontName=fonts.heading,
            fontSize=layout.BODY_SIZE,
            leading=layout.BODY_SIZE * 1.6,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.subheading = ParagraphStyle(
            "subheading",
            fontName=fonts.kai,
            fontSize=layout.BODY_SIZE - 2,
            leading=(layout.BODY_SIZE - 2) * 1.5,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.body = ParagraphStyle(
            "body",
            fontName=fonts.body,
            fontSize=14,
            leading=14 * 1.6,
            firstLineIndent=28,
            wordWrap="CJK",
        )
        self.plain = ParagraphStyle("plain", parent=self.body, firstLineIndent=0)
        self.cell = ParagraphStyle(
            "cell",
            fontName=fonts.body,
            fontSize=TABLE_SIZE,
            leading=TABLE_SIZE * 1.35,
            wordWrap="CJK",
        )
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=fonts.heading, alignment=TA_CENTER
        )
        self.cell_centred = ParagraphStyle("cell_centred", parent=self.cell, alignment=TA_CENTER)


def write_minutes(ws: MeetingWorkspace, meeting_id: int, target: Path, now: datetime | None = None) -> Path:
    """Write the minutes PDF atomically to `target`."""
    results = compute_results(ws, meeting_id)
    styles = _Styles(font_set())
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=layout.PAGE,
            leftMargin=layout.LEFT,
            rightMargin=layout.RIGHT,
            topMargin=layout.TOP,
            bottomMargin=layout.BOTTOM,
            title=_title(results),
            author=ws.operator,
            subject=f"{city_name(ws)} {ws.campaign.title}",
        )
        page = _page_numbers(styles.fonts)
        doc.build(_story(ws, results, styles, now or datetime.now()), onFirstPage=page, onLaterPages=page)
    return target


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99)."""
    tens, ones = divmod(n, 10)
    if n <= 0 or tens > 9:
        return str(n)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMBERS[tens - 1] + "十")
    return head + (CN_NUMBERS[ones - 1] if ones else "")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _title(results: MeetingResults) -> str:
    info = results.state.info
    return f"{info.title}会议纪要" + ("" if info.locked else "（草稿）")


def _page_numbers(fonts: FontSet) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        number = doc.page
        text = layout.page_number_text(number)
        width = stringWidth(text, fonts.song, layout.PAGE_NUMBER_SIZE)
        canvas.saveState()
        canvas.setFont(fonts.song, layout.PAGE_NUMBER_SIZE)
        canvas.drawString(layout.page_number_x(number, width), layout.page_number_y(), text)
        canvas.restoreState()

    return draw


def _story(ws: MeetingWorkspace, results: MeetingResults, s: _Styles, now: datetime) -> list[Any]:
    info = results.state.info
    rubric = info.rubric
    story: list[Any] = [Paragraph(escape(_title(results)), s.title)]
    sections = iter(CN_NUMBERS)

    def heading(text: str) -> None:
        story.append(Paragraph(f"{next(sections)}、{escape(text)}", s.heading))

    heading("会议基本情况")
    criteria = "；".join(
        f"{c.name}（满分{c.max_points}分" + ("" if c.weight == 1 else f"，权重{c.weight}") + "）"
        for c in rubric.criteria
    )
    trim = f"有效评分达到{rubric.trim_min_scores}份时去掉一个最高分和一个最低分后取平均，不足{rubric.trim_min_scores}份时取算术平均"
    for text in (
        f"会议时间：{chinese_date(info.held_on)}",
        f"会议地点：{info.place or '—'}",
        f"主持人：{info.chair or '—'}",
        f"评审项目：{len(results.state.application_ids)}个{info.subject_kind.label if info.subject_kind is SubjectKind.FUND else ''}；"
        f"评审专家：{len(results.state.experts)}名",
        f"评分细则：{rubric.title}。评分项：{criteria}；总分{rubric.total_max}分。",
        f"汇总方法：按{rubric.aggregate.label}排名（{trim}）。回避的专家不评分，不计入汇总。",
        f"并列规则：{tie_break_text(rubric)}",
        f"每个项目汇报{info.presentation_minutes}分钟、答疑{info.questions_minutes}分钟。",
    ):
        story.append(Paragraph(escape(text), s.plain))

    heading("评审专家")
    rows = [["序号", "姓名", "工作单位", "专业领域"]]
    rows += [[str(i), e.name, e.organisation, e.field] for i, e in enumerate(results.state.experts, 1)]
    story.append(_table(rows, [0.08, 0.17, 0.5, 0.25], s))

    heading("利益冲突与回避")
    apps = {i: r.subject for i, r in results.items.items()}
    names = {e.id: e.name for e in results.state.experts}
    if results.state.recusals:
        rows = [["专家", "回避项目", "方式", "理由"]]
        rows += [
            [names.get(r.expert_id, ""), apps[r.application_id].project_name, r.kind.label, r.reason]
            for r in results.state.recusals
            if r.application_id in apps
        ]
        story.append(_table(rows, [0.14, 0.38, 0.14, 0.34], s))
    else:
        story.append(Paragraph("与会专家均声明与评审项目无利益冲突，无回避情况。", s.body))

    heading("各项目评分情况")
    for number, app_id in enumerate(results.state.application_ids, 1):
        story += _item_section(number, results, results.items[app_id], s)

    fund = info.subject_kind is SubjectKind.FUND
    heading("排名及入库建议" if fund else "排名及推荐建议")
    story += _ranking_section(ws, results, s)

    rows = [["序号", "姓名", "工作单位", "签字", "日期"]]
    rows += [[str(i), e.name, e.organisation, "", ""] for i, e in enumerate(results.state.experts, 1)]
    rows.append(["", "主持人", info.chair, "", ""])
    story.append(
        KeepTogether(
            [
                Paragraph(f"{next(sections)}、专家签字", s.heading),
                Paragraph("与会专家确认以上评分及排名结果。", s.body),
                _table(rows, [0.08, 0.15, 0.37, 0.24, 0.16], s, row_height=36),
            ]
        )
    )
    story.append(Spacer(1, 10))
    if info.locked and info.locked_at is not None:
        local = info.locked_at.replace(tzinfo=UTC).astimezone()
        state = f"评审结果已于{chinese_date(local.date())} {local:%H:%M}由{info.locked_by}锁定，不可更改。"
    else:
        state = "评审结果尚未锁定，本纪要为草稿。"
    story.append(
        Paragraph(
            escape(
                f"{state}结果校验码：{results.digest()[:16]}。打印时间：{chinese_date(now.date())} {now:%H:%M}。"
            ),
            s.plain,
        )
    )
    return story


def _item_section(number: int, results: MeetingResults, item: ItemResult, s: _Styles) -> list[Any]:
    rubric = results.state.info.rubric
    app = item.subject
    parts: list[Any] = [
        Paragraph(
            escape(f"（{cn_number(number)}）{app.label}"),
            s.subheading,
        )
    ]
    head = (
        ["专家"]
        + [f"{c.name}\n（{c.max_points}分）" for c in rubric.criteria]
        + [f"合计\n（{rubric.total_max}分）"]
    )
    rows = [head]
    recused = {e.id for e in results.state.recused_experts(app.id)}
    by_expert = {sc.expert_id: sc for sc in item.scores}
    for expert in results.state.experts:
        if expert.id in recused:
            rows.append([expert.name] + ["回避"] + [""] * len(rubric.criteria))
        elif expert.id in by_expert:
            sheet = by_expert[expert.id]
            rows.append(
                [expert.name]
                + [str(sheet.points[c.id]) for c in rubric.criteria]
                + [shown(item.totals[expert.id])]
            )
        else:
            rows.append([expert.name] + ["未评分"] + [""] * len(rubric.criteria))
    width = 0.7 / (len(rubric.criteria) + 1)
    table = _table(rows, [0.3] + [width] * (len(rubric.criteria) + 1), s, numeric_from=1)
    for r, row in enumerate(rows[1:], 1):
        if row[1] in ("回避", "未评分"):
            table.setStyle(TableStyle([("SPAN", (1, r), (-1, r))]))
    parts += [table, Spacer(1, 4)]
    agg = item.aggregate
    if agg.count == 0:
        summary = "无有效评分，不参与排名。"
    else:
        trimmed = (
            f"去掉一个最高分和一个最低分后的平均分{shown(agg.trimmed_mean)}"
            if agg.trimmed
            else f"有效评分不足{rubric.trim_min_scores}份，未去掉最高分和最低分（按平均分{shown(agg.trimmed_mean)}计）"
        )
        summary = (
            f"有效评分{agg.count}份：平均分{shown(agg.mean)}，中位数{shown(agg.median)}，{trimmed}，"
            f"最高分{shown(agg.highest)}，最低分{shown(agg.lowest)}，极差{shown(agg.spread)}。"
        )
    parts.append(Paragraph(escape(summary), s.plain))
    opinions = [(results.state.expert(sc.expert_id), sc.opinion) for sc in item.scores if sc.opinion]
    if opinions:
        parts.append(Paragraph("专家意见：", s.plain))
        parts += [Paragraph(escape(f"{e.name if e else ''}：{text}"), s.body) for e, text in opinions]
    return parts


def _ranking_section(ws: MeetingWorkspace, results: MeetingResults, s: _Styles) -> list[Any]:
    rubric = results.state.info.rubric
    fund = results.state.info.subject_kind is SubjectKind.FUND
    rows = [["名次", "项目名称", "申报企业" if fund else "申报单位", "汇总\n得分", "极差", "建议", "备注"]]
    yes, no = ("入库", "不入库") if fund else ("推荐", "不推荐")  # a narrow column: two characters
    line_after: int | None = None
    counted = 0
    for line in results.proposal:
        item = results.items[line.item.application_id]
        note = "；".join(t for t in (line.note, line.item.tie_note) if t)
        rows.append(
            [
                str(line.item.rank) if line.item.rank else "—",
                item.subject.project_name
                + (f"\n（{item.subject.direction}）" if item.subject.direction else ""),
                item.subject.applicant,
                shown(line.item.score),
                shown(item.aggregate.spread),
                yes if line.recommended else no,
                note,
            ]
        )
        if line.recommended and line.counts_quota and results.quota is not None:
            counted += 1
            if counted == results.quota:
                line_after = len(rows) - 1
    table = _table(rows, [0.08, 0.23, 0.2, 0.09, 0.09, 0.09, 0.22], s, numeric_from=3, numeric_to=5)
    drawn = line_after is not None and line_after < len(rows) - 1
    if drawn:
        table.setStyle(TableStyle([("LINEBELOW", (0, line_after), (-1, line_after), 2.2, GRID)]))
    if results.quota is None:
        text = (
            f"按{rubric.aggregate.label}从高到低排名。建议按上表名次顺序对{len(results.order)}个项目排序优选、"
            f"入库储备，在{city_name(ws)}专项资金预算内安排补贴（预算线见入库清单）。"
        )
    else:
        text = (
            f"按{rubric.aggregate.label}从高到低排名。{city_name(ws)}推荐指标{results.quota}个，中央企业项目不占指标"
            + ("；粗线为指标线" if drawn else "")
            + f"。建议推荐{len(results.order)}个项目，推荐顺序即上表名次顺序。"
        )
    return [KeepTogether([Paragraph(escape(text), s.body), Spacer(1, 4), table])]


def _table(
    rows: list[list[str]],
    fractions: list[float],
    s: _Styles,
    *,
    numeric_from: int | None = None,
    numeric_to: int = -1,
    row_height: float | None = None,
) -> Table:
    last = len(fractions) - 1 if numeric_to < 0 else numeric_to

    def style_of(r: int, c: int) -> ParagraphStyle:
        if r == 0:
            return s.cell_head
        numeric = numeric_from is not None and numeric_from <= c <= last
        return s.cell_centred if numeric else s.cell

    cells = [
        [Paragraph(escape(str(v)).replace("\n", "<br/>"), style_of(r, c)) for c, v in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    table = Table(
        cells,
        colWidths=[f * layout.TEXT_WIDTH for f in fractions],
        rowHeights=[None] + [row_height] * (len(rows) - 1) if row_height else None,
        repeatRows=1,
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    table.setStyle(TableStyle(style))
    return table

"""The pilot kind's 统计图表 as a PDF (A4 portrait): the quota's use, applications by county, category
and direction, the task list's progress — reportlab vector charts (`charts_pdf`), Chinese fonts by
role as the other PDFs find them, and the data's time, campaign and figures' digest on every page.

Written from a frozen `PilotCharts` (the figures the window shows), never from the live tables; it is
a working paper for the bureau, not one of the province's fixed-format exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from .charts_pdf import BAR, LIGHT, Bar, bar_chart, strip
from .errors import InputError
from .files import atomic_output
from .pdf.fonts import FontSet, active_fonts
from .pdf.layout import PAGE
from .pdf.stamps import draw_footer, draw_page_number
from .pdf.styles import Styles, styles
from .pilot_charts import Count, PilotCharts, quota_segments

LEGEND = ((LIGHT, "申报项目（已登记和已推荐）"), (BAR, "其中已推荐"))


def default_name(charts: PilotCharts) -> str:
    return f"{charts.city}试点示范统计图表.pdf"


def charts_target(out: Path, charts: PilotCharts) -> Path:
    """OUT.pdf as given, or the default name inside an existing folder; anything else is refused."""
    if out.is_dir():
        return out / default_name(charts)
    if out.suffix.lower() != ".pdf":
        raise InputError(f"输出文件应以 .pdf 结尾（或给出一个已有的文件夹）：{out}")
    if not out.parent.is_dir():
        raise InputError(f"找不到输出文件夹：{out.parent}")
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def title_of(charts: PilotCharts) -> str:
    return f"{charts.city}工业互联网试点示范申报统计图表"


def write_charts_pdf(charts: PilotCharts, target: Path, fonts: FontSet | None = None) -> Path:
    """Write the PDF to `target` (atomically); `fonts` are the export's fonts by role (settings first)."""
    if fonts is None:
        return _write(charts, target, styles())
    with active_fonts(fonts):
        return _write(charts, target, styles())


def _write(charts: PilotCharts, target: Path, st: Styles) -> Path:
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=PAGE,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=26 * mm,
            invariant=True,  # the same figures at the same time give the same bytes
            initialFontName=st.fonts.body,
            title=title_of(charts),
            author=charts.city,
            subject=charts.source_line,
            creator="GDIIoT Desktop",
        )
        footer = f"{charts.city} · {charts.campaign_title} · 数据时间 {charts.read_at:%Y-%m-%d %H:%M} · 编号 {charts.stamp}"

        def on_page(canvas: Any, _doc: Any) -> None:
            draw_page_number(canvas, canvas.getPageNumber(), st.fonts, PAGE)
            draw_footer(canvas, footer, st.fonts, PAGE)

        doc.build(story(charts, st, doc.width), onFirstPage=on_page, onLaterPages=on_page)
    return target


def _bars(counts: tuple[Count, ...]) -> list[Bar]:
    return [
        Bar(c.label, float(c.applied), f"申报 {c.applied}，推荐 {c.recommended}", part=float(c.recommended))
        for c in counts
    ]


def story(charts: PilotCharts, st: Styles, width: float) -> list[Flowable]:
    heading = ParagraphStyle(
        "charts_heading", parent=st.body, fontName=st.fonts.heading, fontSize=13, leading=20
    )
    note = ParagraphStyle("charts_note", parent=st.small, fontSize=9, leading=13)
    quota = charts.quota
    out: list[Flowable] = [
        Paragraph(_escape(title_of(charts)), st.title),
        Paragraph(_escape(charts.source_line), note),
        Paragraph(
            _escape(
                f"在册申报 {charts.applied} 项（已登记和已推荐），其中已推荐 {charts.recommended} 项"
                + (f"；已撤回或退回 {charts.withdrawn} 项，不计入图表" if charts.withdrawn else "")
            ),
            note,
        ),
        Spacer(1, 4 * mm),
    ]

    def section(title: str, chart: Flowable, *notes: str) -> None:
        parts: list[Flowable] = [Paragraph(_escape(title), heading), chart]
        parts += [Paragraph(_escape(n), note) for n in notes]
        out.extend([KeepTogether(parts), Spacer(1, 5 * mm)])

    font = st.fonts.body
    section(
        "一、推荐名额使用",
        strip(
            quota_segments(quota),
            float(quota.limit),
            width,
            font,
            quota.text,
            line_label=f"名额 {quota.limit} 项",
        ),  # fmt: skip
        f"每格一个占名额的推荐项目（按推荐顺序），红线为名额：{quota.region}城市最多推荐 {quota.limit} 项"
        + ("（计划单列市直接报送，按工业和信息化部的限额）" if quota.direct else "")
        + "，红线以后的灰格超出名额；中央企业不占属地指标（通知 三(二)）。",
    )
    section(
        "二、各县（市、区）申报和推荐",
        bar_chart(_bars(charts.by_county), width, font, legend=LEGEND, label_width=110, note_width=110),
    )
    section(
        "三、各类别申报和推荐",
        bar_chart(_bars(charts.by_category), width, font, legend=LEGEND, label_width=150, note_width=110),
    )
    if charts.by_direction:
        section(
            "四、各方向申报和推荐（只列有申报的方向）",
            bar_chart(
                _bars(charts.by_direction), width, font, legend=LEGEND, label_width=230, note_width=100
            ),
        )
    else:
        section("四、各方向申报和推荐", Paragraph("尚无申报项目。", note))
    if charts.tasks:
        bars = [
            Bar(
                t.label,
                t.fraction,
                f"{t.done} / {t.target}"
                + ("（已完成）" if t.done >= t.target else "")
                + (
                    ""
                    if t.days_left is None
                    else f"，剩余 {t.days_left} 天"
                    if t.days_left >= 0
                    else f"，已逾期 {-t.days_left} 天"
                ),
            )
            for t in charts.tasks
        ]
        section(
            "五、省级任务清单完成进度",
            bar_chart(
                bars,
                width,
                font,
                limit=1.0,
                limit_label="目标",
                label_width=230,
                note_width=100,
                scale_max=1.0,
                notes_at_end=True,
            ),  # fmt: skip
            "计入的项目：本批次已推荐的项目，按其标记的类别计入；红线为目标。",
        )
    return out

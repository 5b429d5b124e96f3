"""The year-end progress report against the province task list: .xlsx and PDF (with progress bars)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ...domain.tasks.model import ProvinceTask, TaskList
from ...domain.tasks.progress import CountedProject, TargetProgress, timing
from ..files import atomic_output

HEADERS = (
    "任务清单", "序号", "工作任务名称", "任务性质", "实施方式", "工作量（原文）", "目标",
    "已完成", "差额", "完成率", "完成时限", "剩余天数", "计入的项目", "计入说明",
)  # fmt: skip


def report_targets(out: Path, city: str) -> tuple[Path, Path]:
    if out.suffix.lower() in (".xlsx", ".pdf"):
        return out.with_suffix(".xlsx"), out.with_suffix(".pdf")
    stem = f"{city}市省级任务清单完成情况"
    return out / f"{stem}.xlsx", out / f"{stem}.pdf"


def _days(value: int | None) -> str:
    if value is None:
        return "—"
    return f"已逾期 {-value} 天" if value < 0 else f"{value} 天"


def counting_notes(task: ProvinceTask, list_year: int | None, projects: list[CountedProject]) -> str:
    """Whether the counted projects' campaigns lie in the task's period (one line per campaign)."""
    campaigns = {p.campaign_id: p for p in projects}
    return "；".join(
        ("期内：" if v.in_period else "注意：") + v.reason
        for v in (timing(task, list_year, p) for p in campaigns.values())
    )


def rows(
    lists: list[tuple[TaskList, list[TargetProgress]]],
    city: str,
    today: date,
    projects: list[CountedProject] | None = None,
) -> list[list[Any]]:
    out: list[list[Any]] = []
    for task_list, items in lists:
        seen = set()
        for item in items:
            task = item.task
            seen.add(task.id)
            target = item.target
            out.append(
                [
                    task_list.title, task.seq, task.name, task.nature, task.method, task.workload,
                    target.label + ("" if target.confirmed else "（待确认）"), item.done, item.missing,
                    f"{item.fraction:.0%}" if target.count else "—", task.deadline_text, _days(item.days_left),
                    "；".join(p.label for p in item.projects),
                    counting_notes(task, task_list.year, projects or []),
                ]
            )  # fmt: skip
        for task in task_list.of_city(city):
            if task.id not in seen:
                left = None if task.deadline is None else (task.deadline - today).days
                out.append(
                    [task_list.title, task.seq, task.name, task.nature, task.method, task.workload,
                     "（无可计量的目标）", "", "", "—", task.deadline_text, _days(left), "",
                     counting_notes(task, task_list.year, projects or [])]
                )  # fmt: skip
    return out


def write_report_xlsx(
    lists: list[tuple[TaskList, list[TargetProgress]]],
    projects: list[CountedProject],
    city: str,
    today: date,
    target: Path,
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务进度"
    ws.cell(1, 1, f"{city}市省级任务清单完成情况（截至 {today:%Y年%m月%d日}）").font = Font(
        bold=True, size=14
    )
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    for col, header in enumerate(HEADERS, 1):
        cell = ws.cell(2, col, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    for values in rows(lists, city, today, projects):
        ws.append(values)
    for col, width in enumerate((30, 6, 24, 12, 16, 48, 18, 8, 8, 8, 12, 12, 48, 48), 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"
    sheet = wb.create_sheet("计入的项目")
    sheet.append(["项目", "来源", "计入类别", "编号", "所属活动", "活动年度"])
    for p in projects:
        sheet.append([p.label, p.source, "、".join(sorted(p.marks)) or "（未标记）", p.ref, p.campaign, p.year])
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["C"].width = 30
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def write_report_pdf(
    lists: list[tuple[TaskList, list[TargetProgress]]],
    projects: list[CountedProject],
    city: str,
    today: date,
    target: Path,
) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus.flowables import Flowable

    from ..charts_pdf import progress_bar
    from ..pdf.layout import PAGE_LANDSCAPE
    from ..pdf.stamps import draw_page_number
    from ..pdf.styles import styles

    st = styles()
    cell = ParagraphStyle("task_cell", parent=st.cell, fontSize=9, leading=12)
    head = ParagraphStyle("task_head", parent=cell, fontName=st.fonts.heading)
    heading = ParagraphStyle(
        "task_heading", parent=st.body, fontName=st.fonts.heading, fontSize=13, leading=20, keepWithNext=1
    )
    note = ParagraphStyle("task_note", parent=st.small, fontSize=9, leading=13)

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story: list[Flowable] = [
        Paragraph(esc(f"{city}市省级任务清单完成情况"), st.title),
        Paragraph(
            esc(
                f"截至 {today:%Y年%m月%d日}；计入的项目：已推荐的试点示范项目和已入库的专项资金项目，"
                "按标记计入；不属清单当年或晚于完成时限的活动，在“注意”中列明"
            ),
            note,
        ),
        Spacer(1, 4 * mm),
    ]
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=PAGE_LANDSCAPE, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=15 * mm,
            bottomMargin=22 * mm, invariant=True, initialFontName=st.fonts.body,
            title=f"{city}市省级任务清单完成情况", creator="GDIIoT Desktop",
        )  # fmt: skip
        width = doc.width
        for task_list, items in lists:
            story.append(Paragraph(esc(task_list.title), heading))
            tasks = task_list.of_city(city)
            if not tasks:
                story.append(Paragraph(esc(f"本清单中没有{city}的任务。"), note))
            for task in tasks:
                # One task's heading, notes and table stay on one page: no table header left alone at a
                # page's foot.
                block: list[Flowable] = []
                left = None if task.deadline is None else (task.deadline - today).days
                block.append(
                    Paragraph(
                        esc(
                            f"{task.seq or ''} {task.name}（{task.nature}；{task.method}；完成时限 {task.deadline_text}，"
                            f"{'剩余 ' if left is not None and left >= 0 else ''}{_days(left)}）"
                        ),
                        head,
                    )
                )
                block.append(Paragraph(esc(f"工作量：{task.workload}"), note))
                if notes := counting_notes(task, task_list.year, projects):
                    block.append(Paragraph(esc(notes), note))
                mine = [i for i in items if i.task.id == task.id]
                if mine:
                    data: list[list[Any]] = [
                        [Paragraph(h, head) for h in ("目标", "进度", "差额", "计入的项目")]
                    ]
                    for item in mine:
                        text = f"{item.done} / {item.target.count}" + ("（已完成）" if item.met else "")
                        data.append(
                            [
                                Paragraph(
                                    esc(item.target.label + ("" if item.target.confirmed else "（待确认）")),
                                    cell,
                                ),
                                progress_bar(item.fraction, width * 0.28, 12, st.fonts.body, text),
                                Paragraph(str(item.missing), cell),
                                Paragraph(esc("；".join(p.label for p in item.projects) or "—"), cell),
                            ]
                        )
                    table = Table(data, colWidths=[width * 0.2, width * 0.3, width * 0.07, width * 0.43])
                    table.setStyle(
                        TableStyle(
                            [
                                ("FONT", (0, 0), (-1, -1), st.fonts.body),
                                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2F2F2")),
                            ]
                        )
                    )
                    block.append(table)
                story.append(KeepTogether(block))
                story.append(Spacer(1, 3 * mm))
        if not lists:
            story.append(Paragraph("尚未导入省级任务清单。", note))

        def on_page(canvas: Any, _doc: Any) -> None:
            draw_page_number(canvas, canvas.getPageNumber(), st.fonts, PAGE_LANDSCAPE)

        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return target

"""The 入库 list as .xlsx: the whole ranking with the running total and the budget line, then one
sheet per direction. Amounts are numbers in yuan (two decimals), so the sheet sums them itself."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...domain.fund.money import ZERO, format_money
from ..files import atomic_output
from .snapshot import FrozenLine, FundSnapshot

HEADERS = (
    "排序",
    "支持方向",
    "县（市、区）",
    "企业名称",
    "项目名称",
    "总投入（元）",
    "可补贴投入（元）",
    "最高可补贴（元）",
    "申请补贴（元）",
    "拟补贴（元）",
    "累计拟补贴（元）",
    "预算内",
)
MONEY_COLUMNS = range(6, 12)  # 1-based columns holding amounts
LINE_FILL = "F8CBAD"


def line_values(line: FrozenLine) -> list[Any]:
    direction = line.direction + (f"（{line.subdirection}）" if line.subdirection else "")
    return [
        line.rank,
        direction,
        line.county,
        line.enterprise,
        line.project,
        line.total_investment,
        line.eligible_investment,
        line.cap,
        line.requested,
        line.proposed,
        line.running_total,
        "是" if line.within_budget else "否（预算线以下）",
    ]


def budget_line_text(snapshot: FundSnapshot) -> str:
    if snapshot.budget is None:
        return "未设定资金预算，不划预算线"
    return (
        f"预算线：预算 {format_money(snapshot.budget)} 元，以上 {snapshot.funded} 个项目拟补贴合计 "
        f"{format_money(snapshot.funded_total)} 元，结余 {format_money(snapshot.budget - snapshot.funded_total)} 元"
    )


def write_pool_xlsx(snapshot: FundSnapshot, target: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "入库汇总"
    _sheet(ws, snapshot, f"{snapshot.title}入库清单", snapshot.lines, with_line=True)
    for direction_id, name in snapshot.direction_names:
        lines = snapshot.of_direction(direction_id)
        sheet = wb.create_sheet(name[:31])
        _sheet(sheet, snapshot, f"{name}入库清单", lines, with_line=False)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def _sheet(
    ws: Any, snapshot: FundSnapshot, title: str, lines: Sequence[FrozenLine], *, with_line: bool
) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    budget = "未设定" if snapshot.budget is None else f"{format_money(snapshot.budget)} 元"
    ws.cell(
        2,
        1,
        f"预算：{budget}；入库项目 {len(lines)} 个；排序依据：{snapshot.ranked_by}；"
        f"快照 {snapshot.id}（{snapshot.created_at:%Y-%m-%d %H:%M}）",
    )
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    for col, header in enumerate(HEADERS, 1):
        cell = ws.cell(3, col, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    widths = (6, 22, 10, 26, 30, 14, 14, 14, 14, 14, 15, 14)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A4"
    row = 4
    line_drawn = False
    for line in lines:
        if with_line and not line.within_budget and not line_drawn:
            row = _budget_line(ws, row, snapshot)
            line_drawn = True
        for col, value in enumerate(line_values(line), 1):
            cell = ws.cell(row, col, value)
            if col in MONEY_COLUMNS:
                cell.number_format = "#,##0.00"
        row += 1
    if with_line and not line_drawn and snapshot.budget is not None:
        row = _budget_line(ws, row, snapshot)
    total = sum((line.proposed for line in lines), ZERO)
    requested = sum((line.requested for line in lines), ZERO)
    ws.cell(row, 1, "合计").font = Font(bold=True)
    for col, value in ((9, requested), (10, total)):
        cell = ws.cell(row, col, value)
        cell.number_format = "#,##0.00"
        cell.font = Font(bold=True)


def _budget_line(ws: Any, row: int, snapshot: FundSnapshot) -> int:
    from openpyxl.styles import Alignment, Font, PatternFill

    cell = ws.cell(row, 1, "—— " + budget_line_text(snapshot) + " ——")
    cell.font = Font(bold=True, color="C00000")
    cell.alignment = Alignment(horizontal="center")
    fill = PatternFill("solid", fgColor=LINE_FILL)
    for col in range(1, len(HEADERS) + 1):
        ws.cell(row, col).fill = fill
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADERS))
    return row + 1


def as_decimal(value: object) -> Decimal:
    """A money cell read back (openpyxl gives int or float): for tests and re-reading."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))

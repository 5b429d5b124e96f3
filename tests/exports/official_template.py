"""An official-looking 附件4 template: merged title, a 推荐单位/填表日期 line, a two-row header with
a 联系人信息 group and headers worded unlike the program's (所属类别, 项目总投资（万元）, 审核意见),
5 pre-bordered numbered rows, a note at A10 and 填表人 at A12, a print area and a drop-down."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation

HEADERS = [
    "序号", "项目名称", "申报单位", "统一社会信用代码", "所属类别", "具体方向", "负责单位", "所在地市",
    None, None, None, None, "是否中央企业", "项目总投资（万元）", "备注", "审核意见",
]  # fmt: skip
CONTACT = ["联系人", "职务", "手机", "邮箱"]  # columns I–L under 联系人信息
LAST = "P"
NOTE = "注：1. 请按推荐顺序填写；2. 中央企业不占属地推荐名额；3. 联系人须为项目实际负责人。"
SIGNER = "填表人：            联系电话："
CHECKER = "审核人："
SLOTS = 5
NOTE_ROW, SIGNER_ROW = 10, 12


def make_official_template(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "附件4"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws["A1"] = "2023年工业互联网试点示范推荐项目汇总表"
    ws["A1"].font, ws["A1"].alignment = Font(name="方正小标宋简体", size=18, bold=True), center
    ws.merge_cells(f"A1:{LAST}1")
    ws.row_dimensions[1].height = 40
    ws["A2"] = "推荐单位（盖章）：                              填表日期：    年  月  日"
    ws.merge_cells(f"A2:{LAST}2")
    for col, text in enumerate(HEADERS, 1):
        for row in (3, 4):
            cell = ws.cell(row=row, column=col)
            cell.border, cell.alignment, cell.font = box, center, Font(name="黑体", size=11, bold=True)
        if text is not None:
            ws.cell(row=3, column=col, value=text)
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws["I3"] = "联系人信息"
    ws.merge_cells("I3:L3")
    for col, text in enumerate(CONTACT, 9):
        ws.cell(row=4, column=col, value=text)
    for row in range(5, 5 + SLOTS):
        ws.row_dimensions[row].height = 30
        for col in range(1, len(HEADERS) + 1):
            cell = ws.cell(row=row, column=col)
            cell.border, cell.font = box, Font(name="仿宋", size=11)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.cell(row=row, column=1, value=row - 4).alignment = center
    ws.cell(row=NOTE_ROW, column=1, value=NOTE).font = Font(name="仿宋", size=10, italic=True)
    ws.merge_cells(f"A{NOTE_ROW}:{LAST}{NOTE_ROW}")
    ws.row_dimensions[NOTE_ROW].height = 45
    ws.cell(row=SIGNER_ROW, column=1, value=SIGNER)
    ws.merge_cells(f"A{SIGNER_ROW}:F{SIGNER_ROW}")
    ws.cell(row=SIGNER_ROW, column=8, value=CHECKER)
    ws.merge_cells(f"H{SIGNER_ROW}:{LAST}{SIGNER_ROW}")
    ws.row_dimensions[SIGNER_ROW].height = 28
    widths = [6, 28, 24, 21, 12, 20, 12, 12, 8, 10, 13, 20, 8, 10, 20, 14]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width = width
    dropdown = DataValidation(type="list", formula1='"工业互联网平台+应用,网络化改造,标识解析"', allow_blank=True)
    ws.add_data_validation(dropdown)
    dropdown.add(f"E5:E{4 + SLOTS}")
    ws.print_area = f"A1:{LAST}{SIGNER_ROW}"
    ws.page_setup.orientation = "landscape"
    wb.save(path)
    return path

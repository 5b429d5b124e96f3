"""Writing the intake template (申报项目), empty or filled with applications (the export half of a round trip)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.campaign import Campaign
from ..domain.enums import BuildStatus, InnovationAcceptance, OtherChannel, Status
from ..domain.fields import FIRST_PILOT_YEAR
from ..domain.model import Application
from . import intake_columns as cols
from .intake_columns import COLUMNS, DIRECTIONS_SHEET, INSTRUCTIONS_SHEET, SHEET_NAME, Column

__all__ = ["AttachmentNames", "write_template"]

_TEMPLATE_SPARE_ROWS = 2000  # rows below the data that still get the drop-downs
_INLINE_LIST_LIMIT = 255  # Excel's limit for an inline list validation

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FFE699")
_HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
# Text that a spreadsheet would take for a formula when typed (and CSV readers when exported).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_MAX_CELL_TEXT = 32767

AttachmentNames = Mapping[int, tuple[str | PurePath | None, str | PurePath | None]]


def write_template(
    path: str | os.PathLike[str],
    campaign: Campaign,
    applications: Iterable[Application] = (),
    attachment_names: AttachmentNames | None = None,
) -> Path:
    """Write the intake template, filled with `applications` when given (the export half of a round trip).

    `attachment_names` maps an application's id to its video and form paths relative to the
    workbook's folder. The file is written to a temporary file beside it, then renamed over it.
    """
    target = Path(path)
    workbook = _template_workbook(campaign, list(applications), attachment_names or {})
    _save_atomically(workbook, target)
    return target


def _template_workbook(
    campaign: Campaign, applications: list[Application], attachment_names: AttachmentNames
) -> Any:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = SHEET_NAME
    for index, column in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = _HEADER_FONT
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = _HEADER_ALIGNMENT
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = max(column.width, 2 * len(column.header) + 2)
        if column.text:
            dimension.number_format = "@"  # what users type later stays text: codes, phones
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"

    for row, app in enumerate(applications, 2):
        values = _row_values(app, campaign, row - 1, attachment_names)
        for index, column in enumerate(COLUMNS, 1):
            _put(ws, row, index, values[column.key])

    last_row = len(applications) + 1 + _TEMPLATE_SPARE_ROWS
    directions = _write_directions(workbook.create_sheet(DIRECTIONS_SHEET), campaign)
    _add_validations(ws, campaign, last_row, directions)
    _write_instructions(workbook.create_sheet(INSTRUCTIONS_SHEET, 1), campaign)
    return workbook


def _row_values(
    app: Application, campaign: Campaign, seq: int, attachment_names: AttachmentNames
) -> dict[str, str | int | None]:
    """Each column's cell: the registry's fields as they are, category and direction by name, the
    priority only of a recommended application, the attachments' file names."""
    values = {c.key: cols.cell_value(c.field, c.field.get(app)) for c in COLUMNS if c.field is not None}
    category = campaign.category(app.category_id)
    direction = campaign.direction(app.direction_id)
    video, form = attachment_names.get(app.id, (None, None)) if app.id is not None else (None, None)
    recommended = app.status is Status.RECOMMENDED and app.priority is not None
    values[cols.SEQ.key] = seq
    values[cols.CATEGORY.key] = category.name if category else app.category_id
    values[cols.DIRECTION.key] = direction.name if direction else app.direction_id
    values[cols.PRIORITY.key] = app.priority if recommended else None
    values[cols.VIDEO.key] = None if video is None else str(video)
    values[cols.FORM.key] = None if form is None else str(form)
    return values


def _put(ws: Any, row: int, column: int, value: str | int | float | None) -> Any:
    """Write one value; text is always stored as text and never becomes a formula."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return ws.cell(row=row, column=column, value=value)
    text = ILLEGAL_CHARACTERS_RE.sub("", value)[:_MAX_CELL_TEXT]
    cell = ws.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=…" a formula (and "#N/A" an error): undo that
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True  # Excel's leading apostrophe: stays text when the user edits the cell
    return cell


def _write_directions(ws: Any, campaign: Campaign) -> int:
    """The list behind the 具体方向 drop-down; returns how many directions it holds."""
    for index, (header, width) in enumerate((("类别", 12), ("方向", 50), ("负责单位", 22)), 1):
        cell = ws.cell(row=1, column=index, value=header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    order = {c.id: i for i, c in enumerate(campaign.categories)}
    directions = sorted(campaign.directions, key=lambda d: (order.get(d.category_id, len(order)), d.no))
    for row, direction in enumerate(directions, 2):
        category = campaign.category(direction.category_id)
        _put(ws, row, 1, category.name if category else direction.category_id)
        _put(ws, row, 2, direction.name)
        _put(ws, row, 3, direction.authority_text)
    return len(directions)


def _list_validation(values: Sequence[str], what: str, *, strict: bool = True) -> DataValidation | None:
    formula = '"' + ",".join(values) + '"'
    if len(formula) > _INLINE_LIST_LIMIT or any("," in v or '"' in v for v in values):
        return None  # cannot be an inline list; the import still checks the value
    return _validation(formula, what, strict=strict)


def _validation(formula: str, what: str, *, strict: bool = True) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=False,
        errorStyle="stop" if strict else "warning",
        errorTitle="输入有误",
        error=f"请从下拉列表中选择{what}",
    )


def _add_validations(ws: Any, campaign: Campaign, last_row: int, direction_count: int) -> None:
    yes_no = ["是", "否"]
    lists: list[tuple[Column, DataValidation | None]] = [
        (cols.CENTRAL, _list_validation(yes_no, "“是”或“否”")),
        (cols.INDEPENDENT, _list_validation(yes_no, "“是”或“否”")),
        # Other types are let through with a warning: the rule APPLICANT_NOT_ELIGIBLE reports them.
        (cols.APPLICANT_TYPE, _list_validation(campaign.eligible_types, "单位类型", strict=False)),
        (cols.CATEGORY, _list_validation([c.name for c in campaign.categories], "试点示范类别")),
        (cols.BUILD_STATUS, _list_validation([s.value for s in BuildStatus], "建设状态")),
        (cols.INNOVATION, _list_validation([s.value for s in InnovationAcceptance], "创新发展工程验收情况")),
        (cols.OTHER_CHANNEL, _list_validation([s.value for s in OtherChannel], "其他推荐渠道")),
        # 27 names exceed the 255-character inline limit: the list lives on its own sheet.
        (
            cols.DIRECTION,
            _validation(f"'{DIRECTIONS_SHEET}'!$B$2:$B${max(direction_count, 1) + 1}", "具体方向"),
        ),
    ]
    year = DataValidation(
        type="whole",
        operator="between",
        formula1=str(FIRST_PILOT_YEAR),
        formula2=str(campaign.year),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入有误",
        error=f"请填写{FIRST_PILOT_YEAR}—{campaign.year}之间的年份，未列入的留空",
    )
    priority = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入有误",
        error="推荐顺序应为正整数（1、2、3……），不推荐的留空",
    )
    lists += [(cols.PILOT_YEAR, year), (cols.PRIORITY, priority)]
    positions = {c.key: i for i, c in enumerate(COLUMNS, 1)}
    for column, validation in lists:
        if validation is None:
            continue
        letter = get_column_letter(positions[column.key])
        validation.add(f"{letter}2:{letter}{last_row}")
        ws.add_data_validation(validation)


def _write_instructions(ws: Any, campaign: Campaign) -> None:
    low, high = campaign.video_min_seconds / 60, campaign.video_max_seconds / 60
    required = "、".join(c.header for c in cols.REQUIRED_COLUMNS)
    lines: list[tuple[str, str]] = [
        ("适用", f"{campaign.title}（{campaign.province_notice}）"),
        (
            "基本要求",
            f"在“{SHEET_NAME}”工作表中每行填写一个项目；表头在第1行，请勿修改表头文字，列的顺序可以调整。",
        ),
        ("必填列", f"{required}。未填或无法识别的单元格会在导入时逐个列出。"),
        ("统一社会信用代码", "18位，按营业执照填写。单元格已设为文本格式，请勿改成数字格式。"),
        ("单位类型", f"从下拉列表选择：{'、'.join(campaign.eligible_types)}。"),
        ("是否中央企业", "填“是”或“否”，留空视为“否”。"),
        ("注册地", "填写注册所在地市，如“广州市”。"),
        ("是否独立法人", "填“是”或“否”。"),
        ("试点示范类别", f"从下拉列表选择：{'、'.join(c.name for c in campaign.categories)}。"),
        ("具体方向", f"从下拉列表选择，须属于所填类别；完整清单及负责单位见“{DIRECTIONS_SHEET}”工作表。"),
        ("建设状态", "已建成、在建或未建（未建项目不可申报）。"),
        ("曾列入试点示范年份", "未列入过的留空；列入过的填写年份，如2022。"),
        ("创新发展工程验收", "不涉及、已验收、未验收或验收未通过，留空视为“不涉及”。"),
        ("已通过其他渠道推荐", "否、通信管理局或中央企业，留空视为“否”。"),
        ("手机、邮箱", "手机为11位号码；邮箱如 name@example.com。"),
        (
            "视频文件、申报书文件",
            f"填写文件相对于本表格所在文件夹的路径，如“视频\\项目名称.mp4”“申报书\\项目名称.pdf”（文件须在本文件夹或其子文件夹中，不能用 C:\\ 开头的路径或“..”）；"
            f"拷贝时请把文件与表格一起拷贝。视频时长须为{low:g}~{high:g}分钟。",
        ),
        ("推荐顺序", "拟推荐的项目按优先顺序填写1、2、3……，不推荐的留空；顺序号不能重复。"),
        ("报送截止", campaign.deadline.text),
    ]
    if not campaign.directions_confirmed:
        lines.append(
            ("注意", f"本年度的方向名称尚未经确认，以正式通知为准。{campaign.directions_note}".strip())
        )
    title = ws.cell(row=1, column=1, value=f"{SHEET_NAME}表 填写说明")
    title.font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    for row, (name, text) in enumerate(lines, 3):
        label = _put(ws, row, 1, name)
        label.font = _HEADER_FONT
        label.alignment = _WRAP
        _put(ws, row, 2, text).alignment = _WRAP
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90


def _save_atomically(workbook: Any, target: Path) -> None:
    """Write beside the target and rename over it: a crash never leaves half a workbook."""
    folder = target.absolute().parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            workbook.save(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)  # mkstemp creates 0600; a shared workbook should be readable
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise

"""The campaign's direction list: export, import from a spreadsheet, edit, and confirm.

Applications refer to directions by stable id, so an imported list keeps the ids of directions
it still names (matched by category and name, or by 序号 when a name was corrected) and gives
new ids to new ones. A list that would orphan applications is refused.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from ..domain.campaign import Campaign, Direction, Problem, direction_problems
from ..domain.enums import Authority
from ..storage import campaign_repository
from .errors import InputError
from .files import atomic_output
from .intake_package import inspect_package
from .workspace import Workspace

HEADERS = ("序号", "类别", "方向", "负责单位")
_SPLIT = re.compile(r"[、,，;；/\s]+")


def export_directions(campaign: Campaign, out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "方向清单"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for d in campaign.directions:
        category = campaign.category(d.category_id)
        ws.append([d.no, category.name if category else d.category_id, d.name, d.authority_text])
    for column, width in zip("ABCD", (8, 12, 48, 24), strict=True):
        ws.column_dimensions[column].width = width
    with atomic_output(out) as tmp:
        wb.save(tmp)


def read_directions(campaign: Campaign, path: Path) -> list[Direction]:
    """Parse a direction spreadsheet into Directions with stable ids; raises InputError listing every problem."""
    inspect_package(path)  # bounded before openpyxl builds anything (WorkbookRefusedError is an InputError)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, InvalidFileException, zipfile.BadZipFile) as exc:
        raise InputError(f"无法打开方向清单文件：{path.name}（只支持 .xlsx 格式，或文件已损坏）") from exc
    try:
        sheet = wb["方向清单"] if "方向清单" in wb.sheetnames else wb.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError, zipfile.BadZipFile) as exc:
        raise InputError(f"无法读取方向清单文件：{path.name}（内容已损坏或无法识别：{type(exc).__name__}）") from exc
    finally:
        wb.close()
    if not rows:
        raise InputError("方向清单为空")
    header = [str(c).strip() if c is not None else "" for c in rows[0]]
    missing = [h for h in HEADERS if h not in header]
    if missing:
        raise InputError(f"方向清单缺少列：{'、'.join(missing)}（应有：{'、'.join(HEADERS)}）")
    col = {h: header.index(h) for h in HEADERS}
    problems: list[Problem] = []
    parsed: list[tuple[int, str, str, tuple[Authority, ...], int]] = []
    for row_no, row in enumerate(rows[1:], start=2):
        values = {h: (row[col[h]] if col[h] < len(row) else None) for h in HEADERS}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue
        where = f"第{row_no}行"
        category = campaign.category_by_name(str(values["类别"] or ""))
        if category is None:
            names = "、".join(c.name for c in campaign.categories)
            problems.append(Problem(where, f"类别“{values['类别'] or ''}”不是本年度的类别（{names}）"))
            continue
        name = str(values["方向"] or "").strip()
        authorities, bad = _authorities(str(values["负责单位"] or ""))
        if bad:
            problems.append(Problem(where, f"负责单位“{bad}”应为 工信厅 或 通信管理局"))
            continue
        try:
            no = int(str(values["序号"]).strip()) if values["序号"] is not None else len(parsed) + 1
        except ValueError:
            problems.append(Problem(where, f"序号“{values['序号']}”不是整数"))
            continue
        parsed.append((no, category.id, name, authorities, row_no))
    directions = _assign_ids(campaign, parsed)
    problems += direction_problems(campaign, directions, "方向清单")
    if problems:
        raise InputError(f"方向清单有 {len(problems)} 处问题，未导入", [str(p) for p in problems])
    return directions


def _authorities(text: str) -> tuple[tuple[Authority, ...], str]:
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    out = []
    for part in parts:
        if part not in Authority._value2member_map_:
            return (), part
        out.append(Authority(part))
    return tuple(dict.fromkeys(out)), ""


def _assign_ids(
    campaign: Campaign, parsed: Sequence[tuple[int, str, str, tuple[Authority, ...], int]]
) -> list[Direction]:
    by_name = {(d.category_id, d.name): d.id for d in campaign.directions}
    by_no = {(d.category_id, d.no): d.id for d in campaign.directions}
    taken: set[str] = set()
    out = []
    used_ids = {d.id for d in campaign.directions}
    next_no = 1
    for no, category_id, name, authorities, _row in parsed:
        direction_id = by_name.get((category_id, name)) or by_no.get((category_id, no))
        if direction_id is None or direction_id in taken:
            while f"d{next_no:02d}" in used_ids or f"d{next_no:02d}" in taken:
                next_no += 1
            direction_id = f"d{next_no:02d}"
        taken.add(direction_id)
        out.append(Direction(direction_id, no, category_id, name, authorities))
    return out


def replace_directions(ws: Workspace, directions: Sequence[Direction], *, confirmed: bool) -> list[str]:
    """Store a new direction list for the workspace's campaign; returns Chinese notes on what changed."""
    campaign = ws.campaign
    problems = direction_problems(campaign, directions, "方向清单")
    if problems:
        raise InputError("方向清单有问题，未保存", [str(p) for p in problems])
    new_ids = {d.id for d in directions}
    with ws.db.session() as session:
        in_use = campaign_repository.direction_use(session)
        orphaned = {d: n for d, n in in_use.items() if d not in new_ids}
        if orphaned:
            names = [f"{_direction_name(campaign, d)}（{n}个项目）" for d, n in orphaned.items()]
            raise InputError("新清单删去了已有项目使用的方向，未保存。请先调整这些项目", names)
        campaign_repository.replace_directions(session, campaign.id, directions, confirmed=confirmed)
        notes = _changes(campaign.directions, directions)
        ws.audit(session, "directions", "campaign", campaign.id, {"confirmed": confirmed, "changes": notes})
    ws.reload_campaign()
    return notes


def _direction_name(campaign: Campaign, direction_id: str) -> str:
    direction = campaign.direction(direction_id)
    return direction.name if direction else direction_id


def confirm_directions(ws: Workspace) -> None:
    """The user has checked the list against the notice's 附件2: drop the "unconfirmed" notice."""
    replace_directions(ws, ws.campaign.directions, confirmed=True)


def _changes(old: Sequence[Direction], new: Sequence[Direction]) -> list[str]:
    before = {d.id: d for d in old}
    after = {d.id: d for d in new}
    notes = [f"新增：{d.name}" for i, d in after.items() if i not in before]
    notes += [f"删除：{d.name}" for i, d in before.items() if i not in after]
    for i, d in after.items():
        if i in before and before[i] != d:
            notes.append(f"修改：{before[i].name} → {d.name}（{d.authority_text}）")
    return notes

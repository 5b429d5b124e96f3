"""Reading a province task list laid out like seeds 000/001: a title row, then 序号, 地市,
工作任务名称, 任务要求/目标, 任务性质, 实施方式, 实施标准, 工作量, 完成时限.

A city with several rows has its 序号 and 地市 (and often the task's name and goal) in merged
cells: a blank cell in those columns takes the value of the row above.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ...domain.tasks.model import ProvinceTask, TaskList
from ...domain.tasks.parse import parse_deadline, parse_workload
from ...domain.text import describe_removed, find_unsafe
from ..errors import InputError

SEQ, CITY, NAME, GOAL = "序号", "地市", "工作任务名称", "任务要求/目标"
NATURE, METHOD, STANDARD, WORKLOAD, DEADLINE = "任务性质", "实施方式", "实施标准", "工作量", "完成时限"
REQUIRED = (CITY, WORKLOAD, DEADLINE)
INHERITED = (SEQ, CITY, NAME, GOAL)  # merged down a city's rows


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()  # a 完成时限 typed as a date
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header(value: Any) -> str:
    return re.sub(r"\s+", "", _clean(value)).replace("／", "/")


def read_task_list(path: Path) -> TaskList:
    from ..intake_package import read_sheet_rows

    rows = read_sheet_rows(path)  # caps checked while streaming; damage refused in Chinese
    header_at = _header_row(rows)
    if header_at is None:  # the list on another sheet (a cover or 说明 sheet in front)
        from ..intake_package import sheet_names

        for name, visible in sheet_names(path)[1:]:
            if visible and (found := _header_row(other := read_sheet_rows(path, name))) is not None:
                rows, header_at = other, found
                break
    if header_at is None:
        raise InputError(f"{path.name} 中找不到任务清单的表头（应有“{CITY}”“{WORKLOAD}”“{DEADLINE}”等列）")
    index = {_header(v): j for j, v in enumerate(rows[header_at]) if _header(v)}
    missing = [h for h in REQUIRED if h not in index]
    if missing:
        raise InputError(f"{path.name} 缺少列：{'、'.join(missing)}")
    above = ["".join(_clean(v).split()) for r in rows[:header_at] for v in r if _clean(v)]
    title = list_title(above) or path.stem
    year_match = re.search(r"(\d{4})年", title)
    tasks: list[ProvinceTask] = []
    problems: list[str] = []
    carried: dict[str, str] = {}
    for number, values in enumerate(rows[header_at + 1 :], start=header_at + 2):

        def cell(name: str, values: list[Any] = values) -> str:
            j = index.get(name)
            return _clean(values[j]) if j is not None and j < len(values) else ""

        if not any(cell(h) for h in index):
            continue
        if not cell(WORKLOAD) and not cell(CITY) and not cell(NAME):
            continue  # a note or a total under the table
        problems += _text_problems(number, {h: cell(h) for h in index})
        got = {h: cell(h) for h in INHERITED}
        if got[CITY]:
            carried = dict(got)  # a new city's first row
        else:
            for h in INHERITED:
                got[h] = got[h] or carried.get(h, "")
            carried = dict(got)
        city = got[CITY].removesuffix("市")
        if not city:
            problems.append(f"第{number}行：没有地市，上方也没有可沿用的地市")
            continue
        workload = cell(WORKLOAD)
        if not workload:
            problems.append(f"第{number}行（{city}）：“{WORKLOAD}”为空")
        seq_text = got[SEQ]
        deadline_text = cell(DEADLINE)
        tasks.append(
            ProvinceTask(
                seq=int(seq_text) if seq_text.isascii() and seq_text.isdigit() and len(seq_text) <= 9 else None,
                city=city,
                name=got[NAME],
                requirement=got[GOAL],
                nature=cell(NATURE),
                method="、".join(part.strip() for part in cell(METHOD).splitlines() if part.strip()),
                standard=cell(STANDARD),
                workload=workload,
                deadline_text=deadline_text,
                deadline=parse_deadline(deadline_text),
                targets=parse_workload(workload),
                row=number,
            )
        )
    if problems:
        raise InputError(f"{path.name} 有 {len(problems)} 处问题，未导入", problems)
    if not tasks:
        raise InputError(f"{path.name} 中没有任务行")
    years = [t.deadline.year for t in tasks if t.deadline]
    year = int(year_match.group(1)) if year_match else (max(set(years), key=years.count) if years else None)
    return TaskList(title=title, year=year, tasks=tuple(tasks))


_LABEL = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*[:：]?$")


def list_title(above: list[str]) -> str:
    """The list's title from the texts above the header. Seed 001 has "附件" on a row of its own, then
    the title over two rows ("2020年省级…（支持工业互联网发展）" / "地市任务清单"): the rows that end in
    the one naming a 清单 are joined, so two years' lists never share the title "地市任务清单" (an
    import replaces the list of the same title)."""
    named = [i for i, text in enumerate(above) if "清单" in text]
    if not named:
        return max(above, key=len, default="")
    end = start = named[-1]
    while start > 0 and not _LABEL.match(above[start - 1]) and "清单" not in above[start - 1]:
        start -= 1
    return "".join(above[start : end + 1])


def _header_row(rows: list[list[Any]]) -> int | None:
    return next((i for i, r in enumerate(rows[:20]) if {CITY, WORKLOAD} <= {_header(v) for v in r}), None)


MAX_CELL_TEXT = 2000  # far beyond any task's text; a report row still lays out


def _text_problems(number: int, cells: dict[str, str]) -> list[str]:
    """The intake's text rules for a task row: no characters XML forbids, no bidi overrides, a sane length."""
    out = []
    for header, value in cells.items():
        if found := find_unsafe(value):
            out.append(f"第{number}行“{header}”含有不能保存的字符：{describe_removed(found)}")
        elif len(value) > MAX_CELL_TEXT:
            out.append(f"第{number}行“{header}”过长（{len(value)}个字，最多{MAX_CELL_TEXT}个）")
    return out

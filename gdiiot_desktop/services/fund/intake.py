"""Excel intake for a special-fund call: the template and reading a filled-in sheet.

One row per application. Columns are derived from the campaign (one investment column per
category, one 是/否 column per material), so another call with other categories needs no code.
A sheet with any bad cell imports nothing unless bad rows are skipped; every problem names its
row and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ...domain.fund import fields as fund_fields
from ...domain.fund.campaign import FundCampaign
from ...domain.fund.model import FundApplication
from ...domain.fund.money import MoneyError, to_money
from ...domain.names import normalize_name
from ...domain.text import describe_removed, find_unsafe
from ...domain.uscc import normalize_uscc, uscc_problem
from ..errors import InputError
from ..files import atomic_output
from .workspace import FundWorkspace

COUNTY = "县（市、区）"
ENTERPRISE = "企业名称"
USCC = "统一社会信用代码"
PROJECT = "项目名称"
DIRECTION = "支持方向"
SUBDIRECTION = "子方向"
REQUESTED = "申请补贴金额（元）"
CLUSTER = "所属产业集群"
SESSIONS = "培训场次"
PEOPLE = "培训人数"
SCORE = "评审得分"
CONTACT = "联系人及电话"
NOTE = "备注"
YES = {"是", "有", "已交", "已提交", "√", "✓", "y", "yes", "1", "true"}
NO = {"", "否", "无", "未交", "×", "n", "no", "0", "false"}
SHEET_TITLE = "专项资金申报"


def investment_header(name: str) -> str:
    """'工业互联网' → '工业互联网投入（元）'; '设备投入' → '设备投入（元）'."""
    return f"{name}（元）" if name.endswith("投入") else f"{name}投入（元）"


def material_header(name: str) -> str:
    return f"材料：{name}"


def columns(campaign: FundCampaign) -> list[str]:
    return (
        ["序号", COUNTY, ENTERPRISE, USCC, PROJECT, DIRECTION, SUBDIRECTION]
        + [investment_header(c.name) for c in campaign.categories]
        + [REQUESTED, CLUSTER, SESSIONS, PEOPLE, SCORE]
        + [material_header(m.name) for m in campaign.materials]
        + [CONTACT, NOTE]
    )


def write_template(target: Path, campaign: FundCampaign) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    headers = columns(campaign)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE
    ws.cell(1, 1, f"{campaign.title}申报汇总表（金额单位：元）").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for i, header in enumerate(headers, 1):
        cell = ws.cell(2, i, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(i)].width = 14 if i > 1 else 6
    ws.freeze_panes = "A3"
    directions = DataValidation(
        type="list", formula1='"' + ",".join(d.name for d in campaign.directions) + '"'
    )
    yes_no = DataValidation(type="list", formula1='"是,否"')
    ws.add_data_validation(directions)
    ws.add_data_validation(yes_no)
    col = {h: get_column_letter(i) for i, h in enumerate(headers, 1)}
    directions.add(f"{col[DIRECTION]}3:{col[DIRECTION]}2000")
    for m in campaign.materials:
        letter = col[material_header(m.name)]
        yes_no.add(f"{letter}3:{letter}2000")
    if campaign.counties:
        counties = DataValidation(type="list", formula1='"' + ",".join(campaign.counties) + '"')
        ws.add_data_validation(counties)
        counties.add(f"{col[COUNTY]}3:{col[COUNTY]}2000")
    notes = wb.create_sheet("填写说明")
    lines = [
        f"活动：{campaign.title}（截止 {campaign.deadline.text}）",
        "金额均以元为单位，可精确到分；投入金额以相关发票金额为准。",
        "支持方向：" + "；".join(d.name for d in campaign.directions),
        *_direction_notes(campaign),
        "材料列填“是”表示已提交。",
    ]
    for d in campaign.directions:
        lines.append(f"{d.name}（{d.subsidy.clause}）：{d.subsidy.clause_text}")
    for i, line in enumerate(lines, 1):
        notes.cell(i, 1, line)
    notes.column_dimensions["A"].width = 120
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def _direction_notes(campaign: FundCampaign) -> list[str]:
    """What the sheet needs per direction, named as this call names its directions."""
    notes = [
        f"子方向（仅{d.name}）：" + "；".join(s.name for s in d.subdirections)
        for d in campaign.directions
        if d.subdirections
    ]
    clustered = [d.name for d in campaign.directions if d.subsidy.cluster_cap is not None]
    if clustered:
        notes.append(f"{'、'.join(clustered)}的项目须填写所属产业集群。")
    training = [d.name for d in campaign.directions if d.subsidy.min_sessions or d.subsidy.min_people]
    if training:
        notes.append(f"{'、'.join(training)}的项目须填写培训场次和培训人数。")
    return notes


@dataclass
class IntakeReport:
    imported: list[int] = field(default_factory=list)  # every row's application: new, updated or unchanged
    errors: list[str] = field(default_factory=list)  # skipped rows' problems
    warnings: list[str] = field(default_factory=list)  # read, but worth a look (hidden rows)
    rows: int = 0
    added: int = 0
    updated: int = 0

    def summary(self) -> str:
        skipped = f"，跳过 {self.rows - len(self.imported)} 行" if self.errors else ""
        unchanged = len(self.imported) - self.added - self.updated
        counts = f"（新增 {self.added} 项，更新 {self.updated} 项，未变 {unchanged} 项）"
        return f"已导入 {len(self.imported)} 个专项资金申报项目{counts}{skipped}"


class SheetRefusedError(InputError):
    """A sheet with bad cells, imported all or nothing: nothing was imported. The window offers to
    import the good rows (the CLI's --skip-bad-rows); it needs to know how many there are."""

    def __init__(self, message: str, details: list[str], rows: int, bad_rows: int):
        super().__init__(message, details)
        self.rows = rows
        self.bad_rows = bad_rows


def import_sheet(ws: FundWorkspace, path: Path, *, skip_bad_rows: bool = False) -> IntakeReport:
    apps, problems, rows = read_sheet(ws.campaign, path)
    warnings = [message for row, message in problems if row == 0]
    problems = [(row, message) for row, message in problems if row != 0]
    bad_rows = {row for row, _ in problems}
    messages = [message for _, message in problems]
    if problems and not skip_bad_rows:
        raise SheetRefusedError(f"{path.name} 有 {len(messages)} 处问题，未导入任何项目", messages, rows, len(bad_rows))
    good = [app for row, app in apps if row not in bad_rows]
    # The same sheet imported again (or a corrected one) updates what it imported before, as the
    # pilot intake does: an application is the same when its enterprise and project name are.
    held = {_same_key(a): a for a in ws.repo.all()}
    new: list[FundApplication] = []
    ids: list[int] = []
    updated = 0
    for app in good:
        old = held.get(_same_key(app))
        if old is None:
            new.append(app)
            continue
        merged = replace(
            app,
            id=old.id,
            uid=old.uid,
            status=old.status,
            rank=old.rank,
            overrides=old.overrides,
            review_score=old.review_score if app.review_score is None else app.review_score,
        )
        assert old.id is not None
        if merged != old:
            ws.repo.update(merged)
            updated += 1
        ids.append(old.id)
    ids += ws.repo.add_many(new, source=path.name) if new else []
    return IntakeReport(ids, messages, warnings=warnings, rows=rows, added=len(new), updated=updated)


def _same_key(app: FundApplication) -> tuple[str, str]:
    return app.enterprise_key, normalize_name(app.project_name)


def read_sheet(
    campaign: FundCampaign, path: Path
) -> tuple[list[tuple[int, FundApplication]], list[tuple[int, str]], int]:
    """(row, application) for each data row, and (row, problem) for each bad cell; a problem of
    row 0 is a warning for the whole sheet (hidden rows), not a bad cell."""
    from ..intake_package import read_sheet_rows_and_facts, sheet_names

    # caps checked while streaming; damage refused in Chinese
    rows, facts = read_sheet_rows_and_facts(path, SHEET_TITLE)
    aliases = _aliases(campaign)
    header_at, index = _find_header(rows, aliases)
    if header_at is None:
        # Not on the sheet named 专项资金申报 (or the first): a county's workbook may keep its table on
        # another sheet (a 说明 sheet first). Exactly one sheet with the header is read; more is asked.
        found = []
        sheets = sheet_names(path)
        read = SHEET_TITLE if any(name == SHEET_TITLE for name, _ in sheets) else sheets[0][0]
        for name in (name for name, visible in sheets if visible and name != read):
            other_rows, other_facts = read_sheet_rows_and_facts(path, name)
            other_at, other_index = _find_header(other_rows, aliases)
            if other_at is not None:
                found.append((name, other_rows, other_facts, other_at, other_index))
        if len(found) > 1:
            names = "、".join(f"“{f[0]}”" for f in found)
            raise InputError(f"{path.name} 中有多个工作表像是申报汇总表（{names}），请把要导入的工作表命名为“{SHEET_TITLE}”")
        if found:
            _, rows, facts, header_at, index = found[0]
    if header_at is None:
        raise InputError(
            f"{path.name} 中找不到表头（应有“{ENTERPRISE}”“{PROJECT}”“{DIRECTION}”等列，可用 gdiiot fund template 生成模板）"
        )
    missing = [h for h in (COUNTY, ENTERPRISE, PROJECT, DIRECTION, REQUESTED) if h not in index]
    if missing:
        raise InputError(f"{path.name} 缺少列：{'、'.join(missing)}")
    apps: list[tuple[int, FundApplication]] = []
    problems: list[tuple[int, str]] = []
    merged = _merged_cells(facts, rows, header_at + 2, index)
    count = 0
    hidden: list[int] = []
    first_of: dict[tuple[str, str], int] = {}
    for offset, values in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if all(_text(v) == "" for v in values) and offset not in merged:
            continue
        count += 1
        if offset in facts.hidden_rows:
            hidden.append(offset)
        row = _Row(offset, values, index)
        for header, span in merged.get(offset, []):
            row.refuse(header, f"单元格 {span} 是合并单元格，只有第一个单元格有值。请取消合并，并在每一行填写完整")
        for header, j in index.items():
            if j < len(values) and values[j] is None and (offset, j + 1) in facts.uncached:
                row.refuse(header, "单元格中的公式没有计算结果，请在 Excel/WPS 中打开并保存后再导入")
        app = _read_row(campaign, row)
        if app is not None and not row.problems:
            key = _same_key(app)
            if key in first_of:  # one application twice in one sheet: its caps would count it twice
                row.problem(
                    PROJECT, f"与第{first_of[key]}行是同一企业的同一项目（“{_short(app.project_name)}”），请删除重复的行"
                )
                app = None
            else:
                first_of[key] = offset
        problems += [(offset, p) for p in row.problems]
        if app is not None and not row.problems:
            apps.append((offset, app))
    if count == 0:
        raise InputError(f"{path.name} 中没有任何申报项目（表头以下都是空行）")
    if hidden:
        shown = "、".join(map(str, hidden[:20])) + ("……" if len(hidden) > 20 else "")
        problems.append((0, f"第 {shown} 行是隐藏行，已与其他行一样读取，请核对"))
    # A column the program does not know is not read: say so, lest 设备投入（万元） pass unnoticed.
    known = set(columns(campaign))
    unread = [h for h in index if h not in known]
    if unread:
        shown = "、".join(f"“{_short(h)}”" for h in unread[:10]) + ("……" if len(unread) > 10 else "")
        problems.append((0, f"未识别的列没有读取：{shown}（列名见 gdiiot fund template）"))
    return apps, problems, count


# Columns a county's sheet merges down the rows of one county, enterprise or cluster: the merged
# value is meant for every row it spans. A merged amount, count or 是/否 is ambiguous (one figure
# for two projects?) and is refused instead.
MERGE_DOWN = (COUNTY, ENTERPRISE, USCC, DIRECTION, SUBDIRECTION, CLUSTER, CONTACT)


def _merged_cells(
    facts: Any, rows: list[list[Any]], first_data_row: int, index: dict[str, int]
) -> dict[int, list[tuple[str, str]]]:
    """Fill a column of MERGE_DOWN merged down its rows from its first cell; every other merged range
    below the header refuses the rows it spans, naming the range (as the pilot intake does)."""
    from openpyxl.utils import get_column_letter

    by_column = {j + 1: header for header, j in index.items()}
    out: dict[int, list[tuple[str, str]]] = {}
    for r1, c1, r2, c2 in facts.merged:
        if r2 < first_data_row:
            continue  # a title above the header may be merged
        used = [c for c in range(c1, c2 + 1) if c in by_column]
        if not used:
            continue
        spanned = range(max(r1, first_data_row), min(r2, max(len(rows), r1)) + 1)
        if c1 == c2 and by_column[c1] in MERGE_DOWN and r1 >= first_data_row:
            top = rows[r1 - 1][c1 - 1] if c1 <= len(rows[r1 - 1]) else None
            for number in spanned:
                values = rows[number - 1]
                values.extend([None] * (c1 - len(values)))
                values[c1 - 1] = top
            continue
        span = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        for number in spanned:
            out.setdefault(number, []).append((by_column[used[0]], span))
    return out


def _column_name(text: str, aliases: dict[str, str]) -> str:
    """The template's header for a sheet's header: as written, through the aliases, or without a
    trailing note in brackets (企业名称（全称）, 项目名称（盖章）); never without a unit (（万元） stays)."""
    name = aliases.get(text, text)
    if name in aliases.values():
        return name
    bare = re.sub(r"（[^（）]*）$", "", text)
    if bare != text and not re.search(r"元|万", text[len(bare) :]):
        found = aliases.get(bare, bare)
        if found in aliases.values():
            return found
    return name


def _find_header(rows: Sequence[Sequence[Any]], aliases: dict[str, str]) -> tuple[int | None, dict[str, int]]:
    for i, values in enumerate(rows[:15]):
        names: dict[str, int] = {}
        for j, v in enumerate(values):
            if _text(v):
                names.setdefault(_column_name(_header(v), aliases), j)
        if ENTERPRISE in names and PROJECT in names:
            return i, names
    return None, {}


def _header(value: Any) -> str:
    return "".join(_text(value).split()).replace("(", "（").replace(")", "）").replace(":", "：")


def _aliases(campaign: FundCampaign) -> dict[str, str]:
    """Other ways a county's sheet heads a column, mapped to the template's header."""
    found = {
        "县区": COUNTY, "县（区）": COUNTY, "县（市区）": COUNTY, "县市区": COUNTY, "所属县区": COUNTY,
        "所属县（市、区）": COUNTY, "申报单位": ENTERPRISE, "申报企业": ENTERPRISE, "企业": ENTERPRISE,
        "单位名称": ENTERPRISE, "信用代码": USCC, "申报方向": DIRECTION, "方向": DIRECTION,
        "申请补贴（元）": REQUESTED, "申请金额（元）": REQUESTED, "申请补贴金额": REQUESTED, "申请补贴": REQUESTED,
        "申请资金（元）": REQUESTED, "申请金额": REQUESTED, "产业集群": CLUSTER, "集群": CLUSTER,
        "培训活动场次": SESSIONS, "培训场次（场）": SESSIONS, "培训人数（人）": PEOPLE, "培养人数": PEOPLE,
        "培训人次": PEOPLE, "得分": SCORE, "联系人": CONTACT,
    }  # fmt: skip
    for c in campaign.categories:
        for form in (
            c.name,
            f"{c.name}（元）",
            f"{c.name}投入",
            f"{c.name}投入金额（元）",
            f"{c.name}投入（元）",
        ):
            found[_header(form)] = investment_header(c.name)
    for m in campaign.materials:
        found[_header(m.name)] = material_header(m.name)
    found.update({"申报单位名称": ENTERPRISE, "申报企业名称": ENTERPRISE, "企业全称": ENTERPRISE, "项目全称": PROJECT})
    for header in columns(campaign):  # the template's own headers map to themselves
        found.setdefault(_header(header), header)
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Row:
    def __init__(self, number: int, values: Sequence[Any], index: dict[str, int]):
        self.number = number
        self.values = values
        self.index = index
        self.problems: list[str] = []
        self.by_header: list[tuple[str, str]] = []  # the same problems as (header, message): for a form
        self.blocked: set[str] = set()  # headers already refused (merged, formula): no second message

    def raw(self, header: str) -> Any:
        j = self.index.get(header)
        return self.values[j] if j is not None and j < len(self.values) else None

    def text(self, header: str) -> str:
        return _text(self.raw(header))

    def problem(self, header: str, message: str) -> None:
        if header not in self.blocked:
            self.problems.append(f"第{self.number}行“{header}”：{message}")
            self.by_header.append((header, message))

    def refuse(self, header: str, message: str) -> None:
        """The cell cannot be read at all: say why once, not also that it is blank."""
        self.problem(header, message)
        self.blocked.add(header)

    def money(self, header: str, *, required: bool = False) -> Decimal | None:
        value = self.raw(header)
        if _text(value) == "":
            if required:
                self.problem(header, "不能为空")
            return None
        try:
            return to_money(value)
        except MoneyError as exc:
            self.problem(header, str(exc))
            return None

    def count(self, header: str) -> int | None:
        text = self.text(header).removesuffix("场").removesuffix("人")
        if text == "":
            return None
        if not (text.isascii() and text.isdigit()):
            self.problem(header, f"应为整数，实际为“{_short(text)}”")
            return None
        if len(text) > MAX_COUNT_DIGITS:
            self.problem(header, f"数字过大：“{_short(text)}”")
            return None
        return int(text)


# Text columns and the longest value each may hold, from the fund field registry (the caps a county's
# bundle is read with too); characters XML 1.0 forbids and bidi controls are refused.
TEXT_CAPS = {
    header: fund_fields.cap(name)
    for header, name in (
        (ENTERPRISE, "enterprise"), (PROJECT, "project_name"), (COUNTY, "county"), (USCC, "uscc"),
        (CLUSTER, "cluster"), (CONTACT, "contact"), (NOTE, "note"),
    )
}  # fmt: skip
MAX_COUNT_DIGITS = len(str(fund_fields.MAX_COUNT))  # training sessions and people


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


def read_cells(campaign: FundCampaign, cells: dict[str, Any]) -> tuple[FundApplication | None, list[tuple[str, str]]]:
    """One application from values keyed by the template's headers (one row of a sheet, typed by
    hand), checked exactly as a sheet's row is: the application, or the problems as (header, message)."""
    headers = list(cells)
    row = _Row(0, [cells[h] for h in headers], {h: j for j, h in enumerate(headers)})
    app = _read_row(campaign, row)
    return (None if row.problems else app), row.by_header


def _check_text(row: _Row) -> None:
    for header, cap in TEXT_CAPS.items():
        text = row.text(header)
        bad = find_unsafe(text)
        if bad:
            row.problem(header, f"含有不允许的字符：{describe_removed(bad)}，请删除后重新填写")
        elif len(text) > cap:
            row.problem(header, f"过长（{len(text)}个字，最多{cap}个字）")


def _read_row(campaign: FundCampaign, row: _Row) -> FundApplication | None:
    _check_text(row)
    for header in (ENTERPRISE, PROJECT, COUNTY):
        if not row.text(header):
            row.problem(header, "不能为空")
    county = row.text(COUNTY)
    if county and campaign.counties and county not in campaign.counties:
        row.problem(
            COUNTY, f"“{_short(county)}”不是{campaign.city}市的县（市、区）（{'、'.join(campaign.counties)}）"
        )
    direction_text = row.text(DIRECTION)
    direction = campaign.direction_by_name(direction_text) if direction_text else None
    if direction is None:
        names = "、".join(d.name for d in campaign.directions)
        key = "".join(direction_text.split())
        several = [d.name for d in campaign.directions if len(key) >= 2 and key in d.name]
        if not direction_text:
            row.problem(DIRECTION, "不能为空")
        elif len(several) > 1:
            row.problem(DIRECTION, f"“{_short(direction_text)}”可指多个支持方向（{'、'.join(several)}），请填写全称")
        else:
            row.problem(DIRECTION, f"“{_short(direction_text)}”不是本次的支持方向（{names}）")
    sub_id = ""
    sub_text = row.text(SUBDIRECTION)
    if sub_text and direction is not None:
        sub = next(
            (
                s
                for s in direction.subdirections
                if sub_text in (s.id, s.name) or s.name.endswith(sub_text) or s.name.startswith(sub_text)
            ),
            None,
        )
        if sub is None:
            row.problem(SUBDIRECTION, f"“{direction.name}”下没有子方向“{sub_text}”")
        else:
            sub_id = sub.id
    investment: dict[str, Decimal] = {}
    for category in campaign.categories:
        amount = row.money(investment_header(category.name))
        if amount is not None and amount > 0:
            investment[category.id] = amount
    requested = row.money(REQUESTED, required=True)
    score: Decimal | None = None
    if row.text(SCORE):
        try:
            score = Decimal(row.text(SCORE))
        except InvalidOperation:
            row.problem(SCORE, f"应为数字，实际为“{_short(row.text(SCORE))}”")
        else:
            if not score.is_finite() or not 0 <= score <= 1000:
                row.problem(SCORE, f"应在 0 到 1000 之间，实际为“{_short(row.text(SCORE))}”")
                score = None
    received = set()
    for material in campaign.materials:
        header = material_header(material.name)
        answer = row.text(header).lower()
        if answer in YES:
            received.add(material.id)
        elif answer not in NO:
            row.problem(header, f"应填“是”或“否”，实际为“{row.text(header)}”")
    uscc = normalize_uscc(row.text(USCC))
    if uscc and (why := uscc_problem(uscc)):
        row.problem(USCC, why)
    sessions, people = row.count(SESSIONS), row.count(PEOPLE)
    if row.problems or direction is None:
        return None
    return FundApplication(
        enterprise=row.text(ENTERPRISE),
        project_name=row.text(PROJECT),
        county=county,
        direction_id=direction.id,
        requested=requested,
        investment=investment,
        uscc=uscc,
        subdirection_id=sub_id,
        cluster=row.text(CLUSTER),
        training_sessions=sessions,
        training_people=people,
        materials_received=frozenset(received),
        review_score=score,
        contact=row.text(CONTACT),
        note=row.text(NOTE),
    )

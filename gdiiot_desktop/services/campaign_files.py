"""Campaign files as data: read one (shipped or a file), check it, start a new one from it,
compare two, and write one back as TOML a user can send to other offices."""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import tomli_w

from ..domain.campaign import Problem, data_problems
from ..domain.enums import Grade
from ..resources import resource, shipped_campaigns
from .campaign_labels import ITEM_FIELD_NAMES, ITEM_NAMES, described, field_label
from .errors import InputError
from .files import atomic_output


@dataclass(frozen=True)
class CampaignChoice:
    """A campaign a user can start from: a shipped one (by id) or a file."""

    ref: str  # the shipped id, or the file's path
    path: Path
    title: str
    year: int | None
    kind: str = "pilot-recommendation"

    @property
    def label(self) -> str:
        return self.title


def shipped_choices() -> list[CampaignChoice]:
    """The campaigns shipped with the program, newest year first."""
    found = []
    for path in shipped_campaigns():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        year = data.get("year") if isinstance(data.get("year"), int) else None
        kind = str(data.get("kind", "pilot-recommendation"))
        found.append(CampaignChoice(path.stem, path, str(data.get("title", path.stem)), year, kind))
    return sorted(found, key=lambda c: (-(c.year or 0), c.ref))


def campaign_path(ref: str | Path) -> Path:
    """A shipped campaign by id (2023-pilot), or a file path as given."""
    text = str(ref)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        shipped = resource("campaigns", f"{text}.toml")
        if shipped.exists():
            return shipped
    return Path(ref)


def read_campaign_data(ref: str | Path) -> dict[str, Any]:
    """The raw data of a campaign file; a missing, unreadable or non-TOML file is an InputError."""
    path = campaign_path(ref)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        names = "、".join(c.ref for c in shipped_choices())
        raise InputError(f"找不到活动文件：{ref}（随程序提供的活动：{names}）") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"活动文件不是 UTF-8 编码：{path}") from exc
    except OSError as exc:
        raise InputError(f"无法读取活动文件 {path}：{exc.strerror or exc}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"活动文件 {path.name} 不是有效的 TOML 文件：{exc}") from exc


def problems_of(data: Mapping[str, Any]) -> list[Problem]:
    """Schema and consistency problems of campaign data (empty: the data makes a usable campaign)."""
    return data_problems(data)


def problem_lines(data: Mapping[str, Any], problems: list[Problem] | None = None) -> list[str]:
    """Each problem as one Chinese line naming the field: 地区“粤东”的推荐指标（regions[2].quota）：…"""
    found = problems_of(data) if problems is None else problems
    return [described(p.location, p.message, data) for p in found]


def new_campaign_data(
    source: Mapping[str, Any],
    *,
    year: int | None = None,
    campaign_id: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """A copy of `source` to edit into a new campaign. With `year`, the id and title move to that
    year (2023-pilot → 2024-pilot); the directions are marked unconfirmed until the user checks them."""
    data = copy.deepcopy(dict(source))
    old_year = data.get("year")
    if year is not None:
        data["year"] = year
        if isinstance(old_year, int) and campaign_id is None and isinstance(data.get("id"), str):
            data["id"] = (
                data["id"].replace(str(old_year), str(year))
                if str(old_year) in data["id"]
                else f"{year}-{data['id']}"
            )
        if isinstance(old_year, int) and title is None and isinstance(data.get("title"), str):
            data["title"] = data["title"].replace(f"{old_year}年", f"{year}年")
        if isinstance(data.get("directions"), dict):
            data["directions"]["confirmed"] = False
    if campaign_id is not None:
        data["id"] = campaign_id
    if title is not None:
        data["title"] = title
    data.setdefault("kind", "pilot-recommendation")
    data.setdefault("version", 1)
    return data


_HEAD_KEYS = ("format", "format_version", "kind", "version", "id", "title", "year")


def campaign_toml(data: Mapping[str, Any], *, made_from: str = "") -> str:
    """The TOML text of campaign data: the family keys first, then the rest in the file's order."""
    ordered = {k: data[k] for k in _HEAD_KEYS if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    header = [
        f"# GDIIoT 活动文件 — {data.get('title', '')}",
        "# 格式说明见程序的 resources/campaigns/README.md。",
        f"# 由 GDIIoT Desktop 于 {date.today().isoformat()} 生成"
        + (f"，以“{made_from}”为基础。" if made_from else "。"),
    ]
    return "\n".join(header) + "\n" + tomli_w.dumps(ordered, multiline_strings=False)


def save_campaign(data: Mapping[str, Any], target: Path, *, made_from: str = "", check: bool = True) -> None:
    """Write campaign data as a campaign file; refused (nothing written) while it has problems,
    unless `check` is off (a draft to finish in an editor)."""
    if check:
        lines = problem_lines(data)
        if lines:
            raise InputError(f"活动有 {len(lines)} 处问题，未保存", lines)
    text = campaign_toml(data, made_from=made_from)
    if tomllib.loads(text) != _plain(data):  # what is written must read back the same
        raise InputError("活动文件写出后读回的内容不一致，未保存")
    try:
        with atomic_output(target) as tmp:
            tmp.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(f"无法写入 {target}：{exc.strerror or exc}") from exc


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    return tomllib.loads(tomli_w.dumps(dict(data)))


def set_value(data: dict[str, Any], path: str, text: str) -> None:
    """Set one value by its place, as the CLI's --set gives it: applicant.max_projects=1,
    regions[east].quota=6, cities[深圳].direct_quota=10, rules.CITY_QUOTA.clause_text=…
    A list item is named by its key (id, or a city's name) or its position from 1. The value is
    read as a TOML value (1, true, "text", [..]); anything else is taken as text."""
    parts = re.findall(r"([^.\[\]]+)|\[([^\]]+)\]", path)
    if not parts:
        raise InputError(f"无法识别的位置：{path}")
    node: Any = data
    where = ""
    steps: list[str | int] = []
    for name, key in parts:
        if name:
            where = f"{where}.{name}" if where else name
            steps.append(name)
        else:
            items = _walk(data, steps)
            if not isinstance(items, list):
                raise InputError(f"{field_label(where)}（{where}）不是列表，不能用 [{key}]")
            steps.append(_item_index(items, key, where))
    *head, last = steps
    node = _walk(data, head)
    if isinstance(node, list) and isinstance(last, int):
        node[last] = _value(text)
        return
    if not isinstance(node, dict):
        raise InputError(f"无法识别的位置：{path}")
    node[last] = _value(text)


def _walk(data: Any, steps: list[str | int]) -> Any:
    node = data
    for step in steps:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError) as exc:
            raise InputError(f"活动文件中没有 {step}") from exc
    return node


def _item_index(items: list[Any], key: str, where: str) -> int:
    field = _ITEM_KEYS.get(where)
    for i, item in enumerate(items):
        if isinstance(item, Mapping) and key in (item.get(field or "id"), item.get("name")):
            return i
    if key.isascii() and key.isdigit() and len(key) <= 9 and 1 <= int(key) <= len(items):
        return int(key) - 1
    raise InputError(f"{field_label(where)}中没有“{key}”")


def _value(text: str) -> Any:
    try:
        value = tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text
    # Campaign files keep dates and times as text ("2024-12-06", "17:30").
    return text if isinstance(value, (date, time, datetime)) else value


def _campaign_of(data: Mapping[str, Any]) -> Any:
    """The pilot campaign object of form data, without the direction counts (a list being replaced)."""
    from dataclasses import replace

    from ..domain.campaign import Campaign, DirectionRules
    from ..domain.campaign_kinds import find_kind, kind_and_version

    kind = find_kind(kind_and_version(data)[0])
    try:
        campaign = kind.build(data, "") if kind is not None else None
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError("请先改正活动中的其他问题（类别、地区等），再导入或导出方向清单") from exc
    if not isinstance(campaign, Campaign):
        raise InputError("只有试点示范项目推荐活动有方向清单")
    return replace(campaign, direction_rules=DirectionRules(total=None, per_authority={}))


def read_direction_sheet(data: Mapping[str, Any], path: Path) -> list[dict[str, Any]]:
    """A direction list read from a spreadsheet (序号, 类别, 方向, 负责单位) as campaign-file rows,
    keeping the ids of directions the campaign already has; raises InputError listing every problem."""
    import zipfile

    from .directions import read_directions

    campaign = _campaign_of(data)
    try:
        directions = read_directions(campaign, path)
    except zipfile.BadZipFile as exc:  # read_directions does not catch a file that is no workbook
        raise InputError(f"无法打开方向清单文件：{path.name}（不是有效的 Excel 工作簿）") from exc
    return [
        {"id": d.id, "no": d.no, "category": d.category_id, "name": d.name, "authorities": [a.value for a in d.authorities]}
        for d in directions
    ]


def write_direction_sheet(data: Mapping[str, Any], path: Path) -> None:
    from .directions import export_directions

    export_directions(_campaign_of(data), path)


# --- differences ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two campaigns: where, its Chinese name, before and after (None: absent)."""

    path: str
    label: str
    old: Any
    new: Any

    @property
    def text(self) -> str:
        old, new = _shown(self.old, self.path), _shown(self.new, self.path)
        if self.old is None:
            return f"新增 {self.label}：{new}"
        if self.new is None:
            return f"删除 {self.label}：{old}"
        return f"{self.label}：{old} → {new}"

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "label": self.label, "old": self.old, "new": self.new}


# Lists whose items are matched by a key (so a reordered or inserted item is not a change to all).
_ITEM_KEYS = {
    "categories": "id",
    "regions": "id",
    "cities": "name",
    "materials": "id",
    "directions.list": "id",
    "rubric.criteria": "id",
}


def diff_campaign_data(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """What differs from `old` to `new`, field by field, in the file's order."""
    changes: list[Change] = []
    _diff(old, new, "", changes, new)
    return changes


def _diff(old: Any, new: Any, path: str, out: list[Change], root: Mapping[str, Any]) -> None:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        keys = list(old) + [k for k in new if k not in old]
        for key in keys:
            sub = f"{path}.{key}" if path else str(key)
            if key not in new:
                out.append(Change(sub, _label(sub, old), old[key], None))
            elif key not in old:
                out.append(Change(sub, _label(sub, new), None, new[key]))
            else:
                _diff(old[key], new[key], sub, out, root)
        return
    key = _ITEM_KEYS.get(path)
    if key and isinstance(old, list) and isinstance(new, list):
        olds = {item.get(key): item for item in old if isinstance(item, Mapping)}
        news = {item.get(key): item for item in new if isinstance(item, Mapping)}
        what = ITEM_NAMES.get(path, path)
        for k, item in olds.items():
            if k not in news:
                out.append(Change(f"{path}[{key}={k}]", f"{what}“{_name(item)}”", item, None))
            else:
                _diff_item(item, news[k], path, f"{path}[{key}={k}]", what, out)
        for k, item in news.items():
            if k not in olds:
                out.append(Change(f"{path}[{key}={k}]", f"{what}“{_name(item)}”", None, item))
        if [k for k in olds if k in news] != [k for k in news if k in olds]:
            out.append(Change(f"{path}#order", f"{field_label(path)}的顺序", list(olds), list(news)))
        return
    if old != new:
        out.append(Change(path, _label(path, root), old, new))


def _diff_item(
    old: Mapping[str, Any], new: Mapping[str, Any], table: str, path: str, what: str, out: list[Change]
) -> None:
    names = ITEM_FIELD_NAMES.get(table, {})
    for field in list(old) + [f for f in new if f not in old]:
        if old.get(field) != new.get(field):
            label = f"{what}“{_name(new)}”的{names.get(field, field)}"
            out.append(Change(f"{path}.{field}", label, old.get(field), new.get(field)))


def _label(path: str, data: Mapping[str, Any]) -> str:
    if path.startswith("rules.") and path.count(".") == 1:
        rule = data.get("rules", {}).get(path.split(".")[1], {})
        return f"规则“{rule.get('title', path.split('.')[1])}”"
    parts = path.split(".")
    if parts[0] == "rules" and len(parts) == 3:
        rule = data.get("rules", {}).get(parts[1], {})
        field = ITEM_FIELD_NAMES["rules"].get(parts[2], parts[2])
        return f"规则“{rule.get('title', parts[1])}”的{field}"
    return field_label(path, data)


def _name(item: Mapping[str, Any]) -> str:
    return str(item.get("name") or item.get("title") or item.get("id") or "")


def _shown(value: Any, path: str = "") -> str:
    if path.endswith("grade") and value in Grade._value2member_map_:
        return Grade(value).label
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Mapping):
        return "，".join(f"{k}={_shown(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(_shown(v) for v in value)
    return str(value)

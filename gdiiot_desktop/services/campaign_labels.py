"""Chinese names for the places in a campaign file, so messages say 截止日期 rather than deadline.date."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

FIELD_NAMES: dict[str, str] = {
    "format": "文件格式",
    "format_version": "文件格式版本",
    "kind": "活动类型",
    "version": "格式版本",
    "id": "活动编号",
    "title": "活动名称",
    "year": "活动年度",
    "submit_authority": "报送渠道",
    "notice": "通知",
    "notice.province_number": "省通知文号",
    "notice.province_date": "省通知日期",
    "notice.ministry_number": "部通知文号",
    "notice.ministry_date": "部通知日期",
    "deadline": "报送截止",
    "deadline.date": "截止日期",
    "deadline.time": "截止时间",
    "deadline.text": "截止时间原文",
    "deadline.clause": "截止时间条款",
    "applicant": "申报主体",
    "applicant.max_projects": "每个申报主体最多项目数",
    "applicant.directions_per_category": "同一类型可申报方向数",
    "applicant.registered_province": "注册地所在省",
    "applicant.eligible_types": "可申报的单位类型",
    "video": "项目视频",
    "video.min_seconds": "视频最短时长（秒）",
    "video.max_seconds": "视频最长时长（秒）",
    "video.tolerance_seconds": "视频时长容差（秒）",
    "video.formats": "可读取的视频格式",
    "demonstration": "示范期",
    "demonstration.period_years": "示范期（年）",
    "copies": "报送份数",
    "copies.summary_table": "推荐表份数",
    "copies.paper_package": "纸质材料份数",
    "copies.disc": "光盘份数",
    "categories": "类别",
    "regions": "地区",
    "cities": "城市",
    "materials": "申报材料",
    "rules": "规则",
    "rubric": "评分细则",
    "directions": "方向清单",
    "directions.list": "方向清单",
    "directions.confirmed": "方向清单已确认",
    "directions.note": "方向清单说明",
    "directions.expected_total": "应有方向总数",
    "directions.expected_per_authority": "各负责单位应有方向数",
}

# Fields of the items of a list or table, by the list's place.
ITEM_FIELD_NAMES: dict[str, dict[str, str]] = {
    "categories": {"id": "编号", "name": "名称"},
    "regions": {"id": "编号", "name": "名称", "quota": "推荐指标"},
    "cities": {"name": "名称", "division": "行政区划代码", "region": "所属地区", "direct_quota": "直报指标"},
    "materials": {
        "id": "编号",
        "name": "名称",
        "class": "附件类别",
        "required": "必须提供",
        "missing_grade": "缺少时的级别",
        "min_count": "最少份数",
        "distinct_years": "按年度区分",
    },
    "rules": {
        "title": "名称",
        "grade": "级别",
        "overridable": "可说明理由后接受",
        "clause": "条款",
        "clause_text": "条款原文",
    },
    "directions.list": {
        "id": "编号",
        "no": "序号",
        "category": "类别",
        "name": "名称",
        "authorities": "负责单位",
    },
    "rubric.criteria": {
        "id": "编号",
        "name": "名称",
        "max_points": "满分",
        "weight": "权重",
        "guidance": "评分要点",
    },
}

ITEM_NAMES: dict[str, str] = {
    "categories": "类别",
    "regions": "地区",
    "cities": "城市",
    "materials": "材料",
    "rules": "规则",
    "directions.list": "方向",
    "rubric.criteria": "评分项",
}

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def split_location(location: str) -> list[str | int]:
    """'regions[2].quota' → ['regions', 1, 'quota'] (list positions in a location count from 1)."""
    return [name if name else int(index) - 1 for name, index in _PART.findall(location)]


def field_label(location: str, data: Mapping[str, Any] | None = None) -> str:
    """A Chinese name for a place in a campaign file, naming the item (地区“粤东”的推荐指标) when
    the data is at hand; the place itself when it is not one the program knows."""
    if location in FIELD_NAMES:
        return FIELD_NAMES[location]
    parts = split_location(location)
    for cut in range(len(parts) - 1, 0, -1):
        head = ".".join(str(p) for p in parts[:cut] if isinstance(p, str))
        if any(isinstance(p, int) for p in parts[:cut]) and not isinstance(parts[cut - 1], int):
            continue
        item_kind = ITEM_NAMES.get(head) or ITEM_NAMES.get(_table_of(parts[:cut]))
        if item_kind is None:
            continue
        key = parts[cut - 1] if isinstance(parts[cut - 1], int) else parts[cut]
        item = _item(data, parts[:cut] if isinstance(parts[cut - 1], int) else parts[: cut + 1])
        rest = parts[cut:] if isinstance(parts[cut - 1], int) else parts[cut + 1 :]
        name = _item_name(item, key)
        field = ITEM_FIELD_NAMES.get(head, ITEM_FIELD_NAMES.get(_table_of(parts[:cut]), {}))
        what = field.get(str(rest[0]), str(rest[0])) if rest else ""
        return f"{item_kind}{name}" + (f"的{what}" if what else "")
    return location


def described(location: str, message: str, data: Mapping[str, Any] | None = None, *, place: bool = True) -> str:
    """A problem as one line: 截止日期（deadline.date）：message. Without `place` (the window, where
    the field is marked) the file's key is left out: 截止日期：message."""
    if not location or location == "（文件顶层）":
        return message
    label = field_label(location, data)
    if label == location:
        return f"{location}：{message}"
    return f"{label}（{location}）：{message}" if place else f"{label}：{message}"


def _table_of(parts: list[str | int]) -> str:
    return ".".join(p for p in parts if isinstance(p, str))


def _item(data: Mapping[str, Any] | None, parts: list[str | int]) -> Any:
    node: Any = data
    for part in parts:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _item_name(item: Any, key: str | int) -> str:
    if isinstance(item, Mapping):
        for field in ("name", "title", "id"):
            if isinstance(item.get(field), str) and item[field]:
                return f"“{item[field]}”"
    return f"第{key + 1}项" if isinstance(key, int) else f"“{key}”"

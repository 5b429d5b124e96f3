"""Matching an official template's column headers to what the program knows, by meaning.

Official templates word their headers differently from year to year and city to city (所属类别,
类别, 试点示范类别; 申报单位, 企业名称 …). Each header is normalised (NFKC, no spaces or line breaks,
no required-field stars, no trailing "（…）" remark) and looked up in the synonym table below and
in the program's own column names (summary_data.COLUMNS). A few fields the program holds but its
own table does not print (总投资, 法定代表人 …) can be filled too when a template asks for them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ...domain.model import Application
from . import summary_data as data

# key → header texts that mean it (the first is how a warning names it).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "priority": ("推荐顺序", "序号", "推荐排序", "优先顺序", "排序", "推荐次序", "推荐序号", "排名"),
    "project": ("项目名称", "项目名", "申报项目名称", "申报项目"),
    "applicant": (
        "申报单位", "企业名称", "单位名称", "申报单位名称", "申报主体", "申报企业", "申报企业名称",
        "企业（单位）名称", "申报单位（企业）名称", "项目单位",
    ),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码"),
    "category": ("试点示范类别", "所属类别", "类别", "项目类别", "申报类别", "试点示范类型", "类型", "所属类型"),
    "direction": ("具体方向", "方向", "申报方向", "所属方向", "细分方向", "试点示范方向", "具体申报方向"),
    "authority": ("负责单位", "主管单位", "负责部门"),
    "location": ("所在地市/县区", "所在地市", "所在地区", "所在地", "所属地市", "地市", "所在市县", "所属地区", "所在区县"),
    "contact": ("联系人", "联系人姓名", "项目联系人"),
    "title": ("职务", "联系人职务", "职务/职称", "职称"),
    "mobile": ("手机", "联系电话", "手机号码", "电话", "联系方式", "联系人手机", "联系人电话"),
    "email": ("邮箱", "电子邮箱", "联系邮箱", "e-mail", "email", "电子信箱", "邮件"),
    "central": ("是否中央企业", "是否央企", "中央企业", "是否为中央企业", "央企"),
    "note": ("备注", "说明"),
    # Held by the program, not printed in its own table.
    "investment": ("总投资（万元）", "总投资", "项目总投资", "项目总投资（万元）", "投资额", "投资额（万元）"),
    "legal_representative": ("法定代表人", "法人代表", "法人"),
    "registered_address": ("注册地址", "企业注册地址", "单位地址", "地址"),
    "county": ("所在县区", "县（市、区）", "县区"),
}  # fmt: skip

# Columns whose values must stay text in Excel (no scientific notation, no lost leading zero).
TEXT_KEYS = frozenset({"uscc", "mobile"})

_STARS = re.compile(r"[*＊★☆]")
_REMARK = re.compile(r"[（(][^（）()]*[）)]$")


def normalize(text: object) -> str:
    """Header text compared without spaces, line breaks, stars, width or case differences."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    value = _STARS.sub("", "".join(value.split())).lower()
    return value.replace("／", "/").replace("：", ":").rstrip(":")


_KEYS: dict[str, str] = {}
for _column in data.COLUMNS:
    for _name in (_column.header, *_column.aliases):
        _KEYS.setdefault(normalize(_name), _column.key)
for _key, _names in SYNONYMS.items():
    for _name in _names:
        _KEYS.setdefault(normalize(_name), _key)


def match_header(text: object) -> str | None:
    """Our key for a template header, or None when the program has nothing for it."""
    key = normalize(text)
    while key:
        if key in _KEYS:
            return _KEYS[key]
        stripped = _REMARK.sub("", key)  # "所属类别（从下拉列表选择）" → "所属类别"
        if stripped == key:
            break
        key = stripped
    head = re.split(r"[（(]", key, maxsplit=1)[0]
    return _KEYS.get(head) if head else None


def label_of(key: str) -> str:
    for column in data.COLUMNS:
        if column.key == key:
            return column.header
    return SYNONYMS.get(key, (key,))[0]


def extra_values(app: Application) -> dict[str, Any]:
    """The fields a template may ask for beyond the program's own columns."""
    investment = app.total_investment
    return {
        "investment": "" if investment is None else f"{investment:g}",
        "legal_representative": app.applicant.legal_representative,
        "registered_address": app.applicant.registered_address,
        "county": app.location_county or app.county,
    }

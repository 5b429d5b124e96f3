"""Measurable targets from a task's 工作量 text, and the deadline from its 完成时限.

The texts of seeds 000 and 001 follow a few shapes: "至少培育4个工业互联网标杆示范项目，其中至少2个
5G+工业互联网示范项目和1个产业链协同示范标杆", "培育1个5G+工业互联网标杆示范项目", "至少带动194个
工业企业“上云上平台”项目". What the parser cannot place is kept as an unconfirmed target for the
user to correct; the original text always stays beside the targets.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .model import BENCHMARK, CHAIN, CLOUD, FIVE_G, Target

_CN_DIGITS = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
# At most 9 digits, and never the tail of a longer number: a count beyond that is no target a
# province sets (and would not fit the database); such a text is left for the user to confirm.
_COUNT = r"((?<!\d)\d{1,9}|[一两二三四五六七八九十])\s*(?:个|家|项)"
_COUNT_RE = re.compile(_COUNT)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _CN_DIGITS[text]


def _facets(phrase: str) -> list[str]:
    """The kinds a phrase names besides its main kind (5G+, 产业链协同)."""
    found = []
    if re.search(r"5\s*G", phrase, re.IGNORECASE):
        found.append(FIVE_G)
    if "产业链" in phrase:
        found.append(CHAIN)
    return found


def _main_kind(phrase: str) -> str | None:
    if "上云" in phrase:
        return CLOUD
    if "标杆" in phrase or "示范" in phrase:
        return BENCHMARK
    return None


def parse_workload(text: str) -> tuple[Target, ...]:
    text = (text or "").strip()
    if not text:
        return ()
    main_part, _, rest = text.partition("其中")
    # A sub-clause in brackets ("…（其中5G+项目不少于1个）") belongs to the rest, not the main phrase.
    main_part = main_part.rstrip("（(，, ")
    match = _COUNT_RE.search(main_part)
    if match is None:
        return (Target(kind=text, count=0, confirmed=False),)
    count = _number(match.group(1))
    kind = _main_kind(main_part)
    if kind is None:
        phrase = main_part[match.end() :].strip("，。；） ") or main_part
        return (Target(kind=phrase, count=count, confirmed=False),)
    targets = [Target(kind, count)]
    # "培育3个5G+工业互联网标杆示范项目": all of them are 5G+ as well.
    targets += [Target(facet, count, within=kind) for facet in _facets(main_part)]
    for part in re.split(r"[和及、，,；;]", rest):
        sub = _COUNT_RE.search(part)
        if sub is None:
            continue
        sub_count = _number(sub.group(1))
        facets = _facets(part)
        if facets:
            targets += [Target(facet, sub_count, within=kind) for facet in facets]
        else:
            phrase = part[sub.end() :].strip("，。；）) ") or part.strip("，。；）) ")
            targets.append(Target(phrase, sub_count, within=kind, confirmed=False))
    return tuple(targets)


def parse_deadline(text: str) -> date | None:
    """'2021年底' → 2021-12-31; '2022年6月底' → 2022-06-30; '2022年11月30日' or '2022-11-30' → that day."""
    text = (text or "").replace(" ", "")
    if m := re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if m := re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if m := re.search(r"(\d{4})年(\d{1,2})月(?:底|末)?", text):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return date(year, month, calendar.monthrange(year, month)[1])
        return None
    if m := re.search(r"(\d{4})年(?:底|末)?", text):
        return date(int(m.group(1)), 12, 31)
    return None


def parse_count(text: str) -> int | None:
    match = _COUNT_RE.search(text)
    return _number(match.group(1)) if match else None

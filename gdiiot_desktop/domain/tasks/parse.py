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
    "零": 0,
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
}
# At most 9 digits (thousands may be grouped: 1,000), and never the tail of a longer number: a count
# beyond that is no target a province sets (and would not fit the database); such a text is left
# for the user to confirm. Chinese numerals up to 九百九十九 ("十二个", "两百家").
_COUNT = (
    r"((?<![\d,，])(?:\d{1,3}(?:[,，]\d{3}){1,2}(?![\d,，])|\d{1,9}(?![\d,，]))"
    r"|(?<![零一两二三四五六七八九十百])[零一两二三四五六七八九十百]{1,6})\s*(?:个|家|项)"
)
_COUNT_RE = re.compile(_COUNT)


def _number(text: str) -> int:
    text = text.replace(",", "").replace("，", "")
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch == "百":
            total += (digit if digit is not None else 1) * 100
            digit = None
        elif ch == "十":
            total += (digit if digit is not None else 1) * 10
            digit = None
        else:
            digit = _CN_DIGITS[ch]
    return total + (digit or 0)


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


_JOINS = r"[和及、；;]|(?<!\d)[,，]|[,，](?!\d)"  # a comma between digits groups thousands


def _main_targets(main_part: str) -> list[Target] | None:
    """The main clause, which may join several counted phrases: "培育2个5G+…标杆示范项目和1个产业链
    协同示范标杆" is 标杆示范 ≥ 3, of which 5G+ ≥ 2 and 产业链协同 ≥ 1; "4个标杆示范项目和50个上云上平台
    项目" two main targets. None when no phrase has both a count and a kind."""
    counted = [(m, part) for part in re.split(_JOINS, main_part) if (m := _COUNT_RE.search(part))]
    if len(counted) < 2 or any(_main_kind(part) is None for _, part in counted):
        return None
    totals: dict[str, int] = {}
    facets: list[Target] = []
    for m, part in counted:
        kind, count = _main_kind(part) or "", _number(m.group(1))
        totals[kind] = totals.get(kind, 0) + count
        facets += [Target(f, count, within=kind) for f in _facets(part)]
    merged: dict[tuple[str, str | None], int] = {}
    for t in facets:
        merged[(t.kind, t.within)] = merged.get((t.kind, t.within), 0) + t.count
    return [Target(k, n) for k, n in totals.items()] + [
        Target(k, n, within=w) for (k, w), n in merged.items()
    ]


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
    joined = _main_targets(main_part)
    if joined is not None and not rest:
        return tuple(joined)
    count = _number(match.group(1))
    kind = _main_kind(main_part)
    if kind is None:
        phrase = main_part[match.end() :].strip("，。；） ") or main_part
        return (Target(kind=phrase, count=count, confirmed=False),)
    targets = [Target(kind, count)]
    # "培育3个5G+工业互联网标杆示范项目": all of them are 5G+ as well.
    targets += [Target(facet, count, within=kind) for facet in _facets(main_part)]
    for part in re.split(_JOINS, rest):
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
    """'2021年底' → 2021-12-31; '2022年6月底' → 2022-06-30; '2022年11月30日' or '2022-11-30' → that day;
    '2022年上半年' → 2022-06-30; '2022年第三季度' → 2022-09-30."""
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
    if m := re.search(r"(\d{4})年(?:度)?(上|下)半年", text):
        return date(int(m.group(1)), 6, 30) if m.group(2) == "上" else date(int(m.group(1)), 12, 31)
    if m := re.search(r"(\d{4})年(?:度)?第?([一二三四1-4])季度", text):
        quarter = "一二三四".find(m.group(2)) + 1 or int(m.group(2))
        month = quarter * 3
        return date(int(m.group(1)), month, calendar.monthrange(int(m.group(1)), month)[1])
    if m := re.search(r"(\d{4})年(?:底|末)?", text):
        return date(int(m.group(1)), 12, 31)
    return None


def parse_count(text: str) -> int | None:
    match = _COUNT_RE.search(text)
    return _number(match.group(1)) if match else None

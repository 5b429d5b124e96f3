"""The scoring rubric: criteria with maximum points and weights, the aggregation rule and the timings.

A rubric lives in the campaign file's `[rubric]` table (see resources/campaigns/2023-pilot.toml).
A meeting keeps a copy of the rubric it started with (`to_dict`/`from_dict`), so editing the
campaign file later never changes the scores of a meeting already held.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from typing import Any


class AggregateRule(StrEnum):
    """Which aggregate ranks the applications."""

    TRIMMED_MEAN = "trimmed_mean"  # 去掉一个最高分和一个最低分后的平均分
    MEAN = "mean"  # 算术平均分
    MEDIAN = "median"  # 中位数

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]


_RULE_LABELS = {
    AggregateRule.TRIMMED_MEAN: "去掉一个最高分和一个最低分后的平均分",
    AggregateRule.MEAN: "算术平均分",
    AggregateRule.MEDIAN: "中位数",
}


class RubricError(ValueError):
    """A rubric that cannot be used; `problems` lists every problem in Chinese."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("评分细则有误：" + "；".join(problems))


@dataclass(frozen=True)
class Criterion:
    """One scored criterion: 0 … max_points, counted `weight` times in the total."""

    id: str
    name: str
    max_points: Decimal
    weight: Decimal = Decimal(1)
    guidance: str = ""

    @property
    def weighted_max(self) -> Decimal:
        return self.max_points * self.weight


@dataclass(frozen=True)
class Rubric:
    """How experts score and how their scores become one number per application."""

    title: str
    criteria: tuple[Criterion, ...]
    aggregate: AggregateRule = AggregateRule.TRIMMED_MEAN
    trim_min_scores: int = 3  # drop the highest and the lowest only from this many counting scores on
    step: Decimal = Decimal("0.5")  # points are keyed in multiples of this
    tie_break_criterion: str = ""  # the "top criterion" of the tie-break; default: the first
    presentation_minutes: int = 8
    questions_minutes: int = 5
    note: str = ""

    @property
    def total_max(self) -> Decimal:
        return sum((c.weighted_max for c in self.criteria), Decimal(0))

    @property
    def top_criterion(self) -> Criterion:
        found = next((c for c in self.criteria if c.id == self.tie_break_criterion), None)
        return found or self.criteria[0]

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def total(self, points: Mapping[str, Decimal]) -> Fraction:
        """The weighted total of one expert's points (exact)."""
        return sum((Fraction(c.weight) * Fraction(points[c.id]) for c in self.criteria), Fraction(0))

    def point_problems(self, points: Mapping[str, Decimal]) -> list[str]:
        """Why a set of points cannot be accepted, in Chinese; empty when it can."""
        problems = [f"未知评分项：{k}" for k in points if self.criterion(k) is None]
        for c in self.criteria:
            value = points.get(c.id)
            if value is None:
                problems.append(f"缺少“{c.name}”的得分")
            elif not Decimal(0) <= value <= c.max_points:
                problems.append(f"“{c.name}”的得分 {value} 超出范围 0–{c.max_points}")
            elif self.step and value % self.step != 0:
                problems.append(f"“{c.name}”的得分 {value} 应为 {self.step} 的整数倍")
        return problems

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (decimals as text) for the meeting's copy of the rubric."""
        return {
            "title": self.title,
            "aggregate": self.aggregate.value,
            "trim_min_scores": self.trim_min_scores,
            "step": str(self.step),
            "tie_break_criterion": self.tie_break_criterion,
            "presentation_minutes": self.presentation_minutes,
            "questions_minutes": self.questions_minutes,
            "note": self.note,
            "criteria": [
                {
                    "id": c.id,
                    "name": c.name,
                    "max_points": str(c.max_points),
                    "weight": str(c.weight),
                    "guidance": c.guidance,
                }
                for c in self.criteria
            ],
        }


def parse_points(text: object) -> Decimal:
    """A number of points from TOML, JSON or the keyboard, exactly (0.1 stays 0.1)."""
    if isinstance(text, bool):
        raise ValueError(f"不是数字：{text!r}")
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation as exc:
        raise ValueError(f"不是数字：{text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"不是数字：{text!r}")
    value = value.normalize()  # "20.0" and "20" are the same points, shown as 20
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def rubric_from_campaign_text(text: str) -> Rubric | None:
    """The `[rubric]` table of a campaign file's text, or None when the file has none."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RubricError([f"活动文件不是有效的 TOML：{exc}"]) from exc
    table = data.get("rubric")
    return None if table is None else from_dict(table)


def from_dict(data: Mapping[str, Any]) -> Rubric:
    """Build and check a rubric from its TOML table or its stored copy; raises RubricError."""
    problems: list[str] = []
    criteria: list[Criterion] = []
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        problems.append("至少需要一个评分项（[[rubric.criteria]]）")
        raw_criteria = []
    for i, item in enumerate(raw_criteria, 1):
        where = f"第{i}个评分项"
        if not isinstance(item, Mapping):
            problems.append(f"{where}格式错误")
            continue
        cid, name = str(item.get("id", "")).strip(), str(item.get("name", "")).strip()
        if not cid or not name:
            problems.append(f"{where}缺少编号或名称")
        try:
            max_points = parse_points(item.get("max_points"))
            weight = parse_points(item.get("weight", 1))
        except ValueError as exc:
            problems.append(f"{where}：{exc}")
            continue
        if max_points <= 0:
            problems.append(f"{where}的满分应大于 0")
        if weight <= 0:
            problems.append(f"{where}的权重应大于 0")
        criteria.append(Criterion(cid, name, max_points, weight, str(item.get("guidance", ""))))
    ids = [c.id for c in criteria]
    problems += [f"评分项编号重复：{i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    try:
        rule = AggregateRule(data.get("aggregate", AggregateRule.TRIMMED_MEAN.value))
    except ValueError:
        problems.append(f"汇总方法应为 {'、'.join(r.value for r in AggregateRule)} 之一")
        rule = AggregateRule.TRIMMED_MEAN
    trim_min = data.get("trim_min_scores", 3)
    if not isinstance(trim_min, int) or isinstance(trim_min, bool) or trim_min < 3:
        problems.append("trim_min_scores（去掉最高最低分所需的最少评分数）应为不小于 3 的整数")
        trim_min = 3
    try:
        step = parse_points(data.get("step", "0.5"))
    except ValueError as exc:
        problems.append(f"评分步长：{exc}")
        step = Decimal("0.5")
    if step < 0:
        problems.append("评分步长不能为负数")
    minutes = {}
    for key, default in (("presentation_minutes", 8), ("questions_minutes", 5)):
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 120:
            problems.append(f"{key} 应为 0–120 的整数（分钟）")
            value = default
        minutes[key] = value
    tie = str(data.get("tie_break_criterion", "")).strip()
    if tie and tie not in ids:
        problems.append(f"并列时比较的评分项 {tie!r} 不在评分项中")
    if problems:
        raise RubricError(problems)
    return Rubric(
        title=str(data.get("title", "评分细则")),
        criteria=tuple(criteria),
        aggregate=rule,
        trim_min_scores=trim_min,
        step=step,
        tie_break_criterion=tie,
        presentation_minutes=minutes["presentation_minutes"],
        questions_minutes=minutes["questions_minutes"],
        note=str(data.get("note", "")),
    )

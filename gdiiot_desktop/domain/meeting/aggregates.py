"""Aggregates of the experts' totals: mean, median, the trimmed mean and the spread, exactly.

The trimmed mean (去掉一个最高分和一个最低分后的平均分) drops one highest and one lowest total
(one each, even when several experts gave the same total) and averages the rest. With fewer
counting scores than the rubric's `trim_min_scores` (at least 3) nothing is dropped and the
trimmed mean equals the mean; `trimmed` then says so, and the minutes say it too. With no
counting score every aggregate is None and the application is not ranked.
Arithmetic is exact (fractions), so equal scores compare equal; rounding is for display only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median

from .rubric import AggregateRule


@dataclass(frozen=True)
class Aggregate:
    count: int
    mean: Fraction | None
    median: Fraction | None
    trimmed_mean: Fraction | None
    trimmed: bool  # whether the highest and the lowest were dropped
    highest: Fraction | None
    lowest: Fraction | None
    criterion_means: Mapping[str, Fraction] = field(default_factory=dict)

    @property
    def spread(self) -> Fraction | None:
        """max − min of the totals: a large spread shows an outlier."""
        if self.highest is None or self.lowest is None:
            return None
        return self.highest - self.lowest

    def value(self, rule: AggregateRule) -> Fraction | None:
        return {
            AggregateRule.TRIMMED_MEAN: self.trimmed_mean,
            AggregateRule.MEAN: self.mean,
            AggregateRule.MEDIAN: self.median,
        }[rule]


def trimmed_mean(totals: Sequence[Fraction], min_scores: int = 3) -> tuple[Fraction, bool]:
    """(value, trimmed): drop one highest and one lowest from `min_scores` scores on (min 3)."""
    if not totals:
        raise ValueError("no scores")
    if len(totals) < max(min_scores, 3):
        return _mean(totals), False
    ordered = sorted(totals)
    return _mean(ordered[1:-1]), True


def aggregate(
    totals: Sequence[Fraction],
    criterion_points: Mapping[str, Sequence[Fraction]] | None = None,
    trim_min_scores: int = 3,
) -> Aggregate:
    """Every aggregate of one application's counting totals (and per-criterion means)."""
    means = {cid: _mean(values) for cid, values in (criterion_points or {}).items() if values}
    if not totals:
        return Aggregate(0, None, None, None, False, None, None, means)
    trimmed_value, trimmed = trimmed_mean(totals, trim_min_scores)
    return Aggregate(
        count=len(totals),
        mean=_mean(totals),
        median=Fraction(median(totals)),
        trimmed_mean=trimmed_value,
        trimmed=trimmed,
        highest=max(totals),
        lowest=min(totals),
        criterion_means=means,
    )


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def shown(value: Fraction | None, decimals: int = 2) -> str:
    """A score for people: rounded half up to `decimals` places; "—" for none."""
    if value is None:
        return "—"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))

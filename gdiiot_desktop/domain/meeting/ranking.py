"""The ranking proposal: applications ordered by their aggregate, ties broken, the quota line drawn.

Tie-break (TIE_BREAK_TEXT, printed in the minutes): higher ranking aggregate (the rubric's rule),
then higher trimmed mean, then higher median, then the higher mean on the rubric's top
criterion, then the earlier filing date (申报日期; none counts as latest), then the lower
application number (registered earlier). The last key is unique, so no two ranks are equal.
Applications without a counting score come last, unranked.

The quota line: eligible applications are taken in rank order while fewer than `quota`
non-central ones are in; central enterprises' projects do not take local quota (三(二)), so
every eligible one is in, at its rank. Ineligible applications (an unaccepted error from the
rule check, or returned/withdrawn) keep their rank but are never in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from .aggregates import Aggregate
from .rubric import Rubric

TIE_BREAK_TEXT = (
    "名次按汇总得分从高到低排列；得分相同时依次比较：去掉最高分和最低分后的平均分、中位数、"
    "“{top}”平均得分（均为高者在前），再按申报日期（早者在前），最后按项目登记编号（小者在前）。"
)

_TIE_KEYS = ("汇总得分", "去掉最高最低分后的平均分", "中位数", "{top}平均得分", "申报日期", "登记编号")


@dataclass(frozen=True)
class RankInput:
    application_id: int
    aggregate: Aggregate
    filed_on: date | None = None


@dataclass(frozen=True)
class RankedItem:
    application_id: int
    rank: int | None  # None: no counting score
    score: Fraction | None  # the ranking aggregate
    aggregate: Aggregate
    tie_note: str = ""  # which key set it below an equal score above it


@dataclass(frozen=True)
class ProposalLine:
    item: RankedItem
    recommended: bool
    counts_quota: bool  # False for central enterprises
    note: str  # why it is out, or "中央企业，不占指标"


def tie_break_text(rubric: Rubric) -> str:
    return TIE_BREAK_TEXT.format(top=rubric.top_criterion.name)


def _sort_key(item: RankInput, rubric: Rubric) -> tuple[object, ...]:
    agg = item.aggregate
    top = agg.criterion_means.get(rubric.top_criterion.id, Fraction(0))
    return (
        -(agg.value(rubric.aggregate) or 0),
        -(agg.trimmed_mean or 0),
        -(agg.median or 0),
        -top,
        item.filed_on or date.max,
        item.application_id,
    )


def rank(items: Sequence[RankInput], rubric: Rubric) -> list[RankedItem]:
    """Scored applications ranked 1…n by the stated rule, then the unscored ones (rank None)."""
    scored = sorted((i for i in items if i.aggregate.count), key=lambda i: _sort_key(i, rubric))
    unscored = sorted((i for i in items if not i.aggregate.count), key=lambda i: i.application_id)
    out: list[RankedItem] = []
    previous: tuple[object, ...] | None = None
    for position, item in enumerate(scored, start=1):
        key = _sort_key(item, rubric)
        note = ""
        if previous is not None and key[0] == previous[0]:
            deciding = next(i for i in range(1, len(key)) if key[i] != previous[i])
            note = (
                "与上一名汇总得分相同，按"
                + _TIE_KEYS[deciding].format(top=rubric.top_criterion.name)
                + "排序"
            )
        out.append(
            RankedItem(
                item.application_id, position, item.aggregate.value(rubric.aggregate), item.aggregate, note
            )
        )
        previous = key
    out += [RankedItem(i.application_id, None, None, i.aggregate, "") for i in unscored]
    return out


def propose(
    ranked: Sequence[RankedItem],
    quota: int,
    central: set[int],
    ineligible: dict[int, str],
) -> list[ProposalLine]:
    """Draw the quota line over a ranking; `ineligible` maps application ids to the reason."""
    counted = 0
    lines: list[ProposalLine] = []
    for item in ranked:
        is_central = item.application_id in central
        if item.rank is None:
            lines.append(ProposalLine(item, False, not is_central, "未评分"))
        elif item.application_id in ineligible:
            lines.append(ProposalLine(item, False, not is_central, ineligible[item.application_id]))
        elif is_central:
            lines.append(ProposalLine(item, True, False, "中央企业，不占指标"))
        elif counted < quota:
            counted += 1
            lines.append(ProposalLine(item, True, True, ""))
        else:
            lines.append(ProposalLine(item, False, True, f"超出推荐指标（{quota}个）"))
    return lines


def adopted_order(lines: Sequence[ProposalLine]) -> list[int]:
    """The priority order to adopt: the recommended applications in rank order."""
    return [line.item.application_id for line in lines if line.recommended]

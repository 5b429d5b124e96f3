"""排序优选 within the budget: the ranked applications, the subsidy proposed for each, the budget line.

Going down the ranking, each project is proposed the least of what it asked for, its own cap,
what is left of its enterprise's cap and of its cluster's cap in that direction. The running
total is set against the budget; the line falls after the last project the budget still covers
(like the quota line of the pilot kind): everything below it waits for money.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .campaign import FundCampaign, FundDirection
from .model import FundApplication, FundStatus, enterprise_keys
from .money import ZERO
from .subsidy import SubsidyCap, max_subsidy


@dataclass(frozen=True)
class PoolLine:
    rank: int
    app: FundApplication
    direction: FundDirection | None
    cap: SubsidyCap | None  # None: unknown direction
    proposed: Decimal
    running_total: Decimal
    within_budget: bool


@dataclass(frozen=True)
class Pool:
    lines: tuple[PoolLine, ...]
    budget: Decimal | None

    @property
    def total(self) -> Decimal:
        return self.lines[-1].running_total if self.lines else ZERO

    @property
    def funded(self) -> int:
        """How many lines are above the budget line."""
        return sum(1 for line in self.lines if line.within_budget)

    @property
    def funded_total(self) -> Decimal:
        return sum((line.proposed for line in self.lines if line.within_budget), ZERO)

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.funded_total

    def of_direction(self, direction_id: str) -> list[PoolLine]:
        return [line for line in self.lines if line.app.direction_id == direction_id]


def ranked(apps: Iterable[FundApplication]) -> list[FundApplication]:
    """The pooled applications in rank order (ties and gaps tolerated: by rank, then id)."""
    pooled = [a for a in apps if a.status is FundStatus.POOLED and a.rank is not None]
    return sorted(pooled, key=lambda a: (a.rank or 0, a.id or 0))


def build_pool(campaign: FundCampaign, apps: Sequence[FundApplication], budget: Decimal | None) -> Pool:
    used_enterprise: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    used_cluster: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    running = ZERO
    covered = True
    lines = []
    enterprise_of = enterprise_keys(apps)
    for position, app in enumerate(ranked(apps), 1):
        direction = campaign.direction(app.direction_id)
        cap = max_subsidy(direction.subsidy, app) if direction else None
        proposed = ZERO
        if direction is not None and cap is not None:
            rule = direction.subsidy
            proposed = min(app.requested or ZERO, cap.amount)
            ent_key = (direction.id, enterprise_of(app))
            if rule.enterprise_cap is not None:
                proposed = min(proposed, max(rule.enterprise_cap - used_enterprise[ent_key], ZERO))
            cl_key = (direction.id, app.cluster_key)
            if rule.cluster_cap is not None and app.cluster_key:
                proposed = min(proposed, max(rule.cluster_cap - used_cluster[cl_key], ZERO))
            used_enterprise[ent_key] += proposed
            used_cluster[cl_key] += proposed
        running += proposed
        covered = covered and (budget is None or running <= budget)
        lines.append(PoolLine(position, app, direction, cap, proposed, running, covered))
    return Pool(tuple(lines), budget)


def order_by_score(apps: Iterable[FundApplication]) -> tuple[list[int], list[FundApplication]]:
    """Active applications with a review score, best first (ties: earlier entered first), and
    those without a score (left out of the ranking, for the user to see)."""
    active = [a for a in apps if a.status.is_active and a.id is not None]
    scored = sorted(
        (a for a in active if a.review_score is not None),
        key=lambda a: (-(a.review_score or ZERO), a.id or 0),
    )
    return [a.id for a in scored if a.id is not None], [a for a in active if a.review_score is None]

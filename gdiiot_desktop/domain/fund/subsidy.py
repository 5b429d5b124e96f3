"""The maximum subsidy of one project, from its direction's rule: the tightest of its limits.

Limits that span projects (per enterprise, per cluster) are applied here to the project alone;
across projects they are the rules FUND_ENTERPRISE_CAP and FUND_CLUSTER_CAP and the pool's
proposed amounts (pool.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .campaign import SubsidyRule
from .model import FundApplication
from .money import ZERO, floor_fen, format_money


@dataclass(frozen=True)
class Limit:
    label: str  # what the limit is, as the notice words it
    amount: Decimal


@dataclass(frozen=True)
class SubsidyCap:
    total_investment: Decimal
    eligible_investment: Decimal
    limits: tuple[Limit, ...]

    @property
    def binding(self) -> Limit:
        """The limit that decides (the first of equal ones, in the notice's order)."""
        return min(self.limits, key=lambda limit: limit.amount)

    @property
    def amount(self) -> Decimal:
        return self.binding.amount

    def explain(self) -> str:
        """E.g. '可补贴投入 1,200,000 元的 50% 为 600,000 元；单个项目上限 1,000,000 元'."""
        return "；".join(f"{limit.label} {format_money(limit.amount)} 元" for limit in self.limits)


def eligible_investment(rule: SubsidyRule, app: FundApplication) -> Decimal:
    """The investment the ratio applies to: the categories the direction counts (all when none named)."""
    if not rule.eligible_categories:
        return app.total_investment
    return sum((v for k, v in app.investment.items() if k in rule.eligible_categories), ZERO)


def max_subsidy(rule: SubsidyRule, app: FundApplication) -> SubsidyCap:
    eligible = eligible_investment(rule, app)
    limits: list[Limit] = []
    if rule.ratio_percent is not None:
        amount = floor_fen(eligible * rule.ratio_percent / 100)
        limits.append(Limit(f"可补贴投入 {format_money(eligible)} 元的 {rule.ratio_percent.normalize():f}% 为", amount))
    if rule.project_cap is not None:
        limits.append(Limit("单个项目上限", rule.project_cap))
    if rule.enterprise_cap is not None:
        limits.append(Limit("每家企业上限", rule.enterprise_cap))
    if rule.cluster_cap is not None:
        limits.append(Limit("每个产业集群上限", rule.cluster_cap))
    return SubsidyCap(app.total_investment, eligible, tuple(limits))

"""Runs the rules a special-fund campaign enables over the city's applications."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from ..model import Violation
from ..rules.registry import enabled_rules
from . import rules as _rules  # noqa: F401  (registers the FUND_* rules)
from .campaign import FUND_KIND, FundCampaign
from .context import FundContext
from .model import FundApplication


def check_fund(
    campaign: FundCampaign,
    apps: Iterable[FundApplication],
    *,
    now: datetime | None = None,
    budget: Decimal | None = None,
) -> list[Violation]:
    """Every violation: city-wide ones first, then per application (ranked first, in rank order,
    then the rest as entered), within one application in the rules' registration order."""
    ctx = FundContext(campaign, now, budget)
    active = [a for a in apps if a.status.is_active]
    rules = enabled_rules(FUND_KIND, campaign.rules)
    order = {rule.id: rule.order for rule in rules}
    position = {
        a.id: ((0, a.rank, a.id or 0) if a.rank is not None else (1, 0, a.id or 0)) for a in active
    }
    found: list[Violation] = []
    for rule in rules:
        found.extend(rule.check(ctx, active))

    def key(v: Violation) -> tuple[object, ...]:
        if v.application_id is None:
            return (0, (0, 0, 0), order.get(v.rule, 99))
        return (1, position.get(v.application_id, (9, 0, 0)), order.get(v.rule, 99))

    found.sort(key=key)
    return found

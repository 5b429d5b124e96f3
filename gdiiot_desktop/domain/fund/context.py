"""What every special-fund rule needs besides the applications: the campaign, the clock, the budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ..model import Violation
from .campaign import FundCampaign
from .model import FundApplication


@dataclass(frozen=True)
class FundContext:
    campaign: FundCampaign
    now: datetime | None = None  # set when the deadline should be judged
    budget: Decimal | None = None  # the city's budget when set, else the campaign's

    @property
    def effective_budget(self) -> Decimal | None:
        return self.budget if self.budget is not None else self.campaign.budget

    def violation(
        self,
        rule_id: str,
        message: str,
        app: FundApplication | None = None,
        *,
        citation: str | None = None,
        field: str | None = None,
    ) -> Violation:
        """A violation graded as the campaign configures `rule_id`, citing `citation` when the
        clause depends on the direction (扶持标准 四(一)…四(四)), else the rule's own clause."""
        spec = self.campaign.rule(rule_id)
        reason = app.overrides.get(rule_id) if (app is not None and spec.overridable) else None
        return Violation(
            rule=rule_id,
            grade=spec.grade,
            message=message,
            clause=citation or spec.citation,
            application_id=app.id if app else None,
            project=app.project_name if app else None,
            applicant_uscc=(app.uscc or None) if app else None,
            applicant_name=app.enterprise if app else None,
            county=app.county if app else None,
            field=field,
            overridable=spec.overridable,
            override_reason=reason,
        )

"""Checking a special-fund workspace; the report has the pilot kind's shape, so `check --json`
prints the same JSON contract (services.checks.report_json)."""

from __future__ import annotations

from datetime import datetime

from ...domain.fund.engine import check_fund
from ...domain.fund.model import FundApplication
from ..checks import CheckReport
from .workspace import FundWorkspace


def check_fund_workspace(
    ws: FundWorkspace, now: datetime | None = None, apps: list[FundApplication] | None = None
) -> CheckReport:
    apps = apps if apps is not None else ws.repo.all()
    violations = check_fund(ws.campaign, apps, now=now, budget=ws.budget())
    return CheckReport(ws.city, ws.campaign.id, violations, len(apps))

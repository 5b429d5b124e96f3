"""Checking a workspace against its campaign's rules, and the JSON that `gdiiot check --json` prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.enums import Grade
from ..domain.model import Application, Violation
from ..domain.rules import check_city
from .applications import ApplicationService
from .workspace import Workspace


@dataclass(frozen=True)
class CheckReport:
    city: str
    campaign: str
    violations: list[Violation]
    applications: int

    @property
    def has_errors(self) -> bool:
        return any(v.blocks for v in self.violations)

    def counts(self) -> dict[Grade, int]:
        out = {g: 0 for g in Grade}
        for v in self.violations:
            if not v.is_overridden:
                out[v.grade] += 1
        return out


def check_workspace(
    ws: Workspace, now: datetime | None = None, apps: list[Application] | None = None
) -> CheckReport:
    """Every violation in the city; `now` also judges the deadline (exports pass the clock)."""
    apps = apps if apps is not None else ApplicationService(ws).list()
    violations = check_city(ws.campaign, ws.city, apps, now=now)
    return CheckReport(ws.city, ws.campaign.id, violations, len(apps))


def report_json(report: CheckReport, *, include_hints: bool = False) -> dict[str, Any]:
    """SPEC's `check --json` object. Overridden violations and hints are listed apart, not as violations."""
    shown = [
        v for v in report.violations if not v.is_overridden and (include_hints or v.grade is not Grade.HINT)
    ]
    return {
        "city": report.city,
        "campaign": report.campaign,
        "violations": [violation_json(v) for v in shown],
        "overridden": [violation_json(v) for v in report.violations if v.is_overridden],
        "summary": {g.value: n for g, n in report.counts().items()} | {"applications": report.applications},
    }


def violation_json(v: Violation) -> dict[str, Any]:
    return {
        "rule": v.rule,
        "severity": v.grade.spec_severity,
        "project": v.project,
        "applicant_uscc": v.applicant_uscc,
        "message": v.message,
        "clause": v.clause,
        "grade": v.grade.value,
        "applicant": v.applicant_name,
        "county": v.county,
        "application_id": v.application_id,
        "override_reason": v.override_reason,
    }

"""What the city must see at once when a bundle merges: cross-county duplicates and applicant limits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...domain.campaign import Campaign
from ...domain.model import Application, Violation
from ...domain.rules import check_city

CROSS_RULES = ("APPLICANT_MAX_PROJECTS", "APPLICANT_ONE_DIRECTION_PER_CATEGORY", "DUPLICATE_PROJECT")


@dataclass(frozen=True)
class SharedApplicant:
    """One applicant (by 统一社会信用代码, else name) with active applications in several counties."""

    uscc: str
    name: str
    counties: tuple[str, ...]
    projects: tuple[str, ...]


@dataclass
class CrossReport:
    violations: list[Violation] = field(default_factory=list)
    shared: list[SharedApplicant] = field(default_factory=list)
    rule_titles: dict[str, str] = field(default_factory=dict)  # rule id -> Chinese title, for lines()

    @property
    def empty(self) -> bool:
        return not self.violations and not self.shared

    def lines(self) -> list[str]:
        out = [
            f"同一申报单位在多个县区申报：{s.name}（{s.uscc or '无信用代码'}）—— "
            f"{'、'.join(s.counties)}：{'；'.join(s.projects)}"
            for s in self.shared
        ]
        out += [
            f"【{self.rule_titles.get(v.rule, v.rule)}】{v.project}（{v.applicant_name}，{v.county}）：{v.message}"
            for v in self.violations
        ]
        return out


def cross_county(
    campaign: Campaign, city: str, apps: Iterable[Application], involved: set[int]
) -> CrossReport:
    """Rule violations about applicants and duplicates that involve the applications in `involved`
    (ids; every application needs one), and applicants filed in more than one county."""
    apps = list(apps)
    report = CrossReport(rule_titles={rule_id: spec.title for rule_id, spec in campaign.rules.items()})
    key_of = {a.id: a.applicant.key for a in apps}
    # A duplicate is reported on one of the pair only: the applicant links it to the imported side.
    keys = {key_of[i] for i in involved if i in key_of}
    for v in check_city(campaign, city, apps):
        if v.rule in CROSS_RULES and (v.application_id in involved or key_of.get(v.application_id) in keys):
            report.violations.append(v)
    groups: dict[str, list[Application]] = defaultdict(list)
    for app in apps:
        if app.status.is_active:
            groups[app.applicant.key].append(app)
    for members in groups.values():
        counties = sorted({a.county for a in members})
        if len(counties) > 1 and any(a.id in involved for a in members):
            first = members[0].applicant
            report.shared.append(
                SharedApplicant(
                    uscc=first.uscc,
                    name=first.name,
                    counties=tuple(counties),
                    projects=tuple(f"{a.project_name}（{a.county}）" for a in members),
                )
            )
    return report

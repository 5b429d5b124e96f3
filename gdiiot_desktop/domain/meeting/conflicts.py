"""Likely conflicts of interest, suggested from names the program can match.

An expert probably has a conflict with an application when, after normalize_name:
- the expert's organisation equals, contains or is contained in the applicant's name (the
  enterprise of a special-fund application), or a co-applicant's (联合申报单位) name;
- the expert's own name equals the applicant's contact person or legal representative.
Names shorter than MIN_KEY characters after normalisation are not matched by containment
("公司" is inside every company's name). Suggestions are only that: the meeting decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Application
from ..names import normalize_name
from .model import Expert
from .subjects import ReviewSubject, subject_of_application

MIN_KEY = 4
_SEPARATORS = re.compile(r"[、,，;；/\n]+")


@dataclass(frozen=True)
class SuggestedConflict:
    expert_id: int
    application_id: int
    reason: str


def co_applicant_names(text: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]


def _related(a: str, b: str) -> str | None:
    """ "相同" / "包含" when two normalised names match, else None."""
    if not a or not b:
        return None
    if a == b:
        return "相同"
    shorter = a if len(a) <= len(b) else b
    if len(shorter) >= MIN_KEY and (a in b or b in a):
        return "包含"
    return None


def suggest_conflicts(
    experts: Iterable[Expert], apps: Sequence[ReviewSubject] | Sequence[Application]
) -> list[SuggestedConflict]:
    """Every matched (expert, application) pair once, with the first reason found."""
    subjects = [
        a if isinstance(a, ReviewSubject) else subject_of_application(a) for a in apps if a.id is not None
    ]
    out: list[SuggestedConflict] = []
    for expert in experts:
        org = normalize_name(expert.organisation)
        person = normalize_name(expert.name)
        for subject in subjects:
            reason = _reason(expert, org, person, subject)
            if reason:
                out.append(SuggestedConflict(expert.id, subject.id, reason))
    return out


def _reason(expert: Expert, org: str, person: str, subject: ReviewSubject) -> str | None:
    how = _related(org, normalize_name(subject.applicant))
    if how:
        return f"专家所在单位“{expert.organisation}”与申报单位“{subject.applicant}”名称{how}"
    for partner in co_applicant_names(subject.co_applicants):
        how = _related(org, normalize_name(partner))
        if how:
            return f"专家所在单位“{expert.organisation}”与联合申报单位“{partner}”名称{how}"
    if person:
        if person == normalize_name(subject.contact_name):
            return f"专家姓名与申报单位联系人“{subject.contact_name}”相同"
        if person == normalize_name(subject.legal_representative):
            return f"专家姓名与申报单位法定代表人“{subject.legal_representative}”相同"
    return None

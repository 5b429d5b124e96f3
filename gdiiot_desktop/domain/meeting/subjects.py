"""What a review meeting reviews: a pilot application or a special-fund application, seen the same way.

The meeting module scores, ranks and minutes "subjects"; each kind of campaign says how its
applications become one (`subject_of_application`, `subject_of_fund`). A meeting records which
kind it reviews (`SubjectKind`), and its items, recusals and scores refer to that kind's table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..fund.model import FundApplication
from ..model import Application


class SubjectKind(StrEnum):
    """Which applications a meeting reviews."""

    PILOT = "pilot"  # 试点示范项目 (table applications)
    FUND = "fund"  # 专项资金申报项目 (table fund_applications)

    @property
    def label(self) -> str:
        return "试点示范项目" if self is SubjectKind.PILOT else "专项资金申报项目"


@dataclass(frozen=True)
class ReviewSubject:
    """One application under review, with what the meeting needs of it."""

    id: int
    kind: SubjectKind
    project_name: str
    applicant: str  # 申报单位 / 申报企业
    county: str
    active: bool  # not returned or withdrawn
    status_label: str
    filed_on: date | None = None  # tie-break: earlier filing first
    central: bool = False  # a central enterprise's project takes no local quota (pilot only)
    co_applicants: str = ""  # 联合申报单位, as typed
    contact_name: str = ""
    legal_representative: str = ""
    direction: str = ""  # the support direction (支持方向) of a special-fund application

    @property
    def label(self) -> str:
        """The project as documents name it: 项目（单位）, with the direction of a special-fund project."""
        extra = f"，{self.direction}" if self.direction else ""
        return f"{self.project_name}（{self.applicant}{extra}）"


_CONTACT_NAME = re.compile(r"^[^\d\s,，;；/:：（(、]+")


def contact_name_of(text: str) -> str:
    """The person's name at the start of a "联系人及电话" cell ("张伟 0750-3388123" → "张伟")."""
    found = _CONTACT_NAME.match((text or "").strip())
    return found.group(0) if found else ""


def subject_of_application(app: Application) -> ReviewSubject:
    assert app.id is not None
    return ReviewSubject(
        id=app.id,
        kind=SubjectKind.PILOT,
        project_name=app.project_name,
        applicant=app.applicant.name,
        county=app.county,
        active=app.status.is_active,
        status_label=app.status.label,
        filed_on=app.filed_on,
        central=app.applicant.is_central_enterprise,
        co_applicants=app.co_applicants,
        contact_name=app.contact.name,
        legal_representative=app.applicant.legal_representative,
    )


def subject_of_fund(app: FundApplication, direction: str = "") -> ReviewSubject:
    assert app.id is not None
    return ReviewSubject(
        id=app.id,
        kind=SubjectKind.FUND,
        project_name=app.project_name,
        applicant=app.enterprise,
        county=app.county,
        active=app.status.is_active,
        status_label=app.status.label,
        contact_name=contact_name_of(app.contact),
        direction=direction,
    )

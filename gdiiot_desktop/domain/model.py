"""Entities of the domain as plain dataclasses: applicants, applications, attachments, violations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import (
    ApplicantType,
    AttachmentClass,
    BuildStatus,
    Grade,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
    Status,
)
from .names import normalize_name
from .uscc import normalize_uscc


@dataclass
class Applicant:
    """申报单位, identified by its 统一社会信用代码."""

    uscc: str
    name: str
    applicant_type: ApplicantType | None = None
    applicant_type_text: str = ""  # what was filed when it is none of the six types
    is_central_enterprise: bool = False
    independent_legal_person: bool | None = True
    registered_city: str = ""  # 注册地 (市)
    registered_address: str = ""
    founded: date | None = None
    registered_capital: float | None = None  # 万元
    legal_representative: str = ""
    employees: int | None = None
    revenue: float | None = None  # 上年度营业收入, 万元
    profit: float | None = None  # 上年度利润, 万元
    rnd_spending: float | None = None  # 上年度研发投入, 万元
    industry: str = ""

    @property
    def type_text(self) -> str:
        return self.applicant_type.value if self.applicant_type else self.applicant_type_text

    @property
    def key(self) -> str:
        """What identifies the applicant across counties: its code, or its name when it has none."""
        return normalize_uscc(self.uscc) or "name:" + normalize_name(self.name)


@dataclass
class Attachment:
    """A file attached to an application, as far as the rules need to know it."""

    attachment_class: AttachmentClass
    file_name: str
    sha256: str
    size: int
    id: int | None = None
    year: int | None = None  # audit reports: the financial year
    pages: int | None = None
    duration_seconds: float | None = None  # videos: read from the file; None when unreadable
    note: str = ""
    source_path: str = ""  # the path as filed (intake sheet: relative to the workbook)


@dataclass
class Contact:
    """联系人."""

    name: str = ""
    title: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""


@dataclass
class Application:
    """One project application (申报书 附件3) of one applicant, as the rules see it."""

    project_name: str
    applicant: Applicant
    county: str
    category_id: str
    direction_id: str
    id: int | None = None
    uid: str = ""  # stable across offices (county ↔ city); given when first stored
    build_status: BuildStatus = BuildStatus.BUILT
    innovation_acceptance: InnovationAcceptance = InnovationAcceptance.NOT_APPLICABLE
    other_channel: OtherChannel = OtherChannel.NONE
    pilot_year: int | None = None  # 曾列入试点示范 (year)
    location_city: str = ""
    location_county: str = ""
    build_start: date | None = None
    build_end: date | None = None
    total_investment: float | None = None  # 万元
    co_applicants: str = ""  # 联合申报单位
    priority_conditions: frozenset[PriorityCondition] = frozenset()
    credit_checked: bool = False  # 信用中国 checked
    commitment_letter: bool = False  # no-major-accident commitment letter present
    filed_on: date | None = None  # 申报日期
    contact: Contact = field(default_factory=Contact)
    status: Status = Status.REGISTERED
    priority: int | None = None  # 推荐顺序, 1 = first
    attachments: list[Attachment] = field(default_factory=list)
    materials_received: frozenset[str] = frozenset()  # material ids ticked as received on paper
    overrides: dict[str, str] = field(default_factory=dict)  # rule id → recorded reason
    note: str = ""

    @property
    def is_recommended(self) -> bool:
        return self.status is Status.RECOMMENDED

    def attachments_of(self, cls: AttachmentClass) -> list[Attachment]:
        return [a for a in self.attachments if a.attachment_class is cls]

    @property
    def label(self) -> str:
        return f"{self.project_name}（{self.applicant.name}）"


@dataclass(frozen=True)
class Violation:
    """One broken rule: what, where, why, and the clause of the notice it comes from."""

    rule: str
    grade: Grade
    message: str
    clause: str
    application_id: int | None = None
    project: str | None = None
    applicant_uscc: str | None = None
    applicant_name: str | None = None
    county: str | None = None
    field: str | None = None  # the form field that causes it, for "jump to field"
    overridable: bool = False
    override_reason: str | None = None

    @property
    def is_overridden(self) -> bool:
        return self.override_reason is not None

    @property
    def blocks(self) -> bool:
        """Blocks recommendation and export: an error-grade violation with no recorded override."""
        return self.grade is Grade.ERROR and not self.is_overridden

"""Enumerations of the application form and of the program's own states.

Values of form enumerations are the Chinese words the notice and the intake template use,
so an enum value can be written to a cell or shown in a drop-down as it is.
"""

from __future__ import annotations

from enum import StrEnum


class Grade(StrEnum):
    """Severity of a violation, modelled on the statistics system's validation classes."""

    ERROR = "error"  # 强制性错误: blocks recommendation
    NEEDS_EXPLANATION = "needs_explanation"  # 核实性: the city may override with a recorded reason
    WARNING = "warning"  # 提示性警告
    HINT = "hint"  # 提示

    @property
    def label(self) -> str:
        return _GRADE_LABELS[self]

    @property
    def spec_severity(self) -> str:
        """The two-valued severity of SPEC's `check --json`: only errors are "error"."""
        return "error" if self is Grade.ERROR else "warning"

    @property
    def rank(self) -> int:
        return _GRADE_RANK[self]


_GRADE_LABELS = {
    Grade.ERROR: "错误",
    Grade.NEEDS_EXPLANATION: "需说明",
    Grade.WARNING: "警告",
    Grade.HINT: "提示",
}
_GRADE_RANK = {Grade.ERROR: 0, Grade.NEEDS_EXPLANATION: 1, Grade.WARNING: 2, Grade.HINT: 3}


class ApplicantType(StrEnum):
    """申报主体类型 (seed 003 二(一))."""

    INDUSTRIAL = "工业企业"
    TELECOM = "基础电信企业"
    IT = "信息技术企业"
    INTERNET = "互联网企业"
    UNIVERSITY = "高校及科研院所"
    PARK_OPERATOR = "园区运营管理机构"


class BuildStatus(StrEnum):
    """建设状态."""

    BUILT = "已建成"
    UNDER_CONSTRUCTION = "在建"
    NOT_BUILT = "未建"


class InnovationAcceptance(StrEnum):
    """创新发展工程项目验收情况."""

    NOT_APPLICABLE = "不涉及"
    ACCEPTED = "已验收"
    NOT_ACCEPTED = "未验收"
    FAILED = "验收未通过"


class OtherChannel(StrEnum):
    """已通过其他渠道推荐."""

    NONE = "否"
    COMMUNICATIONS_ADMINISTRATION = "通信管理局"
    CENTRAL_ENTERPRISE = "中央企业"


class Authority(StrEnum):
    """The provincial body that handles a direction (负责单位)."""

    MIIT_PROVINCE = "工信厅"
    COMMUNICATIONS_ADMINISTRATION = "通信管理局"


class PriorityCondition(StrEnum):
    """MIIT's four priority conditions (319号 二(二))."""

    DEMONSTRATION_BASE = "国家新型工业化产业示范基地或成效明显市"
    INNOVATION_ACCEPTED = "创新发展工程已验收"
    OLD_REVOLUTIONARY_AREA = "革命老区"
    NOTABLE_RESULTS = "绿色低碳/安全生产/国际合作/军民融合成效显著"


class Status(StrEnum):
    """Where an application stands in the city's recommendation."""

    REGISTERED = "registered"  # 已登记, not (yet) recommended
    RECOMMENDED = "recommended"  # 已推荐, has a priority
    RETURNED = "returned"  # 已退回 to the county
    WITHDRAWN = "withdrawn"  # 已撤回

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_active(self) -> bool:
        """Counts towards the applicant's limits and duplicate checks."""
        return self in (Status.REGISTERED, Status.RECOMMENDED)


_STATUS_LABELS = {
    Status.REGISTERED: "已登记",
    Status.RECOMMENDED: "已推荐",
    Status.RETURNED: "已退回",
    Status.WITHDRAWN: "已撤回",
}


class AttachmentClass(StrEnum):
    """Classes of attached files, in the order the campaign lists materials."""

    APPLICATION_FORM = "application_form"
    AUDIT_REPORT = "audit_report"
    COMMITMENT_LETTER = "commitment_letter"
    CREDIT_CHECK = "credit_check"
    SRDI_CERTIFICATE = "srdi_certificate"
    IP = "ip"
    AWARD = "award"
    APPLICATION_PROOF = "application_proof"
    VIDEO = "video"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ATTACHMENT_LABELS[self]


_ATTACHMENT_LABELS = {
    AttachmentClass.APPLICATION_FORM: "申报书",
    AttachmentClass.AUDIT_REPORT: "财务审计报告",
    AttachmentClass.COMMITMENT_LETTER: "无重大事故承诺函",
    AttachmentClass.CREDIT_CHECK: "信用中国查询结果",
    AttachmentClass.SRDI_CERTIFICATE: "专精特新证明",
    AttachmentClass.IP: "专利/知识产权",
    AttachmentClass.AWARD: "获奖证明",
    AttachmentClass.APPLICATION_PROOF: "应用证明",
    AttachmentClass.VIDEO: "视频",
    AttachmentClass.OTHER: "其他",
}

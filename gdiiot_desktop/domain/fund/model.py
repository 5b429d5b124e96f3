"""A special-fund application as the rules see it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ..names import normalize_name
from ..uscc import normalize_uscc
from .money import ZERO


class FundStatus(StrEnum):
    REGISTERED = "registered"  # 已登记
    POOLED = "pooled"  # 入库: ranked for funding
    RETURNED = "returned"  # 退回县区
    WITHDRAWN = "withdrawn"  # 撤回

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_active(self) -> bool:
        return self in (FundStatus.REGISTERED, FundStatus.POOLED)


_LABELS = {
    FundStatus.REGISTERED: "已登记",
    FundStatus.POOLED: "入库",
    FundStatus.RETURNED: "已退回",
    FundStatus.WITHDRAWN: "已撤回",
}


@dataclass
class FundApplication:
    """One enterprise's application under one support direction."""

    enterprise: str
    project_name: str
    county: str
    direction_id: str
    requested: Decimal | None  # 申请补贴金额, yuan
    investment: Mapping[str, Decimal] = field(default_factory=dict)  # category id → yuan
    uscc: str = ""
    subdirection_id: str = ""
    cluster: str = ""  # 所属产业集群 (产业集群试点)
    training_sessions: int | None = None
    training_people: int | None = None
    materials_received: frozenset[str] = frozenset()
    status: FundStatus = FundStatus.REGISTERED
    rank: int | None = None  # 排序优选: 1 = first
    review_score: Decimal | None = None  # 评审得分 (from the review meeting)
    contact: str = ""
    note: str = ""
    id: int | None = None
    uid: str = ""
    overrides: dict[str, str] = field(default_factory=dict)  # rule id → recorded reason

    @property
    def total_investment(self) -> Decimal:
        return sum(self.investment.values(), ZERO)

    @property
    def enterprise_key(self) -> str:
        """The same enterprise across projects: its code, or its normalised name without one."""
        return normalize_uscc(self.uscc) or "name:" + normalize_name(self.enterprise)

    @property
    def cluster_key(self) -> str:
        return normalize_name(self.cluster)

    @property
    def label(self) -> str:
        return f"{self.project_name}（{self.enterprise}）"


def enterprise_keys(apps: Iterable[FundApplication]) -> Callable[[FundApplication], str]:
    """The same enterprise across these applications, for its caps: its code; a row without a code
    takes the code its name carries on another row (when the name has just one), so leaving the code
    out of one row does not split an enterprise in two and double its cap."""
    codes: dict[str, set[str]] = {}
    for app in apps:
        if code := normalize_uscc(app.uscc):
            codes.setdefault(normalize_name(app.enterprise), set()).add(code)

    def key(app: FundApplication) -> str:
        found = codes.get(normalize_name(app.enterprise), set())
        if not normalize_uscc(app.uscc) and len(found) == 1:
            return next(iter(found))
        return app.enterprise_key

    return key

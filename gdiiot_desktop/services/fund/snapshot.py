"""Freezing the 入库 list: the ranked applications with every amount the exports print.

The .xlsx and the PDF are written from the same frozen value; its id is the day plus the first
hex digits of the SHA-256 of its canonical JSON (so the same ranking frozen twice on one day has
the same id), it is printed on every page and sheet, and the frozen lines go to the audit log.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ...domain.fund.money import ZERO
from ...domain.fund.pool import PoolLine
from ...storage.audit import canonical_json
from ..errors import ServiceError
from .checks import check_fund_workspace
from .ranking import current_pool
from .ranking_basis import ranking_basis
from .workspace import FundWorkspace


@dataclass(frozen=True)
class FrozenLine:
    rank: int
    app_id: int
    county: str
    enterprise: str
    uscc: str
    project: str
    direction_id: str
    direction: str
    subdirection: str
    cluster: str
    total_investment: Decimal
    eligible_investment: Decimal
    cap: Decimal
    cap_basis: str  # the limit that decides, e.g. 单个项目上限
    requested: Decimal
    proposed: Decimal
    running_total: Decimal
    within_budget: bool

    def to_json(self) -> dict[str, object]:
        return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class FundSnapshot:
    id: str
    created_at: datetime
    city: str
    campaign_id: str
    title: str
    issuer: str
    budget: Decimal | None
    lines: tuple[FrozenLine, ...]
    direction_names: tuple[tuple[str, str], ...]  # (id, name) in the call's order
    sha256: str
    ranked_by: str = ""  # 排序依据: the review meeting, the 评审得分 field, or by hand

    @property
    def total(self) -> Decimal:
        return self.lines[-1].running_total if self.lines else ZERO

    @property
    def funded_total(self) -> Decimal:
        return sum((line.proposed for line in self.lines if line.within_budget), ZERO)

    @property
    def funded(self) -> int:
        return sum(1 for line in self.lines if line.within_budget)

    @property
    def footer(self) -> str:
        return f"{self.title} · 入库清单 · 快照 {self.id} · {self.created_at:%Y-%m-%d %H:%M}"

    def of_direction(self, direction_id: str) -> list[FrozenLine]:
        return [line for line in self.lines if line.direction_id == direction_id]


class FundExportBlockedError(ServiceError):
    """Ranked applications still have errors: the list is not exported."""


def freeze(ws: FundWorkspace, now: datetime | None = None) -> FundSnapshot:
    apps = ws.repo.all()
    pool = current_pool(ws, apps)
    if not pool.lines:
        raise ServiceError("尚未排序入库任何项目（gdiiot fund rank），没有可导出的入库清单")
    report = check_fund_workspace(ws, apps=apps)
    ranked_ids = {line.app.id for line in pool.lines}
    blocking = [
        v
        for v in report.violations
        if v.blocks and (v.application_id in ranked_ids or v.application_id is None)
    ]
    if blocking:
        raise FundExportBlockedError(
            f"入库项目中还有 {len(blocking)} 个错误，修正后才能导出（gdiiot check 查看）",
            [f"{v.rule} {v.project or ws.city}：{v.message}" for v in blocking[:20]],
        )
    stamp = now or datetime.now()
    lines = tuple(_frozen(line) for line in pool.lines)
    ranked_by = ranking_basis(ws, [line.app.id for line in pool.lines if line.app.id is not None])
    payload = {
        "city": ws.city,
        "campaign": ws.campaign.id,
        "budget": None if pool.budget is None else str(pool.budget),
        "ranked_by": ranked_by,
        "lines": [line.to_json() for line in lines],
    }
    digest = hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()
    snapshot = FundSnapshot(
        id=f"{stamp:%Y%m%d}-{digest[:8]}",
        created_at=stamp,
        city=ws.city,
        campaign_id=ws.campaign.id,
        title=ws.campaign.title,
        issuer=ws.campaign.issuer,
        budget=pool.budget,
        lines=lines,
        direction_names=tuple((d.id, d.name) for d in ws.campaign.directions),
        sha256=digest,
        ranked_by=ranked_by,
    )
    ws.repo.record_export(snapshot.id, {"sha256": digest} | payload)
    return snapshot


def _frozen(line: PoolLine) -> FrozenLine:
    app, direction, cap = line.app, line.direction, line.cap
    assert app.id is not None
    sub = direction.subdirection(app.subdirection_id) if direction and app.subdirection_id else None
    return FrozenLine(
        rank=line.rank,
        app_id=app.id,
        county=app.county,
        enterprise=app.enterprise,
        uscc=app.uscc,
        project=app.project_name,
        direction_id=app.direction_id,
        direction=direction.name if direction else app.direction_id,
        subdirection=sub.name if sub else "",
        cluster=app.cluster,
        total_investment=app.total_investment,
        eligible_investment=cap.eligible_investment if cap else ZERO,
        cap=cap.amount if cap else ZERO,
        cap_basis=cap.binding.label.removesuffix("为").strip() if cap else "",
        requested=app.requested or ZERO,
        proposed=line.proposed,
        running_total=line.running_total,
        within_budget=line.within_budget,
    )

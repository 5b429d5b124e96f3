"""One special-fund application as its detail view needs it, and the edits made there that the
CLI has no command of their own for (the materials received)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...domain.fund.campaign import FundCampaign, FundDirection
from ...domain.fund.model import FundApplication
from ...domain.fund.subsidy import SubsidyCap, max_subsidy
from ...domain.model import Violation
from ..errors import InputError, NotFoundError
from .checks import check_fund_workspace
from .workspace import FundWorkspace


def subsidy_cap(campaign: FundCampaign, app: FundApplication) -> SubsidyCap | None:
    """The project's maximum subsidy from its direction's rule (None: the direction is unknown)."""
    direction = campaign.direction(app.direction_id)
    return max_subsidy(direction.subsidy, app) if direction else None


@dataclass(frozen=True)
class FundApplicationDetails:
    app: FundApplication
    direction: FundDirection | None
    cap: SubsidyCap | None
    violations: tuple[Violation, ...]  # this application's, each with the clause it comes from
    attachments: tuple[dict[str, Any], ...]  # as FundRepository.attachments gives them


def application_details(ws: FundWorkspace, app_id: int) -> FundApplicationDetails:
    app = get_application(ws, app_id)
    report = check_fund_workspace(ws)  # the caps across projects need every application
    return FundApplicationDetails(
        app=app,
        direction=ws.campaign.direction(app.direction_id),
        cap=subsidy_cap(ws.campaign, app),
        violations=tuple(v for v in report.violations if v.application_id == app_id),
        attachments=tuple(ws.repo.attachments(app_id)),
    )


def set_materials(ws: FundWorkspace, app_id: int, received: Iterable[str]) -> FundApplication:
    """Record which of the call's materials the application has handed in (the rest: not yet)."""
    app = get_application(ws, app_id)
    wanted = frozenset(received)
    known = {m.id for m in ws.campaign.materials}
    unknown = sorted(wanted - known)
    if unknown:
        names = "、".join(f"{m.id}（{m.name}）" for m in ws.campaign.materials)
        raise InputError(f"未知材料“{'、'.join(unknown)}”。可选：{names}")
    if wanted != app.materials_received:
        app.materials_received = wanted
        ws.repo.update(app)
    return get_application(ws, app_id)


def get_application(ws: FundWorkspace, app_id: int) -> FundApplication:
    app = ws.repo.get(app_id)
    if app is None:
        raise NotFoundError(f"找不到编号为 {app_id} 的专项资金申报项目（见 gdiiot fund list）")
    return app

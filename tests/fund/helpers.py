"""Building special-fund applications and the shipped 江门 campaign for the fund tests."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from gdiiot_desktop.domain.fund.campaign import FundCampaign
from gdiiot_desktop.domain.fund.loader import parse_fund_campaign
from gdiiot_desktop.domain.fund.model import FundApplication, FundStatus
from gdiiot_desktop.resources import resource

ALL_MATERIALS = frozenset(
    {"application_form", "business_license", "invoices", "cluster_plan", "training_plan", "credit_commitment"}
)


@cache
def jiangmen() -> FundCampaign:
    path = resource("campaigns", "2022-jiangmen-fund.toml")
    return parse_fund_campaign(path.read_text(encoding="utf-8"), path.name)


_next_id = iter(range(1, 1_000_000))


def fund_app(
    direction: str = "benchmark",
    requested: int | str | None = 100_000,
    investment: dict[str, int | str] | None = None,
    *,
    enterprise: str = "江门甲制造有限公司",
    project: str | None = None,
    cluster: str = "",
    sessions: int | None = None,
    people: int | None = None,
    status: FundStatus = FundStatus.REGISTERED,
    rank: int | None = None,
    score: str | None = None,
    materials: frozenset[str] = ALL_MATERIALS,
    county: str = "蓬江区",
) -> FundApplication:
    app_id = next(_next_id)
    return FundApplication(
        enterprise=enterprise,
        project_name=project or f"项目{app_id}",
        county=county,
        direction_id=direction,
        requested=None if requested is None else Decimal(str(requested)),
        investment={
            k: Decimal(str(v)) for k, v in (investment or {"industrial_internet": 2_000_000}).items()
        },
        cluster=cluster,
        training_sessions=sessions,
        training_people=people,
        materials_received=materials,
        status=status,
        rank=rank,
        review_score=None if score is None else Decimal(score),
        id=app_id,
    )

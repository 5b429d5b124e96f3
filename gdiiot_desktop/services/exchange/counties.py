"""The city's real counties: a bundle's county and every application's county must be one of them.

Names are compared after normalisation (NFKC, no whitespace, no zero-width characters), so "三水区 "
is 三水区 and "天河区" is not a county of 佛山. Cities with no county-level divisions in GB/T 2260
(东莞, 中山) accept the counties the city registered itself in its settings.
"""

from __future__ import annotations

from ...domain.divisions import city_counties, match_county, normalize_name
from ...resources import guangdong_divisions
from ...storage.fund_exchange_repository import FundExchangeRepository
from ...storage.repository import ApplicationRepository
from .errors import BundleMismatchError
from .format import FUND_KIND
from .office import Office


def counties_of_city(ws: Office) -> list[str]:
    official = [c.name for c in city_counties(guangdong_divisions(), ws.city)]
    if official:
        return official
    with ws.db.session() as session:
        if ws.campaign_kind == FUND_KIND:
            return FundExchangeRepository(session).county_names()
        return ApplicationRepository(session).county_names()


def canonical_county(ws: Office, name: str, counties: list[str] | None = None, *, what: str = "数据包") -> str:
    """The city's county that `name` spells, else BundleMismatchError naming it and the real ones."""
    counties = counties if counties is not None else counties_of_city(ws)
    found = match_county(name, counties)
    if found is None:
        shown = normalize_name(name)[:40] or "（空）"
        known = "、".join(counties) or "（无：本市在 GB/T 2260 中没有县级行政区，请先在“设置”中登记本市的县区后再导入）"
        raise BundleMismatchError(
            f"{what}的县区“{shown}”不是{ws.city}市的县区（按 GB/T 2260 行政区划），已拒绝导入。{ws.city}市的县区：{known}"
        )
    return found

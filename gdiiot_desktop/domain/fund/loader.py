"""Reading a special-fund campaign file's text through the campaign-kind registry."""

from __future__ import annotations

import tomllib

from ..campaign import CampaignError, Problem, parse_any_campaign
from ..campaign_kinds import special_fund as _kind  # noqa: F401  (registers the kind)
from .campaign import FUND_KIND, FundCampaign


def parse_fund_campaign(text: str, source: str = "活动文件", *, schema: bool = True) -> FundCampaign:
    """Parse and validate a special-fund campaign file; CampaignError lists every problem."""
    campaign = parse_any_campaign(text, source, schema=schema)
    if not isinstance(campaign, FundCampaign):
        raise CampaignError(source, [Problem("kind", "这不是专项资金项目申报的活动文件，不能在此使用")])
    return campaign


def is_fund_text(text: str) -> bool:
    """Whether a campaign file's text declares the special-fund kind (without validating it)."""
    try:
        return tomllib.loads(text).get("kind") == FUND_KIND
    except tomllib.TOMLDecodeError:
        return False

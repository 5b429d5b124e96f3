"""The special-fund kind (issue 14): a city's call for subsidy applications (domain/fund/)."""

from __future__ import annotations

from ..fund.campaign import FUND_KIND, FUND_VERSION, build_fund_campaign, fund_consistency, fund_data_checks
from ..fund.rules import FUND_RULE_IDS
from . import CampaignKind, register_kind

SPECIAL_FUND = register_kind(
    CampaignKind(
        name=FUND_KIND,
        label="专项资金项目申报",
        versions=(FUND_VERSION,),
        schema_file="special-fund.schema.json",
        build=build_fund_campaign,
        data_checks=fund_data_checks,
        consistency=fund_consistency,
        rule_ids=FUND_RULE_IDS,
    )
)

"""An application with every registry field set to a value other than its default, for round trips."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from gdiiot_desktop.demo import make_uscc
from gdiiot_desktop.domain import fields as registry
from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.domain.enums import (
    ApplicantType,
    BuildStatus,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
    Status,
)
from gdiiot_desktop.domain.model import Application


def sample_values(campaign: Campaign, *, county: str = "南海区") -> dict[str, Any]:
    """{registry name: domain value}, every field set, each text at a length inside its cap."""
    direction = campaign.directions[1]
    values: dict[str, Any] = {
        "uid": "0123456789abcdef0123456789abcdef",
        "project_name": "5G＋智能工厂（一期）" + "项" * 80,
        "county": county,
        "category_id": direction.category_id,
        "direction_id": direction.id,
        "build_status": BuildStatus.UNDER_CONSTRUCTION,
        "innovation_acceptance": InnovationAcceptance.ACCEPTED,
        "other_channel": OtherChannel.CENTRAL_ENTERPRISE,
        "pilot_year": 2021,
        "location_city": "佛山市",
        "location_county": "顺德区",
        "build_start": date(2022, 3, 1),
        "build_end": date(2023, 6, 30),
        "total_investment": 1234.5,
        "co_applicants": "乙公司；丙研究院",
        "priority_conditions": frozenset(
            {PriorityCondition.OLD_REVOLUTIONARY_AREA, PriorityCondition.NOTABLE_RESULTS}
        ),
        "credit_checked": True,
        "commitment_letter": True,
        "filed_on": date(2023, 11, 1),
        "contact.name": "张三",
        "contact.title": "总工程师",
        "contact.phone": "0757-12345678",
        "contact.mobile": "13812345678",
        "contact.email": "zhang@example.com",
        "status": Status.RECOMMENDED,
        "priority": 1,
        "materials_received": frozenset(m.id for m in campaign.materials[:2]),
        "overrides": {next(iter(campaign.rules)): "经核实，情况属实"},
        "note": "第一行\n第二行",
        "applicant.uscc": make_uscc(random.Random(7), "440605"),
        "applicant.name": "佛山市甲智能制造有限公司",
        "applicant.applicant_type": ApplicantType.IT.value,
        "applicant.is_central_enterprise": True,
        "applicant.independent_legal_person": False,
        "applicant.registered_city": "佛山市",
        "applicant.registered_address": "佛山市南海区桂城街道某路1号",
        "applicant.founded": date(2010, 5, 20),
        "applicant.registered_capital": 5000.0,
        "applicant.legal_representative": "李四",
        "applicant.employees": 321,
        "applicant.revenue": 88000.0,
        "applicant.profit": -120.5,
        "applicant.rnd_spending": 4500.25,
        "applicant.industry": "通用设备制造业",
    }
    assert set(values) == {f.name for f in registry.FIELDS}
    return values


def sample_application(campaign: Campaign, **kwargs: Any) -> Application:
    return registry.build_application(sample_values(campaign, **kwargs))

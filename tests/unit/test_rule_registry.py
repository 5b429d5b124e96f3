"""A new rule plugs into the pilot engine by registering under its id and being named by the campaign file."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from gdiiot_desktop.domain.campaign import CampaignError, parse_campaign
from gdiiot_desktop.domain.campaign_kinds import PILOT_KIND
from gdiiot_desktop.domain.model import Application, Violation
from gdiiot_desktop.domain.rules import check_city, registry
from gdiiot_desktop.domain.rules.context import RuleContext
from gdiiot_desktop.resources import campaign_file
from tests.unit.test_rules import application

NEW_RULE = """
[rules.PROJECT_NAME_TOO_SHORT]
title = "项目名称过短"
grade = "warning"
overridable = true
clause = "三(一)"
clause_text = "项目名称应能说明建设内容"
"""


@pytest.fixture
def short_name_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_APPLICATION_RULES", dict(registry._APPLICATION_RULES))

    @registry.register_application_rule("PROJECT_NAME_TOO_SHORT", kind=PILOT_KIND)
    def too_short(ctx: RuleContext, app: Application) -> Iterator[Violation]:
        if len(app.project_name) < 6:
            yield ctx.violation("PROJECT_NAME_TOO_SHORT", "项目名称不足6个字", app, field="project_name")


def shipped_text() -> str:
    return campaign_file().read_text(encoding="utf-8")


def test_a_registered_rule_runs_where_the_campaign_names_it(short_name_rule: None) -> None:
    named = parse_campaign(shipped_text() + NEW_RULE)
    apps = [application("工厂改造", id=1), application("钢铁行业工业互联网平台", id=2)]
    found = [v for v in check_city(named, "广州", apps) if v.rule == "PROJECT_NAME_TOO_SHORT"]
    assert [(v.application_id, v.message, v.clause) for v in found] == [(1, "项目名称不足6个字", "三(一)：项目名称应能说明建设内容")]

    unnamed = parse_campaign(shipped_text())
    assert not [v for v in check_city(unnamed, "广州", apps) if v.rule == "PROJECT_NAME_TOO_SHORT"]


def test_a_campaign_naming_a_rule_nobody_registered_is_refused() -> None:
    with pytest.raises(CampaignError, match=re.escape("rules.PROJECT_NAME_TOO_SHORT：未知规则编号")):
        parse_campaign(shipped_text() + NEW_RULE)


def test_shipped_rules_are_registered_once_each() -> None:
    ids = registry.registered_rule_ids(PILOT_KIND)
    assert {"USCC_INVALID", "VIDEO_REQUIRED", "MATERIALS_MISSING", "APPLICATION_DATA"} <= ids
    with pytest.raises(ValueError, match="registered twice"):
        registry.register_application_rule("USCC_INVALID", kind=PILOT_KIND)(lambda ctx, app: iter(()))

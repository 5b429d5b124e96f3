"""Campaign files name their kind and version; the loader dispatches on the kind through a registry."""

from __future__ import annotations

import pytest

from gdiiot_desktop.domain import campaign_kinds
from gdiiot_desktop.domain.campaign import (
    Campaign,
    CampaignError,
    Problem,
    campaign_kind_of,
    parse_any_campaign,
    parse_campaign,
)
from gdiiot_desktop.domain.campaign_kinds import PILOT_KIND, CampaignKind, find_kind, register_kind
from gdiiot_desktop.resources import campaign_file


@pytest.fixture(scope="module")
def text() -> str:
    return campaign_file().read_text(encoding="utf-8")


def without_kind(text: str) -> str:
    lines = [line for line in text.splitlines() if not line.startswith(("kind = ", "version = "))]
    return "\n".join(lines) + "\n"


def test_the_shipped_file_declares_its_kind_and_version(text):
    assert 'kind = "pilot-recommendation"' in text
    assert "\nversion = 1\n" in text
    assert campaign_kind_of(text) is find_kind(PILOT_KIND)
    assert isinstance(parse_any_campaign(text), Campaign)


def test_a_file_without_kind_or_version_loads_as_pilot_version_1(text):
    old = without_kind(text)
    assert "kind =" not in old
    campaign = parse_campaign(old, source="旧.toml")
    assert campaign.id == "2023-pilot"
    assert len(campaign.directions) == 27


def test_an_unknown_kind_is_refused_in_chinese(text):
    changed = text.replace('kind = "pilot-recommendation"', 'kind = "no-such-kind"')
    with pytest.raises(CampaignError) as caught:
        parse_any_campaign(changed, source="新.toml")
    [problem] = caught.value.problems
    assert problem.location == "kind"
    assert "no-such-kind" in problem.message and "不认识活动类型" in problem.message


def test_a_later_version_is_refused_with_the_versions_read(text):
    changed = text.replace("\nversion = 1\n", "\nversion = 9\n")
    with pytest.raises(CampaignError) as caught:
        parse_campaign(changed)
    [problem] = caught.value.problems
    assert problem.location == "version"
    assert "9" in problem.message and "可读版本：1" in problem.message


def test_a_registered_kind_gets_its_files_and_the_pilot_loader_refuses_them(text, monkeypatch):
    built: list[str] = []

    def build(data, source_text):
        built.append(data["id"])
        return {"id": data["id"], "budget": data["budget"]}

    def budget_problems(data):
        return [] if data["budget"] > 0 else [Problem("budget", "预算应大于0")]

    kind = CampaignKind(
        name="test-fund",
        label="测试资金",
        versions=(1, 2),
        schema_file="campaign.schema.json",
        build=build,
        data_checks=budget_problems,
        consistency=lambda campaign: [],
        rule_ids=("OVER_CAP",),
    )
    monkeypatch.setitem(campaign_kinds.KINDS, "test-fund", kind)
    assert register_kind(kind) is kind
    fund_text = 'format = "gdiiot-campaign"\nformat_version = 1\nkind = "test-fund"\nversion = 2\nid = "f"\nbudget = 5\n'
    assert parse_any_campaign(fund_text, schema=False) == {"id": "f", "budget": 5}
    assert built == ["f"]
    with pytest.raises(CampaignError) as caught:
        parse_any_campaign(fund_text.replace("budget = 5", "budget = 0"), schema=False)
    assert [p.location for p in caught.value.problems] == ["budget"]
    with pytest.raises(CampaignError) as caught:
        parse_campaign(fund_text, schema=False)
    assert "不是试点示范项目推荐" in str(caught.value)

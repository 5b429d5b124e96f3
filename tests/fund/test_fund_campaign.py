"""The special-fund campaign file: the shipped 江门 call and the problems a broken file reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gdiiot_desktop.domain.campaign import CampaignError
from gdiiot_desktop.domain.fund.loader import is_fund_text, parse_fund_campaign
from gdiiot_desktop.domain.fund.money import MoneyError, format_money, to_money
from gdiiot_desktop.domain.rules.registry import registered_rule, rules_of_kind
from gdiiot_desktop.resources import resource

from .helpers import jiangmen

TEXT = resource("campaigns", "2022-jiangmen-fund.toml").read_text(encoding="utf-8")


def test_the_jiangmen_call_as_data():
    c = jiangmen()
    assert (c.kind, c.version, c.city, c.year) == ("special-fund", 1, "江门", 2022)
    assert str(c.deadline.day) == "2022-11-30" and c.budget is None
    assert [d.name for d in c.directions] == [
        "工业互联网标杆示范项目",
        "中小企业上云上平台",
        "产业集群试点",
        "工业互联网人才培养",
    ]
    bench, cloud, cluster, talent = (d.subsidy for d in c.directions)
    assert (bench.ratio_percent, bench.project_cap) == (Decimal(50), Decimal(1_000_000))
    assert "other" not in bench.eligible_categories and len(bench.eligible_categories) == 6
    assert (cloud.ratio_percent, cloud.enterprise_cap) == (Decimal(80), Decimal(600_000))
    assert (cluster.cluster_cap, cluster.enterprise_cap) == (Decimal(5_000_000), Decimal(500_000))
    assert (talent.project_cap, talent.min_sessions, talent.min_people) == (Decimal(1_000_000), 10, 500)
    assert [s.name for s in c.directions[0].subdirections] == [
        "方向一：工业企业工业互联网应用标杆",
        "方向二：特定行业工业互联网平台标杆",
    ]
    assert c.direction_by_name("（二）中小企业上云上平台") is c.directions[1]
    assert is_fund_text(TEXT) and not is_fund_text("kind = 'pilot'") and not is_fund_text("not toml [")


def test_every_rule_the_file_enables_is_registered_with_a_clause():
    c = jiangmen()
    registered = {r.id for r in rules_of_kind("special-fund")}
    assert set(c.rules) == registered
    for rule_id, spec in c.rules.items():
        assert registered_rule(rule_id) is not None and spec.clause and spec.clause_text


def problems_of(text: str) -> list[str]:
    with pytest.raises(CampaignError) as err:
        parse_fund_campaign(text, "x.toml")
    return [str(p) for p in err.value.problems]


def test_an_unknown_rule_id_is_refused():
    text = (
        TEXT + '\n[rules.FUND_NO_SUCH_RULE]\ntitle = "?"\ngrade = "error"\nclause = "一"\nclause_text = "?"\n'
    )
    assert problems_of(text) == ["rules.FUND_NO_SUCH_RULE：未知规则编号（专项资金活动可用的规则见 README）"]


def test_schema_and_cross_reference_problems_name_their_place():
    assert any(
        p.startswith("directions[1].subsidy.ratio_percent")
        for p in problems_of(TEXT.replace("ratio_percent = 50", "ratio_percent = 150"))
    )
    bad_cat = TEXT.replace('"software", "rnd"', '"software", "nonexistent"')
    assert problems_of(bad_cat) == ["directions[1].subsidy.eligible_categories：未知投入类别 'nonexistent'"]
    assert problems_of(TEXT.replace('date = "2022-11-30"', 'date = "2022-11-31"')) == [
        "deadline.date：不存在的日期或时间：'2022-11-31'"
    ]
    assert any(
        "project_cap" in p
        for p in problems_of(TEXT.replace("project_cap = 1_000_000", 'project_cap = "很多"', 1))
    )


def test_a_budget_in_the_file_is_read_as_whole_yuan():
    text = TEXT.replace("[budget]\n", "[budget]\ntotal = 30_000_000\n")
    assert parse_fund_campaign(text).budget == Decimal(30_000_000)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1000000, "1000000.00"),
        (0.1, "0.10"),
        ("1,000,000", "1000000.00"),
        ("12345.6 元", "12345.60"),
        (Decimal("5"), "5.00"),
    ],
)
def test_money_is_read_exactly(value, expected):
    assert to_money(value) == Decimal(expected)


@pytest.mark.parametrize("value", ["abc", -1, "1.001", True, float("nan")])
def test_money_refuses_what_is_not_an_amount(value):
    with pytest.raises(MoneyError):
        to_money(value)


def test_money_is_formatted_for_officials():
    assert format_money(Decimal("1000000.00")) == "1,000,000"
    assert format_money(Decimal("1234.5")) == "1,234.50"


def test_the_kind_registry_reads_the_fund_file_and_the_pilot_loader_refuses_it():
    from gdiiot_desktop.domain.campaign import campaign_kind_of, parse_campaign
    from gdiiot_desktop.domain.fund.rules import FUND_RULE_IDS

    kind = campaign_kind_of(TEXT)
    assert kind is not None and kind.name == "special-fund" and kind.rule_ids == FUND_RULE_IDS
    assert tuple(r.id for r in rules_of_kind("special-fund")) == FUND_RULE_IDS
    with pytest.raises(CampaignError) as err:
        parse_campaign(TEXT, "2022-jiangmen-fund.toml")
    assert "不是试点示范项目推荐的活动文件" in str(err.value)
    assert "可读版本：1" in problems_of(TEXT.replace("\nversion = 1\n", "\nversion = 2\n", 1))[0]

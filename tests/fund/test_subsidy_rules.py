"""The 江门 2022 subsidy rules at their boundaries, each violation citing its clause."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from gdiiot_desktop.domain.enums import Grade
from gdiiot_desktop.domain.fund.engine import check_fund
from gdiiot_desktop.domain.fund.model import FundStatus
from gdiiot_desktop.domain.fund.subsidy import max_subsidy

from .helpers import fund_app, jiangmen


def rules_of(apps, **kw):
    return [(v.rule, v.application_id) for v in check_fund(jiangmen(), apps, **kw)]


def test_benchmark_exactly_half_of_eligible_investment_is_allowed():
    app = fund_app("benchmark", 500_000, {"industrial_internet": 600_000, "cloud": 400_000})
    assert max_subsidy(jiangmen().direction("benchmark").subsidy, app).amount == Decimal("500000.00")
    assert rules_of([app]) == []


@pytest.mark.parametrize("requested", ["500001", "500000.01"])
def test_benchmark_one_yuan_or_one_fen_over_half_is_flagged(requested):
    app = fund_app("benchmark", requested, {"industrial_internet": 1_000_000})
    found = check_fund(jiangmen(), [app])
    assert [v.rule for v in found] == ["FUND_REQUEST_OVER_CAP"]
    v = found[0]
    assert v.grade is Grade.ERROR and v.clause.startswith("四(一)：") and "50%" in v.clause
    assert "500,000 元" in v.message


def test_benchmark_project_cap_exactly_one_million_and_one_yuan_over():
    investment = {"software": 3_000_000}
    assert rules_of([fund_app("benchmark", 1_000_000, investment)]) == []
    over = fund_app("benchmark", 1_000_001, investment)
    assert rules_of([over]) == [("FUND_REQUEST_OVER_CAP", over.id)]
    cap = max_subsidy(jiangmen().direction("benchmark").subsidy, over)
    assert cap.amount == Decimal(1_000_000) and cap.binding.label == "单个项目上限"


def test_benchmark_counts_only_the_eligible_categories():
    app = fund_app("benchmark", 600_000, {"equipment": 1_000_000, "other": 5_000_000})
    cap = max_subsidy(jiangmen().direction("benchmark").subsidy, app)
    assert cap.eligible_investment == Decimal(1_000_000) and cap.total_investment == Decimal(6_000_000)
    assert cap.amount == Decimal(500_000)
    assert [r for r, _ in rules_of([app])] == ["FUND_REQUEST_OVER_CAP"]


def test_cloud_counts_the_whole_investment_at_80_percent():
    app = fund_app("cloud", 400_000, {"other": 500_000})
    assert max_subsidy(jiangmen().direction("cloud").subsidy, app).amount == Decimal(400_000)
    assert rules_of([app]) == []


def test_enterprise_with_two_projects_against_its_cap():
    a = fund_app("cloud", 400_000, {"cloud": 1_000_000}, enterprise="江门乙公司")
    b = fund_app("cloud", 200_001, {"cloud": 1_000_000}, enterprise="江门乙公司")
    found = check_fund(jiangmen(), [a, b])
    assert sorted((v.rule, v.application_id) for v in found) == [
        ("FUND_ENTERPRISE_CAP", a.id),
        ("FUND_ENTERPRISE_CAP", b.id),
    ]
    assert "合计申请 600,001 元" in found[0].message and found[0].clause.startswith("四(二)")
    # Exactly at the cap is allowed; another enterprise's project does not count.
    b_ok = fund_app("cloud", 200_000, {"cloud": 1_000_000}, enterprise="江门乙公司")
    other = fund_app("cloud", 500_000, {"cloud": 1_000_000}, enterprise="江门丙公司")
    assert rules_of([a, b_ok, other]) == []


def test_a_withdrawn_project_does_not_count_against_the_enterprise_cap():
    a = fund_app("cloud", 400_000, {"cloud": 1_000_000}, enterprise="江门乙公司")
    b = fund_app("cloud", 400_000, {"cloud": 1_000_000}, enterprise="江门乙公司", status=FundStatus.WITHDRAWN)
    assert rules_of([a, b]) == []


def test_cluster_over_five_million_in_total():
    members = [
        fund_app(
            "cluster", 500_000, {"cloud": 700_000}, enterprise=f"集群企业{i}", cluster="江门五金卫浴产业集群"
        )
        for i in range(11)
    ]
    found = check_fund(jiangmen(), members)
    assert {v.rule for v in found} == {"FUND_CLUSTER_CAP"} and len(found) == 11
    assert "合计申请 5,500,000 元" in found[0].message and found[0].clause.startswith("四(三)")
    assert rules_of(members[:10]) == []  # exactly 5,000,000


def test_cluster_enterprise_cap_and_missing_cluster():
    over = fund_app("cluster", 500_001, {"cloud": 1_000_000}, cluster="江门摩托车产业集群")
    nameless = fund_app("cluster", 100_000, {"cloud": 1_000_000}, enterprise="江门丁公司")
    assert rules_of([over, nameless]) == [
        ("FUND_REQUEST_OVER_CAP", over.id),
        ("FUND_CLUSTER_REQUIRED", nameless.id),
    ]


@pytest.mark.parametrize(
    ("sessions", "people", "ok"),
    [(10, 500, True), (9, 500, False), (10, 499, False), (None, None, False), (12, 800, True)],
)
def test_training_minimum_outputs(sessions, people, ok):
    app = fund_app("talent", 1_000_000, {}, sessions=sessions, people=people)
    found = check_fund(jiangmen(), [app])
    assert [v.rule for v in found] == ([] if ok else ["FUND_TRAINING_MINIMUM"])
    if not ok:
        assert found[0].clause.startswith("四(四)")


def test_talent_cap_is_one_million_without_a_ratio():
    app = fund_app("talent", 1_000_001, {}, sessions=10, people=500)
    assert rules_of([app]) == [("FUND_REQUEST_OVER_CAP", app.id)]


def test_missing_materials_depend_on_the_direction():
    bench = fund_app("benchmark", 100_000, materials=frozenset({"application_form", "business_license"}))
    talent = fund_app(
        "talent",
        100_000,
        {},
        sessions=10,
        people=500,
        materials=frozenset({"application_form", "business_license"}),
    )
    found = check_fund(jiangmen(), [bench, talent])
    assert [(v.rule, v.application_id) for v in found] == [
        ("FUND_MATERIALS_MISSING", bench.id),
        ("FUND_MATERIALS_MISSING", talent.id),
    ]
    assert "项目投入发票" in found[0].message and "培训活动方案" in found[1].message
    assert "信用承诺书" not in found[0].message  # optional


def test_unknown_direction_missing_request_and_deadline():
    unknown = fund_app("nonsense", 100_000)
    missing = fund_app("benchmark", None)
    found = check_fund(jiangmen(), [unknown, missing], now=datetime(2022, 12, 1, 9, 0))
    assert [(v.rule, v.application_id) for v in found] == [
        ("FUND_DEADLINE", None),
        ("FUND_DIRECTION_UNKNOWN", unknown.id),
        ("FUND_REQUEST_MISSING", missing.id),
    ]
    assert rules_of([], now=datetime(2022, 11, 30, 23, 59)) == []

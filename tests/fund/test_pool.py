"""排序优选 within the budget: proposed amounts in rank order and the budget line."""

from __future__ import annotations

from decimal import Decimal

from gdiiot_desktop.domain.fund.engine import check_fund
from gdiiot_desktop.domain.fund.model import FundStatus
from gdiiot_desktop.domain.fund.pool import build_pool, order_by_score

from .helpers import fund_app, jiangmen

P = FundStatus.POOLED


def test_budget_line_falls_after_the_last_project_the_budget_covers():
    a = fund_app("benchmark", 800_000, rank=1, status=P)
    b = fund_app("benchmark", 700_000, rank=2, status=P)
    c = fund_app("benchmark", 1, rank=3, status=P)
    pool = build_pool(jiangmen(), [c, a, b], Decimal(1_500_000))
    assert [line.app.id for line in pool.lines] == [a.id, b.id, c.id]
    assert [line.running_total for line in pool.lines] == [
        Decimal(800_000),
        Decimal(1_500_000),
        Decimal(1_500_001),
    ]
    assert [line.within_budget for line in pool.lines] == [True, True, False]  # exactly the budget is in
    assert pool.funded == 2 and pool.remaining == Decimal(0)
    found = check_fund(jiangmen(), [a, b, c], budget=Decimal(1_500_000))
    assert [(v.rule, v.application_id) for v in found] == [("FUND_BELOW_BUDGET_LINE", c.id)]


def test_the_line_stays_put_once_reached():
    """A small project after the line is still below it: the ranking decides, not the fit."""
    a = fund_app("benchmark", 900_000, rank=1, status=P)
    b = fund_app("benchmark", 900_000, rank=2, status=P)
    c = fund_app("benchmark", 10, rank=3, status=P)
    pool = build_pool(jiangmen(), [a, b, c], Decimal(1_000_000))
    assert [line.within_budget for line in pool.lines] == [True, False, False]


def test_proposed_subsidy_respects_caps_across_projects():
    a = fund_app("cloud", 400_000, {"cloud": 1_000_000}, enterprise="乙", rank=1, status=P)
    b = fund_app("cloud", 400_000, {"cloud": 1_000_000}, enterprise="乙", rank=2, status=P)
    over = fund_app("benchmark", 2_000_000, {"software": 3_000_000}, rank=3, status=P)
    pool = build_pool(jiangmen(), [a, b, over], None)
    assert [line.proposed for line in pool.lines] == [Decimal(400_000), Decimal(200_000), Decimal(1_000_000)]
    assert all(line.within_budget for line in pool.lines)  # no budget set: no line


def test_cluster_total_is_shared_out_in_rank_order():
    members = [
        fund_app(
            "cluster",
            500_000,
            {"cloud": 700_000},
            enterprise=f"企业{i}",
            cluster="集群",
            rank=i + 1,
            status=P,
        )
        for i in range(11)
    ]
    pool = build_pool(jiangmen(), members, None)
    assert pool.lines[9].running_total == Decimal(5_000_000)
    assert pool.lines[10].proposed == Decimal(0)


def test_order_by_review_score():
    a = fund_app(score="81.5")
    b = fund_app(score="92")
    c = fund_app()
    d = fund_app(score="92", status=FundStatus.WITHDRAWN)
    ids, unscored = order_by_score([a, b, c, d])
    assert ids == [b.id, a.id] and unscored == [c]

"""Special-fund checking benchmark: every FUND_* rule (the budget line included) and the pool over
N applications across the four 江门 directions, best of a few runs. Target: a full check of 5,000
applications under one second (the window re-reads the board after every write).

Run: `python benchmarks/bench_fund.py [--apps 5000] [--runs 3]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdiiot_desktop.domain.fund.engine import check_fund  # noqa: E402
from gdiiot_desktop.domain.fund.loader import parse_fund_campaign  # noqa: E402
from gdiiot_desktop.domain.fund.model import FundApplication, FundStatus  # noqa: E402
from gdiiot_desktop.domain.fund.pool import build_pool  # noqa: E402
from gdiiot_desktop.resources import resource  # noqa: E402

DIRECTIONS = ("benchmark", "cloud", "cluster", "talent")


def applications(count: int) -> list[FundApplication]:
    rng = random.Random(14)
    apps = []
    for i in range(count):
        direction = DIRECTIONS[i % 4]
        apps.append(
            FundApplication(
                enterprise=f"江门企业{rng.randrange(count // 2 + 1)}",
                project_name=f"项目{i}",
                county="蓬江区",
                direction_id=direction,
                requested=Decimal(rng.randrange(10_000, 1_200_000)),
                investment={"cloud": Decimal(rng.randrange(10_000, 3_000_000))},
                cluster=f"集群{rng.randrange(20)}" if direction == "cluster" else "",
                training_sessions=12,
                training_people=600,
                materials_received=frozenset({"application_form", "business_license", "invoices"}),
                status=FundStatus.POOLED,
                rank=i + 1,
                id=i + 1,
            )
        )
    return apps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = resource("campaigns", "2022-jiangmen-fund.toml")
    campaign = parse_fund_campaign(path.read_text(encoding="utf-8"))
    apps = applications(args.apps)
    budget = Decimal(50_000_000)
    check_times, pool_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        found = check_fund(campaign, apps, budget=budget)
        check_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        pool = build_pool(campaign, apps, budget)
        pool_times.append(time.perf_counter() - start)
    print(f"{args.apps} applications: check_fund best {min(check_times) * 1000:.0f} ms ({len(found)} violations), "
          f"build_pool best {min(pool_times) * 1000:.0f} ms ({pool.funded} above the budget line)")  # fmt: skip


if __name__ == "__main__":
    main()

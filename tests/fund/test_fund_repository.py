"""The fund repository on a real SQLite file: exact amounts, investment edits, ranking, audit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from gdiiot_desktop.domain.fund.model import FundApplication, FundStatus
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.workspace import (
    create_fund_workspace,
    is_fund_database,
    open_fund_workspace,
)
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.models import AuditEntry


def test_round_trip_update_rank_and_audit(tmp_path: Path) -> None:
    path = tmp_path / "江门.sqlite3"
    ws = create_fund_workspace(path, "江门市", resource("campaigns", "2022-jiangmen-fund.toml"))
    try:
        app = FundApplication(
            "江门甲公司", "甲项目", "蓬江区", "benchmark", Decimal("123456.78"),
            {"cloud": Decimal("0.10"), "software": Decimal("246913.56")}, cluster="", training_sessions=None,
        )  # fmt: skip
        (app_id,) = ws.repo.add_many([app], source="test")
        stored = ws.repo.get(app_id)
        assert stored is not None and stored.requested == Decimal("123456.78")
        assert stored.investment == {"cloud": Decimal("0.10"), "software": Decimal("246913.56")}
        stored.investment = {"software": Decimal(1_000_000), "ai": Decimal(5)}
        ws.repo.update(stored)
        again = ws.repo.get(app_id)
        assert again is not None and again.investment == {"ai": Decimal(5), "software": Decimal(1_000_000)}
        ws.repo.set_ranking([app_id])
        ranked = ws.repo.get(app_id)
        assert ranked is not None and (ranked.status, ranked.rank) == (FundStatus.POOLED, 1)
        ws.repo.set_ranking([])
        unranked = ws.repo.get(app_id)
        assert unranked is not None and (unranked.status, unranked.rank) == (FundStatus.REGISTERED, None)
        ws.repo.set_budget(Decimal("30000000"))
        assert ws.budget() == Decimal(30_000_000)
        with ws.db.session() as session:
            actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
            assert verify_chain(session) == []
        assert actions == ["init", "fund_import", "fund_update", "fund_rank", "fund_rank", "fund_budget"]
    finally:
        ws.close()
    assert is_fund_database(path) and not is_fund_database(tmp_path / "none.sqlite3")
    reopened = open_fund_workspace(path)
    try:
        assert reopened.city == "江门" and reopened.campaign.id == "2022-jiangmen-fund"
        assert reopened.budget() == Decimal(30_000_000)
    finally:
        reopened.close()

"""Deleting an application entered by mistake: what goes, what stays, what the audit log keeps, and refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.domain.model import Application
from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.application_codec import application_from_json
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.errors import InputError, NotFoundError
from gdiiot_desktop.services.exports import freeze, load_snapshot
from gdiiot_desktop.services.meeting import results, scoring, setup
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.errors import ReadOnlyDatabaseError
from gdiiot_desktop.storage.models import (
    ApplicantRecord,
    ApplicationRecord,
    AttachmentRecord,
    AuditEntry,
    Base,
    OverrideRecord,
)
from tests.exchange.helpers import make_city, make_county, pin_both
from tests.meeting.factory import add_applications, make_workspace, make_world

BEFORE_DEADLINE = datetime(2023, 11, 28, 9, 30)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = make_workspace(tmp_path)
    yield workspace
    workspace.close()


def dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: equal dumps mean nothing was written."""
    with ws.db.session() as session:
        return {
            name: [tuple(r) for r in session.execute(text(f'SELECT * FROM "{name}" ORDER BY 1, 2'))]
            for name in sorted(Base.metadata.tables)
        }


def last_audit(ws: Workspace) -> AuditEntry:
    with ws.db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    return entry


def count(ws: Workspace, model: Any, *where: Any) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def refused(ws: Workspace, app_id: int, reason: str, error: type[Exception], match: str) -> None:
    """The deletion is refused with `error` and the database is left exactly as it was."""
    before = dump(ws)
    with pytest.raises(error, match=match):
        ApplicationService(ws).delete(app_id, reason)
    assert dump(ws) == before


def test_delete_removes_the_row_its_attachments_and_overrides_and_audits_everything(ws: Workspace) -> None:
    service = ApplicationService(ws)
    ids = add_applications(ws, 4)
    victim_id = ids[0]
    rule = next(r for r, spec in ws.campaign.rules.items() if spec.overridable)
    service.set_override(victim_id, rule, "核实无误")
    service.set_order([ids[2], ids[1], ids[3]])
    victim = service.get(victim_id)
    assert victim.attachments and victim.overrides == {rule: "核实无误"}
    others_before = {a.id: (a.status, a.priority) for a in service.list() if a.id != victim_id}
    files = [ws.db.store.path_of(a.sha256) for a in victim.attachments]

    gone = service.delete(victim_id, "  重复录入（与第2项相同）  ")

    assert gone == victim
    with pytest.raises(NotFoundError):
        service.get(victim_id)
    assert count(ws, ApplicationRecord, ApplicationRecord.id == victim_id) == 0
    assert count(ws, AttachmentRecord, AttachmentRecord.application_id == victim_id) == 0
    assert count(ws, OverrideRecord, OverrideRecord.application_id == victim_id) == 0
    # The applicant had no other application: its row went too (its details are in the audit).
    assert count(ws, ApplicantRecord, ApplicantRecord.name == victim.applicant.name) == 0
    # The stored files stay (named by hash, possibly shared); nothing else moved.
    assert all(f.is_file() for f in files)
    assert {a.id: (a.status, a.priority) for a in service.list()} == others_before
    assert count(ws, AttachmentRecord) == 2 * 3

    entry = last_audit(ws)
    assert (entry.action, entry.entity, entry.entity_id, entry.actor) == (
        "delete",
        "application",
        str(victim_id),
        ws.operator,
    )
    details = json.loads(entry.details)
    assert details["reason"] == "重复录入（与第2项相同）"
    # The whole application, attachments with their hashes included, reads back as it was.
    assert application_from_json(details["application"]) == victim
    assert [a["sha256"] for a in details["application"]["attachments"]] == [
        a.sha256 for a in victim.attachments
    ]
    assert [(o["rule"], o["reason"], o["actor"]) for o in details["overrides"]] == [
        (rule, "核实无误", ws.operator)
    ]
    assert details["applicant_removed"] is True and details["created_at"]
    with ws.db.session() as session:
        assert verify_chain(session) == []

    # The deletion is durable and the chain still verifies after reopening.
    path = ws.db.path
    ws.close()
    again = open_workspace(path)
    try:
        assert victim_id not in {a.id for a in ApplicationService(again).list()}
        with again.db.session() as session:
            assert verify_chain(session) == []
    finally:
        again.close()


def test_an_applicant_with_other_applications_stays(ws: Workspace) -> None:
    service = ApplicationService(ws)
    [first_id] = add_applications(ws, 1)
    first = service.get(first_id)
    second = service.save(replace(first, id=None, uid="", project_name="第二个项目", attachments=[]))
    service.delete(first_id, "测试数据")
    assert service.get(second.id or 0).applicant == first.applicant
    assert json.loads(last_audit(ws).details)["applicant_removed"] is False


def test_refusals_change_nothing(ws: Workspace) -> None:
    ids = add_applications(ws, 2)
    service = ApplicationService(ws)
    refused(ws, ids[0], "   ", InputError, "请填写删除理由")
    refused(ws, 999, "重复", NotFoundError, "找不到编号为 999")
    service.set_order([ids[1], ids[0]])
    refused(ws, ids[0], "重复", InputError, r"已列入推荐（第2位）.*请先.*移出推荐")


def test_withdrawn_and_unrecommended_applications_can_be_deleted(ws: Workspace) -> None:
    ids = add_applications(ws, 3)
    service = ApplicationService(ws)
    service.set_order(ids)
    withdrawn = service.set_status(ids[0], Status.WITHDRAWN, "企业放弃申报")  # the existing 撤回 path
    assert withdrawn.status is Status.WITHDRAWN and withdrawn.priority is None
    service.delete(ids[0], "企业放弃，误录")
    service.set_order([ids[2]])  # ids[1] leaves the recommendation, then may go
    service.delete(ids[1], "重复")
    assert [(a.id, a.priority) for a in service.list()] == [(ids[2], 1)]


def test_an_application_under_review_at_a_meeting_is_refused(tmp_path: Path) -> None:
    world = make_world(tmp_path, experts=1, apps=2)
    ws, meeting, expert = world.ws, world.meeting, world.experts[0]
    try:
        setup.set_applications(ws, meeting.id, world.app_ids)
        refused(ws, world.app_ids[0], "重复", InputError, r"评审会“.*”的评审项目.*移出评审项目")
        for app_id in world.app_ids:
            scoring.score(ws, meeting.id, expert.id, app_id, [20, 20, 20, 10], "意见")
        results.lock_results(ws, meeting.id)
        refused(ws, world.app_ids[1], "重复", InputError, r"已锁定的评审会.*不能删除.*撤回")
        with ws.db.session() as session:
            assert verify_chain(session) == []
    finally:
        ws.close()


def test_an_application_merged_from_a_county_bundle_is_refused(tmp_path: Path) -> None:
    county = make_county(tmp_path / "county", count=2)
    city = make_city(tmp_path / "city")
    try:
        bundle = tmp_path / "南海区.gdiiot"
        pin_both(county, city)
        exchange.export_county_bundle(county, bundle)
        exchange.import_bundle(city, bundle)
        merged = ApplicationService(city).list()
        assert len(merged) == 2
        # Deleted at the city, it would come back as new with the county's next bundle.
        refused(city, merged[0].id or 0, "重复", InputError, "南海区的数据包导入.*重新出现.*退回给南海区")

        # At the county, where it was entered, it can go; its next bundle withdraws it at the city.
        county_app = ApplicationService(county).list()[0]
        ApplicationService(county).delete(county_app.id or 0, "测试数据")
        exchange.export_county_bundle(county, tmp_path / "南海区-2.gdiiot")
        exchange.import_bundle(city, tmp_path / "南海区-2.gdiiot", accept_removals=True)  # withdrawing needs a yes
        statuses = {a.uid: a.status for a in ApplicationService(city).list()}
        assert statuses[county_app.uid] is Status.WITHDRAWN
    finally:
        county.close()
        city.close()


def test_open_returns_of_a_deleted_application_are_closed(ws: Workspace) -> None:
    ids = add_applications(ws, 2)
    exchange.mark_returned(ws, ids[0], "缺少审计报告")
    assert [r.application_id for r in exchange.list_returns(ws)] == [ids[0]]
    ApplicationService(ws).delete(ids[0], "误录")
    assert exchange.list_returns(ws) == []
    [closed] = exchange.list_returns(ws, open_only=False)
    assert closed.resolved and closed.application_id is None
    assert len(json.loads(last_audit(ws).details)["returns_closed"]) == 1


def test_a_frozen_snapshot_keeps_its_copy_of_a_deleted_application(ws: Workspace) -> None:
    ids = add_applications(ws, 2)
    service = ApplicationService(ws)
    service.set_order(ids)
    snapshot = freeze(ws, BEFORE_DEADLINE)
    app: Application = service.get(ids[1])
    service.set_order([ids[0]])
    service.delete(ids[1], "重复")
    assert json.loads(last_audit(ws).details)["export_snapshots"] == [snapshot.id]
    kept = load_snapshot(ws, snapshot.id)  # still reads and checks against its hash
    assert [a.uid for a in kept.applications] == [service.get(ids[0]).uid, app.uid]


def test_a_read_only_database_refuses_with_its_own_error(ws: Workspace) -> None:
    ids = add_applications(ws, 1)
    other = open_workspace(ws.db.path)  # a second instance: read-only while `ws` holds the lock
    try:
        assert other.read_only
        with pytest.raises(ReadOnlyDatabaseError):
            ApplicationService(other).delete(ids[0], "重复")
    finally:
        other.close()
    assert [a.id for a in ApplicationService(ws).list()] == ids

"""Status changes (撤回, back to 已登记, recommending one more): the order stays 1…n, the reason is audited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.workspace import Workspace
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.models import AuditEntry
from tests.meeting.factory import add_applications, make_workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = make_workspace(tmp_path)
    yield workspace
    workspace.close()


def order(service: ApplicationService) -> list[tuple[int, int | None]]:
    recommended = [a for a in service.list() if a.is_recommended]
    return sorted(((a.id or 0, a.priority) for a in recommended), key=lambda p: p[1] or 0)


def test_withdrawing_a_recommended_application_closes_the_gap_and_keeps_the_note(ws: Workspace) -> None:
    service = ApplicationService(ws)
    ids = add_applications(ws, 4)
    service.save(replace(service.get(ids[1]), note="材料已齐"))
    service.set_order(ids[:3])

    withdrawn = service.set_status(ids[1], Status.WITHDRAWN, "企业来函放弃申报")

    assert withdrawn.status is Status.WITHDRAWN and withdrawn.priority is None
    assert withdrawn.note == "材料已齐"  # the reason goes to the audit log, not over the note
    assert order(service) == [(ids[0], 1), (ids[2], 2)]
    with ws.db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        assert verify_chain(session) == []
    details = json.loads(entry.details)
    assert (entry.action, entry.entity_id) == ("status", str(ids[1]))
    assert details == {"from": "recommended", "to": "withdrawn", "reason": "企业来函放弃申报", "priority_before": 2}


def test_a_withdrawn_application_is_reinstated_before_it_can_be_recommended(ws: Workspace) -> None:
    service = ApplicationService(ws)
    ids = add_applications(ws, 3)
    service.set_order(ids[:2])
    service.set_status(ids[2], Status.WITHDRAWN, "重复录入")

    with pytest.raises(InputError, match="已撤回，不能推荐"):
        service.set_status(ids[2], Status.RECOMMENDED)
    assert service.get(ids[2]).status is Status.WITHDRAWN

    assert service.set_status(ids[2], Status.REGISTERED, "企业恢复申报").status is Status.REGISTERED
    recommended = service.set_status(ids[2], Status.RECOMMENDED)
    assert recommended.priority == 3 and order(service) == [(ids[0], 1), (ids[1], 2), (ids[2], 3)]


def test_setting_the_same_status_writes_nothing(ws: Workspace) -> None:
    service = ApplicationService(ws)
    ids = add_applications(ws, 1)
    with ws.db.session() as session:
        before = len(session.scalars(select(AuditEntry)).all())
    assert service.set_status(ids[0], Status.REGISTERED).status is Status.REGISTERED
    with ws.db.session() as session:
        assert len(session.scalars(select(AuditEntry)).all()) == before

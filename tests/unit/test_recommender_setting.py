"""The bureau's full name (推荐单位) that exports print: default, set, cleared, audited, frozen into snapshots."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from gdiiot_desktop.services import settings
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exports import freeze
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.models import AuditEntry, Setting
from tests.meeting.factory import add_applications, make_workspace

BEFORE_DEADLINE = datetime(2023, 11, 28, 9, 30)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = make_workspace(tmp_path)
    yield workspace
    workspace.close()


def stored(ws: Workspace) -> str | None:
    with ws.db.session() as session:
        return session.scalar(select(Setting.value).where(Setting.key == settings.RECOMMENDER_KEY))


def recommender_audit(ws: Workspace) -> list[list[str | None]]:
    with ws.db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "recommender").order_by(AuditEntry.id)
        ).all()
        assert verify_chain(session) == []
    assert all((e.entity, e.actor) == ("settings", ws.operator) for e in entries)
    return [json.loads(e.details)["recommender_name"] for e in entries]


def test_default_set_clear_and_audit(ws: Workspace) -> None:
    assert settings.default_recommender(ws) == "韶关市工业和信息化局"
    assert settings.get_recommender(ws) == "韶关市工业和信息化局" and stored(ws) is None

    name = settings.set_recommender(ws, "  韶关市工业和信息化局\n（韶关市中小企业局） ")
    assert name == "韶关市工业和信息化局 （韶关市中小企业局）"
    assert settings.get_recommender(ws) == name and stored(ws) == name
    settings.set_recommender(ws, name)  # unchanged: nothing written, nothing audited
    assert settings.set_recommender(ws, "   ") == "韶关市工业和信息化局"  # blank: back to the default
    assert stored(ws) is None
    settings.set_recommender(ws, "韶关市经济和信息化局")
    settings.set_recommender(ws, "韶关市工业和信息化局")  # the default itself: no row pins it
    assert stored(ws) is None
    assert recommender_audit(ws) == [
        [None, name],
        [name, None],
        [None, "韶关市经济和信息化局"],
        ["韶关市经济和信息化局", None],
    ]

    settings.set_recommender(ws, "韶关市工业和信息化局（盖章单位）")
    path = ws.db.path
    ws.close()
    again = open_workspace(path)
    try:
        assert settings.get_recommender(again) == "韶关市工业和信息化局（盖章单位）"
    finally:
        again.close()


def test_a_too_long_name_is_refused_and_nothing_changes(ws: Workspace) -> None:
    settings.set_recommender(ws, "韶关市工业和信息化局")
    with pytest.raises(InputError, match=f"最多{settings.MAX_NAME_LENGTH}个字"):
        settings.set_recommender(ws, "局" * (settings.MAX_NAME_LENGTH + 1))
    assert stored(ws) is None and recommender_audit(ws) == []
    assert settings.set_recommender(ws, "局" * settings.MAX_NAME_LENGTH) == "局" * settings.MAX_NAME_LENGTH


def test_snapshots_print_the_name_set_when_they_were_frozen(ws: Workspace) -> None:
    ids = add_applications(ws, 2)
    ApplicationService(ws).set_order(ids)
    first = freeze(ws, BEFORE_DEADLINE)
    assert first.recommender == "韶关市工业和信息化局"
    settings.set_recommender(ws, "韶关市工业和信息化局（市中小企业局）")
    second = freeze(ws, BEFORE_DEADLINE)
    assert second.id != first.id  # the name is part of the frozen content
    assert second.recommender == "韶关市工业和信息化局（市中小企业局）"
    assert second.footer.startswith("韶关市工业和信息化局（市中小企业局） 推荐材料")

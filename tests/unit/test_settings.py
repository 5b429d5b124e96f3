"""Business settings: the city's counties (add, rename, remove only when unused) and the operator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from gdiiot_desktop.demo import generate_applications
from gdiiot_desktop.services import settings
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.errors import InputError, NotFoundError
from gdiiot_desktop.services.workspace import Workspace, create_workspace, open_workspace
from gdiiot_desktop.storage.models import AuditEntry


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_workspace(tmp_path / "城市.sqlite3", "江门")
    yield workspace
    workspace.close()


def audit(ws: Workspace) -> list[AuditEntry]:
    with ws.db.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_counties_add_rename_remove(ws: Workspace) -> None:
    assert settings.list_counties(ws) == []
    settings.add_county(ws, " 蓬江区 ")
    settings.add_county(ws, "新会区")
    assert [c.name for c in settings.list_counties(ws)] == ["蓬江区", "新会区"]
    assert ws.counties == ["蓬江区", "新会区"]
    with pytest.raises(InputError, match="已存在"):
        settings.add_county(ws, "蓬江区")
    with pytest.raises(InputError, match="请填写"):
        settings.add_county(ws, "  ")
    settings.rename_county(ws, "新会区", "江海区")
    with pytest.raises(InputError, match="不能重名"):
        settings.rename_county(ws, "江海区", "蓬江区")
    with pytest.raises(NotFoundError):
        settings.rename_county(ws, "台山市", "开平市")
    settings.remove_county(ws, "江海区")
    assert [c.name for c in settings.list_counties(ws)] == ["蓬江区"]
    actions = [(e.action, e.entity) for e in audit(ws)]
    assert (
        ("add", "county") in actions and ("rename", "county") in actions and ("remove", "county") in actions
    )


def test_a_county_in_use_cannot_be_removed_but_can_be_renamed(ws: Workspace) -> None:
    app = generate_applications(ws.campaign, "江门", 1, counties=["台山市"])[0]
    saved = ApplicationService(ws).save(app)
    [info] = settings.list_counties(ws)
    assert info.name == "台山市" and info.applications == 1 and info.in_use
    with pytest.raises(InputError, match="1 个申报项目"):
        settings.remove_county(ws, "台山市")
    settings.rename_county(ws, "台山市", "台山")
    assert ApplicationService(ws).get(saved.id or 0).county == "台山"


def test_operator_is_stored_and_signs_later_entries(ws: Workspace, tmp_path: Path) -> None:
    assert settings.get_operator(ws) == "操作员"
    settings.set_operator(ws, "陈敏")
    assert ws.operator == "陈敏"
    last = audit(ws)[-1]
    assert last.actor == "陈敏" and json.loads(last.details) == {"operator": [None, "陈敏"]}
    settings.set_operator(ws, "陈敏")  # unchanged: no new entry
    assert audit(ws)[-1].id == last.id
    path = ws.db.path
    ws.close()
    reopened = open_workspace(path)
    try:
        assert reopened.operator == "陈敏"
    finally:
        reopened.close()


def test_backups_list_make_and_restore(ws: Workspace) -> None:
    assert settings.backups(ws) == []
    settings.add_county(ws, "蓬江区")
    path = settings.backup_now(ws)
    [info] = settings.backups(ws)
    assert info.path == path and info.reason == "manual"
    settings.add_county(ws, "江海区")
    db_path = ws.db.path
    ws.close()
    saved = settings.restore(db_path, path)
    assert saved is not None and saved.exists()
    reopened = open_workspace(db_path)
    try:
        assert [c.name for c in settings.list_counties(reopened)] == ["蓬江区"]
    finally:
        reopened.close()

"""Saving an application (the editor, the CLI) refuses text the field registry refuses, naming the field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gdiiot_desktop.domain.model import Contact
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.workspace import Workspace
from tests.meeting.factory import add_applications, make_workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = make_workspace(tmp_path)
    yield workspace
    workspace.close()


def dump(ws: Workspace) -> list[str]:
    with ws.db.engine.connect() as conn:
        return list(conn.connection.driver_connection.iterdump())  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"project_name": "智能\u202e工厂"}, "项目名称含有不允许的字符：文字方向控制符 U+202E"),
        ({"project_name": "长" * 101}, "项目名称过长（101个字，最多100个字）"),
        ({"note": "备注\x07"}, "备注含有不允许的字符：控制字符 U+0007"),
        ({"co_applicants": "甲" * 501}, "联合申报单位过长"),
        ({"contact": Contact(name="张\uffff三")}, "联系人含有不允许的字符：非字符 U+FFFF"),
        ({"overrides": {"USCC_INVALID": "理由\x1b[2J"}}, "审核说明含有不允许的字符"),
    ],
)
def test_save_refuses_registry_text_and_changes_nothing(ws: Workspace, change: dict[str, object], expected: str) -> None:
    service = ApplicationService(ws)
    app_id = add_applications(ws, 1)[0]
    before = dump(ws)
    with pytest.raises(InputError) as caught:
        service.save(replace(service.get(app_id), **change))
    assert expected in str(caught.value)
    assert dump(ws) == before


def test_text_at_the_limit_is_saved(ws: Workspace) -> None:
    service = ApplicationService(ws)
    app_id = add_applications(ws, 1)[0]
    saved = service.save(replace(service.get(app_id), project_name="长" * 100, co_applicants="甲" * 500))
    assert saved.project_name == "长" * 100 and len(saved.co_applicants) == 500


def test_override_reason_with_control_characters_is_refused(ws: Workspace) -> None:
    service = ApplicationService(ws)
    app_id = add_applications(ws, 1)[0]
    with pytest.raises(InputError, match="无法记录理由：审核说明含有不允许的字符"):
        service.set_override(app_id, "USCC_INVALID", "理由\u202e")

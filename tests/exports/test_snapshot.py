"""Freezing: refused while errors remain (naming them), same content same id, hashes re-checked,
late exports warned about and recorded."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import select

from gdiiot_desktop.domain.enums import BuildStatus
from gdiiot_desktop.services.application_codec import application_from_json, application_to_json
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exports import (
    AttachmentIntegrityError,
    ExportBlockedError,
    ExportKind,
    ExportRequest,
    NothingRecommendedError,
    SnapshotNotFoundError,
    freeze,
    load_snapshot,
    run_export,
)
from gdiiot_desktop.storage.models import AuditEntry
from gdiiot_desktop.storage.models_exports import ExportRunRecord
from tests.exports.builders import City
from tests.exports.conftest import AFTER_DEADLINE, BEFORE_DEADLINE


def test_same_recommendation_same_day_is_the_same_snapshot(city: City) -> None:
    first = freeze(city.ws, BEFORE_DEADLINE)
    again = freeze(city.ws, BEFORE_DEADLINE.replace(hour=16))
    assert first.id == again.id and first.id.startswith("20231128-")
    assert [a.priority for a in first.applications] == [1, 2, 3]
    assert load_snapshot(city.ws, first.id.lower()).payload_sha256 == first.payload_sha256
    ApplicationService(city.ws).set_order(list(reversed(city.ids)))
    changed = freeze(city.ws, BEFORE_DEADLINE)
    assert changed.id != first.id
    assert [a.id for a in changed.applications] == list(reversed(city.ids))


def test_snapshot_round_trips_every_field(exported) -> None:  # type: ignore[no-untyped-def]
    for app in exported.result.snapshot.applications:
        assert application_from_json(application_to_json(app)) == app


def test_export_refused_while_an_error_remains(city: City) -> None:
    service = ApplicationService(city.ws)
    app = service.get(city.ids[1])
    service.save(replace(app, build_status=BuildStatus.NOT_BUILT))
    with pytest.raises(ExportBlockedError) as info:
        freeze(city.ws, BEFORE_DEADLINE)
    assert app.project_name in str(info.value) and "PROJECT_NOT_BUILT" in str(info.value)


def test_nothing_recommended_is_refused(city: City) -> None:
    ApplicationService(city.ws).set_order([])
    with pytest.raises(NothingRecommendedError):
        freeze(city.ws, BEFORE_DEADLINE)


def test_changed_attachment_refuses_the_export_naming_the_file(city: City, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = ApplicationService(city.ws).get(city.ids[2])
    form = app.attachments[0]
    path = city.ws.db.store.path_of(form.sha256)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(AttachmentIntegrityError) as info:
        run_export(city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "out"), now=BEFORE_DEADLINE)
    assert form.file_name in str(info.value) and app.project_name in str(info.value)
    assert not (tmp_path / "out" / "汇总表").exists()


def test_late_export_is_warned_and_recorded(city: City, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_export(city.ws, ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "out"), now=AFTER_DEADLINE)
    assert result.late is not None and "截止" in result.late
    with city.ws.db.session() as session:
        run = session.scalars(select(ExportRunRecord)).one()
        assert run.late and run.kind == "table" and run.snapshot_id == result.snapshot.id
        assert result.late in json.loads(run.warnings)
        actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-2:] == ["freeze", "export"]


def test_existing_snapshot_by_id(city: City, tmp_path) -> None:  # type: ignore[no-untyped-def]
    snapshot = freeze(city.ws, BEFORE_DEADLINE)
    ApplicationService(city.ws).set_order(city.ids[:1])  # the live order changes afterwards
    result = run_export(
        city.ws,
        ExportRequest(frozenset({ExportKind.TABLE}), tmp_path / "out", snapshot_id=snapshot.id),
        now=datetime(2023, 11, 30),
    )
    assert result.snapshot.id == snapshot.id and len(result.snapshot.applications) == 3
    with pytest.raises(SnapshotNotFoundError):
        load_snapshot(city.ws, "20000101-DEADBEEF")

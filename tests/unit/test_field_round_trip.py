"""Every field of the registry goes through each place that carries it and comes back the same:
the JSON codec (bundle and stored forms), the database, the Excel intake sheet, and the data sheet."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from gdiiot_desktop.domain import fields as registry
from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.domain.fields import Kind
from gdiiot_desktop.services.application_codec import (
    application_from_json,
    application_json,
    application_to_json,
    decode_application,
)
from gdiiot_desktop.services.exports.datasheet import EMPTY, sections
from gdiiot_desktop.services.intake_sheet import read_sheet
from gdiiot_desktop.services.intake_template import write_template
from gdiiot_desktop.services.jsonio import Node
from gdiiot_desktop.services.workspace import create_workspace
from gdiiot_desktop.storage.repository import ApplicationRepository, diff_applications
from tests.field_sample import sample_application, sample_values


def through_json(value: object) -> object:
    return json.loads(json.dumps(value, ensure_ascii=False))


def test_codec_round_trips_every_field(campaign: Campaign) -> None:
    app = sample_application(campaign)
    bundle_form = through_json(application_json(app))
    assert decode_application(Node(bundle_form, "applications.json")) == app
    stored = replace(app, id=42)
    assert application_from_json(through_json(application_to_json(stored))) == stored  # type: ignore[arg-type]


def test_old_snapshots_with_a_separate_applicant_type_text_still_read(campaign: Campaign) -> None:
    app = sample_application(campaign)
    app.applicant.applicant_type, app.applicant.applicant_type_text = None, "合作社"
    old = application_to_json(replace(app, id=3))
    old["applicant"]["applicant_type"] = None  # how exports/codec.py wrote it before one codec
    old["applicant"]["applicant_type_text"] = "合作社"
    back = application_from_json(through_json(old))  # type: ignore[arg-type]
    assert back.applicant.type_text == "合作社" and back.applicant.applicant_type is None
    assert back == replace(app, id=3)


def test_database_and_diff_carry_every_field(tmp_path: Path, campaign: Campaign) -> None:
    app = sample_application(campaign)
    ws = create_workspace(tmp_path / "city.sqlite3", "佛山")
    try:
        with ws.db.session() as session:
            repo = ApplicationRepository(session)
            app_id, changes = repo.save(app)
            for rule, reason in app.overrides.items():
                repo.set_override(app_id, rule, reason, "测试")
        with ws.db.session() as session:
            loaded = ApplicationRepository(session).get(app_id)
    finally:
        ws.close()
    assert loaded == replace(app, id=app_id)
    # The audit's changes name every registry field (a new one: every field differs from nothing).
    assert set(changes) == {f.name for f in registry.FIELDS if f.name != "uid"} | {"attachments"}
    assert diff_applications(loaded, loaded) == {}


def test_intake_sheet_carries_every_intake_field(tmp_path: Path, campaign: Campaign) -> None:
    app = replace(sample_application(campaign), id=1)
    sheet = write_template(tmp_path / "县区汇总.xlsx", campaign, [app])
    result = read_sheet(sheet, campaign)
    assert result.ok, [str(e) for e in result.errors] + result.sheet_errors
    [row] = result.rows
    for f in registry.intake_fields():
        assert f.get(row.application) == f.get(app), f.name


def test_data_sheet_prints_every_field_with_a_print_label(campaign: Campaign) -> None:
    values = sample_values(campaign)
    app = registry.build_application(values)
    printed = {
        field.label: field.value
        for section in sections(campaign, app, "佛山市工业和信息化局")
        for field in section.fields
    }
    for f in registry.FIELDS:
        if f.print_label is None:
            continue
        assert f.print_label in printed, f.name
        text = printed[f.print_label]
        assert text and text != EMPTY, f.name
        if f.kind in (Kind.TEXT, Kind.OPEN_ENUM) and f.name not in ("category_id", "direction_id"):
            assert text == values[f.name], f.name

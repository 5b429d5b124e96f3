"""County → city → returned with reasons → county fixes → city sees exactly the two changes; and merging."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from gdiiot_desktop.domain.enums import AttachmentClass, Status
from gdiiot_desktop.domain.model import Attachment
from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exchange.present import preview_lines
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.models import AuditEntry

from .conftest import Offices
from .helpers import OTHER_COUNTY, fingerprint, make_county, pin


def actions(ws: object) -> list[tuple[str, dict]]:
    with ws.db.session() as session:  # type: ignore[attr-defined]
        return [(e.action, json.loads(e.details)) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def by_uid(ws: object) -> dict:
    return {a.uid: a for a in ApplicationService(ws).list()}  # type: ignore[arg-type]


def test_round_trip_with_two_returns(offices: Offices) -> None:
    county, city, folder = offices.county, offices.city, offices.folder
    first = exchange.import_bundle(city, offices.bundle)
    assert isinstance(first, exchange.CountyImportReport)
    assert len(first.plan.of("added")) == 4 and first.files_added == 8
    city_apps = by_uid(city)
    assert {a.uid for a in city_apps.values()} == set(by_uid(county))
    for app in city_apps.values():
        assert all(city.db.store.verify(a.sha256) for a in app.attachments)

    # The city returns two applications with a reason each and sends the return bundle.
    one, two = sorted(city_apps.values(), key=lambda a: a.id)[:2]
    exchange.mark_returned(city, one.id, "缺少近三年审计报告")
    exchange.mark_returned(city, two.id, "视频不足5分钟")
    back = folder / "退回-南海区.gdiiot"
    assert exchange.export_return_bundle(city, "南海区", back).count == 2

    # The county sees each returned application with its reason.
    received = exchange.import_bundle(county, back)
    assert isinstance(received, exchange.ReturnImportReport)
    assert {(r.uid, r.reason) for r in received.returned} == {(one.uid, "缺少近三年审计报告"), (two.uid, "视频不足5分钟")}
    county_apps = by_uid(county)
    assert county_apps[one.uid].status is Status.RETURNED
    listed = exchange.list_returns(county)
    assert {r.reason for r in listed} == {"缺少近三年审计报告", "视频不足5分钟"}
    again = exchange.import_bundle(county, back)
    assert isinstance(again, exchange.ReturnImportReport) and again.already_imported

    # The county fixes both and exports a newer bundle.
    service = ApplicationService(county)
    fixed_one = county_apps[one.uid]
    stored = county.db.store.put_bytes(b"%PDF-1.4 audit report 2022")
    service.save(replace(fixed_one, note="已补充审计报告"))
    with county.db.session() as session:
        from gdiiot_desktop.storage.repository import ApplicationRepository

        ApplicationRepository(session).add_attachment(
            fixed_one.id, Attachment(AttachmentClass.AUDIT_REPORT, "2022审计报告.pdf", stored.sha256, stored.size, year=2022)
        )
    fixed_two = county_apps[two.uid]
    service.save(replace(fixed_two, contact=replace(fixed_two.contact, mobile="13912345678")))
    newer = folder / "南海区-2.gdiiot"
    report = exchange.export_county_bundle(county, newer)
    assert report.resubmitted == 2
    assert exchange.list_returns(county) == []

    # The city sees exactly the two changes, then merges them.
    preview = exchange.preview_county_bundle(city, exchange.open_bundle(city, newer))
    changed = preview.plan.of("changed")
    assert {d.uid for d in changed} == {one.uid, two.uid}
    assert not preview.plan.of("added") and not preview.plan.of("removed") and not preview.plan.conflicts
    fields = {d.uid: {c.field for c in d.changes} for d in changed}
    assert fields == {one.uid: {"note", "attachments"}, two.uid: {"contact.mobile"}}
    assert [a["file_name"] for a in next(d for d in changed if d.uid == one.uid).files_added] == ["2022审计报告.pdf"]
    text = "\n".join(preview_lines(preview, city.campaign))
    assert "联系人手机" in text and "13912345678" in text and "2022审计报告.pdf" in text

    merged = exchange.import_bundle(city, newer)
    assert isinstance(merged, exchange.CountyImportReport)
    assert merged.files_added == 1
    after = by_uid(city)
    assert after[two.uid].contact.mobile == "13912345678"
    assert after[one.uid].status is Status.REGISTERED and after[two.uid].status is Status.REGISTERED
    assert any(a.file_name == "2022审计报告.pdf" for a in after[one.uid].attachments)
    assert exchange.list_returns(city) == []

    # Both sides logged the round trip, and both chains verify.
    city_log = [a for a, _ in actions(city)]
    county_log = [a for a, _ in actions(county)]
    assert city_log.count("return") == 2 and "bundle_return_export" in city_log and city_log.count("bundle_import") == 2
    assert county_log.count("return_received") == 2 and county_log.count("resubmit") == 2
    assert county_log.count("bundle_export") == 2
    for ws in (city, county):
        with ws.db.session() as session:
            assert verify_chain(session) == []


def test_same_bundle_twice_changes_nothing(offices: Offices) -> None:
    exchange.import_bundle(offices.city, offices.bundle)
    offices.city.close()
    before = fingerprint(offices.city_path)
    from gdiiot_desktop.services.workspace import open_workspace

    ws = open_workspace(offices.city_path)
    try:
        report = exchange.import_bundle(ws, offices.bundle)
        assert isinstance(report, exchange.CountyImportReport) and report.already_imported
    finally:
        ws.close()
    assert fingerprint(offices.city_path) == before


def test_newer_bundle_shows_added_removed_changed_and_files(offices: Offices) -> None:
    county, city = offices.county, offices.city
    exchange.import_bundle(city, offices.bundle)
    apps = sorted(ApplicationService(county).list(), key=lambda a: a.id)
    service = ApplicationService(county)
    service.save(replace(apps[0], project_name=apps[0].project_name + "（二期）"))
    service.remove_attachment(apps[1].id, apps[1].attachments[0].id)
    # "Removed": the county deletes an application (no service for it: straight in the database).
    with county.db.session() as session:
        from gdiiot_desktop.storage.models import ApplicationRecord

        session.delete(session.get(ApplicationRecord, apps[2].id))
    newer = offices.folder / "n2.gdiiot"
    exchange.export_county_bundle(county, newer)
    preview = exchange.preview_county_bundle(city, exchange.open_bundle(city, newer))
    states = {d.uid: d.state for d in preview.plan.apps}
    assert states[apps[0].uid] == "changed" and states[apps[1].uid] == "changed"
    assert states[apps[2].uid] == "removed" and states[apps[3].uid] == "unchanged"
    files = next(d for d in preview.plan.apps if d.uid == apps[1].uid)
    assert len(files.files_removed) == 1 and not files.files_added
    assert [d.uid for d in preview.plan.needs_yes] == [apps[2].uid]
    assert "需确认" in "\n".join(preview_lines(preview, city.campaign))
    # A withdrawal needs a person's yes; without it nothing is written.
    with pytest.raises(exchange.BundleConfirmationError, match="--accept-removals"):
        exchange.import_bundle(city, newer)
    exchange.import_bundle(city, newer, accept_removals=True)
    after = by_uid(city)
    assert after[apps[0].uid].project_name.endswith("（二期）")
    assert len(after[apps[1].uid].attachments) == 1
    assert after[apps[2].uid].status is Status.WITHDRAWN


@pytest.mark.parametrize("prefer", ["city", "county"])
def test_conflicts_are_decided_by_the_city_and_logged(offices: Offices, prefer: str) -> None:
    county, city = offices.county, offices.city
    exchange.import_bundle(city, offices.bundle)
    target = sorted(ApplicationService(county).list(), key=lambda a: a.id)[0]
    ApplicationService(county).save(replace(target, total_investment=111.0, note="县区备注"))
    city_copy = by_uid(city)[target.uid]
    ApplicationService(city).save(replace(city_copy, total_investment=222.0))
    newer = offices.folder / "n.gdiiot"
    exchange.export_county_bundle(county, newer)

    preview = exchange.preview_county_bundle(city, exchange.open_bundle(city, newer))
    assert [(c.field, c.city, c.county) for c in preview.plan.conflicts] == [("total_investment", 222.0, 111.0)]
    offices.city.close()
    from .helpers import refused_untouched

    error = refused_untouched(offices.city_path, lambda ws: exchange.import_bundle(ws, newer))
    assert "冲突" in str(error) and "总投资" in str(error)

    from gdiiot_desktop.services.workspace import open_workspace

    ws = open_workspace(offices.city_path)
    try:
        report = exchange.import_bundle(ws, newer, prefer=prefer)  # type: ignore[arg-type]
        assert isinstance(report, exchange.CountyImportReport)
        merged = by_uid(ws)[target.uid]
        assert merged.total_investment == (222.0 if prefer == "city" else 111.0)
        assert merged.note == "县区备注"  # not in conflict: the county's change is taken
        merge_entries = [d for a, d in actions(ws) if a == "bundle_merge" and d["uid"] == target.uid]
        assert merge_entries[-1]["decisions"] == [
            {"field": "total_investment", "city": 222.0, "county": 111.0, "chosen": prefer}
        ]
    finally:
        ws.close()


def test_decisions_file_chooses_field_by_field(offices: Offices, tmp_path: Path) -> None:
    from gdiiot_desktop.services.exchange.decisions import decisions_template, read_decisions

    county, city = offices.county, offices.city
    exchange.import_bundle(city, offices.bundle)
    target = sorted(ApplicationService(county).list(), key=lambda a: a.id)[0]
    ApplicationService(county).save(replace(target, total_investment=111.0, co_applicants="县区联合单位"))
    city_copy = by_uid(city)[target.uid]
    ApplicationService(city).save(replace(city_copy, total_investment=222.0, co_applicants="市局联合单位"))
    newer = offices.folder / "n.gdiiot"
    exchange.export_county_bundle(county, newer)
    preview = exchange.preview_county_bundle(city, exchange.open_bundle(city, newer))
    template = decisions_template(preview.plan)
    for item in template["decisions"]:  # type: ignore[union-attr]
        item["choose"] = "county" if item["field"] == "co_applicants" else "city"
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    exchange.import_bundle(city, newer, decisions=read_decisions(path))
    merged = by_uid(city)[target.uid]
    assert (merged.total_investment, merged.co_applicants) == (222.0, "县区联合单位")


def test_cross_county_results_at_merge(offices: Offices) -> None:
    county, city = offices.county, offices.city
    exchange.import_bundle(city, offices.bundle)
    # A second county files the same applicant and a near-identical project name.
    other = make_county(offices.folder / "county", county=OTHER_COUNTY, count=2, seed_no=11)
    try:
        first = sorted(ApplicationService(county).list(), key=lambda a: a.id)[0]
        victim = ApplicationService(other).list()[0]
        ApplicationService(other).save(
            replace(victim, applicant=first.applicant, project_name=first.project_name.replace("工业", "工业 ") + "。")
        )
        bundle = offices.folder / "顺德区.gdiiot"
        exchange.export_county_bundle(other, bundle)
        pin(city, other, OTHER_COUNTY)
    finally:
        other.close()
    preview = exchange.preview_county_bundle(city, exchange.open_bundle(city, bundle))
    rules = {v.rule for v in preview.cross.violations}
    assert "DUPLICATE_PROJECT" in rules
    assert any(set(s.counties) == {"南海区", OTHER_COUNTY} for s in preview.cross.shared)
    report = exchange.import_bundle(city, bundle)
    assert isinstance(report, exchange.CountyImportReport)
    assert "DUPLICATE_PROJECT" in {v.rule for v in report.cross.violations}
    assert any("多个县区" in line for line in report.cross.lines())

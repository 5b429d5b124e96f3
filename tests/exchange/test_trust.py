"""Issue 10 through the command line: keys pinned on first use, forgeries and stripped signatures refused,
the signed counter, clocks, real counties, foreign applications, nothing destructive without a yes.

Each refusal: the Chinese message, exit code 2, no traceback, and the city's database and store as they
were except one audit entry that records the refused file (name, SHA-256, size, reason)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exchange import format as fmt
from gdiiot_desktop.services.workspace import open_workspace

from .conftest import Offices
from .helpers import (
    OTHER_COUNTY,
    assert_only_refusal,
    forge_apps,
    forger,
    json_member,
    make_city,
    make_county,
    members,
    office_fingerprint,
    pin,
    rebuild,
    snapshot,
    write_zip,
)


def refused(capsys: pytest.CaptureFixture[str], db: Path, argv: list[str], bundle: Path, *fragments: str) -> str:
    """`gdiiot --db DB …argv` on a closed database: exit 2, each fragment in the message, one refusal recorded."""
    before = snapshot(db)
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "Traceback" not in err and err.startswith("错误：")
    for fragment in fragments:
        assert fragment in err, err
    details = assert_only_refusal(db, before, bundle.name)
    data = bundle.read_bytes()
    assert details["sha256"] == hashlib.sha256(data).hexdigest() and details["size"] == len(data)
    assert details["reason"] in err
    return err


def ok(capsys: pytest.CaptureFixture[str], db: Path, argv: list[str]) -> str:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def close_all(offices: Offices) -> tuple[Path, Path]:
    offices.county.close()
    offices.city.close()
    return offices.county.db.path, offices.city_path


# --- keys, first use, forgeries ---------------------------------------------------------------------


def test_first_bundle_is_imported_only_with_the_fingerprint_confirmed(
    offices: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fp = office_fingerprint(offices.county)
    fresh = make_city(tmp_path)
    db = fresh.db.path
    fresh.close()
    err = refused(capsys, db, ["bundle", "import", str(offices.bundle)], offices.bundle, "第一次导入南海区", fp, "--trust")
    assert "打电话" in err
    refused(capsys, db, ["bundle", "import", str(offices.bundle), "--trust", "12345" * 6], offices.bundle, "不符", fp)
    assert "新增 4 项" in ok(capsys, db, ["bundle", "import", str(offices.bundle), "--trust", fp.replace(" ", "-")])
    listed = json.loads(ok(capsys, db, ["keys", "list", "--json"]))
    assert [(p["peer"], p["fingerprint"], p["seen"]) for p in listed] == [("南海区", fp, True)]


def test_forgery_with_every_hash_recomputed_is_refused_naming_both_fingerprints(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    pinned = office_fingerprint(offices.county)
    county_db, city_db = close_all(offices)
    apps = json_member(offices.bundle, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    apps[0]["project_name"] = "伪造的项目"
    evil = forger()
    signed = forge_apps(offices.bundle, offices.folder / "伪造.gdiiot", apps, evil)
    from gdiiot_desktop.services.exchange.keys import fingerprint_digits, shown

    other = shown(fingerprint_digits(evil.public_key))
    refused(capsys, city_db, ["bundle", "import", str(signed)], signed, "南海区", "另一把密钥", pinned, other, "keys replace")
    # An empty list of applications (which would withdraw all of them) fares no better, with or without --trust.
    empty = forge_apps(offices.bundle, offices.folder / "清空.gdiiot", [], evil)
    refused(capsys, city_db, ["bundle", "import", str(empty), "--accept-removals"], empty, "另一把密钥")
    refused(capsys, city_db, ["bundle", "import", str(empty), "--trust", other], empty, "另一把密钥")
    # The old signature kept over a changed manifest does not verify.
    kept = forge_apps(offices.bundle, offices.folder / "改动.gdiiot", apps, None)
    refused(capsys, city_db, ["bundle", "import", str(kept)], kept, "签名不符", pinned)


@pytest.mark.parametrize("replacement", [None, b"", b"{}", b"null", b"garbage"])
def test_stripped_or_broken_signature_is_refused(
    offices: Offices, capsys: pytest.CaptureFixture[str], replacement: bytes | None
) -> None:
    pinned = office_fingerprint(offices.county)
    _, city_db = close_all(offices)
    items = members(offices.bundle)
    del items["signature.json"]
    if replacement is not None:
        items["signature.json"] = replacement
    out = write_zip(offices.folder / "无签名.gdiiot", list(items.items()))
    err = refused(capsys, city_db, ["bundle", "import", str(out)], out, "已拒绝")
    if replacement is None:
        assert "没有签名" in err and "南海区" in err and pinned in err and "（无）" in err


def test_version_1_bundle_is_refused_for_import_but_shown_by_diff(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    _, city_db = close_all(offices)
    items = members(offices.bundle)
    del items["signature.json"]
    manifest = json.loads(items["manifest.json"])
    del manifest["sequence"], manifest["campaign_kind"]
    manifest.update(version=1, hmac=None)
    items["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    old = write_zip(offices.folder / "旧版.gdiiot", list(items.items()))
    refused(capsys, city_db, ["bundle", "import", str(old)], old, "旧版程序", "版本 1", "重新导出")
    shown = ok(capsys, city_db, ["bundle", "diff", str(old)])
    assert "新增 4 项" in shown and "版本 1" in shown and "不能导入" in shown


def test_key_change_is_explicit_audited_and_retires_the_old_key(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    old_fp = office_fingerprint(offices.county)
    # The county's PC is replaced without a backup: a new database, a new key.
    (offices.folder / "new").mkdir()
    new = make_county(offices.folder / "new", seed_no=7)
    new_fp = office_fingerprint(new)
    fresh = offices.folder / "新电脑.gdiiot"
    exchange.export_county_bundle(new, fresh)
    new.close()
    _, city_db = close_all(offices)
    ok(capsys, city_db, ["bundle", "import", str(offices.bundle)])
    refused(capsys, city_db, ["bundle", "import", str(fresh)], fresh, "另一把密钥", old_fp, new_fp)
    assert main(["--db", str(city_db), "keys", "replace", "南海区", "--trust", new_fp, "--reason", " "]) == 2
    assert "理由" in capsys.readouterr().err
    assert main(["--db", str(city_db), "keys", "replace", "天河区", "--trust", new_fp, "--reason", "x"]) == 2
    assert "不是" in capsys.readouterr().err
    out = ok(capsys, city_db, ["keys", "replace", "南 海 区", "--trust", new_fp, "--reason", "南海区电脑重装，已电话核对"])
    assert new_fp in out
    # Old bundles are refused from now on; the new key's first bundle imports (its counter starts at 1).
    again = offices.folder / "旧密钥.gdiiot"
    again.write_bytes(offices.bundle.read_bytes())
    refused(capsys, city_db, ["bundle", "import", str(again)], again, "另一把密钥", new_fp, old_fp)
    assert "已导入南海区的数据包" in ok(capsys, city_db, ["bundle", "import", str(fresh), "--accept-removals"])
    pins = json.loads(ok(capsys, city_db, ["keys", "list", "--all", "--json"]))
    assert [(p["fingerprint"], p["retired_at"] is None, p["seen"]) for p in pins] == [
        (old_fp, False, True), (new_fp, True, True)
    ]
    ws = open_workspace(city_db)
    try:
        from .test_round_trip import actions

        changed = [d for a, d in actions(ws) if a == "key_replaced"]
        assert changed == [
            {"peer_kind": "county", "peer": "南海区", "old": old_fp, "new": new_fp, "reason": "南海区电脑重装，已电话核对"}
        ]
    finally:
        ws.close()


def test_returns_are_verified_by_the_county_the_same_way(offices: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    exchange.import_bundle(offices.city, offices.bundle)
    app = ApplicationService(offices.city).list()[0]
    exchange.mark_returned(offices.city, app.id or 0, "缺少审计报告")
    back = offices.folder / "退回.gdiiot"
    exchange.export_return_bundle(offices.city, "南海区", back)
    county_db, _ = close_all(offices)
    # A return made by someone else with every hash fitting, signed by another key: refused.
    items = members(back)
    returns = json.loads(items["returns.json"])
    returns[0]["reason"] = "伪造的理由"
    forged = rebuild(back, offices.folder / "假退回.gdiiot", {"returns.json": json.dumps(returns).encode()}, signer=forger())
    refused(capsys, county_db, ["bundle", "import", str(forged)], forged, "佛山市局", "另一把密钥")
    assert "缺少审计报告" in ok(capsys, county_db, ["bundle", "import", str(back)])


# --- counter and clock -------------------------------------------------------------------------------


def test_a_bundle_dated_in_the_future_is_refused_and_does_not_lock_the_county_out(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    exchange.export_county_bundle(offices.county, offices.folder / "2.gdiiot")  # sequence 2
    genuine = offices.folder / "3.gdiiot"
    exchange.export_county_bundle(offices.county, genuine)  # sequence 3
    county_db, city_db = close_all(offices)
    ok(capsys, city_db, ["bundle", "import", str(offices.bundle)])

    def ahead(manifest: dict) -> None:
        manifest.update(exported_at="2099-01-01T00:00:00+00:00", sequence=2**40)

    future = rebuild(offices.bundle, offices.folder / "未来.gdiiot", manifest_edit=ahead)  # the county's own key
    refused(capsys, city_db, ["bundle", "import", str(future)], future, "南海区电脑的时钟看来不对", "2099-01-01")
    # A forger's huge counter is refused too, and neither moves the counter the city expects.
    huge = rebuild(offices.bundle, offices.folder / "大序号.gdiiot", manifest_edit=lambda m: m.update(sequence=2**50), signer=forger())
    refused(capsys, city_db, ["bundle", "import", str(huge)], huge, "另一把密钥")
    assert "已导入南海区的数据包" in ok(capsys, city_db, ["bundle", "import", str(genuine)])
    older = offices.folder / "2.gdiiot"
    refused(capsys, city_db, ["bundle", "import", str(older)], older, "第 2 号", "导入过第 3 号", "--next-sequence 4")


@pytest.mark.parametrize(
    ("stamp", "fragment"),
    [("0001-01-01T00:00:00+14:00", "exported_at"), ("9999-12-31T23:59:59-14:00", "exported_at"), ("昨天", "exported_at")],
)
def test_impossible_export_times_end_in_a_message(
    offices: Offices, capsys: pytest.CaptureFixture[str], stamp: str, fragment: str
) -> None:
    _, city_db = close_all(offices)
    out = rebuild(offices.bundle, offices.folder / "时间.gdiiot", manifest_edit=lambda m: m.update(exported_at=stamp))
    refused(capsys, city_db, ["bundle", "import", str(out)], out, fragment, "已拒绝")
    assert main(["--db", str(city_db), "bundle", "diff", str(out)]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("value", [0, -1, "2", 1.5, True, None, 2**53 + 1, 10**400])
def test_counter_of_the_wrong_kind_is_refused(offices: Offices, capsys: pytest.CaptureFixture[str], value: object) -> None:
    _, city_db = close_all(offices)
    out = rebuild(offices.bundle, offices.folder / "序号.gdiiot", manifest_edit=lambda m: m.update(sequence=value))
    refused(capsys, city_db, ["bundle", "import", str(out)], out, "manifest.json", "已拒绝")


def test_restored_county_numbers_past_the_city_with_next_sequence(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = offices.folder / "backup.sqlite3"
    offices.county.close()
    backup.write_bytes(offices.county.db.path.read_bytes())
    county = open_workspace(offices.county.db.path)
    try:
        exchange.export_county_bundle(county, offices.folder / "2.gdiiot")
    finally:
        county.close()
    offices.city.close()
    city_db = offices.city_path
    ok(capsys, city_db, ["bundle", "import", str(offices.folder / "2.gdiiot")])
    offices.county.db.path.write_bytes(backup.read_bytes())  # the county restores the older database
    county_db = offices.county.db.path
    low = offices.folder / "还原后.gdiiot"
    ok(capsys, county_db, ["bundle", "export", str(low)])
    refused(capsys, city_db, ["bundle", "import", str(low)], low, "第 2 号", "--next-sequence 3")
    high = offices.folder / "还原后-3.gdiiot"
    assert "第 3 号" in ok(capsys, county_db, ["bundle", "export", str(high), "--next-sequence", "3"])
    ok(capsys, city_db, ["bundle", "import", str(high)])


# --- counties -----------------------------------------------------------------------------------------


def _recounty(offices: Offices, name: str, manifest_county: str, app_county: str) -> Path:
    apps = json_member(offices.bundle, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    for a in apps:
        a["county"] = app_county
    out = forge_apps(offices.bundle, offices.folder / name, apps, offices.signer)
    return rebuild(out, offices.folder / f"m-{name}", manifest_edit=lambda m: m.update(county=manifest_county))


def test_a_county_that_is_not_the_citys_is_refused(offices: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    out = _recounty(offices, "天河区.gdiiot", "天河区", "天河区")
    _, city_db = close_all(offices)
    refused(capsys, city_db, ["bundle", "import", str(out)], out, "“天河区”不是佛山市的县区", "南海区")


@pytest.mark.parametrize("spelling", ["南海区 ", "南海区\u3000", "南\u200b海区", "\ufeff南海区", "南海区\n"])
def test_county_spellings_are_normalised_to_the_real_county(offices: Offices, spelling: str) -> None:
    out = _recounty(offices, "写法.gdiiot", spelling, spelling)
    report = exchange.import_bundle(offices.city, out)
    assert isinstance(report, exchange.CountyImportReport) and report.county == "南海区"
    assert {a.county for a in ApplicationService(offices.city).list()} == {"南海区"}


def test_a_bundle_carrying_another_countys_application_is_refused(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _recounty(offices, "混入.gdiiot", "南海区", "三水区")
    exchange.import_bundle(offices.city, offices.bundle)
    # 顺德区 sends a bundle carrying one of 南海区's applications (its uid), signed by 顺德区's own key.
    other = make_county(offices.folder / "county", county=OTHER_COUNTY, count=2, seed_no=11)
    shunde = offices.folder / "顺德区.gdiiot"
    try:
        exchange.export_county_bundle(other, shunde)
        pin(offices.city, other, OTHER_COUNTY)
        from .helpers import signer_of

        signer = signer_of(other)
    finally:
        other.close()
    taken = ApplicationService(offices.city).list()[0]
    apps = json_member(shunde, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    apps[0]["uid"] = taken.uid
    grab = forge_apps(shunde, offices.folder / "顺德区-抢.gdiiot", apps, signer)
    _, city_db = close_all(offices)
    refused(capsys, city_db, ["bundle", "import", str(out)], out, "属于“三水区”", "不符")
    for extra in ([], ["--prefer", "county"], ["--accept-removals"]):
        refused(capsys, city_db, ["bundle", "import", str(grab), *extra], grab, "在本市属于南海区", "不属于顺德区", "move-county")
    # Moving is a separate, audited city action.
    assert main(["--db", str(city_db), "bundle", "move-county", str(taken.id), "--county", "天河区", "--reason", "x"]) == 2
    assert "不是佛山市的县区" in capsys.readouterr().err
    moved = ok(capsys, city_db, ["bundle", "move-county", str(taken.id), "--county", "顺德区", "--reason", "企业迁址，已核实"])
    assert "已移到顺德区" in moved
    assert "已导入顺德区的数据包" in ok(capsys, city_db, ["bundle", "import", str(grab), "--prefer", "county"])


# --- nothing destructive without a yes; the order is the city's ---------------------------------------


def test_withdrawals_and_recommended_changes_need_a_yes_and_leave_the_order_alone(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    county, city = offices.county, offices.city
    exchange.import_bundle(city, offices.bundle)
    mine = sorted(ApplicationService(city).list(), key=lambda a: a.id or 0)
    service = ApplicationService(city)
    for app in mine[:3]:
        service.set_status(app.id or 0, Status.RECOMMENDED)
    order_before = {a.uid: a.priority for a in ApplicationService(city).list()}
    theirs = {a.uid: a for a in ApplicationService(county).list()}
    ApplicationService(county).delete(theirs[mine[0].uid].id or 0, "企业放弃")  # in the order: withdrawn
    ApplicationService(county).delete(theirs[mine[3].uid].id or 0, "企业放弃")  # not in the order
    target = theirs[mine[1].uid]
    ApplicationService(county).save(replace(target, note="县区补充说明"))  # in the order: changed
    newer = offices.folder / "2.gdiiot"
    exchange.export_county_bundle(county, newer)
    _, city_db = close_all(offices)
    diff = ok(capsys, city_db, ["bundle", "diff", str(newer)])
    assert diff.count("⚠ 需确认") == 3 and "推荐顺序第 1 位" in diff and "--accept-removals" in diff
    shown = json.loads(ok(capsys, city_db, ["bundle", "diff", str(newer), "--json"]))
    assert {n["uid"] for n in shown["needs_confirmation"]} == {mine[0].uid, mine[1].uid, mine[3].uid}
    refused(capsys, city_db, ["bundle", "import", str(newer)], newer, "--accept-removals", "未导入任何数据")
    out = ok(capsys, city_db, ["bundle", "import", str(newer), "--accept-removals"])
    assert "2 个推荐项目被县区撤回或修改" in out
    ws = open_workspace(city_db)
    try:
        after = {a.uid: a for a in ApplicationService(ws).list()}
    finally:
        ws.close()
    assert {u: a.priority for u, a in after.items()} == {**order_before, mine[3].uid: None}
    assert after[mine[0].uid].status is Status.RECOMMENDED  # stays in the order, flagged
    assert after[mine[1].uid].note == "县区补充说明" and after[mine[1].uid].status is Status.RECOMMENDED
    assert after[mine[3].uid].status is Status.WITHDRAWN
    flags = json.loads(ok(capsys, city_db, ["bundle", "flags", "--json"]))
    assert {(f["id"], f["kind"]) for f in flags} == {(mine[0].id, "withdrawn"), (mine[1].id, "changed")}
    assert "已清除 1 个标记" in ok(capsys, city_db, ["bundle", "flags", "--clear", str(mine[0].id)])
    assert len(json.loads(ok(capsys, city_db, ["bundle", "flags", "--json"]))) == 1


# --- what can be re-read is re-read; source_path is a label -------------------------------------------


def test_attachment_facts_are_measured_not_taken_from_the_bundle(offices: Offices) -> None:
    claimed = [a.duration_seconds for app in ApplicationService(offices.county).list() for a in app.attachments]
    assert 400.0 in claimed  # the county says its "videos" (text files) last 400 s
    exchange.import_bundle(offices.city, offices.bundle)
    measured = [a for app in ApplicationService(offices.city).list() for a in app.attachments]
    assert measured and all(a.duration_seconds is None for a in measured)


@pytest.mark.parametrize(
    "label", ["\\\\host\\share\\x.pdf", "\\\\.\\pipe\\x", "\\\\?\\UNC\\host\\s\\x.pdf", "C:\\Windows\\x.pdf", "a.pdf:stream", "../../../etc/x.pdf", "/etc/passwd"]
)
def test_a_bundle_source_path_is_only_a_label(offices: Offices, tmp_path: Path, label: str) -> None:
    from gdiiot_desktop.services.intake import export_workbook

    apps = json_member(offices.bundle, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    for a in apps:
        for att in a["attachments"]:
            att["source_path"] = label
    out = forge_apps(offices.bundle, offices.folder / "标签.gdiiot", apps, offices.signer)
    exchange.import_bundle(offices.city, out)
    folder = tmp_path / "导出" / "xlsx"
    export_workbook(offices.city, folder / "申报.xlsx")
    written = [p for p in (tmp_path / "导出").rglob("*") if p.is_file()]
    assert written and all(folder in p.parents for p in written)
    assert any(p.suffix == ".xlsx" for p in written)


def test_refusals_are_listed(offices: Offices, capsys: pytest.CaptureFixture[str]) -> None:
    _, city_db = close_all(offices)
    broken = offices.folder / "坏.gdiiot"
    broken.write_bytes(b"PK\x03\x04 not a bundle")
    assert main(["--db", str(city_db), "bundle", "import", str(broken)]) == 2
    capsys.readouterr()
    listed = json.loads(ok(capsys, city_db, ["bundle", "refusals", "--json"]))
    assert [(r["file"], r["size"]) for r in listed] == [("坏.gdiiot", len(broken.read_bytes()))]
    assert "已损坏" in listed[0]["reason"] and listed[0]["sha256"] == hashlib.sha256(broken.read_bytes()).hexdigest()
    assert "坏.gdiiot" in ok(capsys, city_db, ["bundle", "refusals"])


def test_writing_a_bundle_where_it_cannot_be_written_ends_in_a_message(
    offices: Offices, capsys: pytest.CaptureFixture[str]
) -> None:
    county_db, city_db = close_all(offices)
    blocker = offices.folder / "一个文件"
    blocker.write_bytes(b"x")
    assert main(["--db", str(county_db), "bundle", "export", str(blocker / "南海区.gdiiot")]) == 2
    err = capsys.readouterr().err
    assert "无法写入数据包文件" in err and "Traceback" not in err
    assert main(["--db", str(city_db), "bundle", "diff", str(offices.bundle), "--decisions-template", str(blocker / "d.json")]) == 2
    err = capsys.readouterr().err
    assert "无法写入决定文件" in err and "Traceback" not in err


def test_a_pdfs_page_count_is_read_from_the_file(offices: Offices) -> None:
    import io

    from pypdf import PdfWriter

    from gdiiot_desktop.domain.enums import AttachmentClass
    from gdiiot_desktop.domain.model import Attachment
    from gdiiot_desktop.storage.repository import ApplicationRepository

    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    stored = offices.county.db.store.put_bytes(buffer.getvalue())
    app = ApplicationService(offices.county).list()[0]
    with offices.county.db.session() as session:
        ApplicationRepository(session).add_attachment(
            app.id or 0, Attachment(AttachmentClass.AUDIT_REPORT, "审计报告.pdf", stored.sha256, stored.size, year=2022, pages=99)
        )
    out = offices.folder / "页数.gdiiot"
    exchange.export_county_bundle(offices.county, out)
    exchange.import_bundle(offices.city, out)
    found = [a for x in ApplicationService(offices.city).list() for a in x.attachments if a.sha256 == stored.sha256]
    assert [a.pages for a in found] == [2]  # the county said 99


def test_a_city_without_county_level_divisions_accepts_the_counties_it_registered(tmp_path: Path) -> None:
    from gdiiot_desktop.services import settings
    from gdiiot_desktop.services.workspace import create_workspace

    from .helpers import county_apps, seed

    county = create_workspace(tmp_path / "松山湖.sqlite3", "东莞")
    city = create_workspace(tmp_path / "东莞.sqlite3", "东莞")
    try:
        seed(county, county_apps(county, "松山湖", 1))
        out = tmp_path / "松山湖.gdiiot"
        report = exchange.export_county_bundle(county, out)
        with pytest.raises(exchange.BundleMismatchError, match="请先在“设置”中登记"):
            exchange.import_bundle(city, out, trust=report.fingerprint)
        settings.add_county(city, "松山湖")
        done = exchange.import_bundle(city, out, trust=report.fingerprint)
        assert isinstance(done, exchange.CountyImportReport) and done.county == "松山湖"
    finally:
        county.close()
        city.close()

"""County bundles of special-fund applications (issue 14) through the real `gdiiot` command line: a county
files its fund applications (investments by category, a cluster, training figures, invoices and materials
as files), exports a signed bundle; the city imports it and reads it back with `fund list --json` and
`check --json`. The same trust model as pilot bundles: pinned keys, the signed counter, a yes for
withdrawals and changes to ranked (入库) applications, refusals recorded and nothing else changed."""

from __future__ import annotations

import json
from pathlib import Path

from gdiiot_desktop.storage.database import store_root_for
from tests.fund.test_fund_cli import fill

from .conftest import Offices
from .fund_offices import (
    CAMPAIGN,
    COUNTY,
    FILES,
    ROWS,
    Fund,
    fingerprint_of,
    fund_list,
    gdiiot,
    imported,
    ok,
    refused,
)
from .helpers import forger, members, rebuild, write_zip

# --- the round trip -----------------------------------------------------------------------------------


def test_round_trip_carries_applications_investments_cluster_training_and_invoices(fund: Fund) -> None:
    manifest = json.loads(members(fund.bundle)["manifest.json"])
    assert manifest["version"] == 3 and manifest["campaign_kind"] == "special-fund"
    assert manifest["campaign"] == "2022-jiangmen-fund" and manifest["county"] == COUNTY
    assert "fund_applications.json" in members(fund.bundle) and "applications.json" not in members(fund.bundle)

    diff = ok("--db", fund.city, "bundle", "diff", fund.bundle)
    assert "新增 4 项" in diff and "尚未确认" in diff
    out = imported(fund)
    assert "新增 4 项" in out and "新附件 4 个" in out

    county, city = fund_list(fund.county), fund_list(fund.city)
    assert set(city) == set(county)  # the uid is the identity across offices
    for uid, there in county.items():
        here = city[uid]
        for key in ("project", "enterprise", "county", "direction_id", "subdirection_id", "cluster", "investment",
                    "total_investment", "eligible_investment", "max_subsidy", "requested", "training_sessions",
                    "training_people"):  # fmt: skip
            assert here[key] == there[key], key
        assert here["status"] == "registered" and here["rank"] is None
        files = lambda row: sorted((a["file_name"], a["sha256"], a["size"], a["category"], a["material"]) for a in row["attachments"])  # noqa: E731
        assert files(here) == files(there)
    by_project = {row["project"]: row for row in city.values()}
    assert by_project["甲智能工厂"]["investment"] == {"equipment": "800000.00", "industrial_internet": "1200000.00"}
    assert by_project["丙五金集群改造"]["cluster"] == "江门五金产业集群"
    assert (by_project["人才培养计划"]["training_sessions"], by_project["人才培养计划"]["training_people"]) == (12, 600)
    invoices = {a["file_name"]: a for a in by_project["甲智能工厂"]["attachments"]}
    assert invoices["设备发票.pdf"]["category"] == "equipment"
    root = store_root_for(fund.city)
    for _, name, body, _ in FILES:  # the bytes arrived, under their hash
        sha = next(a["sha256"] for row in city.values() for a in row["attachments"] if a["file_name"] == name)
        assert any(p.read_bytes() == body for p in root.rglob(sha))

    # The rules see at the city what they saw at the county: the same findings, project by project.
    checks = {}
    for db in (fund.county, fund.city):
        code, out, _ = gdiiot("--db", db, "check", "--json", "--at", "2022-11-20T10:00")
        report = json.loads(out)
        assert code in (0, 1) and report["summary"]["applications"] == 4 and report["city"] == "江门"
        checks[db] = sorted((v["rule"], v["project"], v["message"]) for v in report["violations"])
    assert checks[fund.city] == checks[fund.county]
    assert ("FUND_REQUEST_OVER_CAP", "丙五金集群改造") in {v[:2] for v in checks[fund.city]}  # 250,000 > 80 % of 300,000
    again = imported(fund)
    assert "已导入过" in again


def test_newer_bundle_updates_rows_and_keeps_the_citys_rank_score_and_status(fund: Fund, tmp_path: Path) -> None:
    imported(fund)
    city = {row["project"]: row for row in fund_list(fund.city).values()}
    first, cloud = city["甲智能工厂"]["id"], city["乙上云"]["id"]
    ok("--db", fund.city, "fund", "score", first, "91")
    ok("--db", fund.city, "fund", "rank", first)  # 入库, first place
    # The county corrects two applications: the ranked one and one the city has not ranked.
    rows = [dict(r) for r in ROWS]
    rows[0]["申请补贴金额（元）"] = 950_000
    rows[1]["云服务投入（元）"] = 600_000
    template = tmp_path / "模板.xlsx"
    ok("--db", fund.county, "fund", "template", template)
    ok("--db", fund.county, "import-xlsx", fill(template, tmp_path / "更正.xlsx", rows))
    newer = fund.next_bundle("蓬江区-2.gdiiot")

    diff = json.loads(ok("--db", fund.city, "bundle", "diff", newer, "--json"))
    assert diff["campaign_kind"] == "special-fund"
    assert [d["project"] for d in diff["needs_confirmation"]] == ["甲智能工厂"]
    refused(fund.city, ["bundle", "import", newer], newer, "--accept-removals")
    out = ok("--db", fund.city, "bundle", "import", newer, "--accept-removals")
    assert "更新 2 项" in out and "入库排序未动" in out

    after = {row["project"]: row for row in fund_list(fund.city).values()}
    assert after["甲智能工厂"]["requested"] == "950000.00"
    assert (after["甲智能工厂"]["status"], after["甲智能工厂"]["rank"], after["甲智能工厂"]["review_score"]) == ("pooled", 1, "91")
    assert after["乙上云"]["investment"] == {"cloud": "600000.00"} and after["乙上云"]["id"] == cloud
    flags = json.loads(ok("--db", fund.city, "bundle", "flags", "--json"))
    assert [(f["project"], f["kind"]) for f in flags] == [("甲智能工厂", "changed")]
    assert "入库排序未动" in ok("--db", fund.city, "bundle", "flags")


def test_a_withdrawal_needs_accept_removals(fund: Fund) -> None:
    imported(fund)
    city = {row["project"]: row for row in fund_list(fund.city).values()}
    ok("--db", fund.county, "fund", "status", 3, "withdrawn", "--reason", "企业放弃申报")
    newer = fund.next_bundle("蓬江区-2.gdiiot")
    assert "县区已删除" in ok("--db", fund.city, "bundle", "diff", newer)
    refused(fund.city, ["bundle", "import", newer], newer, "撤回 1 个项目", "--accept-removals")
    assert fund_list(fund.city)[city["丙五金集群改造"]["uid"]]["status"] == "registered"
    assert "撤回 1 项" in ok("--db", fund.city, "bundle", "import", newer, "--accept-removals")
    assert fund_list(fund.city)[city["丙五金集群改造"]["uid"]]["status"] == "withdrawn"


# --- refusals -------------------------------------------------------------------------------------------


def test_forged_unsigned_and_tampered_fund_bundles_are_refused(fund: Fund) -> None:
    imported(fund)  # the county's key is pinned now
    newer = fund.next_bundle("蓬江区-2.gdiiot")
    forged = rebuild(newer, fund.folder / "伪造.gdiiot", signer=forger())
    refused(fund.city, ["bundle", "import", forged], forged, "另一把密钥", fund.county_fp)
    items = members(newer)
    del items["signature.json"]
    unsigned = fund.folder / "无签名.gdiiot"
    write_zip(unsigned, list(items.items()))
    refused(fund.city, ["bundle", "import", unsigned], unsigned, "没有签名")
    docs = json.loads(members(newer)["fund_applications.json"])
    docs[0]["requested"] = "1.00"
    edited = json.dumps(docs, ensure_ascii=False).encode()
    tampered = rebuild(newer, fund.folder / "改动.gdiiot", {"fund_applications.json": edited}, forge=True)
    refused(fund.city, ["bundle", "import", tampered], tampered, "签名不符")
    # Behind the signature (the county's own program gone wrong): the data no longer matches its audit log.
    resigned = rebuild(newer, fund.folder / "重签.gdiiot", {"fund_applications.json": edited})
    refused(fund.city, ["bundle", "import", resigned], resigned, "审计日志")
    # An invoice's bytes changed under its name: its hash no longer matches.
    sha = next(n for n in items if n.startswith("files/"))
    swapped = rebuild(newer, fund.folder / "换发票.gdiiot", {sha: b"%PDF-1.4 another invoice"})
    refused(fund.city, ["bundle", "import", swapped], swapped, "哈希")
    assert "新增 0 项" in ok("--db", fund.city, "bundle", "import", newer)  # the genuine one still imports
    refusals = json.loads(ok("--db", fund.city, "bundle", "refusals", "--json"))
    assert len(refusals) == 5


def test_first_bundle_needs_the_confirmed_fingerprint(fund: Fund) -> None:
    refused(fund.city, ["bundle", "import", fund.bundle], fund.bundle, "指纹")
    refused(fund.city, ["bundle", "import", fund.bundle, "--trust", "00000 00000 00000 00000 00000 00000"],
            fund.bundle, "不符")  # fmt: skip
    assert "新增 4 项" in imported(fund)


def test_kind_and_campaign_mismatch_is_refused(fund: Fund, offices: Offices, tmp_path: Path) -> None:
    # A fund bundle in a pilot database of the same city.
    pilot = tmp_path / "江门试点.sqlite3"
    ok("--db", pilot, "init", "--city", "江门")
    refused(pilot, ["bundle", "import", fund.bundle, "--trust", fund.county_fp], fund.bundle,
            "专项资金项目申报的县区数据包", "试点示范项目推荐的数据库", "不能互相导入")  # fmt: skip
    # A pilot bundle in a fund database.
    refused(fund.city, ["bundle", "import", offices.bundle], offices.bundle,
            "试点示范项目推荐的县区数据包", "专项资金项目申报的数据库")  # fmt: skip
    # A fund bundle of another call (campaign id), signed by the county's own key.
    other = rebuild(fund.bundle, fund.folder / "另一批.gdiiot", manifest_edit=lambda m: m.update(campaign="2023-jiangmen-fund"))
    refused(fund.city, ["bundle", "import", other, "--trust", fund.county_fp], other, "2023-jiangmen-fund", "不能导入")
    # A kind this program does not know.
    odd = rebuild(fund.bundle, fund.folder / "未知.gdiiot", manifest_edit=lambda m: m.update(campaign_kind="lottery"))
    refused(fund.city, ["bundle", "import", odd, "--trust", fund.county_fp], odd, "活动种类")


def test_a_county_not_of_the_city_is_not_exported(fund: Fund, tmp_path: Path) -> None:
    rows = [dict(ROWS[1], **{"县（市、区）": "开平市", "项目名称": "开平项目"})]
    template = tmp_path / "模板.xlsx"
    ok("--db", fund.county, "fund", "template", template)
    ok("--db", fund.county, "import-xlsx", fill(template, tmp_path / "开平.xlsx", rows))
    code, _, err = gdiiot("--db", fund.county, "bundle", "export", tmp_path / "x.gdiiot")
    assert code == 2 and "多个县区" in err and not (tmp_path / "x.gdiiot").exists()
    out = ok("--db", fund.county, "bundle", "export", tmp_path / "开平.gdiiot", "--county", "开平市")
    assert "开平市" in out and "1 个项目" in out


def test_a_version_2_pilot_bundle_still_imports(offices: Offices, city_db: Path) -> None:
    """Bundles exported before campaign kinds (format 2, no `campaign_kind`) are pilot bundles, still signed."""

    def as_version_2(manifest: dict[str, object]) -> None:
        assert manifest.pop("campaign_kind") == "pilot-recommendation"
        manifest["version"] = 2

    old = rebuild(offices.bundle, offices.folder / "版本2.gdiiot", manifest_edit=as_version_2)
    assert "新增 4 项" in ok("--db", city_db, "bundle", "diff", old)
    assert "新增 4 项" in ok("--db", city_db, "bundle", "import", old)


def test_returns_go_back_to_the_county_and_come_back_fixed(fund: Fund, tmp_path: Path) -> None:
    imported(fund)
    city = {row["project"]: row for row in fund_list(fund.city).values()}
    cloud, first = city["乙上云"], city["甲智能工厂"]
    ok("--db", fund.city, "fund", "rank", cloud["id"], first["id"])
    ok("--db", fund.city, "fund", "status", cloud["id"], "returned", "--reason", "缺少云服务发票原件")
    assert fund_list(fund.city)[cloud["uid"]]["rank"] is None  # out of the 入库 ranking
    assert fund_list(fund.city)[first["uid"]]["rank"] == 1  # and the one below moved up
    back = fund.folder / "退回蓬江区.gdiiot"
    assert "1 个项目" in ok("--db", fund.city, "bundle", "return", "--county", COUNTY, back)
    assert json.loads(members(back)["manifest.json"])["campaign_kind"] == "special-fund"

    # The county pins the city's key with the first return bundle, after a phone call.
    city_fp = fingerprint_of(fund.city)
    refused(fund.county, ["bundle", "import", back], back, "指纹")
    assert "缺少云服务发票原件" in ok("--db", fund.county, "bundle", "import", back, "--trust", city_fp)
    [ret] = json.loads(ok("--db", fund.county, "bundle", "returns", "--json"))
    assert (ret["project"], ret["reason"], ret["side"]) == ("乙上云", "缺少云服务发票原件", "county")
    assert fund_list(fund.county)[cloud["uid"]]["status"] == "returned"

    # Fixed at the county and sent again: the return closes on both sides.
    rows = [dict(r) for r in ROWS]
    rows[1]["云服务投入（元）"] = 520_000
    template = tmp_path / "模板.xlsx"
    ok("--db", fund.county, "fund", "template", template)
    ok("--db", fund.county, "import-xlsx", fill(template, tmp_path / "更正.xlsx", rows))
    out = ok("--db", fund.county, "bundle", "export", fund.folder / "蓬江区-2.gdiiot")
    assert "1 项是退回后修改重报的" in out
    assert json.loads(ok("--db", fund.county, "bundle", "returns", "--json")) == []
    assert fund_list(fund.county)[cloud["uid"]]["status"] == "registered"
    assert "更新 1 项" in ok("--db", fund.city, "bundle", "import", fund.folder / "蓬江区-2.gdiiot")
    after = fund_list(fund.city)[cloud["uid"]]
    assert (after["status"], after["investment"]) == ("registered", {"cloud": "520000.00"})
    assert json.loads(ok("--db", fund.city, "bundle", "returns", "--json")) == []


def _second_county(fund: Fund, tmp_path: Path, rows: list[dict[str, object]]) -> tuple[Path, str]:
    """江海区's own database of the same call, its bundle, and its fingerprint."""
    db = tmp_path / "江海区.sqlite3"
    ok("--db", db, "init", "--city", "江门", "--campaign", CAMPAIGN)
    template = tmp_path / "模板.xlsx"
    ok("--db", db, "fund", "template", template)
    ok("--db", db, "import-xlsx", fill(template, tmp_path / "江海区.xlsx", rows))
    out = tmp_path / "江海区-1.gdiiot"
    ok("--db", db, "bundle", "export", out)
    return out, fingerprint_of(db)


def test_caps_across_counties_are_shown_after_the_merge(fund: Fund, tmp_path: Path) -> None:
    imported(fund)
    # The same enterprise files another 上云 project in 江海区: 400,000 + 300,000 > 600,000 per enterprise.
    row = dict(ROWS[1], **{"县（市、区）": "江海区", "项目名称": "乙上云二期", "云服务投入（元）": 400_000,
                           "申请补贴金额（元）": 300_000})  # fmt: skip
    bundle, fp = _second_county(fund, tmp_path, [row])
    preview = json.loads(ok("--db", fund.city, "bundle", "diff", bundle, "--json"))
    assert {v["rule"] for v in preview["cross_county"]["violations"]} == {"FUND_ENTERPRISE_CAP"}
    [shared] = preview["cross_county"]["shared_applicants"]
    assert shared["name"] == "江门乙公司" and shared["counties"] == ["江海区", "蓬江区"]
    out = ok("--db", fund.city, "bundle", "import", bundle, "--trust", fp)
    assert "跨县区检查" in out and "每家企业补贴上限" in out and "江门乙公司" in out


def test_an_application_moved_by_the_city_is_not_taken_back_by_a_bundle(fund: Fund) -> None:
    imported(fund)
    cloud = next(row for row in fund_list(fund.city).values() if row["project"] == "乙上云")
    out = ok("--db", fund.city, "bundle", "move-county", cloud["id"], "--county", "江海区", "--reason", "企业实际在江海区")
    assert "已移到江海区" in out and fund_list(fund.city)[cloud["uid"]]["county"] == "江海区"
    newer = fund.next_bundle("蓬江区-2.gdiiot")
    refused(fund.city, ["bundle", "import", newer], newer, "在本市属于江海区", "不能把项目移到另一个县区")


def test_applications_the_city_entered_itself_are_named_as_possible_duplicates(fund: Fund, tmp_path: Path) -> None:
    template = tmp_path / "模板.xlsx"
    ok("--db", fund.city, "fund", "template", template)
    ok("--db", fund.city, "import-xlsx", fill(template, tmp_path / "县区汇总.xlsx", ROWS[:2]))  # the county's sheet
    diff = ok("--db", fund.city, "bundle", "diff", fund.bundle)
    assert diff.count("可能重复录入") == 2 and "甲智能工厂" in diff and "新增 4 项" in diff
    out = imported(fund)
    assert out.count("可能重复录入") == 2

"""Applications corrected by hand (`gdiiot fund edit`) travel in county bundles as any other change:
a returned application fixed at the county with `fund edit` (no sheet re-imported) is sent again and
its return closes on both sides; a field the city corrected by hand and the county changed too is a
conflict the city decides."""

from __future__ import annotations

import json

from .fund_offices import COUNTY, Fund, fingerprint_of, fund_list, gdiiot, imported, ok


def test_a_return_fixed_with_fund_edit_at_the_county_closes_on_both_sides(fund: Fund) -> None:
    imported(fund)
    cloud = next(row for row in fund_list(fund.city).values() if row["project"] == "乙上云")
    ok("--db", fund.city, "fund", "status", cloud["id"], "returned", "--reason", "申请金额超过上限")
    back = fund.folder / "退回蓬江区.gdiiot"
    ok("--db", fund.city, "bundle", "return", "--county", COUNTY, back)
    ok("--db", fund.county, "bundle", "import", back, "--trust", fingerprint_of(fund.city))
    here = fund_list(fund.county)[cloud["uid"]]
    assert here["status"] == "returned"

    out = ok("--db", fund.county, "fund", "edit", here["id"], "--requested", "350000", "--note", "按市局意见调减")
    assert "申请补贴金额、备注" in out
    out = ok("--db", fund.county, "bundle", "export", fund.folder / "蓬江区-2.gdiiot")
    assert "1 项是退回后修改重报的" in out
    assert json.loads(ok("--db", fund.county, "bundle", "returns", "--json")) == []
    assert "更新 1 项" in ok("--db", fund.city, "bundle", "import", fund.folder / "蓬江区-2.gdiiot")
    after = fund_list(fund.city)[cloud["uid"]]
    assert (after["status"], after["requested"]) == ("registered", "350000.00")
    assert json.loads(ok("--db", fund.city, "bundle", "returns", "--json")) == []


def test_a_field_corrected_at_both_offices_is_a_conflict_for_the_city(fund: Fund) -> None:
    imported(fund)
    row = next(r for r in fund_list(fund.city).values() if r["project"] == "乙上云")
    ok("--db", fund.city, "fund", "edit", row["id"], "--enterprise", "江门乙科技有限公司")
    county_id = fund_list(fund.county)[row["uid"]]["id"]
    ok("--db", fund.county, "fund", "edit", county_id, "--enterprise", "江门乙云科技有限公司")
    newer = fund.next_bundle("蓬江区-2.gdiiot")
    code, out, err = gdiiot("--db", fund.city, "bundle", "import", newer)
    assert code == 2 and "冲突" in err and "企业名称" in err, (out, err)
    assert fund_list(fund.city)[row["uid"]]["enterprise"] == "江门乙科技有限公司"  # nothing taken
    ok("--db", fund.city, "bundle", "import", newer, "--prefer", "county")
    assert fund_list(fund.city)[row["uid"]]["enterprise"] == "江门乙云科技有限公司"

"""Hostile special-fund bundles: texts past their cap or with forbidden characters, amounts that are not
amounts, counts out of range, an element past its cap. Each is refused with a Chinese message naming the
field (exit 2), and nothing but the refusal is recorded. The caps follow from the fund field registry."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gdiiot_desktop.domain.fund import fields as registry
from gdiiot_desktop.domain.fund.files import FundFile
from gdiiot_desktop.domain.fund.model import FundApplication
from gdiiot_desktop.services import jsonio
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exchange import format as fmt
from gdiiot_desktop.services.exchange.jsonio import Node
from gdiiot_desktop.services.exchange.writer import json_bytes
from gdiiot_desktop.services.fund.codec import FundRecord, decode_fund_application, fund_application_json
from gdiiot_desktop.services.fund.workspace import open_fund_workspace

from .fund_offices import Fund, gdiiot, refused
from .helpers import members, rebuild, to_bytes

WIDE = "\U00020000"  # four bytes in UTF-8


def edited(fund: Fund, change: object) -> Path:
    docs = json.loads(members(fund.bundle)[fmt.FUND_APPLICATIONS])
    change(docs[0])  # type: ignore[operator]
    return rebuild(fund.bundle, fund.folder / "edited.gdiiot", {fmt.FUND_APPLICATIONS: to_bytes(docs)})


@pytest.mark.parametrize(
    ("key", "value", "fragments"),
    [
        ("project_name", "项" * 101, ("项目名称过长", "最多100个字")),
        ("enterprise", "江门\uffff公司", ("企业名称", "U+FFFF")),
        ("note", "\u202e注备", ("备注", "U+202E")),
        ("requested", "1000.001", ("申请补贴金额", "精确到分")),
        ("requested", 1000, ("申请补贴金额", "应为文字")),
        ("requested", "1e400", ("申请补贴金额", "金额过大")),
        ("training_people", -1, ("培训人数", "0～999999999")),
        ("investment", {"cloud": "-5"}, ("投入", "负数")),
        ("materials_received", ["x"] * (registry.MAX_MATERIALS + 1), ("已提交材料", "条目过多")),
        ("county", "天河区", ("天河区", "不符")),
    ],
)
def test_bad_values_are_refused_naming_the_field(fund: Fund, key: str, value: object, fragments: tuple[str, ...]) -> None:
    bundle = edited(fund, lambda doc: doc.__setitem__(key, value))
    refused(fund.city, ["bundle", "import", bundle, "--trust", fund.county_fp], bundle, *fragments)


def test_an_unknown_or_missing_key_is_refused(fund: Fund) -> None:
    bundle = edited(fund, lambda doc: doc.__setitem__("status", "pooled"))  # the city's decision: never sent
    refused(fund.city, ["bundle", "import", bundle, "--trust", fund.county_fp], bundle, "未知字段 status")
    bundle = edited(fund, lambda doc: doc.pop("cluster"))
    refused(fund.city, ["bundle", "import", bundle, "--trust", fund.county_fp], bundle, "缺少字段 cluster")


def test_an_element_past_its_cap_is_refused(fund: Fund) -> None:
    # The element's cap, not the note's, refuses it: it is measured before it is parsed, even when the
    # whole element arrives in one chunk of the stream.
    bundle = edited(fund, lambda doc: doc.__setitem__("note", "x" * fmt.MAX_FUND_APPLICATION_BYTES))
    refused(fund.city, ["bundle", "import", bundle, "--trust", fund.county_fp], bundle,
            f"{fmt.FUND_APPLICATIONS} 第 1 条过大", f"超过 {fmt.MAX_FUND_APPLICATION_BYTES} 个字符")  # fmt: skip


def test_an_element_past_its_cap_within_one_chunk_is_refused() -> None:
    element = b'{"a": "' + b"x" * 2000 + b'"}'
    chunks = [b"[" + element + b"," + element + b"]"]  # one chunk holding whole elements
    with pytest.raises(InputError, match="第 1 条过大"):
        list(jsonio.iter_array(chunks, jsonio.Source("测试"), max_items=10, max_item_chars=1000))
    assert len(list(jsonio.iter_array(chunks, jsonio.Source("测试"), max_items=10, max_item_chars=3000))) == 2


def _largest() -> FundRecord:
    """A fund application with every field at its cap in four-byte characters, and the most files."""
    def text(name: str) -> str:
        return WIDE * registry.cap(name)

    ids = [WIDE * (registry.ID_LENGTH - 2) + f"{i:02d}" for i in range(registry.MAX_MATERIALS)]
    app = FundApplication(
        enterprise=text("enterprise"), project_name=text("project_name"), county=text("county"),
        direction_id=text("direction_id"), requested=Decimal("999999999999.99"),
        investment={i: Decimal("999999999999.99") for i in ids[: registry.MAX_CATEGORIES]}, uscc=text("uscc"),
        subdirection_id=text("subdirection_id"), cluster=text("cluster"), training_sessions=registry.MAX_COUNT,
        training_people=registry.MAX_COUNT, materials_received=frozenset(ids), contact=text("contact"),
        note=text("note"), uid="f" * 32,
    )  # fmt: skip
    files = tuple(
        FundFile(WIDE * 251 + f"{n:04d}", f"{n:064x}", 2**34, ids[0], ids[1]) for n in range(registry.MAX_FILES)
    )
    return FundRecord(app, files)


def test_caps_follow_from_the_fund_registry() -> None:
    doc = fund_application_json(_largest())
    written = json_bytes([doc])  # as the writer lays it out, inside the list
    assert len(written) <= fmt.MAX_FUND_APPLICATION_BYTES < 2 * len(written)
    back = decode_fund_application(Node(json.loads(written)[0], fmt.FUND_APPLICATIONS))
    assert back == _largest()
    assert fmt.MAX_JSON_BYTES >= fmt.MAX_FUND_APPLICATIONS_BYTES == 200 * fmt.MAX_FUND_APPLICATION_BYTES + 1024


def test_a_county_cannot_export_what_the_city_would_refuse(fund: Fund) -> None:
    ws = open_fund_workspace(fund.county)
    try:
        app = next(a for a in ws.repo.all() if a.project_name == "乙上云")
        app.note = "备注\uffff"  # saved before the caps existed, or by another program
        ws.repo.update(app)
    finally:
        ws.close()
    out = fund.folder / "x.gdiiot"
    code, _, err = gdiiot("--db", fund.county, "bundle", "export", out)
    assert code == 2 and "乙上云" in err and "备注" in err and "U+FFFF" in err and not out.exists()

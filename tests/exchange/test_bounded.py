"""Hostile JSON in a bundle: huge numbers, impossible dates, deep nesting, members that inflate past
their caps, forbidden characters. Each ends in a Chinese message naming what is wrong (exit 2 from
the CLI), never a traceback, and the city's database and store stay as they were."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.services import jsonio
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exchange import format as fmt
from gdiiot_desktop.storage.audit import entry_hash

from .conftest import Offices
from .helpers import json_member, members, rebuild, to_bytes, write_zip
from .test_refusals import refuse


def edited_applications(offices: Offices, raw: bytes) -> Path:
    return rebuild(offices.bundle, offices.folder / "edited.gdiiot", {fmt.APPLICATIONS: raw})


def test_a_5000_digit_integer_is_refused_with_a_message(offices: Offices, city_db: Path) -> None:
    text = members(offices.bundle)[fmt.APPLICATIONS].decode()
    raw = text.replace('"pilot_year": null', '"pilot_year": ' + "9" * 5000, 1).encode()
    assert raw != text.encode()
    refuse(city_db, edited_applications(offices, raw), "applications.json", "位数过多")


def test_applications_nested_deeper_than_the_cap_are_refused(offices: Offices, city_db: Path) -> None:
    raw = b"[" + b"[" * 200_000 + b"]" * 200_000 + b"]"
    refuse(city_db, edited_applications(offices, raw), "applications.json", "嵌套层次过深")


@pytest.mark.parametrize(
    "stamp", ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+14:00"]
)
def test_export_times_out_of_range_are_refused_with_a_message(
    offices: Offices, city_db: Path, stamp: str
) -> None:
    out = rebuild(
        offices.bundle,
        offices.folder / "clock.gdiiot",
        manifest_edit=lambda m: m.__setitem__("exported_at", stamp),
    )
    refuse(city_db, out, "exported_at", "年之间")


def test_forbidden_characters_in_a_field_are_refused_naming_the_field(
    offices: Offices, city_db: Path
) -> None:
    apps = json_member(offices.bundle, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    apps[0]["applicant"]["industry"] = "制造业\uffff"
    refuse(city_db, edited_applications(offices, to_bytes(apps)), "所属行业", "U+FFFF")
    apps[0]["applicant"]["industry"] = "\u202e业造制"
    refuse(city_db, edited_applications(offices, to_bytes(apps)), "所属行业", "U+202E")
    apps[0]["applicant"]["industry"] = "制" * 101
    refuse(city_db, edited_applications(offices, to_bytes(apps)), "所属行业过长")


def _forge_last_details(audit: list[dict[str, object]], details: str) -> None:
    """Replace the last entry's details and recompute its hash, as a forger who knows the chain would."""
    last = audit[-1]
    last["details"] = details
    from datetime import datetime

    last["hash"] = entry_hash(
        str(last["prev_hash"]),
        entry_id=int(str(last["id"])),
        at=datetime.fromisoformat(str(last["at"])),
        actor=str(last["actor"]),
        action=str(last["action"]),
        entity=str(last["entity"]),
        entity_id=str(last["entity_id"]),
        details=details,
    )


def test_audit_details_nested_200000_deep_are_refused_in_import_and_diff(
    offices: Offices, city_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = json_member(offices.bundle, fmt.AUDIT)
    assert isinstance(audit, list)
    _forge_last_details(audit, "[" * 200_000 + "]" * 200_000)
    out = rebuild(offices.bundle, offices.folder / "deep.gdiiot", {fmt.AUDIT: to_bytes(audit)})
    refuse(city_db, out, "审计日志")
    offices.city.close()
    assert main(["--db", str(city_db), "bundle", "diff", str(out)]) == 2
    err = capsys.readouterr().err
    assert "审计日志" in err and "Traceback" not in err


def test_a_member_declared_larger_than_its_cap_is_refused_before_it_is_read(
    offices: Offices, city_db: Path
) -> None:
    items = members(offices.bundle)
    out = offices.folder / "big.gdiiot"
    write_zip(out, list(items.items()))
    # Declare applications.json one byte over its cap in both headers, as a bomb would.
    raw = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as z:
        info = z.getinfo(fmt.APPLICATIONS)
    size = info.file_size.to_bytes(4, "little")
    huge = (fmt.MAX_APPLICATIONS_BYTES + 1).to_bytes(4, "little")
    assert raw.count(size) >= 2
    out.write_bytes(bytes(raw).replace(size, huge))
    refuse(city_db, out, "applications.json", "过大")


def test_caps_follow_from_the_registry() -> None:
    assert fmt.MAX_APPLICATIONS_BYTES < 200 * 1024 * 1024  # parsing stays within a few hundred MB
    assert fmt.MAX_APPLICATION_BYTES > 4 * 100  # a project name of 100 four-byte characters fits
    assert fmt.MAX_JSON_BYTES == fmt.MAX_APPLICATIONS_BYTES


# --- the streaming parser itself -------------------------------------------------------------------


def _endless(head: bytes, body: bytes, consumed: list[int]) -> Iterator[bytes]:
    yield head
    while True:
        consumed.append(len(body))
        yield body


def test_an_endless_element_is_refused_at_its_cap_without_reading_on() -> None:
    consumed: list[int] = []
    chunks = _endless(b'[{"a": "', b"x" * 65536, consumed)
    with pytest.raises(InputError, match="过大"):
        list(jsonio.iter_array(chunks, jsonio.Source("测试"), max_items=10, max_item_chars=1_000_000))
    assert sum(consumed) < 1_100_000


def test_too_many_elements_are_refused_as_soon_as_counted() -> None:
    consumed: list[int] = []
    chunks = _endless(b"[", b"{}," * 1000, consumed)
    with pytest.raises(InputError, match="条目过多"):
        list(jsonio.iter_array(chunks, jsonio.Source("测试"), max_items=5000, max_item_chars=100))
    assert len(consumed) <= 6


def test_streamed_elements_equal_a_whole_parse() -> None:
    value = [{"名称": 'a]b[c,{d}"', "n": [1, 2.5, None, True]}, [], "x\\", {"k": {"z": []}}]
    data = json.dumps(value, ensure_ascii=False).encode()
    for size in (1, 2, 3, 7, len(data)):
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        assert (
            list(jsonio.iter_array(chunks, jsonio.Source("测试"), max_items=10, max_item_chars=1000)) == value
        )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[" * 100_000 + "]" * 100_000, "嵌套层次过深"),
        ("1" * 5000, "位数过多"),
        ("-" + "1" * 5000, "位数过多"),
        ("1e999", "超出范围"),
        ("0." + "1" * 5000, "过长的数值"),
        ('{"a": 1, "a": 2}', "重复"),
        ("NaN", "非标准"),
    ],
)
def test_whole_documents_are_bounded_too(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        jsonio.loads(text, jsonio.Source("测试"))


def test_a_county_cannot_export_what_the_city_would_refuse(offices: Offices) -> None:
    from dataclasses import replace

    from gdiiot_desktop.services import exchange
    from gdiiot_desktop.services.applications import ApplicationService
    from gdiiot_desktop.storage.repository import ApplicationRepository

    app = ApplicationService(offices.county).list()[0]
    with offices.county.db.session() as session:  # saved before the caps existed: straight to the table
        ApplicationRepository(session).save(replace(app, project_name="厂" * 120), diff=False)
    with pytest.raises(InputError, match="项目名称过长（120个字，最多100个字）") as refused:
        exchange.export_county_bundle(offices.county, offices.folder / "too-long.gdiiot")
    assert "修改后再导出" in str(refused.value)
    assert not (offices.folder / "too-long.gdiiot").exists()


def test_a_decisions_file_is_read_bounded(tmp_path: Path) -> None:
    from gdiiot_desktop.services.exchange.decisions import MAX_DECISIONS_BYTES, read_decisions

    deep = tmp_path / "deep.json"
    deep.write_text('{"decisions": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(InputError, match="嵌套层次过深"):
        read_decisions(deep)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(MAX_DECISIONS_BYTES + 10)
    with pytest.raises(InputError, match="过大"):
        read_decisions(huge)

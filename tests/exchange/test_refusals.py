"""Every refusal of a crafted or broken bundle: the message says what is wrong, and the city's database
and store are byte-for-byte as they were."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from gdiiot_desktop.services import exchange
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exchange import format as fmt
from gdiiot_desktop.services.exchange import zipsafe
from gdiiot_desktop.services.workspace import Workspace

from .conftest import Offices
from .helpers import json_member, members, rebuild, refused_untouched, to_bytes, write_zip


def refuse(db: Path, bundle: Path, *fragments: str, **kwargs: object) -> InputError:
    error = refused_untouched(db, lambda ws: exchange.import_bundle(ws, bundle, **kwargs), bundle)  # type: ignore[arg-type]
    assert isinstance(error, InputError), repr(error)
    for fragment in fragments:
        assert fragment in str(error), str(error)
    return error


def with_extra(offices: Offices, info: zipfile.ZipInfo | str, data: bytes = b"x") -> Path:
    out = offices.folder / "crafted.gdiiot"
    items = list(members(offices.bundle).items())
    write_zip(out, [*items, (info, data)])
    return out


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("../../evil.txt", "上级文件夹"),
        ("files/../../evil", "上级文件夹"),
        ("/etc/passwd", "绝对路径"),
        ("C:/Windows/evil.dll", "盘符"),
        ("c:evil", "盘符"),
        ("files\\..\\evil", "反斜杠"),
    ],
)
def test_member_paths_that_escape_are_refused(offices: Offices, city_db: Path, name: str, fragment: str) -> None:
    refuse(city_db, with_extra(offices, zipfile.ZipInfo(name)), fragment, "已拒绝")


def test_member_name_with_a_nul_character_is_refused(offices: Offices, city_db: Path) -> None:
    out = with_extra(offices, zipfile.ZipInfo("files/evilQ.txt"))
    raw = out.read_bytes()
    out.write_bytes(raw.replace(b"evilQ", b"evil\x00"))
    refuse(city_db, out, "空字符")


def test_symlink_member_is_refused(offices: Offices, city_db: Path) -> None:
    info = zipfile.ZipInfo("files/link")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    refuse(city_db, with_extra(offices, info, b"/etc/passwd"), "符号链接")


def test_duplicate_member_names_are_refused(offices: Offices, city_db: Path) -> None:
    out = offices.folder / "dup.gdiiot"
    items = list(members(offices.bundle).items())
    name, data = next((n, d) for n, d in items if n.startswith("files/"))
    with pytest.warns(UserWarning, match="Duplicate name"):
        write_zip(out, [*items, (name, data[::-1])])
    refuse(city_db, out, "重复")


def test_gbk_member_name_is_refused(offices: Offices, city_db: Path) -> None:
    out = with_extra(offices, zipfile.ZipInfo("files/QQQQ"))
    raw = out.read_bytes()
    assert raw.count(b"QQQQ") == 2  # local header and central directory
    out.write_bytes(raw.replace(b"QQQQ", "中文".encode("gbk")))
    refuse(city_db, out, "GBK")


def test_invalid_utf8_member_name_is_refused(offices: Offices, city_db: Path) -> None:
    out = with_extra(offices, zipfile.ZipInfo("files/中"))  # flagged UTF-8 by the writer
    raw = out.read_bytes()
    out.write_bytes(raw.replace("中".encode(), b"\xff\xfe\xfd"))
    refuse(city_db, out, "UTF-8")


def test_file_whose_hash_differs_from_the_manifest_is_refused(offices: Offices, city_db: Path) -> None:
    items = members(offices.bundle)
    name = next(n for n in items if n.startswith("files/"))
    items[name] = bytes([items[name][0] ^ 1]) + items[name][1:]  # same size, different bytes
    out = write_zip(offices.folder / "altered.gdiiot", list(items.items()))
    refuse(city_db, out, "哈希值不符")


def test_member_whose_size_differs_from_the_manifest_is_refused(offices: Offices, city_db: Path) -> None:
    items = members(offices.bundle)
    name = next(n for n in items if n.startswith("files/"))
    items[name] += b"more"
    out = write_zip(offices.folder / "longer.gdiiot", list(items.items()))
    refuse(city_db, out, "大小", "不符")


def test_altered_applications_with_recomputed_manifest_fail_the_audit_chain(offices: Offices, city_db: Path) -> None:
    apps = json_member(offices.bundle, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    apps[0]["project_name"] = "被篡改的项目"
    # Behind a valid signature (the county's own program gone wrong), the audit chain still catches it.
    out = rebuild(offices.bundle, offices.folder / "forged.gdiiot", {fmt.APPLICATIONS: to_bytes(apps)}, signer=offices.signer)
    error = refuse(city_db, out, "审计日志")
    assert any("申报数据" in d for d in error.details)


def test_altered_audit_entry_is_refused(offices: Offices, city_db: Path) -> None:
    audit = json_member(offices.bundle, fmt.AUDIT)
    assert isinstance(audit, list)
    audit[1]["actor"] = "别人"
    out = rebuild(offices.bundle, offices.folder / "audit.gdiiot", {fmt.AUDIT: to_bytes(audit)}, signer=offices.signer)
    error = refuse(city_db, out, "审计日志")
    assert any("第 2 条" in d for d in error.details)


def test_removed_audit_entry_is_refused(offices: Offices, city_db: Path) -> None:
    audit = json_member(offices.bundle, fmt.AUDIT)
    assert isinstance(audit, list)
    del audit[1]
    out = rebuild(offices.bundle, offices.folder / "audit.gdiiot", {fmt.AUDIT: to_bytes(audit)}, signer=offices.signer)
    refuse(city_db, out, "审计日志")


def test_member_not_in_the_manifest_is_refused(offices: Offices, city_db: Path) -> None:
    refuse(city_db, with_extra(offices, "files/" + "a" * 64), "清单未列出")


def test_member_missing_from_the_bundle_is_refused(offices: Offices, city_db: Path) -> None:
    items = members(offices.bundle)
    name = next(n for n in items if n.startswith("files/"))
    del items[name]
    out = write_zip(offices.folder / "missing.gdiiot", list(items.items()))
    refuse(city_db, out, "不在数据包中")


def test_unknown_member_is_refused(offices: Offices, city_db: Path) -> None:
    out = rebuild(offices.bundle, offices.folder / "odd.gdiiot", {"readme.txt": b"hello"}, signer=offices.signer)
    refuse(city_db, out, "不属于本格式")


def test_zip_bomb_ratio_is_refused(offices: Offices, city_db: Path) -> None:
    info = zipfile.ZipInfo("applications.json.bak")
    info.compress_type = zipfile.ZIP_DEFLATED
    out = with_extra(offices, info, b"\0" * (8 * 1024 * 1024))
    refuse(city_db, out, "压缩炸弹")


def test_total_size_beyond_the_limit_is_refused(
    offices: Offices, city_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipsafe, "MAX_TOTAL_BYTES", 1000)
    refuse(city_db, offices.bundle, "总大小过大")


def test_member_beyond_its_size_limit_is_refused(
    offices: Offices, city_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipsafe, "MAX_FILE_BYTES", 10)
    refuse(city_db, offices.bundle, "解压后过大")


@pytest.mark.parametrize(("version", "fragment"), [(4, "请升级"), ("2", "无法识别"), (0, "无法识别"), (True, "无法识别")])
def test_unknown_format_version_is_refused(offices: Offices, city_db: Path, version: object, fragment: str) -> None:
    def edit(manifest: dict) -> None:
        manifest["version"] = version

    out = rebuild(offices.bundle, offices.folder / "v.gdiiot", manifest_edit=edit)
    refuse(city_db, out, "格式版本", fragment)


def test_not_a_bundle_is_refused(offices: Offices, city_db: Path) -> None:
    out = write_zip(offices.folder / "other.gdiiot", [("hello.txt", b"hi")])
    refuse(city_db, out, "没有 manifest.json")
    out2 = write_zip(offices.folder / "other2.gdiiot", [("manifest.json", b'{"a": 1}')])
    refuse(city_db, out2, "不是 GDIIoT 数据包")


def test_different_campaign_is_refused(offices: Offices, city_db: Path) -> None:
    def edit(manifest: dict) -> None:
        manifest["campaign"] = "2024-pilot"

    refuse(city_db, rebuild(offices.bundle, offices.folder / "c.gdiiot", manifest_edit=edit), "活动", "2024-pilot")


def test_different_city_is_refused(offices: Offices, city_db: Path) -> None:
    def edit(manifest: dict) -> None:
        manifest["city"] = "广州"

    refuse(city_db, rebuild(offices.bundle, offices.folder / "g.gdiiot", manifest_edit=edit), "来自广州市")


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.99])
def test_truncated_bundle_is_refused(offices: Offices, city_db: Path, keep: float) -> None:
    raw = offices.bundle.read_bytes()
    out = offices.folder / "cut.gdiiot"
    out.write_bytes(raw[: int(len(raw) * keep)])
    refuse(city_db, out, "已损坏")


def test_empty_and_garbage_files_are_refused(offices: Offices, city_db: Path) -> None:
    empty = offices.folder / "empty.gdiiot"
    empty.write_bytes(b"")
    refuse(city_db, empty, "已损坏")
    garbage = offices.folder / "garbage.gdiiot"
    garbage.write_bytes(b"PK\x03\x04" + b"\xff" * 500)
    refuse(city_db, garbage, "已损坏")
    refuse(city_db, offices.folder / "absent.gdiiot", "找不到")


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda a: a.__setitem__("pilot_year", "2020"), "应为整数"),
        (lambda a: a.pop("county"), "缺少字段 county"),
        (lambda a: a.__setitem__("credit_checked", 1), "true/false"),
        (lambda a: a["applicant"].__setitem__("founded", "去年"), "应为日期"),
        (lambda a: a.__setitem__("build_status", "差不多"), "不是允许的取值"),
        (lambda a: a.__setitem__("extra", 1), "未知字段"),
        (lambda a: a.__setitem__("total_investment", 10**400), "位数过多"),
        (lambda a: a["attachments"][0].__setitem__("size", -1), "之间"),
        (lambda a: a.__setitem__("uid", "../../x"), "uid"),
        (lambda a: a.__setitem__("project_name", "\ud800"), "无效的 Unicode"),
    ],
)
def test_json_with_wrong_types_or_missing_keys_is_refused(
    offices: Offices, city_db: Path, edit: object, fragment: str
) -> None:
    apps = json_member(offices.bundle, fmt.APPLICATIONS)
    assert isinstance(apps, list)
    edit(apps[0])  # type: ignore[operator]
    data = json.dumps(apps, ensure_ascii=True).encode()
    out = rebuild(offices.bundle, offices.folder / "types.gdiiot", {fmt.APPLICATIONS: data}, signer=offices.signer)
    refuse(city_db, out, "applications.json", fragment)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b'[{"a": 1, "a": 2}]', "重复"),
        (b"[NaN]", "非标准"),
        (b"\xff\xfe[]", "UTF-8"),
        (b"[1,", "不是有效的 JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "嵌套"),
        (b'{"x": []}', "应为列表"),
    ],
)
def test_broken_json_is_refused(offices: Offices, city_db: Path, data: bytes, fragment: str) -> None:
    out = rebuild(offices.bundle, offices.folder / "json.gdiiot", {fmt.APPLICATIONS: data}, signer=offices.signer)
    refuse(city_db, out, fragment)


def test_older_bundle_is_refused(offices: Offices) -> None:
    newer = offices.folder / "newer.gdiiot"
    exchange.export_county_bundle(offices.county, newer)
    exchange.import_bundle(offices.city, newer)
    offices.city.close()
    refuse(offices.city_path, offices.bundle, "第 1 号", "导入过第 2 号", "不比已导入的新")


def test_a_county_bundle_for_another_county_database_is_not_a_return(offices: Offices) -> None:
    def attempt(ws: Workspace) -> object:
        bundle = exchange.open_bundle(ws, offices.bundle, for_import=False)
        return exchange.import_return_bundle(ws, bundle)

    offices.county.close()
    error = refused_untouched(offices.county.db.path, attempt, recorded=False)
    assert "不是退回包" in str(error)

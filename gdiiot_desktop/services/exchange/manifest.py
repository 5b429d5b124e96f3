"""The bundle's manifest: what the bundle is, and every member with its size and SHA-256."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from typing import Any

from .errors import BundleFormatError
from .format import (
    CAMPAIGN_KINDS,
    FORMAT_NAME,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    MAX_SEQUENCE,
    PILOT_KIND,
    READABLE_VERSIONS,
    SIGNATURE,
    SIGNED_VERSIONS,
    UID_RE,
)
from .jsonio import Node

MANIFEST_KEYS = (
    "format", "version", "kind", "campaign_kind", "bundle_id", "campaign", "city", "county", "sequence",
    "exported_at", "exported_by", "program", "members",
)  # fmt: skip
# Version 2: as 3 without `campaign_kind` (every version-2 bundle is a pilot bundle).
MANIFEST_KEYS_V2 = tuple(k for k in MANIFEST_KEYS if k != "campaign_kind")
# Version 1 (unsigned, with the optional passphrase HMAC that version 2 dropped): read only to be shown.
MANIFEST_KEYS_V1 = (
    "format", "version", "kind", "bundle_id", "campaign", "city", "county",
    "exported_at", "exported_by", "program", "members", "hmac",
)  # fmt: skip
MEMBER_KEYS = ("name", "size", "sha256")


@dataclass(frozen=True)
class MemberEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    version: int
    kind: str
    campaign_kind: str  # the campaign kind of the databases it moves between (format.CAMPAIGN_KINDS)
    bundle_id: str
    campaign: str
    city: str
    county: str
    sequence: int | None  # the signed counter (None only in version 1)
    exported_at: datetime  # UTC, without a zone
    exported_by: str
    program: str
    members: dict[str, MemberEntry]
    raw: dict[str, Any]


def program_name() -> str:
    try:
        return f"gdiiot-desktop {metadata.version('gdiiot-desktop')}"
    except metadata.PackageNotFoundError:
        return "gdiiot-desktop"


def format_time(at: datetime) -> str:
    return at.replace(tzinfo=UTC).isoformat(timespec="microseconds")


def manifest_json(
    *,
    kind: str,
    campaign_kind: str,
    bundle_id: str,
    campaign: str,
    city: str,
    county: str,
    sequence: int,
    exported_at: datetime,
    exported_by: str,
    program: str,
    members: list[MemberEntry],
) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kind": kind,
        "campaign_kind": campaign_kind,
        "bundle_id": bundle_id,
        "campaign": campaign,
        "city": city,
        "county": county,
        "sequence": sequence,
        "exported_at": format_time(exported_at),
        "exported_by": exported_by,
        "program": program,
        "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in members],
    }


def _hex(node: Node, length: int) -> str:
    text = node.text(max_len=length)
    if len(text) != length or any(c not in "0123456789abcdef" for c in text):
        node.fail(f"应为 {length} 位小写十六进制")
    return text


def parse_manifest(value: Any) -> Manifest:
    """The manifest from its parsed JSON; the format and version are judged before anything else."""
    root = Node(value, MANIFEST).obj()
    if not root.has("format") or root.value["format"] != FORMAT_NAME:
        raise BundleFormatError("这不是 GDIIoT 数据包（manifest.json 中没有本程序的格式标识），已拒绝导入。")
    version = root["version"].value
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION
        hint = "它由更新版本的程序导出，请升级本程序后再导入" if newer else "无法识别"
        raise BundleFormatError(
            f"数据包格式版本为 {str(version)[:20]}，本程序能读取的最高版本为 {FORMAT_VERSION}（{hint}），已拒绝导入。"
        )
    root.obj({FORMAT_VERSION: MANIFEST_KEYS, 2: MANIFEST_KEYS_V2}.get(version, MANIFEST_KEYS_V1))
    kind = root["kind"].text(max_len=16)
    if kind not in KINDS:
        root["kind"].fail(f"的值“{kind}”不是已知的数据包种类")
    campaign_kind = root["campaign_kind"].text(max_len=32) if version == FORMAT_VERSION else PILOT_KIND
    if campaign_kind not in CAMPAIGN_KINDS:
        root["campaign_kind"].fail(f"的值“{campaign_kind}”不是本程序认识的活动种类，可能需要升级本程序")
    bundle_id = root["bundle_id"].text(max_len=32)
    if not UID_RE.fullmatch(bundle_id):
        root["bundle_id"].fail("应为 32 位小写十六进制")
    members: dict[str, MemberEntry] = {}
    for node in root["members"].items():
        node.obj(MEMBER_KEYS)
        name = node["name"].text(max_len=200)
        if name in members or name in (MANIFEST, SIGNATURE):
            node["name"].fail(f"“{name}”重复或不应列出")
        members[name] = MemberEntry(name, node["size"].integer(0, 2**62), _hex(node["sha256"], 64))
    sequence = root["sequence"].integer(1, MAX_SEQUENCE) if version in SIGNED_VERSIONS else None
    at = root["exported_at"].timestamp(zone=True)  # UTC, within 1900–2200 (no OverflowError)
    return Manifest(
        version=version,
        kind=kind,
        campaign_kind=campaign_kind,
        bundle_id=bundle_id,
        campaign=root["campaign"].text(max_len=64),
        city=root["city"].text(max_len=64),
        county=root["county"].text(max_len=64),
        sequence=sequence,
        exported_at=at,
        exported_by=root["exported_by"].text(max_len=200),
        program=root["program"].text(max_len=200),
        members=members,
        raw=value,
    )

"""Reading a bundle: every check that needs no database, in the order the format document gives.

The attachments' bytes are not read here (they are hashed as they are copied into the store,
see staging.py); everything else — names, sizes, manifest, signature, JSON, audit chain — is.
Whether this office accepts the signer is judged by a `gate` (trust.judge) right after the manifest
and its signature, before any other member is read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ...domain.divisions import normalize_name
from ...domain.model import Application
from ..fund.codec import FundRecord, decode_fund_application
from .chain import AuditRecord, chain_problems, export_entry_problems, parse_audit
from .codec import parse_application, parse_uid
from .errors import BundleFormatError, BundleMismatchError, BundleTamperedError
from .format import (
    APPLICATIONS_MEMBER,
    AUDIT,
    FILE_MEMBER_RE,
    FILES_PREFIX,
    FUND_KIND,
    JSON_MEMBERS,
    KIND_COUNTY,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_RETURN_REASON,
    RETURNS,
    SIGNATURE,
)
from .jsonio import Node, parse_json, read_list_member
from .manifest import Manifest, parse_manifest
from .office import kind_label
from .trust import SignatureCheck, Signer, Trust, check_signature
from .zipsafe import check_members, open_zip, read_member, shown

Gate = Callable[[Manifest, SignatureCheck], Trust]

RETURN_KEYS = ("uid", "project_name", "applicant_name", "reason", "returned_at")


@dataclass(frozen=True)
class ReturnItem:
    """One application the city returns, with its reason."""

    uid: str
    project_name: str
    applicant_name: str
    reason: str
    returned_at: datetime


@dataclass
class Bundle:
    """A bundle read and checked; file members are named by hash in `files` (sha256 → size)."""

    path: Path
    manifest: Manifest
    manifest_sha256: str
    signer: Signer | None = None  # the key that signed the manifest (verified), None when unsigned
    trust: Trust | None = None  # this office's verdict (None only when read without a gate)
    applications: list[Application] = field(default_factory=list)  # a pilot county bundle's
    fund_records: list[FundRecord] = field(default_factory=list)  # a special-fund county bundle's
    audit: list[AuditRecord] = field(default_factory=list)
    returns: list[ReturnItem] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.manifest.kind

    @property
    def campaign_kind(self) -> str:
        return self.manifest.campaign_kind

    @property
    def application_count(self) -> int:
        return len(self.fund_records) if self.campaign_kind == FUND_KIND else len(self.applications)

    @property
    def county(self) -> str:
        """The county as the city spells it (after normalisation), once judged; else as the manifest says."""
        return self.trust.county if self.trust is not None else self.manifest.county

    @property
    def sequence(self) -> int:
        return self.manifest.sequence or 0

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id

    @property
    def files_size(self) -> int:
        return sum(self.files.values())


def read_bundle(
    path: Path,
    *,
    campaign_id: str | None = None,
    city: str | None = None,
    gate: Gate | None = None,
    campaign_kind: str | None = None,
) -> Bundle:
    """Open and check a bundle; a Bundle*Error (an InputError) with a Chinese message when refused."""
    path = Path(path)
    with open_zip(path) as archive:
        infos = check_members(archive, path)
        if MANIFEST not in infos:
            raise BundleFormatError(
                f"{path.name} 中没有 {MANIFEST}：不是 GDIIoT 数据包，或文件已损坏，已拒绝导入。"
            )
        data, digest = read_member(archive, infos[MANIFEST], path)
        raw = parse_json(data, MANIFEST)
        manifest = parse_manifest(raw)
        _check_destination(manifest, campaign_id, city, campaign_kind)
        signed = read_member(archive, infos[SIGNATURE], path)[0] if SIGNATURE in infos else None
        check = check_signature(signed, data)
        trust = gate(manifest, check) if gate is not None else None
        _check_member_list(manifest, infos)
        bundle = Bundle(path=path, manifest=manifest, manifest_sha256=digest.sha256, trust=trust)
        bundle.signer = check.signer if check.valid else None
        wanted = JSON_MEMBERS[(manifest.campaign_kind, manifest.kind)]
        members = {name: _read_json(archive, infos[name], manifest, path) for name in wanted}
        bundle.files = {
            name[len(FILES_PREFIX) :]: entry.size
            for name, entry in manifest.members.items()
            if name.startswith(FILES_PREFIX)
        }
    if manifest.kind == KIND_COUNTY:
        _read_county(bundle, members)
    else:
        _read_returns(bundle, members[RETURNS])
    return bundle


def _check_destination(
    manifest: Manifest, campaign_id: str | None, city: str | None, campaign_kind: str | None
) -> None:
    if campaign_kind is not None and manifest.campaign_kind != campaign_kind:
        what = "县区数据包" if manifest.kind == KIND_COUNTY else "退回包"
        raise BundleMismatchError(
            f"这是{kind_label(manifest.campaign_kind)}的{what}（活动“{manifest.campaign}”），本数据库是"
            f"{kind_label(campaign_kind)}的数据库（活动“{campaign_id or ''}”），两者不能互相导入，已拒绝导入。"
            "请在对应活动的数据库中导入。"
        )
    if campaign_id is not None and manifest.campaign != campaign_id:
        raise BundleMismatchError(
            f"数据包属于活动“{manifest.campaign}”，本数据库是活动“{campaign_id}”，不能导入。"
        )
    if city is not None and manifest.city != city:
        raise BundleMismatchError(f"数据包来自{manifest.city}市，本数据库是{city}市，不能导入。")
    if not manifest.county.strip():
        raise BundleFormatError("数据包没有注明县区，已拒绝导入。")


def _check_member_list(manifest: Manifest, infos: dict[str, zipfile.ZipInfo]) -> None:
    listed = set(manifest.members)
    present = set(infos) - {MANIFEST, SIGNATURE}
    extra = sorted(present - listed)
    if extra:
        raise BundleTamperedError(
            f"数据包中有清单未列出的成员“{shown(extra[0])}”{'等' if len(extra) > 1 else ''}，数据包可能被改动，已拒绝导入。"
        )
    missing = sorted(listed - present)
    if missing:
        raise BundleTamperedError(
            f"清单列出的成员“{shown(missing[0])}”{'等' if len(missing) > 1 else ''}不在数据包中，数据包不完整或被改动，已拒绝导入。"
        )
    allowed = set(JSON_MEMBERS[(manifest.campaign_kind, manifest.kind)])
    for name, entry in manifest.members.items():
        if name in allowed:
            continue
        if manifest.kind != KIND_COUNTY or not FILE_MEMBER_RE.fullmatch(name):
            raise BundleFormatError(f"数据包中的成员“{shown(name)}”不属于本格式，已拒绝导入。")
        if name[len(FILES_PREFIX) :] != entry.sha256:
            raise BundleTamperedError(f"附件“{shown(name)}”的名称与清单中的哈希值不符，已拒绝导入。")
    for name in allowed:
        if name not in manifest.members:
            raise BundleFormatError(f"数据包中缺少 {name}，已拒绝导入。")
    for name, entry in manifest.members.items():
        if infos[name].file_size != entry.size:
            raise BundleTamperedError(
                f"成员“{shown(name)}”的大小（{infos[name].file_size} 字节）与清单（{entry.size} 字节）不符，"
                "数据包可能被改动或损坏，已拒绝导入。"
            )


def _read_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo, manifest: Manifest, path: Path) -> Node:
    return read_list_member(archive, info, manifest.members[info.orig_filename].sha256, path)


FileRef = tuple[str, int, str]  # sha256, size, file name


def _read_county(bundle: Bundle, members: dict[str, Node]) -> None:
    manifest = bundle.manifest
    member = APPLICATIONS_MEMBER[manifest.campaign_kind]
    if manifest.campaign_kind == FUND_KIND:
        records = [decode_fund_application(node, max_file_size=MAX_FILE_BYTES) for node in members[member].items()]
        _check_contents(
            bundle,
            [(r.uid, r.app.county, r.app.project_name, [(f.sha256, f.size, f.file_name) for f in r.files]) for r in records],
        )
        bundle.fund_records = [replace(r, app=replace(r.app, county=bundle.county)) for r in records]
    else:
        apps = [parse_application(node, MAX_FILE_BYTES) for node in members[member].items()]
        _check_contents(
            bundle,
            [(a.uid, a.county, a.project_name, [(f.sha256, f.size, f.file_name) for f in a.attachments]) for a in apps],
        )
        bundle.applications = [replace(app, county=bundle.county) for app in apps]
    audit = parse_audit(members[AUDIT])
    problems = chain_problems(audit) or export_entry_problems(audit, manifest.bundle_id, manifest.members[member].sha256)
    if problems:
        raise BundleTamperedError("数据包中的审计日志校验未通过，数据包可能被改动，已拒绝导入。", problems)
    bundle.audit = audit


def _check_contents(bundle: Bundle, items: list[tuple[str, str, str, list[FileRef]]]) -> None:
    """Every application once, of the bundle's county; its files in the bundle at their size; no file unused."""
    seen: set[str] = set()
    county = normalize_name(bundle.county)
    for uid, app_county, project_name, files in items:
        if uid in seen:
            raise BundleFormatError(f"数据包中的项目标识 {uid} 重复出现，已拒绝导入。")
        seen.add(uid)
        if normalize_name(app_county) != county:
            raise BundleMismatchError(
                f"数据包中的项目“{project_name[:100]}”属于“{normalize_name(app_county)[:40]}”，"
                f"与数据包的县区“{bundle.county}”不符，已拒绝导入。一个县区的数据包只能带本县区的项目。"
            )
        for sha256, size, file_name in files:
            held = bundle.files.get(sha256)
            if held is None:
                raise BundleFormatError(f"项目“{project_name}”的附件“{file_name}”不在数据包中，已拒绝导入。")
            if held != size:
                raise BundleFormatError(
                    f"项目“{project_name}”的附件“{file_name}”的大小与数据包中的文件不符，已拒绝导入。"
                )
    used = {sha256 for *_, files in items for sha256, _, _ in files}
    unused = sorted(set(bundle.files) - used)
    if unused:
        raise BundleFormatError(f"数据包中的文件 {unused[0][:12]}… 没有被任何项目引用，已拒绝导入。")


def _read_returns(bundle: Bundle, root: Node) -> None:
    seen: set[str] = set()
    for node in root.items():
        node.obj(RETURN_KEYS)
        at = node["returned_at"].timestamp(zone=None)
        uid = parse_uid(node["uid"])
        if uid in seen:
            node["uid"].fail("重复出现")
        seen.add(uid)
        reason = node["reason"].text(max_len=MAX_RETURN_REASON)
        if not reason.strip():
            node["reason"].fail("退回理由为空")
        bundle.returns.append(
            ReturnItem(
                uid=uid,
                project_name=node["project_name"].text(max_len=1000),
                applicant_name=node["applicant_name"].text(max_len=1000),
                reason=reason,
                returned_at=at,
            )
        )
    if not bundle.returns:
        raise BundleFormatError("退回包中没有任何退回的项目，已拒绝导入。")

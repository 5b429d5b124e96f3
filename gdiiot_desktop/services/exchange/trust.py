"""Who sent a bundle, and whether this office accepts it: the signature, the pinned key, the county.

One trust model (docs/bundle-format.md): every bundle is signed with its office's Ed25519 key over
the exact bytes of manifest.json (which lists every member's SHA-256). The receiver pins the key of
each county (at the city) or of the city (at a county) the first time, after a person has confirmed
the fingerprint by phone; from then on only that key is accepted until an audited key change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ...domain.divisions import normalize_name
from ...storage.exchange_repository import ExchangeRepository
from ...storage.models_exchange import PeerKey
from ...storage.repository import now_utc
from ..errors import InputError
from .counties import canonical_county, counties_of_city
from .errors import BundleFormatError, BundleKeyError, BundleMismatchError, BundleTrustNeededError
from .format import KIND_COUNTY, MAX_FUTURE, SIGNATURE, SIGNED_VERSIONS
from .jsonio import Node, parse_json
from .keys import (
    KEY_BYTES,
    PEER_CITY,
    PEER_COUNTY,
    SIGNATURE_BYTES,
    OfficeSigner,
    fingerprint_digits,
    parse_fingerprint,
    peer_label,
    shown,
    verify,
)
from .manifest import Manifest
from .office import Office

TrustState = Literal["pinned", "first_use", "key_change", "unconfirmed", "unsigned"]


@dataclass(frozen=True)
class Signer:
    """The key a bundle's signature names."""

    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_digits(self.public_key)


@dataclass(frozen=True)
class SignatureCheck:
    """What the signature member says: the key it names (None: no signature) and whether it verifies."""

    signer: Signer | None
    valid: bool


@dataclass(frozen=True)
class Trust:
    """The receiver's verdict on a readable bundle. `state`:
    pinned — signed by the key pinned for the peer; first_use — no pin yet, the fingerprint confirmed
    now (pinned when the import commits); key_change — matches the fingerprint confirmed in an audited
    key change; unconfirmed / unsigned — only for a look (bundle diff), never imported."""

    peer_kind: str
    peer: str  # the canonical county name, or the city's name
    county: str  # the bundle's county as the city spells it (from, or for, that county)
    state: TrustState
    fingerprint: str | None  # the bundle's signer, digits
    pinned: str | None  # the fingerprint pinned here before this bundle, digits

    @property
    def label(self) -> str:
        return peer_label(self.peer_kind, self.peer)

    @property
    def importable(self) -> bool:
        return self.state in ("pinned", "first_use", "key_change")


SIGNATURE_KEYS = ("algorithm", "public_key", "signature")
ALGORITHM = "Ed25519"


def signature_json(signer: OfficeSigner, manifest_bytes: bytes) -> dict[str, str]:
    """The signature member: this office's key and its signature over the exact manifest bytes."""
    return {
        "algorithm": ALGORITHM,
        "public_key": signer.public_key.hex(),
        "signature": signer.sign(manifest_bytes).hex(),
    }


def check_signature(data: bytes | None, manifest_bytes: bytes) -> SignatureCheck:
    """What the signature member (None: absent) says about the manifest's bytes."""
    if data is None:
        return SignatureCheck(None, False)
    root = Node(parse_json(data, SIGNATURE), SIGNATURE).obj(SIGNATURE_KEYS)
    if root["algorithm"].text(max_len=20) != ALGORITHM:
        root["algorithm"].fail("不是本程序使用的签名算法 Ed25519")
    public_key = _hex_bytes(root["public_key"], KEY_BYTES)
    value = _hex_bytes(root["signature"], SIGNATURE_BYTES)
    return SignatureCheck(Signer(public_key), verify(public_key, value, manifest_bytes))


def _hex_bytes(node: Node, size: int) -> bytes:
    text = node.text(max_len=size * 2)
    if len(text) != size * 2 or any(c not in "0123456789abcdef" for c in text):
        node.fail(f"应为 {size * 2} 位小写十六进制")
    return bytes.fromhex(text)


def resolve_peer(ws: Office, name: str) -> tuple[str, str]:
    """(peer kind, peer) for a name typed by a person: this city (at a county office), or one of its counties."""
    if normalize_name(name).removesuffix("市局").removesuffix("市") == normalize_name(ws.city).removesuffix("市"):
        return PEER_CITY, ws.city
    try:
        return PEER_COUNTY, canonical_county(ws, name, what="")
    except BundleMismatchError as exc:
        raise InputError(f"“{normalize_name(name)[:40]}”既不是本市，也不是{ws.city}市的县区。") from exc


def _fp(digits: str | None) -> str:
    return shown(digits) if digits else "（无）"


def judge(ws: Office, manifest: Manifest, check: SignatureCheck, trust: str | None, *, preview: bool) -> Trust:
    """The verdict on a bundle after its manifest was read; raises when it must not be used here.

    `preview` (bundle diff) lets a look at an unconfirmed or old unsigned bundle through, marked as such.
    """
    counties = counties_of_city(ws)
    county = canonical_county(ws, manifest.county, counties)
    if manifest.kind == KIND_COUNTY:
        peer_kind, peer = PEER_COUNTY, county
    else:
        peer_kind, peer = PEER_CITY, ws.city
    label = peer_label(peer_kind, peer)
    with ws.db.session() as session:
        pin = ExchangeRepository(session).pin(peer_kind, peer)
        pinned = pin.fingerprint if pin is not None else None
        pinned_key = bytes(pin.public_key) if pin is not None and pin.public_key is not None else None
    if manifest.version not in SIGNED_VERSIONS:
        if preview:
            return Trust(peer_kind, peer, county, "unsigned", None, pinned)
        raise BundleFormatError(
            f"这是旧版程序导出的数据包（格式版本 {manifest.version}，没有签名），本程序只接受签名的版本（{'、'.join(map(str, SIGNED_VERSIONS))}），"
            f"已拒绝导入。请{label}安装新版程序后重新导出数据包。（仍可用 gdiiot bundle diff 查看其内容。）"
        )
    signer = check.signer
    if signer is None:
        raise BundleKeyError(
            f"{label}的数据包没有签名（可能被人去掉了），已拒绝导入。"
            f"本数据库确认的{label}密钥指纹：{_fp(pinned)}；数据包的签名密钥指纹：（无）。"
        )
    if not check.valid:
        raise BundleKeyError(
            f"{label}的数据包签名不符（清单在签名后被改动，或签名是伪造的），已拒绝导入。"
            f"本数据库确认的{label}密钥指纹：{_fp(pinned)}；数据包声称的签名密钥指纹：{shown(signer.fingerprint)}。"
        )
    fp = signer.fingerprint
    _check_clock(manifest, label)
    confirmed = parse_fingerprint(trust) if trust else None
    if pin is not None:
        matches = signer.public_key == pinned_key if pinned_key is not None else fp == pinned
        if not matches:
            raise BundleKeyError(
                f"{label}的数据包由另一把密钥签名，已拒绝导入。本数据库确认的{label}密钥指纹：{_fp(pinned)}；"
                f"本数据包的签名密钥指纹：{shown(fp)}。若{label}确实重装了电脑或程序，请先电话核对新指纹，"
                f"再由本单位明确更换：gdiiot keys replace {peer} --trust 新指纹 --reason 理由（图形界面：数据包窗口的“更换密钥”）。",
            )
        if confirmed is not None and confirmed != fp:
            raise BundleKeyError(
                f"您填写的指纹 {shown(confirmed)} 与{label}已确认的密钥指纹 {shown(fp)} 不符，已拒绝导入。"
            )
        return Trust(peer_kind, peer, county, "pinned" if pinned_key is not None else "key_change", fp, pinned)
    if confirmed is None:
        if preview:
            return Trust(peer_kind, peer, county, "unconfirmed", fp, None)
        raise BundleTrustNeededError(label, fp)
    if confirmed != fp:
        raise BundleKeyError(
            f"您确认的指纹 {shown(confirmed)} 与{label}数据包的签名密钥指纹 {shown(fp)} 不符，已拒绝导入。"
            f"请再与{label}电话核对（对方运行 gdiiot keys fingerprint）。"
        )
    return Trust(peer_kind, peer, county, "first_use", fp, None)


def _check_clock(manifest: Manifest, label: str) -> None:
    now = now_utc()
    if manifest.exported_at > now + MAX_FUTURE:
        raise BundleMismatchError(
            f"{label}数据包的导出时间是 {manifest.exported_at:%Y-%m-%d %H:%M}（UTC），比本机时间 {now:%Y-%m-%d %H:%M} "
            f"晚了一天以上：{label}电脑的时钟看来不对，已拒绝导入。请{label}把电脑的日期和时间改正确后重新导出；"
            "重新导出的数据包可以正常导入。"
        )


def pin_after_import(ws: Office, repo: ExchangeRepository, trust: Trust, signer: Signer) -> None:
    """Inside the import's transaction: the first key becomes the pin; a changed key gets its bytes."""
    if trust.state == "first_use":
        repo.add_pin(trust.peer_kind, trust.peer, signer.fingerprint, signer.public_key, ws.operator, "首次导入时电话核对")
        ws.audit(
            repo.session,
            "key_pinned",
            "peer_key",
            trust.label,
            {"peer_kind": trust.peer_kind, "peer": trust.peer, "fingerprint": shown(signer.fingerprint)},
        )
    elif trust.state == "key_change":
        pin: PeerKey | None = repo.pin(trust.peer_kind, trust.peer)
        if pin is not None and pin.public_key is None:
            pin.public_key = signer.public_key


__all__ = ["Signer", "SignatureCheck", "Trust", "judge", "pin_after_import", "resolve_peer"]

"""Office keys: each database signs what it sends with its own Ed25519 key; other offices' keys are
pinned on first use after a person confirms the fingerprint by phone (as SSH known_hosts, minisign).

The fingerprint is read aloud: the SHA-256 of the raw 32-byte public key, its first 30 bytes taken
five at a time, each as a number modulo 100,000 — six groups of five digits (about 100 bits).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ...storage.exchange_repository import ExchangeRepository
from ..errors import InputError, NotFoundError
from .office import Office

GROUPS = 6
GROUP_DIGITS = 5
FINGERPRINT_DIGITS = GROUPS * GROUP_DIGITS
KEY_BYTES = 32
SIGNATURE_BYTES = 64
PEER_COUNTY, PEER_CITY = "county", "city"


def fingerprint_digits(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).digest()
    return "".join(
        f"{int.from_bytes(digest[i * 5 : i * 5 + 5], 'big') % 100_000:05d}" for i in range(GROUPS)
    )


def shown(digits: str) -> str:
    """"12345 67890 …": the fingerprint as a person reads it."""
    return " ".join(digits[i : i + GROUP_DIGITS] for i in range(0, len(digits), GROUP_DIGITS))


def parse_fingerprint(text: str) -> str:
    """The digits of a fingerprint typed by a person (spaces, dashes and full-width digits allowed)."""
    import unicodedata

    digits = re.sub(r"[\s\-_.:，,]", "", unicodedata.normalize("NFKC", text))
    if not re.fullmatch(rf"[0-9]{{{FINGERPRINT_DIGITS}}}", digits):
        raise InputError(
            f"指纹“{text[:80]}”格式不对：应为 {FINGERPRINT_DIGITS} 位数字（{GROUPS} 组，每组 {GROUP_DIGITS} 位），"
            "请按对方 gdiiot keys fingerprint 显示的内容填写。"
        )
    return digits


def verify(public_key: bytes, signature: bytes, body: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, body)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class OfficeSigner:
    """This office's private key, ready to sign (never leaves the process except inside the database)."""

    private_key: bytes
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_digits(self.public_key)

    def sign(self, body: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.private_key).sign(body)


def office_signer(ws: Office, repo: ExchangeRepository) -> OfficeSigner:
    """This database's key, made (and audited) the first time it is needed, inside the caller's session."""
    record = repo.office_key()
    if record is None:
        key = Ed25519PrivateKey.generate()
        private = key.private_bytes_raw()
        public = key.public_key().public_bytes_raw()
        record = repo.add_office_key(private, public)
        ws.audit(repo.session, "key_created", "office_key", record.id, {"fingerprint": shown(fingerprint_digits(public))})
    return OfficeSigner(bytes(record.private_key), bytes(record.public_key))


def office_fingerprint(ws: Office) -> str:
    """This office's fingerprint (digits); the key is made when the database has none yet."""
    with ws.db.session() as session:
        repo = ExchangeRepository(session)
        record = repo.office_key()
        if record is not None:
            return fingerprint_digits(bytes(record.public_key))
        if ws.read_only:
            raise InputError("本数据库还没有签名密钥，而当前是只读打开，无法生成。请在可写打开时再查看指纹。")
        return office_signer(ws, repo).fingerprint


def existing_fingerprint(ws: Office) -> str | None:
    """This office's fingerprint when it has a key already (reads only; the key is made on first export)."""
    with ws.db.session() as session:
        record = ExchangeRepository(session).office_key()
        return fingerprint_digits(bytes(record.public_key)) if record is not None else None


@dataclass(frozen=True)
class PinInfo:
    """A key pinned here for another office."""

    peer_kind: str
    peer: str
    fingerprint: str
    seen: bool  # False: confirmed by phone after a key change, no bundle signed by it yet
    pinned_at: datetime
    actor: str
    reason: str
    retired_at: datetime | None


def list_pins(ws: Office, *, include_retired: bool = False) -> list[PinInfo]:
    with ws.db.session() as session:
        return [
            PinInfo(p.peer_kind, p.peer, p.fingerprint, p.public_key is not None, p.pinned_at, p.actor, p.reason,
                    p.retired_at)
            for p in ExchangeRepository(session).pins(include_retired)
        ]  # fmt: skip


def peer_label(peer_kind: str, peer: str) -> str:
    return f"{peer}市局" if peer_kind == PEER_CITY else peer


def replace_pin(ws: Office, peer_kind: str, peer: str, fingerprint: str, reason: str) -> PinInfo:
    """The city (or a county) changes the key it accepts from `peer`: audited, with the reason.

    The old pin is retired; the new one holds the confirmed fingerprint until a bundle signed by that
    key arrives. Bundles are then ordered afresh: the new key's counter starts where its office's does.
    """
    from ...storage.repository import now_utc

    digits = parse_fingerprint(fingerprint)
    reason = " ".join(reason.split())
    if not reason:
        raise InputError("更换密钥须填写理由（如：县区电脑重装，已电话核对新指纹）。")
    label = peer_label(peer_kind, peer)
    with ws.db.session() as session:
        repo = ExchangeRepository(session)
        old = repo.pin(peer_kind, peer)
        if old is None:
            raise NotFoundError(
                f"本数据库还没有确认过{label}的密钥：首次导入时用 --trust 指纹确认即可，不需要更换。"
            )
        if old.fingerprint == digits:
            raise InputError(f"{label}的密钥指纹已经是 {shown(digits)}，无需更换。")
        old.retired_at = now_utc()
        new = repo.add_pin(peer_kind, peer, digits, None, ws.operator, reason)
        ws.audit(
            session,
            "key_replaced",
            "peer_key",
            label,
            {"peer_kind": peer_kind, "peer": peer, "old": shown(old.fingerprint), "new": shown(digits), "reason": reason},
        )
        return PinInfo(peer_kind, peer, digits, False, new.pinned_at, new.actor, reason, None)

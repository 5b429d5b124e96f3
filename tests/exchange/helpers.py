"""Building county and city databases, valid bundles, crafted ones, and fingerprints of what is on disk."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gdiiot_desktop.demo import generate_applications
from gdiiot_desktop.domain.enums import AttachmentClass
from gdiiot_desktop.domain.model import Application, Attachment
from gdiiot_desktop.services.exchange.keys import PEER_CITY, PEER_COUNTY, OfficeSigner, office_signer, shown
from gdiiot_desktop.services.exchange.trust import signature_json
from gdiiot_desktop.services.workspace import Workspace, create_workspace, open_workspace
from gdiiot_desktop.storage.database import store_root_for
from gdiiot_desktop.storage.exchange_repository import ExchangeRepository
from gdiiot_desktop.storage.repository import ApplicationRepository

CITY = "佛山"
COUNTY = "南海区"
OTHER_COUNTY = "顺德区"


def seed(ws: Workspace, apps: list[Application]) -> list[int]:
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        ids = []
        for app in apps:
            app_id, _ = repo.save(app)
            for attachment in app.attachments:
                repo.add_attachment(app_id, attachment)
            ws.audit(session, "create", "application", app_id, {"project": app.project_name})
            ids.append(app_id)
    return ids


def county_apps(ws: Workspace, county: str, count: int, seed_no: int = 7, files: bool = True) -> list[Application]:
    """Clean applications of one county, each with a small real form and video in the store."""
    apps = generate_applications(ws.campaign, ws.city, count, seed=seed_no, counties=[county])
    out = []
    for i, app in enumerate(apps):
        attachments: list[Attachment] = []
        if files:
            for cls, name, body in (
                (AttachmentClass.APPLICATION_FORM, "申报书.pdf", f"%PDF-1.4 form {county} {seed_no} {i}"),
                (AttachmentClass.VIDEO, "项目视频.mp4", f"video {county} {seed_no} {i}" * 50),
            ):
                stored = ws.db.store.put_bytes(body.encode())
                attachments.append(
                    Attachment(cls, name, stored.sha256, stored.size, duration_seconds=400.0 if cls is AttachmentClass.VIDEO else None)
                )
        out.append(replace(app, attachments=attachments))
    return out


# Every county key the tests made, by public key: `rebuild` signs again with the key that signed the
# source, as the county's own program would (a test of what lies behind the signature).
KNOWN_SIGNERS: dict[bytes, OfficeSigner] = {}


def make_county(folder: Path, county: str = COUNTY, count: int = 4, seed_no: int = 7) -> Workspace:
    ws = create_workspace(folder / f"{county}.sqlite3", CITY, operator=f"{county}经办人")
    seed(ws, county_apps(ws, county, count, seed_no))
    signer = signer_of(ws)
    KNOWN_SIGNERS[signer.public_key] = signer
    return ws


def make_city(folder: Path) -> Workspace:
    return create_workspace(folder / f"{CITY}.sqlite3", CITY, operator="市局经办人")


def office_fingerprint(ws: Workspace) -> str:
    """The office's fingerprint as a person reads it (the key is made when missing)."""
    with ws.db.session() as session:
        return shown(office_signer(ws, ExchangeRepository(session)).fingerprint)


def pin(receiver: Workspace, sender: Workspace, peer: str, peer_kind: str = PEER_COUNTY) -> None:
    """Pin `sender`'s key at `receiver`, as a first import confirmed by phone would."""
    with sender.db.session() as session:
        signer = office_signer(sender, ExchangeRepository(session))
    with receiver.db.session() as session:
        ExchangeRepository(session).add_pin(
            peer_kind, peer, signer.fingerprint, signer.public_key, receiver.operator, "测试：已电话核对"
        )


def pin_both(county: Workspace, city: Workspace, county_name: str = COUNTY) -> None:
    """The city trusts the county's key and the county the city's: the state after the first exchange."""
    pin(city, county, county_name)
    pin(county, city, CITY, PEER_CITY)


def fingerprint(db_path: Path) -> str:
    """SHA-256 over the closed database file and the store folder's listing and contents."""
    digest = hashlib.sha256(db_path.read_bytes())
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        digest.update(f"{suffix}:{side.exists()}".encode())
    root = store_root_for(db_path)
    if root.exists():
        for path in sorted(root.rglob("*")):
            digest.update(str(path.relative_to(root)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    else:
        digest.update(b"<no store>")
    return digest.hexdigest()


def store_fingerprint(db_path: Path) -> str:
    """SHA-256 over the store folder's listing and contents."""
    digest = hashlib.sha256()
    root = store_root_for(db_path)
    if root.exists():
        for path in sorted(root.rglob("*")):
            digest.update(str(path.relative_to(root)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    else:
        digest.update(b"<no store>")
    return digest.hexdigest()


def table_rows(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the (closed) database, in rowid order, read with plain sqlite3."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: list(conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid')) for n in names}
    finally:
        conn.close()


def refused_untouched(
    db_path: Path, attempt: Callable[[Workspace], object], bundle: Path | None = None, *, recorded: bool = True
) -> Exception:
    """Run `attempt` on a freshly opened workspace; it must raise. After it, the store is byte-identical and
    every table row-for-row as before, except the audit log, which gained exactly one entry recording the
    refusal (file name, SHA-256, size, reason) when `recorded` — and nothing at all otherwise."""
    before_store = store_fingerprint(db_path)
    before = table_rows(db_path)
    ws = open_workspace(db_path)
    try:
        attempt(ws)
    except Exception as exc:  # noqa: BLE001 - returned to the test to look at
        error = exc
    else:
        raise AssertionError("expected the bundle to be refused")
    finally:
        ws.close()
    assert store_fingerprint(db_path) == before_store, "store changed by a refused import"
    after = table_rows(db_path)
    log_before, log_after = before.pop("audit_log"), after.pop("audit_log")
    assert after == before, "database changed by a refused import"
    assert log_after[: len(log_before)] == log_before, "audit log rewritten"
    added = log_after[len(log_before) :]
    if not recorded:
        assert added == [], "audit entries written"
        return error
    assert len(added) == 1, f"expected one refusal entry, got {added}"
    entry = added[0]
    assert entry[3] == "bundle_refused", entry
    details = json.loads(entry[6])
    assert details["reason"] in str(error)
    if bundle is not None:
        assert details["file"] == bundle.name
        if bundle.exists():
            data = bundle.read_bytes()
            assert details["sha256"] == hashlib.sha256(data).hexdigest() and details["size"] == len(data)
    return error


# --- crafting zips ------------------------------------------------------------------------------------


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def write_zip(path: Path, items: list[tuple[str | zipfile.ZipInfo, bytes]], compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compress) as z:
        for name, data in items:
            z.writestr(name, data)
    return path


def signer_of(ws: Workspace) -> OfficeSigner:
    with ws.db.session() as session:
        return office_signer(ws, ExchangeRepository(session))


def rebuild(
    src: Path,
    dst: Path,
    change: dict[str, bytes | None] | None = None,
    manifest_edit: Callable[[dict], None] | None = None,
    signer: OfficeSigner | None = None,
    *,
    forge: bool = False,
) -> Path:
    """A copy of a bundle with members replaced (None removes one) and the manifest's hashes recomputed,
    as someone who edits a bundle by hand would do. The new manifest is signed by `signer`, else by the
    key that signed the source (the county's own program gone wrong: what lies behind the signature is
    tested). With `forge` the old signature stays, and no longer matches: what a forger without the key
    can do."""
    items = members(src)
    old_signature = items.pop("signature.json", None)
    if signer is None and not forge and old_signature is not None:
        signer = KNOWN_SIGNERS.get(bytes.fromhex(json.loads(old_signature)["public_key"]))
    for name, data in (change or {}).items():
        if data is None:
            items.pop(name, None)
        else:
            items[name] = data
    manifest = json.loads(items.pop("manifest.json"))
    manifest["members"] = [
        {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in sorted(items.items())
    ]
    if manifest_edit is not None:
        manifest_edit(manifest)
    items["manifest.json"] = data = json.dumps(manifest, ensure_ascii=False).encode()
    if signer is not None:
        items["signature.json"] = json.dumps(signature_json(signer, data)).encode()
    elif old_signature is not None:
        items["signature.json"] = old_signature
    return write_zip(dst, list(items.items()))


def forger() -> OfficeSigner:
    """A key nobody pinned: what someone who made a bundle in a county's name would sign with."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    return OfficeSigner(key.private_bytes_raw(), key.public_key().public_bytes_raw())


def json_member(path: Path, name: str) -> object:
    return json.loads(members(path)[name])


def to_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def zip_bytes(items: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in items:
            z.writestr(name, data)
    return buffer.getvalue()


def forge_apps(src: Path, dst: Path, apps: object, signer: OfficeSigner | None) -> Path:
    """applications.json replaced and the audit log's export entry re-hashed to name it, manifest hashes
    recomputed, signed by `signer` (None: the old signature kept): every hash fits, only the key can tell."""
    from datetime import datetime

    from gdiiot_desktop.storage.audit import entry_hash

    items = members(src)
    data = json.dumps(apps, ensure_ascii=False).encode()
    audit = json.loads(items["audit.json"])
    last = audit[-1]
    details = json.loads(last["details"])
    details["applications_sha256"] = hashlib.sha256(data).hexdigest()
    last["details"] = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    last["hash"] = entry_hash(
        last["prev_hash"], entry_id=last["id"], at=datetime.fromisoformat(last["at"]), actor=last["actor"],
        action=last["action"], entity=last["entity"], entity_id=last["entity_id"], details=last["details"],
    )  # fmt: skip
    change = {"applications.json": data, "audit.json": json.dumps(audit, ensure_ascii=False).encode()}
    return rebuild(src, dst, change, signer=signer, forge=signer is None)


def snapshot(db_path: Path) -> tuple[dict[str, list[tuple[object, ...]]], str]:
    return table_rows(db_path), store_fingerprint(db_path)


def assert_only_refusal(db_path: Path, before: tuple[dict[str, list[tuple[object, ...]]], str], file_name: str) -> dict:
    """Nothing changed but one audit entry recording the refusal of `file_name`; returns its details."""
    rows, store = before
    assert store_fingerprint(db_path) == store, "store changed by a refusal"
    after = table_rows(db_path)
    log, log_before = after.pop("audit_log"), dict(rows).pop("audit_log")
    assert {k: v for k, v in after.items()} == {k: v for k, v in rows.items() if k != "audit_log"}
    assert log[: len(log_before)] == log_before
    added = log[len(log_before) :]
    assert len(added) == 1 and added[0][3] == "bundle_refused", added
    details = json.loads(added[0][6])
    assert details["file"] == file_name
    return details

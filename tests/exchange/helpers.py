"""Building county and city databases, valid bundles, crafted ones, and fingerprints of what is on disk."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gdiiot_desktop.demo import generate_applications
from gdiiot_desktop.domain.enums import AttachmentClass
from gdiiot_desktop.domain.model import Application, Attachment
from gdiiot_desktop.services.workspace import Workspace, create_workspace, open_workspace
from gdiiot_desktop.storage.database import store_root_for
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


def make_county(folder: Path, county: str = COUNTY, count: int = 4, seed_no: int = 7) -> Workspace:
    ws = create_workspace(folder / f"{county}.sqlite3", CITY, operator=f"{county}经办人")
    seed(ws, county_apps(ws, county, count, seed_no))
    return ws


def make_city(folder: Path) -> Workspace:
    return create_workspace(folder / f"{CITY}.sqlite3", CITY, operator="市局经办人")


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


def refused_untouched(db_path: Path, attempt: Callable[[Workspace], object]) -> Exception:
    """Run `attempt` on a freshly opened workspace; it must raise; the files must be byte-identical after."""
    before = fingerprint(db_path)
    ws = open_workspace(db_path)
    try:
        attempt(ws)
    except Exception as exc:  # noqa: BLE001 - returned to the test to look at
        error = exc
    else:
        raise AssertionError("expected the bundle to be refused")
    finally:
        ws.close()
    assert fingerprint(db_path) == before, "database or store changed by a refused import"
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


def rebuild(src: Path, dst: Path, change: dict[str, bytes | None] | None = None, manifest_edit: Callable[[dict], None] | None = None) -> Path:
    """A copy of a bundle with members replaced (None removes one) and the manifest's hashes recomputed,
    as someone who edits a bundle by hand would do."""
    items = members(src)
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
    items["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    return write_zip(dst, list(items.items()))


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

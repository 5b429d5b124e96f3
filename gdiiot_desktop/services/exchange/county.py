"""The county's side: exporting its bundle for the city (applications, files, audit log, manifest)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from ...domain.enums import Status
from ...domain.model import Application
from ...storage.models import ApplicationRecord
from ...storage.models_exchange import ExchangeBundle
from ...storage.repository import ApplicationRepository, now_utc
from ..files import atomic_output
from ..workspace import Workspace
from .chain import EXPORT_ACTION, audit_json
from .codec import application_json
from .errors import ExchangeUsageError
from .format import APPLICATIONS, AUDIT, KIND_COUNTY
from .manifest import manifest_json, program_name
from .progress import ByteCounter, ProgressFn
from .records import ExchangeRecords, summary_json
from .writer import BundleWriter, json_bytes


@dataclass(frozen=True)
class ExportReport:
    path: Path
    bundle_id: str
    county: str
    applications: int
    files: int
    size: int
    resubmitted: int  # returned applications sent again after a fix
    signed: bool

    def summary(self) -> str:
        extra = f"，其中 {self.resubmitted} 项是退回后修改重报的" if self.resubmitted else ""
        sign = "，带口令校验" if self.signed else ""
        return (
            f"已导出{self.county}数据包：{self.applications} 个项目{extra}，{self.files} 个附件，"
            f"共 {self.size / 1024**2:.1f} MB{sign}：{self.path}"
        )


def choose_county(apps: list[Application], county: str | None) -> str:
    """The county to export: the one named, else the only county the database holds."""
    names = sorted({a.county for a in apps})
    if county:
        if county not in names:
            shown = "、".join(names) or "（无）"
            raise ExchangeUsageError(f"数据库中没有“{county}”的申报项目。已有的县区：{shown}")
        return county
    if not names:
        raise ExchangeUsageError("数据库中还没有申报项目，无法导出数据包。")
    if len(names) > 1:
        raise ExchangeUsageError(f"数据库中有多个县区的项目（{'、'.join(names)}），请指定要导出的县区（--county）。")
    return names[0]


def export_county_bundle(
    ws: Workspace,
    out: Path,
    *,
    county: str | None = None,
    passphrase: str | None = None,
    progress: ProgressFn | None = None,
) -> ExportReport:
    """Write the county bundle to `out` (atomically). The export is recorded in the audit log, and
    that entry — naming the applications' hash — is the last entry of the log inside the bundle."""
    with ws.db.session() as session:
        apps = ApplicationRepository(session).load_all()
    county = choose_county(apps, county)
    selected = [a for a in apps if a.county == county]
    shas = sorted({a.sha256 for app in selected for a in app.attachments})
    for sha in shas:
        if not ws.db.store.has(sha):
            raise ExchangeUsageError(f"附件 {sha[:12]}… 不在本机附件库中，无法导出。请重新添加该附件。")
    total = sum(ws.db.store.path_of(sha).stat().st_size for sha in shas)
    bundle_id = uuid.uuid4().hex
    stamp = now_utc()
    with atomic_output(out) as tmp, BundleWriter(tmp, stamp) as writer:
        counter = ByteCounter(progress, total, "正在复制附件…")
        for sha in shas:  # the long part, before the database is locked for writing
            writer.add_stored_file(ws.db.store, sha, counter)
        apps_data = json_bytes([application_json(a) for a in selected])
        apps_sha = hashlib.sha256(apps_data).hexdigest()
        with ws.db.session() as session:
            resubmitted = _resubmitted(ws, session, selected, bundle_id)
            ws.audit(
                session,
                EXPORT_ACTION,
                "bundle",
                bundle_id,
                {
                    "kind": KIND_COUNTY,
                    "county": county,
                    "applications": len(selected),
                    "files": len(shas),
                    "applications_sha256": apps_sha,
                    "campaign": ws.campaign.id,
                    "city": ws.city,
                    "resubmitted": resubmitted,
                },
            )
            session.flush()
            writer.add_bytes(APPLICATIONS, apps_data)
            writer.add_json(AUDIT, audit_json(session))
            manifest = manifest_json(
                kind=KIND_COUNTY,
                bundle_id=bundle_id,
                campaign=ws.campaign.id,
                city=ws.city,
                county=county,
                exported_at=stamp,
                exported_by=ws.operator,
                program=program_name(),
                members=writer.members,
            )
            manifest_bytes = writer.finish(manifest, passphrase)
            ExchangeRecords(session).add_bundle(
                ExchangeBundle(
                    bundle_id=bundle_id,
                    direction="out",
                    kind=KIND_COUNTY,
                    county=county,
                    campaign_id=ws.campaign.id,
                    city=ws.city,
                    exported_at=stamp,
                    processed_at=now_utc(),
                    actor=ws.operator,
                    manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
                    summary=summary_json({"applications": len(selected), "files": len(shas)}),
                )
            )
    return ExportReport(
        out, bundle_id, county, len(selected), len(shas), out.stat().st_size, len(resubmitted), bool(passphrase)
    )


def _resubmitted(ws: Workspace, session: Session, apps: list[Application], bundle_id: str) -> list[str]:
    """Returns received from the city whose application was edited since: sent again now, so closed."""
    records = ExchangeRecords(session)
    by_uid = {a.uid: a for a in apps}
    done: list[str] = []
    for ret in records.open_returns("county", set(by_uid)):
        row = session.get(ApplicationRecord, by_uid[ret.uid].id)
        if row is None or row.updated_at <= ret.returned_at:
            continue  # not edited since it came back
        ret.resolved_at, ret.resolved_by = now_utc(), bundle_id
        app = by_uid[ret.uid]
        if app.status is Status.RETURNED:
            repo = ApplicationRepository(session)
            repo.save(replace(app, status=Status.REGISTERED), diff=False)
        ws.audit(session, "resubmit", "application", app.id, {"uid": ret.uid, "reason": ret.reason, "bundle": bundle_id})
        done.append(ret.uid)
    return done

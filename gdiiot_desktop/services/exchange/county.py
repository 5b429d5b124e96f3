"""The county's side: exporting its bundle for the city (applications, files, audit log, manifest)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...domain import fields as registry
from ...domain.divisions import match_county, normalize_name
from ...domain.model import Application
from ...storage.exchange_repository import ExchangeRepository
from ...storage.repository import ApplicationRepository, now_utc
from ..application_codec import MAX_ATTACHMENTS
from ..workspace import Workspace
from .chain import EXPORT_ACTION, audit_json
from .codec import application_json
from .counties import counties_of_city
from .errors import ExchangeUsageError
from .format import APPLICATIONS, AUDIT, KIND_COUNTY, MAX_APPLICATIONS, MAX_SEQUENCE
from .journal import journal_export
from .keys import office_signer, shown
from .manifest import manifest_json, program_name
from .office import Office
from .progress import ByteCounter, ProgressFn
from .returns import resubmitted
from .writer import BundleWriter, bundle_output, json_bytes


@dataclass(frozen=True)
class ExportReport:
    path: Path
    bundle_id: str
    county: str
    applications: int
    files: int
    size: int
    resubmitted: int  # returned applications sent again after a fix
    sequence: int
    fingerprint: str  # the signing key's, digits

    def summary(self) -> str:
        extra = f"，其中 {self.resubmitted} 项是退回后修改重报的" if self.resubmitted else ""
        return (
            f"已导出{self.county}数据包（第 {self.sequence} 号）：{self.applications} 个项目{extra}，{self.files} 个附件，"
            f"共 {self.size / 1024**2:.1f} MB：{self.path}\n本单位签名密钥指纹：{shown(self.fingerprint)}"
        )


def choose_county(apps: list[Application], county: str | None) -> str:
    """The county to export: the one named, else the only county the database holds."""
    return choose_from(sorted({a.county for a in apps}), county)


def choose_from(names: list[str], county: str | None) -> str:
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


def refuse_unknown_county(ws: Office, county: str) -> None:
    """The city refuses a bundle whose county is not one of its own (GB/T 2260): say so here, before writing."""
    counties = counties_of_city(ws)
    if match_county(county, counties) is None:
        raise ExchangeUsageError(
            f"县区“{normalize_name(county)[:40] or '（空）'}”不是{ws.city}市的县区（按 GB/T 2260 行政区划），"
            f"市局会拒绝导入这样的数据包，未导出。请把这些项目的县区改为本市的县区：{'、'.join(counties)}"
        )


def export_county_bundle(
    ws: Workspace,
    out: Path,
    *,
    county: str | None = None,
    next_sequence: int | None = None,
    progress: ProgressFn | None = None,
) -> ExportReport:
    """Write the county bundle to `out` (atomically), signed with this office's key and numbered one
    higher than the last (or `next_sequence`, after restoring a backup the city has seen past). The
    export is recorded in the audit log, and that entry — naming the applications' hash and the
    counter — is the last entry of the log inside the bundle."""
    check_next_sequence(next_sequence)
    with ws.db.session() as session:
        apps = ApplicationRepository(session).load_all()
    county = choose_county(apps, county)
    refuse_unknown_county(ws, county)
    selected = [a for a in apps if a.county == county]
    _refuse_what_the_city_would(selected)
    shas = sorted({a.sha256 for app in selected for a in app.attachments})
    apps_data = json_bytes([application_json(a) for a in selected])
    return write_county_bundle(
        ws, out, county=county, member=APPLICATIONS, apps_data=apps_data, count=len(selected), shas=shas,
        next_sequence=next_sequence, progress=progress,
        before_export=lambda repo, bundle_id: resubmitted(ws, repo, {a.uid for a in selected}, bundle_id),
    )  # fmt: skip


def check_next_sequence(next_sequence: int | None) -> None:
    if next_sequence is not None and not 1 <= next_sequence <= MAX_SEQUENCE:
        raise ExchangeUsageError(f"序号应在 1～{MAX_SEQUENCE} 之间")


def write_county_bundle(
    ws: Office,
    out: Path,
    *,
    county: str,
    member: str,
    apps_data: bytes,
    count: int,
    shas: list[str],
    next_sequence: int | None,
    progress: ProgressFn | None,
    before_export: Callable[[ExchangeRepository, str], list[str]] | None = None,
) -> ExportReport:
    """Write a county bundle of any campaign kind: the files, the applications member (`apps_data`,
    already encoded and checked), the audit log ending in this export's entry, the signed manifest.
    `before_export` runs in the export's transaction before its audit entry (returns closed by it)."""
    for sha in shas:
        if not ws.db.store.has(sha):
            raise ExchangeUsageError(f"附件 {sha[:12]}… 不在本机附件库中，无法导出。请重新添加该附件。")
    total = sum(ws.db.store.path_of(sha).stat().st_size for sha in shas)
    bundle_id = uuid.uuid4().hex
    stamp = now_utc()
    with bundle_output(out) as tmp, BundleWriter(tmp, stamp) as writer:
        counter = ByteCounter(progress, total, "正在复制附件…")
        for sha in shas:  # the long part, before the database is locked for writing
            writer.add_stored_file(ws.db.store, sha, counter)
        apps_sha = hashlib.sha256(apps_data).hexdigest()
        with ws.db.session() as session:
            repo = ExchangeRepository(session)
            signer = office_signer(ws, repo)  # made (and logged) before the export entry, which comes last
            sequence = max(repo.last_sequence_out(KIND_COUNTY, county) + 1, next_sequence or 0)
            resubmitted = before_export(repo, bundle_id) if before_export is not None else []
            ws.audit(
                session,
                EXPORT_ACTION,
                "bundle",
                bundle_id,
                {
                    "kind": KIND_COUNTY,
                    "campaign_kind": ws.campaign_kind,
                    "county": county,
                    "applications": count,
                    "files": len(shas),
                    "applications_sha256": apps_sha,
                    "campaign": ws.campaign.id,
                    "city": ws.city,
                    "resubmitted": resubmitted,
                    "sequence": sequence,
                    "fingerprint": shown(signer.fingerprint),
                },
            )
            session.flush()
            writer.add_bytes(member, apps_data)
            writer.add_json(AUDIT, audit_json(repo))
            manifest = manifest_json(
                kind=KIND_COUNTY,
                campaign_kind=ws.campaign_kind,
                bundle_id=bundle_id,
                campaign=ws.campaign.id,
                city=ws.city,
                county=county,
                sequence=sequence,
                exported_at=stamp,
                exported_by=ws.operator,
                program=program_name(),
                members=writer.members,
            )
            manifest_bytes = writer.finish(manifest, signer)
            journal_export(
                repo, ws, bundle_id=bundle_id, kind=KIND_COUNTY, county=county, exported_at=stamp,
                manifest_bytes=manifest_bytes, summary={"applications": count, "files": len(shas)},
                sequence=sequence, signer=signer.fingerprint,
            )  # fmt: skip
    return ExportReport(
        out, bundle_id, county, count, len(shas), out.stat().st_size, len(resubmitted), sequence, signer.fingerprint
    )


def _refuse_what_the_city_would(apps: list[Application]) -> None:
    """A bundle the city would refuse is not written: text past its cap or with forbidden characters,
    a number or date out of its range (saved before the caps existed) is named here, with the project,
    to be fixed first."""
    if len(apps) > MAX_APPLICATIONS:
        raise ExchangeUsageError(f"一个数据包最多 {MAX_APPLICATIONS} 个项目，本县区有 {len(apps)} 个，无法导出。")
    for app in apps:
        problems = registry.value_problems(app)
        if problems:
            raise ExchangeUsageError(
                f"项目“{app.project_name[:60]}”：{next(iter(problems.values()))}。请在申报项目中修改后再导出数据包。"
            )
        if len(app.attachments) > MAX_ATTACHMENTS:
            raise ExchangeUsageError(
                f"项目“{app.project_name[:60]}”有 {len(app.attachments)} 个附件，数据包每个项目最多 {MAX_ATTACHMENTS} 个，无法导出。"
            )

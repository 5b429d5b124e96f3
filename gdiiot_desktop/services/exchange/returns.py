"""Returning applications (退回): the city marks them with a reason and sends a return bundle; the county
imports it and sees each returned application with its reason. Both sides record it in the audit log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ...domain.model import Application
from ...storage.exchange_repository import ExchangeRepository
from ...storage.models_exchange import ExchangeReturn
from ...storage.repository import ApplicationRepository, now_utc
from ..errors import InputError, NotFoundError
from ..workspace import Workspace
from .city import check_sequence
from .errors import BundleMismatchError, ExchangeUsageError
from .format import KIND_RETURN, RETURNS
from .journal import journal_export, journal_import
from .keys import office_signer, shown
from .manifest import format_time, manifest_json, program_name
from .office import Office
from .reader import Bundle
from .roster import REGISTERED, RETURNED, WITHDRAWN, Held, roster
from .trust import pin_after_import
from .writer import BundleWriter, bundle_output


@dataclass(frozen=True)
class ReturnInfo:
    """A return as either side lists it."""

    uid: str
    application_id: int | None
    project_name: str
    county: str
    reason: str
    returned_at: datetime
    side: str  # "city" or "county"
    sent: bool  # city: in a return bundle already; county: always True
    resolved: bool


@dataclass(frozen=True)
class ReturnExportReport:
    path: Path
    bundle_id: str
    county: str
    count: int

    def summary(self) -> str:
        return f"已导出给{self.county}的退回包：{self.count} 个项目：{self.path}"


@dataclass(frozen=True)
class ReturnImportReport:
    bundle_id: str
    county: str
    returned: list[ReturnInfo]
    already_imported: bool = False

    def summary(self) -> str:
        if self.already_imported:
            return "该退回包已导入过，本次没有任何改动。"
        lines = [f"市局退回了 {len(self.returned)} 个项目，请修改后重新导出数据包："]
        lines += [f"  - {r.project_name}：{r.reason}" for r in self.returned]
        return "\n".join(lines)


def mark_returned(ws: Workspace, app_id: int, reason: str) -> Application:
    """The city returns an application to its county with a reason (status 已退回, out of the order)."""
    mark_return(ws, app_id, reason)
    with ws.db.session() as session:
        stored = ApplicationRepository(session).get(app_id)
    assert stored is not None
    return stored


def mark_return(ws: Office, app_id: int, reason: str) -> Held:
    """An application of either kind returned with a reason: 已退回, out of the order (or 入库 ranking),
    and an open return that the next return bundle to its county carries."""
    reason = reason.strip()
    if not reason:
        raise InputError("请填写退回理由")
    with ws.db.session() as session:
        apps = roster(ws, session)
        app = next((a for a in apps.held().values() if a.id == app_id), None)
        if app is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        if app.status == WITHDRAWN:
            raise InputError(f"“{app.project_name}”已撤回，不能退回")
        records = ExchangeRepository(session)
        for old in records.open_returns("city", {app.uid}):
            old.resolved_at = now_utc()  # superseded by this return
        changes = apps.set_status(app_id, RETURNED)
        records.add_return(
            ExchangeReturn(
                uid=app.uid,
                side="city",
                county=app.county,
                project_name=app.project_name,
                reason=reason,
                returned_at=now_utc(),
                actor=ws.operator,
            )
        )
        ws.audit(session, "return", "application", app_id, {"uid": app.uid, "reason": reason, "changes": changes})
    return replace(app, status=RETURNED)


def list_returns(ws: Office, *, open_only: bool = True) -> list[ReturnInfo]:
    with ws.db.session() as session:
        ids = {uid: a.id for uid, a in roster(ws, session).held().items()}
        records = ExchangeRepository(session).all_returns()
    return [
        ReturnInfo(
            uid=r.uid,
            application_id=ids.get(r.uid),
            project_name=r.project_name,
            county=r.county,
            reason=r.reason,
            returned_at=r.returned_at,
            side=r.side,
            sent=r.bundle_id is not None,
            resolved=r.resolved_at is not None,
        )
        for r in records
        if not (open_only and r.resolved_at is not None)
    ]


def export_return_bundle(ws: Office, county: str, out: Path) -> ReturnExportReport:
    """Every open return of `county`'s applications, with its reason, in a return bundle signed by the city."""
    bundle_id = uuid.uuid4().hex
    stamp = now_utc()
    with ws.db.session() as session:
        apps = {uid: a for uid, a in roster(ws, session).held().items() if a.county == county}
        records = ExchangeRepository(session)
        pending = [r for r in records.open_returns("city", set(apps)) if apps[r.uid].status == RETURNED]
        if not pending:
            raise ExchangeUsageError(f"没有需要退回给“{county}”的项目（请先在项目上标记退回并填写理由）。")
        items = [
            {
                "uid": r.uid,
                "project_name": apps[r.uid].project_name,
                "applicant_name": apps[r.uid].applicant_name,
                "reason": r.reason,
                "returned_at": format_time(r.returned_at),
            }
            for r in pending
        ]
        for r in pending:
            r.bundle_id = bundle_id
        signer = office_signer(ws, records)
        sequence = records.last_sequence_out(KIND_RETURN, county) + 1
        with bundle_output(out) as tmp, BundleWriter(tmp, stamp) as writer:
            writer.add_json(RETURNS, items)
            manifest = manifest_json(
                kind=KIND_RETURN,
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
            data = writer.finish(manifest, signer)
            journal_export(
                records, ws, bundle_id=bundle_id, kind=KIND_RETURN, county=county, exported_at=stamp,
                manifest_bytes=data, summary={"returns": len(items)}, sequence=sequence, signer=signer.fingerprint,
            )  # fmt: skip
            ws.audit(
                session,
                "bundle_return_export",
                "bundle",
                bundle_id,
                {
                    "county": county,
                    "returns": [{"uid": i["uid"], "reason": i["reason"]} for i in items],
                    "sequence": sequence,
                    "fingerprint": shown(signer.fingerprint),
                },
            )
    return ReturnExportReport(out, bundle_id, county, len(items))


def import_return_bundle(ws: Office, bundle: Bundle) -> ReturnImportReport:
    """The county takes in the city's returns: each application 已退回, with its reason, logged."""
    if bundle.kind != KIND_RETURN:
        raise BundleMismatchError("这不是退回包。")
    if bundle.trust is None or not bundle.trust.importable or bundle.signer is None:
        raise BundleMismatchError("退回包未经签名核对，不能导入。")
    with ws.db.session() as session:
        records = ExchangeRepository(session)
        if records.seen(bundle.bundle_id, "in") is not None:
            return ReturnImportReport(bundle.bundle_id, bundle.county, [], already_imported=True)
        check_sequence(bundle, records.last_import(bundle.county, KIND_RETURN, bundle.trust.fingerprint))
        held = roster(ws, session)
        apps = held.held()
        unknown = [r for r in bundle.returns if r.uid not in apps]
        if unknown:
            raise BundleMismatchError(
                f"退回包中有 {len(unknown)} 个项目在本数据库中找不到，可能不是发给本县区的退回包，未导入任何数据。",
                [f"{r.project_name}（{r.applicant_name}）" for r in unknown[:20]],
            )
        foreign = sorted({apps[r.uid].county for r in bundle.returns} - {bundle.county})
        if foreign:
            raise BundleMismatchError(
                f"退回包是发给“{bundle.county}”的，但其中的项目属于“{'、'.join(foreign)}”，未导入任何数据。"
            )
        received: list[ReturnInfo] = []
        for item in bundle.returns:
            app = apps[item.uid]
            for old in records.open_returns("county", {item.uid}):
                old.resolved_at = now_utc()  # superseded by the newer return
            changes = held.set_status(app.id, RETURNED)
            stamp = now_utc()
            records.add_return(
                ExchangeReturn(
                    uid=item.uid,
                    side="county",
                    county=bundle.county,
                    project_name=app.project_name,
                    reason=item.reason,
                    returned_at=stamp,
                    actor=ws.operator,
                    bundle_id=bundle.bundle_id,
                )
            )
            ws.audit(
                session,
                "return_received",
                "application",
                app.id,
                {"uid": item.uid, "reason": item.reason, "bundle": bundle.bundle_id, "changes": changes},
            )
            received.append(
                ReturnInfo(item.uid, app.id, app.project_name, bundle.county, item.reason, stamp, "county", True, False)
            )
        journal_import(records, ws, bundle, {"returns": len(received)})
        pin_after_import(ws, records, bundle.trust, bundle.signer)
        ws.audit(
            session,
            "bundle_import",
            "bundle",
            bundle.bundle_id,
            {
                "kind": KIND_RETURN,
                "county": bundle.county,
                "returns": len(received),
                "sequence": bundle.manifest.sequence,
                "signer": shown(bundle.signer.fingerprint),
                "trust": bundle.trust.state,
            },
        )
    return ReturnImportReport(bundle.bundle_id, bundle.county, received)


def resubmitted(ws: Office, repo: ExchangeRepository, uids: set[str], bundle_id: str) -> list[str]:
    """Inside a county's export: returns received from the city whose application was edited since are
    sent again now, so closed (and a still 已退回 application is 已登记 again)."""
    held = roster(ws, repo.session)
    apps = {uid: a for uid, a in held.held().items() if uid in uids}
    done: list[str] = []
    for ret in repo.open_returns("county", set(apps)):
        app = apps[ret.uid]
        updated = held.updated_at(app.id)
        if updated is None or updated <= ret.returned_at:
            continue  # not edited since it came back
        ret.resolved_at, ret.resolved_by = now_utc(), bundle_id
        if app.status == RETURNED:
            held.set_status(app.id, REGISTERED)
        ws.audit(repo.session, "resubmit", "application", app.id, {"uid": ret.uid, "reason": ret.reason, "bundle": bundle_id})
        done.append(ret.uid)
    return done

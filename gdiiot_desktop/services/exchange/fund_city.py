"""The city's side of a county's special-fund bundle: the preview and the merge.

The same steps as a pilot bundle (city.py) — already imported, the signed counter, applications held
under another county, the three-way plan against the snapshot of the county's last bundle, conflicts
decided by the city, a yes for withdrawals and for changes to ranked (入库) applications, files staged
and verified by SHA-256 before one transaction writes everything — over fund applications. The city's
decisions (status, 入库 rank, review score) are never changed by a bundle.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ...domain.fund.files import FundFile
from ...domain.fund.model import FundApplication, FundStatus, enterprise_keys
from ...domain.names import normalize_name
from ...storage.exchange_repository import ExchangeRepository
from ...storage.fund_exchange_repository import FundExchangeRepository
from ...storage.repository import now_utc
from ..fund.checks import check_fund_workspace
from ..fund.codec import CITY_OWNED, FundRecord, field_label, flatten, with_fields
from ..fund.workspace import FundWorkspace
from .city import (
    CountyImportReport,
    Preview,
    check_sequence,
    confirm_needs_yes,
    continuity_notes,
    journal_merge,
    merge_details,
)
from .crosscheck import CrossReport, SharedApplicant
from .errors import BundleMismatchError
from .format import FUND_KIND, KIND_COUNTY
from .merge import Choices, Held, Incoming, MergePlan, Side, merged_values, plan_items, resolve
from .progress import ByteCounter, ProgressFn
from .reader import Bundle
from .staging import Stager
from .trust import pin_after_import

# Rules across applications that a county's bundle can newly break at the city (shown after a merge).
CROSS_RULES = ("FUND_ENTERPRISE_CAP", "FUND_CLUSTER_CAP")

FundPlan = MergePlan[FundRecord]
ORDER = "入库排序"  # the city's order of fund applications, which a bundle never changes


@dataclass
class FundImportReport(CountyImportReport[FundRecord]):
    def summary(self) -> str:
        if self.already_imported:
            return f"该数据包（{self.county}）已导入过，本次没有任何改动。"
        p = self.plan
        flagged = f"；{self.flagged} 个入库项目被县区撤回或修改，入库排序未动，已标出" if self.flagged else ""
        return (
            f"已导入{self.county}的专项资金数据包：新增 {len(p.of('added'))} 项，更新 {len(p.of('changed'))} 项，"
            f"撤回 {len(p.of('removed'))} 项，未变 {len(p.of('unchanged'))} 项，新附件 {self.files_added} 个，"
            f"市局决定的冲突 {len(self.choices)} 处{flagged}"
        )


def _held(records: FundExchangeRepository) -> dict[str, FundRecord]:
    return {app.uid: FundRecord(app, tuple(files)) for app, files in records.load_all()}


def _foreign(bundle: Bundle, held: dict[str, FundRecord]) -> None:
    """An application the city holds under another county is never moved by a county's bundle."""
    for record in bundle.fund_records:
        found = held.get(record.uid)
        if found is not None and found.app.county != bundle.county:
            raise BundleMismatchError(
                f"数据包中的项目“{record.app.project_name[:100]}”（标识 {record.uid}）在本市属于{found.app.county}，"
                f"不属于{bundle.county}：县区数据包不能把项目移到另一个县区，已拒绝导入，未导入任何数据。"
            )


def _plan(bundle: Bundle, records: ExchangeRepository, held: dict[str, FundRecord]) -> FundPlan:
    incoming = [
        Incoming(r.uid, r.app.project_name, r.app.enterprise, flatten(r), r) for r in bundle.fund_records
    ]
    mine = {
        uid: Held(
            r.app.id, r.app.project_name, r.app.enterprise, flatten(r), r.app.status,
            r.app.status is FundStatus.WITHDRAWN, r.app.rank,
        )
        for uid, r in held.items()
    }  # fmt: skip
    snapshots = records.snapshots(bundle.county)
    return plan_items(bundle.county, bundle.bundle_id, incoming, snapshots, mine, field_label, ORDER)


def _prepare(
    bundle: Bundle, session_records: ExchangeRepository, funds: FundExchangeRepository
) -> Preview[FundRecord]:
    if bundle.kind != KIND_COUNTY or bundle.campaign_kind != FUND_KIND:
        raise BundleMismatchError("这不是专项资金申报的县区数据包。")
    stub: FundPlan = MergePlan(bundle.county, bundle.bundle_id, [], ORDER)
    if session_records.seen(bundle.bundle_id, "in") is not None:
        return Preview(bundle, stub, CrossReport(), already_imported=True)
    signer = bundle.trust.fingerprint if bundle.trust is not None else None
    check_sequence(
        bundle, session_records.last_import(bundle.county, KIND_COUNTY, signer) if signer else None
    )
    last = session_records.last_import(bundle.county, KIND_COUNTY)
    held = _held(funds)
    _foreign(bundle, held)
    notes = continuity_notes(bundle, last) + _duplicates(bundle, held)
    return Preview(bundle, _plan(bundle, session_records, held), CrossReport(), notes=notes)


def _duplicates(bundle: Bundle, held: dict[str, FundRecord]) -> list[str]:
    """New applications whose enterprise and project the city already holds under another uid (the city
    imported the county's sheet itself, say): said, not refused — the city withdraws the extra one."""
    # One enterprise key over both sides: a row without its code is the enterprise its name names.
    key_of = enterprise_keys([*(r.app for r in held.values()), *(r.app for r in bundle.fund_records)])
    known = {(key_of(r.app), normalize_name(r.app.project_name)): r.app for r in held.values()}
    notes = []
    for record in bundle.fund_records:
        found = known.get((key_of(record.app), normalize_name(record.app.project_name)))
        if record.uid not in held and found is not None:
            notes.append(
                f"注意：数据包中的新项目“{record.app.project_name[:60]}”（{record.app.enterprise[:40]}）与本市已有的"
                f"项目（编号 {found.id}，{found.county}）企业和项目名称相同，可能重复录入；导入后请核对，多余的一项可撤回。"
            )
    return notes


def preview_fund_bundle(
    ws: FundWorkspace, bundle: Bundle, prefer: Side | None = None, decisions: Choices | None = None
) -> Preview[FundRecord]:
    """The diff against the county's last bundle, the conflicts, and what the merge would break across counties."""
    with ws.db.session() as session:
        preview = _prepare(bundle, ExchangeRepository(session), FundExchangeRepository(session))
        if preview.already_imported:
            return preview
        held = _held(FundExchangeRepository(session))
    wanted = decisions or {}
    choices: Choices = {}
    for c in preview.plan.conflicts:
        side = wanted.get((c.uid, c.field), prefer)
        if side is not None:
            choices[(c.uid, c.field)] = side
    preview.cross = _cross(ws, _after(preview.plan, held, choices), {d.uid for d in preview.plan.apps})
    return preview


def _after(plan: FundPlan, held: dict[str, FundRecord], choices: Choices) -> list[FundRecord]:
    """The city's fund applications as they would be after the merge (new ones without an id)."""
    out = dict(held)
    for diff in plan.apps:
        if diff.state == "added" and diff.county_app is not None:
            out[diff.uid] = diff.county_app
        elif diff.state == "changed" and diff.uid in out:
            out[diff.uid] = with_fields(out[diff.uid], merged_values(diff, choices, CITY_OWNED))
        elif diff.state == "removed" and diff.uid in out and diff.city_priority is None:
            record = out[diff.uid]
            out[diff.uid] = replace(record, app=replace(record.app, status=FundStatus.WITHDRAWN))
    return list(out.values())


def _cross(ws: FundWorkspace, records: list[FundRecord], uids: set[str]) -> CrossReport:
    """Enterprise and cluster caps across counties that the bundle's applications are part of, and
    enterprises that applied in several counties."""
    apps = []
    for n, r in enumerate(records, start=1):
        apps.append(r.app if r.app.id is not None else replace(r.app, id=-n))
    involved = {a.id for a in apps if a.uid in uids}
    key_of = enterprise_keys(apps)  # as the cap rules group them
    enterprises = {key_of(a) for a in apps if a.id in involved}
    clusters = {a.cluster_key for a in apps if a.id in involved and a.cluster_key}
    by_id = {a.id: a for a in apps}
    report = CrossReport(rule_titles={rule_id: spec.title for rule_id, spec in ws.campaign.rules.items()})
    for v in check_fund_workspace(ws, apps=apps).violations:
        app = by_id.get(v.application_id)
        if v.rule not in CROSS_RULES or app is None:
            continue
        if (
            app.id in involved
            or key_of(app) in enterprises
            or (app.cluster_key and app.cluster_key in clusters)
        ):
            report.violations.append(v)
    groups: dict[str, list[FundApplication]] = defaultdict(list)
    for a in apps:
        if a.status.is_active:
            groups[key_of(a)].append(a)
    for members in groups.values():
        counties = sorted({a.county for a in members})
        if len(counties) > 1 and any(a.id in involved for a in members):
            projects = tuple(f"{a.project_name}（{a.county}）" for a in members)
            report.shared.append(SharedApplicant(members[0].uscc, members[0].enterprise, tuple(counties), projects))
    return report


def import_fund_bundle(
    ws: FundWorkspace,
    bundle: Bundle,
    *,
    prefer: Side | None = None,
    decisions: Choices | None = None,
    accept_removals: bool = False,
    progress: ProgressFn | None = None,
) -> FundImportReport:
    """Merge a checked county fund bundle in one transaction; its files land in the store only when verified.

    Withdrawals and changes to ranked (入库) applications need `accept_removals` (a person's yes)."""
    if bundle.trust is None or not bundle.trust.importable or bundle.signer is None:
        raise BundleMismatchError("数据包未经签名核对，不能导入。")  # open_bundle(for_import=True) makes sure
    with ws.db.session() as session:
        preview = _prepare(bundle, ExchangeRepository(session), FundExchangeRepository(session))
    if preview.already_imported:
        return FundImportReport(
            bundle.bundle_id, bundle.county, preview.plan, preview.cross, already_imported=True
        )
    resolve(preview.plan, prefer, decisions)  # refuse unresolved conflicts before copying anything
    confirm_needs_yes(preview.plan, accept_removals)
    stager = Stager(ws.db.store)
    try:
        stager.stage(
            bundle.path, bundle.files, ByteCounter(progress, bundle.files_size, "正在核对并复制附件…")
        )
        with ws.db.session() as session:
            records = ExchangeRepository(session)
            funds = FundExchangeRepository(session)
            preview = _prepare(bundle, records, funds)  # again, inside the writing transaction
            if preview.already_imported:
                return FundImportReport(
                    bundle.bundle_id, bundle.county, preview.plan, preview.cross, already_imported=True
                )
            choices = resolve(preview.plan, prefer, decisions)
            confirm_needs_yes(preview.plan, accept_removals)
            report = FundImportReport(
                bundle.bundle_id, bundle.county, preview.plan, CrossReport(), preview.notes, choices
            )
            report.flagged = _apply(ws, bundle, preview.plan, choices, funds, records)
            pin_after_import(ws, records, bundle.trust, bundle.signer)
            journal_merge(ws, bundle, report, records, accept_removals)
            report.files_added = stager.publish()
        with ws.db.session() as session:
            after = list(_held(FundExchangeRepository(session)).values())
        report.cross = _cross(ws, after, {d.uid for d in report.plan.apps})
        return report
    finally:
        stager.discard()


def _apply(
    ws: FundWorkspace,
    bundle: Bundle,
    plan: FundPlan,
    choices: Choices,
    funds: FundExchangeRepository,
    records: ExchangeRepository,
) -> int:
    flagged = 0
    resolved_returns = {r.uid: r for r in records.open_returns("city", {d.uid for d in plan.apps})}
    session = records.session
    for diff in plan.apps:
        if diff.state == "added":
            assert diff.county_app is not None
            app = replace(
                diff.county_app.app, id=None, status=FundStatus.REGISTERED, rank=None, review_score=None
            )
            app_id = funds.add(app)
            for f in diff.county_app.files:
                funds.add_file(app_id, replace(f, id=None))
            ws.audit(session, "bundle_merge", "fund_application", app_id, merge_details(bundle, diff, {}, choices))
        elif diff.state == "changed":
            assert diff.city_id is not None
            current = funds.get(diff.city_id)
            assert current is not None
            held = FundRecord(current[0], tuple(current[1]))
            merged = with_fields(held, merged_values(diff, choices, CITY_OWNED))
            app = merged.app
            if held.app.status is FundStatus.RETURNED:
                app = replace(app, status=FundStatus.REGISTERED, rank=None)  # the county sent it back fixed
                record = resolved_returns.get(diff.uid)
                if record is not None:
                    record.resolved_at, record.resolved_by = now_utc(), bundle.bundle_id
            changes = funds.save(app)
            _replace_files(funds, diff.city_id, held.files, merged.files)
            ws.audit(
                session,
                "bundle_merge",
                "fund_application",
                diff.city_id,
                merge_details(bundle, diff, changes, choices),
            )
            if diff.city_priority is not None:
                records.add_flag(diff.uid, bundle.county, bundle.bundle_id, "changed")
                flagged += 1
        elif diff.state == "removed":
            assert diff.city_id is not None
            details = merge_details(bundle, diff, {}, choices)
            if diff.city_priority is not None:
                # The city's 入库 ranking is the city's: the application stays where it is, flagged.
                records.add_flag(diff.uid, bundle.county, bundle.bundle_id, "withdrawn")
                flagged += 1
                details["kept_in_order"] = diff.city_priority
            else:
                funds.set_status(diff.city_id, FundStatus.WITHDRAWN)
                details["changes"] = {"status": [str(diff.city_status), FundStatus.WITHDRAWN.value]}
            ws.audit(session, "bundle_withdraw", "fund_application", diff.city_id, details)
            records.drop_snapshot(diff.uid)
            continue
        assert diff.county_app is not None
        records.put_snapshot(diff.uid, bundle.county, bundle.bundle_id, flatten(diff.county_app))
    session.flush()
    return flagged


def _replace_files(
    funds: FundExchangeRepository, app_id: int, have: tuple[FundFile, ...], want: tuple[FundFile, ...]
) -> None:
    wanted = {f.key for f in want}
    held = {f.key for f in have}
    for f in have:
        if f.key not in wanted and f.id is not None:
            funds.remove_file(f.id)
    for f in want:
        if f.key not in held:
            funds.add_file(app_id, replace(f, id=None))


__all__ = ["FundImportReport", "import_fund_bundle", "preview_fund_bundle"]

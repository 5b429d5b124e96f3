"""The city's side of a county bundle: what it would change (preview), and the merge itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Generic

from ...domain.enums import Status
from ...domain.model import Application, Attachment
from ...storage.exchange_repository import ExchangeRepository
from ...storage.models_exchange import ExchangeBundle, ExchangeReturn
from ...storage.repository import ApplicationRepository, now_utc
from ..workspace import Workspace
from .codec import flatten, with_fields
from .crosscheck import CrossReport, cross_county
from .errors import BundleConfirmationError, BundleMismatchError
from .format import KIND_COUNTY
from .journal import journal_import
from .keys import shown
from .merge import A, AppDiff, Choices, MergePlan, Side, merged_values, plan_merge, resolve
from .office import Office
from .progress import ByteCounter, ProgressFn
from .reader import Bundle
from .remeasure import remeasured
from .staging import Stager
from .trust import pin_after_import


@dataclass
class Preview(Generic[A]):
    """What importing a county bundle would do; nothing has been written."""

    bundle: Bundle
    plan: MergePlan[A]
    cross: CrossReport
    notes: list[str] = field(default_factory=list)
    already_imported: bool = False


@dataclass
class CountyImportReport(Generic[A]):
    bundle_id: str
    county: str
    plan: MergePlan[A]
    cross: CrossReport
    notes: list[str] = field(default_factory=list)
    choices: Choices = field(default_factory=dict)
    files_added: int = 0
    already_imported: bool = False

    flagged: int = 0  # applications in the city's order that the bundle withdrew or changed

    def summary(self) -> str:
        if self.already_imported:
            return f"该数据包（{self.county}）已导入过，本次没有任何改动。"
        p = self.plan
        flagged = f"；{self.flagged} 个推荐项目被县区撤回或修改，推荐顺序未动，已在推荐排序中标出" if self.flagged else ""
        return (
            f"已导入{self.county}的数据包：新增 {len(p.of('added'))} 项，更新 {len(p.of('changed'))} 项，"
            f"撤回 {len(p.of('removed'))} 项，未变 {len(p.of('unchanged'))} 项，新附件 {self.files_added} 个，"
            f"市局决定的冲突 {len(self.choices)} 处{flagged}"
        )


def continuity_notes(bundle: Bundle, last: ExchangeBundle | None) -> list[str]:
    """The county's log must extend the one seen in its last bundle; a fork is reported, not refused."""
    if last is None or last.audit_head_id is None:
        return []
    entry = next((e for e in bundle.audit if e.id == last.audit_head_id), None)
    if entry is None or entry.hash != last.audit_head_hash:
        return [
            f"注意：{bundle.county}的审计日志与上次导入时不一致（第 {last.audit_head_id} 条记录不同或缺失）。"
            "可能县区从备份恢复了数据库，也可能日志被改写；请与县区核实。"
        ]
    return []


def check_sequence(bundle: Bundle, last: ExchangeBundle | None) -> None:
    """Bundles from one key are ordered by their signed counter, never by a clock."""
    if last is None or last.sequence is None or bundle.manifest.sequence is None:
        return
    if bundle.manifest.sequence <= last.sequence:
        who = bundle.trust.label if bundle.trust is not None else bundle.county
        raise BundleMismatchError(
            f"该数据包是{who}的第 {bundle.manifest.sequence} 号，本数据库已于 {last.processed_at:%Y-%m-%d %H:%M} 导入过"
            f"第 {last.sequence} 号（同一密钥），它不比已导入的新，已拒绝导入。请使用{who}最新导出的数据包；"
            f"若{who}从备份恢复了数据库，请对方导出时加 --next-sequence {last.sequence + 1}。"
        )


def _foreign(bundle: Bundle, city_apps: dict[str, Application]) -> None:
    """An application the city holds under another county is never moved by a county's bundle."""
    for app in bundle.applications:
        held = city_apps.get(app.uid)
        if held is not None and held.county != bundle.county:
            raise BundleMismatchError(
                f"数据包中的项目“{app.project_name[:100]}”（标识 {app.uid}）在本市属于{held.county}，"
                f"不属于{bundle.county}：县区数据包不能把项目移到另一个县区，已拒绝导入，未导入任何数据。"
                f"如确需调整所属县区，请市局先核实，再用 gdiiot bundle move-county {held.id} --county {bundle.county} "
                "--reason 理由 明确移动。"
            )


def _prepare(ws: Workspace, bundle: Bundle, records: ExchangeRepository, repo: ApplicationRepository) -> Preview:
    if bundle.kind != KIND_COUNTY:
        raise BundleMismatchError("这是退回包，不是县区数据包。")
    plan_stub = MergePlan(bundle.county, bundle.bundle_id, [])
    if records.seen(bundle.bundle_id, "in") is not None:
        return Preview(bundle, plan_stub, CrossReport(), already_imported=True)
    signer = bundle.trust.fingerprint if bundle.trust is not None else None
    check_sequence(bundle, records.last_import(bundle.county, KIND_COUNTY, signer) if signer else None)
    last = records.last_import(bundle.county, KIND_COUNTY)
    city_apps = {a.uid: a for a in repo.load_all()}
    _foreign(bundle, city_apps)
    plan = plan_merge(bundle.county, bundle.bundle_id, bundle.applications, records.snapshots(bundle.county), city_apps)
    return Preview(bundle, plan, CrossReport(), notes=continuity_notes(bundle, last))


def _after(
    ws: Workspace, plan: MergePlan, city_apps: list[Application], choices: Choices
) -> tuple[list[Application], set[int]]:
    """The city's applications as they would be after the merge (new ones get negative ids)."""
    by_id = {a.id: a for a in city_apps}
    involved: set[int] = set()
    extra: list[Application] = []
    for n, diff in enumerate(plan.apps, start=1):
        if diff.state == "added" and diff.county_app is not None:
            extra.append(replace(diff.county_app, id=-n, status=Status.REGISTERED, priority=None))
            involved.add(-n)
        elif diff.city_id is not None and diff.state != "removed":
            involved.add(diff.city_id)
            current = by_id[diff.city_id]
            merged = with_fields(current, merged_values(diff, choices)) if diff.state == "changed" else current
            by_id[diff.city_id] = merged
        elif diff.city_id is not None and diff.city_priority is None:
            by_id[diff.city_id] = replace(by_id[diff.city_id], status=Status.WITHDRAWN, priority=None)
    return [*by_id.values(), *extra], involved


def preview_county_bundle(
    ws: Workspace, bundle: Bundle, prefer: Side | None = None, decisions: Choices | None = None
) -> Preview:
    """The diff against the last bundle from the county, the conflicts, and the cross-county findings."""
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        preview = _prepare(ws, bundle, ExchangeRepository(session), repo)
        if preview.already_imported:
            return preview
        city_apps = repo.load_all()
    wanted = decisions or {}
    choices: Choices = {}
    for c in preview.plan.conflicts:
        side = wanted.get((c.uid, c.field), prefer)
        if side is not None:
            choices[(c.uid, c.field)] = side
    apps, involved = _after(ws, preview.plan, city_apps, choices)
    preview.cross = cross_county(ws.campaign, ws.city, apps, involved)
    return preview


def import_county_bundle(
    ws: Workspace,
    bundle: Bundle,
    *,
    prefer: Side | None = None,
    decisions: Choices | None = None,
    accept_removals: bool = False,
    progress: ProgressFn | None = None,
) -> CountyImportReport:
    """Merge a checked county bundle in one transaction; its files land in the store only when verified.

    A bundle that withdraws applications or touches the city's recommended order is refused unless
    `accept_removals` (a person's explicit yes)."""
    if bundle.trust is None or not bundle.trust.importable or bundle.signer is None:
        raise BundleMismatchError("数据包未经签名核对，不能导入。")  # open_bundle(for_import=True) makes sure
    with ws.db.session() as session:
        preview = _prepare(ws, bundle, ExchangeRepository(session), ApplicationRepository(session))
    if preview.already_imported:
        return CountyImportReport(bundle.bundle_id, bundle.county, preview.plan, preview.cross, already_imported=True)
    resolve(preview.plan, prefer, decisions)  # refuse unresolved conflicts before copying anything
    confirm_needs_yes(preview.plan, accept_removals)
    stager = Stager(ws.db.store)
    try:
        stager.stage(bundle.path, bundle.files, ByteCounter(progress, bundle.files_size, "正在核对并复制附件…"))
        measured = remeasured(stager, bundle)
        with ws.db.session() as session:
            records = ExchangeRepository(session)
            repo = ApplicationRepository(session)
            preview = _prepare(ws, bundle, records, repo)  # again, inside the writing transaction
            if preview.already_imported:
                return CountyImportReport(
                    bundle.bundle_id, bundle.county, preview.plan, preview.cross, already_imported=True
                )
            choices = resolve(preview.plan, prefer, decisions)
            confirm_needs_yes(preview.plan, accept_removals)
            report = CountyImportReport(
                bundle.bundle_id, bundle.county, preview.plan, CrossReport(), preview.notes, choices
            )
            involved, report.flagged = _apply(ws, bundle, preview.plan, choices, repo, records, measured)
            report.cross = cross_county(ws.campaign, ws.city, repo.load_all(), involved)
            pin_after_import(ws, records, bundle.trust, bundle.signer)
            journal_merge(ws, bundle, report, records, accept_removals)
            report.files_added = stager.publish()
        return report
    finally:
        stager.discard()


def confirm_needs_yes(plan: MergePlan[A], accept_removals: bool) -> None:
    asked = plan.needs_yes
    if not asked or accept_removals:
        return
    details = []
    for d in asked[:50]:
        place = f"（{plan.order}第 {d.city_priority} 位）" if d.city_priority is not None else ""
        what = "县区已删除，将撤回" if d.state == "removed" else f"县区修改了市局{plan.order}中的项目"
        details.append(f"{d.project_name}{place}：{what}")
    raise BundleConfirmationError(
        f"该数据包会撤回 {len(plan.of('removed'))} 个项目，或改动市局{plan.order}中的项目（共 {len(asked)} 项），"
        "需要明确确认后才能导入，未导入任何数据。请先用 gdiiot bundle diff 查看，确认无误后加 --accept-removals 导入"
        f"（图形界面：导入时确认）。市局的{plan.order}不会被数据包改动，受影响的项目会被标出。",
        details,
    )


def _apply(
    ws: Workspace,
    bundle: Bundle,
    plan: MergePlan,
    choices: Choices,
    repo: ApplicationRepository,
    records: ExchangeRepository,
    measured: dict[str, tuple[int | None, float | None]],
) -> tuple[set[int], int]:
    involved: set[int] = set()
    flagged = 0
    resolved_returns = {r.uid: r for r in records.open_returns("city", {d.uid for d in plan.apps})}
    session = repo.session
    for diff in plan.apps:
        if diff.county_app is not None:
            diff.county_app = _with_measured(diff.county_app, measured)
        if diff.state == "added":
            assert diff.county_app is not None
            app = replace(diff.county_app, id=None, status=Status.REGISTERED, priority=None, overrides={})
            app_id, changes = repo.save(app)
            for attachment in app.attachments:
                repo.add_attachment(app_id, replace(attachment, id=None))
            ws.audit(session, "bundle_merge", "application", app_id, merge_details(bundle, diff, changes, choices))
        elif diff.state == "changed":
            assert diff.city_id is not None
            app_id = _merge_one(ws, bundle, diff, choices, repo, resolved_returns)
            if diff.city_priority is not None:
                records.add_flag(diff.uid, bundle.county, bundle.bundle_id, "changed")
                flagged += 1
        elif diff.state == "removed":
            assert diff.city_id is not None
            current = repo.get(diff.city_id)
            assert current is not None
            details = merge_details(bundle, diff, {}, choices)
            if current.priority is not None:
                # The city's order is the city's: the application stays where it is, flagged.
                records.add_flag(diff.uid, bundle.county, bundle.bundle_id, "withdrawn")
                flagged += 1
                details["kept_in_order"] = current.priority
            else:
                app_id, details["changes"] = repo.save(replace(current, status=Status.WITHDRAWN), before=current)
            ws.audit(session, "bundle_withdraw", "application", diff.city_id, details)
            records.drop_snapshot(diff.uid)
            continue
        else:
            assert diff.city_id is not None
            app_id = diff.city_id
        involved.add(app_id)
        assert diff.county_app is not None
        records.put_snapshot(diff.uid, bundle.county, bundle.bundle_id, flatten(diff.county_app))
    session.flush()
    return involved, flagged


def _with_measured(app: Application, measured: dict[str, tuple[int | None, float | None]]) -> Application:
    """The application with each attachment's pages and duration as measured here, not as the bundle said."""
    attachments = []
    for a in app.attachments:
        pages, duration = measured.get(a.sha256, (a.pages, a.duration_seconds))
        attachments.append(replace(a, pages=pages, duration_seconds=duration))
    return replace(app, attachments=attachments)


def _merge_one(
    ws: Workspace,
    bundle: Bundle,
    diff: AppDiff,
    choices: Choices,
    repo: ApplicationRepository,
    open_returns: dict[str, ExchangeReturn],
) -> int:
    assert diff.city_id is not None
    current = repo.get(diff.city_id)
    assert current is not None
    values = merged_values(diff, choices)
    merged = with_fields(current, values)
    merged = replace(merged, status=current.status, priority=current.priority)  # the city's, always
    if current.status is Status.RETURNED:
        merged = replace(merged, status=Status.REGISTERED, priority=None)  # the county sent it back fixed
    app_id, changes = repo.save(merged, before=current)
    if "attachments" in values:
        want = {_key(a): a for a in merged.attachments}
        have = {_key(a): a for a in current.attachments}
        for key, a in have.items():
            if key not in want and a.id is not None:
                repo.remove_attachment(a.id)
        for key, a in want.items():
            if key not in have:
                repo.add_attachment(app_id, replace(a, id=None))
    record = open_returns.get(diff.uid)
    if record is not None and current.status is Status.RETURNED:
        record.resolved_at = now_utc()
        record.resolved_by = bundle.bundle_id
    ws.audit(repo.session, "bundle_merge", "application", app_id, merge_details(bundle, diff, changes, choices))
    return app_id


def _key(a: Attachment) -> tuple[str, str, str]:
    return (a.attachment_class.value, a.sha256, a.file_name)


def merge_details(bundle: Bundle, diff: AppDiff[A], changes: Mapping[str, object], choices: Choices) -> dict[str, object]:
    decided = [
        {"field": c.field, "city": c.city, "county": c.county, "chosen": choices[(c.uid, c.field)]}
        for c in diff.conflicts
        if (c.uid, c.field) in choices
    ]
    return {
        "bundle": bundle.bundle_id,
        "county": bundle.county,
        "uid": diff.uid,
        "state": diff.state,
        "changes": changes,
        "decisions": decided,
    }


def journal_merge(
    ws: Office, bundle: Bundle, report: CountyImportReport[A], records: ExchangeRepository, accepted: bool
) -> None:
    plan = report.plan
    head = bundle.audit[-1] if bundle.audit else None
    summary = {
        "added": len(plan.of("added")),
        "changed": len(plan.of("changed")),
        "removed": len(plan.of("removed")),
        "unchanged": len(plan.of("unchanged")),
        "conflicts_decided": len(report.choices),
        "cross_county": len(report.cross.violations),
        "shared_applicants": len(report.cross.shared),
        "flagged_in_order": report.flagged,
        "removals_accepted": accepted and bool(plan.needs_yes),
        "notes": report.notes,
    }
    journal_import(records, ws, bundle, summary)
    ws.audit(
        records.session,
        "bundle_import",
        "bundle",
        bundle.bundle_id,
        {
            "kind": bundle.kind,
            "county": bundle.county,
            "exported_at": bundle.manifest.exported_at,
            "exported_by": bundle.manifest.exported_by,
            "manifest_sha256": bundle.manifest_sha256,
            "county_audit_head": [head.id, head.hash] if head else None,
            "sequence": bundle.manifest.sequence,
            "signer": shown(bundle.trust.fingerprint) if bundle.trust and bundle.trust.fingerprint else None,
            "trust": bundle.trust.state if bundle.trust is not None else None,
            **summary,
        },
    )

"""Plain Chinese text of previews and reports, shared by the command line and the dialog."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ...domain.campaign import Campaign
from ...domain.fund.campaign import FundCampaign
from ...domain.fund.money import format_money
from .city import Preview
from .codec import attachment_label
from .keys import shown
from .merge import AppDiff
from .reader import Bundle

STATE_LABELS = {"added": "新增", "changed": "有修改", "removed": "县区已删除（将撤回）", "unchanged": "未变"}


AnyCampaign = Campaign | FundCampaign


def show_value(name: str, value: Any, campaign: AnyCampaign | None = None) -> str:
    """A field's value as an official reads it."""
    if value is None or value == "" or value == [] or value == {}:
        return "（空）"
    if isinstance(campaign, FundCampaign):
        return _show_fund_value(name, value, campaign)
    if campaign is not None and name == "category_id":
        found = campaign.category(str(value))
        return found.name if found else str(value)
    if campaign is not None and name == "direction_id":
        direction = campaign.direction(str(value))
        return direction.name if direction else str(value)
    if name == "attachments" and isinstance(value, list):
        return "；".join(attachment_label(a) for a in value if isinstance(a, dict))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _show_fund_value(name: str, value: Any, campaign: FundCampaign) -> str:
    if name == "direction_id":
        direction = campaign.direction(str(value))
        return direction.name if direction else str(value)
    if name == "investment" and isinstance(value, dict):
        names = {c.id: c.name for c in campaign.categories}
        return "；".join(f"{names.get(k, k)} {_yuan(v)}" for k, v in value.items())
    if name == "requested" and isinstance(value, str):
        return _yuan(value)
    if name == "materials_received" and isinstance(value, list):
        names = {m.id: m.name for m in campaign.materials}
        return "、".join(names.get(str(v), str(v)) for v in value)
    if name == "attachments" and isinstance(value, list):
        return "；".join(fund_file_label(a) for a in value if isinstance(a, dict))
    return show_value(name, value)


def _yuan(text: object) -> str:
    """"1200000.50" → "1,200,000.50 元" (amounts travel as decimal strings)."""
    try:
        return f"{format_money(Decimal(str(text)))} 元"
    except InvalidOperation:
        return str(text)


def fund_file_label(a: dict[str, Any]) -> str:
    what = "发票" if a.get("category_id") else "材料"
    return f"{what}：{a.get('file_name')}（{str(a.get('sha256'))[:8]}）"


def file_label(a: dict[str, Any]) -> str:
    """An attachment of either kind, as the diff lists it."""
    return fund_file_label(a) if "category_id" in a else attachment_label(a)


def trust_line(bundle: Bundle) -> str:
    """Who signed the bundle, and whether this office has confirmed that key."""
    t = bundle.trust
    if t is None:
        return "签名：未核对"
    fp = shown(t.fingerprint) if t.fingerprint else "（无）"
    texts = {
        "pinned": f"签名：{t.label}已确认的密钥 {fp}",
        "first_use": f"签名：首次确认{t.label}的密钥 {fp}（导入时固定）",
        "key_change": f"签名：{t.label}更换后的新密钥 {fp}（与更换时核对的指纹一致）",
        "unconfirmed": f"签名：{t.label}的密钥 {fp} 尚未确认。导入前请电话核对此指纹，一致时导入加 --trust \"{fp}\"",
        "unsigned": "签名：无（旧版程序导出的版本 1 数据包，只能查看，不能导入；请对方用新版程序重新导出）",
    }
    return texts[t.state]


def needs_yes_text(diff: AppDiff[Any], order: str = "推荐顺序") -> str:
    place = f"，市局{order}第 {diff.city_priority} 位（顺序不变，将标出）" if diff.city_priority is not None else ""
    what = "将撤回市局已有的项目" if diff.state == "removed" else f"改动市局{order}中的项目"
    return f"⚠ 需确认：{what}{place}"


def diff_lines(diff: AppDiff[Any], campaign: AnyCampaign | None = None, order: str = "推荐顺序") -> list[str]:
    lines = [f"【{STATE_LABELS[diff.state]}】{diff.project_name}（{diff.applicant_name}）"]
    if diff.needs_yes:
        lines.append(f"    {needs_yes_text(diff, order)}")
    for change in diff.changes:
        if change.field == "attachments":
            continue
        lines.append(
            f"    {change.label}：{show_value(change.field, change.old, campaign)} → "
            f"{show_value(change.field, change.new, campaign)}"
        )
    lines += [f"    + 附件 {file_label(a)}" for a in diff.files_added if diff.state != "added"]
    lines += [f"    - 附件 {file_label(a)}" for a in diff.files_removed]
    for c in diff.conflicts:
        lines.append(
            f"    ⚠ 冲突 {c.label}：市局 {show_value(c.field, c.city, campaign)} ｜ 县区 {show_value(c.field, c.county, campaign)}"
            f"（字段 {c.field}）"
        )
    return lines


def preview_lines(preview: Preview[Any], campaign: AnyCampaign | None = None) -> list[str]:
    if preview.already_imported:
        return ["该数据包已导入过，再次导入不会有任何改动。"]
    plan = preview.plan
    m = preview.bundle.manifest
    number = f"第 {m.sequence} 号，" if m.sequence else ""
    lines = [
        f"数据包：{preview.bundle.county}（{m.city}市），{number}导出于 {m.exported_at:%Y-%m-%d %H:%M} UTC，导出人 {m.exported_by}",
        trust_line(preview.bundle),
        f"新增 {len(plan.of('added'))} 项，有修改 {len(plan.of('changed'))} 项，"
        f"县区已删除 {len(plan.of('removed'))} 项，未变 {len(plan.of('unchanged'))} 项，冲突 {len(plan.conflicts)} 处",
    ]
    if plan.needs_yes:
        lines.append(
            f"⚠ 其中 {len(plan.needs_yes)} 项会撤回市局已有的项目或改动{plan.order}中的项目：导入须明确确认（--accept-removals）；"
            f"市局的{plan.order}不会被改动。"
        )
    lines += preview.notes
    for diff in plan.apps:
        if diff.state != "unchanged":
            lines += diff_lines(diff, campaign, plan.order)
    if not preview.cross.empty:
        lines.append("跨县区检查（导入后）：")
        lines += [f"    {line}" for line in preview.cross.lines()]
    return lines


def preview_json(preview: Preview[Any]) -> dict[str, Any]:
    plan = preview.plan
    return {
        "bundle_id": preview.bundle.bundle_id,
        "campaign_kind": preview.bundle.campaign_kind,
        "campaign": preview.bundle.manifest.campaign,
        "county": preview.bundle.county,
        "sequence": preview.bundle.manifest.sequence,
        "version": preview.bundle.manifest.version,
        "trust": {
            "state": preview.bundle.trust.state if preview.bundle.trust else None,
            "fingerprint": shown(preview.bundle.trust.fingerprint)
            if preview.bundle.trust and preview.bundle.trust.fingerprint else None,
        },
        "needs_confirmation": [
            {"uid": d.uid, "project": d.project_name, "state": d.state, "priority": d.city_priority}
            for d in plan.needs_yes
        ],
        "already_imported": preview.already_imported,
        "notes": preview.notes,
        "applications": [
            {
                "uid": d.uid,
                "project": d.project_name,
                "applicant": d.applicant_name,
                "state": d.state,
                "needs_confirmation": d.needs_yes,
                "changes": [{"field": c.field, "label": c.label, "old": c.old, "new": c.new} for c in d.changes],
                "files_added": d.files_added if d.state != "added" else [],
                "files_removed": d.files_removed,
            }
            for d in plan.apps
        ],
        "conflicts": [
            {"uid": c.uid, "project": c.project_name, "field": c.field, "label": c.label, "base": c.base,
             "city": c.city, "county": c.county}
            for c in plan.conflicts
        ],
        "cross_county": {
            "violations": [
                {"rule": v.rule, "project": v.project, "applicant_uscc": v.applicant_uscc, "county": v.county,
                 "message": v.message}
                for v in preview.cross.violations
            ],
            "shared_applicants": [
                {"uscc": s.uscc, "name": s.name, "counties": list(s.counties), "projects": list(s.projects)}
                for s in preview.cross.shared
            ],
        },
    }  # fmt: skip

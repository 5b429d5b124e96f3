"""Plain Chinese text of previews and reports, shared by the command line and the dialog."""

from __future__ import annotations

from typing import Any

from ...domain.campaign import Campaign
from .city import Preview
from .codec import attachment_label
from .merge import AppDiff

STATE_LABELS = {"added": "新增", "changed": "有修改", "removed": "县区已删除（将撤回）", "unchanged": "未变"}


def show_value(name: str, value: Any, campaign: Campaign | None = None) -> str:
    """A field's value as an official reads it."""
    if value is None or value == "" or value == []:
        return "（空）"
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


def diff_lines(diff: AppDiff, campaign: Campaign | None = None) -> list[str]:
    lines = [f"【{STATE_LABELS[diff.state]}】{diff.project_name}（{diff.applicant_name}）"]
    for change in diff.changes:
        if change.field == "attachments":
            continue
        lines.append(
            f"    {change.label}：{show_value(change.field, change.old, campaign)} → "
            f"{show_value(change.field, change.new, campaign)}"
        )
    lines += [f"    + 附件 {attachment_label(a)}" for a in diff.files_added if diff.state != "added"]
    lines += [f"    - 附件 {attachment_label(a)}" for a in diff.files_removed]
    for c in diff.conflicts:
        lines.append(
            f"    ⚠ 冲突 {c.label}：市局 {show_value(c.field, c.city, campaign)} ｜ 县区 {show_value(c.field, c.county, campaign)}"
            f"（字段 {c.field}）"
        )
    return lines


def preview_lines(preview: Preview, campaign: Campaign | None = None) -> list[str]:
    if preview.already_imported:
        return ["该数据包已导入过，再次导入不会有任何改动。"]
    plan = preview.plan
    m = preview.bundle.manifest
    lines = [
        f"数据包：{m.county}（{m.city}市），导出于 {m.exported_at:%Y-%m-%d %H:%M} UTC，导出人 {m.exported_by}"
        + ("，带口令校验" if m.signature else ""),
        f"新增 {len(plan.of('added'))} 项，有修改 {len(plan.of('changed'))} 项，"
        f"县区已删除 {len(plan.of('removed'))} 项，未变 {len(plan.of('unchanged'))} 项，冲突 {len(plan.conflicts)} 处",
    ]
    lines += preview.notes
    for diff in plan.apps:
        if diff.state != "unchanged":
            lines += diff_lines(diff, campaign)
    if not preview.cross.empty:
        lines.append("跨县区检查（导入后）：")
        lines += [f"    {line}" for line in preview.cross.lines()]
    return lines


def preview_json(preview: Preview) -> dict[str, Any]:
    plan = preview.plan
    return {
        "bundle_id": preview.bundle.bundle_id,
        "county": preview.bundle.county,
        "already_imported": preview.already_imported,
        "notes": preview.notes,
        "applications": [
            {
                "uid": d.uid,
                "project": d.project_name,
                "applicant": d.applicant_name,
                "state": d.state,
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

"""Materials the notice requires that are still missing at export (the campaign's `export_grade =
"needs_explanation"`: audit reports per 三(一), the commitment letter, the 信用中国 result).

Export waits until the city has recorded why each is missing; the package then prints that
explanation in the document's place. The explanation is kept like an accepted violation, under
the rule MATERIALS_MISSING, so the summary table's 备注 shows it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ...domain.campaign import Campaign, Material
from ...domain.enums import Grade
from ...domain.model import Application
from ...domain.rules.per_application import material_satisfied
from ...storage.repository import ApplicationRepository
from ..errors import InputError, NotFoundError
from ..workspace import Workspace
from .errors import ExportBlockedError

EXPLANATION_RULE = "MATERIALS_MISSING"
MAX_EXPLANATION = 500


@dataclass(frozen=True)
class Unexplained:
    """One recommended application's required materials missing at export, and its explanation."""

    app: Application
    materials: tuple[str, ...]
    explanation: str | None

    @property
    def text(self) -> str:
        return f"第{self.app.priority}位“{self.app.project_name}”（编号 {self.app.id}）缺少：{'、'.join(self.materials)}"


def explained_materials(campaign: Campaign) -> list[Material]:
    return [m for m in campaign.materials if m.export_grade is Grade.NEEDS_EXPLANATION]


def is_missing(app: Application, material: Material) -> bool:
    return not material_satisfied(app, material.id, material.attachment_class, material.min_count)


def missing_at_export(campaign: Campaign, apps: Iterable[Application]) -> list[Unexplained]:
    """Applications with a required material missing, with the explanation recorded (or None)."""
    wanted = explained_materials(campaign)
    found = []
    for app in apps:
        names = tuple(m.name for m in wanted if is_missing(app, m))
        if names:
            found.append(Unexplained(app, names, app.overrides.get(EXPLANATION_RULE) or None))
    return found


def refuse_unexplained(items: Sequence[Unexplained]) -> None:
    """Export waits for an explanation of every required material still missing."""
    pending = [i for i in items if not i.explanation]
    if pending:
        raise ExportBlockedError(
            f"{len(pending)} 个推荐项目缺少通知要求的材料，须先记录缺少的原因（将印在纸质材料目录中该材料的位置）。"
            "图形界面导出时会逐项询问；命令行用 --explain 编号=原因：",
            [i.text for i in pending],
        )


def record_explanations(ws: Workspace, explanations: Mapping[int, str]) -> None:
    """Record why required materials are missing (application id → explanation), audited."""
    for app_id, text in explanations.items():
        reason = " ".join(text.split())
        if not reason:
            raise InputError(f"编号 {app_id}：请填写缺少材料的原因")
        if len(reason) > MAX_EXPLANATION:
            raise InputError(f"编号 {app_id}：原因太长（最多{MAX_EXPLANATION}字）")
        with ws.db.session() as session:
            repo = ApplicationRepository(session)
            if repo.get(app_id) is None:
                raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
            old = repo.set_override(app_id, EXPLANATION_RULE, reason, ws.operator)
            ws.audit(session, "explain", "application", app_id, {"rule": EXPLANATION_RULE, "before": old, "after": reason})


def missing_note(app: Application, material: Material) -> str | None:
    """What the package's 目录 prints for a material that must be explained; None if not such a one."""
    if material.export_grade is not Grade.NEEDS_EXPLANATION or not is_missing(app, material):
        return None
    reason = app.overrides.get(EXPLANATION_RULE)
    return f"未提供。说明：{reason}" if reason else "未提供，导出时未记录说明"

"""Rules over all active applications of one applicant, across counties."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Application, Violation
from ..names import normalize_name
from .context import RuleContext


def check_applicant(ctx: RuleContext, apps: Sequence[Application]) -> list[Violation]:
    """`apps` are the active applications of one applicant, linked by code or by name, in priority order.

    The same project filed again is a duplicate (also under a mistyped code); the per-applicant
    limits count each code's distinct projects.
    """
    duplicates = duplicate_ids(apps)
    out = [_duplicate(ctx, app, first) for app, first in duplicates]
    repeated = {id(app) for app, _ in duplicates}
    by_code: dict[str, list[Application]] = {}
    for app in apps:
        if id(app) not in repeated:
            by_code.setdefault(app.applicant.key, []).append(app)
    for distinct in by_code.values():
        out += _max_projects(ctx, distinct)
        out += _one_direction_per_category(ctx, distinct)
    return out


def _duplicate(ctx: RuleContext, app: Application, first: Application) -> Violation:
    return ctx.violation(
        "DUPLICATE_PROJECT",
        f"与{first.county}登记的“{first.project_name}”（{first.applicant.name}）为同一项目，不能重复申报",
        app,
        field="project_name",
    )


def duplicate_ids(apps: Sequence[Application]) -> list[tuple[Application, Application]]:
    """(duplicate, first occurrence) pairs: the same project name once spaces, width and punctuation go."""
    first_by_name: dict[str, Application] = {}
    pairs = []
    for app in apps:
        key = normalize_name(app.project_name)
        if not key:
            continue
        first = first_by_name.setdefault(key, app)
        if first is not app:
            pairs.append((app, first))
    return pairs


def _max_projects(ctx: RuleContext, apps: Sequence[Application]) -> list[Violation]:
    limit = ctx.campaign.max_projects_per_applicant
    if len(apps) <= limit:
        return []
    kept = "、".join(f"“{a.project_name}”" for a in apps[:limit])
    return [
        ctx.violation(
            "APPLICANT_MAX_PROJECTS",
            f"{app.applicant.name}共申报{len(apps)}个项目，超过每个申报主体最多{limit}个的限制"
            f"（按推荐顺序保留{kept}）",
            app,
        )
        for app in apps[limit:]
    ]


def _one_direction_per_category(ctx: RuleContext, apps: Sequence[Application]) -> list[Violation]:
    chosen: dict[str, Application] = {}
    out = []
    for app in apps:
        first = chosen.setdefault(app.category_id, app)
        if first.direction_id == app.direction_id:
            continue
        category = ctx.campaign.category(app.category_id)
        first_direction = ctx.campaign.direction(first.direction_id)
        out.append(
            ctx.violation(
                "APPLICANT_ONE_DIRECTION_PER_CATEGORY",
                f"{app.applicant.name}在{category.name if category else '同一类别'}中已申报方向"
                f"“{first_direction.name if first_direction else first.direction_id}”"
                f"（项目“{first.project_name}”），同一类型只能申报一个方向",
                app,
                field="direction",
            )
        )
    return out

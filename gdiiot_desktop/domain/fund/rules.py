"""The special-fund rules, registered by id (domain/rules/registry.py); a campaign enables the ids
it configures under [rules.<ID>]. Each rule is a function of (context, the city's active applications).

Where the clause depends on the direction (扶持标准 四(一)…四(四)), a violation cites the
direction's subsidy clause; otherwise the rule's own clause from the campaign file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from ..model import Violation
from ..rules.registry import register_rule
from .campaign import FUND_KIND, FundDirection
from .context import FundContext
from .model import FundApplication, enterprise_keys
from .money import ZERO, format_money
from .pool import build_pool
from .subsidy import max_subsidy

Apps = list[FundApplication]


def _yuan(amount: Decimal) -> str:
    return f"{format_money(amount)} 元"


@register_rule("FUND_DEADLINE", kind=FUND_KIND, title="申报截止时间")
def deadline(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    moment = ctx.campaign.deadline.moment
    if ctx.now is not None and ctx.now > moment:
        yield ctx.violation("FUND_DEADLINE", f"已过申报截止时间（{moment:%Y年%m月%d日 %H:%M}，{ctx.campaign.deadline.text}）")


@register_rule("FUND_DIRECTION_UNKNOWN", kind=FUND_KIND, title="支持方向")
def direction_unknown(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for app in apps:
        direction = ctx.campaign.direction(app.direction_id)
        if direction is None:
            names = "、".join(d.name for d in ctx.campaign.directions)
            yield ctx.violation(
                "FUND_DIRECTION_UNKNOWN", f"支持方向“{app.direction_id}”不是本次申报的方向（{names}）", app, field="direction"
            )
        elif app.subdirection_id and direction.subdirection(app.subdirection_id) is None:
            yield ctx.violation(
                "FUND_DIRECTION_UNKNOWN", f"“{direction.name}”下没有子方向“{app.subdirection_id}”", app, field="subdirection"
            )


@register_rule("FUND_REQUEST_MISSING", kind=FUND_KIND, title="申请补贴金额")
def request_missing(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for app in apps:
        if app.requested is None or app.requested <= ZERO:
            said = "未填写申请补贴金额" if app.requested is None else "申请补贴金额为 0"
            yield ctx.violation("FUND_REQUEST_MISSING", said, app, field="requested")


@register_rule("FUND_REQUEST_OVER_CAP", kind=FUND_KIND, title="申请金额超过补贴上限")
def request_over_cap(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for app in apps:
        direction = ctx.campaign.direction(app.direction_id)
        if direction is None or app.requested is None:
            continue
        cap = max_subsidy(direction.subsidy, app)
        if app.requested > cap.amount:
            yield ctx.violation(
                "FUND_REQUEST_OVER_CAP",
                f"申请补贴 {_yuan(app.requested)}，超过本项目最高可补贴 {_yuan(cap.amount)}（{cap.explain()}）",
                app,
                citation=direction.subsidy.citation,
                field="requested",
            )


def _groups(ctx: FundContext, apps: Apps, key: str) -> Iterator[tuple[FundDirection, list[FundApplication]]]:
    """Active applications grouped per direction by enterprise or by cluster (named clusters only)."""
    groups: dict[tuple[str, str], list[FundApplication]] = defaultdict(list)
    enterprise_of = enterprise_keys(apps)
    for app in apps:
        group = enterprise_of(app) if key == "enterprise" else app.cluster_key
        if group:
            groups[(app.direction_id, group)].append(app)
    for (direction_id, _), members in groups.items():
        direction = ctx.campaign.direction(direction_id)
        if direction is not None:
            yield direction, members


@register_rule("FUND_ENTERPRISE_CAP", kind=FUND_KIND, title="每家企业补贴上限")
def enterprise_cap(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for direction, members in _groups(ctx, apps, "enterprise"):
        cap = direction.subsidy.enterprise_cap
        if cap is None or len(members) < 2:
            continue  # one project alone is FUND_REQUEST_OVER_CAP's
        total = sum((a.requested or ZERO for a in members), ZERO)
        if total > cap:
            for app in members:
                yield ctx.violation(
                    "FUND_ENTERPRISE_CAP",
                    f"{app.enterprise}在“{direction.name}”方向共有 {len(members)} 个项目，合计申请 {_yuan(total)}，"
                    f"超过每家企业 {_yuan(cap)}的上限",
                    app,
                    citation=direction.subsidy.citation,
                    field="requested",
                )


@register_rule("FUND_CLUSTER_REQUIRED", kind=FUND_KIND, title="所属产业集群")
def cluster_required(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for app in apps:
        direction = ctx.campaign.direction(app.direction_id)
        if direction is not None and direction.subsidy.needs_cluster and not app.cluster_key:
            yield ctx.violation(
                "FUND_CLUSTER_REQUIRED", f"“{direction.name}”的项目须填写所属产业集群", app,
                citation=direction.subsidy.citation, field="cluster",
            )


@register_rule("FUND_CLUSTER_CAP", kind=FUND_KIND, title="每个产业集群补贴上限")
def cluster_cap(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    enterprise_of = enterprise_keys(apps)
    for direction, members in _groups(ctx, apps, "cluster"):
        cap = direction.subsidy.cluster_cap
        if cap is None:
            continue
        total = sum((a.requested or ZERO for a in members), ZERO)
        if total > cap:
            enterprises = len({enterprise_of(a) for a in members})
            for app in members:
                yield ctx.violation(
                    "FUND_CLUSTER_CAP",
                    f"产业集群“{app.cluster}”共 {enterprises} 家企业 {len(members)} 个项目，合计申请 {_yuan(total)}，"
                    f"超过每个产业集群 {_yuan(cap)}的上限",
                    app,
                    citation=direction.subsidy.citation,
                    field="requested",
                )


@register_rule("FUND_TRAINING_MINIMUM", kind=FUND_KIND, title="培训场次和人数")
def training_minimum(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for app in apps:
        direction = ctx.campaign.direction(app.direction_id)
        if direction is None or not direction.subsidy.needs_training:
            continue
        rule = direction.subsidy
        short = []
        if rule.min_sessions is not None and (app.training_sessions or 0) < rule.min_sessions:
            short.append(f"培训活动 {app.training_sessions or 0} 场（应不少于 {rule.min_sessions} 场）")
        if rule.min_people is not None and (app.training_people or 0) < rule.min_people:
            short.append(f"培养人才 {app.training_people or 0} 人（应不少于 {rule.min_people} 人）")
        if short:
            yield ctx.violation(
                "FUND_TRAINING_MINIMUM", "未达到培训要求：" + "，".join(short), app,
                citation=rule.citation, field="training",
            )


@register_rule("FUND_MATERIALS_MISSING", kind=FUND_KIND, title="申报材料")
def materials_missing(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    for app in apps:
        missing = [
            m.name for m in ctx.campaign.materials_for(app.direction_id)
            if m.required and m.id not in app.materials_received
        ]
        if missing:
            yield ctx.violation("FUND_MATERIALS_MISSING", "缺少申报材料：" + "、".join(missing), app, field="materials")


@register_rule("FUND_BELOW_BUDGET_LINE", kind=FUND_KIND, title="预算线")
def below_budget_line(ctx: FundContext, apps: Apps) -> Iterator[Violation]:
    budget = ctx.effective_budget
    if budget is None:
        return
    pool = build_pool(ctx.campaign, apps, budget)
    for line in pool.lines:
        if not line.within_budget:
            yield ctx.violation(
                "FUND_BELOW_BUDGET_LINE",
                f"排在第 {line.rank} 位，拟补贴累计 {_yuan(line.running_total)}，超出预算 {_yuan(budget)}（在预算线以下）",
                line.app,
                field="rank",
            )


# Every FUND_* id registered above, in registration order (the kind's `rule_ids`).
FUND_RULE_IDS = (
    "FUND_DEADLINE",
    "FUND_DIRECTION_UNKNOWN",
    "FUND_REQUEST_MISSING",
    "FUND_REQUEST_OVER_CAP",
    "FUND_ENTERPRISE_CAP",
    "FUND_CLUSTER_REQUIRED",
    "FUND_CLUSTER_CAP",
    "FUND_TRAINING_MINIMUM",
    "FUND_MATERIALS_MISSING",
    "FUND_BELOW_BUDGET_LINE",
)

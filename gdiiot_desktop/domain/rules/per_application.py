"""Rules that look at one application alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from ..campaign_kinds import PILOT_KIND
from ..enums import AttachmentClass, BuildStatus, Grade, InnovationAcceptance, OtherChannel
from ..geography import names_place_outside
from ..model import Application, Violation
from ..uscc import normalize_uscc, uscc_problem
from .context import RuleContext
from .registry import application_rules, register_application_rule

Rule = Callable[[RuleContext, Application], Iterator[Violation]]


def _pilot_rule(rule_id: str) -> Callable[[Rule], Rule]:
    return register_application_rule(rule_id, kind=PILOT_KIND)


@_pilot_rule("USCC_INVALID")
def uscc_invalid(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    problem = uscc_problem(normalize_uscc(app.applicant.uscc))
    if problem:
        yield ctx.violation("USCC_INVALID", problem, app, field="uscc")


@_pilot_rule("APPLICANT_NOT_ELIGIBLE")
def applicant_not_eligible(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    applicant = app.applicant
    types = ctx.campaign.eligible_types
    kind = applicant.type_text.strip()
    if not kind:
        yield ctx.violation(
            "APPLICANT_NOT_ELIGIBLE", "未填写单位类型", app, grade=Grade.HINT, field="applicant_type"
        )
    elif kind not in types:
        yield ctx.violation(
            "APPLICANT_NOT_ELIGIBLE",
            f"单位类型“{kind}”不在可申报的类型（{'、'.join(types)}）之内",
            app,
            field="applicant_type",
        )
    if applicant.independent_legal_person is False:
        yield ctx.violation(
            "APPLICANT_NOT_ELIGIBLE",
            f"{applicant.name}不具备独立法人资格，不能作为申报主体",
            app,
            field="independent_legal_person",
        )
    place = applicant.registered_city.strip()
    if not place:
        yield ctx.violation(
            "APPLICANT_NOT_ELIGIBLE", "未填写注册地", app, grade=Grade.HINT, field="registered_city"
        )
    elif not registered_in_province(ctx, place):
        # A named place elsewhere is plainly ineligible; one the program cannot place is for the
        # official to look at (a district or town written without its city).
        elsewhere = names_place_outside(place)
        yield ctx.violation(
            "APPLICANT_NOT_ELIGIBLE",
            f"申报主体注册地为“{place}”，不在{ctx.campaign.eligible_province}省境内"
            if elsewhere
            else f"无法确认注册地“{place}”在{ctx.campaign.eligible_province}省境内，请核实（应填写地级市）",
            app,
            grade=None if elsewhere else Grade.WARNING,
            field="registered_city",
        )


def registered_in_province(ctx: RuleContext, place: str) -> bool:
    province = ctx.campaign.eligible_province
    rest = place.removeprefix(province + "省").removeprefix(province)
    if not rest:
        return True  # only the province was given
    return any(rest.startswith(city.name) for city in ctx.campaign.cities)


@_pilot_rule("APPLICATION_DATA")
def application_data(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    """What the form must hold before anything else can be judged: names, a direction, dates in order."""
    if not app.project_name.strip():
        yield ctx.violation("APPLICATION_DATA", "未填写项目名称", app, field="project_name")
    if not app.applicant.name.strip():
        yield ctx.violation("APPLICATION_DATA", "未填写申报单位名称", app, field="applicant_name")
    if not app.category_id.strip():
        yield ctx.violation("APPLICATION_DATA", "未选择试点示范类别", app, field="category")
    if not app.direction_id.strip():
        yield ctx.violation("APPLICATION_DATA", "未选择具体方向", app, field="direction")
    start, end = app.build_start, app.build_end
    if start is not None and end is not None and end < start:
        yield ctx.violation(
            "APPLICATION_DATA",
            f"建设完成时间（{end.isoformat()}）早于开始时间（{start.isoformat()}），请核对",
            app,
            field="build_end",
        )


@_pilot_rule("ALREADY_RECOMMENDED")
def already_recommended(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    if app.other_channel is not OtherChannel.NONE:
        yield ctx.violation(
            "ALREADY_RECOMMENDED",
            f"该项目已通过{app.other_channel.value}推荐，不再重复推荐",
            app,
            field="other_channel",
        )


@_pilot_rule("IN_DEMONSTRATION_PERIOD")
def in_demonstration_period(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    year = app.pilot_year
    period = ctx.campaign.demonstration_period_years
    if year is not None and year > ctx.campaign.year:
        yield ctx.violation(
            "IN_DEMONSTRATION_PERIOD",
            f"所填列入试点示范的年份（{year}年）晚于本年度（{ctx.campaign.year}年），请核对",
            app,
            field="pilot_year",
        )
    elif year is not None and 0 <= ctx.campaign.year - year < period:
        yield ctx.violation(
            "IN_DEMONSTRATION_PERIOD",
            f"该项目已列入{year}年试点示范，仍在{period}年示范期内，不可重复申报",
            app,
            field="pilot_year",
        )


@_pilot_rule("INNOVATION_PROJECT_NOT_ACCEPTED")
def innovation_not_accepted(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    if app.innovation_acceptance in (InnovationAcceptance.NOT_ACCEPTED, InnovationAcceptance.FAILED):
        yield ctx.violation(
            "INNOVATION_PROJECT_NOT_ACCEPTED",
            f"工业互联网创新发展工程项目{app.innovation_acceptance.value}，不可申报",
            app,
            field="innovation_acceptance",
        )


@_pilot_rule("PROJECT_NOT_BUILT")
def project_not_built(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    if app.build_status is BuildStatus.NOT_BUILT:
        yield ctx.violation("PROJECT_NOT_BUILT", "项目未建，不可申报", app, field="build_status")


@_pilot_rule("VIDEO_REQUIRED")
def video_required(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    videos = app.attachments_of(AttachmentClass.VIDEO)
    campaign = ctx.campaign
    low, high, slack = campaign.video_min_seconds, campaign.video_max_seconds, campaign.video_tolerance_seconds
    bounds = f"{_minutes(low)}~{_minutes(high)}"
    if not videos:
        yield ctx.violation(
            "VIDEO_REQUIRED", f"缺少项目视频（须{bounds}），否则视为无效申报材料", app, field="attachments"
        )
        return
    durations = [v.duration_seconds for v in videos]
    if any(d is not None and low - slack <= d <= high + slack for d in durations):
        return
    unreadable = [v.file_name for v in videos if v.duration_seconds is None]
    if unreadable:
        yield ctx.violation(
            "VIDEO_REQUIRED",
            f"无法读取视频“{'、'.join(unreadable)}”的时长（格式无法识别），请人工核对是否为{bounds}",
            app,
            grade=Grade.WARNING,
            field="attachments",
        )
        return
    measured = "、".join(_clock(d) for d in durations if d is not None)
    yield ctx.violation(
        "VIDEO_REQUIRED", f"视频时长为{measured}，不在{bounds}之间", app, field="attachments"
    )


@_pilot_rule("MATERIALS_MISSING")
def materials_missing(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    counts = Counter(a.attachment_class for a in app.attachments)
    for material in ctx.checked_materials:
        if material_satisfied(app, material.id, material.attachment_class, material.min_count, counts):
            continue
        have = counts[material.attachment_class]
        detail = f"（需{material.min_count}份，现有{have}份）" if material.min_count > 1 else ""
        yield ctx.violation(
            "MATERIALS_MISSING",
            f"缺少{material.name}{detail}",
            app,
            grade=material.missing_grade,
            field="attachments",
        )


def material_satisfied(
    app: Application,
    material_id: str,
    cls: AttachmentClass,
    min_count: int,
    counts: Counter[AttachmentClass] | None = None,
) -> bool:
    """Attached in enough copies, ticked as received on paper, or declared on the form."""
    if material_id in app.materials_received:
        return True
    if cls is AttachmentClass.COMMITMENT_LETTER and app.commitment_letter:
        return True
    if cls is AttachmentClass.CREDIT_CHECK and app.credit_checked:
        return True
    if cls is AttachmentClass.AUDIT_REPORT:
        attached = app.attachments_of(cls)
        years = {a.year for a in attached if a.year is not None}
        undated = sum(1 for a in attached if a.year is None)
        return len(years) + undated >= min_count
    have = counts[cls] if counts is not None else len(app.attachments_of(cls))
    return have >= min_count


@_pilot_rule("DIRECTION_AUTHORITY")
def direction_authority(ctx: RuleContext, app: Application) -> Iterator[Violation]:
    campaign = ctx.campaign
    direction = campaign.direction(app.direction_id)
    category = campaign.category(app.category_id)
    if not app.direction_id.strip() or not app.category_id.strip():
        return  # not chosen yet: APPLICATION_DATA says so
    if direction is None:
        yield ctx.violation(
            "DIRECTION_AUTHORITY", "所选方向不在本年度的方向清单中，请重新选择", app, field="direction"
        )
        return
    if category is None or direction.category_id != app.category_id:
        owner = campaign.category(direction.category_id)
        yield ctx.violation(
            "DIRECTION_AUTHORITY",
            f"方向“{direction.name}”属于{owner.name if owner else '其他类别'}，与所填类别不符",
            app,
            field="direction",
        )
        return
    if campaign.submit_authority not in direction.authorities:
        yield ctx.violation(
            "DIRECTION_AUTHORITY",
            f"方向“{direction.name}”由{direction.authority_text}负责，"
            f"不能通过{campaign.submit_authority.value}推荐，请申报单位通过相应渠道申报",
            app,
            field="direction",
        )


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:g}分钟"


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}分{whole % 60:02d}秒"


def check_application(ctx: RuleContext, app: Application) -> list[Violation]:
    """Every one-application rule the campaign names (registered above, or by another module)."""
    return [v for rule in application_rules(PILOT_KIND, ctx.campaign.rules) for v in rule.check(ctx, app)]

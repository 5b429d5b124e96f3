"""The campaign model: everything year-specific, loaded from a versioned campaign file.

A campaign file (TOML) is described in resources/campaigns/README.md and validated against
resources/campaigns/campaign.schema.json, then checked for consistency (ids that refer to
each other, direction counts). Every problem is reported with its location.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from .campaign_kinds import PILOT_KIND, CampaignKind, find_kind, kind_and_version, register_kind
from .enums import AttachmentClass, Authority, Grade

FORMAT_NAME = "gdiiot-campaign"
FORMAT_VERSION = 1
PILOT_VERSION = 1  # the pilot kind's layout version (`version` in the file)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a campaign or direction file: where, and what."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}：{self.message}" if self.location else self.message


class CampaignError(ValueError):
    """A campaign (or direction list) that cannot be used, with every problem found."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"活动文件 {source} 有 {len(problems)} 处问题：\n{lines}")


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@dataclass(frozen=True)
class Direction:
    """A 具体方向 with a stable id: applications refer to the id, so renaming keeps them valid."""

    id: str
    no: int
    category_id: str
    name: str
    authorities: tuple[Authority, ...]

    @property
    def authority_text(self) -> str:
        return "、".join(a.value for a in self.authorities)


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    quota: int


@dataclass(frozen=True)
class City:
    name: str  # short form, e.g. 广州
    division: str  # 440100
    region_id: str
    direct_quota: int | None = None  # 计划单列市 submitting directly (深圳: 15)

    @property
    def full_name(self) -> str:
        return self.name + "市"


@dataclass(frozen=True)
class RuleSpec:
    """How one rule applies this year: its grade, whether it can be overridden, its clause."""

    id: str
    title: str
    grade: Grade
    overridable: bool
    clause: str  # e.g. 二(三)
    clause_text: str

    @property
    def citation(self) -> str:
        return f"{self.clause}：{self.clause_text}"


@dataclass(frozen=True)
class Material:
    """A required or optional material, in the order the package prints them."""

    id: str
    name: str
    attachment_class: AttachmentClass
    required: bool
    missing_grade: Grade
    min_count: int = 1
    distinct_years: bool = False  # audit reports: one per year
    # The grade when still missing at export (None: as missing_grade). needs_explanation: the
    # package prints the city's recorded explanation in its place, and export waits for one.
    export_grade: Grade | None = None


@dataclass(frozen=True)
class Deadline:
    day: date
    time_of_day: time
    text: str

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.day, self.time_of_day)


@dataclass(frozen=True)
class DirectionRules:
    """What a valid direction list must satisfy this year (DIRECTIONS.md)."""

    total: int | None
    per_authority: Mapping[Authority, int]


@dataclass(frozen=True)
class Campaign:
    id: str
    title: str
    year: int
    province_notice: str
    province_notice_date: date
    ministry_notice: str
    ministry_notice_date: date
    deadline: Deadline
    submit_authority: Authority
    categories: tuple[Category, ...]
    directions: tuple[Direction, ...]
    directions_confirmed: bool
    directions_note: str
    direction_rules: DirectionRules
    regions: tuple[Region, ...]
    cities: tuple[City, ...]
    max_projects_per_applicant: int
    directions_per_category: int
    eligible_province: str
    eligible_types: tuple[str, ...]
    video_min_seconds: float
    video_max_seconds: float
    video_tolerance_seconds: float
    video_formats: tuple[str, ...]
    demonstration_period_years: int
    materials: tuple[Material, ...]
    copies: Mapping[str, int]
    rules: Mapping[str, RuleSpec]
    source_text: str = field(default="", repr=False, compare=False)

    # --- look-ups -------------------------------------------------------------------
    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def category_by_name(self, name: str) -> Category | None:
        name = name.strip()
        return next((c for c in self.categories if c.name == name or c.id == name), None)

    def direction(self, direction_id: str) -> Direction | None:
        return self._direction_index.get(direction_id)

    def direction_by_name(self, category_id: str, name: str) -> Direction | None:
        name = name.strip()
        return next(
            (d for d in self.directions if d.category_id == category_id and d.name == name), None
        )

    def directions_of(self, category_id: str) -> list[Direction]:
        return [d for d in self.directions if d.category_id == category_id]

    def city(self, name: str) -> City | None:
        """A city by its short or full name, with or without 广东省 in front."""
        key = name.strip().removeprefix("广东省").removesuffix("市")
        return next((c for c in self.cities if c.name == key), None)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.regions if r.id == region_id)

    def quota_for(self, city: City) -> int:
        return city.direct_quota if city.direct_quota is not None else self.region(city.region_id).quota

    def rule(self, rule_id: str) -> RuleSpec:
        return self.rules[rule_id]

    def rule_title(self, rule_id: str) -> str:
        """The rule's Chinese title for messages (its id only for a rule this campaign does not know)."""
        spec = self.rules.get(rule_id)
        return spec.title if spec else rule_id

    def with_directions(self, directions: Iterable[Direction], confirmed: bool) -> Campaign:
        """The same campaign with another direction list (edited or imported by the user)."""
        return replace(self, directions=tuple(directions), directions_confirmed=confirmed)

    @property
    def _direction_index(self) -> dict[str, Direction]:
        index: dict[str, Direction] | None = self.__dict__.get("_dir_index")
        if index is None or len(index) != len(self.directions):
            index = {d.id: d for d in self.directions}
            object.__setattr__(self, "_dir_index", index)
        return index


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


def parse_campaign(text: str, source: str = "活动文件", *, schema: bool = True) -> Campaign:
    """Parse and validate a pilot-recommendation campaign file; raises CampaignError listing every problem.

    `schema=False` skips the JSON Schema pass (and its import, a noticeable part of start-up) for
    a text that already passed it: the copy a database keeps of the file it was created with.
    """
    campaign = parse_any_campaign(text, source, schema=schema)
    if not isinstance(campaign, Campaign):
        raise CampaignError(
            source, [Problem("kind", "这不是试点示范项目推荐的活动文件，不能在此使用")]
        )
    return campaign


def parse_any_campaign(text: str, source: str = "活动文件", *, schema: bool = True) -> Any:
    """Parse and validate a campaign file of any registered kind (dispatching on `kind`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(source, [Problem("", f"不是有效的 TOML 文件：{exc}")]) from exc
    kind = _kind_of(data, source)
    problems = (_schema_problems(data, kind.schema_file) if schema else []) or kind.data_checks(data)
    if problems:
        raise CampaignError(source, problems)
    campaign = kind.build(data, text)
    problems = kind.consistency(campaign)
    if problems:
        raise CampaignError(source, problems)
    return campaign


def data_problems(data: Mapping[str, Any], *, schema: bool = True) -> list[Problem]:
    """Every problem of a campaign's data (as a form or an editor holds it), without raising:
    the kind and version, the schema, then what the kind checks on the data and the campaign.

    A form shows problems as the user types, so the later checks run even while the schema reports
    something elsewhere, as far as the data lets the campaign be built; a place the schema already
    names is not reported twice."""
    try:
        kind = _kind_of(data, "")
    except CampaignError as exc:
        return exc.problems
    problems = _schema_problems(data, kind.schema_file) if schema else []
    named = {p.location for p in problems}
    try:
        later = list(kind.data_checks(data))
        if not later:
            later = list(kind.consistency(kind.build(data, "")))
    except (KeyError, ValueError, TypeError, AttributeError):
        if not problems:
            raise
        later = []  # data the schema refused too far to build: its problems say what to fix first
    return problems + [p for p in later if not any(n == p.location or n.startswith(p.location + ".") for n in named)]


def campaign_kind_of(text: str) -> CampaignKind | None:
    """The registered kind a campaign file's text declares (None: not TOML, or an unknown kind)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return find_kind(kind_and_version(data)[0])


def _kind_of(data: Mapping[str, Any], source: str) -> CampaignKind:
    name, version = kind_and_version(data)
    kind = find_kind(name)
    if kind is None:
        raise CampaignError(source, [Problem("kind", f"本程序不认识活动类型 {name!r}，可能需要更新程序")])
    if version not in kind.versions:
        shown = "、".join(map(str, kind.versions))
        raise CampaignError(
            source,
            [Problem("version", f"{kind.label}活动文件的格式版本 {data.get('version')!r} 本程序不能读取（可读版本：{shown}），可能需要更新程序")],
        )
    return kind


def _schema_problems(data: Mapping[str, Any], schema_file: str = "campaign.schema.json") -> list[Problem]:
    import jsonschema  # deferred: only loading a file needs it

    from .. import resources

    schema = resources.campaign_schema(schema_file)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        location = _json_path(error.absolute_path)
        problems.append(Problem(location, _schema_message(error)))
    return problems


def _date_problems(data: Mapping[str, Any]) -> list[Problem]:
    """Dates and times that match the schema's pattern but do not exist (2023-02-30, 25:00)."""
    fields = [
        ("notice.province_date", data["notice"]["province_date"], date.fromisoformat),
        ("notice.ministry_date", data["notice"]["ministry_date"], date.fromisoformat),
        ("deadline.date", data["deadline"]["date"], date.fromisoformat),
        ("deadline.time", data["deadline"]["time"], time.fromisoformat),
    ]
    problems = []
    for location, value, parse in fields:
        try:
            parse(value)
        except ValueError:
            problems.append(Problem(location, f"不存在的日期或时间：{value!r}"))
    return problems


def _json_path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "（文件顶层）"


_TYPE_NAMES = {"integer": "整数", "number": "数字", "string": "文字", "boolean": "是/否（true/false）",
               "array": "列表", "object": "表"}
_PATTERN_NAMES = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "应为“年-月-日”格式的日期，如 2024-12-06",
    "^[0-2][0-9]:[0-5][0-9]$": "应为“时:分”格式的时间，如 17:30",
    "^[a-z0-9_]+$": "只能使用小写英文字母、数字和下划线",
    "^[a-z0-9][a-z0-9-]*$": "只能使用小写英文字母、数字和连字符（-），以年份开头",
    "^[0-9]{6}$": "应为6位数字的行政区划代码",
    "^[a-z0-9]+$": "只能使用小写英文字母和数字",
}


def _schema_message(error: Any) -> str:
    kind = error.validator
    value = error.validator_value
    if kind == "required":
        missing = [k for k in value if k not in error.instance]
        return f"缺少必填项 {', '.join(missing)}"
    if kind == "type":
        return f"类型错误：应为{_TYPE_NAMES.get(value, value)}，实际为 {error.instance!r}"
    if kind == "enum":
        return f"取值 {error.instance!r} 不在允许范围 {value} 内"
    if kind == "pattern":
        return f"{_PATTERN_NAMES.get(value, '格式错误')}（现为 {error.instance!r}）"
    if kind == "minimum":
        return f"应不小于 {value}（现为 {error.instance!r}）"
    if kind == "maximum":
        return f"应不大于 {value}（现为 {error.instance!r}）"
    if kind == "exclusiveMinimum":
        return f"应大于 {value}（现为 {error.instance!r}）"
    if kind == "minLength":
        return "不能为空"
    if kind == "minItems":
        return f"至少应有 {value} 项"
    if kind == "uniqueItems":
        return "有重复的项"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"有无法识别的项：{'、'.join(map(str, extra))}"
    if kind == "const":
        return f"应为 {value!r}，实际为 {error.instance!r}"
    return str(error.message)


def _rules_in_order(given: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The file's rule settings, with the defaults of optional rules it lacks, in ALL_RULES order
    (unknown ids last, for the consistency check to name)."""
    merged = {**OPTIONAL_RULES, **given}
    rank = {rule_id: i for i, rule_id in enumerate(ALL_RULES)}
    return sorted(merged.items(), key=lambda item: rank.get(item[0], len(rank)))


def _build(data: Mapping[str, Any], text: str) -> Campaign:
    notice = data["notice"]
    deadline = data["deadline"]
    dirs = data["directions"]
    limits = data["applicant"]
    video = data["video"]
    return Campaign(
        id=data["id"],
        title=data["title"],
        year=data["year"],
        province_notice=notice["province_number"],
        province_notice_date=date.fromisoformat(notice["province_date"]),
        ministry_notice=notice["ministry_number"],
        ministry_notice_date=date.fromisoformat(notice["ministry_date"]),
        deadline=Deadline(
            day=date.fromisoformat(deadline["date"]),
            time_of_day=time.fromisoformat(deadline["time"]),
            text=deadline["text"],
        ),
        submit_authority=Authority(data["submit_authority"]),
        categories=tuple(Category(c["id"], c["name"]) for c in data["categories"]),
        directions=tuple(
            Direction(
                id=d["id"],
                no=d["no"],
                category_id=d["category"],
                name=d["name"],
                authorities=tuple(Authority(a) for a in d["authorities"]),
            )
            for d in dirs["list"]
        ),
        directions_confirmed=dirs["confirmed"],
        directions_note=dirs.get("note", ""),
        direction_rules=DirectionRules(
            total=dirs.get("expected_total"),
            per_authority={Authority(k): v for k, v in dirs.get("expected_per_authority", {}).items()},
        ),
        regions=tuple(Region(r["id"], r["name"], r["quota"]) for r in data["regions"]),
        cities=tuple(
            City(c["name"], c["division"], c["region"], c.get("direct_quota")) for c in data["cities"]
        ),
        max_projects_per_applicant=limits["max_projects"],
        directions_per_category=limits["directions_per_category"],
        eligible_province=limits["registered_province"],
        eligible_types=tuple(limits["eligible_types"]),
        video_min_seconds=video["min_seconds"],
        video_max_seconds=video["max_seconds"],
        video_tolerance_seconds=video.get("tolerance_seconds", 0.5),
        video_formats=tuple(video["formats"]),
        demonstration_period_years=data["demonstration"]["period_years"],
        materials=tuple(
            Material(
                id=m["id"],
                name=m["name"],
                attachment_class=AttachmentClass(m["class"]),
                required=m["required"],
                missing_grade=Grade(m.get("missing_grade", "error")),
                min_count=m.get("min_count", 1),
                distinct_years=m.get("distinct_years", False),
                export_grade=Grade(m["export_grade"]) if "export_grade" in m else None,
            )
            for m in data["materials"]
        ),
        copies=dict(data["copies"]),
        rules={
            rule_id: RuleSpec(
                id=rule_id,
                title=r["title"],
                grade=Grade(r["grade"]),
                overridable=r["overridable"],
                clause=r["clause"],
                clause_text=r["clause_text"],
            )
            for rule_id, r in _rules_in_order(data["rules"])
        },
        source_text=text,
    )


# Every campaign configures each of SPEC's rule ids, in the order of SPEC's table.
REQUIRED_RULES = (
    "CITY_QUOTA",
    "APPLICANT_MAX_PROJECTS",
    "APPLICANT_ONE_DIRECTION_PER_CATEGORY",
    "DUPLICATE_PROJECT",
    "ALREADY_RECOMMENDED",
    "IN_DEMONSTRATION_PERIOD",
    "INNOVATION_PROJECT_NOT_ACCEPTED",
    "PROJECT_NOT_BUILT",
    "APPLICANT_NOT_ELIGIBLE",
    "USCC_INVALID",
    "VIDEO_REQUIRED",
    "MATERIALS_MISSING",
    "DIRECTION_AUTHORITY",
    "DEADLINE",
)

# Rules added after the 2023 notice's file was first written. A campaign file lists them like the
# others (they are data); a file without one (or a database's copy of an older file) gets the
# setting here, so older files keep loading.
OPTIONAL_RULES: dict[str, dict[str, Any]] = {
    "APPLICATION_DATA": {
        "title": "申报信息填写",
        "grade": "error",
        "overridable": False,
        "clause": "三(一)",
        "clause_text": "申报单位填写项目申报书，并提供与申报书填报内容相关的佐证材料",
    },
}

# Every rule id a pilot campaign knows, in the order an application's problems are listed.
ALL_RULES = REQUIRED_RULES[:-1] + tuple(OPTIONAL_RULES) + REQUIRED_RULES[-1:]


def registered_pilot_rules() -> set[str]:
    """Rule ids registered for pilot campaigns beyond SPEC's (a campaign file enables one by naming it)."""
    # Imported here: the rules import this module. Importing per_application registers the shipped ones.
    from .rules import per_application  # noqa: F401
    from .rules.registry import registered_rule_ids

    return registered_rule_ids(PILOT_KIND)


def consistency_problems(campaign: Campaign) -> list[Problem]:
    """Cross-references and counts that a schema cannot express."""
    problems: list[Problem] = []
    problems += _duplicates("categories", [c.id for c in campaign.categories], "类别编号")
    problems += _duplicates("regions", [r.id for r in campaign.regions], "地区编号")
    problems += _duplicates("cities", [c.name for c in campaign.cities], "城市")
    problems += _duplicates("materials", [m.id for m in campaign.materials], "材料编号")
    region_ids = {r.id for r in campaign.regions}
    for i, city in enumerate(campaign.cities, 1):
        if city.region_id not in region_ids:
            problems.append(Problem(f"cities[{i}].region", f"未知地区 {city.region_id!r}"))
    for rule_id in REQUIRED_RULES:
        if rule_id not in campaign.rules:
            problems.append(Problem(f"rules.{rule_id}", "缺少该规则的设置"))
    known = set(ALL_RULES) | registered_pilot_rules()
    for rule_id in campaign.rules:
        if rule_id not in known:
            problems.append(Problem(f"rules.{rule_id}", "未知规则编号"))
    if campaign.video_min_seconds >= campaign.video_max_seconds:
        problems.append(Problem("video.max_seconds", "视频最长时长应大于最短时长"))
    if campaign.deadline.day < campaign.province_notice_date:
        problems.append(Problem("deadline.date", "截止日期早于省通知的印发日期"))
    if abs(campaign.deadline.day.year - campaign.year) > 1:
        problems.append(
            Problem("deadline.date", f"截止日期 {campaign.deadline.day} 与活动年度 {campaign.year} 年相差一年以上")
        )
    problems += direction_problems(campaign, campaign.directions, "directions.list")
    return problems


def direction_problems(
    campaign: Campaign, directions: Iterable[Direction], where: str
) -> list[Problem]:
    """Check a direction list against the campaign's categories and this year's counts."""
    directions = list(directions)
    problems: list[Problem] = []
    category_ids = {c.id for c in campaign.categories}
    problems += _duplicates(where, [d.id for d in directions], "方向编号")
    names = Counter(d.name for d in directions)
    for i, d in enumerate(directions, 1):
        loc = f"{where}[{i}]"
        if d.category_id not in category_ids:
            problems.append(Problem(loc, f"类别 {d.category_id!r} 不是本年度的类别"))
        if not d.name.strip():
            problems.append(Problem(loc, "方向名称为空"))
        elif names[d.name] > 1:
            problems.append(Problem(loc, f"方向名称重复：{d.name}"))
        if not d.authorities:
            problems.append(Problem(loc, "未填写负责单位（工信厅/通信管理局）"))
    used = {d.category_id for d in directions}
    for c in campaign.categories:
        if c.id not in used:
            problems.append(Problem(where, f"类别“{c.name}”下没有任何方向"))
    rules = campaign.direction_rules
    if rules.total is not None and len(directions) != rules.total:
        problems.append(Problem(where, f"本年度应有 {rules.total} 个具体方向，实际为 {len(directions)} 个"))
    for authority, expected in rules.per_authority.items():
        count = sum(1 for d in directions if authority in d.authorities)
        if count != expected:
            problems.append(
                Problem(where, f"{authority.value}负责的方向应有 {expected} 个，实际为 {count} 个")
            )
    return problems


def _duplicates(where: str, values: list[str], what: str) -> list[Problem]:
    return [Problem(where, f"{what}重复：{v}") for v, n in Counter(values).items() if n > 1]


PILOT = register_kind(
    CampaignKind(
        name=PILOT_KIND,
        label="试点示范项目推荐",
        versions=(PILOT_VERSION,),
        schema_file="campaign.schema.json",
        build=_build,
        data_checks=_date_problems,
        consistency=consistency_problems,
        rule_ids=ALL_RULES,
    )
)

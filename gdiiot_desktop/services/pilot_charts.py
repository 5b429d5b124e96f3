"""What the pilot kind's 统计图表 show: the quota's use, applications by county, category and direction
(applied vs recommended), and the task list's progress — counted once, frozen with the time it was
read, so the window and the PDF show the same figures and the PDF says when and from what.

No Qt and no SQL here: the applications are tallied in SQL by `storage/chart_repository.py` (a city of
10,000 is counted without loading them), counties and the task list come through their repositories;
the counting itself (`count_charts`) is pure and tested on its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from ..domain.campaign import Campaign
from ..domain.enums import Status
from ..domain.model import Application
from ..storage import chart_repository, county_repository
from ..storage.audit import canonical_json
from ..storage.chart_repository import Tally
from .errors import ServiceError
from .workspace import Workspace

RECOMMENDED = Status.RECOMMENDED.value


@dataclass(frozen=True)
class Count:
    """One bar: applications still in play (registered or recommended) and, of them, the recommended."""

    label: str
    applied: int
    recommended: int


@dataclass(frozen=True)
class QuotaUse:
    """The city's quota (campaign file: 8 for 珠三角, 5 for 粤东/粤西/粤北, a 计划单列市's own limit)
    against the recommended projects; central enterprises (中央企业) do not take local quota."""

    limit: int
    counted: int  # recommended, not central enterprises
    central: int  # recommended central enterprises, outside the quota
    region: str  # 珠三角 …, or 计划单列市
    direct: bool  # 计划单列市 submitting directly (深圳)

    @property
    def over(self) -> int:
        return max(self.counted - self.limit, 0)

    @property
    def left(self) -> int:
        return max(self.limit - self.counted, 0)

    @property
    def text(self) -> str:
        state = f"超出 {self.over} 项" if self.over else f"尚余 {self.left} 项"
        central = f"；另有中央企业 {self.central} 项，不占名额" if self.central else ""
        return f"已推荐 {self.counted} / {self.limit} 项（{state}）{central}"


@dataclass(frozen=True)
class TaskBar:
    """One target of the province task list and how far the city is."""

    label: str  # 工作任务名称：目标
    done: int
    target: int
    days_left: int | None

    @property
    def fraction(self) -> float:
        return min(self.done / self.target, 1.0) if self.target else 0.0


@dataclass(frozen=True)
class PilotCharts:
    city: str  # 佛山市
    campaign_id: str
    campaign_title: str
    notice: str  # 粤工信工业互联网函〔2023〕37号
    read_at: datetime
    quota: QuotaUse
    by_county: tuple[Count, ...]
    by_category: tuple[Count, ...]
    by_direction: tuple[Count, ...]
    tasks: tuple[TaskBar, ...]
    withdrawn: int  # withdrawn or returned: left out of every bar
    digest: str  # SHA-256 of the figures (not of the time): the same figures, the same digest

    @property
    def applied(self) -> int:
        return sum(c.applied for c in self.by_category)

    @property
    def recommended(self) -> int:
        return sum(c.recommended for c in self.by_category)

    @property
    def stamp(self) -> str:
        """The id printed on the PDF: the day read and the figures' digest (like an export snapshot's)."""
        return f"{self.read_at:%Y%m%d}-{self.digest[:8].upper()}"

    @property
    def source_line(self) -> str:
        return f"{self.campaign_title}（{self.notice}）· 数据时间 {self.read_at:%Y-%m-%d %H:%M} · 编号 {self.stamp}"


def quota_segments(quota: QuotaUse) -> list[tuple[float, bool]]:
    """The quota strip: one segment per project taking quota, those past the quota marked outside it."""
    return [(1.0, i < quota.limit) for i in range(quota.counted)]


def tallies_of(apps: Iterable[Application]) -> list[Tally]:
    """Applications already in memory as the rows `count_charts` takes (one row each)."""
    return [
        Tally(a.county, a.category_id, a.direction_id, a.status.value, a.applicant.is_central_enterprise, 1)
        for a in apps
    ]


def _tally(
    keys: Sequence[str],
    rows: Sequence[Tally],
    key: Callable[[Tally], str],
    label: Callable[[str], str],
    *,
    keep_zero: bool,
) -> tuple[Count, ...]:
    """One Count per key in `keys` order (then any key the rows name that `keys` lacks)."""
    applied: Counter[str] = Counter()
    recommended: Counter[str] = Counter()
    for row in rows:
        applied[key(row)] += row.n
        if row.status == RECOMMENDED:
            recommended[key(row)] += row.n
    order = list(keys) + sorted(set(applied) - set(keys))
    return tuple(
        Count(label(k), applied[k], recommended[k]) for k in order if applied[k] or (keep_zero and k in keys)
    )


def count_charts(
    campaign: Campaign,
    city: str,
    rows: Sequence[Tally],
    counties: Sequence[str],
    read_at: datetime,
    tasks: Sequence[TaskBar] = (),
) -> PilotCharts:
    """The figures of the charts: pure counting over the applications' tallies as stored."""
    found = campaign.city(city)
    if found is None:
        raise ServiceError(f"“{city}”不是本活动的地级以上市，无法确定推荐名额")
    live = [r for r in rows if Status(r.status).is_active]
    recommended = sum(r.n for r in live if r.status == RECOMMENDED)
    central = sum(r.n for r in live if r.status == RECOMMENDED and r.central)
    direct = found.direct_quota is not None
    quota = QuotaUse(
        limit=campaign.quota_for(found),
        counted=recommended - central,
        central=central,
        region="计划单列市" if direct else campaign.region(found.region_id).name,
        direct=direct,
    )
    categories = {c.id: c.name for c in campaign.categories}
    directions = {d.id: d for d in campaign.directions}

    def direction_label(direction_id: str) -> str:
        d = directions.get(direction_id)
        return f"{d.no}. {d.name}" if d is not None else f"{direction_id}（不在方向清单中）"

    by_county = _tally(counties, live, lambda r: r.county, str, keep_zero=True)
    by_category = _tally(
        [c.id for c in campaign.categories], live, lambda r: r.category_id,
        lambda k: categories.get(k, k), keep_zero=True,
    )  # fmt: skip
    by_direction = _tally([d.id for d in campaign.directions], live, lambda r: r.direction_id, direction_label,
                          keep_zero=False)  # fmt: skip
    figures = {
        "city": found.full_name, "campaign": campaign.id, "quota": asdict(quota),
        "county": [asdict(c) for c in by_county], "category": [asdict(c) for c in by_category],
        "direction": [asdict(c) for c in by_direction], "tasks": [asdict(t) for t in tasks],
    }  # fmt: skip
    return PilotCharts(
        city=found.full_name,
        campaign_id=campaign.id,
        campaign_title=campaign.title,
        notice=campaign.province_notice,
        read_at=read_at.replace(microsecond=0),
        quota=quota,
        by_county=by_county,
        by_category=by_category,
        by_direction=by_direction,
        tasks=tuple(tasks),
        withdrawn=sum(r.n for r in rows) - sum(r.n for r in live),
        digest=hashlib.sha256(canonical_json(figures).encode("utf-8")).hexdigest(),
    )


def task_bars(ws: Workspace, now: datetime) -> list[TaskBar]:
    """The city's targets in every imported province task list, with the projects counted so far."""
    from .tasks.service import progress, task_list_database

    lists, _projects = progress(task_list_database(ws), now.date())
    bars = []
    for _task_list, items in lists:
        for item in items:
            if item.target.count:
                bars.append(TaskBar(f"{item.task.name}：{item.target.label}", item.done, item.target.count,
                                    item.days_left))  # fmt: skip
    return bars


def read_pilot_charts(ws: Workspace, now: datetime) -> PilotCharts:
    """Read and count (off the GUI thread: this opens database sessions); counted in SQL, not loaded."""
    with ws.db.session() as session:
        rows = chart_repository.application_tallies(session)
        counties = [name for name, _n in county_repository.counties_with_counts(session)]
    return count_charts(ws.campaign, ws.city, rows, counties, now, task_bars(ws, now))

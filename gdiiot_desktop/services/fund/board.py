"""What the special-fund window shows, read in one go off the GUI thread: the applications, the
pool with its budget line, the check, counts by county and direction, and the task-list progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...domain.fund.campaign import FundCampaign
from ...domain.fund.model import FundApplication
from ...domain.fund.pool import Pool
from ...domain.model import Violation
from ...domain.tasks.model import TaskList
from ...domain.tasks.progress import CountedProject, TargetProgress
from ..tasks.linked import LinkedSource, read_links
from ..tasks.service import city_database_of, progress
from .checks import check_fund_workspace
from .ranking import current_pool
from .workspace import FundWorkspace, create_fund_workspace, open_fund_workspace


@dataclass(frozen=True)
class FundBoardData:
    campaign: FundCampaign
    city: str
    apps: tuple[FundApplication, ...]
    pool: Pool
    violations: tuple[Violation, ...]
    by_county: tuple[tuple[str, int], ...]
    by_direction: tuple[tuple[str, int], ...]
    tasks: tuple[tuple[TaskList, tuple[TargetProgress, ...]], ...]
    projects: tuple[CountedProject, ...]
    today: date
    links: tuple[LinkedSource, ...] = ()  # the other campaigns' databases the task list counts


def read_board(ws: FundWorkspace, today: date) -> FundBoardData:
    apps = ws.repo.all()
    pool = current_pool(ws, apps)
    report = check_fund_workspace(ws, apps=apps)
    active = [a for a in apps if a.status.is_active]
    counties = Counter(a.county for a in active)
    order = list(ws.campaign.counties) + sorted(set(counties) - set(ws.campaign.counties))
    directions = Counter(a.direction_id for a in active)
    marks = {d.id: d.counts_as for d in ws.campaign.directions}
    cdb = city_database_of(ws.db, ws.city, ws.operator, marks)
    links = read_links(cdb)
    lists, projects = progress(cdb, today, links=links)
    return FundBoardData(
        campaign=ws.campaign,
        city=ws.city,
        apps=tuple(apps),
        pool=pool,
        violations=tuple(report.violations),
        by_county=tuple((c, counties[c]) for c in order if counties[c] or c in ws.campaign.counties),
        by_direction=tuple((d.name, directions[d.id]) for d in ws.campaign.directions),
        tasks=tuple((tl, tuple(items)) for tl, items in lists),
        projects=tuple(projects),
        today=today,
        links=tuple(links),
    )


def open_and_read_board(path: Path, today: date) -> tuple[FundWorkspace, FundBoardData]:
    ws = open_fund_workspace(path)
    try:
        return ws, read_board(ws, today)
    except Exception:
        ws.close()
        raise


def create_and_read_board(
    path: Path, city: str, campaign_file: Path, operator: str, today: date
) -> tuple[FundWorkspace, FundBoardData]:
    """A new special-fund database, made as `gdiiot init --campaign …fund….toml` makes it, and its
    (empty) board: the window's first read."""
    ws = create_fund_workspace(path, city, campaign_file, operator=operator)
    try:
        return ws, read_board(ws, today)
    except Exception:
        ws.close()
        raise

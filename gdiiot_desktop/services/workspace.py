"""A workspace: one open city database with its campaign, the unit every service works on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..domain.campaign import Campaign, CampaignError, parse_campaign
from ..domain.campaign_kinds import PILOT_KIND
from ..resources import campaign_file
from ..storage.audit import append_audit
from ..storage.campaign_repository import load_stored_campaign, read_settings, store_campaign
from ..storage.carry_over import add_applicants, count_applicants, read_earlier_database
from ..storage.database import Database
from .errors import InputError, ServiceError

T = TypeVar("T")

if TYPE_CHECKING:
    from ..storage.database import Session

DEFAULT_OPERATOR = "操作员"


@dataclass
class Workspace:
    """An open database, the campaign it works under (with the user's direction list) and its city."""

    db: Database
    campaign: Campaign
    city: str
    operator: str = DEFAULT_OPERATOR
    counties: list[str] = field(default_factory=list)
    exchange_flags: dict[int, str] = field(default_factory=dict)  # application id → a county bundle's flag

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def campaign_kind(self) -> str:
        """The kind of campaign this database works on (a bundle names it: services/exchange)."""
        return PILOT_KIND

    def audit(
        self, session: Session, action: str, entity: str, entity_id: object, details: dict[str, object]
    ) -> None:
        append_audit(
            session,
            actor=self.operator,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            details=details,
        )

    def reload_campaign(self) -> None:
        with self.db.session() as session:
            self.campaign = _load_campaign(session)

    def close(self) -> None:
        self.db.close()


def create_workspace(
    db_path: Path,
    city: str,
    campaign_path: Path | None = None,
    operator: str = DEFAULT_OPERATOR,
    *,
    carry_applicants_from: Path | None = None,
) -> Workspace:
    """A new database for `city` under a campaign file (the shipped 2023 campaign by default).

    A database belongs to one campaign: a new year is a new database. With `carry_applicants_from`
    (an earlier year's database of the same city) its enterprises' details come along; its
    applications do not. Nothing is created when the campaign or the earlier database is refused.
    """
    source = campaign_path or campaign_file()
    campaign = load_campaign_file(source)
    found = campaign.city(city)
    if found is None:
        names = "、".join(c.name for c in campaign.cities)
        raise InputError(f"“{city}”不是本活动的地级以上市。可选：{names}")
    if db_path.exists():
        raise InputError(f"数据库文件已存在：{db_path}。如需重新开始，请换一个文件名。")
    earlier = read_earlier_database(carry_applicants_from) if carry_applicants_from else None
    if earlier is not None and earlier.city != found.name:
        raise InputError(f"上一年度的数据库属于{earlier.city}市，不是{found.name}市，不能从中带入企业信息")
    db = Database.open(db_path, create=True)
    with db.session() as session:
        store_campaign(session, campaign, found.name)
        details: dict[str, object] = {"city": found.name, "campaign": campaign.id, "campaign_file": str(source)}
        if earlier is not None:
            details["applicants_carried"] = add_applicants(session, earlier.applicants)
            details["applicants_from"] = str(earlier.path)
            details["applicants_from_campaign"] = earlier.campaign_id
        append_audit(
            session, actor=operator, action="init", entity="database", entity_id=found.name, details=details
        )
    return Workspace(db=db, campaign=campaign, city=found.name, operator=operator)


def applicant_count(ws: Workspace) -> int:
    """How many enterprises the database knows (carried from an earlier year, or entered)."""
    with ws.db.session() as session:
        return count_applicants(session)


def open_workspace(db_path: Path, operator: str | None = None) -> Workspace:
    """Open an existing database (migrating it with a backup first when it is older)."""
    db = Database.open(db_path)
    try:
        with db.session() as session:
            settings = read_settings(session)
            if "city" not in settings:
                raise ServiceError("数据库尚未初始化（缺少城市设置）。请先运行 gdiiot init --city 城市名。")
            campaign = _load_campaign(session)
    except Exception:
        db.close()
        raise
    return Workspace(
        db=db,
        campaign=campaign,
        city=settings["city"],
        operator=operator or settings.get("operator", DEFAULT_OPERATOR),
    )


def load_campaign_file(path: Path) -> Campaign:
    return read_campaign_file(path, parse_campaign)


def read_campaign_file(path: Path, parse: Callable[..., T]) -> T:
    """A campaign file of one kind, parsed by `parse(text, source=…)`; every failure an InputError in Chinese."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"找不到活动文件：{path}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"活动文件不是 UTF-8 编码：{path}") from exc
    try:
        return parse(text, source=path.name)
    except CampaignError as exc:
        raise InputError(f"活动文件 {path.name} 无法使用", [str(p) for p in exc.problems]) from exc


def _load_campaign(session: Session) -> Campaign:
    campaign = load_stored_campaign(session)
    if campaign is None:
        raise ServiceError("数据库中缺少活动设置，数据库可能已损坏。请从备份恢复。")
    return campaign

"""A special-fund workspace: one city database working on one special-fund call."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ...domain.campaign import CampaignError
from ...domain.fund.campaign import FUND_KIND, FundCampaign
from ...domain.fund.loader import is_fund_text, parse_fund_campaign
from ...storage.audit import append_audit
from ...storage.database import Database, Session
from ...storage.fund_repository import FundRepository, create_fund_database, database_kind, read_setup
from ..errors import InputError, ServiceError
from ..workspace import read_campaign_file

DEFAULT_OPERATOR = "操作员"


@dataclass
class FundWorkspace:
    db: Database
    campaign: FundCampaign
    city: str
    operator: str = DEFAULT_OPERATOR

    @property
    def repo(self) -> FundRepository:
        return FundRepository(self.db, self.operator)

    def budget(self) -> Decimal | None:
        """The city's budget when set, else the one the call states (None: no line yet)."""
        set_here = self.repo.budget()
        return set_here if set_here is not None else self.campaign.budget

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def campaign_kind(self) -> str:
        return FUND_KIND

    def audit(
        self, session: Session, action: str, entity: str, entity_id: object, details: dict[str, object]
    ) -> None:
        """An audit entry in the caller's unit of work (the exchange writes its merge and its log together)."""
        append_audit(
            session, actor=self.operator, action=action, entity=entity, entity_id=str(entity_id), details=details
        )

    def close(self) -> None:
        self.db.close()


def is_fund_campaign_file(path: Path | None) -> bool:
    if path is None or not path.is_file():
        return False
    try:
        return is_fund_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def is_fund_database(path: Path) -> bool:
    return database_kind(path) == FUND_KIND


def load_fund_campaign_file(path: Path) -> FundCampaign:
    return read_campaign_file(path, parse_fund_campaign)


def create_fund_workspace(
    db_path: Path, city: str, campaign_path: Path, operator: str = DEFAULT_OPERATOR
) -> FundWorkspace:
    campaign = load_fund_campaign_file(campaign_path)
    if not campaign.city_matches(city):
        raise InputError(f"活动文件是{campaign.city}市的专项资金申报（{campaign.title}），不能用于“{city}”")
    if db_path.exists():
        raise InputError(f"数据库文件已存在：{db_path}。如需重新开始，请换一个文件名。")
    db = Database.open(db_path, create=True)
    try:
        create_fund_database(
            db,
            campaign_id=campaign.id,
            source_text=campaign.source_text,
            city=campaign.city,
            operator=operator,
            campaign_file=str(campaign_path),
        )
    except Exception:
        db.close()
        raise
    return FundWorkspace(db, campaign, campaign.city, operator)


def open_fund_workspace(db_path: Path, operator: str | None = None) -> FundWorkspace:
    db = Database.open(db_path)
    try:
        settings, text = read_setup(db)
        if settings.get("campaign_kind") != FUND_KIND or text is None:
            raise ServiceError(
                "这不是专项资金申报的数据库（请用 gdiiot init --campaign 专项资金活动文件 新建）。"
            )
        try:
            campaign = parse_fund_campaign(text, source=settings.get("campaign_id", "活动"), schema=False)
        except CampaignError as exc:
            raise ServiceError("数据库中的活动设置无法读取，数据库可能已损坏。请从备份恢复。") from exc
    except Exception:
        db.close()
        raise
    return FundWorkspace(
        db, campaign, settings["city"], operator or settings.get("operator", DEFAULT_OPERATOR)
    )

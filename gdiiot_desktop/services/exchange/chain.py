"""The county's audit log inside a bundle: written out entry by entry, and its hash chain re-verified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...storage.audit import chain_link_problems
from ...storage.exchange_repository import ExchangeRepository
from .. import jsonio
from ..errors import InputError
from .format import MAX_AUDIT_DETAILS
from .jsonio import Node

AUDIT_KEYS = ("id", "at", "actor", "action", "entity", "entity_id", "details", "prev_hash", "hash")
EXPORT_ACTION = "bundle_export"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    details: str
    prev_hash: str
    hash: str


def audit_json(repo: ExchangeRepository) -> list[dict[str, Any]]:
    """Every entry of this database's log, oldest first, as the bundle's audit.json holds them."""
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(timespec="microseconds"),
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "details": e.details,
            "prev_hash": e.prev_hash,
            "hash": e.hash,
        }
        for e in repo.audit_entries()
    ]


def parse_audit(root: Node) -> list[AuditRecord]:
    out = []
    for node in root.items():
        node.obj(AUDIT_KEYS)
        at = node["at"].timestamp(zone=False)
        out.append(
            AuditRecord(
                id=node["id"].integer(1, 2**62),
                at=at,
                actor=node["actor"].text(raw=True),  # history as it was written, never rewritten
                action=node["action"].text(max_len=64),
                entity=node["entity"].text(max_len=64),
                entity_id=node["entity_id"].text(raw=True),
                details=node["details"].text(max_len=MAX_AUDIT_DETAILS, raw=True),
                prev_hash=node["prev_hash"].text(max_len=64),
                hash=node["hash"].text(max_len=64),
            )
        )
    return out


def chain_problems(entries: list[AuditRecord]) -> list[str]:
    """What is wrong with the chain, in Chinese; empty when every link and every hash holds (the check the
    database runs on its own log, stopped after five findings)."""
    return chain_link_problems(entries, limit=5)


def export_entry_problems(entries: list[AuditRecord], bundle_id: str, applications_sha256: str) -> list[str]:
    """The chain must end with this bundle's export, which names the applications' hash."""
    if not entries:
        return ["数据包中的审计日志是空的"]
    last = entries[-1]
    if last.action != EXPORT_ACTION or last.entity_id != bundle_id:
        return ["审计日志的最后一条记录不是本数据包的导出记录（日志可能来自别的数据包或被截短）"]
    try:  # bounded: a crafted entry nested 200,000 deep is refused, not a RecursionError
        details = jsonio.loads(last.details, jsonio.Source("审计日志中本数据包的导出记录"))
    except InputError:
        return ["审计日志中本数据包的导出记录无法解读"]
    if not isinstance(details, dict) or details.get("applications_sha256") != applications_sha256:
        return ["审计日志中记录的申报数据哈希值与数据包中的申报数据不符（申报数据可能在导出后被改动）"]
    return []

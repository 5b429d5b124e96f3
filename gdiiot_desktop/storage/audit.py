"""The append-only audit log: each entry's hash chains the one before, so tampering shows.

`hash = sha256(prev_hash + canonical JSON of the entry)`, with `prev_hash` the previous entry's hash
("0" * 64 for the first) and the entry's own id inside the JSON, so a removed or reordered entry
breaks the chain. Times are UTC (stored without a zone). Triggers made by the migration refuse
UPDATE and DELETE on the table; the chain catches changes made after dropping them. Removing the
newest entries leaves a shorter chain that still verifies; only the copies in backups show that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .models import AuditEntry

GENESIS_HASH = "0" * 64
APPEND_ONLY_TRIGGERS = ("trg_audit_log_no_update", "trg_audit_log_no_delete")


def _json_default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def canonical_json(value: object) -> str:
    """Sorted keys, no spaces, UTF-8 text kept as it is: the same data always gives the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default)


def utc_naive(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo is not None else at


def entry_hash(
    prev_hash: str,
    *,
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    details: str,
) -> str:
    """The hash of one entry; `details` is the stored JSON text."""
    body = canonical_json(
        {
            "id": entry_id,
            "at": utc_naive(at).isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "details": details,
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def append_audit(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    details: dict[str, Any],
) -> AuditEntry:
    """Add an entry to the log inside the caller's unit of work (committed with it).

    The entry takes the next id explicitly: two sessions racing to append cannot both succeed
    (the second fails on the primary key or on SQLite's write lock) and so never fork the chain.
    """
    session.flush()  # entries added earlier in this session must be visible to the query below
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    prev_id, prev_hash = (last.id, last.hash) if last is not None else (0, GENESIS_HASH)
    at = datetime.now(UTC).replace(tzinfo=None)
    details_json = canonical_json(details)
    entry = AuditEntry(
        id=prev_id + 1,
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        details=details_json,
        prev_hash=prev_hash,
        hash=entry_hash(
            prev_hash,
            entry_id=prev_id + 1,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            details=details_json,
        ),
    )
    session.add(entry)
    return entry


def verify_chain(session: Session) -> list[str]:
    """Problems with the log, in Chinese, one per finding; an empty list when it is intact."""
    problems: list[str] = []
    triggers = set(
        session.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        )
    )
    if missing := [t for t in APPEND_ONLY_TRIGGERS if t not in triggers]:
        problems.append(f"审计日志的防篡改保护（触发器 {'、'.join(missing)}）已被移除，日志可能被改动过。")
    problems += chain_link_problems(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    return problems


class ChainEntry(Protocol):
    """An audit entry as the chain check reads it: a stored row, or one read from a county's bundle."""

    @property
    def id(self) -> int: ...
    @property
    def at(self) -> datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def entity(self) -> str: ...
    @property
    def entity_id(self) -> str: ...
    @property
    def details(self) -> str: ...
    @property
    def prev_hash(self) -> str: ...
    @property
    def hash(self) -> str: ...


def chain_link_problems(entries: Iterable[ChainEntry], *, limit: int | None = None) -> list[str]:
    """What is wrong with the links of a chain, oldest entry first: gaps, broken links, altered entries.
    The one check of the chain, for the database's own log and for the log a county's bundle carries."""
    problems: list[str] = []
    expected_prev, expected_id = GENESIS_HASH, 1
    for entry in entries:
        if entry.id > expected_id:
            gap = f"{expected_id}" if expected_id == entry.id - 1 else f"{expected_id}–{entry.id - 1}"
            problems.append(f"审计日志缺少第 {gap} 条记录（可能被删除）。")
        elif entry.id < expected_id:
            problems.append(f"审计日志第 {entry.id} 条记录出现在第 {expected_id} 条的位置（记录可能被调换或重复）。")
        if entry.prev_hash != expected_prev:
            problems.append(
                f"审计日志第 {entry.id} 条记录与前一条记录的链接不符（前面的记录可能被删除或修改）。"
            )
        recomputed = entry_hash(
            entry.prev_hash,
            entry_id=entry.id,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            details=entry.details,
        )
        if recomputed != entry.hash:
            problems.append(f"审计日志第 {entry.id} 条记录的内容与其哈希值不符（记录可能被修改）。")
        expected_prev, expected_id = entry.hash, entry.id + 1
        if limit is not None and len(problems) >= limit:
            break
    return problems

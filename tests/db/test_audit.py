"""The audit log: append-only in the database, and a hash chain that shows tampering."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from gdiiot_desktop.storage.audit import GENESIS_HASH, append_audit, verify_chain
from gdiiot_desktop.storage.database import Database
from gdiiot_desktop.storage.models import AuditEntry


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "audit.sqlite3", create=True)
    with database.session() as s:
        append_audit(
            s, actor="张三", action="init", entity="database", entity_id="江门市", details={"city": "江门市"}
        )
        append_audit(
            s,
            actor="张三",
            action="create",
            entity="application",
            entity_id="1",
            details={"project_name": [None, "智能工厂"]},
        )
    with database.session() as s:
        append_audit(
            s,
            actor="李四",
            action="update",
            entity="application",
            entity_id="1",
            details={"priority": [None, 1], "at": datetime(2023, 12, 1, tzinfo=UTC)},
        )
    yield database
    database.close()


def test_chain_links_and_verifies(db: Database) -> None:
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [e.id for e in entries] == [1, 2, 3]
        assert entries[0].prev_hash == GENESIS_HASH
        assert entries[1].prev_hash == entries[0].hash and entries[2].prev_hash == entries[1].hash
        assert abs((datetime.now(UTC).replace(tzinfo=None) - entries[2].at).total_seconds()) < 60
        assert "智能工厂" in entries[1].details  # readable JSON, not \\u escapes
        assert verify_chain(s) == []


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_log SET actor = 'x' WHERE id = 2", "DELETE FROM audit_log WHERE id = 3"]
)
def test_log_refuses_update_and_delete(db: Database, sql: str) -> None:
    with pytest.raises(IntegrityError, match="append-only"), db.session() as s:
        s.execute(text(sql))
    with db.session() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == 3


def test_orm_update_refused(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as s:
        entry = s.get(AuditEntry, 1)
        assert entry is not None
        entry.actor = "冒名"


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER trg_audit_log_no_update")
    conn.execute("DROP TRIGGER trg_audit_log_no_delete")
    for sql in statements:
        conn.execute(sql)
    conn.close()


def test_modified_entry_is_detected(db: Database) -> None:
    _tamper(db.path, "UPDATE audit_log SET details = '{\"priority\":[null,2]}' WHERE id = 3")
    with db.session() as s:
        problems = verify_chain(s)
    assert any("触发器" in p for p in problems)
    assert any("第 3 条记录的内容与其哈希值不符" in p for p in problems)


def test_deleted_entry_is_detected(db: Database) -> None:
    _tamper(db.path, "DELETE FROM audit_log WHERE id = 2")
    with db.session() as s:
        problems = verify_chain(s)
    assert any("缺少第 2 条记录" in p for p in problems)
    assert any("第 3 条记录与前一条记录的链接不符" in p for p in problems)


def test_rehashed_entry_still_breaks_the_link(db: Database) -> None:
    # A forger who recomputes the changed entry's own hash still breaks the next entry's link.
    from gdiiot_desktop.storage.audit import entry_hash

    with db.session() as s:
        e = s.get(AuditEntry, 2)
        assert e is not None
        forged = entry_hash(
            e.prev_hash,
            entry_id=2,
            at=e.at,
            actor="王五",
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
            details=e.details,
        )
    _tamper(db.path, f"UPDATE audit_log SET actor = '王五', hash = '{forged}' WHERE id = 2")
    with db.session() as s:
        problems = [p for p in verify_chain(s) if "触发器" not in p]
    assert problems == ["审计日志第 3 条记录与前一条记录的链接不符（前面的记录可能被删除或修改）。"]


def test_unserialisable_details_refused(db: Database) -> None:
    with pytest.raises(TypeError), db.session() as s:
        append_audit(s, actor="x", action="y", entity="z", entity_id="1", details={"obj": object()})

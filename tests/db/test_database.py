"""Opening databases: pragmas, units of work, corruption, the attachment store beside, the lock."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from gdiiot_desktop.storage.audit import append_audit
from gdiiot_desktop.storage.database import Database, store_root_for
from gdiiot_desktop.storage.errors import (
    DatabaseCorruptError,
    DatabaseMissingError,
    ReadOnlyDatabaseError,
)
from gdiiot_desktop.storage.models import County, Setting
from gdiiot_desktop.threads import READER_THREAD_PREFIX

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "测试" / "city.sqlite3", create=True)
    yield database
    database.close()


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nope.sqlite3"
    with pytest.raises(DatabaseMissingError) as caught:
        Database.open(path)
    assert not path.exists()
    assert "找不到数据库文件" in caught.value.message


def test_pragmas_on_every_connection(db: Database) -> None:
    assert db.journal_mode == "wal"
    # Several connections at once: each one gets the pragmas from the connect listener.
    with db.engine.connect() as a, db.engine.connect() as b:
        for conn in (a, b):
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 1000
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            conn.rollback()  # each began IMMEDIATE: let the other one have the write lock


def test_session_commits_and_rolls_back(db: Database) -> None:
    with db.session() as s:
        county = County(name="蓬江区")
        s.add(county)
    assert county.name == "蓬江区"  # expire_on_commit=False: usable after the session
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(County(name="江海区"))
        s.flush()
        raise RuntimeError("abandon")
    with db.session() as s:
        assert s.scalars(select(County.name)).all() == ["蓬江区"]


def test_foreign_keys_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.session() as s:
        s.execute(
            text(
                "INSERT INTO directions (campaign_id, id, no, category_id, name, authorities) "
                "VALUES ('missing', 'D1', 1, 'C1', 'x', '')"
            )
        )


def test_store_sits_beside_the_database(db: Database) -> None:
    stored = db.store.put_bytes("附件".encode())
    assert db.store.root == store_root_for(db.path) == db.path.parent / "city.files"
    assert db.store.path_of(stored.sha256).is_file()


def test_leftover_temp_files_are_cleaned_on_open(db: Database) -> None:
    temp = db.store.temp_dir
    temp.mkdir(parents=True)
    (temp / "put-crashed.part").write_bytes(b"half")
    path = db.path
    db.close()
    with Database.open(path) as again:
        assert list(again.store.temp_dir.iterdir()) == []


def test_corrupt_database_names_latest_backup(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    with Database.open(path, create=True) as db:
        with db.session() as s:
            s.add_all(Setting(key=f"k{i}", value="值" * 200) for i in range(300))
        backup = db.backup("manual")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page):  # scribble over b-tree pages
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))

    with pytest.raises(DatabaseCorruptError) as caught:
        Database.open(path)
    assert caught.value.latest_backup == backup
    assert str(backup) in caught.value.message


def test_not_a_database_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseCorruptError) as caught:
        Database.open(path)
    assert caught.value.latest_backup is None
    assert "没有可用的备份" in caught.value.message


def test_backup_if_due(db: Database) -> None:
    first = db.backup_if_due()
    assert first is not None and first.exists()
    assert db.backup_if_due() is None  # a fresh one exists
    assert (datetime.now() - datetime.fromtimestamp(first.stat().st_mtime)).total_seconds() < 60


HOLDER = """
import sys
from pathlib import Path
from gdiiot_desktop.storage.database import Database
db = Database.open(Path(sys.argv[1]))
with db.session() as s:
    s.execute(__import__("sqlalchemy").text("INSERT INTO settings (key, value) VALUES ('holder', 'yes')"))
print("OPEN", flush=True)
sys.stdin.read()
db.close()
"""


def test_second_process_gets_read_only(db: Database) -> None:
    path = db.path
    with db.session() as s:
        s.add(County(name="蓬江区"))
    db.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
        with Database.open(path) as ro:
            assert ro.read_only and ro.locked_by_other
            assert ro.read_only_notice is not None and "只读" in ro.read_only_notice
            with ro.session() as s:  # reads work, and see the holder's committed write
                assert s.scalars(select(County.name)).all() == ["蓬江区"]
                assert s.get(Setting, "holder") is not None
            with pytest.raises(ReadOnlyDatabaseError) as caught, ro.session() as s:
                s.add(County(name="江海区"))
            assert "只读" in caught.value.message
            with pytest.raises(ReadOnlyDatabaseError), ro.session() as s:
                s.execute(text("DELETE FROM counties"))
            with pytest.raises(ReadOnlyDatabaseError), ro.session() as s:
                append_audit(s, actor="x", action="edit", entity="county", entity_id="1", details={})
            with pytest.raises(ReadOnlyDatabaseError):
                ro.store.put_bytes(b"x")
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0
    # The holder has gone: the next open writes again.
    with Database.open(path) as rw:
        assert not rw.read_only
        with rw.session() as s:
            s.add(County(name="江海区"))
        with rw.session() as s:
            assert s.scalar(select(func.count()).select_from(County)) == 2


def test_same_process_second_open_is_read_only(db: Database) -> None:
    with Database.open(db.path) as other:
        assert other.read_only and other.locked_by_other


def _other_can_take_write_lock(path: Path) -> bool:
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def test_units_of_work_take_the_write_lock_at_begin_except_the_readers(db: Database) -> None:
    # A unit of work outside the read pool (the writer thread, the CLI) holds the write lock from BEGIN,
    # before it has written anything: it can never fail half-way upgrading a read lock.
    with db.session() as session:
        session.execute(text("SELECT 1"))
        assert not _other_can_take_write_lock(db.path)
    assert _other_can_take_write_lock(db.path)

    held: list[bool] = []

    def read() -> None:
        with db.session() as session:
            session.execute(text("SELECT 1"))
            held.append(not _other_can_take_write_lock(db.path))

    reader = threading.Thread(target=read, name=f"{READER_THREAD_PREFIX}_0")
    reader.start()
    reader.join()
    assert held == [False]  # readers begin DEFERRED: in WAL mode they never wait for a writer

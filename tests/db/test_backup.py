"""Backups: consistent copies while open, rotation, and restoring with a safety backup first."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from gdiiot_desktop.storage import backup as backup_mod
from gdiiot_desktop.storage.backup import (
    inspect_database,
    list_backups,
    make_backup,
    restore_backup,
    rotate_backups,
)
from gdiiot_desktop.storage.database import Database
from gdiiot_desktop.storage.errors import BackupInvalidError, DatabaseLockedError
from gdiiot_desktop.storage.models import County


def _counties(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(County.name).order_by(County.id)))


def _new_db(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "数据" / "city.sqlite3"
    with Database.open(path, create=True) as db, db.session() as s:
        s.add_all(County(name=n) for n in names)
    return path


def test_backup_while_open_is_consistent_and_named(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    folder = tmp_path / "backups"
    with Database.open(path) as db:
        with db.session() as s:
            s.add(County(name="江海区"))  # committed, still in the WAL
        made = make_backup(db.path, folder, "before-migration")
    assert re.fullmatch(r"gdiiot-\d{8}-\d{6}-before-migration\.sqlite3", made.name)
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT name FROM counties ORDER BY id").fetchall() == [("蓬江区",), ("江海区",)]
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert not made.with_name(made.name + "-wal").exists()
    [info] = list_backups(folder)
    assert (info.path, info.reason, info.size) == (made, "before-migration", made.stat().st_size)
    assert inspect_database(made).problems == []


def test_rotation_keeps_the_newest(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    folder = tmp_path / "backups"
    made = [make_backup(path, folder, f"r{i}", keep=3) for i in range(5)]
    left = list_backups(folder)
    assert [b.path for b in left] == made[:1:-1]  # newest first, the two oldest rotated away
    assert rotate_backups(folder, keep=1) == [made[3], made[2]]


def test_chinese_reason(tmp_path: Path) -> None:
    path = _new_db(tmp_path)
    made = make_backup(path, tmp_path / "b", "手动 备份")
    assert list_backups(tmp_path / "b")[0].reason == "手动-备份" and made.exists()


def test_restore_round_trip(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区", "江海区")
    folder = tmp_path / "backups"
    good = make_backup(path, folder, "manual")
    with Database.open(path) as db, db.session() as s:
        s.add(County(name="新会区"))
        s.delete(s.scalars(select(County).where(County.name == "蓬江区")).one())

    saved = restore_backup(good, path, backups_dir=folder)

    assert saved is not None and "before-restore" in saved.name
    with Database.open(path) as db:
        assert _counties(db) == ["蓬江区", "江海区"]
    conn = sqlite3.connect(saved)
    assert conn.execute("SELECT name FROM counties ORDER BY id").fetchall() == [("江海区",), ("新会区",)]
    conn.close()


def test_restore_removes_a_stale_wal(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    folder = tmp_path / "backups"
    good = make_backup(path, folder, "manual")
    # A WAL left by a crashed writer of the current database: must not be replayed into the backup.
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO counties (name) VALUES ('江海区')")
    writer.commit()
    wal = path.with_name(path.name + "-wal")
    stale = wal.read_bytes()
    writer.close()
    wal.write_bytes(stale)  # as if the process had died before checkpointing
    restore_backup(good, path, backups_dir=folder)
    assert not wal.exists() or wal.stat().st_size == 0
    with Database.open(path) as db:
        assert _counties(db) == ["蓬江区"]
        assert db.integrity_check() == []


def test_restore_onto_missing_database(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    good = make_backup(path, tmp_path / "backups", "manual")
    path.unlink()
    assert restore_backup(good, path, backups_dir=tmp_path / "backups") is None
    with Database.open(path) as db:
        assert _counties(db) == ["蓬江区"]


def test_restore_over_damaged_database_keeps_its_bytes(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    folder = tmp_path / "backups"
    good = make_backup(path, folder, "manual")
    path.write_bytes(b"garbage" * 1000)
    saved = restore_backup(good, path, backups_dir=folder)
    assert saved is not None and "damaged" in saved.name and saved.read_bytes() == b"garbage" * 1000
    with Database.open(path) as db:
        assert _counties(db) == ["蓬江区"]


def test_restore_refuses_bad_backups(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    before = path.read_bytes()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database" * 100)
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer = make_backup(path, tmp_path / "b", "x")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    for bad, words in (
        (broken, "已损坏"),
        (foreign, "不是本程序"),
        (newer, "更新版本"),
        (tmp_path / "none.sqlite3", "找不到"),
    ):
        with pytest.raises(BackupInvalidError) as caught:
            restore_backup(bad, path)
        assert words in caught.value.message and "未做任何修改" in caught.value.message
    assert path.read_bytes() == before


def test_restore_refused_while_open(tmp_path: Path) -> None:
    path = _new_db(tmp_path, "蓬江区")
    good = make_backup(path, tmp_path / "backups", "manual")
    with Database.open(path) as db:
        with pytest.raises(DatabaseLockedError) as caught:
            restore_backup(good, path)
        assert "关闭" in caught.value.message
        assert not db.read_only


def test_same_second_names_do_not_collide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _new_db(tmp_path)
    a = make_backup(path, tmp_path / "b", "manual")
    b = make_backup(path, tmp_path / "b", "manual")
    assert a != b and a.exists() and b.exists()
    assert backup_mod.latest_backup(tmp_path / "b") in (a, b)

"""Rotating database backups through SQLite's online backup API, and restoring one of them.

Only the SQLite file is backed up. The attachment store beside it (`<db stem>.files/`) is not part
of a backup: its files are named by their SHA-256 and never modified in place, so every attachment
a backup's rows refer to is still in the store, unless someone deleted files there by hand.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import paths
from . import migrate
from .durable import fsync_dir, fsync_file
from .errors import (
    BackupInvalidError,
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    StorageError,
)
from .locking import DatabaseLock
from .uri import read_only_uri, sqlite_uri

DEFAULT_KEEP = 20
CONNECT_TIMEOUT_S = 5.0  # sqlite3.connect's default wait for another program's lock
PREFIX = "gdiiot-"
SUFFIX = ".sqlite3"
_NAME_RE = re.compile(r"gdiiot-(\d{8}-\d{6})-(.+?)(?:\.(\d+))?\.sqlite3")
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local time, from the file name
    reason: str
    size: int


@dataclass(frozen=True)
class DatabaseCheck:
    """What a look at a database file found, without changing it."""

    problems: list[str]  # from PRAGMA quick_check/integrity_check; empty when sound
    revision: str | None  # Alembic revision, None when unstamped
    has_tables: bool  # False for a new, empty file


def inspect_database(path: Path, *, thorough: bool = False) -> DatabaseCheck:
    """Integrity and schema revision of a database file, read through a read-only connection.

    `thorough` runs `integrity_check` (also verifies indexes against tables) instead of `quick_check`.
    A file that is not an SQLite database at all is reported as a problem.
    """
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return DatabaseCheck([str(exc)], None, False)
    try:
        check = "integrity_check" if thorough else "quick_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {check}").fetchall()]
        problems = [] if rows == ["ok"] else rows
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        return DatabaseCheck(problems, migrate.read_revision(conn), tables > 0)
    except sqlite3.OperationalError as exc:
        if is_busy(exc):  # another program's lock, not damage: saying "corrupt" would send people restoring
            raise DatabaseBusyError(path, CONNECT_TIMEOUT_S) from exc
        return DatabaseCheck([str(exc)], None, False)
    except sqlite3.DatabaseError as exc:
        return DatabaseCheck([str(exc)], None, False)
    finally:
        conn.close()


def is_busy(exc: BaseException | None) -> bool:
    """SQLite's "database is locked"/"busy": another connection holds the lock past the wait."""
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in a folder, newest first (by the time in the name, then by modification time)."""
    found: list[tuple[datetime, int, int, BackupInfo]] = []
    if not backups_dir.is_dir():
        return []
    for f in backups_dir.iterdir():
        m = _NAME_RE.fullmatch(f.name)
        if m is None or not f.is_file():
            continue
        try:
            created = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        stat = f.stat()
        seq = int(m.group(3) or 1)
        found.append((created, stat.st_mtime_ns, seq, BackupInfo(f, created, m.group(2), stat.st_size)))
    found.sort(key=lambda t: t[:3], reverse=True)
    return [t[3] for t in found]


def latest_backup(backups_dir: Path) -> Path | None:
    backups = list_backups(backups_dir)
    return backups[0].path if backups else None


def make_backup(db_path: Path, backups_dir: Path, reason: str, *, keep: int = DEFAULT_KEEP) -> Path:
    """A consistent copy of the database (safe while it is open and being written), verified by
    `quick_check`, named `gdiiot-YYYYMMDD-HHMMSS-<reason>.sqlite3`; only the newest `keep` are kept.
    """
    if not db_path.is_file():
        raise DatabaseMissingError(db_path)
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = _new_backup_path(backups_dir, reason)
    part = target.with_name(target.name + ".part")
    try:
        _copy_database(db_path, part, src_mode="rw")
        check = inspect_database(part)
        if check.problems:
            raise DatabaseCorruptError(db_path, latest_backup(backups_dir), "; ".join(check.problems[:3]))
        fsync_file(part)
        os.replace(part, target)
        fsync_dir(backups_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    rotate_backups(backups_dir, keep)
    return target


def rotate_backups(backups_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns the deleted paths."""
    removed = []
    for info in list_backups(backups_dir)[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            info.path.unlink()
            removed.append(info.path)
    return removed


def restore_backup(backup: Path, db_path: Path, *, backups_dir: Path | None = None) -> Path | None:
    """Replace the database by a backup; returns the backup taken of the current database first
    (None when there was no current database).

    The backup must pass `integrity_check` and carry a schema revision this program knows (an
    older one is upgraded, with its own backup, the next time the database is opened). Nobody may
    have the database open: the restore takes the database's lock and refuses if it is held.
    """
    if not backup.is_file():
        raise BackupInvalidError(backup, "找不到该备份文件。")
    check = inspect_database(backup, thorough=True)
    if check.problems:
        raise BackupInvalidError(backup, "备份文件已损坏（完整性检查未通过）。")
    if check.revision is None:
        raise BackupInvalidError(backup, "该文件不是本程序的数据库备份。")
    if not migrate.is_known(check.revision):
        raise BackupInvalidError(
            backup, f"备份由更新版本的程序创建（版本 {check.revision}），本程序无法使用。"
        )
    folder = backups_dir if backups_dir is not None else paths.backups_dir(db_path)
    lock = DatabaseLock(db_path)
    try:
        acquired = lock.try_acquire()
    except OSError as exc:
        raise DatabaseLockedError(db_path, "恢复备份（文件夹不可写）") from exc
    if not acquired:
        raise DatabaseLockedError(db_path, "恢复备份")
    try:
        saved = _save_current(db_path, folder) if db_path.exists() else None
        part = db_path.with_name(db_path.name + ".restore.part")
        try:
            _copy_database(backup, part)
            fsync_file(part)
            # A stale WAL beside the new file would be replayed into it and corrupt it. The current
            # database was checkpointed and saved above, and we hold the lock, so nobody uses these.
            for suffix in _SIDE_FILES:
                side = db_path.with_name(db_path.name + suffix)
                if side.exists():
                    side.unlink()
            os.replace(part, db_path)
            fsync_dir(db_path.parent)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                part.unlink()
            if isinstance(exc, OSError):
                kept = f"恢复前的数据库已备份到：{saved}。" if saved is not None else ""
                raise StorageError(
                    f"无法用备份替换数据库文件：{db_path}（{exc.strerror or exc}）。{kept}"
                    "请关闭可能占用该文件的程序（如杀毒软件、另一个窗口），确认磁盘有空间后重试。"
                ) from exc
            raise
        return saved
    finally:
        lock.release()


def _save_current(db_path: Path, folder: Path) -> Path:
    """Back up the database about to be replaced; a damaged one is copied byte for byte instead."""
    try:
        saved = make_backup(db_path, folder, "before-restore")
    except (sqlite3.DatabaseError, DatabaseCorruptError):
        folder.mkdir(parents=True, exist_ok=True)
        saved = _new_backup_path(folder, "before-restore-damaged")
        shutil.copyfile(db_path, saved)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, saved.with_name(saved.name + "-wal"))
        return saved
    with contextlib.suppress(sqlite3.Error):
        # Fold the WAL into the file; the last connection to close then removes -wal and -shm.
        conn = sqlite3.connect(sqlite_uri(db_path, mode="rw"), uri=True)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
    return saved


def _copy_database(src: Path, dst: Path, *, src_mode: str = "ro") -> None:
    """Copy through the online backup API: one consistent snapshot, WAL content included.

    A live database is read through a read-write connection (`src_mode="rw"`) so that, when it is
    the last one to close, SQLite itself removes the -wal and -shm files it needed; a read-only
    connection would leave them behind.
    """
    try:
        source = sqlite3.connect(sqlite_uri(src, mode=src_mode), uri=True)
    except sqlite3.OperationalError:
        if src_mode == "ro":
            raise
        source = sqlite3.connect(read_only_uri(src), uri=True)  # read-only medium
    try:
        target = sqlite3.connect(dst)
        try:
            source.backup(target)
            # A backup is one self-contained file: no -wal beside it.
            target.execute("PRAGMA journal_mode=DELETE").fetchall()
        finally:
            target.close()
    finally:
        source.close()


def _new_backup_path(folder: Path, reason: str) -> Path:
    slug = re.sub(r"[^\w-]+", "-", reason.strip().lower()).strip("-_")[:40] or "backup"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{PREFIX}{stamp}-{slug}{SUFFIX}"
    seq = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        candidate = folder / f"{PREFIX}{stamp}-{slug}.{seq}{SUFFIX}"
        seq += 1
    return candidate



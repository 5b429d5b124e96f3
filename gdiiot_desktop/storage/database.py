"""Opening a city database safely: lock, integrity check, version check, backup, migration, WAL."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError

# Session is re-exported: services type their session parameters without importing SQLAlchemy.
from sqlalchemy.orm import Session as Session
from sqlalchemy.orm import sessionmaker

from .. import paths
from ..threads import is_reader_thread
from . import migrate
from .backup import DatabaseCheck, inspect_database, is_busy, latest_backup, list_backups, make_backup
from .errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseNewerError,
    DatabaseTextDamagedError,
    MigrationError,
    ReadOnlyDatabaseError,
    ReadOnlyMediumError,
    StorageError,
    UnknownDatabaseError,
)
from .locking import DatabaseLock
from .store import AttachmentStore
from .uri import on_read_only_medium, read_only_uri, sqlite_uri

BUSY_TIMEOUT_MS = 10_000

# Called at the start of every unit of work when set. The GUI tests set it to fail when window code opens
# a session on the GUI thread: the database is used only through the task runner's workers.
session_guard: Callable[[], None] | None = None


def store_root_for(db_path: Path) -> Path:
    """The attachment store beside a database: `<db stem>.files/`."""
    return db_path.with_name(f"{db_path.stem}.files")


def create_sqlite_engine(path: Path, *, read_only: bool = False, create: bool = False) -> Engine:
    """An engine whose every pooled connection has foreign keys on, a busy timeout and FULL
    synchronous commits, and whose transactions are real SQLite transactions (explicit BEGIN,
    so DDL is transactional too; pysqlite's own transaction handling would not cover DDL).

    `mode=rw` never creates a file by accident; `create` allows it, `read_only` opens `mode=ro`.
    """
    uri = read_only_uri(path) if read_only else sqlite_uri(path, mode="rwc" if create else "rw")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # autocommit at the driver; SQLAlchemy's "begin" emits BEGIN
            check_same_thread=False,  # pooled connections move between threads (one at a time)
        )

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _begin_deferred if read_only else _begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # FULL: in WAL mode every commit is fsynced, so an acknowledged save survives a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _begin(conn: Connection) -> None:
    # Writes take the write lock at BEGIN (IMMEDIATE); the runner's readers stay DEFERRED (see threads.py).
    immediate = not is_reader_thread(threading.current_thread().name)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _begin_deferred(conn: Connection) -> None:
    # A read-only database never writes: waiting for another program's write lock would only stall reads.
    conn.exec_driver_sql("BEGIN")


def _raw_pragma(engine: Engine, sql: str) -> list[Any]:
    """Run a PRAGMA outside any transaction (journal_mode cannot change inside one)."""
    with engine.connect() as conn:
        dbapi: Any = conn.connection.driver_connection
        return [row[0] for row in dbapi.execute(sql).fetchall()]


class Database:
    """One open city database, its attachment store and its lock.

    Open it with `Database.open`; use `session()` for each unit of work; `close()` at the end.
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        store: AttachmentStore,
        lock: DatabaseLock | None,
        *,
        read_only: bool,
        locked_by_other: bool,
        migrated_from: str | None = None,
        migration_backup: Path | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.store = store
        self.read_only = read_only
        self.locked_by_other = locked_by_other
        # The revision an upgrade on open started from, and the backup taken before it.
        self.migrated_from = migrated_from
        self.migration_backup = migration_backup
        self._lock = lock
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        if read_only:
            event.listen(self._sessions, "before_flush", self._refuse_flush)
        self._closed = False

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Database:
        """Open (or with `create`, make) the database at `path`.

        Raises `DatabaseMissingError`, `DatabaseCorruptError`, `DatabaseNewerError` (file untouched),
        `UnknownDatabaseError`, `MigrationError` (database as it was; names the backup taken) or
        `DatabaseLockedError`. When another program instance holds the database, it is opened
        read-only with `read_only` and `locked_by_other` set.
        """
        path = Path(path).expanduser().absolute()
        exists = path.exists()
        if not exists and not create:
            raise DatabaseMissingError(path)
        if not exists:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not _looks_like_sqlite(path):  # refused before a lock file is made beside it
            raise DatabaseCorruptError(path, latest_backup(paths.backups_dir(path, create=False)), "file is not a database")
        lock = DatabaseLock(path)
        try:
            have_lock, lock_possible = lock.try_acquire(), True
        except OSError:
            have_lock, lock_possible = False, False
        try:
            if have_lock:
                return cls._open_writable(path, lock, new=not exists)
            if not exists:
                if lock_possible:
                    raise DatabaseLockedError(path, "新建数据库")
                raise StorageError(
                    f"无法在该文件夹中新建数据库（没有写入权限）：{path.parent}。请选择其他文件夹。"
                )
            return cls._open_read_only(path, locked_by_other=lock_possible)
        except (OperationalError, sqlite3.OperationalError) as exc:
            lock.release()
            if is_busy(exc):
                raise DatabaseBusyError(path, BUSY_TIMEOUT_MS / 1000) from exc
            raise
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_writable(cls, path: Path, lock: DatabaseLock, *, new: bool) -> Database:
        backups = paths.backups_dir(path, create=False)
        revision: str | None = None
        if not new:
            check = _inspect(path, backups, tidy=True)
            revision = check.revision
            new = not check.has_tables  # an existing empty file is made into a new database
        engine = create_sqlite_engine(path, create=new)
        try:
            backup: Path | None = None
            migrated_from: str | None = None
            if new:
                _raw_pragma(engine, "PRAGMA journal_mode=WAL")
                migrate.upgrade(engine)
            elif revision != migrate.head_revision():
                migrated_from = revision
                try:
                    backup = make_backup(path, backups, "before-migration")
                except OSError as exc:  # no backup, no migration (STYLE.md practice 8)
                    raise MigrationError(path, None, f"升级前无法备份：{exc}") from exc
                try:
                    migrate.upgrade(engine)
                except Exception as exc:
                    raise MigrationError(path, backup, f"{type(exc).__name__}: {exc}") from exc
            # After any migration: a failed one then leaves a rollback-journal file byte-identical.
            _raw_pragma(engine, "PRAGMA journal_mode=WAL")
            store = AttachmentStore(store_root_for(path))
            store.clean_temp()
        except BaseException:
            engine.dispose()
            raise
        return cls(
            path,
            engine,
            store,
            lock,
            read_only=False,
            locked_by_other=False,
            migrated_from=migrated_from,
            migration_backup=backup,
        )

    @classmethod
    def _open_read_only(cls, path: Path, *, locked_by_other: bool) -> Database:
        backups = paths.backups_dir(path, create=False)
        check = _inspect(path, backups, tidy=False)
        if check.revision != migrate.head_revision():
            action = "升级数据库（它由旧版本程序创建，需要先升级才能打开）"
            if not locked_by_other:
                raise StorageError(
                    f"数据库由旧版本程序创建，需要升级，但文件所在位置不可写：{path}。"
                    "请把数据库复制到可写的文件夹后再打开。"
                )
            raise DatabaseLockedError(path, action)
        engine = create_sqlite_engine(path, read_only=True)
        store = AttachmentStore(store_root_for(path), read_only=True)
        return cls(path, engine, store, None, read_only=True, locked_by_other=locked_by_other)

    # --- using ------------------------------------------------------------------------------

    @property
    def read_only_notice(self) -> str | None:
        """What to tell the user when the database was opened read-only (None when writable)."""
        if not self.read_only:
            return None
        if self.locked_by_other:
            return (
                "另一个程序窗口正在使用该数据库，本窗口以只读方式打开：可以查看和导出，不能保存修改。"
                "如需修改，请关闭另一个窗口后重新打开。"
            )
        return "数据库所在位置不可写，已以只读方式打开：可以查看和导出，不能保存修改。"

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.path, create=False)

    @property
    def journal_mode(self) -> str:
        return str(_raw_pragma(self.engine, "PRAGMA journal_mode")[0])

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        if session_guard is not None:
            session_guard()
        self._check_open()
        session = self._sessions()
        started = time.monotonic()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            if self.read_only and "readonly" in str(exc.orig):
                raise ReadOnlyDatabaseError(self.path) from exc
            if is_busy(exc.orig):
                raise DatabaseBusyError(self.path, time.monotonic() - started) from exc
            if "could not decode" in str(exc.orig).lower():
                raise DatabaseTextDamagedError(self.path, latest_backup(self.backups_dir), str(exc.orig)) from exc
            raise
        except UnicodeDecodeError as exc:
            session.rollback()
            raise DatabaseTextDamagedError(self.path, latest_backup(self.backups_dir), str(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def integrity_check(self) -> list[str]:
        """The full `PRAGMA integrity_check`: problems found, empty when sound."""
        self._check_open()
        rows = [str(r) for r in _raw_pragma(self.engine, "PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def backup(self, reason: str = "manual") -> Path:
        self._check_open()
        if on_read_only_medium(self.path):
            raise ReadOnlyMediumError(self.path, "备份数据库（备份放在数据库旁的 backups 文件夹中）")
        try:
            return make_backup(self.path, paths.backups_dir(self.path), reason)
        except PermissionError as exc:
            raise ReadOnlyMediumError(Path(exc.filename or self.path), "备份数据库") from exc
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise ReadOnlyMediumError(Path(exc.filename or self.path), "备份数据库") from exc
            raise

    def backup_if_due(self, max_age: timedelta = timedelta(days=1), reason: str = "auto") -> Path | None:
        """A rotating automatic backup when the newest one is older than `max_age` (or none exists)."""
        if self.read_only:
            return None
        newest = list_backups(self.backups_dir)
        if newest and datetime.now() - newest[0].created < max_age:
            return None
        return self.backup(reason)

    def close(self) -> None:
        """Close every connection, then let other instances in (the lock goes last)."""
        if self._closed:
            return
        self._closed = True
        try:
            self.engine.dispose()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError(f"database {self.path} is closed")

    def _refuse_flush(self, session: Session, _flush_context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            raise ReadOnlyDatabaseError(self.path)


SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    """An empty file (made into a new database) or one that starts with SQLite's header."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        return True  # unreadable: opening reports it with its own message
    return head == b"" or head == SQLITE_HEADER


def _inspect(path: Path, backups: Path, *, tidy: bool) -> DatabaseCheck:
    """Look at the file before changing anything; raise when it must not be opened.

    With `tidy` (we hold the lock), the -wal/-shm files a read-only look at a WAL database leaves
    behind are removed again when they were not there before and the WAL is empty.
    """
    side = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    existed = [p.exists() for p in side]
    check = inspect_database(path)
    if tidy and not any(existed) and side[0].exists() and side[0].stat().st_size == 0:
        for p in side:
            with contextlib.suppress(OSError):
                p.unlink()
    if check.problems:
        raise DatabaseCorruptError(path, latest_backup(backups), "; ".join(check.problems[:3]))
    if check.revision is None:
        if check.has_tables:
            raise UnknownDatabaseError(path)
    elif not migrate.is_known(check.revision):
        raise DatabaseNewerError(path, check.revision)
    return check

"""Schema versions: drives the Alembic scripts in `db/` from code (no alembic.ini, works frozen).

Alembic itself is imported only when a migration runs: opening an up-to-date database reads the
revision ids straight from the script files, which keeps the program's start quick.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import resources

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

VERSION_TABLE = "alembic_version"


class ForeignKeyViolationError(RuntimeError):
    """A migration left rows whose foreign keys point nowhere; the transaction is rolled back."""


def make_config(
    connection: Connection | None = None, url: str = "sqlite://", script_location: str | None = None
) -> Config:
    """An Alembic config built in code; `connection` is handed to `db/env.py` as an attribute."""
    from alembic.config import Config

    config = Config()
    location = script_location or str(resources.migrations_dir())
    # set_main_option interpolates "%"; paths and URLs are taken literally.
    config.set_main_option("script_location", location.replace("%", "%%"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=4)
def _scripts(location: str) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(make_config(script_location=location))


def scripts() -> ScriptDirectory:
    """The migration scripts (cached per folder; tests point `migrations_dir` elsewhere)."""
    return _scripts(str(resources.migrations_dir()))


_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE)


@lru_cache(maxsize=4)
def _graph(location: str) -> tuple[frozenset[str], str]:
    """(every revision, the head) read from the scripts' text: one linear chain, no branches."""
    revisions: dict[str, str | None] = {}
    for path in sorted(Path(location, "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found, down = _REVISION.search(text), _DOWN.search(text)
        if found and down:
            revisions[found.group(1)] = down.group(1)
    parents = {d for d in revisions.values() if d}
    heads = [r for r in revisions if r not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"migrations in {location} must form one chain; heads: {heads}")
    return frozenset(revisions), heads[0]


def head_revision() -> str:
    return _graph(str(resources.migrations_dir()))[1]


def known_revisions() -> frozenset[str]:
    return _graph(str(resources.migrations_dir()))[0]


def is_known(revision: str) -> bool:
    return revision in known_revisions()


def current_revision(conn: Connection) -> str | None:
    """The revision stamped in the database, None for a database without Alembic's table."""
    dbapi: Any = conn.connection.driver_connection
    return read_revision(dbapi)


def read_revision(conn: sqlite3.Connection) -> str | None:
    """Like `current_revision` on a plain sqlite3 connection (used to look before touching a file)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
    ).fetchone()
    if found is None:
        return None
    rows = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    if len(rows) != 1:
        # Zero rows: stamped nothing; several: branches, which this program never makes.
        return ",".join(sorted(str(r[0]) for r in rows)) or None
    return str(rows[0][0])


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` in one SQLite transaction: all of it or none of it.

    Foreign-key enforcement is off during the migration (batch mode rebuilds tables, and dropping a
    referenced table with enforcement on would cascade deletes); `PRAGMA foreign_key_check` runs
    before the commit instead, and any dangling reference rolls everything back.
    """
    with engine.connect() as conn:
        dbapi: Any = conn.connection.driver_connection
        fk_before = bool(dbapi.execute("PRAGMA foreign_keys").fetchone()[0])
        dbapi.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction, so before BEGIN
        try:
            with conn.begin():
                if not dbapi.in_transaction:
                    # An engine without the explicit-BEGIN listener (see database.create_sqlite_engine):
                    # pysqlite would run DDL in autocommit, so open the transaction ourselves.
                    conn.exec_driver_sql("BEGIN")
                from alembic import command

                command.upgrade(make_config(conn, str(engine.url)), revision)
                dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    raise ForeignKeyViolationError(
                        f"foreign key check failed after migration: {dangling[:5]!r}"
                    )
        finally:
            if dbapi.in_transaction:
                dbapi.rollback()
            dbapi.execute(f"PRAGMA foreign_keys={'ON' if fk_before else 'OFF'}")

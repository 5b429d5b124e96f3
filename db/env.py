"""Alembic environment: runs migrations on the connection handed over by gdiiot_desktop.storage.migrate.

The program never uses alembic.ini: `migrate.make_config()` builds the config in code and passes
an open connection (already inside a transaction) as `config.attributes["connection"]`. The
fallback to `sqlalchemy.url` below only serves developers running the `alembic` command by hand.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, MetaData, create_engine, pool


def _target_metadata() -> MetaData | None:
    """Today's models, for `alembic revision --autogenerate` only; migrations never import them."""
    cmd_opts = context.config.cmd_opts
    if cmd_opts is None or not getattr(cmd_opts, "autogenerate", False):
        return None
    from gdiiot_desktop.storage.models import Base

    return Base.metadata


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=_target_metadata(),
        render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables (STYLE.md practice 7)
        compare_type=True,
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=context.config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    given = context.config.attributes.get("connection")
    if given is not None:
        run_online(given)
    else:
        url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
        engine = create_engine(url, poolclass=pool.NullPool)
        with engine.connect() as conn:
            run_online(conn)
            conn.commit()

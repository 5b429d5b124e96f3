"""Key/value rows of the settings table, read and written inside the caller's session."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Setting


def read_settings(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The non-empty values stored under `keys`."""
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(list(keys)))).all()
    return {k: v for k, v in rows if v}


def write_setting(session: Session, key: str, value: str | None) -> tuple[bool, str | None]:
    """Store `value` (None removes the row); returns (changed, old value)."""
    record = session.get(Setting, key)
    old = record.value if record is not None else None
    if old == value:
        return False, old
    if value is None:
        if record is not None:
            session.delete(record)
    elif record is None:
        session.add(Setting(key=key, value=value))
    else:
        record.value = value
    return True, old

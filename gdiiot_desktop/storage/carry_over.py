"""Carrying the enterprises (applicants) of an earlier year's database into a new year's one.

A database belongs to one campaign; a new year starts a new database. The enterprises' details
(name, code, type, address, figures) are worth keeping; applications are not carried. The earlier
database is opened read-only with plain sqlite3, so it is never migrated, locked or changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.model import Applicant
from .errors import StorageError
from .models import ApplicantRecord
from .repository import _applicant_from_row as applicant_from_row
from .uri import read_only_uri

# The applicant columns carried over (every column but the row id).
APPLICANT_COLUMNS = (
    "uscc", "name", "applicant_type", "is_central_enterprise", "independent_legal_person",
    "registered_city", "registered_address", "founded", "registered_capital", "legal_representative",
    "employees", "revenue", "profit", "rnd_spending", "industry",
)  # fmt: skip


@dataclass(frozen=True)
class EarlierDatabase:
    """What a new year takes from an earlier database: its city and its applicants' rows."""

    path: Path
    city: str
    campaign_id: str
    applicants: list[dict[str, Any]]


def read_earlier_database(path: Path) -> EarlierDatabase:
    """The city, campaign and applicants of an earlier database, read without changing it."""
    if not path.is_file():
        raise StorageError(f"找不到上一年度的数据库：{path}")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=2.0)  # immutable on a read-only medium
    except sqlite3.Error as exc:
        raise StorageError(f"无法打开上一年度的数据库 {path}") from exc
    try:
        settings = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('city', 'campaign_id')").fetchall())
        present = {row[1] for row in conn.execute("PRAGMA table_info(applicants)")}
        if "city" not in settings or not {"uscc", "name"} <= present:
            raise StorageError(f"{path.name} 不是本程序的市级数据库，无法从中带入企业信息")
        columns = [c for c in APPLICANT_COLUMNS if c in present]
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM applicants ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path.name} 不是本程序的数据库，或文件已损坏，无法从中带入企业信息") from exc
    finally:
        conn.close()
    return EarlierDatabase(
        path=path,
        city=settings["city"],
        campaign_id=settings.get("campaign_id", ""),
        applicants=[dict(zip(columns, row, strict=True)) for row in rows],
    )


def add_applicants(session: Session, rows: list[dict[str, Any]]) -> int:
    """Add the carried applicants to a new database (skipping a code already there); how many were added."""
    known = {u for u in session.scalars(select(ApplicantRecord.uscc)) if u}
    added = 0
    for row in rows:
        values = dict(row)
        values["uscc"] = values.get("uscc") or None  # the column is unique: no code is NULL, not ""
        if values.get("uscc") and values["uscc"] in known:
            continue
        if isinstance(values.get("founded"), str):
            values["founded"] = _date_or_none(values["founded"])
        for flag in ("is_central_enterprise", "independent_legal_person"):
            if values.get(flag) is not None:
                values[flag] = bool(values[flag])
        session.add(ApplicantRecord(**values))
        if values.get("uscc"):
            known.add(values["uscc"])
        added += 1
    return added


def _date_or_none(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def count_applicants(session: Session) -> int:
    return len(session.scalars(select(ApplicantRecord.id)).all())


def known_applicant(session: Session, code: str) -> Applicant | None:
    """The enterprise stored under a credit code (entered before, or carried from an earlier year)."""
    row = session.execute(select(ApplicantRecord.__table__).where(ApplicantRecord.uscc == code)).mappings().first()
    return applicant_from_row(row) if row is not None else None

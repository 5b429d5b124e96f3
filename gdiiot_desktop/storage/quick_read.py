"""A quick look into a city database before it is opened: what the main window shows first.

The window's list appears from this read while the database is opened properly in the background
(lock, integrity check, migration, the ORM). Plain sqlite3, read-only, nothing written, and no
SQLAlchemy: importing and opening through the ORM costs about a second on a large city. Any doubt
(another schema version, a missing table, a damaged file) gives None, and the program takes the
ordinary way, which explains the problem to the user.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NamedTuple

from ..domain.campaign import Campaign, CampaignError, Direction, parse_campaign
from ..domain.enums import Authority
from . import migrate
from .uri import read_only_uri

AUTHORITY_SEPARATOR = "、"  # how a direction's authorities are kept in one column: "工信厅、通信管理局"


class ListEntry(NamedTuple):
    """One application as the list shows it: no more than its row in the main window needs.

    A tuple, not a dataclass: 10,000 of them are made while the user waits for the window."""

    id: int
    priority: int | None
    status: str  # a Status value
    project_name: str
    applicant_name: str
    uscc: str
    county: str
    category_id: str
    direction_id: str
    is_central_enterprise: bool  # as SQLite gives it: 1 or 0


@dataclass(frozen=True)
class QuickView:
    """The city, its campaign (with the user's direction list) and every application's list entry."""

    path: Path
    city: str
    campaign: Campaign
    counties: list[str]
    entries: list[ListEntry]


_as_entry = partial(tuple.__new__, ListEntry)  # ListEntry._make without a Python call per row

_ENTRIES_SQL = """
SELECT a.id, a.priority, a.status, a.project_name, p.name, COALESCE(p.uscc, ''), c.name,
       a.category_id, a.direction_id, p.is_central_enterprise = 1
FROM applications AS a
JOIN applicants AS p ON p.id = a.applicant_id
JOIN counties AS c ON c.id = a.county_id
ORDER BY a.id
"""


def direction_from_row(row: Sequence[object]) -> Direction:
    """A direction from its stored columns (id, no, category_id, name, authorities)."""
    direction_id, no, category_id, name, authorities = row
    return Direction(
        id=str(direction_id),
        no=int(str(no)),
        category_id=str(category_id),
        name=str(name),
        authorities=tuple(Authority(a) for a in str(authorities).split(AUTHORITY_SEPARATOR) if a),
    )


def stored_campaign(source_text: str, campaign_id: str, directions: Sequence[Direction], confirmed: bool) -> Campaign:
    """The campaign kept in a database: its file's text (validated when it was loaded) and the user's directions."""
    campaign = parse_campaign(source_text, source=campaign_id, schema=False)
    return campaign.with_directions(tuple(directions) or campaign.directions, confirmed=confirmed)


def read_quick_view(path: Path) -> QuickView | None:
    """What the list shows, read without opening the database for work; None when in any doubt."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=1.0)  # immutable on a read-only medium
    except sqlite3.Error:
        return None
    try:
        return _read(conn, path)
    except (sqlite3.Error, CampaignError, ValueError, KeyError, TypeError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, path: Path) -> QuickView | None:
    if migrate.read_revision(conn) != migrate.head_revision():
        return None  # to be migrated (with a backup first) or refused: the ordinary opening does that
    settings = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('city', 'campaign_id')").fetchall())
    if "city" not in settings or "campaign_id" not in settings:
        return None
    found = conn.execute(
        "SELECT id, source_text, directions_confirmed FROM campaigns WHERE id = ?", (settings["campaign_id"],)
    ).fetchone()
    if found is None:
        return None
    directions = [
        direction_from_row(r)
        for r in conn.execute(
            "SELECT id, no, category_id, name, authorities FROM directions WHERE campaign_id = ? ORDER BY no",
            (found[0],),
        )
    ]
    campaign = stored_campaign(found[1], found[0], directions, bool(found[2]))
    counties = [r[0] for r in conn.execute("SELECT name FROM counties ORDER BY id")]
    entries = list(map(_as_entry, conn.execute(_ENTRIES_SQL)))
    return QuickView(path=path, city=settings["city"], campaign=campaign, counties=counties, entries=entries)

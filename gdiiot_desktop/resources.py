"""Bundled, read-only resources (campaign files, fonts, templates, migrations), from source or frozen."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

DEFAULT_CAMPAIGN = "2023-pilot"


def root() -> Path:
    """The folder that holds resources/ and db/: the checkout, or PyInstaller's bundle folder."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return root() / "db"


def campaign_file(name: str = DEFAULT_CAMPAIGN) -> Path:
    """A shipped campaign by name (e.g. 2023-pilot), or the path given as it is."""
    shipped = resource("campaigns", f"{name}.toml")
    return shipped if shipped.exists() else Path(name)


def shipped_campaigns() -> list[Path]:
    """The campaign files shipped with the program, by name."""
    return sorted(resource("campaigns").glob("*.toml"))


@cache
def campaign_schema(name: str = "campaign.schema.json") -> dict[str, Any]:
    """A campaign kind's JSON Schema (the pilot kind's by default)."""
    schema: dict[str, Any] = json.loads(resource("campaigns", name).read_text(encoding="utf-8"))
    return schema


def fonts_dir() -> Path:
    return resource("fonts")


@cache
def guangdong_divisions() -> dict[str, Any]:
    """Guangdong's cities and their county-level divisions (GB/T 2260, 2023), as shipped."""
    data: dict[str, Any] = json.loads(resource("divisions", "guangdong-2023.json").read_text(encoding="utf-8"))
    return data

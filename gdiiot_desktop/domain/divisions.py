"""County-level divisions (GB/T 2260) and the one way county names are compared: NFKC, no spaces, no
zero-width or other format characters. "三水区 ", "三水区\u3000" and "三水\u200b区" are all 三水区."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


def normalize_name(text: str) -> str:
    """NFKC, then without whitespace and invisible format characters (zero-width, bidi marks)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc"))


@dataclass(frozen=True)
class County:
    code: str
    name: str


def city_counties(divisions: Mapping[str, Any], city: str) -> list[County]:
    """The county-level divisions of `city` ("佛山" or "佛山市") from the shipped table; [] when it has none."""
    wanted = normalize_name(city).removesuffix("市")
    for entry in divisions.get("cities", []):
        if normalize_name(str(entry["name"])).removesuffix("市") == wanted:
            return [County(str(c["code"]), str(c["name"])) for c in entry["counties"]]
    return []


def match_county(name: str, counties: Iterable[str]) -> str | None:
    """The county among `counties` that `name` spells after normalisation, else None."""
    key = normalize_name(name)
    if not key:
        return None
    for county in counties:
        if normalize_name(county) == key:
            return county
    return None

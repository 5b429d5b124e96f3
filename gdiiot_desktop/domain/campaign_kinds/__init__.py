"""The registry of campaign kinds: which loader and rule set reads a campaign file of each `kind`.

A campaign file names its kind (`kind = "pilot-recommendation"`) and the version of that kind's
layout (`version = 1`); a file without them is a pilot-recommendation file of version 1 (files
written before kinds existed). The pilot kind registers itself in `domain/campaign.py`. Another
kind is a module in this package that calls `register_kind` when imported: it is found by
`find_kind` the first time a file of an unknown kind is read, so adding a kind edits no other code.

This module imports nothing of the campaign modules, so they can register without a cycle.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

PILOT_KIND = "pilot-recommendation"
DEFAULT_VERSION = 1


@dataclass(frozen=True)
class CampaignKind:
    """How to read and check a campaign file of one kind."""

    name: str  # the value of `kind` in the file
    label: str  # shown to users, e.g. 试点示范项目推荐
    versions: tuple[int, ...]  # the layout versions this loader reads
    schema_file: str  # JSON Schema under resources/campaigns/
    # (validated data, file text) → the campaign object; called only after the schema passed.
    build: Callable[[Mapping[str, Any], str], Any]
    # Checks a schema cannot express (dates that do not exist, cross-references) on the raw data,
    # before `build`; each returns a list of domain.campaign.Problem.
    data_checks: Callable[[Mapping[str, Any]], list[Any]]
    # Consistency checks on the built campaign.
    consistency: Callable[[Any], list[Any]]
    rule_ids: tuple[str, ...] = ()  # the rule ids a file of this kind configures


KINDS: dict[str, CampaignKind] = {}
_discovered = False


def register_kind(kind: CampaignKind) -> CampaignKind:
    KINDS[kind.name] = kind
    return kind


def kind_and_version(data: Mapping[str, Any]) -> tuple[str, int]:
    """The kind and layout version a file declares (defaults for files older than kinds)."""
    kind = data.get("kind", PILOT_KIND)
    version = data.get("version", DEFAULT_VERSION)
    return (kind if isinstance(kind, str) else str(kind)), (version if isinstance(version, int) else -1)


def find_kind(name: str) -> CampaignKind | None:
    """The registered kind `name`, importing this package's kind modules the first time one is missing."""
    global _discovered
    if name not in KINDS:
        if name == PILOT_KIND:
            importlib.import_module("gdiiot_desktop.domain.campaign")
        elif not _discovered:
            _discovered = True
            for module in pkgutil.iter_modules(__path__):
                importlib.import_module(f"{__name__}.{module.name}")
    return KINDS.get(name)


def all_kinds() -> list[CampaignKind]:
    """Every kind the program can read (for choosers and messages)."""
    find_kind(PILOT_KIND)
    find_kind("")  # discovers the others
    return list(KINDS.values())

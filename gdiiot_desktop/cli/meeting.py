"""`gdiiot` subcommands for meeting (registered by the feature that owns them)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this group's subcommands to the parser's subparsers action."""
    del sub  # nothing registered yet


__all__ = ["argparse", "register"]

"""SQLAlchemy models of County bundles, merges and returns (issue 5) (tables created by migration 0004)."""

from __future__ import annotations

from .models import Base

__all__ = ["Base"]

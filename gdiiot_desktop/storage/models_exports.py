"""SQLAlchemy models of Frozen export snapshots (issue 4) (tables created by migration 0003)."""

from __future__ import annotations

from .models import Base

__all__ = ["Base"]

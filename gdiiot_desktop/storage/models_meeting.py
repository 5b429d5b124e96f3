"""SQLAlchemy models of The expert review meeting (issue 6) (tables created by migration 0005)."""

from __future__ import annotations

from .models import Base

__all__ = ["Base"]

"""PDF document properties of every export: title, author and the snapshot id as subject/keywords."""

from __future__ import annotations

from typing import Any

from .snapshot import Snapshot


def set_metadata(doc: Any, title: str, snapshot: Snapshot) -> None:
    """On a reportlab DocTemplate, before `build`."""
    doc.title = title
    doc.author = snapshot.recommender
    doc.subject = f"快照编号 {snapshot.id}"
    doc.keywords = [snapshot.id]
    doc.creator = "GDIIoT Desktop"


def escape(text: str) -> str:
    """Text for a reportlab Paragraph (which reads a little XML)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")

"""Enterprises (申报单位) the database already knows: entered before, or carried from last year's database."""

from __future__ import annotations

from ..domain.model import Applicant
from ..domain.uscc import normalize_uscc
from ..storage import carry_over
from .workspace import Workspace


def known_applicant(ws: Workspace, uscc: str) -> Applicant | None:
    """The stored details of the enterprise with this credit code, if the database has it."""
    code = normalize_uscc(uscc)
    if not code:
        return None
    with ws.db.session() as session:
        return carry_over.known_applicant(session, code)

"""Reading a meeting into domain dataclasses, and the checks every write makes.

The queries themselves live in `storage/meeting_repository.py`; this module adds the refusals."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from ...domain.meeting.model import Expert, MeetingState
from ...storage import meeting_repository as repo
from .errors import MeetingLockedError, MeetingNotFoundError

if TYPE_CHECKING:
    from ...storage.database import Session
    from ...storage.models_meeting import MeetingRecord


def plain_points(points: Mapping[str, Decimal]) -> dict[str, str]:
    """Points as audit-log values."""
    return {k: str(v) for k, v in points.items()}


def meeting_record(session: Session, meeting_id: int, *, for_change: bool = False) -> MeetingRecord:
    """The meeting's row; with `for_change`, refuses a locked meeting."""
    record = repo.find_meeting(session, meeting_id)
    if record is None:
        raise MeetingNotFoundError(f"找不到编号为 {meeting_id} 的评审会")
    if for_change and record.locked_at is not None:
        raise MeetingLockedError(record.title)
    return record


def load_state(session: Session, meeting_id: int) -> MeetingState:
    return repo.load_state(session, meeting_record(session, meeting_id))


def require_member(state: MeetingState, expert_id: int, application_id: int | None = None) -> Expert:
    """The expert of this meeting (and the application under review in it), or MeetingNotFoundError."""
    expert = state.expert(expert_id)
    if expert is None:
        raise MeetingNotFoundError(f"评审会“{state.info.title}”中没有编号为 {expert_id} 的专家")
    if application_id is not None and application_id not in state.application_ids:
        raise MeetingNotFoundError(
            f"编号为 {application_id} 的项目不在评审会“{state.info.title}”的评审项目中"
        )
    return expert

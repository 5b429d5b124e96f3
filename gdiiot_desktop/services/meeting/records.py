"""Reading a meeting from the database into domain dataclasses, and the checks every write makes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...domain.meeting import rubric as rubric_mod
from ...domain.meeting.model import (
    Expert,
    KeyedEntry,
    MeetingInfo,
    MeetingState,
    Recusal,
    RecusalKind,
    ScoreSheet,
    ScoreSource,
)
from ...storage.models_meeting import (
    MeetingExpertRecord,
    MeetingItemRecord,
    MeetingKeyedEntryRecord,
    MeetingRecord,
    MeetingRecusalRecord,
    MeetingScoreRecord,
)
from .errors import MeetingLockedError, MeetingNotFoundError


def points_json(points: Mapping[str, Decimal]) -> str:
    return json.dumps({k: str(v) for k, v in points.items()}, ensure_ascii=False, sort_keys=True)


def points_from_json(text: str) -> dict[str, Decimal]:
    data: dict[str, str] = json.loads(text)
    return {k: Decimal(v) for k, v in data.items()}


def plain_points(points: Mapping[str, Decimal]) -> dict[str, str]:
    """Points as audit-log values."""
    return {k: str(v) for k, v in points.items()}


def info_of(record: MeetingRecord) -> MeetingInfo:
    return MeetingInfo(
        id=record.id,
        title=record.title,
        held_on=record.held_on,
        place=record.place,
        chair=record.chair,
        rubric=rubric_mod.from_dict(json.loads(record.rubric)),
        presentation_minutes=record.presentation_minutes,
        questions_minutes=record.questions_minutes,
        created_at=record.created_at,
        locked_at=record.locked_at,
        locked_by=record.locked_by,
    )


def meeting_record(session: Session, meeting_id: int, *, for_change: bool = False) -> MeetingRecord:
    """The meeting's row; with `for_change`, refuses a locked meeting."""
    record = session.get(MeetingRecord, meeting_id)
    if record is None:
        raise MeetingNotFoundError(f"找不到编号为 {meeting_id} 的评审会")
    if for_change and record.locked_at is not None:
        raise MeetingLockedError(record.title)
    return record


def latest_meeting_id(session: Session) -> int | None:
    return session.scalar(select(func.max(MeetingRecord.id)))


def load_state(session: Session, meeting_id: int) -> MeetingState:
    record = meeting_record(session, meeting_id)
    experts = session.scalars(
        select(MeetingExpertRecord)
        .where(MeetingExpertRecord.meeting_id == meeting_id)
        .order_by(MeetingExpertRecord.seq, MeetingExpertRecord.id)
    ).all()
    expert_ids = [e.id for e in experts]
    items = session.scalars(
        select(MeetingItemRecord.application_id)
        .where(MeetingItemRecord.meeting_id == meeting_id)
        .order_by(MeetingItemRecord.seq)
    ).all()
    recusals = session.scalars(
        select(MeetingRecusalRecord).where(MeetingRecusalRecord.expert_id.in_(expert_ids))
    ).all()
    scores = session.scalars(
        select(MeetingScoreRecord).where(MeetingScoreRecord.expert_id.in_(expert_ids))
    ).all()
    keyed = session.scalars(
        select(MeetingKeyedEntryRecord).where(MeetingKeyedEntryRecord.expert_id.in_(expert_ids))
    ).all()
    return MeetingState(
        info=info_of(record),
        experts=tuple(Expert(e.id, e.name, e.organisation, e.field) for e in experts),
        application_ids=tuple(items),
        recusals=tuple(
            Recusal(r.expert_id, r.application_id, RecusalKind(r.kind), r.reason) for r in recusals
        ),
        scores=tuple(
            ScoreSheet(
                s.expert_id, s.application_id, points_from_json(s.points), s.opinion, ScoreSource(s.source)
            )
            for s in scores
        ),
        keyed=tuple(
            KeyedEntry(
                k.expert_id, k.application_id, k.round, points_from_json(k.points), k.opinion, k.operator
            )
            for k in keyed
        ),
    )


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


def remove_sheet(session: Session, expert_id: int, application_id: int) -> dict[str, object]:
    """Delete an expert's score and keyed entries for one application; returns what was removed."""
    score = session.scalar(
        select(MeetingScoreRecord).where(
            MeetingScoreRecord.expert_id == expert_id, MeetingScoreRecord.application_id == application_id
        )
    )
    removed: dict[str, object] = {}
    if score is not None:
        removed = {"points": json.loads(score.points), "opinion": score.opinion, "source": score.source}
        session.delete(score)
    session.execute(
        delete(MeetingKeyedEntryRecord).where(
            MeetingKeyedEntryRecord.expert_id == expert_id,
            MeetingKeyedEntryRecord.application_id == application_id,
        )
    )
    return removed

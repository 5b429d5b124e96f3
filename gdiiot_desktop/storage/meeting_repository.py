"""Review meetings in the database: the only place their ORM queries live.

`services/meeting` works with the domain's meeting dataclasses and never imports SQLAlchemy; a session
is passed in so each write joins the caller's transaction (and its audit entry). Refusals (a locked
meeting, an unknown one) are the services' business: these functions return None where a row is missing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain.meeting import rubric as rubric_mod
from ..domain.meeting.model import (
    Expert,
    KeyedEntry,
    MeetingInfo,
    MeetingState,
    Recusal,
    RecusalKind,
    ScoreSheet,
    ScoreSource,
)
from .models_meeting import (
    MeetingExpertRecord,
    MeetingItemRecord,
    MeetingKeyedEntryRecord,
    MeetingRecord,
    MeetingRecusalRecord,
    MeetingScoreRecord,
)
from .repository import now_utc


def points_json(points: Mapping[str, Decimal]) -> str:
    return json.dumps({k: str(v) for k, v in points.items()}, ensure_ascii=False, sort_keys=True)


def points_from_json(text: str) -> dict[str, Decimal]:
    data: dict[str, str] = json.loads(text)
    return {k: Decimal(v) for k, v in data.items()}


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


# --- meetings -------------------------------------------------------------------------------------
def find_meeting(session: Session, meeting_id: int) -> MeetingRecord | None:
    return session.get(MeetingRecord, meeting_id)


def latest_meeting_id(session: Session) -> int | None:
    return session.scalar(select(func.max(MeetingRecord.id)))


def all_meetings(session: Session) -> list[MeetingInfo]:
    return [info_of(r) for r in session.scalars(select(MeetingRecord).order_by(MeetingRecord.id))]


def add_meeting(
    session: Session,
    *,
    title: str,
    held_on: date,
    place: str,
    chair: str,
    rubric: rubric_mod.Rubric,
    presentation_minutes: int,
    questions_minutes: int,
    application_ids: Sequence[int],
) -> MeetingRecord:
    record = MeetingRecord(
        title=title,
        held_on=held_on,
        place=place,
        chair=chair,
        rubric=json.dumps(rubric.to_dict(), ensure_ascii=False),
        presentation_minutes=presentation_minutes,
        questions_minutes=questions_minutes,
        created_at=now_utc(),
        locked_by="",
    )
    session.add(record)
    session.flush()
    replace_items(session, record.id, application_ids)
    return record


def lock_meeting(record: MeetingRecord, operator: str) -> None:
    record.locked_at = now_utc()
    record.locked_by = operator


def load_state(session: Session, record: MeetingRecord) -> MeetingState:
    """The whole meeting as domain values: panel, applications, recusals, scores, keyed sheets."""
    meeting_id = record.id
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


# --- panel, applications under review, recusals ----------------------------------------------------
def add_expert(session: Session, meeting_id: int, name: str, organisation: str, field: str) -> Expert:
    seq = session.scalar(
        select(func.coalesce(func.max(MeetingExpertRecord.seq), 0)).where(
            MeetingExpertRecord.meeting_id == meeting_id
        )
    )
    record = MeetingExpertRecord(
        meeting_id=meeting_id, seq=(seq or 0) + 1, name=name, organisation=organisation, field=field
    )
    session.add(record)
    session.flush()
    return Expert(record.id, record.name, record.organisation, record.field)


def delete_expert(session: Session, expert_id: int) -> None:
    record = session.get(MeetingExpertRecord, expert_id)
    if record is not None:
        session.delete(record)


def replace_items(session: Session, meeting_id: int, application_ids: Sequence[int]) -> None:
    """The applications under review, in presentation order, replacing any before."""
    session.execute(delete(MeetingItemRecord).where(MeetingItemRecord.meeting_id == meeting_id))
    for seq, app_id in enumerate(application_ids, 1):
        session.add(MeetingItemRecord(meeting_id=meeting_id, application_id=app_id, seq=seq))
    session.flush()


def add_recusal(session: Session, recusal: Recusal) -> None:
    session.add(
        MeetingRecusalRecord(
            expert_id=recusal.expert_id,
            application_id=recusal.application_id,
            kind=recusal.kind.value,
            reason=recusal.reason,
            created_at=now_utc(),
        )
    )


def take_recusal(session: Session, expert_id: int, application_id: int) -> str | None:
    """Delete a recusal; returns its reason, or None when there was none."""
    record = session.scalar(
        select(MeetingRecusalRecord).where(
            MeetingRecusalRecord.expert_id == expert_id,
            MeetingRecusalRecord.application_id == application_id,
        )
    )
    if record is None:
        return None
    session.delete(record)
    return record.reason


# --- score sheets ------------------------------------------------------------------------------------
def _score_record(session: Session, expert_id: int, application_id: int) -> MeetingScoreRecord | None:
    return session.scalar(
        select(MeetingScoreRecord).where(
            MeetingScoreRecord.expert_id == expert_id, MeetingScoreRecord.application_id == application_id
        )
    )


def store_score(session: Session, sheet: ScoreSheet, operator: str) -> None:
    record = _score_record(session, sheet.expert_id, sheet.application_id)
    if record is None:
        record = MeetingScoreRecord(expert_id=sheet.expert_id, application_id=sheet.application_id)
        session.add(record)
    record.points = points_json(sheet.points)
    record.opinion = sheet.opinion
    record.source = sheet.source.value
    record.operator = operator
    record.updated_at = now_utc()


def delete_score(session: Session, expert_id: int, application_id: int) -> None:
    record = _score_record(session, expert_id, application_id)
    if record is not None:
        session.delete(record)


def store_keyed(session: Session, entry: KeyedEntry) -> None:
    record = session.scalar(
        select(MeetingKeyedEntryRecord).where(
            MeetingKeyedEntryRecord.expert_id == entry.expert_id,
            MeetingKeyedEntryRecord.application_id == entry.application_id,
            MeetingKeyedEntryRecord.round == entry.round,
        )
    )
    if record is None:
        record = MeetingKeyedEntryRecord(
            expert_id=entry.expert_id, application_id=entry.application_id, round=entry.round
        )
        session.add(record)
    record.points = points_json(entry.points)
    record.opinion = entry.opinion
    record.operator = entry.operator
    record.entered_at = now_utc()


def remove_sheet(session: Session, expert_id: int, application_id: int) -> dict[str, object]:
    """Delete an expert's score and keyed entries for one application; returns what was removed."""
    score = _score_record(session, expert_id, application_id)
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

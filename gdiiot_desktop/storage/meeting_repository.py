"""Review meetings in the database: the only place their ORM queries live.

`services/meeting` works with the domain's meeting dataclasses and never imports SQLAlchemy; a session
is passed in so each write joins the caller's transaction (and its audit entry). Refusals (a locked
meeting, an unknown one) are the services' business: these functions return None where a row is missing.

A meeting reviews pilot or special-fund applications (`subject_kind`); the domain calls either an
"application id". Rows name it in `application_id` or `fund_application_id`: `_subject` picks the
column from the meeting's kind, found from the meeting or, for an expert's sheets, the expert's meeting.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

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
from ..domain.meeting.subjects import SubjectKind
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


_Row = (
    type[MeetingItemRecord]
    | type[MeetingRecusalRecord]
    | type[MeetingScoreRecord]
    | type[MeetingKeyedEntryRecord]
)


def _subject(table: _Row, kind: SubjectKind) -> InstrumentedAttribute[int | None]:
    """The column naming the application in `table` for a meeting of `kind`."""
    return table.fund_application_id if kind is SubjectKind.FUND else table.application_id


def _subject_of(row: Any) -> int:
    value = row.application_id if row.application_id is not None else row.fund_application_id
    return int(value)


def _column_name(kind: SubjectKind) -> str:
    return "fund_application_id" if kind is SubjectKind.FUND else "application_id"


def _meeting_kind(session: Session, meeting_id: int) -> SubjectKind:
    kind = session.scalar(select(MeetingRecord.subject_kind).where(MeetingRecord.id == meeting_id))
    return SubjectKind(kind or SubjectKind.PILOT.value)


def _expert_kind(session: Session, expert_id: int) -> SubjectKind:
    kind = session.scalar(
        select(MeetingRecord.subject_kind)
        .join(MeetingExpertRecord, MeetingExpertRecord.meeting_id == MeetingRecord.id)
        .where(MeetingExpertRecord.id == expert_id)
    )
    return SubjectKind(kind or SubjectKind.PILOT.value)


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
        subject_kind=SubjectKind(record.subject_kind or SubjectKind.PILOT.value),
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
    subject_kind: SubjectKind = SubjectKind.PILOT,
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
        subject_kind=subject_kind.value,
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
    kind = SubjectKind(record.subject_kind or SubjectKind.PILOT.value)
    items = session.scalars(
        select(_subject(MeetingItemRecord, kind))
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
        application_ids=tuple(int(i) for i in items if i is not None),
        recusals=tuple(Recusal(r.expert_id, _subject_of(r), RecusalKind(r.kind), r.reason) for r in recusals),
        scores=tuple(
            ScoreSheet(
                s.expert_id, _subject_of(s), points_from_json(s.points), s.opinion, ScoreSource(s.source)
            )
            for s in scores
        ),
        keyed=tuple(
            KeyedEntry(
                k.expert_id, _subject_of(k), k.round, points_from_json(k.points), k.opinion, k.operator
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
    column = _column_name(_meeting_kind(session, meeting_id))
    session.execute(delete(MeetingItemRecord).where(MeetingItemRecord.meeting_id == meeting_id))
    session.flush()
    for seq, app_id in enumerate(application_ids, 1):
        session.add(MeetingItemRecord(meeting_id=meeting_id, seq=seq, **{column: app_id}))
    session.flush()


def add_recusal(session: Session, recusal: Recusal) -> None:
    column = _column_name(_expert_kind(session, recusal.expert_id))
    session.add(
        MeetingRecusalRecord(
            expert_id=recusal.expert_id,
            **{column: recusal.application_id},
            kind=recusal.kind.value,
            reason=recusal.reason,
            created_at=now_utc(),
        )
    )


def take_recusal(session: Session, expert_id: int, application_id: int) -> str | None:
    """Delete a recusal; returns its reason, or None when there was none."""
    kind = _expert_kind(session, expert_id)
    record = session.scalar(
        select(MeetingRecusalRecord).where(
            MeetingRecusalRecord.expert_id == expert_id,
            _subject(MeetingRecusalRecord, kind) == application_id,
        )
    )
    if record is None:
        return None
    session.delete(record)
    return record.reason


# --- score sheets ------------------------------------------------------------------------------------
def _score_record(session: Session, expert_id: int, application_id: int) -> MeetingScoreRecord | None:
    kind = _expert_kind(session, expert_id)
    return session.scalar(
        select(MeetingScoreRecord).where(
            MeetingScoreRecord.expert_id == expert_id, _subject(MeetingScoreRecord, kind) == application_id
        )
    )


def store_score(session: Session, sheet: ScoreSheet, operator: str) -> None:
    record = _score_record(session, sheet.expert_id, sheet.application_id)
    if record is None:
        column = _column_name(_expert_kind(session, sheet.expert_id))
        record = MeetingScoreRecord(expert_id=sheet.expert_id, **{column: sheet.application_id})
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
    kind = _expert_kind(session, entry.expert_id)
    record = session.scalar(
        select(MeetingKeyedEntryRecord).where(
            MeetingKeyedEntryRecord.expert_id == entry.expert_id,
            _subject(MeetingKeyedEntryRecord, kind) == entry.application_id,
            MeetingKeyedEntryRecord.round == entry.round,
        )
    )
    if record is None:
        record = MeetingKeyedEntryRecord(
            expert_id=entry.expert_id, round=entry.round, **{_column_name(kind): entry.application_id}
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
    kind = _expert_kind(session, expert_id)
    session.execute(
        delete(MeetingKeyedEntryRecord).where(
            MeetingKeyedEntryRecord.expert_id == expert_id,
            _subject(MeetingKeyedEntryRecord, kind) == application_id,
        )
    )
    return removed

"""Entities of a review meeting as plain dataclasses: experts, recusals, score sheets, keyed entries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from .rubric import Rubric
from .subjects import SubjectKind


class RecusalKind(StrEnum):
    """How a recusal (回避) came about."""

    DECLARED = "declared"  # the expert declared the conflict (本人申报)
    ASSIGNED = "assigned"  # the meeting assigned it, e.g. after a suggested conflict (会议指定)

    @property
    def label(self) -> str:
        return "本人申报" if self is RecusalKind.DECLARED else "会议指定"


class ScoreSource(StrEnum):
    """Where a counting score came from."""

    DIRECT = "direct"  # entered at the meeting (on screen)
    KEYED = "keyed"  # keyed from a paper score sheet, confirmed by double entry

    @property
    def label(self) -> str:
        return "现场录入" if self is ScoreSource.DIRECT else "纸质评分表双人录入"


@dataclass(frozen=True)
class Expert:
    id: int
    name: str
    organisation: str = ""
    field: str = ""  # 专业领域


@dataclass(frozen=True)
class Recusal:
    expert_id: int
    application_id: int
    kind: RecusalKind
    reason: str


@dataclass(frozen=True)
class ScoreSheet:
    """One expert's counting score of one application: points per criterion and an opinion."""

    expert_id: int
    application_id: int
    points: Mapping[str, Decimal]
    opinion: str
    source: ScoreSource


@dataclass(frozen=True)
class KeyedEntry:
    """One operator's keying of a paper score sheet; round 1 or 2 of the double entry."""

    expert_id: int
    application_id: int
    round: int
    points: Mapping[str, Decimal]
    opinion: str
    operator: str


@dataclass(frozen=True)
class MeetingInfo:
    """A meeting's details, its rubric copy and whether its results are locked."""

    id: int
    title: str
    held_on: date
    place: str
    chair: str
    rubric: Rubric
    presentation_minutes: int
    questions_minutes: int
    created_at: datetime
    locked_at: datetime | None = None
    locked_by: str = ""
    subject_kind: SubjectKind = SubjectKind.PILOT  # pilot or special-fund applications

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


@dataclass(frozen=True)
class MeetingState:
    """Everything about one meeting, loaded at once (a meeting has tens of rows, not thousands)."""

    info: MeetingInfo
    experts: tuple[Expert, ...]
    application_ids: tuple[int, ...]  # in presentation order
    recusals: tuple[Recusal, ...]
    scores: tuple[ScoreSheet, ...]
    keyed: tuple[KeyedEntry, ...]

    def expert(self, expert_id: int) -> Expert | None:
        return next((e for e in self.experts if e.id == expert_id), None)

    def is_recused(self, expert_id: int, application_id: int) -> bool:
        return any(r.expert_id == expert_id and r.application_id == application_id for r in self.recusals)

    def recused_experts(self, application_id: int) -> list[Expert]:
        ids = {r.expert_id for r in self.recusals if r.application_id == application_id}
        return [e for e in self.experts if e.id in ids]

    def score(self, expert_id: int, application_id: int) -> ScoreSheet | None:
        return next(
            (s for s in self.scores if s.expert_id == expert_id and s.application_id == application_id), None
        )

    def counting_scores(self, application_id: int) -> list[ScoreSheet]:
        """Scores of the application that count: by a listed expert who has not recused, in expert order."""
        order = {e.id: i for i, e in enumerate(self.experts)}
        return sorted(
            (
                s
                for s in self.scores
                if s.application_id == application_id
                and s.expert_id in order
                and not self.is_recused(s.expert_id, application_id)
            ),
            key=lambda s: order[s.expert_id],
        )

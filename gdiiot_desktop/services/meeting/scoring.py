"""Scoring: points and opinion entered at the meeting, or keyed twice from a paper score sheet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ...domain.meeting.double_entry import Mismatch, agreed, compare
from ...domain.meeting.model import Expert, KeyedEntry, MeetingState, ScoreSheet, ScoreSource
from ...domain.meeting.rubric import Rubric, parse_points
from ...storage import meeting_repository as repo
from .errors import MeetingError, RecusedExpertError, ScoreInputError
from .records import load_state, meeting_record, plain_points, require_member
from .subjects import MeetingWorkspace

if TYPE_CHECKING:
    from ...storage.database import Session

KEY_ROUNDS = (1, 2)


@dataclass(frozen=True)
class KeyResult:
    """What one keying led to: waiting for the other round, confirmed, or mismatches to resolve."""

    confirmed: ScoreSheet | None
    mismatches: list[Mismatch]

    @property
    def waiting(self) -> bool:
        return self.confirmed is None and not self.mismatches


@dataclass(frozen=True)
class SheetStatus:
    """Keyed sheets of a meeting that do not count yet."""

    mismatches: list[Mismatch]
    single: list[KeyedEntry]  # keyed once, waiting for the second keying

    @property
    def resolved(self) -> bool:
        return not self.mismatches and not self.single


def read_points(rubric: Rubric, given: Mapping[str, object] | list[object]) -> dict[str, Decimal]:
    """Points from a {criterion id: value} mapping or a list in the rubric's order, checked."""
    if isinstance(given, list):
        if len(given) != len(rubric.criteria):
            raise ScoreInputError(
                f"应按顺序填写 {len(rubric.criteria)} 项得分：{'、'.join(c.name for c in rubric.criteria)}"
            )
        given = {c.id: v for c, v in zip(rubric.criteria, given, strict=True)}
    points: dict[str, Decimal] = {}
    for key, value in given.items():
        criterion = rubric.criterion(key) or next((c for c in rubric.criteria if c.name == key), None)
        try:
            points[criterion.id if criterion else key] = parse_points(value)
        except ValueError as exc:
            raise ScoreInputError(f"“{criterion.name if criterion else key}”的得分{exc}") from exc
    problems = rubric.point_problems(points)
    if problems:
        raise ScoreInputError("得分有误", problems)
    return points


def score(
    ws: MeetingWorkspace,
    meeting_id: int,
    expert_id: int,
    application_id: int,
    points: Mapping[str, object] | list[object],
    opinion: str = "",
) -> ScoreSheet:
    """Enter (or correct) an expert's score at the meeting; it counts at once."""
    with ws.db.session() as session:
        state, expert = _open_sheet(session, meeting_id, expert_id, application_id)
        checked = read_points(state.info.rubric, points)
        if any(k.expert_id == expert_id and k.application_id == application_id for k in state.keyed):
            raise MeetingError(
                f"专家{expert.name}对该项目的纸质评分表正在双人录入，请通过两次录入修改，或先清除该评分表。"
            )
        before = state.score(expert_id, application_id)
        sheet = ScoreSheet(expert_id, application_id, checked, opinion.strip(), ScoreSource.DIRECT)
        repo.store_score(session, sheet, ws.operator)
        ws.audit(
            session,
            "score",
            "meeting",
            meeting_id,
            {
                "expert_id": expert_id,
                "expert": expert.name,
                "application_id": application_id,
                "points": plain_points(checked),
                "opinion": sheet.opinion,
                "before": plain_points(before.points) if before else None,
            },
        )
    return sheet


def key_sheet(
    ws: MeetingWorkspace,
    meeting_id: int,
    expert_id: int,
    application_id: int,
    round_no: int,
    points: Mapping[str, object] | list[object],
    opinion: str = "",
    *,
    operator: str | None = None,
) -> KeyResult:
    """Key one round of a paper score sheet as `operator` (default `ws.operator`); the two rounds must
    be keyed by different operators. Keying a round again replaces it."""
    operator = (operator or "").strip() or ws.operator
    if round_no not in KEY_ROUNDS:
        raise MeetingError("录入轮次应为 1 或 2")
    with ws.db.session() as session:
        state, expert = _open_sheet(session, meeting_id, expert_id, application_id)
        checked = read_points(state.info.rubric, points)
        existing = state.score(expert_id, application_id)
        if existing is not None and existing.source is ScoreSource.DIRECT:
            raise MeetingError(
                f"专家{expert.name}对该项目已有现场录入的评分；如需改为纸质评分表录入，请先清除该评分。"
            )
        other = next(
            (
                k
                for k in state.keyed
                if k.expert_id == expert_id and k.application_id == application_id and k.round != round_no
            ),
            None,
        )
        if other is not None and other.operator == operator:
            raise MeetingError(f"第{other.round}遍已由{operator}录入；两遍录入应由不同的操作员完成。")
        entry = KeyedEntry(expert_id, application_id, round_no, checked, opinion.strip(), operator)
        repo.store_keyed(session, entry)
        result = KeyResult(None, [])
        if other is not None:
            first, second = (entry, other) if round_no == 1 else (other, entry)
            result = _reconcile(session, first, second, state.info.rubric)
        ws.audit(
            session,
            "key_sheet",
            "meeting",
            meeting_id,
            {
                "expert_id": expert_id,
                "expert": expert.name,
                "application_id": application_id,
                "round": round_no,
                "points": plain_points(checked),
                "opinion": entry.opinion,
                "outcome": "confirmed"
                if result.confirmed
                else ("mismatch" if result.mismatches else "waiting"),
            },
        )
    return result


def clear_sheet(ws: MeetingWorkspace, meeting_id: int, expert_id: int, application_id: int) -> None:
    """Remove an expert's score and keyed entries for one application (kept in the audit log)."""
    with ws.db.session() as session:
        _, expert = _open_sheet(session, meeting_id, expert_id, application_id, allow_recused=True)
        removed = repo.remove_sheet(session, expert_id, application_id)
        ws.audit(
            session,
            "clear_sheet",
            "meeting",
            meeting_id,
            {
                "expert_id": expert_id,
                "expert": expert.name,
                "application_id": application_id,
                "removed": removed or None,
            },
        )


def sheet_status(state: MeetingState) -> SheetStatus:
    """Keyed sheets that disagree or wait for their second keying."""
    by_sheet: dict[tuple[int, int], dict[int, KeyedEntry]] = {}
    for k in state.keyed:
        by_sheet.setdefault((k.expert_id, k.application_id), {})[k.round] = k
    mismatches: list[Mismatch] = []
    single: list[KeyedEntry] = []
    for rounds in by_sheet.values():
        if len(rounds) == 2:
            mismatches += compare(rounds[1], rounds[2], state.info.rubric)
        else:
            single += rounds.values()
    return SheetStatus(mismatches, single)


def _open_sheet(
    session: Session, meeting_id: int, expert_id: int, application_id: int, *, allow_recused: bool = False
) -> tuple[MeetingState, Expert]:
    meeting_record(session, meeting_id, for_change=True)
    state = load_state(session, meeting_id)
    expert = require_member(state, expert_id, application_id)
    if not allow_recused and state.is_recused(expert_id, application_id):
        raise RecusedExpertError(f"专家{expert.name}已回避该项目，不能评分。")
    return state, expert


def _reconcile(session: Session, first: KeyedEntry, second: KeyedEntry, rubric: Rubric) -> KeyResult:
    found = agreed(first, second, rubric)
    if found is None:
        # A score confirmed earlier no longer stands once a round is keyed differently.
        repo.delete_score(session, first.expert_id, first.application_id)
        return KeyResult(None, compare(first, second, rubric))
    points, opinion = found
    sheet = ScoreSheet(first.expert_id, first.application_id, points, opinion, ScoreSource.KEYED)
    repo.store_score(session, sheet, f"{first.operator}、{second.operator}")
    return KeyResult(sheet, [])

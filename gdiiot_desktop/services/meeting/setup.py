"""Setting a meeting up: details, the rubric copy, experts, applications under review, recusals.

Every function takes a pilot `Workspace` or a special-fund `FundWorkspace` (`MeetingWorkspace`):
a meeting reviews the applications of its database's kind (see subjects.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ...domain.meeting.conflicts import SuggestedConflict, suggest_conflicts
from ...domain.meeting.model import Expert, MeetingInfo, Recusal, RecusalKind
from ...domain.meeting.rubric import Rubric, RubricError, rubric_from_campaign_text
from ...domain.meeting.subjects import SubjectKind
from ...storage import meeting_repository as repo
from .errors import MeetingError, MeetingNotFoundError, NoRubricError
from .records import load_state, meeting_record, require_member
from .subjects import MeetingWorkspace, default_review_ids, kind_of, review_subjects, rubric_texts


def campaign_rubric(ws: MeetingWorkspace) -> Rubric:
    """The rubric of the workspace's campaign file; for a database made before the campaign file
    had one, the rubric of the shipped campaign file with the same id."""
    source_text, campaign_id, shipped = rubric_texts(ws)
    try:
        found = rubric_from_campaign_text(source_text)
        if found is None:
            text = shipped.read_text(encoding="utf-8") if shipped.is_file() else ""
            if f'id = "{campaign_id}"' in text:
                found = rubric_from_campaign_text(text)
    except RubricError as exc:
        raise NoRubricError("活动文件中的评分细则无法使用", exc.problems) from exc
    if found is None:
        raise NoRubricError("活动文件中没有评分细则（[rubric]）。请在活动文件中加入评分细则后再建评审会。")
    return found


def create_meeting(
    ws: MeetingWorkspace,
    *,
    title: str,
    held_on: date,
    place: str = "",
    chair: str = "",
    application_ids: Sequence[int] | None = None,
    presentation_minutes: int | None = None,
    questions_minutes: int | None = None,
    rubric: Rubric | None = None,
) -> MeetingInfo:
    """A new meeting under the campaign's rubric. Without `application_ids`, every active
    application is under review, recommended (入库) ones first in their order."""
    if not title.strip():
        raise MeetingError("请填写评审会名称")
    rubric = rubric or campaign_rubric(ws)
    if application_ids is None:
        application_ids = default_review_ids(ws)
    _check_applications(application_ids, {s.id for s in review_subjects(ws)})
    minutes = _minutes(
        presentation_minutes if presentation_minutes is not None else rubric.presentation_minutes,
        questions_minutes if questions_minutes is not None else rubric.questions_minutes,
    )
    with ws.db.session() as session:
        record = repo.add_meeting(
            session,
            title=title.strip(),
            held_on=held_on,
            place=place.strip(),
            chair=chair.strip(),
            rubric=rubric,
            presentation_minutes=minutes[0],
            questions_minutes=minutes[1],
            application_ids=application_ids,
            subject_kind=kind_of(ws),
        )
        details: dict[str, object] = {
            "title": record.title,
            "held_on": held_on,
            "place": record.place,
            "chair": record.chair,
            "applications": list(application_ids),
            "rubric": rubric.to_dict(),
        }
        if kind_of(ws) is not SubjectKind.PILOT:
            details["subject_kind"] = kind_of(ws).value
        ws.audit(session, "create", "meeting", record.id, details)
        return repo.info_of(record)


def update_meeting(
    ws: MeetingWorkspace,
    meeting_id: int,
    *,
    title: str | None = None,
    held_on: date | None = None,
    place: str | None = None,
    chair: str | None = None,
    presentation_minutes: int | None = None,
    questions_minutes: int | None = None,
) -> MeetingInfo:
    """Change the meeting's details; only the fields given."""
    with ws.db.session() as session:
        record = meeting_record(session, meeting_id, for_change=True)
        wanted: dict[str, object] = {
            "title": title.strip() if title is not None else None,
            "held_on": held_on,
            "place": place.strip() if place is not None else None,
            "chair": chair.strip() if chair is not None else None,
            "presentation_minutes": presentation_minutes,
            "questions_minutes": questions_minutes,
        }
        if wanted["title"] == "":
            raise MeetingError("请填写评审会名称")
        _minutes(
            presentation_minutes if presentation_minutes is not None else record.presentation_minutes,
            questions_minutes if questions_minutes is not None else record.questions_minutes,
        )
        changes: dict[str, list[object]] = {}
        for name, value in wanted.items():
            if value is not None and getattr(record, name) != value:
                changes[name] = [getattr(record, name), value]
                setattr(record, name, value)
        if changes:
            ws.audit(session, "update", "meeting", meeting_id, {"changes": changes})
        return repo.info_of(record)


def list_meetings(ws: MeetingWorkspace) -> list[MeetingInfo]:
    with ws.db.session() as session:
        return repo.all_meetings(session)


def latest_meeting_id(ws: MeetingWorkspace) -> int | None:
    with ws.db.session() as session:
        return repo.latest_meeting_id(session)


def add_expert(
    ws: MeetingWorkspace, meeting_id: int, name: str, organisation: str = "", field: str = ""
) -> Expert:
    if not name.strip():
        raise MeetingError("请填写专家姓名")
    with ws.db.session() as session:
        meeting_record(session, meeting_id, for_change=True)
        expert = repo.add_expert(session, meeting_id, name.strip(), organisation.strip(), field.strip())
        ws.audit(
            session,
            "add_expert",
            "meeting",
            meeting_id,
            {
                "expert_id": expert.id,
                "name": expert.name,
                "organisation": expert.organisation,
                "field": expert.field,
            },
        )
        return expert


def remove_expert(ws: MeetingWorkspace, meeting_id: int, expert_id: int) -> None:
    """Take an expert off the panel; refused once they have scored."""
    with ws.db.session() as session:
        meeting_record(session, meeting_id, for_change=True)
        state = load_state(session, meeting_id)
        expert = require_member(state, expert_id)
        if any(s.expert_id == expert_id for s in state.scores) or any(
            k.expert_id == expert_id for k in state.keyed
        ):
            raise MeetingError(f"专家{expert.name}已有评分，不能移出专家组。")
        repo.delete_expert(session, expert_id)
        ws.audit(
            session, "remove_expert", "meeting", meeting_id, {"expert_id": expert_id, "name": expert.name}
        )


def set_applications(ws: MeetingWorkspace, meeting_id: int, application_ids: Sequence[int]) -> None:
    """The applications under review, in presentation order; one already scored cannot be removed."""
    known = {s.id for s in review_subjects(ws)}
    _check_applications(application_ids, known)
    with ws.db.session() as session:
        meeting_record(session, meeting_id, for_change=True)
        state = load_state(session, meeting_id)
        dropped = set(state.application_ids) - set(application_ids)
        scored = sorted({s.application_id for s in state.scores} & dropped)
        if scored:
            raise MeetingError(f"编号为 {'、'.join(map(str, scored))} 的项目已有评分，不能移出评审项目。")
        repo.replace_items(session, meeting_id, application_ids)
        ws.audit(
            session,
            "set_items",
            "meeting",
            meeting_id,
            {"before": list(state.application_ids), "after": list(application_ids)},
        )


def recuse(
    ws: MeetingWorkspace,
    meeting_id: int,
    expert_id: int,
    application_id: int,
    reason: str,
    kind: RecusalKind = RecusalKind.DECLARED,
) -> None:
    """Record that an expert recuses from an application. A score they already gave it is removed
    (and kept in the audit log), so it never counts."""
    if not reason.strip():
        raise MeetingError("请填写回避理由（如：同一单位、存在咨询服务关系）")
    with ws.db.session() as session:
        meeting_record(session, meeting_id, for_change=True)
        state = load_state(session, meeting_id)
        expert = require_member(state, expert_id, application_id)
        if state.is_recused(expert_id, application_id):
            raise MeetingError(f"专家{expert.name}已回避该项目")
        removed = repo.remove_sheet(session, expert_id, application_id)
        repo.add_recusal(session, Recusal(expert_id, application_id, kind, reason.strip()))
        ws.audit(
            session,
            "recuse",
            "meeting",
            meeting_id,
            {
                "expert_id": expert_id,
                "expert": expert.name,
                "application_id": application_id,
                "kind": kind.value,
                "reason": reason.strip(),
                "removed_score": removed or None,
            },
        )


def withdraw_recusal(ws: MeetingWorkspace, meeting_id: int, expert_id: int, application_id: int) -> None:
    with ws.db.session() as session:
        meeting_record(session, meeting_id, for_change=True)
        state = load_state(session, meeting_id)
        expert = require_member(state, expert_id, application_id)
        reason = repo.take_recusal(session, expert_id, application_id)
        if reason is None:
            raise MeetingNotFoundError(f"专家{expert.name}没有回避该项目")
        ws.audit(
            session,
            "withdraw_recusal",
            "meeting",
            meeting_id,
            {"expert_id": expert_id, "application_id": application_id, "reason": reason},
        )


def suggested_conflicts(ws: MeetingWorkspace, meeting_id: int) -> list[SuggestedConflict]:
    """Likely conflicts between the panel and the applications under review not yet recused."""
    with ws.db.session() as session:
        state = load_state(session, meeting_id)
    under_review = set(state.application_ids)
    apps = [a for a in review_subjects(ws) if a.id in under_review]
    return [
        s
        for s in suggest_conflicts(state.experts, apps)
        if not state.is_recused(s.expert_id, s.application_id)
    ]


def _check_applications(application_ids: Sequence[int], known: set[int]) -> None:
    if len(set(application_ids)) != len(application_ids):
        raise MeetingError("评审项目中有重复的项目编号")
    unknown = [i for i in application_ids if i not in known]
    if unknown:
        raise MeetingNotFoundError(f"找不到编号为 {'、'.join(map(str, unknown))} 的申报项目")


def _minutes(presentation: int, questions: int) -> tuple[int, int]:
    for value in (presentation, questions):
        if not 0 <= value <= 120:
            raise MeetingError("汇报和答疑时间应为 0–120 分钟")
    if presentation + questions == 0:
        raise MeetingError("汇报和答疑时间不能都为 0")
    return presentation, questions

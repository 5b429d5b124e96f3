"""What the presentation view shows for each application, and the video copied out for the system player."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ...domain.enums import Grade
from ...domain.meeting.model import Expert
from ...domain.meeting.subjects import ReviewSubject
from ...domain.model import Attachment, Violation
from .errors import MeetingError
from .results import meeting_state
from .subjects import MeetingWorkspace, review_subjects, slide_facts

SHOWN_GRADES = (Grade.ERROR, Grade.NEEDS_EXPLANATION, Grade.WARNING)


@dataclass(frozen=True)
class Slide:
    """One application as the projector shows it."""

    position: int  # 1-based
    count: int
    subject: ReviewSubject
    facts: list[str]  # kind and direction, build status or investment, …: one line each
    problems: list[Violation]  # not overridden, errors and warnings only
    recused: list[Expert]
    video: Attachment | None


@dataclass(frozen=True)
class Deck:
    title: str
    presentation_minutes: int
    questions_minutes: int
    slides: list[Slide]


def build_deck(ws: MeetingWorkspace, meeting_id: int) -> Deck:
    """The meeting's applications in presentation order, with their problems and recusals."""
    state = meeting_state(ws, meeting_id)
    by_id = {s.id: s for s in review_subjects(ws)}
    facts = slide_facts(ws, list(state.application_ids), SHOWN_GRADES)
    slides = []
    count = len(state.application_ids)
    for position, app_id in enumerate(state.application_ids, 1):
        shown = facts[app_id]
        slides.append(
            Slide(
                position=position,
                count=count,
                subject=by_id[app_id],
                facts=shown.facts,
                problems=sorted(shown.problems, key=lambda v: v.grade.rank),
                recused=state.recused_experts(app_id),
                video=shown.video,
            )
        )
    return Deck(state.info.title, state.info.presentation_minutes, state.info.questions_minutes, slides)


def video_copy(ws: MeetingWorkspace, attachment: Attachment, folder: Path | None = None) -> Path:
    """A copy of a stored video under its original name, for the system's player (the store's
    own files have hash names the player cannot recognise)."""
    source = ws.db.store.path_of(attachment.sha256)
    if not source.is_file():
        raise MeetingError(
            f"视频文件“{attachment.file_name}”不在附件库中（可能已被删除），请重新添加该附件。"
        )
    base = folder or Path(tempfile.gettempdir()) / "gdiiot-meeting"
    target = base / attachment.sha256[:12] / (Path(attachment.file_name).name or "video.mp4")
    if not (target.is_file() and target.stat().st_size == source.stat().st_size):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return target

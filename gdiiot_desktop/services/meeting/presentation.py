"""What the presentation view shows for each application, and the video copied out for the system player."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ...domain.enums import AttachmentClass, Grade
from ...domain.meeting.model import Expert
from ...domain.model import Application, Attachment, Violation
from ...domain.rules import check_city
from ..applications import ApplicationService
from ..workspace import Workspace
from .errors import MeetingError
from .results import meeting_state

SHOWN_GRADES = (Grade.ERROR, Grade.NEEDS_EXPLANATION, Grade.WARNING)


@dataclass(frozen=True)
class Slide:
    """One application as the projector shows it."""

    position: int  # 1-based
    count: int
    application: Application
    direction: str
    category: str
    problems: list[Violation]  # not overridden, errors and warnings only
    recused: list[Expert]
    video: Attachment | None


@dataclass(frozen=True)
class Deck:
    title: str
    presentation_minutes: int
    questions_minutes: int
    slides: list[Slide]


def build_deck(ws: Workspace, meeting_id: int) -> Deck:
    """The meeting's applications in presentation order, with their problems and recusals."""
    state = meeting_state(ws, meeting_id)
    apps = ApplicationService(ws).list()
    by_id = {a.id: a for a in apps}
    problems: dict[int, list[Violation]] = {}
    for v in check_city(ws.campaign, ws.city, apps):
        if (
            v.application_id is not None
            and v.grade in SHOWN_GRADES
            and not v.is_overridden
            and v.rule != "CITY_QUOTA"
        ):
            problems.setdefault(v.application_id, []).append(v)
    slides = []
    count = len(state.application_ids)
    for position, app_id in enumerate(state.application_ids, 1):
        app = by_id[app_id]
        direction = ws.campaign.direction(app.direction_id)
        category = ws.campaign.category(app.category_id)
        videos = app.attachments_of(AttachmentClass.VIDEO)
        slides.append(
            Slide(
                position=position,
                count=count,
                application=app,
                direction=direction.name if direction else app.direction_id,
                category=category.name if category else app.category_id,
                problems=sorted(problems.get(app_id, []), key=lambda v: v.grade.rank),
                recused=state.recused_experts(app_id),
                video=videos[-1] if videos else None,
            )
        )
    return Deck(state.info.title, state.info.presentation_minutes, state.info.questions_minutes, slides)


def video_copy(ws: Workspace, attachment: Attachment, folder: Path | None = None) -> Path:
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

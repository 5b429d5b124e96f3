"""Test data for the review meeting: a 韶关 database with a few applications, a meeting and a panel."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gdiiot_desktop.demo import make_uscc
from gdiiot_desktop.domain.enums import ApplicantType, AttachmentClass
from gdiiot_desktop.domain.meeting.model import Expert, MeetingInfo
from gdiiot_desktop.domain.model import Applicant, Application, Attachment, Contact
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.meeting import setup
from gdiiot_desktop.services.workspace import Workspace, create_workspace
from gdiiot_desktop.storage.repository import ApplicationRepository

# (project, applicant, county, central enterprise, co-applicants, contact)
PROJECTS = [
    ("基于5G的陶瓷智能工厂建设", "韶关市丹霞陶瓷有限公司", "浈江区", False, "", "陈伟"),
    ("钢铁行业工业互联网平台", "韶关钢铁数字科技有限公司", "曲江区", False, "韶关学院", "李芳"),
    ("精密机械设备预测性维护", "南雄精密机械股份有限公司", "南雄市", False, "", "黄敏"),
    ("电力设备安全生产监测", "中国南方电网韶关供电局", "武江区", True, "", "张静"),
    ("家具产业集群数字化转型", "仁化家具集团有限公司", "仁化县", False, "", "梁强"),
    ("纺织生产线数字孪生应用", "乐昌纺织有限公司", "乐昌市", False, "", "刘洋"),
    ("铝材质量追溯系统", "翁源铝材科技有限公司", "翁源县", False, "", "何杰"),
]


@dataclass
class World:
    ws: Workspace
    app_ids: list[int]
    meeting: MeetingInfo
    experts: list[Expert]


def make_workspace(folder: Path, operator: str = "录入员甲") -> Workspace:
    return create_workspace(folder / "韶关.sqlite3", "韶关", operator=operator)


def add_applications(ws: Workspace, count: int = len(PROJECTS), *, clean: bool = True) -> list[int]:
    rng = random.Random(6)
    service = ApplicationService(ws)
    ids = []
    for i, (project, applicant, county, central, partners, contact) in enumerate(PROJECTS[:count]):
        app = Application(
            project_name=project,
            applicant=Applicant(
                uscc=make_uscc(rng, "440200"),
                name=applicant,
                applicant_type=ApplicantType.INDUSTRIAL,
                is_central_enterprise=central,
                registered_city="韶关",
                legal_representative=f"法人{i}",
            ),
            county=county,
            category_id="factory",
            direction_id="d05",
            co_applicants=partners,
            contact=Contact(name=contact, mobile="13800138000"),
            filed_on=date(2023, 12, 1 + i),
        )
        ids.append(service.save(app).id or 0)
    if clean:
        _attach_records(ws, ids)
    return ids


def _attach_records(ws: Workspace, ids: list[int]) -> None:
    """A 6-minute video and an application form per application, as records over stored bytes
    (the rules read the duration from the record), so the applications pass the rule check."""
    video = ws.db.store.put_bytes(b"not really a video")
    form = ws.db.store.put_bytes(b"%PDF-1.4 form")
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        for app_id in ids:
            repo.add_attachment(
                app_id,
                Attachment(
                    AttachmentClass.VIDEO, "项目视频.mp4", video.sha256, video.size, duration_seconds=360
                ),
            )
            repo.add_attachment(
                app_id,
                Attachment(AttachmentClass.APPLICATION_FORM, "申报书.pdf", form.sha256, form.size, pages=1),
            )


def make_world(folder: Path, experts: int = 3, apps: int = 5) -> World:
    ws = make_workspace(folder)
    ids = add_applications(ws, apps)
    meeting = setup.create_meeting(
        ws,
        title="韶关市2023年工业互联网试点示范项目推荐评审会",
        held_on=date(2023, 12, 5),
        place="市工信局三楼会议室",
        chair="王主任",
    )
    panel = [("刘专家", "韶关学院", "工业互联网"), ("周专家", "广东工业大学", "智能制造"), ("吴专家", "省信息中心", "信息安全"),
             ("郑专家", "华南理工大学", "自动化"), ("孙专家", "中山大学", "数据科学")][:experts]  # fmt: skip
    made = [setup.add_expert(ws, meeting.id, *p) for p in panel]
    return World(ws, ids, meeting, made)

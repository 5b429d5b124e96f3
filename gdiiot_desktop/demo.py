"""Realistic, fictional applications for the demo database and the benchmarks.

`python -m gdiiot_desktop.demo --db PATH` builds a demo city database (佛山 by default) with a
few dozen applications that show every kind of problem an official meets.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

from .domain.campaign import Campaign
from .domain.enums import (
    ApplicantType,
    AttachmentClass,
    BuildStatus,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
)
from .domain.model import Applicant, Application, Attachment, Contact
from .domain.uscc import ALPHABET, check_character

COUNTIES = {
    "佛山": ["禅城区", "南海区", "顺德区", "高明区", "三水区"],
    "韶关": ["浈江区", "武江区", "曲江区", "乐昌市", "南雄市", "仁化县", "翁源县"],
    "广州": ["天河区", "黄埔区", "番禺区", "白云区", "花都区", "增城区", "南沙区"],
}
_PLACES = ["顺德", "南海", "禅城", "狮山", "容桂", "北滘", "乐从", "大良", "西樵", "杏坛", "高明", "三水"]
_TRADES = [
    ("家电", "工业企业"), ("陶瓷", "工业企业"), ("精密机械", "工业企业"), ("铝材", "工业企业"),
    ("纺织", "工业企业"), ("家具", "工业企业"), ("智能装备", "工业企业"), ("电子", "工业企业"),
    ("数字科技", "信息技术企业"), ("软件", "信息技术企业"), ("云计算", "互联网企业"),
    ("通信服务", "基础电信企业"), ("产业园运营", "园区运营管理机构"), ("工业技术研究院", "高校及科研院所"),
]
_SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]
_SUBJECTS = [
    "基于5G的{trade}智能工厂建设", "{trade}行业工业互联网平台", "{trade}生产线数字孪生应用",
    "{trade}产业集群数字化转型", "面向{trade}的标识解析集成应用", "{trade}工厂安全生产监测",
    "{trade}绿色低碳能源管理", "{trade}设备预测性维护", "{trade}供应链协同平台", "{trade}质量追溯系统",
]
_SURNAMES = "陈李黄张梁刘何林罗郑冯谢吴叶邓"
_GIVEN = ["伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "杰", "婷", "俊", "慧", "斌", "丽"]
_TITLES = ["总经理", "信息中心主任", "副总经理", "技术总监", "项目经理"]


def make_uscc(rng: random.Random, division: str) -> str:
    body = "91" + division + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + check_character(body)


def generate_applications(
    campaign: Campaign,
    city: str,
    count: int,
    seed: int = 2023,
    counties: list[str] | None = None,
    *,
    attachment_records: bool = False,
) -> list[Application]:
    """`count` clean, varied applications; most applicants file one project, some two.

    With `attachment_records` each carries the records (not the files) of a 6-minute video and
    an application form, as a city database under way would: for benchmarks.
    """
    rng = random.Random(seed)
    found = campaign.city(city)
    assert found is not None, city
    counties = counties or COUNTIES.get(found.name, [f"{found.name}第{i}区" for i in range(1, 8)])
    usable = [d for d in campaign.directions if campaign.submit_authority in d.authorities]
    apps: list[Application] = []
    applicant: Applicant | None = None
    filed = 0
    for i in range(count):
        if applicant is None or filed == 2 or rng.random() < 0.8:
            filed = 0
            trade, kind = rng.choice(_TRADES)
            name = f"{found.name}市{rng.choice(_PLACES)}{trade}{rng.choice(_SUFFIX)}"
            if i >= 50:
                name = name.replace("有限公司", f"{i}号有限公司", 1)
            applicant = Applicant(
                uscc=make_uscc(rng, found.division[:4] + f"{rng.randint(1, 9):02d}"),
                name=name,
                applicant_type=ApplicantType(kind),
                registered_city=found.name + "市",
                registered_address=f"广东省{found.name}市{rng.choice(_PLACES)}工业大道{rng.randint(1, 300)}号",
                employees=rng.randint(80, 8000),
                revenue=float(rng.randint(5000, 900000)),
            )
            trade_of_applicant = trade
            first_category: str | None = None
        direction = rng.choice(usable)
        if first_category is not None:
            same = [d for d in usable if d.category_id != first_category]
            direction = rng.choice(same)
        first_category = direction.category_id
        filed += 1
        project = rng.choice(_SUBJECTS).format(trade=trade_of_applicant)
        if i >= 50:
            project += f"（{i}期）"
        apps.append(
            Application(
                project_name=project,
                applicant=applicant,
                county=rng.choice(counties),
                category_id=direction.category_id,
                direction_id=direction.id,
                build_status=BuildStatus.BUILT,
                innovation_acceptance=rng.choice(
                    [InnovationAcceptance.NOT_APPLICABLE] * 4 + [InnovationAcceptance.ACCEPTED]
                ),
                total_investment=float(rng.randint(300, 50000)),
                location_city=found.name + "市",
                priority_conditions=frozenset(
                    rng.sample(list(PriorityCondition), rng.choice([0, 0, 1, 2]))
                ),
                contact=Contact(
                    name=rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(["", *_GIVEN]),
                    title=rng.choice(_TITLES),
                    mobile="13" + "".join(rng.choice("0123456789") for _ in range(9)),
                    email=f"contact{i}@example.com.cn",
                ),
                attachments=_attachment_records(rng) if attachment_records else [],
            )
        )
    return apps


def _attachment_records(rng: random.Random) -> list[Attachment]:
    digest = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    return [
        Attachment(AttachmentClass.VIDEO, "项目视频.mp4", digest, 30_000_000, duration_seconds=rng.uniform(300, 600)),
        Attachment(AttachmentClass.APPLICATION_FORM, "项目申报书.pdf", digest[::-1], 2_000_000, pages=40),
    ]


def demo_problems(campaign: Campaign, apps: list[Application]) -> list[Application]:
    """Edit a few applications so the demo shows the problems an official must catch (as many as
    there are applications for: a small demo gets the first few)."""
    out = list(apps)
    if not out:
        return out
    first = out[0]
    out.append(replace(first, project_name=first.project_name.replace("5G", "５Ｇ") + " ", county=out[min(3, len(apps) - 1)].county))
    network = next((d for d in campaign.directions if campaign.submit_authority not in d.authorities), None)
    edits = {
        5: lambda a: replace(a, build_status=BuildStatus.NOT_BUILT),
        6: lambda a: replace(a, other_channel=OtherChannel.COMMUNICATIONS_ADMINISTRATION),
        7: lambda a: replace(a, applicant=replace(a.applicant, uscc=a.applicant.uscc[:-1] + "0")),
        8: lambda a: replace(a, pilot_year=campaign.year - 1),
        9: lambda a: replace(a, category_id=network.category_id, direction_id=network.id) if network else a,
        10: lambda a: replace(a, applicant=replace(a.applicant, is_central_enterprise=True)),
    }
    for index, edit in edits.items():
        if index < len(apps):  # never the duplicate appended last
            out[index] = edit(out[index])
    return out


def build_demo(db_path: Path, city: str = "佛山", count: int = 24) -> Path:
    """Create a demo database with applications, attachments and a recommendation order."""
    from .services.applications import ApplicationService
    from .services.workspace import create_workspace
    from .storage.repository import ApplicationRepository

    if db_path.exists():
        return db_path
    ws = create_workspace(db_path, city, operator="演示")
    try:
        apps = demo_problems(ws.campaign, generate_applications(ws.campaign, city, count))
        with ws.db.session() as session:
            repo = ApplicationRepository(session)
            ids = [repo.save(app, diff=False)[0] for app in apps]
        service = ApplicationService(ws)
        _attach_demo_files(service, ids, db_path.parent / (db_path.stem + "-demo-files"))
        service.set_order(ids[:10])
    finally:
        ws.close()
    return db_path


def _attach_demo_files(service: object, ids: list[int], folder: Path) -> None:
    """A generated application form (PDF) for each, and a video where ffmpeg is to hand."""
    from .services.applications import ApplicationService

    assert isinstance(service, ApplicationService)
    folder.mkdir(parents=True, exist_ok=True)
    form = folder / "项目申报书.pdf"
    _write_demo_pdf(form)
    video = _demo_video(folder / "项目视频.mp4", seconds=372)
    for n, app_id in enumerate(ids):
        if n % 7 != 3:
            service.attach(app_id, form, AttachmentClass.APPLICATION_FORM)
        if video is not None and n % 9 != 4:
            service.attach(app_id, video, AttachmentClass.VIDEO)


def _write_demo_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, 4):
        pdf.drawString(72, 760, f"Application form (demo) - page {page}")
        pdf.showPage()
    pdf.save()


def _demo_video(path: Path, seconds: int) -> Path | None:
    import subprocess

    try:
        import imageio_ffmpeg

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return None
    command = [
        ffmpeg, "-y", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=navy:s=64x36:r=1",
        "-t", str(seconds), "-c:v", "mpeg4", str(path),
    ]
    result = subprocess.run(command, capture_output=True, check=False)
    return path if result.returncode == 0 and path.exists() else None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("至少 1 个")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成演示数据库")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--city", default="佛山")
    parser.add_argument("--count", type=_positive, default=24, help="申报项目数（至少 1 个）")
    args = parser.parse_args(argv)
    path = build_demo(args.db, args.city, args.count)
    print(f"演示数据库：{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Test data for the exports: a 韶关 city database with real PDFs, a PNG, a Word file and videos."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from gdiiot_desktop.demo import make_uscc
from gdiiot_desktop.domain.enums import ApplicantType, AttachmentClass, PriorityCondition
from gdiiot_desktop.domain.model import Applicant, Application, Contact
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.pdf.fonts import font_set
from gdiiot_desktop.services.workspace import Workspace, create_workspace
from tests.videos import make_video

CITY = "韶关"
PROJECTS = [
    ("基于5G的陶瓷智能工厂建设", "韶关市浈江陶瓷有限公司"),
    ("=HYPERLINK(\"http://x\")精密机械设备预测性维护", "韶关市武江精密机械股份有限公司"),
    ("有色金属行业工业互联网平台", "韶关市曲江有色金属集团有限公司"),
]


def make_pdf(path: Path, pages: int, label: str, *, landscape_page: int | None = None, rotate: int = 0) -> Path:
    """A real PDF whose pages say `label` in Chinese (extractable text)."""
    fonts = font_set()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, initialFontName=fonts.body)
    for i in range(1, pages + 1):
        size = landscape(A4) if i == landscape_page else A4
        c.setPageSize(size)
        c.setFont(fonts.body, 14)
        c.drawString(80, size[1] - 120, f"{label} 第{i}页")
        for line in range(12):
            c.drawString(80, size[1] - 160 - 20 * line, f"申报单位提供的材料内容 {line + 1}")
        c.showPage()
    c.save()
    data = buffer.getvalue()
    if rotate:
        from pypdf import PdfReader, PdfWriter

        reader = PdfReader(io.BytesIO(data))
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page).rotate(rotate)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def make_png(path: Path, width: int = 120, height: int = 160) -> Path:
    """A PNG written byte by byte (zlib): a grey gradient with a dark frame."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            edge = x < 4 or y < 4 or x >= width - 4 or y >= height - 4
            v = 20 if edge else 120 + (x + y) % 100
            row += bytes((v, v, 200 if not edge else 20))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path


def make_docx(path: Path) -> Path:
    """The smallest zip that reads as a Word document (word/document.xml)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


@dataclass
class City:
    ws: Workspace
    ids: list[int]
    files: Path


def build_city(root: Path, *, video_seconds: float = 400, form_pages: int = 3) -> City:
    """Three recommended applications of 韶关 with every kind of attachment."""
    ws = create_workspace(root / "韶关.sqlite3", CITY, operator="测试员")
    service = ApplicationService(ws)
    campaign = ws.campaign
    usable = [d for d in campaign.directions if campaign.submit_authority in d.authorities]
    rng = random.Random(7)
    files = root / "files"
    video = make_video(files / "项目视频.mp4", video_seconds)
    ids = []
    for i, (project, applicant) in enumerate(PROJECTS):
        direction = usable[i * 3]
        app = service.save(
            Application(
                project_name=project,
                applicant=Applicant(
                    uscc=make_uscc(rng, "440203"),
                    name=applicant,
                    applicant_type=ApplicantType.INDUSTRIAL,
                    registered_city="韶关市",
                    registered_address="广东省韶关市浈江区工业大道1号",
                    founded=date(2005, 3, 1),
                    registered_capital=5000.0,
                    legal_representative="李明",
                    employees=800,
                    revenue=120000.0,
                ),
                county=["浈江区", "武江区", "曲江区"][i],
                category_id=direction.category_id,
                direction_id=direction.id,
                location_city="韶关市",
                total_investment=3200.5,
                build_start=date(2021, 1, 1),
                build_end=date(2023, 6, 30),
                priority_conditions=frozenset({PriorityCondition.OLD_REVOLUTIONARY_AREA}) if i == 0 else frozenset(),
                credit_checked=True,
                commitment_letter=True,
                filed_on=date(2023, 11, 20),
                contact=Contact(name="张伟", title="信息中心主任", mobile="-13800138000" if i == 1 else "13800138000", email="zw@example.com"),
            )
        )
        assert app.id is not None
        d = files / f"p{i}"
        service.attach(app.id, make_pdf(d / "项目申报书.pdf", form_pages, f"申报书{i + 1}"), AttachmentClass.APPLICATION_FORM)
        for year in (2020, 2021, 2022):
            service.attach(app.id, make_pdf(d / f"{year}年度审计报告.pdf", 1, f"{year}年度审计报告"), AttachmentClass.AUDIT_REPORT, year=year)
        service.attach(app.id, make_png(d / "专利证书扫描件.png"), AttachmentClass.IP)
        if i == 0:
            service.attach(app.id, make_pdf(d / "应用证明.pdf", 2, "应用证明", landscape_page=2), AttachmentClass.APPLICATION_PROOF)
            service.attach(app.id, make_docx(d / "项目介绍.docx"), AttachmentClass.OTHER)
        service.attach(app.id, video, AttachmentClass.VIDEO)
        ids.append(app.id)
    service.set_order(ids)
    return City(ws, ids, files)

"""One project's printed package as a single PDF: front matter, then the applicant's files in the
campaign's order, every page numbered (GB/T 9704, outer side) and footed with the snapshot id.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter, Transformation

from ...domain.campaign import Campaign
from ...domain.enums import AttachmentClass
from ...domain.model import Application, Attachment
from ...storage.store import AttachmentStore
from ..files import atomic_output
from ..media import HEAD_SIZE
from ..pdf.stamps import overlay_pdf
from ..pdf.styles import styles
from .image_pages import image_page
from .integrity import read_verified
from .package_front import render_front
from .package_plan import PackagePlan, sections_for
from .printables import PrintItem, inspect_data, printable_kind
from .snapshot import Snapshot


@dataclass(frozen=True)
class PackageResult:
    path: Path
    plan: PackagePlan

    @property
    def pages(self) -> int:
        return self.plan.total_pages


def plan_package(
    campaign: Campaign, snapshot: Snapshot, app: Application, store: AttachmentStore
) -> tuple[PackagePlan, bytes, dict[int, bytes]]:
    """The package's plan, its rendered front matter, and the hash-checked bytes of printed files."""
    items: dict[int, PrintItem] = {}
    data: dict[int, bytes] = {}
    for i, att in enumerate(app.attachments):
        path = store.path_of(att.sha256)
        head = b""
        if att.attachment_class is not AttachmentClass.VIDEO:
            head = _head(store, att, app)
        if head and printable_kind(att, head, path):
            content = read_verified(store, att, app)  # PDFs and images are printed: read and re-hashed
            items[i] = inspect_data(att, content, path)
            if items[i].printed:
                data[i] = content
        else:
            items[i] = inspect_data(att, head, path)  # video, Word…: on the disc only (copied re-hashed)
    front, plan = render_front(campaign, snapshot, app, sections_for(campaign, app, items))
    return plan, front, data


def _head(store: AttachmentStore, att: Attachment, app: Application) -> bytes:
    try:
        with store.path_of(att.sha256).open("rb") as f:
            return f.read(HEAD_SIZE)
    except FileNotFoundError:
        read_verified(store, att, app)  # raises, naming the missing file
        raise


def build_package(
    campaign: Campaign, snapshot: Snapshot, app: Application, store: AttachmentStore, target: Path
) -> PackageResult:
    """Write the project's package PDF to `target` atomically."""
    plan, front, data = plan_package(campaign, snapshot, app, store)
    fonts = styles().fonts
    by_attachment = {id(att): i for i, att in enumerate(app.attachments)}
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))
    for entry in plan.entries():
        if entry.first is None:
            continue
        content = data[by_attachment[id(entry.item.attachment)]]
        if entry.item.kind == "image":
            writer.append(PdfReader(io.BytesIO(image_page(content, entry.first, snapshot.footer, fonts))))
        else:
            _append_stamped(writer, content, entry.first, snapshot.footer)
    writer.add_metadata(
        {
            "/Title": f"{app.project_name} 申报材料",
            "/Author": snapshot.recommender,
            "/Subject": f"快照编号 {snapshot.id}",
            "/Keywords": snapshot.id,
            "/Creator": "GDIIoT Desktop",
        }
    )
    if writer.page_mode is None:
        writer.page_layout = "/OneColumn"
    with atomic_output(target) as tmp, tmp.open("wb") as out:
        writer.write(out)
    return PackageResult(target, plan)


def _append_stamped(writer: PdfWriter, content: bytes, first_number: int, footer: str) -> None:
    """Append an applicant's PDF and stamp each page with its number and the footer."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # applicants' PDFs are often slightly malformed
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        added = []
        for page in reader.pages:
            if page.rotation % 360:
                page.transfer_rotation_to_content()  # so the stamp lands upright at the page's foot
            added.append(writer.add_page(page))
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in added]
        overlay = PdfReader(io.BytesIO(overlay_pdf(sizes, first_number, footer, styles().fonts)))
        for page, stamp in zip(added, overlay.pages, strict=True):
            left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
            if left or bottom:
                page.merge_transformed_page(stamp, Transformation().translate(left, bottom))
            else:
                page.merge_page(stamp)
            page.compress_content_streams()

"""The order of a project's printed package and the page each part starts on (for its 目录)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ...domain.campaign import Campaign, Material
from ...domain.enums import AttachmentClass
from ...domain.model import Application
from .explanations import missing_note
from .printables import PrintItem

DATASHEET_TITLE = "项目基本信息表"
OTHER_TITLE = "其他材料"
ELECTRONIC_NOTES = {
    "video": "电子版，见光盘",
    "word": "仅电子版（Word 文档，请转换为 PDF 后打印）",
    "other": "仅电子版，见光盘",
    "pdf": "无法打印，见光盘",
    "image": "无法打印，见光盘",
}


@dataclass(frozen=True)
class PlanEntry:
    item: PrintItem
    first: int | None = None  # page numbers in the package; None when not printed
    last: int | None = None

    @property
    def pages_text(self) -> str:
        if self.first is None or self.last is None:
            return ELECTRONIC_NOTES[self.item.kind]
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


@dataclass(frozen=True)
class PlanSection:
    title: str
    entries: tuple[PlanEntry, ...]
    note: str = ""  # shown when the section has no file (e.g. 纸质原件另行提交)
    material_id: str = ""


@dataclass(frozen=True)
class PackagePlan:
    app: Application
    sections: tuple[PlanSection, ...]
    front_pages: int  # cover + index + data sheet
    datasheet_page: int
    total_pages: int

    def entries(self) -> list[PlanEntry]:
        return [e for s in self.sections for e in s.entries]

    def electronic_only(self) -> list[PlanEntry]:
        return [e for e in self.entries() if not e.item.printed and e.item.kind != "video"]


def sections_for(campaign: Campaign, app: Application, items: Mapping[int, PrintItem]) -> list[PlanSection]:
    """Attachments grouped by the campaign's materials, in the campaign's order (`items` by index
    in `app.attachments`); classes the campaign does not list go last, under 其他材料.
    """
    used: set[int] = set()
    out: list[PlanSection] = []
    for material in campaign.materials:
        indexes = [
            i for i, att in enumerate(app.attachments)
            if att.attachment_class is material.attachment_class and i not in used
        ]
        used.update(indexes)
        entries = tuple(PlanEntry(items[i]) for i in _sorted(app, indexes))
        out.append(PlanSection(material.name, entries, "" if entries else _missing_note(app, material), material.id))
    rest = [i for i in range(len(app.attachments)) if i not in used]
    if rest:
        out.append(PlanSection(OTHER_TITLE, tuple(PlanEntry(items[i]) for i in rest)))
    return out


def with_pages(
    app: Application, sections: list[PlanSection], front_pages: int, datasheet_page: int
) -> PackagePlan:
    """Give every printed entry its page range, counting on from the front matter."""
    page = front_pages + 1
    numbered = []
    for section in sections:
        entries = []
        for entry in section.entries:
            if entry.item.pages:
                entries.append(replace(entry, first=page, last=page + entry.item.pages - 1))
                page += entry.item.pages
            else:
                entries.append(replace(entry, first=None, last=None))
        numbered.append(replace(section, entries=tuple(entries)))
    return PackagePlan(app, tuple(numbered), front_pages, datasheet_page, page - 1)


def _sorted(app: Application, indexes: list[int]) -> list[int]:
    """Audit reports newest year first; everything else in the order attached."""
    if indexes and app.attachments[indexes[0]].attachment_class is AttachmentClass.AUDIT_REPORT:
        return sorted(indexes, key=lambda i: (-(app.attachments[i].year or 0), i))
    return indexes


def _missing_note(app: Application, material: Material) -> str:
    explained = missing_note(app, material)
    if explained is not None:
        return explained  # the city's recorded explanation, never a bare 未提供
    if material.id in app.materials_received:
        return "纸质原件另行提交"
    if material.attachment_class is AttachmentClass.COMMITMENT_LETTER and app.commitment_letter:
        return "已声明提供（纸质）"
    if material.attachment_class is AttachmentClass.CREDIT_CHECK and app.credit_checked:
        return "已查询（纸质）"
    return "未提供" if material.required else "无"

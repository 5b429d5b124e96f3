"""The recommendation letter of an export: its proposed wording, the wording a snapshot froze, and
the .docx and PDF written into the export folder and onto the disc.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ...domain.model import Application
from ..document_settings import get_contact
from ..errors import InputError
from ..files import atomic_output
from ..pdf.fonts import font_set
from ..settings import get_recommender
from ..workspace import Workspace
from .errors import ExportError
from .letter import Letter, default_letter, parse, to_text
from .letter_docx import render_letter_docx
from .letter_pdf import render_letter_pdf
from .snapshot import Snapshot

LETTER_FOLDER = "推荐函"
LETTER_STEM = "推荐函"


def draft_text(ws: Workspace, apps: Sequence[Application], day: date) -> str:
    """The wording the program proposes for these recommended applications (text form)."""
    contact = get_contact(ws)
    letter = default_letter(ws.campaign, ws.city, get_recommender(ws), apps, day, contact.name, contact.phone)
    return to_text(letter)


def checked_text(text: str) -> str:
    """The user's wording, refused with the reason when it cannot be read."""
    try:
        parse(text)
    except InputError as exc:
        raise ExportError(f"推荐函文字有误：{exc}") from None
    return text.removeprefix("\ufeff")


def letter_of(ws: Workspace, snapshot: Snapshot) -> Letter:
    """The letter as frozen with the snapshot (older snapshots: the proposed wording, from its data)."""
    if snapshot.letter is not None:
        return parse(snapshot.letter)
    return parse(draft_text(ws, snapshot.applications, snapshot.created_at.date()))


def write_letter(letter: Letter, snapshot: Snapshot, folder: Path) -> tuple[Path, Path]:
    """推荐函.docx (to adjust and stamp) and 推荐函.pdf (for the disc), dated by the snapshot."""
    fonts = font_set()
    docx = folder / f"{LETTER_STEM}.docx"
    pdf = folder / f"{LETTER_STEM}.pdf"
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_output(docx) as tmp:
        tmp.write_bytes(render_letter_docx(letter, fonts, created=snapshot.created_at))
    data, _pages = render_letter_pdf(letter, fonts, subject=f"快照编号 {snapshot.id}")
    with atomic_output(pdf) as tmp:
        tmp.write_bytes(data)
    return docx, pdf

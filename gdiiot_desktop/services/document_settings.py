"""Settings for the documents sent to the province: the contact (填表人/联系人) and phone that the
letter and the summary table print, and a font file chosen by hand for a role. Stored in the
database's settings table, audited like the other settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..storage.settings_repository import read_settings, write_setting
from .errors import InputError
from .pdf.fonts import (
    ROLE_LABELS,
    ROLES,
    FontSet,
    FontSources,
    RoleChoice,
    find_fonts,
    outline_problem,
    resolve,
)
from .workspace import Workspace

CONTACT_KEY = "contact_name"
PHONE_KEY = "contact_phone"
FONT_KEY = "font_{role}"
MAX_CONTACT = 32
_PHONE = re.compile(r"^[0-9０-９+()（）\-－—、/ ,，]{5,40}$")


@dataclass(frozen=True)
class Contact:
    """填表人/联系人 and the phone printed on the letter and the summary table ("" when unset)."""

    name: str
    phone: str


def get_contact(ws: Workspace) -> Contact:
    values = _values(ws, (CONTACT_KEY, PHONE_KEY))
    return Contact(values.get(CONTACT_KEY, ""), values.get(PHONE_KEY, ""))


def set_contact(ws: Workspace, name: str | None, phone: str | None) -> Contact:
    """Set either or both (None leaves one as it is, "" clears it)."""
    if name is not None:
        name = " ".join(name.split())
        if len(name) > MAX_CONTACT:
            raise InputError(f"联系人姓名太长（最多{MAX_CONTACT}个字）")
        _put(ws, CONTACT_KEY, name or None)
    if phone is not None:
        phone = phone.strip()
        if phone and not _PHONE.match(phone):
            raise InputError(f"联系电话“{phone}”不像电话号码（只能有数字、区号连字符“-”和分隔号“、”）")
        _put(ws, PHONE_KEY, phone or None)
    return get_contact(ws)


def font_choices(ws: Workspace) -> dict[str, str]:
    """role → font file chosen by hand in the settings."""
    keys = {FONT_KEY.format(role=r): r for r in ROLES}
    return {keys[k]: v for k, v in _values(ws, tuple(keys)).items()}


def set_font(ws: Workspace, role: str, path: Path | None) -> None:
    """Choose a TrueType file for a role (None: find it again automatically)."""
    if role not in ROLES:
        raise InputError(f"没有字体用途“{role}”；可用：{'、'.join(f'{r}（{ROLE_LABELS[r]}）' for r in ROLES)}")
    if path is not None:
        if not path.is_file():
            raise InputError(f"找不到字体文件 {path}")
        problem = outline_problem(path)
        if problem is not None:
            raise InputError(problem)
    _put(ws, FONT_KEY.format(role=role), str(path.resolve()) if path is not None else None)


def font_report(ws: Workspace, sources: FontSources | None = None) -> dict[str, RoleChoice]:
    """Which font fills each role on this machine now (what the settings dialog shows)."""
    return find_fonts(sources, font_choices(ws))


def export_fonts(ws: Workspace, sources: FontSources | None = None) -> FontSet:
    """The fonts an export uses, found now."""
    return resolve(font_choices(ws), sources)


def font_warnings(report: dict[str, RoleChoice]) -> list[str]:
    return [f"{ROLE_LABELS[c.role]}字体：{c.note}" for c in report.values() if c.is_fallback or c.source == "user" and c.note]


def _values(ws: Workspace, keys: tuple[str, ...]) -> dict[str, str]:
    with ws.db.session() as session:
        return read_settings(session, keys)


def _put(ws: Workspace, key: str, value: str | None) -> None:
    with ws.db.session() as session:
        changed, old = write_setting(session, key, value)
        if changed:
            ws.audit(session, "settings", "settings", key, {key: [old, value]})

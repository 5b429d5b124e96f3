"""Saving a workbook so that the same snapshot always gives the same bytes.

openpyxl's `save` stamps `dcterms:modified` with the clock and its zip members with the time they
were written (sheets go through temporary files), so two exports of one snapshot differed. Here
the core properties and every member's timestamp come from the snapshot's time, members keep
openpyxl's order and compression, and the file is written atomically.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.writer.excel import ExcelWriter

from ..files import atomic_output

ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip entry can carry


def save_workbook_at(wb: Any, target: Path, at: datetime) -> Path:
    """Write `wb` to `target` with `at` as its creation/modification time and its members' time."""
    at = max(at.replace(microsecond=0, tzinfo=None), ZIP_EPOCH)
    wb.properties.created = at
    wb.properties.modified = at
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    stamp = at.timetuple()[:6]
    with atomic_output(target) as tmp, zipfile.ZipFile(raw) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16  # an ordinary file, whatever the umask was
            out.writestr(member, src.read(info))
    return target

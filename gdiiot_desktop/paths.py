"""Where the user's data lives: the per-user data folder, portable mode, and the test override."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "GDIIoT"
APP_AUTHOR = "GDIIoT"
DB_FILENAME = "gdiiot.sqlite3"

# Set by tests (and by users who want their data elsewhere): wins over everything else.
ENV_DATA_DIR = "GDIIOT_DATA_DIR"
# Running from source is never portable by accident; this opt-in makes it so (for trying portable mode).
ENV_PORTABLE = "GDIIOT_PORTABLE"

# Beside the executable, either of these turns portable mode on; data then lives in PORTABLE_DATA.
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


def is_frozen() -> bool:
    """True inside a PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """The folder the program runs from: the executable's folder when frozen, else the checkout."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    """Portable mode: data beside the program, so a bureau can carry it on a USB stick.

    Frozen: on when ``portable.txt`` or a ``data`` folder sits beside the executable.
    From source: only when ``GDIIOT_PORTABLE=1``.
    """
    if not is_frozen():
        return os.environ.get(ENV_PORTABLE, "").strip() == "1"
    base = program_dir()
    return (base / PORTABLE_MARKER).is_file() or (base / PORTABLE_DATA).is_dir()


def _ensure(folder: Path, create: bool) -> Path:
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir(*, create: bool = True) -> Path:
    """The folder for the database, attachments and backups (created on demand)."""
    override = os.environ.get(ENV_DATA_DIR, "").strip()
    if override:
        folder = Path(override).expanduser()
    elif is_portable():
        folder = program_dir() / PORTABLE_DATA
    else:
        # roaming=False: the database must not travel with a Windows roaming profile.
        folder = Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    return _ensure(folder.resolve(), create)


def default_db_path(*, create: bool = True) -> Path:
    """The database used when none is given on the command line."""
    return data_dir(create=create) / DB_FILENAME


def backups_dir(db_path: Path, *, create: bool = True) -> Path:
    """Backups of one database: ``backups/<database name>/`` beside it.

    One folder per database so that rotating one database's backups never touches another's.
    """
    db_path = Path(db_path).expanduser().resolve()
    return _ensure(db_path.parent / "backups" / db_path.stem, create)

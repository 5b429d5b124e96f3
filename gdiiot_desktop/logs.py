"""The program's log: a rotating file in the data folder, written by the window and the command line.

A windowed build has no console, so what went wrong must land in a file the user can send to us
(帮助 → 打开日志文件夹). Logging never stops the program: if the folder cannot be written, nothing is logged.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from gdiiot_desktop import paths

LOGGER_NAME = "gdiiot"
LOG_FOLDER = "logs"
LOG_FILE = "gdiiot.log"
MAX_BYTES = 1_000_000  # ~10,000 lines; five old files are kept beside it
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

log = logging.getLogger(LOGGER_NAME)


def log_dir(*, create: bool = False) -> Path:
    """`<data folder>/logs`."""
    folder = paths.data_dir(create=create) / LOG_FOLDER
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


class _FolderMakingHandler(logging.handlers.RotatingFileHandler):
    """Creates the log folder only when the first record is written (delay=True), so a run that
    logs nothing leaves nothing behind."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed: returns a TextIO
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the program's log records to `<folder>/gdiiot.log` (default: the data folder's logs/).

    Idempotent per file; returns the log file, or None when no log can be kept there."""
    try:
        target = (folder if folder is not None else log_dir()) / LOG_FILE
    except OSError:
        return None
    for handler in list(log.handlers):
        if isinstance(handler, logging.FileHandler):
            if Path(handler.baseFilename) == target.absolute():
                return target
            log.removeHandler(handler)  # another data folder (tests, a moved folder): one log file at a time
            handler.close()
    try:
        handler = _FolderMakingHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(level)
    return target


def stop_logging() -> None:
    """Close the log files (tests; a data folder that is about to move)."""
    for handler in list(log.handlers):
        if isinstance(handler, logging.FileHandler):
            log.removeHandler(handler)
            handler.close()

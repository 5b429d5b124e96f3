"""The log file: rotating, in the data folder, written by the command line too."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from gdiiot_desktop import __version__, logs
from gdiiot_desktop.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _closed_logs() -> Iterator[None]:
    yield
    logs.stop_logging()


def test_records_go_to_a_rotating_file_in_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDIIOT_DATA_DIR", str(tmp_path))
    target = logs.setup_logging()
    assert target == tmp_path / "logs" / "gdiiot.log"
    assert not target.exists()  # nothing logged yet: no file, no folder left behind
    logs.log.info("第一条")
    handler = next(h for h in logs.log.handlers if isinstance(h, logging.handlers.RotatingFileHandler))
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUP_COUNT
    handler.flush()
    assert "第一条" in target.read_text(encoding="utf-8")
    assert logs.setup_logging() == target  # idempotent
    assert sum(isinstance(h, logging.FileHandler) for h in logs.log.handlers) == 1


def test_the_log_rotates(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    handler = next(h for h in logs.log.handlers if isinstance(h, logging.handlers.RotatingFileHandler))
    handler.maxBytes = 2000
    for i in range(100):
        logs.log.info("行 %d %s", i, "x" * 40)
    handler.flush()
    assert (tmp_path / "gdiiot.log.1").exists()
    assert (tmp_path / "gdiiot.log").stat().st_size <= 2000


def test_the_command_line_logs_its_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GDIIOT_DATA_DIR", str(tmp_path))
    code = cli_main(["--db", str(tmp_path / "没有.sqlite3"), "list"])
    assert code == 2
    assert "错误" in capsys.readouterr().err
    for handler in logs.log.handlers:
        handler.flush()
    text = (tmp_path / "logs" / "gdiiot.log").read_text(encoding="utf-8")
    assert "gdiiot list" in text and "没有.sqlite3" in text


def test_version_matches_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]

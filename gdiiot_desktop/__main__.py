"""Start the desktop program: `gdiiot-desktop [--db PATH]` or `python -m gdiiot_desktop [--db PATH]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _ensure_std_streams() -> None:
    # A windowed (no-console) Windows build has no stdout/stderr: printing (argparse, warnings) would crash.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process


def parse_args(argv: Sequence[str] | None = None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform, -style)."""
    parser = argparse.ArgumentParser(
        prog="gdiiot-desktop",
        description="广东省工业互联网试点示范申报管理（桌面版）",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="数据库文件（默认：用户数据文件夹中的 gdiiot.sqlite3）",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="自检：在临时数据库上打开主窗口，显示后退出（用于检验打包结果）",
    )
    return parser.parse_known_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_std_streams()
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    # Imported late so `--help` and bad options answer without loading Qt.
    from gdiiot_desktop.app import run

    return run(db_path=args.db, qt_argv=[sys.argv[0], *qt_args], smoke_test=args.smoke_test)


if __name__ == "__main__":
    sys.exit(main())

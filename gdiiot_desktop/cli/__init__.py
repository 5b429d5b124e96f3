"""The `gdiiot` command: a thin face over the services, for scripting and for tests.

Exit codes (SPEC): 0 success, 1 rule violations found by `check`, 2 bad input or usage.
Each module here registers one group of subcommands.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..logs import log, setup_logging
from ..services.errors import ServiceError
from ..storage.errors import StorageError
from . import bundles, campaigns, charts, core, documents, exports, fund, keys, meeting, tasks
from .common import EXIT_BAD_INPUT, Parser, TerminalSafeStream, argument_problem

_GROUPS = (core, campaigns, exports, documents, bundles, keys, meeting, fund, tasks, charts)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="gdiiot", description="广东省工业互联网试点示范申报管理（命令行）")
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据目录下的 gdiiot.sqlite3）")
    parser.add_argument("--operator", help="操作员姓名（记入操作日志）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="命令")
    for group in _GROUPS:
        group.register(sub)
    return parser


def _utf8_console() -> None:
    """Chinese text must survive a Windows console (GBK by default) and pipes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafeStream(sys.stdout), TerminalSafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        return _main(argv)
    except BrokenPipeError:  # the reader went away (gdiiot list | head): stop quietly
        _reader_gone(streams[0])
        return 0
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _reader_gone(streams[0])
        sys.stdout, sys.stderr = streams


def _reader_gone(stdout: TextIO) -> None:
    """Point stdout at the null device so that the interpreter's last flush raises nothing."""
    # Not a real file (a test's capture): nothing will be flushed to a closed pipe.
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    problem = argument_problem(parser, args)
    if problem is not None:
        print(f"错误：{problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    setup_logging()  # the same log file as the window's
    try:
        code: int = args.run(args)
        return code
    except (ServiceError, StorageError) as exc:
        log.warning("gdiiot %s: %s", args.command, exc)
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise  # not an error of the program: main() stops quietly
    except Exception:
        log.exception("gdiiot %s: unexpected error", args.command)
        raise

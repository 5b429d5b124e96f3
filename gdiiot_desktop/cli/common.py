"""What every group of `gdiiot` commands shares: the parser class, exit codes, opening the workspace."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from .. import paths
from ..services.errors import ServiceError
from ..services.workspace import Workspace, open_workspace

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Chinese with exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"用法错误：{message}\n请运行 gdiiot --help 查看用法。\n")


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else paths.default_db_path()


def with_workspace(args: argparse.Namespace, run: Callable[[Workspace], int]) -> int:
    """Open the database named by --db, run one command on it, close it whatever happens."""
    from ..services.fund.workspace import is_fund_database

    if is_fund_database(db_path(args)):
        raise ServiceError(
            f"{db_path(args).name} 是专项资金申报的数据库，本命令只用于试点示范项目推荐。"
            "请用 gdiiot fund …（如 fund list、fund rank、fund export）或 gdiiot check。"
        )
    ws = open_workspace(db_path(args), operator=args.operator)
    try:
        return run(ws)
    finally:
        ws.close()


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))

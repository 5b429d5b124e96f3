"""What every group of `gdiiot` commands shares: the parser class, exit codes, opening the workspace."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from .. import paths
from ..domain.text import describe_removed, find_unsafe, terminal_safe
from ..services.errors import ServiceError
from ..services.workspace import Workspace, open_workspace

if TYPE_CHECKING:
    from ..services.checks import CheckReport

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Chinese with exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"用法错误：{_usage_in_chinese(message)}\n请运行 gdiiot --help 查看用法。\n")


# argparse's own messages (English, from its gettext catalogue) and how to say them in Chinese.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.+)", re.S), "缺少必须填写的参数：{0}"),
    (re.compile(r"argument (.+?): invalid (\w+) value: (.+)", re.S), "参数 {0} 的值 {2} 不是有效的{1}"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)", re.S), "参数 {0} 的值 {1} 无效，可选：{2}"),
    (re.compile(r"argument (.+?): expected one argument", re.S), "参数 {0} 后面须填写一个值"),
    (re.compile(r"argument (.+?): expected at least one argument", re.S), "参数 {0} 后面至少须填写一个值"),
    (re.compile(r"argument (.+?): not allowed with argument (.+)", re.S), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"unrecognized arguments: (.+)", re.S), "无法识别的参数：{0}"),
    (re.compile(r"one of the arguments (.+) is required", re.S), "须填写以下参数之一：{0}"),
)
_TYPE_NAMES = {"int": "整数", "float": "数字", "Path": "路径"}


def _usage_in_chinese(message: str) -> str:
    for pattern, chinese in _ARGPARSE_MESSAGES:
        m = pattern.fullmatch(message.strip())
        if m:
            # A typed value is shortened (it may be 5,000 characters); the list of choices is not.
            parts = [p if len(p) <= 60 or "可选" in chinese and i == 2 else p[:60] + "…" for i, p in enumerate(m.groups())]
            if "{1}" in chinese and "{2}" in chinese and "不是有效的" in chinese:
                parts[1] = _TYPE_NAMES.get(parts[1], parts[1])
            return chinese.format(*parts)
    return message


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


MAX_ARGUMENT_CHARS = 10_000  # longer than any reason or name a field holds


def argument_problem(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """Why a text argument cannot be taken (invisible control or bidi characters, absurd length), or None.

    Text typed on the command line is stored (reasons, names) and later printed and exported:
    the same characters a sheet may not carry are refused here, naming the option.
    """
    names = {a.dest: (a.option_strings[0] if a.option_strings else (a.metavar or a.dest)) for a in _actions(parser)}
    for dest, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str):
                continue
            name = names.get(dest, dest)
            bad = find_unsafe(text)
            if bad:
                return f"参数 {name} 含有不允许的字符：{describe_removed(bad)}。请删除后重试"
            if len(text) > MAX_ARGUMENT_CHARS:
                return f"参数 {name} 过长（{len(text)} 个字符，最多 {MAX_ARGUMENT_CHARS} 个）"
    return None


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _actions(sub)
    return found


class TerminalSafeStream:
    """A text stream that shows control and bidi characters as escapes (newlines and tabs pass).

    Everything the CLI prints goes through it: a project name holding ESC sequences cannot
    clear the screen, move the cursor or retitle the window. The escapes are JSON's (\\u001b),
    so `--json` output stays valid JSON with the same values.
    """

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(terminal_safe(text, lines=True))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def print_check(report: CheckReport, city: str, *, as_json: bool, hints: bool, what: str = "项目") -> int:
    """`check`'s output for a pilot or a special-fund database: SPEC's JSON, or one block per problem
    with its clause and a count by grade; exit 1 when an error stands."""
    from ..domain.enums import Grade
    from ..services.checks import report_json

    if as_json:
        print_json(report_json(report, include_hints=hints))
    else:
        for v in (v for v in report.violations if hints or v.grade is not Grade.HINT):
            where = f"{v.project}（{v.applicant_name}，{v.county}）" if v.project else f"{city}市"
            state = f" [已接受：{v.override_reason}]" if v.is_overridden else ""
            print(f"【{v.grade.label}】{v.rule} {where}：{v.message}{state}")
            print(f"        依据 {v.clause}")
        counts = report.counts()
        print(
            f"共检查 {report.applications} 个{what}：错误 {counts[Grade.ERROR]}，需说明 "
            f"{counts[Grade.NEEDS_EXPLANATION]}，警告 {counts[Grade.WARNING]}，提示 {counts[Grade.HINT]}"
        )
    return EXIT_VIOLATIONS if report.has_errors else EXIT_OK

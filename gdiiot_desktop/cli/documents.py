"""`gdiiot settings contact|fonts` and `gdiiot letter draft`: what the documents for the province print."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from ..services import document_settings
from ..services.errors import InputError, ServiceError
from ..services.exports.letter_files import draft_text
from ..services.exports.snapshot import preflight
from ..services.pdf.fonts import ROLE_LABELS, ROLES
from ..services.workspace import Workspace
from .common import EXIT_OK, print_json, with_workspace


def add_settings_commands(ssub: Any) -> None:
    """Subcommands of `gdiiot settings`."""
    s = ssub.add_parser("contact", help="填表人/联系人及联系电话（印在推荐函和汇总表上）")
    s.add_argument("name", nargs="?", help="联系人姓名；不填则显示当前设置，填空字符串则清除")
    s.add_argument("--phone", help="联系电话，如 0751-8888123；填空字符串则清除")
    s.set_defaults(run=cmd_settings_contact)
    s = ssub.add_parser("fonts", help="各用途（标题、正文、一级/二级标题、表格）使用的字体；可指定 TrueType 字体文件")
    s.add_argument("--role", choices=list(ROLES), help="用途：" + "，".join(f"{r} {ROLE_LABELS[r]}" for r in ROLES))
    s.add_argument("--file", type=Path, help="该用途使用的字体文件（.ttf/.ttc）")
    s.add_argument("--auto", action="store_true", help="该用途恢复自动查找")
    s.add_argument("--json", action="store_true")
    s.set_defaults(run=cmd_settings_fonts)


def register(sub: Any) -> None:
    p = sub.add_parser("letter", help="推荐函：输出按当前推荐生成的文字，编辑后用 export --letter 导出")
    lsub = p.add_subparsers(dest="action", required=True, metavar="操作")
    d = lsub.add_parser("draft", help="把推荐函文字写入 UTF-8 文本文件，供编辑")
    d.add_argument("out", type=Path, help="输出的文本文件，如 推荐函.txt")
    d.add_argument("--at", help="成文日期按此时间，如 2023-12-01T09:00（默认今天）")
    d.set_defaults(run=cmd_letter_draft)


def cmd_settings_contact(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        changing = args.name is not None or args.phone is not None
        contact = (
            document_settings.set_contact(ws, args.name, args.phone) if changing else document_settings.get_contact(ws)
        )
        print(f"{'已设定' if changing else ''}联系人：{contact.name or '（未设定）'}；联系电话：{contact.phone or '（未设定）'}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_settings_fonts(args: argparse.Namespace) -> int:
    if (args.file is not None or args.auto) and args.role is None:
        raise ServiceError("请用 --role 指定字体用途")
    if args.file is not None and args.auto:
        raise ServiceError("--file 与 --auto 不能同时使用")

    def run(ws: Workspace) -> int:
        if args.file is not None or args.auto:
            document_settings.set_font(ws, args.role, None if args.auto else args.file)
        report = document_settings.font_report(ws)
        if args.json:
            print_json(
                {
                    r: {"family": c.family, "path": str(c.path), "source": c.source, "fallback": c.is_fallback, "note": c.note}
                    for r, c in report.items()
                }
            )
            return EXIT_OK
        for role, choice in report.items():
            mark = "⚠ " if choice.is_fallback else ""
            note = f"（{choice.note}）" if choice.note else ""
            print(f"{ROLE_LABELS[role]}（{role}）：{mark}{choice.label}{note}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_letter_draft(args: argparse.Namespace) -> int:
    now = datetime.fromisoformat(args.at) if args.at else datetime.now()

    def run(ws: Workspace) -> int:
        pre = preflight(ws, now)
        if not pre.recommended:
            raise InputError("还没有推荐任何项目：请先确定推荐项目及其顺序。")
        text = draft_text(ws, pre.recommended, now.date())
        args.out.write_text(text, encoding="utf-8-sig")  # with a BOM: Notepad on older Windows reads it as UTF-8
        print(f"已写出推荐函文字：{args.out}。编辑后用 gdiiot export … --letter {args.out} 导出。")
        return EXIT_OK

    return with_workspace(args, run)

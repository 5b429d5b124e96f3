"""`gdiiot campaign new|validate|diff`: making next year's campaign file without the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..services.campaign_files import (
    diff_campaign_data,
    new_campaign_data,
    problem_lines,
    read_campaign_data,
    save_campaign,
    set_value,
)
from ..services.errors import InputError
from .common import EXIT_BAD_INPUT, EXIT_OK, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("campaign", help="新建、检查或比较活动文件（申报批次）")
    csub = p.add_subparsers(dest="campaign_command", required=True, metavar="操作")

    c = csub.add_parser("new", help="以随程序提供的活动（如 2023-pilot）或一个活动文件为基础，新建活动文件")
    c.add_argument(
        "--from", dest="source", required=True, help="随程序提供的活动编号（如 2023-pilot）或活动文件"
    )
    c.add_argument("out", type=Path, help="新活动文件（.toml）")
    c.add_argument("--year", type=int, help="新活动的年度：编号和名称中的年份随之改变，方向清单改为待确认")
    c.add_argument("--id", dest="campaign_id", help="新活动的编号（小写字母、数字和 -）")
    c.add_argument("--title", help="新活动的名称")
    c.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="位置=值",
        help="修改一项，如 applicant.max_projects=1、regions[east].quota=6、deadline.date=2024-12-06（可多次使用）",
    )
    c.add_argument("--force", action="store_true", help="覆盖已有的文件")
    c.set_defaults(run=cmd_new)

    c = csub.add_parser("validate", help="检查活动文件（格式和一致性）；有问题时退出码为 2")
    c.add_argument("file", help="活动文件，或随程序提供的活动编号")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=cmd_validate)

    c = csub.add_parser("diff", help="比较两个活动文件的不同之处")
    c.add_argument("a", help="原活动（文件或活动编号）")
    c.add_argument("b", help="新活动（文件或活动编号）")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=cmd_diff)


def cmd_new(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.force:
        raise InputError(f"文件已存在：{args.out}。如需覆盖，请加 --force。")
    source = read_campaign_data(args.source)
    data = new_campaign_data(source, year=args.year, campaign_id=args.campaign_id, title=args.title)
    for item in args.set:
        path, sep, value = item.partition("=")
        if not sep or not path.strip():
            raise InputError(f"--set 应写成 位置=值，如 applicant.max_projects=1（收到：{item}）")
        set_value(data, path.strip(), value.strip())
    problems = problem_lines(data)
    save_campaign(data, args.out, made_from=str(args.source), check=False)
    print(f"已写出活动文件：{args.out}（{data.get('title', '')}）")
    for change in diff_campaign_data(source, data):
        print(f"  {change.text}")
    if problems:
        print(
            f"该活动文件还有 {len(problems)} 处问题，请修改后用 gdiiot campaign validate 检查：",
            file=sys.stderr,
        )
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    data = read_campaign_data(args.file)
    problems = problem_lines(data)
    if args.json:
        print_json({"file": str(args.file), "ok": not problems, "problems": problems})
    elif problems:
        print(f"活动文件 {args.file} 有 {len(problems)} 处问题：", file=sys.stderr)
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
    else:
        print(f"活动文件 {args.file} 检查通过：{data.get('title', '')}")
    return EXIT_BAD_INPUT if problems else EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    old, new = read_campaign_data(args.a), read_campaign_data(args.b)
    changes = diff_campaign_data(old, new)
    if args.json:
        print_json([c.to_json() for c in changes])
    elif not changes:
        print("两个活动文件的内容相同。")
    else:
        print(f"{args.a} → {args.b}：{len(changes)} 处不同")
        for change in changes:
            print(f"  {change.text}")
    return EXIT_OK

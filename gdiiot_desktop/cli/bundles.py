"""`gdiiot bundle …`: county bundles to the city, the city's merge, and returns (退回) to the county."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..services import exchange
from ..services.exchange.decisions import decisions_template, read_decisions
from ..services.exchange.errors import ExchangeUsageError
from ..services.exchange.moves import clear_flags, list_flags, move_county
from ..services.exchange.present import preview_json, preview_lines, trust_line
from ..services.fund.workspace import FundWorkspace, is_fund_database, open_fund_workspace
from ..services.workspace import Workspace
from .common import EXIT_OK, Parser, db_path, print_json, with_workspace

AnyWorkspace = Workspace | FundWorkspace


def with_office(args: argparse.Namespace, run: Callable[[AnyWorkspace], int]) -> int:
    """Open the database named by --db, of either campaign kind: bundles work the same for both."""
    path = db_path(args)
    if not is_fund_database(path):
        return with_workspace(args, run)
    ws = open_fund_workspace(path, operator=args.operator)
    try:
        return run(ws)
    finally:
        ws.close()


def register(sub: Any) -> None:
    """`bundle export|diff|import|mark-return|return|returns|refusals|flags|move-county`."""
    p = sub.add_parser("bundle", help="县区数据包：导出、比对、导入、退回")
    bsub = p.add_subparsers(dest="action", required=True, parser_class=Parser, metavar="操作")

    b = bsub.add_parser("export", help="导出本县区的数据包（.gdiiot），交市局导入")
    b.add_argument("out", type=Path, help="输出文件，如 E:\\南海区.gdiiot")
    b.add_argument("--county", help="要导出的县区（数据库中只有一个县区时可省略）")
    b.add_argument(
        "--next-sequence", type=int, help="数据包序号至少为此数（从备份恢复数据库后，按市局提示的序号填写）"
    )
    b.set_defaults(run=cmd_export)

    b = bsub.add_parser("diff", help="查看数据包相对上次导入的变化和冲突（不写入任何数据）")
    b.add_argument("file", type=Path)
    b.add_argument("--json", action="store_true")
    b.add_argument(
        "--decisions-template", type=Path, help="把冲突写成决定文件，改好后用于 import --decisions"
    )
    b.set_defaults(run=cmd_diff)

    b = bsub.add_parser("import", help="导入县区数据包（市局）或退回包（县区）")
    b.add_argument("file", type=Path)
    b.add_argument(
        "--prefer", choices=["city", "county"], help="冲突时一律保留市局（city）或采用县区（county）的值"
    )
    b.add_argument("--decisions", type=Path, help="逐字段的决定文件（见 diff --decisions-template）")
    b.add_argument("--trust", help="首次导入某县区（或市局）的数据包时，电话核对过的对方密钥指纹")
    b.add_argument(
        "--accept-removals",
        action="store_true",
        help="确认数据包撤回项目、或改动市局推荐顺序中的项目（先用 diff 查看）；推荐顺序本身不会被改动",
    )
    b.set_defaults(run=cmd_import)

    b = bsub.add_parser("mark-return", help="市局：把项目标记为退回并填写理由")
    b.add_argument("id", type=int, help="项目编号（见 gdiiot list）")
    b.add_argument("--reason", required=True, help="退回理由")
    b.set_defaults(run=cmd_mark_return)

    b = bsub.add_parser("return", help="市局：导出给某县区的退回包")
    b.add_argument("--county", required=True)
    b.add_argument("out", type=Path)
    b.set_defaults(run=cmd_return)

    b = bsub.add_parser("returns", help="列出退回的项目及理由")
    b.add_argument("--all", action="store_true", help="包括已处理的退回")
    b.add_argument("--json", action="store_true")
    b.set_defaults(run=cmd_returns)

    b = bsub.add_parser("refusals", help="列出被拒绝导入的数据包及原因（记于操作日志）")
    b.add_argument("--json", action="store_true")
    b.set_defaults(run=cmd_refusals)

    b = bsub.add_parser("flags", help="推荐顺序中被县区数据包撤回或修改的项目；--clear 表示市局已处理")
    b.add_argument("--clear", type=int, metavar="编号", help="清除该项目的标记")
    b.add_argument("--json", action="store_true")
    b.set_defaults(run=cmd_flags)

    b = bsub.add_parser("move-county", help="市局：把项目明确移到本市另一个县区（记入操作日志）")
    b.add_argument("id", type=int, help="项目编号（见 gdiiot list）")
    b.add_argument("--county", required=True, help="移入的县区")
    b.add_argument("--reason", required=True, help="理由")
    b.set_defaults(run=cmd_move_county)


def _progress(done: int, total: int, text: str) -> None:
    if total and sys.stderr.isatty():
        print(f"\r{text} {done * 100 // total:3d}%", end="", file=sys.stderr, flush=True)


def cmd_export(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        options = {"county": args.county, "next_sequence": args.next_sequence, "progress": _progress}
        if isinstance(ws, FundWorkspace):
            report = exchange.export_fund_county_bundle(ws, args.out, **options)
        else:
            report = exchange.export_county_bundle(ws, args.out, **options)
        print(report.summary())
        return EXIT_OK

    return with_office(args, run)


def cmd_diff(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        bundle = exchange.open_bundle(ws, args.file, for_import=False)
        if bundle.kind == exchange.KIND_RETURN:
            if args.json:
                print_json(
                    {"kind": "return", "county": bundle.county, "trust": trust_line(bundle), "returns": [
                        {"project": r.project_name, "applicant": r.applicant_name, "reason": r.reason}
                        for r in bundle.returns
                    ]}
                )  # fmt: skip
                return EXIT_OK
            lines = [trust_line(bundle), f"退回包（给{bundle.county}）：{len(bundle.returns)} 个项目"]
            lines += [f"  - {r.project_name}（{r.applicant_name}）：{r.reason}" for r in bundle.returns]
            print("\n".join(lines))
            return EXIT_OK
        preview = (
            exchange.preview_fund_bundle(ws, bundle)
            if isinstance(ws, FundWorkspace)
            else exchange.preview_county_bundle(ws, bundle)
        )
        if args.decisions_template:
            text = json.dumps(decisions_template(preview.plan), ensure_ascii=False, indent=2)
            try:
                args.decisions_template.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise ExchangeUsageError(
                    f"无法写入决定文件 {args.decisions_template}（{exc.strerror or type(exc).__name__}），请换一个位置。"
                ) from exc
        if args.json:
            print_json(preview_json(preview))
        else:
            print("\n".join(preview_lines(preview, ws.campaign)))
        return EXIT_OK

    return with_office(args, run)


def cmd_import(args: argparse.Namespace) -> int:
    decisions = read_decisions(args.decisions) if args.decisions else None

    def run(ws: AnyWorkspace) -> int:
        report = exchange.import_bundle(
            ws,
            args.file,
            trust=args.trust,
            prefer=args.prefer,
            decisions=decisions,
            accept_removals=args.accept_removals,
            progress=_progress,
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(report.summary())
        if isinstance(report, exchange.CountyImportReport):
            for note in report.notes:
                print(note)
            if not report.cross.empty:
                print("跨县区检查：")
                for line in report.cross.lines():
                    print(f"  {line}")
        return EXIT_OK

    return with_office(args, run)


def cmd_mark_return(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        app = exchange.mark_return(ws, args.id, args.reason)
        print(f"[{app.id}] {app.project_name}：已退回（{args.reason.strip()}）")
        return EXIT_OK

    return with_office(args, run)


def cmd_return(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        report = exchange.export_return_bundle(ws, args.county, args.out)
        print(report.summary())
        return EXIT_OK

    return with_office(args, run)


def cmd_returns(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        items = exchange.list_returns(ws, open_only=not args.all)
        if args.json:
            print_json(
                [
                    {
                        "id": r.application_id, "uid": r.uid, "project": r.project_name, "county": r.county,
                        "reason": r.reason, "returned_at": r.returned_at.isoformat(), "side": r.side,
                        "sent": r.sent, "resolved": r.resolved,
                    }
                    for r in items
                ]
            )  # fmt: skip
            return EXIT_OK
        if not items:
            print("没有退回的项目")
        for r in items:
            state = "已处理" if r.resolved else ("已发出" if r.sent else "待发出")
            print(f"[{r.application_id}] {r.project_name}（{r.county}）{state}：{r.reason}")
        return EXIT_OK

    return with_office(args, run)


def cmd_refusals(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        items = exchange.list_refusals(ws)
        if args.json:
            print_json(
                [
                    {"at": r.at.isoformat(), "actor": r.actor, "file": r.file_name, "sha256": r.sha256,
                     "size": r.size, "county": r.county, "reason": r.reason}
                    for r in items
                ]
            )  # fmt: skip
            return EXIT_OK
        if not items:
            print("没有被拒绝的数据包")
        for r in items:
            print(r.line())
        return EXIT_OK

    return with_office(args, run)


def cmd_flags(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        if args.clear is not None:
            count = clear_flags(ws, args.clear)
            print(f"已清除 {count} 个标记", file=sys.stderr if args.json else sys.stdout)
            return EXIT_OK
        flags = list_flags(ws)
        if args.json:
            print_json([{"id": f.application_id, "project": f.project_name, "county": f.county, "kind": f.kind,
                         "text": f.text} for f in flags])  # fmt: skip
            return EXIT_OK
        if not flags:
            print("推荐顺序（入库排序）中没有被县区撤回或修改的项目")
        for f in flags:
            print(f"[{f.application_id}] {f.project_name}（{f.county}）：{f.text}")
        return EXIT_OK

    return with_office(args, run)


def cmd_move_county(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        app = move_county(ws, args.id, args.county, args.reason)
        print(f"[{app.id}] {app.project_name}：已移到{app.county}（{' '.join(args.reason.split())}）")
        return EXIT_OK

    return with_office(args, run)

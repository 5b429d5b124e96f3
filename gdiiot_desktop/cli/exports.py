"""`gdiiot export`, `gdiiot snapshots` and `gdiiot verify`: what the city hands in, and checking a disc."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from ..services.errors import InputError
from ..services.exports import (
    ExportError,
    ExportKind,
    ExportRequest,
    Medium,
    list_snapshots,
    run_export,
    verify,
)
from ..services.exports.summary_template import inspect_template
from ..services.workspace import Workspace
from .common import EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS, print_json, with_workspace

KIND_CHOICES = [k.value for k in ExportKind] + ["all"]


def register(sub: Any) -> None:
    """Add this group's subcommands to the parser's subparsers action."""
    p = sub.add_parser(
        "export",
        help="导出汇总表、纸质材料、光盘文件夹或光盘镜像（出自同一快照）",
        description="先冻结推荐快照（推荐项目、顺序、附件校验值），再由该快照生成所选内容。"
        "推荐项目中仍有错误时拒绝导出。",
    )
    p.add_argument(
        "kind",
        choices=KIND_CHOICES,
        help="table 汇总表 | package 纸质材料 | disc 光盘文件夹 | iso 光盘镜像 | all 全部",
    )
    p.add_argument("outdir", type=Path, help="输出文件夹")
    p.add_argument(
        "--medium", choices=[m.value for m in Medium], help="光盘类型（默认：能一张装下的最小光盘）"
    )
    p.add_argument("--snapshot", help="使用已有快照编号（见 gdiiot snapshots），不重新冻结")
    p.add_argument("--template", type=Path, help="省厅正式汇总表模板（.xlsx），按表头文字填写")
    p.add_argument("--no-verify", action="store_true", help="生成光盘镜像后不再回读校验")
    p.add_argument(
        "--explain",
        action="append",
        default=[],
        metavar="编号=原因",
        help="记录推荐项目缺少通知要求材料（审计报告、承诺函、信用中国查询结果）的原因，印在纸质材料目录中；可重复",
    )
    p.add_argument(
        "--letter", type=Path, help="推荐函文字（UTF-8 文本文件，格式同 gdiiot letter draft 的输出）；不填则用程序拟写的文字"
    )
    p.add_argument("--at", help="按此时间判断是否逾期，如 2023-12-08T18:00（默认当前时间）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("snapshots", help="列出已冻结的导出快照")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_snapshots)

    p = sub.add_parser("verify", help="按清单校验光盘镜像（ISO）或光盘/文件夹：缺少或被改动的文件")
    p.add_argument("path", type=Path, help="ISO 文件，或光盘所在盘符/文件夹")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_verify)


def _kinds(kind: str) -> frozenset[ExportKind]:
    return frozenset(ExportKind) if kind == "all" else frozenset({ExportKind(kind)})


def _progress(enabled: bool) -> Any:
    last = [""]

    def report(done: int, total: int, text: str) -> None:
        if enabled and text and text != last[0]:
            last[0] = text
            print(f"[{100 * done // max(total, 1):3d}%] {text}", file=sys.stderr)

    return report


def _describe_template(template: Path) -> None:
    try:
        check = inspect_template(template)
    except ExportError:
        return  # the export itself refuses it with the same message
    print(f"汇总表模板“{check.sheet_name}”：可填写 {len(check.recognised)} 列，预留 {check.slots} 行。", file=sys.stderr)
    if check.unrecognised:
        print(f"提示：模板中以下列程序无法填写，将留空：{'、'.join(check.unrecognised)}", file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    now = datetime.fromisoformat(args.at) if args.at else datetime.now()
    request = ExportRequest(
        kinds=_kinds(args.kind),
        out_dir=args.outdir,
        medium=Medium(args.medium) if args.medium else None,
        snapshot_id=args.snapshot,
        template=args.template,
        verify_iso=not args.no_verify,
        letter_text=_read_letter(args.letter) if args.letter else None,
        explanations=tuple(_explanation(item) for item in args.explain),
    )

    def run(ws: Workspace) -> int:
        if args.template is not None and not args.json:
            _describe_template(args.template)  # before the export: which columns stay empty
        result = run_export(ws, request, now=now, progress=_progress(sys.stderr.isatty() and not args.json))
        if args.json:
            print_json(
                {
                    "snapshot": result.snapshot.id,
                    "late": result.late,
                    "warnings": result.warnings,
                    "capacity": result.capacity,
                    "files": [str(f) for f in result.files],
                    "discs": [str(d.folder) for d in result.discs],
                    "isos": [str(i.path) for i in result.isos],
                }
            )
            return EXIT_OK
        if result.late:
            print(f"警告：{result.late}（已记录）", file=sys.stderr)
        for warning in result.warnings:
            print(f"警告：{warning}", file=sys.stderr)
        print(f"快照编号：{result.snapshot.id}（{len(result.snapshot.applications)} 个推荐项目）")
        if result.capacity:
            print(result.capacity)
        for path in result.files:
            print(f"已生成：{path}")
        for report in result.verified:
            print(f"已校验：{report.source.name}：{len(report.manifest.files)} 个文件完好")
        return EXIT_OK

    return with_workspace(args, run)


def _small_number(text: str) -> bool:
    text = text.strip()
    return text.isascii() and text.isdigit() and len(text) <= 18


def _explanation(item: str) -> tuple[int, str]:
    number, sep, reason = item.replace("＝", "=").partition("=")
    if not sep or not _small_number(number) or not reason.strip():
        raise InputError(f"--explain 应写成 编号=原因，如 --explain 3=审计报告由企业另行报送（收到的是“{item}”）")
    return int(number), reason.strip()


def _read_letter(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"找不到推荐函文字文件：{path}") from None
    except UnicodeDecodeError:
        raise InputError(f"推荐函文字文件 {path} 不是 UTF-8 编码：请在记事本中“另存为”并选择 UTF-8") from None
    except OSError as exc:
        raise InputError(f"无法读取推荐函文字文件 {path}：{exc.strerror or exc}") from None


def cmd_snapshots(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        rows = list_snapshots(ws)
        if args.json:
            print_json([{"id": i, "created_at": c.isoformat(), "projects": n} for i, c, n in rows])
        elif not rows:
            print("还没有导出快照。")
        else:
            for snapshot_id, created, projects in rows:
                print(f"{snapshot_id}  {created:%Y-%m-%d %H:%M}  {projects} 个项目")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_verify(args: argparse.Namespace) -> int:
    report = verify(args.path)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "snapshot": report.manifest.snapshot_id,
                "part": report.manifest.part,
                "parts": report.manifest.parts,
                "checked": report.checked,
                "missing": report.missing,
                "altered": report.altered,
                "extra": report.extra,
                "notes": report.notes,
            }
        )
    else:
        for line in report.lines():
            print(line)
    return EXIT_OK if report.ok else EXIT_VIOLATIONS


__all__ = ["EXIT_BAD_INPUT", "register"]

"""`gdiiot charts OUT.pdf`: the pilot kind's 统计图表 as a PDF (quota use, applications by county,
category and direction, task progress), stamped with the data's time and the campaign."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from ..services.errors import InputError
from ..services.workspace import Workspace
from .common import EXIT_OK, print_json, with_workspace


def register(sub: Any) -> None:
    p = sub.add_parser(
        "charts",
        help="导出统计图表 PDF：名额使用、各县区/类别/方向的申报和推荐数、任务清单进度",
        description="按数据库当前的数据画图，PDF 每页注明数据时间、申报批次和编号（同样的数据得到同样的编号）。",
    )
    p.add_argument("out", type=Path, help="输出文件（.pdf），或已有的文件夹（文件名按城市自动取）")
    p.add_argument("--at", help="数据时间，如 2023-12-01T09:00（默认当前时间；也用于计算任务剩余天数）")
    p.add_argument("--json", action="store_true", help="同时以 JSON 输出图表中的数字")
    p.set_defaults(run=cmd_charts)


def _moment(text: str | None) -> datetime:
    if not text:
        return datetime.now()
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"时间格式应为 2023-12-01T09:00，实际为“{text}”") from exc


def cmd_charts(args: argparse.Namespace) -> int:
    from ..services.document_settings import export_fonts
    from ..services.pilot_charts import read_pilot_charts
    from ..services.pilot_charts_pdf import charts_target, write_charts_pdf

    now = _moment(args.at)

    def run(ws: Workspace) -> int:
        charts = read_pilot_charts(ws, now)
        target = write_charts_pdf(charts, charts_target(args.out, charts), export_fonts(ws))
        if args.json:
            print_json(charts_json(charts, target))
        else:
            print(f"已导出统计图表：{target}")
            print(f"  {charts.source_line}")
            print(f"  名额：{charts.quota.text}")
            print(f"  在册申报 {charts.applied} 项，其中已推荐 {charts.recommended} 项")
        return EXIT_OK

    return with_workspace(args, run)


def charts_json(charts: Any, target: Path) -> dict[str, Any]:
    def counts(items: Any) -> list[dict[str, Any]]:
        return [{"label": c.label, "applied": c.applied, "recommended": c.recommended} for c in items]

    quota = charts.quota
    return {
        "file": str(target),
        "city": charts.city,
        "campaign": charts.campaign_id,
        "read_at": charts.read_at.isoformat(),
        "stamp": charts.stamp,
        "quota": {
            "limit": quota.limit,
            "counted": quota.counted,
            "central": quota.central,
            "over": quota.over,
            "region": quota.region,
        },  # fmt: skip
        "by_county": counts(charts.by_county),
        "by_category": counts(charts.by_category),
        "by_direction": counts(charts.by_direction),
        "tasks": [
            {"label": t.label, "done": t.done, "target": t.target, "days_left": t.days_left}
            for t in charts.tasks
        ],
        "withdrawn_or_returned": charts.withdrawn,
    }

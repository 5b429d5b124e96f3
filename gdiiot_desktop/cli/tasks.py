"""`gdiiot tasks …`: the province's task list per city (issue 14) on a database of either kind."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..services.errors import ServiceError
from ..services.tasks.service import CityDatabase, open_city_database
from .common import EXIT_OK, Parser, db_path, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("tasks", help="省级任务清单：导入、查看进度、标记计入的项目、导出完成情况")
    tsub = p.add_subparsers(dest="tasks_action", required=True, parser_class=Parser, metavar="操作")

    t = tsub.add_parser(
        "import",
        help="导入任务清单（列：序号、地市、工作任务名称、任务要求/目标、任务性质、实施方式、实施标准、工作量、完成时限）",
    )
    t.add_argument("file", type=Path)
    t.set_defaults(run=cmd_import)

    t = tsub.add_parser("show", help="本市各项任务的目标、进度和剩余天数")
    t.add_argument("--json", action="store_true")
    t.add_argument("--city", help="查看其他地市的任务（默认本市）")
    t.add_argument("--today", help="按此日期计算剩余天数，如 2021-10-01")
    t.set_defaults(run=cmd_show)

    t = tsub.add_parser("mark", help="标记项目计入哪些任务类别（如 5G+、产业链协同）")
    t.add_argument(
        "ref",
        help="项目：pilot:编号（已推荐的试点示范）或 fund:编号（已入库的专项资金项目）；"
        "关联数据库的项目前加活动编号，如 2022-jiangmen-fund/fund:3",
    )
    t.add_argument("marks", nargs="*", metavar="类别")
    t.add_argument("--remove", nargs="+", default=[], metavar="类别", help="取消这些类别")
    t.set_defaults(run=cmd_mark)

    t = tsub.add_parser("target", help="确认或更正一项任务的目标（如 标杆示范=4 5G+@标杆示范=2）")
    t.add_argument("task_id", type=int)
    t.add_argument("specs", nargs="+", metavar="目标")
    t.set_defaults(run=cmd_target)

    t = tsub.add_parser("link", help="关联本市其他活动的数据库（如专项资金库），其项目一并计入任务进度")
    t.add_argument("other", type=Path, help="其他活动的数据库文件")
    t.set_defaults(run=cmd_link)

    t = tsub.add_parser("unlink", help="取消关联的数据库（编号见 tasks links，或给出路径）")
    t.add_argument("which", help="编号或路径")
    t.set_defaults(run=cmd_unlink)

    t = tsub.add_parser("links", help="列出关联的数据库及其项目数")
    t.add_argument("--json", action="store_true")
    t.set_defaults(run=cmd_links)

    t = tsub.add_parser("report", help="导出任务完成情况（.xlsx 和 PDF）")
    t.add_argument("out", type=Path, help="输出文件夹，或 报告.xlsx（同名 PDF 写在旁边）")
    t.add_argument("--today", help="按此日期计算剩余天数")
    t.set_defaults(run=cmd_report)


def _with_city_db(args: argparse.Namespace, run: Callable[[CityDatabase], int]) -> int:
    cdb = open_city_database(db_path(args), operator=args.operator)
    try:
        return run(cdb)
    finally:
        cdb.close()


def _today(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ServiceError(f"日期格式应为 2021-10-01，实际为“{text}”") from exc


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.tasks.service import import_task_list

    def run(cdb: CityDatabase) -> int:
        task_list, replaced = import_task_list(cdb, args.file)
        mine = task_list.of_city(cdb.city)
        unsure = sum(1 for t in task_list.tasks for target in t.targets if not target.confirmed)
        print(
            f"已{'重新' if replaced else ''}导入任务清单：{task_list.title}（{len(task_list.tasks)} 行，本市 {len(mine)} 行）"
        )
        for task in mine:
            targets = "，".join(t.label for t in task.targets) or "（无可计量的目标）"
            print(f"  {task.name}：{targets}  ← {task.workload}")
        if unsure:
            print(f"注意：{unsure} 个目标未能识别，请核对后用 gdiiot tasks target 更正")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_show(args: argparse.Namespace) -> int:
    from ..services.tasks.linked import read_links
    from ..services.tasks.service import campaigns_of, periods_of, progress, progress_json

    today = _today(args.today)

    def run(cdb: CityDatabase) -> int:
        city = (args.city or cdb.city).strip().removesuffix("市")
        own = city == cdb.city.removesuffix("市")
        links = read_links(cdb) if own else []
        lists, projects = progress(cdb, today, city, links)
        if args.json:
            print_json(progress_json(lists, projects, city, today, cdb.origin if own else None, links))
            return EXIT_OK
        for source in links:
            if source.problem:
                print(f"注意：关联的数据库 {source.path}：{source.problem}")
        campaigns = campaigns_of(cdb.origin, projects) if own else []
        if not lists:
            print("尚未导入任务清单（gdiiot tasks import 文件）")
        for task_list, items in lists:
            print(f"【{task_list.title}】")
            for task in task_list.of_city(city):
                days = None if task.deadline is None else (task.deadline - today).days
                left = "" if days is None else (f"，已逾期 {-days} 天" if days < 0 else f"，剩余 {days} 天")
                print(
                    f"  [{task.id}] {task.name}（{task.nature}，{task.method}，完成时限 {task.deadline_text}{left}）"
                )
                print(f"      工作量：{task.workload}")
                for _, verdict in periods_of(task, task_list.year, campaigns):
                    print(f"      {'期内' if verdict.in_period else '注意'}：{verdict.reason}")
                for item in (i for i in items if i.task.id == task.id):
                    bar = "█" * round(item.fraction * 10) + "░" * (10 - round(item.fraction * 10))
                    state = "已完成" if item.met else f"差 {item.missing} 个"
                    if not item.target.confirmed and item.target.count == 0:  # nothing to measure yet
                        state = f"数量待确认（gdiiot tasks target {task.id} 类别=数量）"
                    flag = "" if item.target.confirmed else "（待确认）"
                    print(f"      {item.target.label}{flag}  {bar} {item.done}/{item.target.count}  {state}")
                    if item.cautions:
                        print(f"        （其中 {len(item.cautions)} 个项目不在本任务的期内，见上方“注意”）")
        if projects:
            print("可计入的项目：")
            for p in projects:
                year = f"，{p.year}年" if p.year else ""
                print(f"  {p.ref} {p.label}（{p.source}{year}）：{'、'.join(sorted(p.marks)) or '未标记'}")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_link(args: argparse.Namespace) -> int:
    from ..services.tasks.linked import link_database

    def run(cdb: CityDatabase) -> int:
        source = link_database(cdb, args.other)
        origin = source.origin
        title = (
            f"{origin.title}（{origin.year}年）"
            if origin and origin.year
            else (origin.title if origin else "")
        )
        print(f"已关联：{source.path}\n  活动：{title}；可计入的项目 {len(source.projects)} 个")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_unlink(args: argparse.Namespace) -> int:
    from ..services.tasks.linked import unlink_database

    def run(cdb: CityDatabase) -> int:
        print(f"已取消关联：{unlink_database(cdb, args.which)}")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_links(args: argparse.Namespace) -> int:
    from ..services.tasks.linked import read_links

    def run(cdb: CityDatabase) -> int:
        links = read_links(cdb)
        if args.json:
            print_json([source.as_json() for source in links])
            return EXIT_OK
        if not links:
            print("尚未关联其他数据库（gdiiot tasks link 文件）")
        for n, source in enumerate(links, 1):
            if source.problem:
                print(f"{n}. {source.path}\n   {source.problem}")
            elif source.origin is not None:
                print(f"{n}. {source.path}\n   {source.origin.title}：可计入的项目 {len(source.projects)} 个")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_mark(args: argparse.Namespace) -> int:
    from ..services.tasks.service import set_marks

    if not args.marks and not args.remove:
        raise ServiceError("请给出要标记的类别，或用 --remove 取消")

    def run(cdb: CityDatabase) -> int:
        project = set_marks(cdb, args.ref, list(args.marks), list(args.remove))
        print(f"{project.ref} {project.label}：{'、'.join(sorted(project.marks)) or '未标记'}")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_target(args: argparse.Namespace) -> int:
    from ..services.tasks.service import set_targets

    def run(cdb: CityDatabase) -> int:
        task = set_targets(cdb, args.task_id, list(args.specs))
        print(f"[{task.id}] {task.name}：{'，'.join(t.label for t in task.targets)}（已确认）")
        print(f"      工作量原文：{task.workload}")
        return EXIT_OK

    return _with_city_db(args, run)


def cmd_report(args: argparse.Namespace) -> int:
    from ..services.files import ensure_output_folder, written_together
    from ..services.tasks.report import report_targets, write_report_pdf, write_report_xlsx
    from ..services.tasks.service import progress

    today = _today(args.today)

    def run(cdb: CityDatabase) -> int:
        lists, projects = progress(cdb, today)
        xlsx, pdf = report_targets(args.out, cdb.city)
        ensure_output_folder(xlsx.parent)
        with written_together(xlsx, pdf):
            write_report_xlsx(lists, projects, cdb.city, today, xlsx)
            write_report_pdf(lists, projects, cdb.city, today, pdf)
        print(f"已导出任务完成情况：\n  {xlsx}\n  {pdf}")
        return EXIT_OK

    return _with_city_db(args, run)

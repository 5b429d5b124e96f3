"""`gdiiot fund …`: a city's special-fund call (issue 14) — template, intake, list, ranking within
the budget, scores, statuses and the 入库 list. `init`, `check` and `import-xlsx` of the core
group hand special-fund files and databases to the functions here."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.fund.model import FundApplication, FundStatus
from ..domain.fund.money import format_money
from ..services.errors import ServiceError
from ..services.fund.details import subsidy_cap
from ..services.fund.workspace import FundWorkspace, is_fund_database, open_fund_workspace

if TYPE_CHECKING:
    from ..services.fund.entry import EntryResult, FundEntry
    from ..services.fund.ranking import ScoreRanking
from .common import EXIT_OK, Parser, db_path, print_check, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("fund", help="专项资金申报：模板、导入、排序入库、导出入库清单")
    fsub = p.add_subparsers(dest="fund_action", required=True, parser_class=Parser, metavar="操作")

    f = fsub.add_parser("template", help="输出专项资金申报的 Excel 导入模板")
    f.add_argument("file", type=Path)
    f.add_argument(
        "--campaign", type=Path, help="专项资金活动文件（默认：本数据库的活动，或 2022年江门第二批）"
    )
    f.set_defaults(run=cmd_template)

    f = fsub.add_parser("import", help="从 Excel 导入专项资金申报项目")
    f.add_argument("file", type=Path)
    f.add_argument("--skip-bad-rows", action="store_true", help="有错误时只导入正确的行")
    f.set_defaults(run=cmd_import)

    f = fsub.add_parser("list", help="列出专项资金申报项目及其最高可补贴金额")
    f.add_argument("--json", action="store_true")
    f.set_defaults(run=cmd_list)

    f = fsub.add_parser("add", help="手工录入一个专项资金申报项目（与导入申报表的检查相同）")
    _entry_options(f, adding=True)
    f.set_defaults(run=cmd_add)

    f = fsub.add_parser("edit", help="修改一个申报项目的内容（只改给出的项；状态、入库排序和评审得分不变）")
    f.add_argument("id", type=int)
    _entry_options(f, adding=False)
    f.set_defaults(run=cmd_edit)

    f = fsub.add_parser(
        "rank", help="排序入库（按编号或项目名称，或按评审得分）；不带参数则显示当前排序和预算线"
    )
    f.add_argument("items", nargs="*", metavar="项目")
    f.add_argument(
        "--by-score",
        action="store_true",
        help="按评审得分从高到低排序：有已锁定的评审会时用最近一次的汇总得分，否则用各项目的“评审得分”",
    )
    f.add_argument("--meeting", type=int, help="与 --by-score 同用：按这次评审会（须已锁定）的得分排序")
    f.add_argument("--clear", action="store_true", help="取消全部入库")
    f.add_argument("--json", action="store_true")
    f.set_defaults(run=cmd_rank)

    f = fsub.add_parser("score", help="录入评审得分（不填则显示当前得分；--clear 清除）")
    f.add_argument("id", type=int)
    f.add_argument("score", nargs="?")
    f.add_argument("--clear", action="store_true", help="清除该项目的评审得分")
    f.set_defaults(run=cmd_score)

    f = fsub.add_parser("budget", help="查看或设定资金预算（元）")
    f.add_argument("amount", nargs="?")
    f.add_argument("--clear", action="store_true", help="清除本数据库设定的预算（恢复活动文件的预算）")
    f.set_defaults(run=cmd_budget)

    f = fsub.add_parser("status", help="退回、撤回或恢复为已登记")
    f.add_argument("id", type=int)
    f.add_argument("status", choices=["registered", "returned", "withdrawn"])
    f.add_argument("--reason", default="")
    f.set_defaults(run=cmd_status)

    f = fsub.add_parser("attach", help="添加附件：某类投入的发票，或某项申报材料")
    f.add_argument("id", type=int)
    f.add_argument("file", type=Path)
    group = f.add_mutually_exclusive_group()
    group.add_argument("--category", default="", help="投入类别编号（发票），如 cloud")
    group.add_argument("--material", default="", help="材料编号，如 application_form（同时记为已提交）")
    f.set_defaults(run=cmd_attach)

    f = fsub.add_parser("export", help="导出入库清单（.xlsx 和 PDF，按支持方向）")
    f.add_argument("out", type=Path, help="输出文件夹，或 清单.xlsx（同名 PDF 写在旁边）")
    f.set_defaults(run=cmd_export)


def _entry_options(f: argparse.ArgumentParser, *, adding: bool) -> None:
    """The fields of `fund add` and `fund edit`: texts as typed, checked by the service as a sheet's cells."""
    f.add_argument("--enterprise", required=adding, help="企业名称")
    f.add_argument("--project", required=adding, help="项目名称")
    f.add_argument("--direction", required=adding, help="支持方向：名称、编号或其中有区分的部分，如 人才培养")
    f.add_argument("--subdirection", help="子方向：名称或编号，如 方向一")
    f.add_argument("--county", help="县（市、区）")
    f.add_argument("--uscc", help="统一社会信用代码")
    f.add_argument(
        "--invest",
        action="extend",
        nargs="+",
        default=None,
        metavar="类别=金额",
        help="各类投入（元），如 工业互联网=1200000 设备=800000；修改时只改给出的类别，金额填 0 即删除该类",
    )
    f.add_argument("--requested", help="申请补贴金额（元）")
    f.add_argument("--cluster", help="所属产业集群（产业集群试点方向）")
    f.add_argument("--sessions", help="培训场次（人才培养方向）")
    f.add_argument("--people", help="培训人数（人才培养方向）")
    f.add_argument("--contact", help="联系人及电话")
    f.add_argument("--note", help="备注")
    f.add_argument("--json", action="store_true")


def _entry(args: argparse.Namespace) -> FundEntry:
    from ..services.fund.entry import FundEntry

    investment: dict[str, str] | None = None
    if args.invest is not None:
        investment = {}
        for item in args.invest:
            name, sep, amount = item.replace("＝", "=").partition("=")
            if not sep or not name.strip():
                raise ServiceError(f"参数 --invest 的值“{item[:40]}”应写成 类别=金额，如 云服务=120000")
            investment[name.strip()] = amount
    return FundEntry(
        enterprise=args.enterprise, uscc=args.uscc, county=args.county, project=args.project,
        direction=args.direction, subdirection=args.subdirection, investment=investment,
        requested=args.requested, cluster=args.cluster, sessions=args.sessions, people=args.people,
        contact=args.contact, note=args.note,
    )  # fmt: skip


def _print_entry(ws: FundWorkspace, result: EntryResult, as_json: bool) -> None:
    if as_json:
        doc = app_json(ws, result.app)
        doc |= {
            "added": result.added,
            "changed": list(result.changed),
            "pool_note": result.pool_note or None,
            "problems": [{"rule": v.rule, "grade": v.grade.value, "message": v.message} for v in result.violations],
        }
        print_json(doc)
        return
    print(result.summary())
    print(f"  {result.cap_text()}")
    if result.pool_note:
        print(f"  注意：{result.pool_note}")
    for v in result.violations:
        print(f"  检查：【{v.grade.label}】{v.message}")


def cmd_add(args: argparse.Namespace) -> int:
    from ..services.fund.entry import add_application

    def run(ws: FundWorkspace) -> int:
        _print_entry(ws, add_application(ws, _entry(args)), args.json)
        return EXIT_OK

    return with_fund_workspace(args, run)


def cmd_edit(args: argparse.Namespace) -> int:
    from ..services.fund.entry import edit_application

    def run(ws: FundWorkspace) -> int:
        _print_entry(ws, edit_application(ws, args.id, _entry(args)), args.json)
        return EXIT_OK

    return with_fund_workspace(args, run)


def with_fund_workspace(args: argparse.Namespace, run: Callable[[FundWorkspace], int]) -> int:
    path = db_path(args)
    if path.exists() and not is_fund_database(path):
        raise ServiceError(f"{path} 不是专项资金申报的数据库（gdiiot fund 只用于专项资金活动）")
    ws = open_fund_workspace(path, operator=args.operator)
    try:
        return run(ws)
    finally:
        ws.close()


# --- hooks from the core group -----------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from ..services.fund.workspace import create_fund_workspace

    ws = create_fund_workspace(db_path(args), args.city, args.campaign, operator=args.operator or "操作员")
    try:
        budget = ws.budget()
        print(f"已创建 {ws.city}市 专项资金申报数据库：{ws.db.path}")
        print(f"活动：{ws.campaign.title}（截止 {ws.campaign.deadline.text}）")
        print("支持方向：" + "、".join(d.name for d in ws.campaign.directions))
        if budget is None:
            print("注意：活动文件未列明资金预算，请用 gdiiot fund budget 金额 设定后再排序入库。")
    finally:
        ws.close()
    return EXIT_OK


def cmd_check(args: argparse.Namespace, at: Any) -> int:
    from ..services.fund.checks import check_fund_workspace

    def run(ws: FundWorkspace) -> int:
        report = check_fund_workspace(ws, now=at)
        return print_check(report, ws.city, as_json=args.json, hints=args.hints, what="专项资金项目")

    return with_fund_workspace(args, run)


# --- commands ----------------------------------------------------------------------------------


def cmd_template(args: argparse.Namespace) -> int:
    from ..resources import campaign_file
    from ..services.fund.intake import write_template
    from ..services.fund.workspace import load_fund_campaign_file

    if args.campaign is not None:
        campaign = load_fund_campaign_file(args.campaign)
    elif args.db is not None and Path(args.db).exists():
        ws = open_fund_workspace(Path(args.db), operator=args.operator)
        campaign = ws.campaign
        ws.close()
    else:
        campaign = load_fund_campaign_file(campaign_file("2022-jiangmen-fund"))
    write_template(args.file, campaign)
    print(f"已生成专项资金申报导入模板：{args.file}（{campaign.title}）")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.fund.intake import import_sheet

    def run(ws: FundWorkspace) -> int:
        report = import_sheet(ws, args.file, skip_bad_rows=args.skip_bad_rows)
        for error in report.errors:
            print(f"跳过：{error}")
        for warning in report.warnings:
            print(f"提示：{warning}")
        print(report.summary())
        return EXIT_OK

    return with_fund_workspace(args, run)


def app_json(ws: FundWorkspace, app: FundApplication) -> dict[str, Any]:
    direction = ws.campaign.direction(app.direction_id)
    cap = subsidy_cap(ws.campaign, app)
    return {
        "id": app.id,
        "uid": app.uid,
        "project": app.project_name,
        "enterprise": app.enterprise,
        "uscc": app.uscc or None,
        "county": app.county,
        "direction_id": app.direction_id,
        "direction": direction.name if direction else app.direction_id,
        "subdirection_id": app.subdirection_id or None,
        "cluster": app.cluster or None,
        "investment": {k: str(v) for k, v in app.investment.items()},
        "total_investment": str(app.total_investment),
        "eligible_investment": str(cap.eligible_investment) if cap else None,
        "max_subsidy": str(cap.amount) if cap else None,
        "max_subsidy_basis": cap.explain() if cap else None,
        "requested": None if app.requested is None else str(app.requested),
        "training_sessions": app.training_sessions,
        "training_people": app.training_people,
        "review_score": None if app.review_score is None else str(app.review_score),
        "status": app.status.value,
        "status_label": app.status.label,
        "rank": app.rank,
        "attachments": ws.repo.attachments(app.id) if app.id is not None else [],
    }


def cmd_list(args: argparse.Namespace) -> int:
    def run(ws: FundWorkspace) -> int:
        rows = [app_json(ws, a) for a in ws.repo.all()]
        if args.json:
            print_json(rows)
            return EXIT_OK
        if not rows:
            print("尚无专项资金申报项目")
        for r in rows:
            rank = f"第{r['rank']}位" if r["rank"] else "—"
            cap = format_money(_dec(r["max_subsidy"]))
            requested = format_money(_dec(r["requested"]))
            print(
                f"[{r['id']}] {r['project']} | {r['enterprise']} | {r['county']} | {r['direction']} | "
                f"申请 {requested} 元 / 最高 {cap} 元 | {r['status_label']} {rank}"
            )
        return EXIT_OK

    return with_fund_workspace(args, run)


def _dec(text: Any) -> Any:
    from decimal import Decimal

    return None if text is None else Decimal(text)


def cmd_rank(args: argparse.Namespace) -> int:
    from ..services.fund.ranking import current_pool, rank_by_hand, rank_by_score

    if args.by_score and (args.items or args.clear):
        raise ServiceError("--by-score 不能与项目列表或 --clear 同时使用")
    if args.meeting is not None and not args.by_score:
        raise ServiceError("--meeting 只能与 --by-score 同用")

    # With --json, stdout holds the JSON object alone; what was done is said on stderr.
    say = functools.partial(print, file=sys.stderr) if args.json else print

    def run(ws: FundWorkspace) -> int:
        ranking: ScoreRanking | None = None
        if args.clear:
            ws.repo.set_ranking([])
            say("已取消全部入库")
            if not args.json:
                return EXIT_OK
        if args.by_score:
            ranking = rank_by_score(ws, args.meeting)
            say(f"已按评审得分排序入库：共 {len(ranking.ids)} 个项目；得分来自{ranking.source_text}")
            if not args.json:
                if ranking.meeting is not None:
                    print(f"  评审结果校验码：{ranking.digest[:16]}（与会议纪要一致）")
                for m in ranking.unlocked:
                    print(f"  注意：评审会 [{m.id}] {m.title} 尚未锁定，未使用其评分")
                for app, why in ranking.left_out:
                    print(f"  未排序（{why}）：[{app.id}] {app.project_name}")
        elif args.items:
            ids = rank_by_hand(ws, args.items)
            say(f"已设定入库排序：共 {len(ids)} 个项目")
        pool = current_pool(ws)
        if args.json:
            print_json(
                {
                    "budget": None if pool.budget is None else str(pool.budget),
                    "total": str(pool.total),
                    "funded": pool.funded,
                    "funded_total": str(pool.funded_total),
                    "remaining": None if pool.remaining is None else str(pool.remaining),
                    "ranked_by": _ranked_by_json(ranking),
                    "left_out": []
                    if ranking is None
                    else [
                        {"id": a.id, "project": a.project_name, "reason": why} for a, why in ranking.left_out
                    ],
                    "lines": [
                        {
                            "rank": line.rank,
                            "id": line.app.id,
                            "project": line.app.project_name,
                            "enterprise": line.app.enterprise,
                            "direction_id": line.app.direction_id,
                            "max_subsidy": None if line.cap is None else str(line.cap.amount),
                            "requested": None if line.app.requested is None else str(line.app.requested),
                            "proposed": str(line.proposed),
                            "running_total": str(line.running_total),
                            "within_budget": line.within_budget,
                            "score": None if ranking is None else ranking.scores.get(line.app.id or 0),
                        }
                        for line in pool.lines
                    ],
                }
            )
            return EXIT_OK
        if not pool.lines:
            print("尚未排序入库任何项目")
        drawn = False
        for line in pool.lines:
            if not line.within_budget and not drawn:
                print(f"—— 预算线：预算 {format_money(pool.budget)} 元 ——")
                drawn = True
            print(
                f"第{line.rank}位 [{line.app.id}] {line.app.project_name}（{line.app.enterprise}）"
                f" 拟补贴 {format_money(line.proposed)} 元，累计 {format_money(line.running_total)} 元"
            )
        if pool.budget is None:
            print("未设定预算（gdiiot fund budget 金额），不划预算线")
        else:
            print(
                f"预算 {format_money(pool.budget)} 元：预算线以上 {pool.funded} 个项目，"
                f"拟补贴 {format_money(pool.funded_total)} 元，结余 {format_money(pool.remaining)} 元"
            )
        return EXIT_OK

    return with_fund_workspace(args, run)


def _ranked_by_json(ranking: ScoreRanking | None) -> dict[str, Any] | None:
    """Where `--by-score` took its scores from: a locked meeting, or the 评审得分 field."""
    if ranking is None:
        return None
    m = ranking.meeting
    return {
        "source": "review_score" if m is None else "meeting",
        "text": ranking.source_text,
        "meeting": None
        if m is None
        else {
            "id": m.id,
            "title": m.title,
            "held_on": m.held_on.isoformat(),
            "locked_at": m.locked_at.isoformat() if m.locked_at else None,
            "aggregate": m.rubric.aggregate.value,
            "digest": ranking.digest,
        },
        "unlocked_meetings_not_used": [u.id for u in ranking.unlocked],
    }


def cmd_score(args: argparse.Namespace) -> int:
    from ..services.fund.ranking import set_score

    if args.clear and args.score is not None:
        raise ServiceError("--clear 与得分不能同时使用")

    def run(ws: FundWorkspace) -> int:
        if args.score is None and not args.clear:  # looking must never clear a score
            app = ws.repo.get(args.id)
            if app is None:
                raise ServiceError(f"找不到编号为 {args.id} 的专项资金申报项目（见 gdiiot fund list）")
            shown = "未录入" if app.review_score is None else str(app.review_score)
            print(f"[{args.id}] {app.project_name}：评审得分 {shown}")
            return EXIT_OK
        score = set_score(ws, args.id, None if args.clear else args.score)
        print(f"[{args.id}] 评审得分：{score}" if score is not None else f"[{args.id}] 已清除评审得分")
        return EXIT_OK

    return with_fund_workspace(args, run)


def cmd_budget(args: argparse.Namespace) -> int:
    from ..services.fund.ranking import set_budget

    if args.clear and args.amount is not None:
        raise ServiceError("--clear 与金额不能同时使用")

    def run(ws: FundWorkspace) -> int:
        if args.clear or args.amount is not None:
            set_budget(ws, None if args.clear else args.amount)
        budget = ws.budget()
        print(f"资金预算：{format_money(budget)} 元" if budget is not None else "资金预算：未设定")
        return EXIT_OK

    return with_fund_workspace(args, run)


def cmd_status(args: argparse.Namespace) -> int:
    from ..services.fund.ranking import set_status

    def run(ws: FundWorkspace) -> int:
        if args.status == FundStatus.RETURNED:
            # A return is recorded with its reason, so the return bundle carries it to the county.
            from ..services.exchange import mark_return

            mark_return(ws, args.id, args.reason)
            print(f"[{args.id}] 已退回（{args.reason.strip()}）；用 gdiiot bundle return --county 县区 文件 导出退回包")
            return EXIT_OK
        app = set_status(ws, args.id, FundStatus(args.status), args.reason)
        print(f"[{app.id}] {app.project_name}：{app.status.label}")
        return EXIT_OK

    return with_fund_workspace(args, run)


def cmd_attach(args: argparse.Namespace) -> int:
    from ..services.fund.attachments import attach

    def run(ws: FundWorkspace) -> int:
        found = attach(ws, args.id, args.file, category=args.category, material=args.material)
        print(f"已添加附件 {found['file_name']}（{found['size']} 字节）")
        return EXIT_OK

    return with_fund_workspace(args, run)


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.fund.export import export_pool

    def run(ws: FundWorkspace) -> int:
        snapshot, paths = export_pool(ws, args.out)
        print(f"已导出入库清单（快照 {snapshot.id}，{len(snapshot.lines)} 个项目）：")
        for path in paths:
            print(f"  {path}")
        return EXIT_OK

    return with_fund_workspace(args, run)

"""Core `gdiiot` commands: init, intake, list, check, order, status, delete, overrides, directions, settings, backups."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.enums import AttachmentClass, Status
from ..services.applications import ApplicationService
from ..services.campaign_files import campaign_path
from ..services.checks import check_workspace
from ..services.errors import ServiceError
from ..services.fund.workspace import is_fund_campaign_file, is_fund_database
from ..services.workspace import Workspace, applicant_count, create_workspace
from . import documents, fund
from .common import EXIT_OK, Parser, db_path, print_check, print_json, with_workspace


def register(sub: Any) -> None:
    """The core commands: database, intake, list, check, order, status, delete, directions, settings, backups."""

    p = sub.add_parser("init", help="新建本市数据库")
    p.add_argument("--city", required=True, help="地级以上市，如 广州、韶关")
    p.add_argument("--campaign", help="活动文件，或随程序提供的活动编号如 2023-pilot（默认：2023年试点示范）")
    p.add_argument(
        "--carry-applicants-from",
        type=Path,
        metavar="上一年度数据库",
        help="从本市上一年度的数据库带入企业（申报单位）信息；申报项目不带入",
    )
    p.set_defaults(run=cmd_init)

    p = sub.add_parser("import-xlsx", help="从 Excel 模板导入申报项目")
    p.add_argument("file", type=Path)
    p.add_argument("--skip-bad-rows", action="store_true", help="有错误时只导入正确的行")
    p.set_defaults(run=cmd_import_xlsx)

    p = sub.add_parser("export-xlsx", help="把全部申报项目导出为 Excel 模板格式（连同附件）")
    p.add_argument("file", type=Path)
    p.add_argument("--no-files", action="store_true", help="不复制视频和申报书文件")
    p.set_defaults(run=cmd_export_xlsx)

    p = sub.add_parser("list", help="列出申报项目")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("check", help="按本年度规则检查全部申报项目")
    p.add_argument("--json", action="store_true")
    p.add_argument("--hints", action="store_true", help="同时列出提示（如纸质材料待登记）")
    p.add_argument("--at", help="按此时间判断是否逾期，如 2023-12-08T18:00；now 表示当前时间")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("order", help="设定推荐项目及其优先顺序")
    p.add_argument("items", nargs="*", metavar="项目", help="按优先顺序排列的项目编号（见 list）或项目名称")
    p.add_argument("--clear", action="store_true", help="取消全部推荐")
    p.set_defaults(run=cmd_order)

    p = sub.add_parser("status", help="退回或撤回一个项目，或恢复为已登记")
    p.add_argument("id", type=int)
    p.add_argument("status", choices=["registered", "returned", "withdrawn"])
    p.add_argument("--reason", default="")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("delete", help="删除误录或重复的项目（原内容和理由记入操作日志）")
    p.add_argument("id", type=int)
    p.add_argument("--reason", default="", help="删除理由（必填）")
    p.set_defaults(run=cmd_delete)

    p = sub.add_parser("override", help="记录接受某项问题的理由（如真实的旧版信用代码）")
    p.add_argument("id", type=int)
    p.add_argument("rule", help="规则编号，如 USCC_INVALID")
    p.add_argument("--reason", help="理由；不填则撤销")
    p.set_defaults(run=cmd_override)

    p = sub.add_parser("attach", help="为项目添加附件")
    p.add_argument("id", type=int)
    p.add_argument("file", type=Path)
    p.add_argument("--class", dest="cls", required=True, choices=[c.value for c in AttachmentClass])
    p.add_argument("--year", type=int, help="审计报告所属年度")
    p.set_defaults(run=cmd_attach)

    p = sub.add_parser("template", help="输出 Excel 导入模板")
    p.add_argument("file", type=Path)
    p.add_argument("--campaign", type=Path, help="活动文件（默认：2023年试点示范）")
    p.set_defaults(run=cmd_template)

    p = sub.add_parser("directions", help="导出、导入或确认本年度方向清单")
    dsub = p.add_subparsers(dest="action", required=True, parser_class=Parser, metavar="操作")
    d = dsub.add_parser("export", help="导出方向清单（xlsx）")
    d.add_argument("file", type=Path)
    d.set_defaults(run=cmd_directions_export)
    d = dsub.add_parser("import", help="导入方向清单（列：序号、类别、方向、负责单位）")
    d.add_argument("file", type=Path)
    d.add_argument("--confirm", action="store_true", help="导入的是正式清单：同时确认")
    d.set_defaults(run=cmd_directions_import)
    d = dsub.add_parser("confirm", help="确认现有方向清单与通知附件2一致")
    d.set_defaults(run=cmd_directions_confirm)

    p = sub.add_parser("settings", help="查看或修改本数据库的设置")
    ssub = p.add_subparsers(dest="setting", required=True, parser_class=Parser, metavar="设置")
    s = ssub.add_parser("recommender", help="导出材料上的推荐单位全称（默认：某某市工业和信息化局）")
    s.add_argument("name", nargs="?", help="推荐单位全称；不填则显示当前名称，填空字符串则恢复默认")
    s.add_argument("--clear", action="store_true", help="恢复默认名称")
    s.set_defaults(run=cmd_settings_recommender)
    documents.add_settings_commands(ssub)

    p = sub.add_parser("backup", help="备份数据库，或列出备份")
    p.add_argument("--list", action="store_true")
    p.add_argument("--reason", default="manual")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复数据库（先自动备份当前数据库）")
    p.add_argument("backup", type=Path)
    p.set_defaults(run=cmd_restore)


# --- commands -----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    campaign = campaign_path(args.campaign) if args.campaign else None
    if is_fund_campaign_file(campaign):
        args.campaign = campaign
        return fund.cmd_init(args)  # a special-fund call (issue 14)
    ws = create_workspace(
        db_path(args),
        args.city,
        campaign,
        operator=args.operator or "操作员",
        carry_applicants_from=args.carry_applicants_from,
    )
    try:
        city = ws.campaign.city(ws.city)
        assert city is not None
        quota = ws.campaign.quota_for(city)
        print(f"已创建 {ws.city}市 数据库：{ws.db.path}")
        print(f"活动：{ws.campaign.title}（{ws.campaign.province_notice}），推荐指标 {quota} 个")
        if args.carry_applicants_from:
            carried = applicant_count(ws)
            print(f"已从 {args.carry_applicants_from} 带入 {carried} 家企业的信息（申报项目未带入）")
        if not ws.campaign.directions_confirmed:
            print(
                "注意：方向清单为暂定名称，请核对通知附件2后确认（gdiiot directions confirm）或导入正式清单。"
            )
    finally:
        ws.close()
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from ..services.intake import IntakeRejectedError, import_workbook

    if is_fund_database(db_path(args)):
        return fund.cmd_import(args)

    def run(ws: Workspace) -> int:
        try:
            report = import_workbook(ws, args.file, skip_bad_rows=args.skip_bad_rows)
        except IntakeRejectedError as exc:
            exc.message += "（只导入正确的行：加 --skip-bad-rows）"
            raise
        for error in report.errors:
            print(f"跳过：{error}")
        for warning in report.warnings:
            print(f"提示：{warning}")
        print(report.summary())
        return EXIT_OK

    return with_workspace(args, run)


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from ..services.intake import export_workbook

    def run(ws: Workspace) -> int:
        count = export_workbook(ws, args.file, with_files=not args.no_files)
        print(f"已导出 {count} 个项目到 {args.file}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_list(args: argparse.Namespace) -> int:
    if is_fund_database(db_path(args)):
        return fund.cmd_list(args)
    def run(ws: Workspace) -> int:
        apps = ApplicationService(ws).list()
        rows = [app_json(ws, a) for a in apps]
        if args.json:
            print_json(rows)
            return EXIT_OK
        if not rows:
            print("尚无申报项目")
        for r in rows:
            order = f"第{r['priority']}位" if r["priority"] else "—"
            print(
                f"[{r['id']}] {r['project']} | {r['applicant']} | {r['county']} | "
                f"{r['category']}/{r['direction']} | {r['status_label']} {order}"
            )
        return EXIT_OK

    return with_workspace(args, run)


def cmd_check(args: argparse.Namespace) -> int:
    at = _parse_at(args.at)
    if is_fund_database(db_path(args)):
        return fund.cmd_check(args, at)

    def run(ws: Workspace) -> int:
        return print_check(check_workspace(ws, now=at), ws.city, as_json=args.json, hints=args.hints)

    return with_workspace(args, run)


def cmd_order(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        service = ApplicationService(ws)
        if args.clear:
            service.set_order([])
            print("已取消全部推荐")
            return EXIT_OK
        if not args.items:
            recommended = sorted(
                (a for a in service.list() if a.is_recommended), key=lambda a: a.priority or 0
            )
            for a in recommended:
                print(f"第{a.priority}位 [{a.id}] {a.project_name}（{a.applicant.name}）")
            if not recommended:
                print("尚未推荐任何项目")
            return EXIT_OK
        ids = _resolve_items(service.list(), args.items)
        service.set_order(ids)
        print(f"已设定推荐顺序：共 {len(ids)} 个项目")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_status(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        status = Status(args.status)
        if status is Status.RETURNED:
            # A return is recorded with its reason, so the return bundle carries it to the county.
            from ..services.exchange import mark_returned

            app = mark_returned(ws, args.id, args.reason)
        else:
            app = ApplicationService(ws).set_status(args.id, status, args.reason)
        print(f"[{app.id}] {app.project_name}：{app.status.label}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_delete(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        app = ApplicationService(ws).delete(args.id, args.reason)
        print(f"已删除 [{app.id}] {app.project_name}（{app.applicant.name}）；删除理由和原内容已记入操作日志")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_override(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        ApplicationService(ws).set_override(args.id, args.rule, args.reason)
        print("已记录理由" if args.reason else "已撤销")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_attach(args: argparse.Namespace) -> int:
    def run(ws: Workspace) -> int:
        a = ApplicationService(ws).attach(args.id, args.file, AttachmentClass(args.cls), year=args.year)
        facts = []
        if a.pages is not None:
            facts.append(f"{a.pages}页")
        if a.duration_seconds is not None:
            facts.append(f"{a.duration_seconds:.0f}秒")
        print(
            f"已添加附件 {a.file_name}（{a.attachment_class.label}，{a.size} 字节{'，' if facts else ''}{'，'.join(facts)}）"
        )
        if a.note:
            print(f"注意：{a.note}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_template(args: argparse.Namespace) -> int:
    from ..resources import campaign_file
    from ..services.intake_template import write_template
    from ..services.workspace import load_campaign_file

    # On a special-fund database (or with a special-fund file) the intake template is that call's:
    # import-xlsx there reads the fund sheet, so a pilot template would only be refused later.
    fund_db = args.db is not None and Path(args.db).is_file() and is_fund_database(Path(args.db))
    if fund_db or is_fund_campaign_file(args.campaign):
        return fund.cmd_template(args)
    campaign = load_campaign_file(args.campaign or campaign_file())
    write_template(args.file, campaign)
    print(f"已生成导入模板：{args.file}")
    return EXIT_OK


def cmd_directions_export(args: argparse.Namespace) -> int:
    from ..services.directions import export_directions

    def run(ws: Workspace) -> int:
        export_directions(ws.campaign, args.file)
        state = "已确认" if ws.campaign.directions_confirmed else "暂定（未确认）"
        print(f"已导出 {len(ws.campaign.directions)} 个方向（{state}）到 {args.file}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_directions_import(args: argparse.Namespace) -> int:
    from ..services.directions import read_directions, replace_directions

    def run(ws: Workspace) -> int:
        directions = read_directions(ws.campaign, args.file)
        notes = replace_directions(ws, directions, confirmed=args.confirm)
        print(f"已导入 {len(directions)} 个方向{'并确认' if args.confirm else '（仍为未确认）'}")
        for note in notes:
            print(f"  {note}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_directions_confirm(args: argparse.Namespace) -> int:
    from ..services.directions import confirm_directions

    def run(ws: Workspace) -> int:
        confirm_directions(ws)
        print("已确认方向清单")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_settings_recommender(args: argparse.Namespace) -> int:
    from ..services import settings

    if args.clear and args.name is not None:
        raise ServiceError("--clear 与新名称不能同时使用")

    def run(ws: Workspace) -> int:
        changing = args.clear or args.name is not None
        if changing:
            name = settings.set_recommender(ws, None if args.clear else args.name)
        else:
            name = settings.get_recommender(ws)
        default = "（默认）" if name == settings.default_recommender(ws) else ""
        print(f"{'已设定' if changing else ''}推荐单位：{name}{default}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_backup(args: argparse.Namespace) -> int:
    """Through the same service as the settings window: the backup is audited."""
    from ..services import settings

    if not db_path(args).exists():
        raise ServiceError(f"找不到数据库：{db_path(args)}")

    def run(ws: Workspace) -> int:
        if args.list:
            found = settings.backups(ws)
            for b in found:
                print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.reason:<20} {b.size:>10} 字节  {b.path}")
            if not found:
                print("尚无备份")
            return EXIT_OK
        print(f"已备份到 {settings.backup_now(ws, args.reason)}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services import settings

    saved = settings.restore(db_path(args), args.backup)
    print(f"已从 {args.backup} 恢复" + (f"；恢复前的数据库已备份到 {saved}" if saved else ""))
    return EXIT_OK


def app_json(ws: Workspace, app: Any) -> dict[str, Any]:
    """One application as `list --json` prints it."""
    campaign = ws.campaign
    category = campaign.category(app.category_id)
    direction = campaign.direction(app.direction_id)
    return {
        "id": app.id,
        "uid": app.uid,
        "project": app.project_name,
        "applicant": app.applicant.name,
        "uscc": app.applicant.uscc or None,
        "county": app.county,
        "category": category.name if category else app.category_id,
        "direction": direction.name if direction else app.direction_id,
        "direction_id": app.direction_id,
        "priority": app.priority,
        "status": app.status.value,
        "status_label": app.status.label,
        "central_enterprise": app.applicant.is_central_enterprise,
        "attachments": len(app.attachments),
    }


def _resolve_items(apps: list[Any], items: list[str]) -> list[int]:
    """Application ids from ids or project names as typed on the command line."""
    by_name: dict[str, list[int]] = {}
    for app in apps:
        if app.status.is_active:
            by_name.setdefault(app.project_name, []).append(app.id)
    ids = []
    for item in items:
        if item.isascii() and item.isdigit() and len(item) <= 18:  # longer: no such id (and int() would refuse)
            ids.append(int(item))
            continue
        matches = by_name.get(item.strip(), [])
        if len(matches) != 1:
            problem = "找不到" if not matches else f"有 {len(matches)} 个同名项目，请改用编号"
            raise ServiceError(f"项目“{item}”：{problem}（见 gdiiot list）")
        ids.append(matches[0])
    return ids


def _parse_at(text: str | None) -> datetime | None:
    if text is None:
        return None
    if text == "now":
        return datetime.now()
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise ServiceError(f"时间格式应为 2023-12-08T18:00，实际为“{text}”") from exc

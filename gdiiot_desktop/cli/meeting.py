"""`gdiiot meeting …`: prepare a review meeting, record scores and export its results from scripts.

    gdiiot meeting create --title 评审会 --date 2023-12-05 [--place …] [--chair …] [--apps 3 1 2]
    gdiiot meeting expert add 刘专家 --org 韶关学院 --field 工业互联网
    gdiiot meeting conflicts suggest [--apply]
    gdiiot meeting recuse 刘专家 2 --reason 同一单位 [--assigned | --withdraw]
    gdiiot meeting score 刘专家 2 --points 27,25,20,14 --opinion 建议推荐
    gdiiot meeting key 刘专家 2 --round 1 --points innovation=27,results=25,replicability=20,materials=14
    gdiiot meeting mismatches | ranking [--json] | adopt | lock --yes | minutes 纪要.pdf

Every command works on the newest meeting unless `--meeting ID` names another. `mismatches`
exits with 1 while keyed sheets disagree or wait for their second keying.

The same commands work on a special-fund database: the meeting then reviews its special-fund
applications (ids as in `gdiiot fund list`), `ranking` draws no quota line and `adopt` sets the
入库 ranking (as `gdiiot fund rank --by-score` does once the meeting is locked).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.meeting.aggregates import shown
from ..domain.meeting.model import Expert, MeetingState, RecusalKind
from ..services.meeting import results, scoring, setup
from ..services.meeting.errors import MeetingError, MeetingNotFoundError
from ..services.meeting.minutes import write_minutes
from ..services.meeting.setup import latest_meeting_id
from ..services.meeting.subjects import MeetingWorkspace, review_subjects
from .common import EXIT_OK, EXIT_VIOLATIONS, Parser, db_path, print_json
from .common import with_workspace as with_pilot_workspace


def with_workspace(args: argparse.Namespace, run: Any) -> int:
    """Open the database named by --db, a pilot or a special-fund one: the review meeting serves both."""
    from ..services.fund.workspace import is_fund_database, open_fund_workspace

    if not is_fund_database(db_path(args)):
        code: int = with_pilot_workspace(args, run)
        return code
    ws = open_fund_workspace(db_path(args), operator=args.operator)
    try:
        found: int = run(ws)
        return found
    finally:
        ws.close()


def register(sub: Any) -> None:
    """The `meeting` group and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--meeting", type=int, help="评审会编号（默认：最新一次评审会）")

    p = sub.add_parser("meeting", help="专家评审会：专家、回避、评分、排名、纪要")
    msub = p.add_subparsers(dest="action", required=True, parser_class=Parser, metavar="操作")

    c = msub.add_parser("create", help="新建评审会")
    c.add_argument("--title", required=True, help="评审会名称")
    c.add_argument("--date", required=True, type=_date, help="会议日期，如 2023-12-05")
    c.add_argument("--place", default="")
    c.add_argument("--chair", default="", help="主持人")
    c.add_argument("--apps", nargs="+", type=int, help="评审项目编号，按汇报顺序（默认：全部有效项目）")
    c.add_argument("--presentation-minutes", type=int, help="每个项目汇报时间（默认：评分细则）")
    c.add_argument("--questions-minutes", type=int, help="每个项目答疑时间（默认：评分细则）")
    c.set_defaults(run=cmd_create)

    c = msub.add_parser("list", help="列出评审会")
    c.set_defaults(run=cmd_list)

    c = msub.add_parser("show", parents=[common], help="显示评审会的专家、项目和回避情况")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=cmd_show)

    c = msub.add_parser("items", parents=[common], help="设定评审项目及汇报顺序")
    c.add_argument("ids", nargs="+", type=int)
    c.set_defaults(run=cmd_items)

    e = msub.add_parser("expert", help="专家组")
    esub = e.add_subparsers(dest="expert_action", required=True, parser_class=Parser, metavar="操作")
    c = esub.add_parser("add", parents=[common], help="添加专家")
    c.add_argument("name")
    c.add_argument("--org", default="", help="工作单位")
    c.add_argument("--field", default="", help="专业领域")
    c.set_defaults(run=cmd_expert_add)
    c = esub.add_parser("list", parents=[common], help="列出专家")
    c.set_defaults(run=cmd_expert_list)
    c = esub.add_parser("remove", parents=[common], help="移出专家（尚未评分时）")
    c.add_argument("expert", help="专家编号或姓名")
    c.set_defaults(run=cmd_expert_remove)

    e = msub.add_parser("conflicts", help="利益冲突")
    csub = e.add_subparsers(dest="conflicts_action", required=True, parser_class=Parser, metavar="操作")
    c = csub.add_parser("suggest", parents=[common], help="按名称匹配提示可能的利益冲突")
    c.add_argument("--apply", action="store_true", help="把提示的冲突全部记为会议指定的回避")
    c.set_defaults(run=cmd_conflicts_suggest)

    c = msub.add_parser("recuse", parents=[common], help="记录专家回避某项目")
    c.add_argument("expert", help="专家编号或姓名")
    c.add_argument("app", type=int, help="项目编号")
    c.add_argument("--reason", default="", help="回避理由")
    c.add_argument("--assigned", action="store_true", help="由会议指定回避（默认：专家本人申报）")
    c.add_argument("--withdraw", action="store_true", help="撤销该回避")
    c.set_defaults(run=cmd_recuse)

    for name, helptext in (("score", "现场录入专家评分"), ("key", "录入纸质评分表（双人两遍录入）")):
        c = msub.add_parser(name, parents=[common], help=helptext)
        c.add_argument("expert", help="专家编号或姓名")
        c.add_argument("app", type=int, help="项目编号")
        c.add_argument("--points", required=True, help="各项得分：按细则顺序 27,25,20,14，或 innovation=27,…")
        c.add_argument("--opinion", default="", help="评审意见")
        if name == "key":
            c.add_argument("--round", type=int, required=True, choices=scoring.KEY_ROUNDS, help="第几遍录入")
        c.set_defaults(run=cmd_score if name == "score" else cmd_key)

    c = msub.add_parser("mismatches", parents=[common], help="列出两遍录入不一致或未完成的评分表")
    c.set_defaults(run=cmd_mismatches)

    c = msub.add_parser("ranking", parents=[common], help="汇总得分和排名建议（含指标线）")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=cmd_ranking)

    c = msub.add_parser("adopt", parents=[common], help="把排名建议设为本市推荐顺序")
    c.set_defaults(run=cmd_adopt)

    c = msub.add_parser("lock", parents=[common], help="锁定评审结果（不可撤销）")
    c.add_argument("--yes", action="store_true", help="确认锁定")
    c.set_defaults(run=cmd_lock)

    c = msub.add_parser("minutes", parents=[common], help="输出会议纪要（PDF）")
    c.add_argument("file", type=Path)
    c.set_defaults(run=cmd_minutes)


# --- helpers ------------------------------------------------------------------------------


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 2023-12-05：{text}") from exc


def _meeting_id(ws: MeetingWorkspace, args: argparse.Namespace) -> int:
    if getattr(args, "meeting", None):
        return int(args.meeting)
    found = latest_meeting_id(ws)
    if found is None:
        raise MeetingNotFoundError("尚未建立评审会，请先运行 gdiiot meeting create。")
    return found


def _expert(state: MeetingState, text: str) -> Expert:
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= 18 and state.expert(int(text)):
        found = state.expert(int(text))
        assert found is not None
        return found
    matches = [e for e in state.experts if e.name == text]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise MeetingError(
            f"有 {len(matches)} 位专家名为“{text}”，请用专家编号（见 gdiiot meeting expert list）"
        )
    raise MeetingNotFoundError(f"评审会中没有专家“{text}”（见 gdiiot meeting expert list）")


def _points(text: str) -> dict[str, object] | list[object]:
    parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
    if all("=" in p for p in parts):
        return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in parts)}
    if any("=" in p for p in parts):
        raise MeetingError("得分请全部按顺序填写，或全部写成 评分项=分数")
    return list(parts)


def _run(args: argparse.Namespace, work: Any) -> int:
    def run(ws: MeetingWorkspace) -> int:
        code: int = work(ws, _meeting_id(ws, args))
        return code

    return with_workspace(args, run)


# --- commands -----------------------------------------------------------------------------


def cmd_create(args: argparse.Namespace) -> int:
    def run(ws: MeetingWorkspace) -> int:
        info = setup.create_meeting(
            ws,
            title=args.title,
            held_on=args.date,
            place=args.place,
            chair=args.chair,
            application_ids=args.apps,
            presentation_minutes=args.presentation_minutes,
            questions_minutes=args.questions_minutes,
        )
        state = results.meeting_state(ws, info.id)
        print(f"已新建评审会 [{info.id}] {info.title}，评审项目 {len(state.application_ids)} 个")
        print(f"评分细则：{info.rubric.title}；按{info.rubric.aggregate.label}排名")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_list(args: argparse.Namespace) -> int:
    def run(ws: MeetingWorkspace) -> int:
        meetings = setup.list_meetings(ws)
        if not meetings:
            print("尚未建立评审会")
        for m in meetings:
            lock = "已锁定" if m.locked else "未锁定"
            print(f"[{m.id}] {m.title} | {m.held_on:%Y-%m-%d} | {m.place or '—'} | {lock}")
        return EXIT_OK

    return with_workspace(args, run)


def cmd_show(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        state = results.meeting_state(ws, meeting_id)
        names = {a.id: a.project_name for a in review_subjects(ws)}
        info = state.info
        if args.json:
            print_json(
                {
                    "id": info.id,
                    "title": info.title,
                    "date": info.held_on.isoformat(),
                    "place": info.place,
                    "chair": info.chair,
                    "locked": info.locked,
                    "subject_kind": info.subject_kind.value,
                    "experts": [
                        {"id": e.id, "name": e.name, "organisation": e.organisation, "field": e.field}
                        for e in state.experts
                    ],
                    "applications": list(state.application_ids),
                    "recusals": [
                        {
                            "expert_id": r.expert_id,
                            "application_id": r.application_id,
                            "kind": r.kind.value,
                            "reason": r.reason,
                        }
                        for r in state.recusals
                    ],
                }
            )
            return EXIT_OK
        print(
            f"[{info.id}] {info.title}（{info.held_on:%Y-%m-%d}，{info.place or '—'}，主持人 {info.chair or '—'}）"
        )
        print("已锁定" if info.locked else "未锁定")
        print("专家：")
        for e in state.experts:
            print(f"  [{e.id}] {e.name}｜{e.organisation}｜{e.field}")
        print("评审项目（汇报顺序）：")
        for i, app_id in enumerate(state.application_ids, 1):
            recused = "、".join(e.name for e in state.recused_experts(app_id))
            print(f"  {i}. [{app_id}] {names.get(app_id, '')}" + (f"（回避：{recused}）" if recused else ""))
        return EXIT_OK

    return _run(args, work)


def cmd_items(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        setup.set_applications(ws, meeting_id, args.ids)
        print(f"已设定评审项目 {len(args.ids)} 个")
        return EXIT_OK

    return _run(args, work)


def cmd_expert_add(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        expert = setup.add_expert(ws, meeting_id, args.name, args.org, args.field)
        print(f"已添加专家 [{expert.id}] {expert.name}")
        return EXIT_OK

    return _run(args, work)


def cmd_expert_list(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        state = results.meeting_state(ws, meeting_id)
        if not state.experts:
            print("尚未添加专家")
        for e in state.experts:
            print(f"[{e.id}] {e.name}｜{e.organisation}｜{e.field}")
        return EXIT_OK

    return _run(args, work)


def cmd_expert_remove(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        expert = _expert(results.meeting_state(ws, meeting_id), args.expert)
        setup.remove_expert(ws, meeting_id, expert.id)
        print(f"已移出专家 {expert.name}")
        return EXIT_OK

    return _run(args, work)


def cmd_conflicts_suggest(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        found = setup.suggested_conflicts(ws, meeting_id)
        state = results.meeting_state(ws, meeting_id)
        if not found:
            print("未发现可能的利益冲突")
        for s in found:
            expert = state.expert(s.expert_id)
            print(f"专家 {expert.name if expert else s.expert_id} ↔ 项目 [{s.application_id}]：{s.reason}")
            if args.apply:
                setup.recuse(ws, meeting_id, s.expert_id, s.application_id, s.reason, RecusalKind.ASSIGNED)
        if found and args.apply:
            print(f"已记录 {len(found)} 项回避（会议指定）")
        return EXIT_OK

    return _run(args, work)


def cmd_recuse(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        expert = _expert(results.meeting_state(ws, meeting_id), args.expert)
        if args.withdraw:
            setup.withdraw_recusal(ws, meeting_id, expert.id, args.app)
            print(f"已撤销专家 {expert.name} 对项目 [{args.app}] 的回避")
            return EXIT_OK
        kind = RecusalKind.ASSIGNED if args.assigned else RecusalKind.DECLARED
        setup.recuse(ws, meeting_id, expert.id, args.app, args.reason, kind)
        print(f"已记录专家 {expert.name} 回避项目 [{args.app}]（{kind.label}）")
        return EXIT_OK

    return _run(args, work)


def cmd_score(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        state = results.meeting_state(ws, meeting_id)
        expert = _expert(state, args.expert)
        sheet = scoring.score(ws, meeting_id, expert.id, args.app, _points(args.points), args.opinion)
        print(
            f"已录入专家 {expert.name} 对项目 [{args.app}] 的评分：合计 {shown(state.info.rubric.total(sheet.points))}"
        )
        return EXIT_OK

    return _run(args, work)


def cmd_key(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        state = results.meeting_state(ws, meeting_id)
        expert = _expert(state, args.expert)
        outcome = scoring.key_sheet(
            ws, meeting_id, expert.id, args.app, args.round, _points(args.points), args.opinion
        )
        if outcome.confirmed is not None:
            print(
                f"两遍录入一致，评分已生效：合计 {shown(state.info.rubric.total(outcome.confirmed.points))}"
            )
        elif outcome.mismatches:
            print("两遍录入不一致，评分暂不生效，请核对纸质评分表后重新录入：")
            for m in outcome.mismatches:
                print(f"  {m.what}：第1遍 {m.first}，第2遍 {m.second}")
        else:
            print(f"已录入第{args.round}遍，等待另一位操作员录入第{3 - args.round}遍")
        return EXIT_OK

    return _run(args, work)


def cmd_mismatches(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        state = results.meeting_state(ws, meeting_id)
        status = scoring.sheet_status(state)
        names = {e.id: e.name for e in state.experts}
        for m in status.mismatches:
            print(
                f"不一致：专家 {names.get(m.expert_id)} 项目 [{m.application_id}] {m.what}：第1遍 {m.first}，第2遍 {m.second}"
            )
        for k in status.single:
            print(
                f"待录入：专家 {names.get(k.expert_id)} 项目 [{k.application_id}] 只录入了第{k.round}遍（{k.operator}）"
            )
        if status.resolved:
            print("纸质评分表均已两遍录入一致")
            return EXIT_OK
        return EXIT_VIOLATIONS

    return _run(args, work)


def cmd_ranking(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        res = results.compute_results(ws, meeting_id)
        rows = [
            {
                "rank": line.item.rank,
                "application_id": line.item.application_id,
                "project": res.items[line.item.application_id].subject.project_name,
                "applicant": res.items[line.item.application_id].subject.applicant,
                "score": shown(line.item.score),
                "count": line.item.aggregate.count,
                "mean": shown(line.item.aggregate.mean),
                "median": shown(line.item.aggregate.median),
                "trimmed_mean": shown(line.item.aggregate.trimmed_mean),
                "trimmed": line.item.aggregate.trimmed,
                "spread": shown(line.item.aggregate.spread),
                "recommended": line.recommended,
                "counts_quota": line.counts_quota,
                "note": "；".join(t for t in (line.note, line.item.tie_note) if t),
            }
            for line in res.proposal
        ]
        if args.json:
            print_json(
                {
                    "meeting": meeting_id,
                    "subject_kind": res.state.info.subject_kind.value,
                    "locked": res.state.info.locked,
                    "quota": res.quota,
                    "ranking": rows,
                    "order": res.order,
                }
            )
            return EXIT_OK
        if res.quota is None:
            print(
                f"按{res.state.info.rubric.aggregate.label}排名；专项资金不设推荐指标，按名次排序入库（预算线见 gdiiot fund rank）"
            )
        else:
            print(
                f"按{res.state.info.rubric.aggregate.label}排名；推荐指标 {res.quota} 个（中央企业不占指标）"
            )
        for r in rows:
            mark = ("建议入库" if res.quota is None else "推荐") if r["recommended"] else "—"
            print(
                f"{r['rank'] or '—':>3} [{r['application_id']}] {r['project']}（{r['applicant']}）"
                f" 得分 {r['score']}（{r['count']}份，平均 {r['mean']}，中位 {r['median']}，极差 {r['spread']}） {mark} {r['note']}"
            )
        if not res.sheets.resolved:
            print("注意：还有纸质评分表未完成两遍一致录入（见 gdiiot meeting mismatches），其评分尚未计入。")
        return EXIT_OK

    return _run(args, work)


def cmd_adopt(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        order = results.adopt_ranking(ws, meeting_id)
        what = (
            "入库排序"
            if results.meeting_state(ws, meeting_id).info.subject_kind.value == "fund"
            else "推荐顺序"
        )
        print(f"已按评审排名设定{what}：共 {len(order)} 个项目（{'、'.join(map(str, order))}）")
        return EXIT_OK

    return _run(args, work)


def cmd_lock(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        if not args.yes:
            raise MeetingError("锁定后评审结果不能再修改，也不能解锁。确认锁定请加 --yes。")
        digest = results.lock_results(ws, meeting_id)
        print(f"评审结果已锁定。结果校验码：{digest[:16]}")
        return EXIT_OK

    return _run(args, work)


def cmd_minutes(args: argparse.Namespace) -> int:
    def work(ws: MeetingWorkspace, meeting_id: int) -> int:
        path = write_minutes(ws, meeting_id, args.file)
        print(f"已输出会议纪要：{path}")
        return EXIT_OK

    return _run(args, work)

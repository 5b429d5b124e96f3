"""`gdiiot keys …`: this office's fingerprint, the keys pinned for other offices, an audited key change."""

from __future__ import annotations

import argparse
from typing import Any

from ..services.exchange import keys
from ..services.exchange.trust import resolve_peer
from .bundles import AnyWorkspace, with_office
from .common import EXIT_OK, Parser, print_json


def register(sub: Any) -> None:
    """`keys fingerprint|list|replace`."""
    p = sub.add_parser("keys", help="签名密钥：本单位指纹、已确认的对方密钥、更换密钥")
    ksub = p.add_subparsers(dest="action", required=True, parser_class=Parser, metavar="操作")

    k = ksub.add_parser("fingerprint", help="显示本单位签名密钥的指纹（电话核对用）")
    k.add_argument("--json", action="store_true")
    k.set_defaults(run=cmd_fingerprint)

    k = ksub.add_parser("list", help="列出已确认（固定）的县区或市局密钥")
    k.add_argument("--all", action="store_true", help="包括已更换的旧密钥")
    k.add_argument("--json", action="store_true")
    k.set_defaults(run=cmd_list)

    k = ksub.add_parser("replace", help="更换某县区（或市局）的密钥，如县区电脑重装后；记入操作日志")
    k.add_argument("name", help="县区名称（市局上）或本市名称（县区上）")
    k.add_argument("--trust", required=True, help="电话核对过的新指纹（对方 gdiiot keys fingerprint 显示的数字）")
    k.add_argument("--reason", required=True, help="更换理由")
    k.set_defaults(run=cmd_replace)


def cmd_fingerprint(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        digits = keys.office_fingerprint(ws)
        if args.json:
            print_json({"city": ws.city, "fingerprint": keys.shown(digits), "digits": digits, "algorithm": "Ed25519"})
        else:
            print(f"本单位签名密钥指纹：{keys.shown(digits)}")
            print("请对方在导入时核对这串数字（可电话逐组念出）。")
        return EXIT_OK

    return with_office(args, run)


def cmd_list(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        pins = keys.list_pins(ws, include_retired=args.all)
        if args.json:
            print_json(
                [
                    {
                        "peer_kind": p.peer_kind, "peer": p.peer, "fingerprint": keys.shown(p.fingerprint),
                        "seen": p.seen, "pinned_at": p.pinned_at.isoformat(), "actor": p.actor, "reason": p.reason,
                        "retired_at": p.retired_at.isoformat() if p.retired_at else None,
                    }
                    for p in pins
                ]
            )  # fmt: skip
            return EXIT_OK
        if not pins:
            print("还没有确认过任何县区或市局的密钥")
        for p in pins:
            state = "已更换" if p.retired_at else ("等待第一个数据包" if not p.seen else "有效")
            print(f"{keys.peer_label(p.peer_kind, p.peer)}：{keys.shown(p.fingerprint)}（{state}；{p.reason}）")
        return EXIT_OK

    return with_office(args, run)


def cmd_replace(args: argparse.Namespace) -> int:
    def run(ws: AnyWorkspace) -> int:
        peer_kind, peer = resolve_peer(ws, args.name)
        info = keys.replace_pin(ws, peer_kind, peer, args.trust, args.reason)
        print(
            f"已更换{keys.peer_label(info.peer_kind, info.peer)}的密钥：新指纹 {keys.shown(info.fingerprint)}，"
            f"理由：{info.reason}。旧密钥签名的数据包今后一律拒绝。"
        )
        return EXIT_OK

    return with_office(args, run)

"""The city's explicit acts around bundles: moving an application to another county (never done by a
merge), and the flags a bundle leaves on applications in the city's recommended order."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...storage.exchange_repository import ExchangeRepository
from ..errors import InputError, NotFoundError
from .counties import canonical_county
from .errors import BundleMismatchError
from .format import FUND_KIND
from .office import Office
from .roster import Held, roster

if TYPE_CHECKING:
    from ...storage.database import Session

FLAG_TEXTS = {
    "withdrawn": "县区数据包已撤回此项目，推荐顺序未动，请市局决定是否撤出",
    "changed": "县区数据包修改了此项目，推荐顺序未动，请市局核对",
}
FUND_FLAG_TEXTS = {
    "withdrawn": "县区数据包已撤回此项目，入库排序未动，请市局决定是否撤出",
    "changed": "县区数据包修改了此项目，入库排序未动，请市局核对",
}


@dataclass(frozen=True)
class FlagInfo:
    application_id: int
    project_name: str
    county: str
    kind: str
    bundle_id: str
    fund: bool = False  # a special-fund application (its order is the 入库 ranking)

    @property
    def text(self) -> str:
        return (FUND_FLAG_TEXTS if self.fund else FLAG_TEXTS).get(self.kind, self.kind)


def move_county(ws: Office, app_id: int, county: str, reason: str) -> Held:
    """Move an application (of either kind) to another county of the city, audited with the reason; its
    order (or 入库 rank) stays, and its merge snapshot moves with it."""
    reason = " ".join(reason.split())
    if not reason:
        raise InputError("移动县区须填写理由")
    try:
        target = canonical_county(ws, county, what="目标")
    except BundleMismatchError as exc:
        raise InputError(exc.message.replace("，已拒绝导入", "")) from exc
    with ws.db.session() as session:
        apps = roster(ws, session)
        app = next((a for a in apps.held().values() if a.id == app_id), None)
        if app is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        if app.county == target:
            raise InputError(f"“{app.project_name}”已属于{target}")
        changes = apps.set_county(app_id, target)
        ExchangeRepository(session).move_snapshot(app.uid, target)
        ws.audit(
            session,
            "move_county",
            "application",
            app_id,
            {"uid": app.uid, "from": app.county, "to": target, "reason": reason, "changes": changes},
        )
    return replace(app, county=target)


def _held(ws: Office, session: Session) -> dict[str, tuple[int, str, str]]:
    """uid → (id, project name, county) of every application this database holds, of its campaign kind."""
    return {uid: (a.id, a.project_name, a.county) for uid, a in roster(ws, session).held().items()}


def list_flags(ws: Office) -> list[FlagInfo]:
    with ws.db.session() as session:
        flags = ExchangeRepository(session).open_flags()
        if not flags:
            return []
        apps = _held(ws, session)
        fund = ws.campaign_kind == FUND_KIND
        out = []
        for f in flags:
            if f.uid in apps:
                app_id, name, county = apps[f.uid]
                out.append(FlagInfo(app_id, name, county, f.kind, f.bundle_id, fund))
        return out


def flag_texts(ws: Office) -> dict[int, str]:
    """application id → what the board shows about it (the newest flag of each)."""
    return {f.application_id: f.text for f in list_flags(ws)}


def clear_flags(ws: Office, app_id: int) -> int:
    """The city has looked at the flagged application: its flags go, audited."""
    with ws.db.session() as session:
        uid = next((u for u, (i, _, _) in _held(ws, session).items() if i == app_id), None)
        if uid is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        count = ExchangeRepository(session).clear_flags(uid)
        if count:
            ws.audit(session, "flag_cleared", "application", app_id, {"uid": uid, "flags": count})
    return count

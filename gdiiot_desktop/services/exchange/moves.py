"""The city's explicit acts around bundles: moving an application to another county (never done by a
merge), and the flags a bundle leaves on applications in the city's recommended order."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...domain.model import Application
from ...storage.exchange_repository import ExchangeRepository
from ...storage.repository import ApplicationRepository
from ..errors import InputError, NotFoundError
from ..workspace import Workspace
from .counties import canonical_county
from .errors import BundleMismatchError

FLAG_TEXTS = {
    "withdrawn": "县区数据包已撤回此项目，推荐顺序未动，请市局决定是否撤出",
    "changed": "县区数据包修改了此项目，推荐顺序未动，请市局核对",
}


@dataclass(frozen=True)
class FlagInfo:
    application_id: int
    project_name: str
    county: str
    kind: str
    bundle_id: str

    @property
    def text(self) -> str:
        return FLAG_TEXTS.get(self.kind, self.kind)


def move_county(ws: Workspace, app_id: int, county: str, reason: str) -> Application:
    """Move an application to another county of the city, audited with the reason; its order stays."""
    reason = " ".join(reason.split())
    if not reason:
        raise InputError("移动县区须填写理由")
    try:
        target = canonical_county(ws, county, what="目标")
    except BundleMismatchError as exc:
        raise InputError(exc.message.replace("，已拒绝导入", "")) from exc
    with ws.db.session() as session:
        repo = ApplicationRepository(session)
        app = repo.get(app_id)
        if app is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        if app.county == target:
            raise InputError(f"“{app.project_name}”已属于{target}")
        _, changes = repo.save(replace(app, county=target), before=app)
        ExchangeRepository(session).move_snapshot(app.uid, target)
        ws.audit(
            session,
            "move_county",
            "application",
            app_id,
            {"uid": app.uid, "from": app.county, "to": target, "reason": reason, "changes": changes},
        )
        moved = repo.get(app_id)
    assert moved is not None
    return moved


def list_flags(ws: Workspace) -> list[FlagInfo]:
    with ws.db.session() as session:
        flags = ExchangeRepository(session).open_flags()
        if not flags:
            return []
        apps = {a.uid: a for a in ApplicationRepository(session).load_all()}
        out = []
        for f in flags:
            app = apps.get(f.uid)
            if app is not None and app.id is not None:
                out.append(FlagInfo(app.id, app.project_name, app.county, f.kind, f.bundle_id))
        return out


def flag_texts(ws: Workspace) -> dict[int, str]:
    """application id → what the board shows about it (the newest flag of each)."""
    return {f.application_id: f.text for f in list_flags(ws)}


def clear_flags(ws: Workspace, app_id: int) -> int:
    """The city has looked at the flagged application: its flags go, audited."""
    with ws.db.session() as session:
        app = ApplicationRepository(session).get(app_id)
        if app is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        count = ExchangeRepository(session).clear_flags(app.uid)
        if count:
            ws.audit(session, "flag_cleared", "application", app_id, {"uid": app.uid, "flags": count})
    return count

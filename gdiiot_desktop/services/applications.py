"""Use cases on applications: list, save with an audit trail, attach files, order, override."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..domain.enums import AttachmentClass, Status
from ..domain.model import Application, Attachment
from ..storage.models import AttachmentRecord
from ..storage.repository import ApplicationRepository
from .errors import InputError, NotFoundError
from .media import probe_file
from .workspace import Workspace


class ApplicationService:
    """Reads and changes one workspace's applications; every change is audited."""

    def __init__(self, workspace: Workspace):
        self.ws = workspace

    def list(self) -> list[Application]:
        with self.ws.db.session() as session:
            return ApplicationRepository(session).load_all()

    def get(self, app_id: int) -> Application:
        with self.ws.db.session() as session:
            app = ApplicationRepository(session).get(app_id)
        if app is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        return app

    def save(self, app: Application) -> Application:
        """Insert or update an application and return it as stored."""
        _require_text(app)
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            app_id, changes = repo.save(app)
            if changes:
                action = "create" if app.id is None else "update"
                self.ws.audit(session, action, "application", app_id, {"changes": changes})
            stored = repo.get(app_id)
        assert stored is not None
        return stored

    def attach(
        self,
        app_id: int,
        path: Path,
        attachment_class: AttachmentClass,
        *,
        year: int | None = None,
        source_path: str = "",
    ) -> Attachment:
        """Copy a file into the store and attach it, with its size, pages or duration."""
        if not path.is_file():
            raise InputError(f"找不到文件：{path}")
        facts = probe_file(path)
        stored = self.ws.db.store.put_file(path)
        attachment = Attachment(
            attachment_class=attachment_class,
            file_name=path.name,
            source_path=source_path or path.name,
            sha256=stored.sha256,
            size=stored.size,
            year=year,
            pages=facts.pages,
            duration_seconds=facts.duration_seconds,
            note=facts.problem or "",
        )
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            if repo.get(app_id) is None:
                raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
            attachment.id = repo.add_attachment(app_id, attachment)
            self.ws.audit(
                session,
                "attach",
                "application",
                app_id,
                {"class": attachment_class.value, "file": path.name, "sha256": stored.sha256, "size": stored.size},
            )
        return attachment

    def remove_attachment(self, app_id: int, attachment_id: int) -> None:
        with self.ws.db.session() as session:
            record = ApplicationRepository(session).remove_attachment(attachment_id)
            if record is None or record.application_id != app_id:
                raise NotFoundError(f"找不到编号为 {attachment_id} 的附件")
            self.ws.audit(
                session,
                "detach",
                "application",
                app_id,
                {"class": record.attachment_class, "file": record.file_name, "sha256": record.sha256},
            )

    def reclassify_attachment(
        self, app_id: int, attachment_id: int, cls: AttachmentClass, year: int | None = None
    ) -> None:
        """Change an attachment's class (and audit report year) in place."""
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            before = session.get(AttachmentRecord, attachment_id)
            if before is None or before.application_id != app_id:
                raise NotFoundError(f"找不到编号为 {attachment_id} 的附件")
            old = (before.attachment_class, before.year)
            repo.reclassify_attachment(attachment_id, cls, year)
            self.ws.audit(
                session,
                "reclassify",
                "application",
                app_id,
                {"file": before.file_name, "before": list(old), "after": [cls.value, year]},
            )

    def set_order(self, ordered_ids: Sequence[int]) -> None:
        """Recommend exactly these applications in this priority order; the rest are not recommended."""
        if len(set(ordered_ids)) != len(ordered_ids):
            raise InputError("推荐顺序中有重复的项目编号")
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            apps = {a.id: a for a in repo.load_all()}
            unknown = [i for i in ordered_ids if i not in apps]
            if unknown:
                raise NotFoundError(f"找不到编号为 {'、'.join(map(str, unknown))} 的申报项目")
            inactive = [apps[i].project_name for i in ordered_ids if not apps[i].status.is_active]
            if inactive:
                raise InputError(f"已退回或已撤回的项目不能推荐：{'、'.join(inactive)}")
            before = {i: a.priority for i, a in apps.items() if a.is_recommended}
            repo.set_order(list(ordered_ids))
            self.ws.audit(
                session,
                "order",
                "recommendation",
                self.ws.city,
                {"before": sorted(before, key=lambda i: before[i] or 0), "after": list(ordered_ids)},
            )

    def set_status(self, app_id: int, status: Status, reason: str = "") -> Application:
        app = self.get(app_id)
        priority = app.priority if status is Status.RECOMMENDED else None
        if status is Status.RECOMMENDED and priority is None:
            priority = 1 + max((a.priority or 0 for a in self.list() if a.is_recommended), default=0)
        updated = replace(app, status=status, priority=priority, note=reason or app.note)
        return self.save(updated)

    def set_override(self, app_id: int, rule_id: str, reason: str | None) -> None:
        """Record the city's reason to accept a violation (None withdraws it)."""
        spec = self.ws.campaign.rules.get(rule_id)
        if spec is None:
            raise InputError(f"未知规则编号：{rule_id}")
        if reason is not None and not reason.strip():
            raise InputError("请填写接受该问题的理由")
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            if repo.get(app_id) is None:
                raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
            old = repo.set_override(app_id, rule_id, reason.strip() if reason else None, self.ws.operator)
            self.ws.audit(
                session, "override", "application", app_id, {"rule": rule_id, "before": old, "after": reason}
            )


def _require_text(app: Application) -> None:
    missing = [
        label
        for label, value in (
            ("项目名称", app.project_name),
            ("申报单位", app.applicant.name),
            ("县区", app.county),
        )
        if not value.strip()
    ]
    if missing:
        raise InputError(f"请填写：{'、'.join(missing)}")

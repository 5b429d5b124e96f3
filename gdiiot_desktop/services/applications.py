"""Use cases on applications: list, save with an audit trail, attach files, order, override, delete."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain import fields as registry
from ..domain.enums import AttachmentClass, Status
from ..domain.model import Application, Attachment
from ..storage.models import AttachmentRecord
from ..storage.repository import ApplicationRepository
from .application_codec import application_to_json
from .contained_paths import local_file_problem
from .errors import InputError, NotFoundError
from .media import probe_file
from .workspace import Workspace


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views update those rows instead of reloading the list."""

    updated: tuple[Application, ...] = ()  # as stored now (status, priority and all)
    removed: tuple[int, ...] = ()  # ids no longer in the database
    order: tuple[int, ...] = ()  # the recommended order after the write


class ApplicationService:
    """Reads and changes one workspace's applications; every change is audited."""

    def __init__(self, workspace: Workspace):
        self.ws = workspace

    def list(self) -> list[Application]:
        with self.ws.db.session() as session:
            return ApplicationRepository(session).load_all()

    def changes(self, touched: Iterable[int]) -> Changes:
        """The stored state of the `touched` applications and of every recommended one, read after a write
        that may have moved them (a status change closes the order up behind the one leaving it)."""
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            order = repo.recommended_order()
            found = {app_id: repo.get(app_id) for app_id in sorted(set(touched) | set(order))}
        return Changes(
            updated=tuple(a for a in found.values() if a is not None),
            removed=tuple(i for i, a in found.items() if a is None),
            order=tuple(order),
        )

    def get(self, app_id: int) -> Application:
        with self.ws.db.session() as session:
            app = ApplicationRepository(session).get(app_id)
        if app is None:
            raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
        return app

    def save(self, app: Application) -> Application:
        """Insert or update an application and return it as stored."""
        _require_text(app)
        problems = field_problems(app)
        if problems:
            raise InputError("无法保存，以下内容需要修改：", problems)
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
        problem = local_file_problem(str(path))
        if problem is not None:
            raise InputError(f"不能添加附件“{path}”：{problem}。请先把文件复制到本机的文件夹中再添加")
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
                {
                    "class": attachment_class.value,
                    "file": path.name,
                    "sha256": stored.sha256,
                    "size": stored.size,
                },
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
        """Move an application to `status` (撤回, back to 已登记, …), audited with the reason.

        Recommending puts it last in the order. One that leaves the recommendation closes the gap
        behind it, so the order stays 1…n as the summary table prints it. The note is left alone.
        """
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            app = repo.get(app_id)
            if app is None:
                raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
            if app.status is status:
                return app
            if status is Status.RECOMMENDED and not app.status.is_active:
                raise InputError(f"“{app.project_name}”已{app.status.label}，不能推荐；请先恢复为已登记")
            order = repo.recommended_order()
            if status is Status.RECOMMENDED:
                repo.set_order([*order, app_id])
            else:
                if app.is_recommended:
                    repo.set_order([i for i in order if i != app_id])
                repo.set_status(app_id, status)
            self.ws.audit(
                session,
                "status",
                "application",
                app_id,
                {"from": app.status.value, "to": status.value, "reason": reason, "priority_before": app.priority},
            )
            stored = repo.get(app_id)
        assert stored is not None
        return stored

    def delete_refusal(self, app_id: int) -> str | None:
        """Why `delete` would refuse this application (None when it may be deleted): asked before the reason."""
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            app = repo.get(app_id)
            if app is None:
                return f"找不到编号为 {app_id} 的申报项目"
            try:
                _refuse_delete(repo, app)
            except InputError as exc:
                return exc.message
        return None

    def delete(self, app_id: int, reason: str) -> Application:
        """Delete an application entered by mistake (a duplicate, a test row); returns it as it was.

        The audit entry ("delete") keeps the reason and the whole application in the export
        stored JSON form (`application_codec.application_from_json` reads it back), with its
        attachments' hashes: the files stay in the store, which other applications may share.
        Its attachments' rows and overrides go with it; no other application moves.

        Refused, with nothing changed (InputError):
        - a blank reason;
        - a recommended application: it must leave the recommendation first, so the order the
          city sees is the order it set;
        - one a review meeting refers to (items, scores, recusals, keyed sheets cascade with the
          application, so deleting would silently take the experts' work with it; a locked
          meeting can never change). Withdrawing (set_status WITHDRAWN) is the way out there;
        - one merged from a county's bundle: the next bundle from that county would bring it
          back as new. It is returned to the county (or withdrawn) instead.
        Allowed despite a frozen export snapshot holding it: a snapshot carries its own full
        copy of every application (no foreign key), so it still reads, prints and verifies; the
        audit entry lists those snapshots. Open returns of the application are closed with it.
        NotFoundError when there is no such application.
        """
        reason = reason.strip()
        if not reason:
            raise InputError("请填写删除理由（将记入操作日志）")
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            app = repo.get(app_id)
            if app is None:
                raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
            _refuse_delete(repo, app)
            snapshots = repo.export_snapshots_with(app.uid)
            deleted = repo.delete(app_id)
            assert deleted is not None
            self.ws.audit(
                session,
                "delete",
                "application",
                app_id,
                {
                    "reason": reason,
                    "application": application_to_json(deleted.application),
                    "created_at": deleted.created_at.isoformat(),
                    "updated_at": deleted.updated_at.isoformat(),
                    "overrides": deleted.overrides,
                    "applicant_removed": deleted.applicant_removed,
                    "returns_closed": deleted.returns_closed,
                    "export_snapshots": snapshots,
                },
            )
        return deleted.application

    def set_override(self, app_id: int, rule_id: str, reason: str | None) -> None:
        """Record the city's reason to accept a violation (None withdraws it)."""
        spec = self.ws.campaign.rules.get(rule_id)
        if spec is None:
            raise InputError(f"未知规则编号：{rule_id}")
        if reason is not None and not spec.overridable:
            # withdrawing stays possible: it clears a reason recorded before the rule became strict
            raise InputError(
                f"规则 {rule_id}（{spec.title}）的等级是“{spec.grade.label}”，不能通过记录理由来接受，"
                "没有做任何修改。请改正项目本身（可以记录理由的只有本年度活动文件中标为可说明的规则）。"
            )
        if reason is not None and not reason.strip():
            raise InputError("请填写接受该问题的理由")
        if reason is not None and (problem := registry.field("overrides").text_problem(reason, form=False)):
            raise InputError(f"无法记录理由：{problem}")
        with self.ws.db.session() as session:
            repo = ApplicationRepository(session)
            if repo.get(app_id) is None:
                raise NotFoundError(f"找不到编号为 {app_id} 的申报项目")
            old = repo.set_override(app_id, rule_id, reason.strip() if reason else None, self.ws.operator)
            self.ws.audit(
                session, "override", "application", app_id, {"rule": rule_id, "before": old, "after": reason}
            )


def field_problems(app: Application) -> list[str]:
    """Text the field registry refuses (invisible control or bidi characters, over its length), by field.

    The editor, the CLI and any other face save through here: what an export cannot lay out or
    an .xlsx cannot hold never reaches the database.
    """
    out = []
    for f in registry.FIELDS:
        value = f.get(app)
        if isinstance(value, str):
            texts = [value]
        elif isinstance(value, frozenset | set) and f.kind is registry.Kind.TEXT_SET:
            texts = [str(v) for v in value]
        elif isinstance(value, dict):
            texts = [str(v) for pair in value.items() for v in pair]
        else:
            continue
        for text in texts:
            problem = f.text_problem(text, form=False)
            if problem is not None:
                out.append(problem)
                break
    return out


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


def _refuse_delete(repo: ApplicationRepository, app: Application) -> None:
    """Raise InputError when `app` must not be deleted (see ApplicationService.delete)."""
    name = app.project_name
    if app.status is Status.RECOMMENDED:
        place = f"（第{app.priority}位）" if app.priority else ""
        raise InputError(f"“{name}”已列入推荐{place}，不能删除。请先在“推荐排序”中把它移出推荐，再删除。")
    assert app.id is not None
    meetings = repo.meeting_references(app.id)
    locked = [m for m in meetings if m.locked]
    if locked:
        raise InputError(
            f"“{name}”是已锁定的评审会“{locked[0].title}”的评审项目，评审结果不可更改，不能删除。"
            "如不再申报，请改为撤回。"
        )
    if meetings:
        titles = "、".join(f"“{m.title}”" for m in meetings)
        raise InputError(
            f"“{name}”是评审会{titles}的评审项目，不能删除（删除会连带删掉专家的评分和回避记录）。"
            "请先在评审会中把它移出评审项目（已有评分的不能移出），或改为撤回。"
        )
    county = repo.merge_base_county(app.uid)
    if county is not None:
        raise InputError(
            f"“{name}”是从{county}的数据包导入的，删除后再导入{county}的数据包时会作为新项目重新出现，"
            f"因此不能删除。如是重复或误报，请退回给{county}并注明理由，由县区删除后重新导出数据包；"
            "或改为撤回。"
        )

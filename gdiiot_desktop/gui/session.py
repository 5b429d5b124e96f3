"""The open workspace as the windows see it: applications, their violations, and every change, by signal.

A `WorkspaceSession` is the one place the GUI reaches the services. It keeps the city's
applications and a `RuleEngine` loaded with them, runs slow work and all writes through the
window's `TaskRunner` (writes on its single writer thread), and tells the windows what changed.
No SQL and no rules here: it calls services and the domain's engine.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gdiiot_desktop.domain.campaign import Direction
from gdiiot_desktop.domain.enums import AttachmentClass, Status
from gdiiot_desktop.domain.model import Application, Attachment, Violation
from gdiiot_desktop.domain.rules import RuleEngine
from gdiiot_desktop.domain.rules.board import BoardState, blocking, board_state
from gdiiot_desktop.gui.header import HeaderTexts, header_texts
from gdiiot_desktop.gui.models import ProblemCounts
from gdiiot_desktop.gui.tasks import Progress, Task, TaskRunner
from gdiiot_desktop.services import settings as settings_service
from gdiiot_desktop.services.applications import ApplicationService, Changes
from gdiiot_desktop.services.workspace import Workspace, open_workspace

if TYPE_CHECKING:
    from gdiiot_desktop.services.intake import ImportReport

# services.intake and services.directions load openpyxl (~0.1 s): imported when first used, not at start-up.

DRAFT_ID = -1  # the engine's id for an application being entered and not saved yet


def read_applications(ws: Workspace) -> list[Application]:
    """Every application of the workspace (and its counties, kept on ws for the filters, and the flags
    county bundles left on recommended applications, kept on ws for the board)."""
    # Imported here: off the start path, and this runs off the GUI thread.
    from gdiiot_desktop.services.exchange.moves import flag_texts

    settings_service.list_counties(ws)
    ws.exchange_flags = flag_texts(ws)
    return ApplicationService(ws).list()


def open_and_read(path: Path) -> tuple[Workspace, list[Application]]:
    """Open the database at `path` and read its applications: the slow part of starting, off the GUI thread."""
    ws = open_workspace(path)
    try:
        return ws, read_applications(ws)
    except BaseException:
        ws.close()
        raise


class WorkspaceSession(QObject):
    """One open workspace for the GUI. Signals are emitted in the GUI thread."""

    loaded = Signal()  # the application list was (re)loaded
    checked = Signal()  # violations were recomputed
    application_saved = Signal(object)  # the Application as stored
    applications_changed = Signal(object)  # services.applications.Changes of a status change, delete or order
    order_saved = Signal()
    campaign_changed = Signal()  # directions edited, imported or confirmed
    imported = Signal(object)  # ImportReport
    settings_changed = Signal()

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.clock = clock
        self.service = ApplicationService(ws)
        self.apps: dict[int, Application] = {}
        self.engine: RuleEngine | None = None
        self.violations: list[Violation] = []
        self.by_app: dict[int, list[Violation]] = {}
        self.counts: dict[int, ProblemCounts] = {}
        self.is_loaded = False
        self.is_checked = False

    # --- state ------------------------------------------------------------------------------
    @property
    def campaign(self):  # type: ignore[no-untyped-def]
        return self.ws.campaign

    @property
    def read_only(self) -> bool:
        return self.ws.read_only

    @property
    def read_only_notice(self) -> str | None:
        return self.ws.db.read_only_notice

    @property
    def city(self):  # type: ignore[no-untyped-def]
        return self.ws.campaign.city(self.ws.city)

    @property
    def quota_limit(self) -> int:
        city = self.city
        return self.ws.campaign.quota_for(city) if city is not None else 0

    def city_violations(self) -> list[Violation]:
        return [v for v in self.violations if v.application_id is None]

    def counties(self) -> list[str]:
        """The city's counties: those set up in the settings, then any others the applications name."""
        known = list(self.ws.counties)
        for app in self.apps.values():
            if app.county not in known:
                known.append(app.county)
        return known

    # --- loading and checking -----------------------------------------------------------------
    def load(self) -> Task:
        """Read every application off the GUI thread; a check follows."""

        def work(progress: Progress) -> list[Application]:
            progress(0, 0, "正在读取申报项目…")
            return read_applications(self.ws)

        return self.runner.run(work, title="正在打开数据库…", on_success=self._loaded)

    def load_now(self) -> None:
        """The same, on the calling thread (small databases, tests)."""
        self._set_apps(read_applications(self.ws))
        self.loaded.emit()
        self.check_now()

    def _loaded(self, apps: list[Application]) -> None:
        self._set_apps(apps)
        self.loaded.emit()
        self.check()

    def adopt(self, apps: Sequence[Application]) -> None:
        """Take applications read before the session existed (see `open_and_read`); call check() next."""
        self._set_apps(apps)

    def _set_apps(self, apps: Sequence[Application]) -> None:
        self.apps = {a.id: a for a in apps if a.id is not None}
        self.is_loaded = True

    def check(self) -> Task:
        """Check the whole city off the GUI thread (F5, and after loading)."""
        snapshot = dict(self.apps)
        campaign, city = self.ws.campaign, self.ws.city

        def work(progress: Progress) -> tuple[RuleEngine, dict[int, Application]]:
            progress(0, 0, f"正在检查 {len(snapshot)} 个项目…")
            engine = RuleEngine(campaign, city)
            engine.load(snapshot.values())
            return engine, snapshot

        return self.runner.run(work, title="正在检查…", on_success=self._checked)

    def check_now(self) -> None:
        engine = RuleEngine(self.ws.campaign, self.ws.city)
        engine.load(self.apps.values())
        self._checked((engine, dict(self.apps)))

    def _checked(self, result: tuple[RuleEngine, dict[int, Application]]) -> None:
        engine, snapshot = result
        # Changes saved while the check ran are applied on top of it.
        for app_id, app in self.apps.items():
            if snapshot.get(app_id) is not app:
                engine.update(app)
        for app_id in set(snapshot) - set(self.apps):
            engine.remove(app_id)
        self.engine = engine
        self._recompute()

    def _recompute(self) -> None:
        assert self.engine is not None
        self.violations = self.engine.violations()
        by_app: dict[int, list[Violation]] = defaultdict(list)
        for v in self.violations:
            if v.application_id is not None and v.application_id > 0:
                by_app[v.application_id].append(v)
        self.by_app = dict(by_app)
        self.counts = {app_id: ProblemCounts.of(vs) for app_id, vs in self.by_app.items()}
        self.is_checked = True
        self.checked.emit()

    def ensure_engine(self) -> RuleEngine:
        if self.engine is None:
            self.check_now()
        assert self.engine is not None
        return self.engine

    # --- live checks while editing ------------------------------------------------------------
    def preview(self, draft: Application) -> list[Violation]:
        """Violations of a draft as the user types: the engine re-checks only what the edit touches."""
        engine = self.ensure_engine()
        app = draft if draft.id is not None else replace(draft, id=DRAFT_ID)
        engine.update(app)
        return engine.violations_of(app.id or DRAFT_ID)

    def end_preview(self, app_id: int | None) -> None:
        """Put the stored version back into the engine (the editor closed without saving)."""
        if self.engine is None:
            return
        if app_id is None or app_id == DRAFT_ID:
            self.engine.remove(DRAFT_ID)
        elif app_id in self.apps:
            self.engine.update(self.apps[app_id])

    # --- writes (all on the single writer thread) -----------------------------------------------
    def save(self, app: Application, on_success: Callable[[Application], None] | None = None) -> Task:
        def work(_progress: Progress) -> Application:
            return self.service.save(app)

        def done(stored: Application) -> None:
            if app.id is None and self.engine is not None:
                self.engine.remove(DRAFT_ID)
            self._stored(stored)
            if on_success is not None:
                on_success(stored)

        return self.runner.run(work, title="正在保存…", writes=True, cancellable=False, on_success=done)

    def attach(
        self,
        app_id: int,
        files: Sequence[tuple[Path, AttachmentClass, int | None]],
        on_success: Callable[[Application], None] | None = None,
    ) -> Task:
        """Copy files into the store and attach them (reads sizes, pages and durations)."""

        def work(progress: Progress) -> Application:
            for n, (path, cls, year) in enumerate(files):
                progress(n, len(files), f"正在添加附件：{path.name}")
                self.service.attach(app_id, path, cls, year=year)
            return self.service.get(app_id)

        return self.runner.run(work, title="正在添加附件…", writes=True, on_success=self._then_stored(on_success))

    def remove_attachment(
        self, app_id: int, attachment_id: int, on_success: Callable[[Application], None] | None = None
    ) -> Task:
        def work(_progress: Progress) -> Application:
            self.service.remove_attachment(app_id, attachment_id)
            return self.service.get(app_id)

        return self.runner.run(
            work, title="正在删除附件…", writes=True, cancellable=False, on_success=self._then_stored(on_success)
        )

    def replace_attachment(
        self,
        app_id: int,
        old: Attachment,
        path: Path,
        cls: AttachmentClass | None = None,
        year: int | None = None,
        on_success: Callable[[Application], None] | None = None,
    ) -> Task:
        """Attach `path` in place of `old` (same class and year unless given), then drop `old`."""

        def work(_progress: Progress) -> Application:
            self.service.attach(app_id, path, cls or old.attachment_class, year=year if cls else old.year)
            assert old.id is not None
            self.service.remove_attachment(app_id, old.id)
            return self.service.get(app_id)

        return self.runner.run(work, title="正在替换附件…", writes=True, on_success=self._then_stored(on_success))

    def change_attachment_class(
        self,
        app_id: int,
        old: Attachment,
        cls: AttachmentClass,
        year: int | None,
        on_success: Callable[[Application], None] | None = None,
    ) -> Task:
        """Re-file an attachment under another class (and year) in place."""

        def work(_progress: Progress) -> Application:
            assert old.id is not None
            self.service.reclassify_attachment(app_id, old.id, cls, year)
            return self.service.get(app_id)

        return self.runner.run(work, title="正在修改附件类别…", writes=True, on_success=self._then_stored(on_success))

    def set_override(
        self, app_id: int, rule_id: str, reason: str | None, on_success: Callable[[Application], None] | None = None
    ) -> Task:
        def work(_progress: Progress) -> Application:
            self.service.set_override(app_id, rule_id, reason)
            return self.service.get(app_id)

        return self.runner.run(
            work, title="正在记录说明…", writes=True, cancellable=False, on_success=self._then_stored(on_success)
        )

    def set_order(self, ordered_ids: list[int], on_success: Callable[[], None] | None = None) -> Task:
        def then() -> None:
            self.order_saved.emit()
            if on_success is not None:
                on_success()

        return self._write_and_update(
            lambda: self.service.set_order(ordered_ids), set(ordered_ids), "正在保存推荐顺序…", then
        )

    def set_status(
        self, app_id: int, status: Status, reason: str, on_success: Callable[[], None] | None = None
    ) -> Task:
        """撤回 or back to 已登记 (the order closes up behind one leaving the recommendation); the list reloads."""
        return self._write_and_update(
            lambda: self.service.set_status(app_id, status, reason), {app_id}, "正在修改项目状态…", on_success
        )

    def delete_refusal(self, app_id: int, on_success: Callable[[str | None], None]) -> Task:
        """Why deleting would be refused (None: it may be deleted), read before the user is asked a reason."""
        return self.runner.run(lambda _p: self.service.delete_refusal(app_id), title="正在检查能否删除…",
                               cancellable=False, on_success=on_success)  # fmt: skip

    def delete(self, app_id: int, reason: str, on_success: Callable[[], None] | None = None) -> Task:
        """Delete an application entered by mistake (the service refuses where work would be lost)."""
        return self._write_and_update(lambda: self.service.delete(app_id, reason), {app_id}, "正在删除项目…", on_success)

    def _write_and_update(
        self, write: Callable[[], object], touched: set[int], title: str, on_success: Callable[[], None] | None
    ) -> Task:
        """Run a write, then update only the applications it changed (not the whole list)."""
        touched = touched | {i for i, a in self.apps.items() if a.is_recommended}  # the order may close up

        def work(_progress: Progress) -> Changes:
            write()
            return self.service.changes(touched)

        def done(changes: Changes) -> None:
            self._apply(changes)
            if on_success is not None:
                on_success()

        return self.runner.run(work, title=title, writes=True, cancellable=False, on_success=done)

    def _apply(self, changes: Changes) -> None:
        engine = self.engine
        for app in changes.updated:
            assert app.id is not None
            self.apps[app.id] = app
            if engine is not None:
                engine.update(app)
        for app_id in changes.removed:
            self.apps.pop(app_id, None)
            if engine is not None:
                engine.remove(app_id)
        if engine is not None:
            self._recompute()
        self.applications_changed.emit(changes)

    def import_workbook(self, path: Path, skip_bad_rows: bool, on_success: Callable[[ImportReport], None] | None = None) -> Task:
        def work(progress: Progress) -> tuple[ImportReport, list[Application]]:
            from gdiiot_desktop.services.intake import import_workbook

            progress(0, 0, f"正在导入 {path.name}…")
            report = import_workbook(self.ws, path, skip_bad_rows=skip_bad_rows)
            progress(0, 0, "正在读取申报项目…")
            return report, self.service.list()

        def done(result: tuple[ImportReport, list[Application]]) -> None:
            report, apps = result
            self._set_apps(apps)
            self.loaded.emit()
            self.check()
            self.imported.emit(report)
            if on_success is not None:
                on_success(report)

        return self.runner.run(work, title="正在导入 Excel…", writes=True, on_success=done)

    def replace_directions(self, directions: Sequence[Direction], confirmed: bool, on_success: Callable[[list[str]], None] | None = None) -> Task:
        def work(_progress: Progress) -> list[str]:
            from gdiiot_desktop.services import directions as direction_service

            return direction_service.replace_directions(self.ws, directions, confirmed=confirmed)

        def done(notes: list[str]) -> None:
            self._campaign_replaced()
            if on_success is not None:
                on_success(notes)

        return self.runner.run(work, title="正在保存方向清单…", writes=True, cancellable=False, on_success=done)

    def known_applicant(self, uscc: str, on_success: Callable[[Any], None]) -> Task:
        """The stored details of an enterprise by credit code (None when unknown), read off the GUI thread."""

        def work(_progress: Progress) -> Any:
            from gdiiot_desktop.services.enterprises import known_applicant

            return known_applicant(self.ws, uscc)

        return self.runner.run(work, title="正在查找企业信息…", on_success=on_success)

    def confirm_directions(self, on_success: Callable[[Any], None] | None = None) -> Task:
        def work(_progress: Progress) -> None:
            from gdiiot_desktop.services import directions as direction_service

            direction_service.confirm_directions(self.ws)

        def done(_result: Any) -> None:
            self._campaign_replaced()
            if on_success is not None:
                on_success(None)

        return self.runner.run(work, title="正在确认方向清单…", writes=True, cancellable=False, on_success=done)

    def read_directions(self, path: Path, on_success: Callable[[list[Direction]], None]) -> Task:
        def work(_progress: Progress) -> list[Direction]:
            from gdiiot_desktop.services import directions as direction_service

            return direction_service.read_directions(self.ws.campaign, path)

        return self.runner.run(work, title="正在读取方向清单…", on_success=on_success)

    def export_directions(self, path: Path, on_success: Callable[[Any], None] | None = None) -> Task:
        def work(_progress: Progress) -> None:
            from gdiiot_desktop.services import directions as direction_service

            direction_service.export_directions(self.ws.campaign, path)

        return self.runner.run(work, title="正在导出方向清单…", on_success=on_success)

    def _campaign_replaced(self) -> None:
        # The engine holds the campaign it was made with: check again under the new list.
        self.check_now()
        self.campaign_changed.emit()

    def _then_stored(self, on_success: Callable[[Application], None] | None) -> Callable[[Application], None]:
        def done(stored: Application) -> None:
            self._stored(stored)
            if on_success is not None:
                on_success(stored)

        return done

    def _stored(self, stored: Application) -> None:
        assert stored.id is not None
        self.apps[stored.id] = stored
        engine = self.ensure_engine()
        engine.update(stored)
        self._recompute()
        self.application_saved.emit(stored)

    # --- header and board -----------------------------------------------------------------------
    def header_texts(self, order: Sequence[int] | None = None) -> HeaderTexts:
        """The header for the stored recommendation, or for `order` (ids) while the board is being arranged."""
        if order is None:
            recommended = [a.applicant.is_central_enterprise for a in self.apps.values() if a.is_recommended]
        else:
            recommended = [self.apps[i].applicant.is_central_enterprise for i in order if i in self.apps]
        return header_texts(self.ws.campaign, self.ws.city, recommended, self.clock())

    def blocking(self, app_id: int) -> list[Violation]:
        """Errors that keep an application off the recommendation (the quota is the board's own business)."""
        return blocking(self.by_app.get(app_id, []))

    def board_state(self, ordered_ids: Sequence[int]) -> BoardState:
        """The quota line and the blockers for a recommendation order being arranged (not yet saved)."""
        return board_state(
            self.ws.campaign, self.quota_limit, self.apps, self.by_app, self.city_violations(), ordered_ids,
            overdue=self.header_texts().overdue,
        )  # fmt: skip

    # --- settings ---------------------------------------------------------------------------------
    def close(self) -> None:
        self.runner.shutdown(wait=True)
        self.ws.close()

"""Storing province task lists, their targets, and the marks on projects (what counts for which target)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.enums import Status
from ..domain.fund.model import FundStatus
from ..domain.tasks.model import ProvinceTask, Target, TaskList
from .audit import append_audit
from .database import Database
from .models import ApplicantRecord, ApplicationRecord
from .models_fund import FundApplicationRecord
from .models_tasks import ProjectMarkRecord, TaskListRecord, TaskRecord, TaskTargetRecord
from .repository import now_utc
from .settings_repository import read_settings, write_setting


@dataclass(frozen=True)
class ProjectRow:
    """A project that may count for the task list, as stored (marks are added by the service)."""

    ref: str
    project: str
    applicant: str
    source: str  # pilot / fund
    direction_id: str


LINKED_KEY = "task_linked_databases"  # JSON list of paths


class TaskRepository:
    def __init__(self, db: Database, actor: str):
        self.db = db
        self.actor = actor

    def save_list(self, task_list: TaskList, source_file: str) -> tuple[int, bool]:
        """Store a list; one with the same title is replaced (returns its id and whether it replaced one)."""
        with self.db.session() as session:
            old = session.scalars(select(TaskListRecord).where(TaskListRecord.title == task_list.title)).all()
            for record in old:
                session.delete(record)
            session.flush()
            record = TaskListRecord(
                title=task_list.title, year=task_list.year, source_file=source_file, imported_at=now_utc()
            )
            for task in task_list.tasks:
                record.tasks.append(_task_record(task))
            session.add(record)
            session.flush()
            self._audit(
                session, "tasks_import", "task_list", record.id,
                {"title": task_list.title, "rows": len(task_list.tasks), "file": source_file, "replaced": [r.id for r in old]},
            )  # fmt: skip
            return record.id, bool(old)

    def lists(self) -> list[TaskList]:
        with self.db.session() as session:
            records = session.scalars(
                select(TaskListRecord).order_by(TaskListRecord.year, TaskListRecord.id)
            ).all()
            return [TaskList(r.title, r.year, tuple(_task(t) for t in r.tasks)) for r in records]

    def set_targets(self, task_id: int, targets: list[Target]) -> ProvinceTask:
        with self.db.session() as session:
            record = session.get(TaskRecord, task_id)
            if record is None:
                raise KeyError(task_id)
            before = [_target_json(_target(t)) for t in record.targets]
            record.targets.clear()
            session.flush()
            for seq, target in enumerate(targets, 1):
                record.targets.append(_target_record(seq, replace(target, confirmed=True)))
            self._audit(
                session, "tasks_targets", "province_task", task_id,
                {"targets": [before, [_target_json(t) for t in targets]]},
            )  # fmt: skip
            session.flush()
            return _task(record)

    def marks(self) -> dict[str, set[str]]:
        with self.db.session() as session:
            found: dict[str, set[str]] = {}
            for row in session.scalars(select(ProjectMarkRecord)):
                found.setdefault(row.ref, set()).add(row.mark)
            return found

    def set_marks(self, ref: str, add: list[str], remove: list[str]) -> None:
        """Explicit marks; `!kind` records that a default mark does not apply to this project."""
        with self.db.session() as session:
            for mark in add + remove:
                session.execute(
                    delete(ProjectMarkRecord).where(
                        ProjectMarkRecord.ref == ref, ProjectMarkRecord.mark.in_([mark, "!" + mark])
                    )
                )
            for mark in add:
                session.add(ProjectMarkRecord(ref=ref, mark=mark))
            for mark in remove:
                session.add(ProjectMarkRecord(ref=ref, mark="!" + mark))
            self._audit(session, "tasks_mark", "project", ref, {"add": add, "remove": remove})

    def linked_paths(self) -> list[str]:
        """The other databases whose projects this one's task lists count (paths as stored)."""
        with self.db.session() as session:
            text = read_settings(session, [LINKED_KEY]).get(LINKED_KEY, "[]")
        try:
            paths = json.loads(text)
        except ValueError:
            return []
        return [p for p in paths if isinstance(p, str)] if isinstance(paths, list) else []

    def set_linked_paths(self, paths: list[str], change: dict[str, Any]) -> None:
        with self.db.session() as session:
            write_setting(session, LINKED_KEY, json.dumps(paths, ensure_ascii=False) if paths else None)
            self._audit(session, "tasks_link", "task_sources", "linked", change)

    def projects(self) -> list[ProjectRow]:
        """Recommended pilot applications and pooled fund applications of this database."""
        with self.db.session() as session:
            rows = [
                ProjectRow(f"pilot:{app_id}", name, applicant, "pilot", direction)
                for app_id, name, applicant, direction in session.execute(
                    select(
                        ApplicationRecord.id,
                        ApplicationRecord.project_name,
                        ApplicantRecord.name,
                        ApplicationRecord.direction_id,
                    )
                    .join(ApplicantRecord, ApplicationRecord.applicant_id == ApplicantRecord.id)
                    .where(ApplicationRecord.status == Status.RECOMMENDED.value)
                    .order_by(ApplicationRecord.priority, ApplicationRecord.id)
                )
            ]
            rows += [
                ProjectRow(f"fund:{app_id}", name, enterprise, "fund", direction)
                for app_id, name, enterprise, direction in session.execute(
                    select(
                        FundApplicationRecord.id,
                        FundApplicationRecord.project_name,
                        FundApplicationRecord.enterprise,
                        FundApplicationRecord.direction_id,
                    )
                    .where(FundApplicationRecord.status == FundStatus.POOLED.value)
                    .order_by(FundApplicationRecord.rank, FundApplicationRecord.id)
                )
            ]
            return rows

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: object, details: dict[str, Any]
    ) -> None:
        append_audit(
            session, actor=self.actor, action=action, entity=entity, entity_id=str(entity_id), details=details
        )


def _task_record(task: ProvinceTask) -> TaskRecord:
    record = TaskRecord(
        row=task.row, seq=task.seq, city=task.city, name=task.name, requirement=task.requirement,
        nature=task.nature, method=task.method, standard=task.standard, workload=task.workload,
        deadline_text=task.deadline_text, deadline=task.deadline,
    )  # fmt: skip
    for seq, target in enumerate(task.targets, 1):
        record.targets.append(_target_record(seq, target))
    return record


def _target_record(seq: int, target: Target) -> TaskTargetRecord:
    return TaskTargetRecord(
        seq=seq, kind=target.kind, count=target.count, within=target.within, confirmed=target.confirmed
    )


def _target(r: TaskTargetRecord) -> Target:
    return Target(kind=r.kind, count=r.count, within=r.within, confirmed=r.confirmed)


def _target_json(t: Target) -> dict[str, Any]:
    return {"kind": t.kind, "count": t.count, "within": t.within, "confirmed": t.confirmed}


def _task(r: TaskRecord) -> ProvinceTask:
    return ProvinceTask(
        seq=r.seq, city=r.city, name=r.name, requirement=r.requirement, nature=r.nature, method=r.method,
        standard=r.standard, workload=r.workload, deadline_text=r.deadline_text, deadline=r.deadline,
        targets=tuple(_target(t) for t in r.targets), id=r.id, row=r.row,
    )  # fmt: skip

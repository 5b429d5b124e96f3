"""Maps the domain's dataclasses to and from the database: applicants, applications, attachments."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, union
from sqlalchemy.orm import Session

from ..domain.enums import (
    ApplicantType,
    AttachmentClass,
    BuildStatus,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
    Status,
)
from ..domain.fields import FIELDS
from ..domain.model import Applicant, Application, Attachment, Contact
from ..domain.names import normalize_name
from ..domain.uscc import normalize_uscc
from .models import (
    ApplicantRecord,
    ApplicationRecord,
    AttachmentRecord,
    County,
    OverrideRecord,
)
from .models_exchange import ExchangeReturn, ExchangeSnapshot
from .models_exports import ExportSnapshotRecord
from .models_meeting import (
    MeetingExpertRecord,
    MeetingItemRecord,
    MeetingKeyedEntryRecord,
    MeetingRecord,
    MeetingRecusalRecord,
    MeetingScoreRecord,
)

_APPLICANT_FIELDS = [
    f.name for f in fields(Applicant) if f.name not in ("applicant_type", "applicant_type_text")
]


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class MeetingReference:
    """A review meeting that holds an application (as an item, or by scores, recusals or keyed sheets)."""

    meeting_id: int
    title: str
    locked: bool


@dataclass(frozen=True)
class DeletedApplication:
    """What `ApplicationRepository.delete` removed: everything needed to put the application back."""

    application: Application  # as stored, with its attachments (ids, hashes) and override reasons
    created_at: datetime
    updated_at: datetime
    overrides: list[dict[str, str]]  # every override row in full: rule, reason, actor, created_at
    applicant_removed: bool  # the applicant's row went too: no other application used it
    returns_closed: list[int]  # ids of open exchange returns of the application, now closed


class ApplicationRepository:
    """Reads and writes one city's applications inside one session (one unit of work)."""

    def __init__(self, session: Session):
        self.session = session
        self._counties: dict[str, County] = {}

    # --- reading ----------------------------------------------------------------------
    def load_all(self, ids: Iterable[int] | None = None) -> list[Application]:
        """Every application (or those with `ids`) as domain objects, in the order entered.

        Reads with plain SELECTs rather than ORM objects: a city of 10,000 loads in a fraction
        of a second this way.
        """
        s = self.session
        app_t = ApplicationRecord.__table__
        query = select(app_t).order_by(app_t.c.id)
        wanted = set(ids) if ids is not None else None
        if wanted is not None:
            query = query.where(app_t.c.id.in_(wanted))
        app_rows = s.execute(query).mappings().all()
        applicant_ids = {r["applicant_id"] for r in app_rows}
        app_ids = [r["id"] for r in app_rows]

        applicant_t = ApplicantRecord.__table__
        applicant_query = select(applicant_t)
        att_t = AttachmentRecord.__table__
        att_query = select(att_t).order_by(att_t.c.id)
        ov_t = OverrideRecord.__table__
        ov_query = select(ov_t.c.application_id, ov_t.c.rule_id, ov_t.c.reason)
        if wanted is not None:
            # A few applications: ask for just their rows. All of them: one scan each, no IN list.
            applicant_query = applicant_query.where(applicant_t.c.id.in_(applicant_ids))
            att_query = att_query.where(att_t.c.application_id.in_(app_ids))
            ov_query = ov_query.where(ov_t.c.application_id.in_(app_ids))
        applicants = {r["id"]: _applicant_from_row(r) for r in s.execute(applicant_query).mappings()}
        counties = {r.id: r.name for r in s.execute(select(County.id, County.name))}
        attachments: dict[int, list[Attachment]] = defaultdict(list)
        for r in s.execute(att_query).mappings():
            attachments[r["application_id"]].append(_attachment_from_row(r))
        overrides: dict[int, dict[str, str]] = defaultdict(dict)
        for ov in s.execute(ov_query):
            overrides[ov.application_id][ov.rule_id] = ov.reason
        return [
            _application_from_row(
                r,
                applicants[r["applicant_id"]],
                counties[r["county_id"]],
                attachments.get(r["id"], []),
                overrides.get(r["id"], {}),
            )
            for r in app_rows
        ]

    def get(self, app_id: int) -> Application | None:
        found = self.load_all([app_id])
        return found[0] if found else None

    def county_names(self) -> list[str]:
        return list(self.session.scalars(select(County.name).order_by(County.id)))

    def ids_by_identity(self) -> dict[tuple[str, str, str], list[int]]:
        """(county, applicant key, project key) → application ids: how an import finds what it made before."""
        rows = self.session.execute(
            select(
                ApplicationRecord.id,
                County.name,
                ApplicantRecord.uscc,
                ApplicantRecord.name,
                ApplicationRecord.project_key,
            )
            .join(County, ApplicationRecord.county_id == County.id)
            .join(ApplicantRecord, ApplicationRecord.applicant_id == ApplicantRecord.id)
            .order_by(ApplicationRecord.id)
        )
        out: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for app_id, county, uscc, name, project_key in rows:
            applicant = Applicant(uscc=uscc or "", name=name)
            out[(county, applicant.key, project_key)].append(app_id)
        return out

    # --- writing ----------------------------------------------------------------------
    def county(self, name: str) -> County:
        record = self._counties.get(name)
        if record is None:
            record = self.session.scalar(select(County).where(County.name == name))
        if record is None:
            record = County(name=name)
            self.session.add(record)
            self.session.flush()
        self._counties[name] = record
        return record

    def applicant(self, applicant: Applicant) -> ApplicantRecord:
        """The applicant's row, created or brought up to date (last filing wins)."""
        code = normalize_uscc(applicant.uscc) or None
        if code:
            record = self.session.scalar(select(ApplicantRecord).where(ApplicantRecord.uscc == code))
        else:
            record = self.session.scalar(
                select(ApplicantRecord).where(
                    ApplicantRecord.uscc.is_(None), ApplicantRecord.name == applicant.name
                )
            )
        if record is None:
            record = ApplicantRecord(uscc=code, name=applicant.name)
            self.session.add(record)
        for name in _APPLICANT_FIELDS:
            if name != "uscc":
                setattr(record, name, getattr(applicant, name))
        record.applicant_type = applicant.type_text
        self.session.flush()
        return record

    def save(
        self, app: Application, *, diff: bool = True, before: Application | None = None
    ) -> tuple[int, dict[str, list[Any]]]:
        """Insert or update `app` (not its attachments or overrides); returns (id, changes).

        `before` is the stored version when the caller has it already. With `diff=False` (bulk
        loads) the changes are not computed and come back empty.
        """
        if diff and before is None and app.id is not None:
            before = self.get(app.id)
        record = self.session.get(ApplicationRecord, app.id) if app.id is not None else None
        stamp = now_utc()
        applicant = self.applicant(app.applicant)
        county = self.county(app.county)
        if record is None:
            record = ApplicationRecord(created_at=stamp, uid=app.uid or uuid.uuid4().hex)
            self.session.add(record)
        record.applicant = applicant
        record.county = county
        record.project_name = app.project_name
        record.project_key = normalize_name(app.project_name)
        record.category_id = app.category_id
        record.direction_id = app.direction_id
        record.build_status = app.build_status.value
        record.innovation_acceptance = app.innovation_acceptance.value
        record.other_channel = app.other_channel.value
        record.pilot_year = app.pilot_year
        record.location_city = app.location_city
        record.location_county = app.location_county
        record.build_start = app.build_start
        record.build_end = app.build_end
        record.total_investment = app.total_investment
        record.co_applicants = app.co_applicants
        record.priority_conditions = json.dumps(
            sorted(c.value for c in app.priority_conditions), ensure_ascii=False
        )
        record.credit_checked = app.credit_checked
        record.commitment_letter = app.commitment_letter
        record.filed_on = app.filed_on
        record.contact_name = app.contact.name
        record.contact_title = app.contact.title
        record.contact_phone = app.contact.phone
        record.contact_mobile = app.contact.mobile
        record.contact_email = app.contact.email
        record.status = app.status.value
        record.priority = app.priority
        record.materials_received = json.dumps(sorted(app.materials_received), ensure_ascii=False)
        record.note = app.note
        record.updated_at = stamp
        self.session.flush()
        if not diff:
            return record.id, {}
        after = replace(
            app, id=record.id, uid=record.uid, applicant=replace(app.applicant, uscc=applicant.uscc or "")
        )
        return record.id, diff_applications(before, after)

    def set_override(self, app_id: int, rule_id: str, reason: str | None, actor: str) -> str | None:
        """Record (or with None, withdraw) the reason to accept a violation; returns the old reason."""
        record = self.session.scalar(
            select(OverrideRecord).where(
                OverrideRecord.application_id == app_id, OverrideRecord.rule_id == rule_id
            )
        )
        old = record.reason if record is not None else None
        if reason is None:
            if record is not None:
                self.session.delete(record)
        elif record is None:
            self.session.add(
                OverrideRecord(
                    application_id=app_id, rule_id=rule_id, reason=reason, actor=actor, created_at=now_utc()
                )
            )
        else:
            record.reason, record.actor, record.created_at = reason, actor, now_utc()
        self.session.flush()
        return old

    def add_attachment(self, app_id: int, attachment: Attachment) -> int:
        record = AttachmentRecord(
            application_id=app_id,
            attachment_class=attachment.attachment_class.value,
            file_name=attachment.file_name,
            source_path=attachment.source_path,
            sha256=attachment.sha256,
            size=attachment.size,
            year=attachment.year,
            pages=attachment.pages,
            duration_seconds=attachment.duration_seconds,
            note=attachment.note,
            added_at=now_utc(),
        )
        self.session.add(record)
        self.session.flush()
        return record.id

    def reclassify_attachment(
        self, attachment_id: int, cls: AttachmentClass, year: int | None
    ) -> AttachmentRecord | None:
        """File an attachment under another class (and year); the stored bytes do not move."""
        record = self.session.get(AttachmentRecord, attachment_id)
        if record is not None:
            record.attachment_class = cls.value
            record.year = year
            self.session.flush()
        return record

    def remove_attachment(self, attachment_id: int) -> AttachmentRecord | None:
        record = self.session.get(AttachmentRecord, attachment_id)
        if record is not None:
            self.session.delete(record)
            self.session.flush()
        return record

    def meeting_references(self, app_id: int) -> list[MeetingReference]:
        """Every review meeting that refers to the application, in the order the meetings were made."""
        by_expert = [
            select(MeetingExpertRecord.meeting_id)
            .join(sheet, sheet.expert_id == MeetingExpertRecord.id)
            .where(sheet.application_id == app_id)
            for sheet in (MeetingScoreRecord, MeetingRecusalRecord, MeetingKeyedEntryRecord)
        ]
        referring = union(
            select(MeetingItemRecord.meeting_id).where(MeetingItemRecord.application_id == app_id), *by_expert
        ).subquery()
        rows = self.session.execute(
            select(MeetingRecord.id, MeetingRecord.title, MeetingRecord.locked_at)
            .where(MeetingRecord.id.in_(select(referring.c[0])))
            .order_by(MeetingRecord.id)
        )
        return [MeetingReference(r.id, r.title, r.locked_at is not None) for r in rows]

    def merge_base_county(self, uid: str) -> str | None:
        """The county whose bundle the application was merged from (its merge base is kept), else None."""
        return self.session.scalar(select(ExchangeSnapshot.county).where(ExchangeSnapshot.uid == uid))

    def export_snapshots_with(self, uid: str) -> list[str]:
        """Ids of the frozen export snapshots whose payload holds the application."""
        needle = f'"uid":"{uid}"'  # snapshots are canonical JSON: no spaces
        return list(
            self.session.scalars(
                select(ExportSnapshotRecord.id)
                .where(ExportSnapshotRecord.payload.contains(needle, autoescape=True))
                .order_by(ExportSnapshotRecord.id)
            )
        )

    def delete(self, app_id: int) -> DeletedApplication | None:
        """Remove the application with its attachments' rows and its overrides; None when there is none.

        The caller decides whether it may go (see ApplicationService.delete) and audits it. The
        files in the attachment store stay: they are named by their hash and may be shared.
        Nothing else moves: other applications keep their priorities.
        """
        app = self.get(app_id)
        row = self.session.execute(
            select(
                ApplicationRecord.created_at, ApplicationRecord.updated_at, ApplicationRecord.applicant_id
            ).where(ApplicationRecord.id == app_id)
        ).first()
        if app is None or row is None:
            return None
        created_at, updated_at, applicant_id = row
        overrides = [
            {"rule": o.rule_id, "reason": o.reason, "actor": o.actor, "created_at": o.created_at.isoformat()}
            for o in self.session.scalars(
                select(OverrideRecord)
                .where(OverrideRecord.application_id == app_id)
                .order_by(OverrideRecord.id)
            )
        ]
        # Open returns of the application would stay open for ever (nothing will answer them).
        returns_closed = []
        stamp = now_utc()
        for ret in self.session.scalars(
            select(ExchangeReturn)
            .where(ExchangeReturn.uid == app.uid, ExchangeReturn.resolved_at.is_(None))
            .order_by(ExchangeReturn.id)
        ):
            ret.resolved_at = stamp
            returns_closed.append(ret.id)
        self.session.execute(delete(OverrideRecord).where(OverrideRecord.application_id == app_id))
        self.session.execute(delete(AttachmentRecord).where(AttachmentRecord.application_id == app_id))
        self.session.execute(delete(ApplicationRecord).where(ApplicationRecord.id == app_id))
        still_used = self.session.scalar(
            select(func.count())
            .select_from(ApplicationRecord)
            .where(ApplicationRecord.applicant_id == applicant_id)
        )
        if not still_used:
            # The applicant's details are in the deleted application's audit entry.
            self.session.execute(delete(ApplicantRecord).where(ApplicantRecord.id == applicant_id))
        self.session.flush()
        return DeletedApplication(
            application=app,
            created_at=created_at,
            updated_at=updated_at,
            overrides=overrides,
            applicant_removed=not still_used,
            returns_closed=returns_closed,
        )

    def recommended_order(self) -> list[int]:
        """Ids of the recommended applications, in their priority order (without loading them)."""
        return list(
            self.session.scalars(
                select(ApplicationRecord.id)
                .where(ApplicationRecord.status == Status.RECOMMENDED.value)
                .order_by(ApplicationRecord.priority, ApplicationRecord.id)
            )
        )

    def set_status(self, app_id: int, status: Status) -> None:
        """Set a status other than 已推荐 (recommending goes through set_order, which gives the priority)."""
        assert status is not Status.RECOMMENDED
        record = self.session.get(ApplicationRecord, app_id)
        assert record is not None
        record.status = status.value
        record.priority = None
        record.updated_at = now_utc()
        self.session.flush()

    def set_order(self, ordered_ids: list[int]) -> None:
        """Recommend exactly `ordered_ids`, in that order; every other active application is not recommended."""
        position = {app_id: i for i, app_id in enumerate(ordered_ids, start=1)}
        for record in self.session.scalars(select(ApplicationRecord)):
            if record.id in position:
                record.status = Status.RECOMMENDED.value
                record.priority = position[record.id]
            elif record.status == Status.RECOMMENDED.value:
                record.status = Status.REGISTERED.value
                record.priority = None
        self.session.flush()


def diff_applications(before: Application | None, after: Application) -> dict[str, list[Any]]:
    """Changed fields as {name: [old, new]} in plain JSON values; every field when `before` is None."""
    old = _flat(before) if before is not None else {}
    new = _flat(after)
    return {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}


def _flat(app: Application) -> dict[str, Any]:
    """Every registry field but the uid as a plain JSON value, and the attachments as "class:sha256"."""
    out = {f.name: f.to_json(f.get(app)) for f in FIELDS if f.name != "uid"}
    out["attachments"] = sorted(f"{a.attachment_class.value}:{a.sha256}" for a in app.attachments)
    return out


def _applicant_from_row(r: Any) -> Applicant:
    kind = r["applicant_type"] or ""
    known = kind in ApplicantType._value2member_map_
    return Applicant(
        uscc=r["uscc"] or "",
        name=r["name"],
        applicant_type=ApplicantType(kind) if known else None,
        applicant_type_text="" if known else kind,
        **{name: r[name] for name in _APPLICANT_FIELDS if name not in ("uscc", "name")},
    )


def _attachment_from_row(r: Any) -> Attachment:
    return Attachment(
        id=r["id"],
        attachment_class=AttachmentClass(r["attachment_class"]),
        file_name=r["file_name"],
        source_path=r["source_path"] or "",
        sha256=r["sha256"],
        size=r["size"],
        year=r["year"],
        pages=r["pages"],
        duration_seconds=r["duration_seconds"],
        note=r["note"] or "",
    )


def _application_from_row(
    r: Any,
    applicant: Applicant,
    county: str,
    attachments: list[Attachment],
    overrides: dict[str, str],
) -> Application:
    return Application(
        id=r["id"],
        uid=r["uid"],
        project_name=r["project_name"],
        applicant=applicant,
        county=county,
        category_id=r["category_id"],
        direction_id=r["direction_id"],
        build_status=BuildStatus(r["build_status"]),
        innovation_acceptance=InnovationAcceptance(r["innovation_acceptance"]),
        other_channel=OtherChannel(r["other_channel"]),
        pilot_year=r["pilot_year"],
        location_city=r["location_city"],
        location_county=r["location_county"],
        build_start=r["build_start"],
        build_end=r["build_end"],
        total_investment=r["total_investment"],
        co_applicants=r["co_applicants"],
        priority_conditions=frozenset(PriorityCondition(v) for v in json.loads(r["priority_conditions"])),
        credit_checked=bool(r["credit_checked"]),
        commitment_letter=bool(r["commitment_letter"]),
        filed_on=r["filed_on"],
        contact=Contact(
            name=r["contact_name"],
            title=r["contact_title"],
            phone=r["contact_phone"],
            mobile=r["contact_mobile"],
            email=r["contact_email"],
        ),
        status=Status(r["status"]),
        priority=r["priority"],
        attachments=attachments,
        materials_received=frozenset(json.loads(r["materials_received"])),
        overrides=overrides,
        note=r["note"],
    )

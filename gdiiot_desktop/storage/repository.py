"""Maps the domain's dataclasses to and from the database: applicants, applications, attachments."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
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

_APPLICANT_FIELDS = [f.name for f in fields(Applicant) if f.name not in ("applicant_type", "applicant_type_text")]


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


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
                r, applicants[r["applicant_id"]], counties[r["county_id"]],
                attachments.get(r["id"], []), overrides.get(r["id"], {}),
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
        record.priority_conditions = json.dumps(sorted(c.value for c in app.priority_conditions), ensure_ascii=False)
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
        after = replace(app, id=record.id, uid=record.uid, applicant=replace(app.applicant, uscc=applicant.uscc or ""))
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
    out: dict[str, Any] = {}
    for f in fields(Application):
        if f.name in ("attachments", "id", "uid"):
            continue
        value = getattr(app, f.name)
        if f.name == "applicant":
            for af in fields(Applicant):
                out["applicant." + af.name] = _plain(getattr(value, af.name))
        elif f.name == "contact":
            for cf in fields(Contact):
                out["contact." + cf.name] = getattr(value, cf.name)
        else:
            out[f.name] = _plain(value)
    out["attachments"] = sorted(f"{a.attachment_class.value}:{a.sha256}" for a in app.attachments)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(str(v) for v in value)
    if isinstance(value, dict):
        return dict(sorted(value.items()))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def _applicant_from_row(r: Any) -> Applicant:
    kind = r["applicant_type"] or ""
    known = kind in ApplicantType._value2member_map_
    return Applicant(
        uscc=r["uscc"] or "",
        name=r["name"],
        applicant_type=ApplicantType(kind) if known else None,
        applicant_type_text="" if known else kind,
        **{
            name: r[name]
            for name in _APPLICANT_FIELDS
            if name not in ("uscc", "name")
        },
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

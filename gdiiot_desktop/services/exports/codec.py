"""Applications to and from plain JSON values: the content of a frozen snapshot.

Explicit field by field, so a snapshot written today reads back the same after the model grows
(new fields take their defaults).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...domain.enums import (
    ApplicantType,
    AttachmentClass,
    BuildStatus,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
    Status,
)
from ...domain.model import Applicant, Application, Attachment, Contact

Json = dict[str, Any]


def application_to_json(app: Application) -> Json:
    a = app.applicant
    return {
        "id": app.id,
        "uid": app.uid,
        "project_name": app.project_name,
        "county": app.county,
        "category_id": app.category_id,
        "direction_id": app.direction_id,
        "build_status": app.build_status.value,
        "innovation_acceptance": app.innovation_acceptance.value,
        "other_channel": app.other_channel.value,
        "pilot_year": app.pilot_year,
        "location_city": app.location_city,
        "location_county": app.location_county,
        "build_start": _date(app.build_start),
        "build_end": _date(app.build_end),
        "total_investment": app.total_investment,
        "co_applicants": app.co_applicants,
        "priority_conditions": sorted(c.value for c in app.priority_conditions),
        "credit_checked": app.credit_checked,
        "commitment_letter": app.commitment_letter,
        "filed_on": _date(app.filed_on),
        "contact": {
            "name": app.contact.name,
            "title": app.contact.title,
            "phone": app.contact.phone,
            "mobile": app.contact.mobile,
            "email": app.contact.email,
        },
        "status": app.status.value,
        "priority": app.priority,
        "materials_received": sorted(app.materials_received),
        "overrides": dict(sorted(app.overrides.items())),
        "note": app.note,
        "applicant": {
            "uscc": a.uscc,
            "name": a.name,
            "applicant_type": a.applicant_type.value if a.applicant_type else None,
            "applicant_type_text": a.applicant_type_text,
            "is_central_enterprise": a.is_central_enterprise,
            "independent_legal_person": a.independent_legal_person,
            "registered_city": a.registered_city,
            "registered_address": a.registered_address,
            "founded": _date(a.founded),
            "registered_capital": a.registered_capital,
            "legal_representative": a.legal_representative,
            "employees": a.employees,
            "revenue": a.revenue,
            "profit": a.profit,
            "rnd_spending": a.rnd_spending,
            "industry": a.industry,
        },
        "attachments": [attachment_to_json(x) for x in app.attachments],
    }


def attachment_to_json(x: Attachment) -> Json:
    return {
        "id": x.id,
        "class": x.attachment_class.value,
        "file_name": x.file_name,
        "sha256": x.sha256,
        "size": x.size,
        "year": x.year,
        "pages": x.pages,
        "duration_seconds": x.duration_seconds,
        "note": x.note,
        "source_path": x.source_path,
    }


def application_from_json(d: Json) -> Application:
    a = d["applicant"]
    c = d.get("contact", {})
    applicant = Applicant(
        uscc=a["uscc"],
        name=a["name"],
        applicant_type=ApplicantType(a["applicant_type"]) if a.get("applicant_type") else None,
        applicant_type_text=a.get("applicant_type_text", ""),
        is_central_enterprise=a.get("is_central_enterprise", False),
        independent_legal_person=a.get("independent_legal_person", True),
        registered_city=a.get("registered_city", ""),
        registered_address=a.get("registered_address", ""),
        founded=_parse_date(a.get("founded")),
        registered_capital=a.get("registered_capital"),
        legal_representative=a.get("legal_representative", ""),
        employees=a.get("employees"),
        revenue=a.get("revenue"),
        profit=a.get("profit"),
        rnd_spending=a.get("rnd_spending"),
        industry=a.get("industry", ""),
    )
    return Application(
        project_name=d["project_name"],
        applicant=applicant,
        county=d["county"],
        category_id=d["category_id"],
        direction_id=d["direction_id"],
        id=d.get("id"),
        uid=d.get("uid", ""),
        build_status=BuildStatus(d.get("build_status", BuildStatus.BUILT.value)),
        innovation_acceptance=InnovationAcceptance(
            d.get("innovation_acceptance", InnovationAcceptance.NOT_APPLICABLE.value)
        ),
        other_channel=OtherChannel(d.get("other_channel", OtherChannel.NONE.value)),
        pilot_year=d.get("pilot_year"),
        location_city=d.get("location_city", ""),
        location_county=d.get("location_county", ""),
        build_start=_parse_date(d.get("build_start")),
        build_end=_parse_date(d.get("build_end")),
        total_investment=d.get("total_investment"),
        co_applicants=d.get("co_applicants", ""),
        priority_conditions=frozenset(PriorityCondition(v) for v in d.get("priority_conditions", [])),
        credit_checked=d.get("credit_checked", False),
        commitment_letter=d.get("commitment_letter", False),
        filed_on=_parse_date(d.get("filed_on")),
        contact=Contact(
            name=c.get("name", ""),
            title=c.get("title", ""),
            phone=c.get("phone", ""),
            mobile=c.get("mobile", ""),
            email=c.get("email", ""),
        ),
        status=Status(d.get("status", Status.RECOMMENDED.value)),
        priority=d.get("priority"),
        attachments=[attachment_from_json(x) for x in d.get("attachments", [])],
        materials_received=frozenset(d.get("materials_received", [])),
        overrides=dict(d.get("overrides", {})),
        note=d.get("note", ""),
    )


def attachment_from_json(x: Json) -> Attachment:
    return Attachment(
        attachment_class=AttachmentClass(x["class"]),
        file_name=x["file_name"],
        sha256=x["sha256"],
        size=x["size"],
        id=x.get("id"),
        year=x.get("year"),
        pages=x.get("pages"),
        duration_seconds=x.get("duration_seconds"),
        note=x.get("note", ""),
        source_path=x.get("source_path", ""),
    )


def _date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None

"""What every rule needs besides the applications: the campaign and the city, and a helper to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..campaign import Campaign, City, Material
from ..enums import AttachmentClass, Grade
from ..model import Application, Violation


@dataclass(frozen=True)
class RuleContext:
    campaign: Campaign
    city: City | None
    now: datetime | None = None  # set when the deadline should be judged (exports)
    # rule id → (grade, overridable, citation), looked up once: a full check reports tens of thousands
    _specs: dict[str, tuple[Grade, bool, str]] = field(default_factory=dict, compare=False, repr=False)
    # required materials MATERIALS_MISSING looks for (the video has a rule of its own)
    checked_materials: tuple[Material, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        for rule_id, spec in self.campaign.rules.items():
            self._specs[rule_id] = (spec.grade, spec.overridable, spec.citation)
        materials = tuple(
            m for m in self.campaign.materials if m.required and m.attachment_class is not AttachmentClass.VIDEO
        )
        object.__setattr__(self, "checked_materials", materials)

    def violation(
        self,
        rule_id: str,
        message: str,
        app: Application | None = None,
        *,
        grade: Grade | None = None,
        field: str | None = None,
    ) -> Violation:
        spec_grade, spec_overridable, citation = self._specs[rule_id]
        final_grade = grade or spec_grade
        overridable = spec_overridable or final_grade is Grade.NEEDS_EXPLANATION
        reason = app.overrides.get(rule_id) if (app is not None and overridable) else None
        return Violation(
            rule=rule_id,
            grade=final_grade,
            message=message,
            clause=citation,
            application_id=app.id if app else None,
            project=app.project_name if app else None,
            applicant_uscc=(app.applicant.uscc or None) if app else None,
            applicant_name=app.applicant.name if app else None,
            county=app.county if app else None,
            field=field,
            overridable=overridable,
            override_reason=reason,
        )


def order_key(app: Application, fallback: int) -> tuple[int, int, int]:
    """Recommended applications first in priority order, then the rest in the order entered."""
    if app.is_recommended and app.priority is not None:
        return (0, app.priority, app.id if app.id is not None else fallback)
    return (1, 0, app.id if app.id is not None else fallback)

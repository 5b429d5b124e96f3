"""An open registry of rules: a rule registers under its id, a campaign enables the ids it names.

Two shapes of rule register here:
- city-wide checks `(context, the city's applications) → violations` (`register_rule`): a kind's
  checker runs `enabled_rules(kind, campaign.rules)` (the special-fund rules, domain/fund/rules.py);
- one-application checks `(context, application) → violations` (`register_application_rule`): the
  pilot engine runs `application_rules(kind, campaign.rules)` for each application it (re-)checks.
A new rule is a new decorated function in a module its kind imports, and its settings (grade, clause)
in the campaign file, which enables it by naming it; no engine is edited. The pilot kind's rules over an
applicant's projects and over the city (quota, deadline) still run from its incremental engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ..model import Violation

# (context, the city's applications) → violations; context and applications are the kind's own types.
RuleCheck = Callable[[Any, list[Any]], Iterable[Violation]]
F = TypeVar("F", bound=RuleCheck)


@dataclass(frozen=True)
class RegisteredRule:
    id: str
    kind: str  # the campaign kind whose applications it reads
    title: str
    check: RuleCheck
    order: int  # registration order: violations of one application are listed in it


_RULES: dict[str, RegisteredRule] = {}


def register_rule(rule_id: str, *, kind: str, title: str) -> Callable[[F], F]:
    """Decorator: register `check` under `rule_id` (ids are global: one id, one rule)."""

    def decorate(check: F) -> F:
        existing = _RULES.get(rule_id)
        if existing is not None and existing.check is not check:
            raise ValueError(f"rule id registered twice: {rule_id}")
        _RULES[rule_id] = RegisteredRule(rule_id, kind, title, check, len(_RULES))
        return check

    return decorate


def registered_rule(rule_id: str) -> RegisteredRule | None:
    return _RULES.get(rule_id)


def rules_of_kind(kind: str) -> list[RegisteredRule]:
    return sorted((r for r in _RULES.values() if r.kind == kind), key=lambda r: r.order)


def enabled_rules(kind: str, configured: Mapping[str, object]) -> list[RegisteredRule]:
    """The registered rules of `kind` that a campaign configures, in registration order."""
    return [r for r in rules_of_kind(kind) if r.id in configured]


# (context, one application) → violations.
ApplicationCheck = Callable[[Any, Any], Iterable[Violation]]
A = TypeVar("A", bound=ApplicationCheck)


@dataclass(frozen=True)
class RegisteredApplicationRule:
    id: str
    kind: str
    check: ApplicationCheck
    order: int


_APPLICATION_RULES: dict[str, RegisteredApplicationRule] = {}


def register_application_rule(rule_id: str, *, kind: str) -> Callable[[A], A]:
    """Decorator: register a one-application check under `rule_id` for campaigns of `kind`."""

    def decorate(check: A) -> A:
        existing = _APPLICATION_RULES.get(rule_id)
        if existing is not None and existing.check is not check:
            raise ValueError(f"rule id registered twice: {rule_id}")
        _APPLICATION_RULES[rule_id] = RegisteredApplicationRule(rule_id, kind, check, len(_APPLICATION_RULES))
        return check

    return decorate


def application_rules(kind: str, configured: Mapping[str, object]) -> list[RegisteredApplicationRule]:
    """The one-application rules of `kind` that a campaign configures, in registration order."""
    found = (r for r in _APPLICATION_RULES.values() if r.kind == kind and r.id in configured)
    return sorted(found, key=lambda r: r.order)


def registered_rule_ids(kind: str) -> set[str]:
    """Every rule id registered for `kind`, of either shape."""
    return {r.id for r in _RULES.values() if r.kind == kind} | {
        r.id for r in _APPLICATION_RULES.values() if r.kind == kind
    }

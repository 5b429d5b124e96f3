"""An open registry of rules: a rule registers under its id, a campaign enables the ids it names.

A campaign kind's checker runs `enabled_rules(kind, campaign.rules)`: a new rule is a new
decorated function in any domain module (imported by its kind), and the checker is not edited.
The pilot-recommendation rules keep their own engine (incremental, SPEC's fixed table); the
special-fund rules (domain/fund/rules.py) are the first to go through this registry.
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

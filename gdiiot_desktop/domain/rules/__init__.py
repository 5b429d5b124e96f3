"""The rule engine: every rule of the campaign as pure functions over one city's applications.

`check_city` checks everything at once; `RuleEngine` keeps the results and re-checks only what
one edit can change, so the GUI can re-check on every keystroke.
"""

from .engine import RULE_ORDER, RuleEngine, check_city

__all__ = ["RULE_ORDER", "RuleEngine", "check_city"]

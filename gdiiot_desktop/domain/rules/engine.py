"""Runs all rules over a city's applications, in full or incrementally after one edit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from ..campaign import ALL_RULES, Campaign
from ..model import Application, Violation
from ..names import normalize_name
from .city import check_deadline, check_quota
from .context import RuleContext, order_key
from .per_applicant import check_applicant
from .per_application import check_application

# The order of SPEC's rule table (with the rules added since before DEADLINE): violations of one
# application are listed in it.
RULE_ORDER = ALL_RULES
_RULE_RANK = {rule: i for i, rule in enumerate(RULE_ORDER)}
_CODE, _NAME = "code:", "name:"


def check_city(
    campaign: Campaign,
    city_name: str,
    apps: Iterable[Application],
    now: datetime | None = None,
) -> list[Violation]:
    """Every violation among one city's applications: city-wide ones first, then in priority order.

    Applications without an id (not saved yet) get temporary negative ids.
    """
    engine = RuleEngine(campaign, city_name, now=now)
    engine.load(
        app if app.id is not None else replace(app, id=-(i + 1)) for i, app in enumerate(apps)
    )
    return engine.violations()


class RuleEngine:
    """Keeps each application's violations, so one edit re-checks only what it can change.

    Applicant rules run over *clusters*: applications linked by the same 统一社会信用代码 or the
    same normalised applicant name (so a duplicate filed under a mistyped code is still found).
    An edit re-checks the clusters the application left and joined. Every application needs an id.
    """

    def __init__(self, campaign: Campaign, city_name: str, now: datetime | None = None):
        self.ctx = RuleContext(campaign, campaign.city(city_name), now)
        self._apps: dict[int, Application] = {}
        self._per_app: dict[int, list[Violation]] = {}
        self._members: dict[str, set[int]] = defaultdict(set)  # applicant key → active app ids
        self._per_cluster: dict[int, list[Violation]] = {}  # app id → its applicant-rule violations

    def load(self, apps: Iterable[Application]) -> None:
        for app in apps:
            self._put(app)
        pending = set(self._apps)
        while pending:
            cluster = self._cluster(_group_keys(self._apps[pending.pop()]))
            pending -= cluster
            self._recheck(cluster)

    def update(self, app: Application) -> None:
        """Re-check after `app` was added or edited."""
        touched = self._remove(_id(app)) | self._put(app)
        self._recheck_keys(touched)

    def remove(self, app_id: int) -> None:
        self._recheck_keys(self._remove(app_id))

    def violations(self) -> list[Violation]:
        apps = list(self._apps.values())
        found = check_deadline(self.ctx) + check_quota(self.ctx, apps)
        for per_app in self._per_app.values():
            found.extend(per_app)
        for per_cluster in self._per_cluster.values():
            found.extend(per_cluster)
        rank = {app_id: order_key(app, app_id) for app_id, app in self._apps.items()}

        def sort_key(v: Violation) -> tuple[object, ...]:
            if v.application_id is None:
                return (0, (0, 0, 0), _RULE_RANK.get(v.rule, 99))
            return (1, rank.get(v.application_id, (9, 0, 0)), _RULE_RANK.get(v.rule, 99))

        found.sort(key=sort_key)
        return found

    def violations_of(self, app_id: int) -> list[Violation]:
        """One application's violations, without sorting the whole city's (fast, for the editor)."""
        app = self._apps.get(app_id)
        if app is None:
            return []
        found = self._per_app.get(app_id, []) + self._per_cluster.get(app_id, [])
        if app.is_recommended:
            found += [v for v in check_quota(self.ctx, list(self._apps.values())) if v.application_id == app_id]
        found.sort(key=lambda v: _RULE_RANK.get(v.rule, 99))
        return found

    # --- internals ------------------------------------------------------------------
    def _put(self, app: Application) -> set[str]:
        app_id = _id(app)
        self._apps[app_id] = app
        if not app.status.is_active:
            self._per_app[app_id] = []
            return set()
        self._per_app[app_id] = check_application(self.ctx, app)
        keys = _group_keys(app)
        for key in keys:
            self._members[key].add(app_id)
        return keys

    def _remove(self, app_id: int) -> set[str]:
        old = self._apps.pop(app_id, None)
        self._per_app.pop(app_id, None)
        self._per_cluster.pop(app_id, None)
        if old is None:
            return set()
        touched = set()
        for key in _group_keys(old):
            members = self._members.get(key)
            if members is not None and app_id in members:
                members.discard(app_id)
                touched.add(key)
                if not members:
                    del self._members[key]
        return touched

    def _cluster(self, keys: Iterable[str]) -> set[int]:
        """Every active application reachable from `keys` through shared codes or names."""
        found: set[int] = set()
        todo = list(keys)
        seen: set[str] = set()
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            for app_id in self._members.get(key, ()):
                if app_id not in found:
                    found.add(app_id)
                    todo.extend(_group_keys(self._apps[app_id]))
        return found

    def _recheck_keys(self, keys: set[str]) -> None:
        done: set[int] = set()
        for key in keys:
            cluster = self._cluster([key]) - done
            if cluster:
                self._recheck(cluster)
                done |= cluster

    def _recheck(self, cluster: set[int]) -> None:
        apps = sorted((self._apps[i] for i in cluster), key=lambda a: order_key(a, _id(a)))
        for app_id in cluster:
            self._per_cluster[app_id] = []
        for v in check_applicant(self.ctx, apps):
            assert v.application_id is not None
            self._per_cluster[v.application_id].append(v)


def _id(app: Application) -> int:
    if app.id is None:
        raise ValueError("RuleEngine needs applications with ids")
    return app.id


def _group_keys(app: Application) -> set[str]:
    keys = {_CODE + app.applicant.key}
    name = normalize_name(app.applicant.name)
    if name:
        keys.add(_NAME + name)
    return keys

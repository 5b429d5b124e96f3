"""Outcome of a meeting: adopting the ranking as the priority order, locking, the audit trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.meeting import results, scoring, setup
from gdiiot_desktop.services.meeting.errors import MeetingError, MeetingLockedError
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.models import AuditEntry
from tests.meeting.factory import World, make_world

# Totals per application (factory order) from each of three experts; index 3 is a central enterprise.
# Trimmed means (the middle one of three): 82, 88, 72, 66, 93, 85, 52.
TOTALS = {
    0: [80, 82, 84],
    1: [90, 60, 88],
    2: [70, 72, 74],
    3: [65, 66, 67],
    4: [95, 93, 40],
    5: [85, 85, 85],
    6: [50, 55, 52],
}


def points_for(total: int) -> list[float]:
    """Four criterion scores (max 30, 30, 25, 15) adding up to `total`."""
    share = [0.3, 0.3, 0.25, 0.15]
    raw = [round(total * s * 2) / 2 for s in share]
    raw[0] += total - sum(raw)
    return raw


@pytest.fixture
def scored(tmp_path: Path) -> World:
    world = make_world(tmp_path, experts=3, apps=7)
    for index, totals in TOTALS.items():
        for expert, total in zip(world.experts, totals, strict=True):
            scoring.score(
                world.ws, world.meeting.id, expert.id, world.app_ids[index], points_for(total), "意见"
            )
    return world


def test_proposal_and_adoption_with_the_quota_line(scored: World) -> None:
    ws, m, ids = scored.ws, scored.meeting.id, scored.app_ids
    res = results.compute_results(ws, m)
    assert res.quota == 5  # 韶关 is in 粤北
    ranked = [line.item.application_id for line in res.proposal]
    # Five local projects fill the quota; the central one below them is still in, the last is out.
    assert ranked == [ids[4], ids[1], ids[5], ids[0], ids[2], ids[3], ids[6]]
    central = next(line for line in res.proposal if line.item.application_id == ids[3])
    assert central.recommended and not central.counts_quota
    assert [line.recommended for line in res.proposal] == [True, True, True, True, True, True, False]
    assert res.proposal[-1].note == "超出推荐指标（5个）"

    order = results.adopt_ranking(ws, m)
    assert order == ranked[:6]
    apps = {a.id: a for a in ApplicationService(ws).list()}
    assert [apps[i].priority for i in order] == [1, 2, 3, 4, 5, 6]
    assert apps[ids[6]].status is Status.REGISTERED and apps[ids[6]].priority is None


def test_adoption_leaves_out_applications_with_errors(tmp_path: Path) -> None:
    world = make_world(tmp_path, experts=1, apps=2)
    ws, m = world.ws, world.meeting.id
    for app_id, total in zip(world.app_ids, (90, 80), strict=True):
        scoring.score(ws, m, world.experts[0].id, app_id, points_for(total))
    ApplicationService(ws).remove_attachment(
        world.app_ids[0], ApplicationService(ws).get(world.app_ids[0]).attachments[0].id or 0
    )
    res = results.compute_results(ws, m)
    assert res.proposal[0].note == "存在未处理的错误（项目视频（5~10分钟））"
    assert results.adopt_ranking(ws, m) == [world.app_ids[1]]
    world.ws.close()


def test_locked_results_cannot_change(scored: World) -> None:
    ws, m = scored.ws, scored.meeting.id
    e, a = scored.experts[0].id, scored.app_ids[0]
    digest = results.lock_results(ws, m)
    assert len(digest) == 64 and results.compute_results(ws, m).digest() == digest
    for attempt in (
        lambda: scoring.score(ws, m, e, a, [20, 20, 20, 10]),
        lambda: scoring.key_sheet(ws, m, e, a, 1, [20, 20, 20, 10]),
        lambda: scoring.clear_sheet(ws, m, e, a),
        lambda: setup.recuse(ws, m, e, a, "同一单位"),
        lambda: setup.add_expert(ws, m, "新专家"),
        lambda: setup.update_meeting(ws, m, place="别处"),
        lambda: setup.set_applications(ws, m, scored.app_ids[:2]),
        lambda: results.lock_results(ws, m),
    ):
        with pytest.raises(MeetingLockedError, match="已锁定"):
            attempt()
    assert results.adopt_ranking(ws, m)  # a locked result can still be adopted


def test_lock_needs_scores(world: World) -> None:
    with pytest.raises(MeetingError, match="尚无任何评分"):
        results.lock_results(world.ws, world.meeting.id)


def test_everything_is_audited(scored: World) -> None:
    ws, m = scored.ws, scored.meeting.id
    setup.recuse(ws, m, scored.experts[0].id, scored.app_ids[1], "咨询服务关系")
    results.adopt_ranking(ws, m)
    results.lock_results(ws, m)
    with ws.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "meeting")).all()
        assert verify_chain(session) == []
    actions = [e.action for e in entries]
    assert actions[0] == "create" and actions.count("add_expert") == 3
    assert actions.count("score") == 21
    assert {"recuse", "adopt", "lock"} <= set(actions)
    recusal = json.loads(next(e.details for e in entries if e.action == "recuse"))
    assert recusal["removed_score"]["points"]  # the removed score stays on record
    assert all(e.actor == "录入员甲" for e in entries)

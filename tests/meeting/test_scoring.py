"""Scoring through the services: direct scores, the double-entry check, recusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gdiiot_desktop.domain.meeting.model import RecusalKind, ScoreSource
from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.meeting import results, scoring, setup
from gdiiot_desktop.services.meeting.errors import (
    MeetingError,
    MeetingNotFoundError,
    RecusedExpertError,
    ScoreInputError,
    UnresolvedSheetsError,
)
from tests.meeting.factory import World


def test_direct_score_counts_at_once(world: World) -> None:
    e, a = world.experts[0].id, world.app_ids[0]
    sheet = scoring.score(world.ws, world.meeting.id, e, a, [27, "25.5", 20, 14], "创新性强")
    assert sheet.source is ScoreSource.DIRECT
    item = results.compute_results(world.ws, world.meeting.id).items[a]
    assert item.aggregate.count == 1 and item.aggregate.mean == Decimal("86.5")


def test_points_by_criterion_id_or_name(world: World) -> None:
    e, a = world.experts[0].id, world.app_ids[0]
    sheet = scoring.score(
        world.ws,
        world.meeting.id,
        e,
        a,
        {"innovation": 27, "实施成效": 25, "replicability": 20, "materials": 14},
    )
    assert sheet.points["results"] == 25


def test_bad_points_are_refused_with_chinese_reasons(world: World) -> None:
    with pytest.raises(ScoreInputError) as caught:
        scoring.score(world.ws, world.meeting.id, world.experts[0].id, world.app_ids[0], [31, 25, "x", 14])
    assert isinstance(caught.value, InputError)
    assert "不是数字" in str(caught.value)
    with pytest.raises(ScoreInputError, match="超出范围"):
        scoring.score(world.ws, world.meeting.id, world.experts[0].id, world.app_ids[0], [31, 25, 20, 14])
    with pytest.raises(ScoreInputError, match="4 项得分"):
        scoring.score(world.ws, world.meeting.id, world.experts[0].id, world.app_ids[0], [25, 20, 14])


def test_recused_expert_cannot_score_and_is_left_out(world: World) -> None:
    ws, m = world.ws, world.meeting.id
    e1, e2, e3 = (e.id for e in world.experts)
    a = world.app_ids[1]
    for expert, points in ((e1, [30, 30, 25, 15]), (e2, [20, 20, 20, 10]), (e3, [22, 22, 21, 10])):
        scoring.score(ws, m, expert, a, points)
    # e1 (韶关学院) is a co-applicant's expert: suggested, then assigned; the score already given goes.
    suggested = setup.suggested_conflicts(ws, m)
    assert [(s.expert_id, s.application_id) for s in suggested] == [(e1, a)]
    setup.recuse(ws, m, e1, a, suggested[0].reason, RecusalKind.ASSIGNED)
    assert setup.suggested_conflicts(ws, m) == []
    with pytest.raises(RecusedExpertError, match="已回避"):
        scoring.score(ws, m, e1, a, [30, 30, 25, 15])
    agg = results.compute_results(ws, m).items[a].aggregate
    assert agg.count == 2 and agg.mean == Decimal("72.5") and not agg.trimmed  # (70 + 75) / 2
    state = results.meeting_state(ws, m)
    assert [x.name for x in state.recused_experts(a)] == ["刘专家"]


def test_recusal_needs_a_reason_and_a_member(world: World) -> None:
    with pytest.raises(MeetingError, match="回避理由"):
        setup.recuse(world.ws, world.meeting.id, world.experts[0].id, world.app_ids[0], " ")
    with pytest.raises(MeetingNotFoundError):
        setup.recuse(world.ws, world.meeting.id, 999, world.app_ids[0], "同一单位")


def test_double_entry_counts_only_when_both_keyings_agree(world: World) -> None:
    ws, m = world.ws, world.meeting.id
    e, a = world.experts[1].id, world.app_ids[0]
    first = scoring.key_sheet(ws, m, e, a, 1, [27, 25, 20, 14], "建议推荐")
    assert first.waiting
    assert results.compute_results(ws, m).items[a].aggregate.count == 0  # one keying does not count

    with pytest.raises(MeetingError, match="不同的操作员"):
        scoring.key_sheet(ws, m, e, a, 2, [27, 25, 20, 14])

    ws.operator = "录入员乙"
    second = scoring.key_sheet(ws, m, e, a, 2, [27, 23, 20, 14], "建议 推荐")
    assert second.confirmed is None
    assert [(x.what, x.first, x.second) for x in second.mismatches] == [("实施成效", "25", "23")]
    state = results.meeting_state(ws, m)
    assert scoring.sheet_status(state).mismatches == second.mismatches
    assert results.compute_results(ws, m).items[a].aggregate.count == 0
    with pytest.raises(UnresolvedSheetsError) as caught:
        results.lock_results(ws, m)
    assert any("实施成效" in d for d in caught.value.details)

    # Checked against the paper sheet: round 2 was wrong; keyed again, the score counts.
    third = scoring.key_sheet(ws, m, e, a, 2, [27, 25, 20, 14])
    assert third.confirmed is not None and third.confirmed.source is ScoreSource.KEYED
    assert third.confirmed.opinion == "建议推荐"
    assert results.compute_results(ws, m).items[a].aggregate.mean == 86
    assert scoring.sheet_status(results.meeting_state(ws, m)).resolved

    # Keying round 1 differently afterwards withdraws the confirmed score again.
    ws.operator = "录入员丙"
    scoring.key_sheet(ws, m, e, a, 1, [26, 25, 20, 14])
    assert results.compute_results(ws, m).items[a].aggregate.count == 0


def test_opinions_compared_ignoring_whitespace(world: World) -> None:
    ws, m = world.ws, world.meeting.id
    e, a = world.experts[0].id, world.app_ids[2]
    scoring.key_sheet(ws, m, e, a, 1, [20, 20, 20, 10], "建议推荐")
    ws.operator = "录入员乙"
    outcome = scoring.key_sheet(ws, m, e, a, 2, [20, 20, 20, 10], "不建议推荐")
    assert [x.what for x in outcome.mismatches] == ["评审意见"]


def test_direct_and_keyed_do_not_mix(world: World) -> None:
    ws, m = world.ws, world.meeting.id
    e, a = world.experts[0].id, world.app_ids[0]
    scoring.score(ws, m, e, a, [20, 20, 20, 10])
    with pytest.raises(MeetingError, match="现场录入"):
        scoring.key_sheet(ws, m, e, a, 1, [20, 20, 20, 10])
    scoring.clear_sheet(ws, m, e, a)
    assert scoring.key_sheet(ws, m, e, a, 1, [20, 20, 20, 10]).waiting
    with pytest.raises(MeetingError, match="双人录入"):
        scoring.score(ws, m, e, a, [20, 20, 20, 10])

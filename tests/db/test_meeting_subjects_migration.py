"""Migration 0008: a database made at 0007 holding a pilot review meeting upgrades with every row of
the meeting intact, still usable; the new rows name one application each, pilot or special fund."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.exc import IntegrityError

from gdiiot_desktop.domain.meeting.model import RecusalKind, ScoreSource
from gdiiot_desktop.domain.meeting.subjects import SubjectKind
from gdiiot_desktop.storage import meeting_repository as repo
from gdiiot_desktop.storage import migrate
from gdiiot_desktop.storage.database import Database, create_sqlite_engine
from gdiiot_desktop.storage.models_meeting import MeetingItemRecord, MeetingRecord
from tests.fixtures.make_fixtures import SCORES_0007

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "城市" / "从0007升级.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema-0007.sqlite3", path)
    with Database.open(path) as db:
        assert db.migrated_from == "0007" and db.migration_backup is not None
    return path


def test_pilot_meeting_rows_survive_the_upgrade(upgraded: Path) -> None:
    assert rows(upgraded, "SELECT version_num FROM alembic_version") == [(migrate.head_revision(),)]
    assert rows(upgraded, "SELECT id, title, held_on, chair, subject_kind, locked_at FROM meetings") == [
        (1, "江门市试点示范项目评审会", "2023-12-05", "陈主任", "pilot", None)
    ]
    assert rows(
        upgraded,
        "SELECT meeting_id, application_id, fund_application_id, seq FROM meeting_items ORDER BY seq",
    ) == [(1, 2, None, 1), (1, 1, None, 2)]
    assert rows(
        upgraded,
        "SELECT id, expert_id, application_id, fund_application_id, kind, reason FROM meeting_recusals",
    ) == [(1, 2, 1, None, "assigned", "专家所在单位与申报单位名称相同")]
    scores = rows(
        upgraded,
        "SELECT expert_id, application_id, points, opinion FROM meeting_scores "
        "WHERE fund_application_id IS NULL ORDER BY id",
    )
    assert scores == [tuple(s) for s in SCORES_0007]
    assert rows(upgraded, "SELECT expert_id, application_id, round, operator FROM meeting_keyed_entries") == [
        (1, 2, 1, "录入员甲")
    ]
    assert rows(upgraded, "PRAGMA foreign_key_check") == []
    assert rows(upgraded, "PRAGMA integrity_check") == [("ok",)]


def test_the_upgraded_meeting_reads_and_changes_as_before(upgraded: Path) -> None:
    with Database.open(upgraded) as db, db.session() as session:
        record = repo.find_meeting(session, 1)
        assert record is not None
        state = repo.load_state(session, record)
        assert state.info.subject_kind is SubjectKind.PILOT and not state.info.locked
        assert [c.id for c in state.info.rubric.criteria] == ["innovation", "results"]
        assert [e.name for e in state.experts] == ["刘专家", "周专家", "吴专家"]
        assert state.application_ids == (2, 1)
        assert state.is_recused(2, 1) and state.recusals[0].kind is RecusalKind.ASSIGNED
        assert {(s.expert_id, s.application_id): s.points for s in state.scores}[(3, 1)] == {
            "innovation": Decimal("42.5"),
            "results": Decimal("38"),
        }
        assert all(s.source is ScoreSource.DIRECT for s in state.scores)
        assert [(k.expert_id, k.application_id, k.round) for k in state.keyed] == [(1, 2, 1)]
        # Written through today's repository: the pilot column is the one filled in.
        repo.take_recusal(session, 2, 1)
        repo.replace_items(session, 1, [1, 2])
    assert rows(upgraded, "SELECT count(*) FROM meeting_recusals") == [(0,)]
    assert rows(
        upgraded, "SELECT application_id, fund_application_id, seq FROM meeting_items ORDER BY seq"
    ) == [(1, None, 1), (2, None, 2)]


def test_deleting_a_pilot_application_still_cascades(upgraded: Path) -> None:
    conn = sqlite3.connect(upgraded)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM attachments WHERE application_id = 2")
        conn.execute("DELETE FROM applications WHERE id = 2")
        conn.commit()
    finally:
        conn.close()
    assert rows(upgraded, "SELECT application_id FROM meeting_items") == [(1,)]
    assert rows(upgraded, "SELECT DISTINCT application_id FROM meeting_scores") == [(1,)]
    assert rows(upgraded, "SELECT count(*) FROM meeting_keyed_entries") == [(0,)]


def test_a_row_names_exactly_one_application(tmp_path: Path) -> None:
    with Database.open(tmp_path / "new.sqlite3", create=True) as db, db.session() as session:
        session.add(
            MeetingRecord(
                id=1, title="会", held_on=date(2023, 1, 1), place="", chair="", rubric="{}",
                presentation_minutes=8, questions_minutes=5, created_at=datetime(2023, 1, 1), locked_by="",
            )
        )  # fmt: skip
        session.flush()
        for values in ({}, {"application_id": 1, "fund_application_id": 1}):
            with pytest.raises(IntegrityError, match="CHECK constraint failed"), session.begin_nested():
                session.add(MeetingItemRecord(meeting_id=1, seq=1, **values))
                session.flush()


def test_downgrade_keeps_pilot_meetings_and_drops_fund_ones(upgraded: Path) -> None:
    conn = sqlite3.connect(upgraded)
    try:
        conn.execute(
            "INSERT INTO fund_applications (id, uid, enterprise, uscc, county, project_name, direction_id, "
            "subdirection_id, cluster, materials_received, status, contact, note, created_at, updated_at) "
            "VALUES (7, 'f7', '江门乙公司', '', '新会区', '乙上云', 'cloud', '', '', '[]', 'registered', '', '', "
            "'2023-01-01', '2023-01-01')"
        )
        conn.execute(
            "INSERT INTO meetings (id, title, held_on, place, chair, rubric, presentation_minutes, "
            "questions_minutes, created_at, locked_by, subject_kind) VALUES "
            "(2, '专项资金评审会', '2023-01-02', '', '', '{}', 8, 5, '2023-01-02', '', 'fund')"
        )
        conn.execute(
            "INSERT INTO meeting_experts (id, meeting_id, seq, name, organisation, field) VALUES (9, 2, 1, '甲', '', '')"
        )
        conn.execute("INSERT INTO meeting_items (meeting_id, fund_application_id, seq) VALUES (2, 7, 1)")
        conn.execute(
            "INSERT INTO meeting_scores (expert_id, fund_application_id, points, opinion, source, operator, "
            "updated_at) VALUES (9, 7, '{}', '', 'direct', '操作员', '2023-01-02')"
        )
        conn.commit()
    finally:
        conn.close()
    # As migrate.upgrade does: foreign keys off while tables are rebuilt (dropping `meetings` with
    # them on would cascade into its children), checked before the commit.
    engine = create_sqlite_engine(upgraded)
    try:
        with engine.connect() as conn2:
            conn2.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            with conn2.begin():
                command.downgrade(migrate.make_config(conn2, str(engine.url)), "0007")
                assert conn2.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()
    assert rows(upgraded, "SELECT version_num FROM alembic_version") == [("0007",)]
    assert rows(upgraded, "SELECT id FROM meetings") == [(1,)]
    assert rows(upgraded, "SELECT meeting_id FROM meeting_experts WHERE id = 9") == []
    assert rows(upgraded, "SELECT meeting_id, application_id, seq FROM meeting_items ORDER BY seq") == [
        (1, 2, 1),
        (1, 1, 2),
    ]
    points = rows(upgraded, "SELECT points FROM meeting_scores ORDER BY id")
    assert [json.loads(str(p[0])) for p in points] == [json.loads(s[2]) for s in SCORES_0007]

"""Schema migrations: a fresh upgrade equals the models, old databases upgrade with a backup,
newer or foreign ones are refused untouched, a failed upgrade changes nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from gdiiot_desktop import paths, resources
from gdiiot_desktop.storage import migrate
from gdiiot_desktop.storage.audit import verify_chain
from gdiiot_desktop.storage.backup import list_backups
from gdiiot_desktop.storage.database import Database, create_sqlite_engine
from gdiiot_desktop.storage.errors import DatabaseNewerError, MigrationError, UnknownDatabaseError
from gdiiot_desktop.storage.models import ApplicationRecord, AttachmentRecord, AuditEntry, Base

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fixture_copy(tmp_path: Path, revision: str) -> Path:
    target = tmp_path / "city" / f"从{revision}升级.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite3", target)
    return target


def test_fresh_upgrade_equals_models(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "fresh.sqlite3", create=True)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert migrate.current_revision(conn) == migrate.head_revision()
            triggers = (
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
                )
                .scalars()
                .all()
            )
            assert sorted(triggers) == ["trg_audit_log_no_delete", "trg_audit_log_no_update"]
    finally:
        engine.dispose()


def test_constraint_names_follow_the_naming_convention(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "names.sqlite3", create=True)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'attachments'"
            ).scalar_one()
    finally:
        engine.dispose()
    assert "CONSTRAINT pk_attachments" in sql
    assert "CONSTRAINT fk_attachments_application_id_applications" in sql


def test_migrations_do_not_import_the_models() -> None:
    for script in (resources.migrations_dir() / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        assert "storage.models" not in text, script.name
        assert "render_as_batch" not in text  # set once, in env.py


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Database.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    before = sha256(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(DatabaseNewerError) as caught:
        Database.open(path)

    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings
    assert "ffff9999" in caught.value.message and "新版程序" in caught.value.message
    assert list_backups(paths.backups_dir(path, create=False)) == []


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(UnknownDatabaseError):
        Database.open(path)
    assert sha256(path) == before


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Database.open(path) as db, db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()


@pytest.mark.parametrize(
    "fixture", sorted(FIXTURES.glob("schema-*.sqlite3")), ids=lambda p: p.stem.removeprefix("schema-")
)
def test_every_schema_fixture_opens_at_head(tmp_path: Path, fixture: Path) -> None:
    """Each released schema's database opens, upgraded to head; a backup only when it migrated."""
    revision = fixture.stem.removeprefix("schema-")
    path = fixture_copy(tmp_path, revision)
    migrated = revision != migrate.head_revision()
    with Database.open(path) as db:
        assert (db.migrated_from == revision) is migrated
        assert (db.migration_backup is not None) is migrated
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(ApplicationRecord)) == 2
            assert s.scalar(select(func.count()).select_from(AttachmentRecord)) == 2
            assert verify_chain(s) == []
    assert len(list_backups(paths.backups_dir(path, create=False))) == int(migrated)


def test_there_is_a_fixture_for_revision_0001() -> None:
    assert (FIXTURES / "schema-0001.sqlite3").is_file()


def _migrations_with(tmp_path: Path, body: str) -> Path:
    """The shipped migrations plus a test-only revision 9999 after head with `body` as its upgrade()."""
    folder = tmp_path / "db"
    shutil.copytree(resources.migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_test.py").write_text(
        '"""Test-only revision."""\n\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "9999"\ndown_revision = "{migrate.head_revision()}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        f"def upgrade() -> None:\n{body}\n\n\ndef downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return folder


def test_old_fixture_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Rebuilds `applications`, which `attachments` references ON DELETE CASCADE: the rows must survive.
    body = (
        '    with op.batch_alter_table("applications", recreate="always") as b:\n'
        '        b.add_column(sa.Column("flag", sa.Integer(), nullable=True))\n'
    )
    folder = _migrations_with(tmp_path, body)
    monkeypatch.setattr(resources, "migrations_dir", lambda: folder)
    path = fixture_copy(tmp_path, "0001")

    with Database.open(path) as db:
        assert db.migrated_from == "0001"
        assert db.migration_backup is not None and db.migration_backup.exists()
        assert "before-migration" in db.migration_backup.name
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == "9999"
            assert conn.exec_driver_sql("SELECT count(*) FROM attachments").scalar() == 2
            uids = conn.exec_driver_sql("SELECT uid FROM applications").scalars().all()
            assert len(set(uids)) == 2 and all(len(u) == 32 for u in uids)
            assert conn.exec_driver_sql("SELECT count(*) FROM applications").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        backup = db.migration_backup
    check = sqlite3.connect(backup)
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    check.close()

    # Opened again at head: no further backup.
    with Database.open(path) as db:
        assert db.migration_backup is None
    assert len(list_backups(paths.backups_dir(path, create=False))) == 1


def test_failed_upgrade_leaves_database_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = (
        '    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))\n'
        '    op.execute("DELETE FROM attachments")\n'
        '    raise RuntimeError("simulated failure")\n'
    )
    folder = _migrations_with(tmp_path, body)
    monkeypatch.setattr(resources, "migrations_dir", lambda: folder)
    path = fixture_copy(tmp_path, "0001")
    before = sha256(path)

    with pytest.raises(MigrationError) as caught:
        Database.open(path)

    assert sha256(path) == before
    backup = caught.value.backup
    assert backup is not None and backup.exists()
    assert str(backup) in caught.value.message
    monkeypatch.undo()
    with Database.open(path) as db, db.session() as s:
        assert s.scalar(select(func.count()).select_from(AttachmentRecord)) == 2
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 2
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    conn.close()


def test_no_backup_no_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdiiot_desktop.storage import database

    folder = _migrations_with(tmp_path, '    op.execute("DELETE FROM attachments")\n')
    monkeypatch.setattr(resources, "migrations_dir", lambda: folder)

    def disk_full(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(database, "make_backup", disk_full)
    path = fixture_copy(tmp_path, "0001")
    before = sha256(path)
    with pytest.raises(MigrationError) as caught:
        Database.open(path)
    assert caught.value.backup is None and "无法备份" in caught.value.message
    assert sha256(path) == before

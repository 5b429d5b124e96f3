"""`gdiiot meeting …` end to end: prepare, score, double-key, rank, adopt, lock, minutes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.services.applications import ApplicationService
from tests.meeting.factory import add_applications, make_workspace


def run(
    capsys: pytest.CaptureFixture[str], db: Path, *args: str, operator: str = "录入员甲"
) -> tuple[int, str]:
    code = main(["--db", str(db), "--operator", operator, "meeting", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_meeting_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = make_workspace(tmp_path)
    db = ws.db.path
    ids = add_applications(ws, 3)
    ws.close()

    code, out = run(capsys, db, "ranking")
    assert code == 2 and "尚未建立评审会" in out
    code, out = run(
        capsys, db, "create", "--title", "韶关市评审会", "--date", "2023-12-05", "--chair", "王主任"
    )
    assert code == 0 and "评审项目 3 个" in out
    for name, org in (("刘专家", "韶关学院"), ("周专家", "广东工业大学"), ("吴专家", "省信息中心")):
        assert run(capsys, db, "expert", "add", name, "--org", org, "--field", "智能制造")[0] == 0

    code, out = run(capsys, db, "conflicts", "suggest", "--apply")
    assert code == 0 and "韶关学院" in out and "已记录 1 项回避" in out
    code, out = run(capsys, db, "score", "刘专家", str(ids[1]), "--points", "27,25,20,14")
    assert code == 2 and "已回避" in out
    code, out = run(capsys, db, "recuse", "周专家", str(ids[0]), "--reason", "咨询服务关系")
    assert code == 0

    assert (
        run(capsys, db, "score", "刘专家", str(ids[0]), "--points", "27,25,20,14", "--opinion", "建议推荐")[0]
        == 0
    )
    assert (
        run(
            capsys,
            db,
            "score",
            "吴专家",
            str(ids[0]),
            "--points",
            "innovation=20,results=20,replicability=20,materials=10",
        )[0]
        == 0
    )
    code, out = run(capsys, db, "score", "吴专家", str(ids[1]), "--points", "40,20,20,10")
    assert code == 2 and "超出范围" in out
    for expert, points in (("周专家", "25,25,20,12"), ("吴专家", "22,22,20,11")):
        assert run(capsys, db, "score", expert, str(ids[1]), "--points", points)[0] == 0

    # A paper sheet keyed twice by two operators; the first attempt disagrees.
    code, out = run(capsys, db, "key", "刘专家", str(ids[2]), "--round", "1", "--points", "28,27,22,14")
    assert code == 0 and "等待" in out
    code, out = run(
        capsys,
        db,
        "key",
        "刘专家",
        str(ids[2]),
        "--round",
        "2",
        "--points",
        "28,21,22,14",
        operator="录入员乙",
    )
    assert code == 0 and "不一致" in out and "实施成效：第1遍 27，第2遍 21" in out
    code, out = run(capsys, db, "mismatches")
    assert code == 1 and "实施成效" in out
    code, out = run(capsys, db, "lock", "--yes")
    assert code == 2 and "两遍录入不一致" in out
    code, out = run(
        capsys,
        db,
        "key",
        "刘专家",
        str(ids[2]),
        "--round",
        "2",
        "--points",
        "28,27,22,14",
        operator="录入员乙",
    )
    assert code == 0 and "评分已生效" in out
    assert run(capsys, db, "mismatches")[0] == 0

    code, out = run(capsys, db, "ranking", "--json")
    ranking = json.loads(out)
    assert ranking["quota"] == 5 and ranking["order"] == [ids[2], ids[1], ids[0]]
    assert [r["count"] for r in ranking["ranking"]] == [1, 2, 2]

    code, out = run(capsys, db, "lock")
    assert code == 2 and "--yes" in out
    code, out = run(capsys, db, "lock", "--yes")
    assert code == 0 and "已锁定" in out
    code, out = run(capsys, db, "score", "吴专家", str(ids[2]), "--points", "20,20,20,10")
    assert code == 2 and "已锁定" in out

    assert run(capsys, db, "adopt")[0] == 0
    code, out = run(capsys, db, "minutes", str(tmp_path / "纪要.pdf"))
    assert code == 0 and (tmp_path / "纪要.pdf").stat().st_size > 10_000
    code, out = run(capsys, db, "show", "--json")
    shown = json.loads(out)
    assert shown["locked"] and len(shown["recusals"]) == 2

    from gdiiot_desktop.services.workspace import open_workspace

    ws = open_workspace(db)
    try:
        recommended = sorted(
            (a for a in ApplicationService(ws).list() if a.is_recommended), key=lambda a: a.priority or 0
        )
    finally:
        ws.close()
    assert [a.id for a in recommended] == [ids[2], ids[1], ids[0]]

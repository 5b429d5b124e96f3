"""`gdiiot settings contact|fonts`, `gdiiot letter draft` and `export --letter`."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest

from gdiiot_desktop.cli import main
from tests.exports.builders import City


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_contact_fonts_draft_edit_export(city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = city.ws.db.path
    city.ws.close()
    code, out, err = run(capsys, "--db", db, "settings", "contact", "张伟", "--phone", "0751-8888123")
    assert code == 0, err
    assert "张伟" in out and "0751-8888123" in out
    code, out, err = run(capsys, "--db", db, "settings", "contact", "--phone", "电话号码")
    assert code == 2 and "不像电话号码" in err

    code, out, err = run(capsys, "--db", db, "settings", "fonts", "--json")
    assert code == 0, err
    assert set(json.loads(out)) == {"title", "body", "heading1", "heading2", "table"}
    otf = tmp_path / "NotoSerifCJK.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 40)
    code, out, err = run(capsys, "--db", db, "settings", "fonts", "--role", "body", "--file", otf)
    assert code == 2 and "CFF" in err and "TrueType" in err and "Traceback" not in err

    draft = tmp_path / "推荐函.txt"
    code, out, err = run(capsys, "--db", db, "letter", "draft", draft, "--at", "2023-11-28T09:00")
    assert code == 0, err
    text = draft.read_text(encoding="utf-8-sig")
    assert "联系人：张伟" in text and "成文日期：2023年11月28日" in text
    draft.write_text(text.replace("请予审核。", "请予审核（已修改）。"), encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "export", "table", tmp_path / "out", "--at", "2023-11-28T10:00", "--letter", draft)
    assert code == 0, err
    with pdfplumber.open(tmp_path / "out" / "推荐函" / "推荐函.pdf") as pdf:
        assert "请予审核（已修改）" in "".join(p.extract_text() for p in pdf.pages)
    with pdfplumber.open(next((tmp_path / "out" / "汇总表").glob("*.pdf"))) as pdf:
        assert "填表人：张伟" in pdf.pages[0].extract_text()

    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gbk"))
    code, out, err = run(capsys, "--db", db, "export", "table", tmp_path / "out2", "--letter", gbk)
    assert code == 2 and "UTF-8" in err

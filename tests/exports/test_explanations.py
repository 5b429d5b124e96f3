"""Required materials missing at export (audit reports per 三(一), commitment letter, 信用中国): export
waits for the city's explanation, which the package's 目录 prints in the document's place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.enums import AttachmentClass, Grade
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exports import ExportBlockedError, ExportKind, ExportRequest, run_export
from gdiiot_desktop.services.exports.explanations import missing_at_export
from tests.exports.builders import City
from tests.exports.conftest import BEFORE_DEADLINE

PACKAGE = frozenset({ExportKind.PACKAGE})


def strip_third(city: City) -> int:
    """The third project loses its audit reports and its 信用中国 tick."""
    service = ApplicationService(city.ws)
    app_id = city.ids[2]
    for att in service.get(app_id).attachments_of(AttachmentClass.AUDIT_REPORT):
        assert att.id is not None
        service.remove_attachment(app_id, att.id)
    service.save(replace(service.get(app_id), credit_checked=False))
    return app_id


def index_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join((pdf.pages[i].extract_text() or "") for i in range(1, 4)).replace("\n", "")


def test_the_campaign_grades_them_needs_explanation(city: City) -> None:
    graded = {m.id: m.export_grade for m in city.ws.campaign.materials}
    assert graded["audit"] is graded["commitment"] is graded["credit"] is Grade.NEEDS_EXPLANATION
    assert graded["srdi"] is None


def test_export_refuses_until_explained_then_prints_the_explanation(city: City, tmp_path: Path) -> None:
    app_id = strip_third(city)
    missing = missing_at_export(city.ws.campaign, ApplicationService(city.ws).list())
    assert [(m.app.id, m.materials) for m in missing] == [
        (app_id, ("企业近三年财务审计报告", "“信用中国”网站查询结果"))
    ]
    with pytest.raises(ExportBlockedError, match="缺少通知要求的材料") as refused:
        run_export(city.ws, ExportRequest(PACKAGE, tmp_path / "a"), now=BEFORE_DEADLINE)
    assert "企业近三年财务审计报告" in refused.value.details[0]
    assert not (tmp_path / "a" / "纸质材料").exists()

    reason = "企业成立不满三年，仅有2022年度审计报告，已由企业另行报送；信用中国查询结果随纸质材料补交"
    result = run_export(
        city.ws, ExportRequest(PACKAGE, tmp_path / "b", explanations=((app_id, reason),)), now=BEFORE_DEADLINE
    )
    third = next(p for p in result.packages if p.plan.app.id == app_id)
    text = index_text(third.path)
    assert f"说明：{reason}" in text
    assert "（未提供）" not in text
    assert ApplicationService(city.ws).get(app_id).overrides["MATERIALS_MISSING"] == reason


def test_cli_explain_option(city: City, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = strip_third(city)
    db = city.ws.db.path
    city.ws.close()
    code = main(["--db", str(db), "export", "package", str(tmp_path / "a"), "--at", "2023-11-28T10:00"])
    _out, err = capsys.readouterr()
    assert code == 2 and "--explain" in err and "Traceback" not in err
    code = main(["--db", str(db), "export", "package", str(tmp_path / "a"), "--explain", "x"])
    assert code == 2 and "编号=原因" in capsys.readouterr().err
    code = main(
        ["--db", str(db), "export", "package", str(tmp_path / "b"), "--at", "2023-11-28T10:00",
         "--explain", f"{app_id}=审计报告另行报送"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    package = sorted((tmp_path / "b" / "纸质材料").glob("03_*.pdf"))[0]
    assert "说明：审计报告另行报送" in index_text(package)

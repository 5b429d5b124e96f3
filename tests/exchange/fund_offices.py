"""A special-fund county and city built through the real `gdiiot` command line, for the fund bundle tests:
the county files four applications (investments by category, a cluster, training figures) with invoices
and a material as files, and exports its first bundle; the city is empty. Built once, copied per test."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.resources import resource
from gdiiot_desktop.services.fund.workspace import open_fund_workspace
from tests.fund.test_fund_cli import fill

from .helpers import KNOWN_SIGNERS, assert_only_refusal, signer_of, snapshot

CAMPAIGN = resource("campaigns", "2022-jiangmen-fund.toml")
COUNTY = "蓬江区"
ROWS: list[dict[str, object]] = [
    {"县（市、区）": COUNTY, "企业名称": "江门甲制造有限公司", "项目名称": "甲智能工厂", "支持方向": "工业互联网标杆示范项目",
     "子方向": "方向一：工业企业工业互联网应用标杆", "工业互联网投入（元）": 1_200_000, "设备投入（元）": 800_000,
     "申请补贴金额（元）": 1_000_000},
    {"县（市、区）": COUNTY, "企业名称": "江门乙公司", "项目名称": "乙上云", "支持方向": "中小企业上云上平台",
     "云服务投入（元）": 500_000, "申请补贴金额（元）": "400,000"},
    {"县（市、区）": COUNTY, "企业名称": "江门丙五金厂", "项目名称": "丙五金集群改造", "支持方向": "产业集群试点",
     "所属产业集群": "江门五金产业集群", "工业互联网投入（元）": 300_000, "申请补贴金额（元）": 250_000},
    {"县（市、区）": COUNTY, "企业名称": "江门培训中心", "项目名称": "人才培养计划", "支持方向": "工业互联网人才培养",
     "申请补贴金额（元）": 900_000, "培训场次": 12, "培训人数": 600},
]  # fmt: skip
# (application id, file name, bytes, --category or --material)
FILES = [
    (1, "工业互联网发票.pdf", b"%PDF-1.4 invoice industrial internet", ("--category", "industrial_internet")),
    (1, "设备发票.pdf", b"%PDF-1.4 invoice equipment", ("--category", "equipment")),
    (2, "云服务发票.pdf", b"%PDF-1.4 invoice cloud", ("--category", "cloud")),
    (4, "培训方案.pdf", b"%PDF-1.4 training plan", ("--material", "training_plan")),
]


def gdiiot(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def ok(*argv: object) -> str:
    code, out, err = gdiiot(*argv)
    assert code == 0, (out, err)
    return out


def fingerprint_of(db: Path) -> str:
    return json.loads(ok("--db", db, "keys", "fingerprint", "--json"))["fingerprint"]


@dataclass
class Fund:
    folder: Path
    county: Path  # the county's database (closed)
    city: Path  # the city's database (closed, nothing imported yet)
    bundle: Path  # the county's first bundle
    county_fp: str

    def next_bundle(self, name: str) -> Path:
        out = self.folder / name
        ok("--db", self.county, "bundle", "export", out)
        return out


@pytest.fixture(scope="session")
def fund_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fund-offices")
    county, city = folder / f"{COUNTY}.sqlite3", folder / "江门.sqlite3"
    ok("--db", county, "init", "--city", "江门", "--campaign", CAMPAIGN)
    template = folder / "模板.xlsx"
    ok("--db", county, "fund", "template", template)
    ok("--db", county, "import-xlsx", fill(template, folder / "汇总.xlsx", ROWS))
    for app_id, name, body, option in FILES:
        path = folder / "files" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(body)
        ok("--db", county, "fund", "attach", app_id, path, *option)
    ok("--db", city, "init", "--city", "江门", "--campaign", CAMPAIGN)
    out = ok("--db", county, "bundle", "export", folder / "蓬江区-1.gdiiot")
    assert "4 个项目" in out and "4 个附件" in out
    return folder


@pytest.fixture
def fund(tmp_path: Path, fund_template: Path) -> Fund:
    folder = tmp_path / "fund"
    shutil.copytree(fund_template, folder)
    county = folder / f"{COUNTY}.sqlite3"
    ws = open_fund_workspace(county)
    try:
        signer = signer_of(ws)  # type: ignore[arg-type]
        KNOWN_SIGNERS[signer.public_key] = signer  # crafted bundles are re-signed with the county's key
    finally:
        ws.close()
    return Fund(folder, county, folder / "江门.sqlite3", folder / "蓬江区-1.gdiiot", fingerprint_of(county))


def fund_list(db: Path) -> dict[str, dict[str, object]]:
    return {row["uid"]: row for row in json.loads(ok("--db", db, "fund", "list", "--json"))}


def refused(db: Path, argv: list[object], bundle: Path, *fragments: str) -> str:
    """exit 2 with each fragment in the Chinese message; nothing changed but the refusal's audit entry."""
    before = snapshot(db)
    code, out, err = gdiiot("--db", db, *argv)
    assert code == 2, (out, err)
    assert "Traceback" not in err and err.startswith("错误：")
    for fragment in fragments:
        assert fragment in err, err
    details = assert_only_refusal(db, before, bundle.name)
    assert details["reason"] in err
    return err


def imported(fund: Fund, bundle: Path | None = None, *extra: object) -> str:
    return ok("--db", fund.city, "bundle", "import", bundle or fund.bundle, "--trust", fund.county_fp, *extra)

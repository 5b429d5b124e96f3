"""`gdiiot campaign new|validate|diff`: next year's campaign file made, checked and compared from the CLI."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from gdiiot_desktop.cli import main
from gdiiot_desktop.domain.campaign import parse_campaign


def new_2024(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "2024.toml"
    code = main(["campaign", "new", "--from", "2023-pilot", str(out), "--year", "2024", *extra])
    assert code == 0
    return out


def test_new_from_the_shipped_campaign_moves_the_year_and_applies_sets(capsys, tmp_path):
    out = new_2024(
        tmp_path,
        "--set", "regions[east].quota=6",
        "--set", "applicant.max_projects=1",
        "--set", "deadline.date=2024-12-06",
        "--set", "cities[深圳].direct_quota=12",
        "--set", "rules.CITY_QUOTA.clause_text=各地市推荐项目数量不超过6个",
    )  # fmt: skip
    said = capsys.readouterr().out
    assert "已写出活动文件" in said
    assert "地区“粤东”的推荐指标：5 → 6" in said
    campaign = parse_campaign(out.read_text(encoding="utf-8"))
    assert (campaign.id, campaign.year, campaign.title) == (
        "2024-pilot",
        2024,
        "2024年工业互联网试点示范项目推荐",
    )
    assert campaign.region("east").quota == 6
    assert campaign.max_projects_per_applicant == 1
    assert str(campaign.deadline.day) == "2024-12-06"
    shenzhen = campaign.city("深圳")
    assert shenzhen is not None and shenzhen.direct_quota == 12
    assert campaign.rule("CITY_QUOTA").clause_text == "各地市推荐项目数量不超过6个"
    assert not campaign.directions_confirmed
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert (data["kind"], data["version"]) == ("pilot-recommendation", 1)


def test_new_refuses_to_overwrite_and_a_bad_set_path(capsys, tmp_path):
    out = new_2024(tmp_path)
    capsys.readouterr()
    assert main(["campaign", "new", "--from", "2023-pilot", str(out)]) == 2
    assert "文件已存在" in capsys.readouterr().err
    assert (
        main(
            [
                "campaign",
                "new",
                "--from",
                "2023-pilot",
                str(tmp_path / "b.toml"),
                "--set",
                "regions[xx].quota=1",
            ]
        )
        == 2
    )
    assert "地区中没有“xx”" in capsys.readouterr().err
    assert not (tmp_path / "b.toml").exists()
    assert main(["campaign", "new", "--from", "no-such", str(tmp_path / "c.toml")]) == 2
    assert "找不到活动文件" in capsys.readouterr().err


def test_new_with_a_problem_writes_the_draft_and_says_what_to_fix(capsys, tmp_path):
    out = tmp_path / "draft.toml"
    code = main(["campaign", "new", "--from", "2023-pilot", str(out), "--set", "video.min_seconds=900"])
    assert code == 2
    assert out.exists()
    err = capsys.readouterr().err
    assert "视频最长时长（秒）（video.max_seconds）：视频最长时长应大于最短时长" in err


def test_validate_passes_a_good_file_and_names_each_bad_field_in_chinese(capsys, tmp_path):
    out = new_2024(tmp_path)
    capsys.readouterr()
    assert main(["campaign", "validate", str(out)]) == 0
    assert "检查通过" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    bad = text.replace('province_date = "2023-11-29"', 'province_date = "2023/11/29"').replace(
        "quota = 5", "quota = -1", 1
    )
    bad = bad.replace("max_projects = 2", 'max_projects = "二"')
    out.write_text(bad, encoding="utf-8")
    assert main(["campaign", "validate", str(out)]) == 2
    err = capsys.readouterr().err
    assert "每个申报主体最多项目数（applicant.max_projects）：类型错误：应为整数" in err
    assert "应不小于 0（现为 -1）" in err
    assert "应为“年-月-日”格式的日期" in err
    assert "Traceback" not in err
    assert main(["campaign", "validate", str(out), "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and len(report["problems"]) == 3


def test_validate_refuses_what_is_not_toml_and_a_missing_file(capsys, tmp_path):
    junk = tmp_path / "junk.toml"
    junk.write_text("这不是 = = TOML", encoding="utf-8")
    assert main(["campaign", "validate", str(junk)]) == 2
    assert "不是有效的 TOML 文件" in capsys.readouterr().err
    assert main(["campaign", "validate", str(tmp_path / "none.toml")]) == 2
    assert "找不到活动文件" in capsys.readouterr().err


@pytest.mark.parametrize("as_json", [False, True])
def test_diff_lists_what_changed(capsys, tmp_path, as_json):
    out = new_2024(
        tmp_path, "--set", "regions[north].quota=6", "--set", "directions.list[d01].name=工业互联网+大模型"
    )
    capsys.readouterr()
    assert main(["campaign", "diff", "2023-pilot", str(out), *(["--json"] if as_json else [])]) == 0
    said = capsys.readouterr().out
    if as_json:
        changes = {c["path"]: c for c in json.loads(said)}
        assert changes["year"]["old"] == 2023 and changes["year"]["new"] == 2024
        quota = changes["regions[id=north].quota"]
        assert (quota["label"], quota["old"], quota["new"]) == ("地区“粤北”的推荐指标", 5, 6)
        assert changes["directions.list[id=d01].name"]["new"] == "工业互联网+大模型"
    else:
        assert "活动年度：2023 → 2024" in said
        assert "地区“粤北”的推荐指标：5 → 6" in said
        assert (
            "方向“工业互联网+大模型”的名称：工业互联网+人工智能(含工业大模型)应用 → 工业互联网+大模型" in said
        )


def test_diff_of_a_file_with_itself_is_empty(capsys):
    assert main(["campaign", "diff", "2023-pilot", "2023-pilot"]) == 0
    assert "内容相同" in capsys.readouterr().out


# --- a new year's database from the new campaign ------------------------------------------


@pytest.fixture
def intake_folder(tmp_path: Path) -> Path:
    from tests.test_cli import _pdf
    from tests.videos import make_video

    folder = tmp_path / "sheet"
    make_video(folder / "videos" / "ok.mp4", 400)
    (folder / "forms").mkdir()
    (folder / "forms" / "form.pdf").write_bytes(_pdf())
    return folder


def test_next_year_campaign_starts_a_database_that_enforces_it(capsys, tmp_path, intake_folder):
    """Quota 6 for the 粤北 cities and one project per applicant: made with the CLI, validated, used by
    `init --campaign`, enterprises carried from last year's database, and enforced by `check --json`."""
    from tests.test_cli import check_json, row, run, write_sheet

    new = tmp_path / "2024.toml"
    sets = ["regions[north].quota=6", "applicant.max_projects=1", "deadline.date=2024-12-06"]
    assert run(capsys, "campaign", "new", "--from", "2023-pilot", new, "--year", "2024", *[f"--set={s}" for s in sets])[0] == 0
    assert run(capsys, "campaign", "validate", new)[0] == 0

    # Six applicants, the first with a second project, all recommended in order.
    rows = [row(项目名称=f"项目{i}", 申报单位=f"公司{i}", 统一社会信用代码="", 推荐顺序=i) for i in range(1, 7)]
    rows.append(row(项目名称="项目1之二", 申报单位="公司1", 统一社会信用代码=""))
    sheet = write_sheet(intake_folder, rows)

    old = tmp_path / "2023.sqlite3"
    assert run(capsys, "--db", old, "init", "--city", "韶关")[0] == 0
    assert run(capsys, "--db", old, "import-xlsx", sheet)[0] == 0
    _, report = check_json(capsys, old)
    assert [v["project"] for v in report["violations"] if v["rule"] == "CITY_QUOTA"] == ["项目6"]  # 5 in 2023
    assert not [v for v in report["violations"] if v["rule"] == "APPLICANT_MAX_PROJECTS"]  # 2 allowed

    db = tmp_path / "2024.sqlite3"
    code, out, _ = run(capsys, "--db", db, "init", "--city", "韶关", "--campaign", new, "--carry-applicants-from", old)
    assert code == 0, out
    assert "推荐指标 6 个" in out and "带入 6 家企业的信息" in out
    assert json.loads(run(capsys, "--db", db, "list", "--json")[1]) == []  # no applications carried
    assert run(capsys, "--db", db, "import-xlsx", sheet)[0] == 0
    _, report = check_json(capsys, db)
    assert report["campaign"] == "2024-pilot"
    assert not [v for v in report["violations"] if v["rule"] == "CITY_QUOTA"]  # 6 fit the new quota
    over = {v["project"] for v in report["violations"] if v["rule"] == "APPLICANT_MAX_PROJECTS"}
    assert over == {"项目1之二"}  # the project beyond the one allowed


def test_carrying_from_another_city_or_a_non_database_creates_nothing(capsys, tmp_path):
    from tests.test_cli import run

    old = tmp_path / "old.sqlite3"
    assert run(capsys, "--db", old, "init", "--city", "韶关")[0] == 0
    target = tmp_path / "new.sqlite3"
    code, _, err = run(capsys, "--db", target, "init", "--city", "清远", "--carry-applicants-from", old)
    assert code == 2 and "属于韶关市，不是清远市" in err
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    code, _, err = run(capsys, "--db", target, "init", "--city", "清远", "--carry-applicants-from", junk)
    assert code == 2 and "不是本程序的数据库" in err and "Traceback" not in err
    assert not target.exists()

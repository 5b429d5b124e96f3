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

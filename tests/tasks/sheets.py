"""Task-list workbooks shaped like seeds 000 (2021) and 001 (2020): a title row, the header,
and for 2020 a second row per city with 序号/地市/任务名称/目标 merged down from the first."""

from __future__ import annotations

from pathlib import Path

import openpyxl

HEADER = [
    "序号",
    "地市",
    "工作任务名称",
    "任务要求/目标",
    "任务性质",
    "实施方式",
    "实施标准",
    "工作量",
    "完成时限",
]
STANDARD = "符合省统一的工业互联网应用标杆示范项目遴选标准"
CLOUD_STANDARD = "符合省统一的“上云上平台”奖补对象、应用服务目录、标准"

ROWS_2021 = [
    ("广州", "培育不少于4个工业互联网标杆示范项目", "至少培育4个工业互联网标杆示范项目，其中至少2个5G+工业互联网示范项目和1个产业链协同示范标杆"),
    ("汕头", "培育2个工业互联网标杆示范项目", "至少培育2个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目"),
    ("佛山", "培育不少于3个工业互联网标杆示范项目", "至少培育3个工业互联网标杆示范项目，其中至少2个5G+工业互联网标杆示范和1个产业链协同示范标杆"),
    ("梅州", "培育1个工业互联网标杆示范项目", "培育1个5G+工业互联网标杆示范项目"),
    ("惠州", "培育不少于3个工业互联网标杆示范项目", "至少培育3个5G+工业互联网标杆示范项目"),
    ("汕尾", "培育1个工业互联网标杆示范项目", "培育1个工业互联网标杆示范项目"),
    ("江门", "培育不少于2个工业互联网标杆示范项目", "至少培育2个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目"),
]  # fmt: skip


def sheet_2021(path: Path, year: int = 2021, deadline: str | None = None) -> Path:
    """Seed 000's layout; `year` and `deadline` make the same list for another year."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [f"{year}年省级促进经济高质量发展专项资金（新一代信息技术和产业发展）支持工业互联网发展方向地市任务清单"]
    )
    ws.merge_cells("A1:I1")
    ws.append(HEADER)
    for i, (city, goal, workload) in enumerate(ROWS_2021, 1):
        ws.append(
            [i, city, "工业互联网标杆示范", goal, "约束性任务", "因素法分配", STANDARD, workload, deadline or f"{year}年底"]
        )
    wb.save(path)
    return path


GOAL_BOTH = "推动一批工业企业“上云上平台”实施数字化网络化智能化升级，建设一批工业互联网标杆示范项目"
GOAL_CLOUD = "推动一批工业企业“上云上平台”实施数字化网络化智能化升级"
NAME_BOTH = "工业企业“上云上平台”、工业互联网标杆示范"
NAME_CLOUD = "工业企业“上云上平台”"


def sheet_2020(path: Path, year: int = 2020) -> Path:
    """Seed 001's layout; `year` makes the same list (title and 完成时限) for another year."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["附件"])
    ws.append([f"{year}年省级促进经济高质量发展专项资金（支持工业互联网发展）\n地市任务清单"])
    ws.append(
        [
            "序号",
            "地市",
            "工作任务名称",
            "任务要求/目标",
            "任务\n性质",
            "实施方式",
            "实施标准",
            "工作量",
            "完成时限",
        ]
    )

    def pair(seq: int, city: str, bench: str, cloud: str) -> None:
        first = ws.max_row + 1
        ws.append(
            [seq, city, NAME_BOTH, GOAL_BOTH, "约束性任务", "因素法分配\n补助", STANDARD, bench, f"{year}年底"]
        )
        ws.append(
            [
                None,
                None,
                None,
                None,
                "约束性任务",
                "因素法分配\n服务券补助",
                CLOUD_STANDARD,
                cloud,
                f"{year}年底",
            ]
        )
        for col in "ABCD":
            ws.merge_cells(f"{col}{first}:{col}{first + 1}")

    pair(
        1,
        "广州",
        "至少培育3个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目",
        "至少带动194个工业企业“上云上平台”项目",
    )
    pair(
        4,
        "佛山",
        "至少培育3个工业互联网标杆示范项目，其中至少1个5G+工业互联网示范项目",
        "至少带动201个工业企业“上云上平台”项目",
    )
    ws.append(
        [
            5,
            "韶关",
            NAME_CLOUD,
            GOAL_CLOUD,
            "约束性任务",
            "因素法分配\n服务券补助",
            CLOUD_STANDARD,
            "至少带动4个工业企业“上云上平台”项目",
            f"{year}年底",
        ]
    )
    ws.append(
        [
            12,
            "江门",
            NAME_CLOUD,
            GOAL_CLOUD,
            "约束性任务",
            "因素法分配\n服务券补助",
            CLOUD_STANDARD,
            "至少带动40个工业企业“上云上平台”项目",
            f"{year}年底",
        ]
    )
    # 云浮: the second row names its own goal but leaves 序号, 地市 and the task's name to the merge.
    first = ws.max_row + 1
    ws.append(
        [
            20,
            "云浮",
            NAME_BOTH,
            GOAL_CLOUD,
            "约束性任务",
            "因素法分配\n服务券补助",
            CLOUD_STANDARD,
            "至少带动4个工业企业“上云上平台”项目",
            f"{year}年底",
        ]
    )
    ws.append(
        [
            None,
            None,
            None,
            "建设一批工业互联网标杆示范项目",
            "约束性任务",
            "因素法分配\n补助",
            STANDARD,
            "至少培育1个工业互联网标杆示范项目",
            f"{year}年底",
        ]
    )
    for col in "ABC":
        ws.merge_cells(f"{col}{first}:{col}{first + 1}")
    wb.save(path)
    return path

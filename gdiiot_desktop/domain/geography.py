"""Place names outside Guangdong, to tell "registered elsewhere" from "written unclearly".

A 注册地 that names another province or a well-known city outside Guangdong is plainly ineligible;
one the program cannot place (a township, a typo) is only flagged for the official to look at.
"""

from __future__ import annotations

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
    "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip

CITIES = (
    "石家庄", "太原", "呼和浩特", "沈阳", "大连", "长春", "哈尔滨", "南京", "苏州", "无锡", "常州",
    "南通", "徐州", "杭州", "宁波", "温州", "嘉兴", "绍兴", "金华", "台州", "合肥", "芜湖", "福州",
    "厦门", "泉州", "漳州", "莆田", "南昌", "赣州", "九江", "济南", "青岛", "烟台", "潍坊", "郑州",
    "洛阳", "武汉", "宜昌", "襄阳", "长沙", "株洲", "湘潭", "衡阳", "郴州", "南宁", "柳州", "桂林",
    "梧州", "北海", "海口", "三亚", "成都", "绵阳", "贵阳", "遵义", "昆明", "拉萨", "西安", "兰州",
    "西宁", "银川", "乌鲁木齐", "唐山", "保定", "邯郸", "包头", "鞍山", "吉林市", "大庆", "扬州",
    "盐城", "镇江", "湖州", "蚌埠", "龙岩", "宁德", "上饶", "淄博", "临沂", "济宁", "新乡", "南阳",
    "黄石", "岳阳", "常德", "玉林", "贵港", "宜宾", "德阳", "曲靖", "宝鸡", "天水",
)  # fmt: skip


def names_place_outside(text: str) -> str | None:
    """The province or city outside Guangdong that `text` starts with, if any."""
    for name in PROVINCES + CITIES:
        if text.startswith(name):
            return name
    return None

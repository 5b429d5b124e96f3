"""The recommendation letter (推荐函) the city sends with its table: its parts, its default wording
drawn from the recommendation, and the plain-text form the user edits before export.

The text form is what the user sees in the export dialog and what `gdiiot export --letter FILE`
reads (UTF-8): one "名称：内容" line per part, and the body after a line "正文：" up to the next
part. Body paragraphs that start with 一、 （一） 1. （1） are headings of GB/T 9704's four levels.
The wording is frozen with the snapshot, so re-exporting a snapshot gives the same letter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from ...domain.campaign import Campaign
from ...domain.model import Application
from ..errors import InputError

ADDRESSEE = "广东省工业和信息化厅"
# Usual abbreviations in the cities' document numbers (粤X工信函): the office fills in the number.
CITY_ABBREVIATIONS = {
    "广州": "穗", "深圳": "深", "珠海": "珠", "汕头": "汕", "佛山": "佛", "韶关": "韶", "湛江": "湛",
    "肇庆": "肇", "江门": "江", "茂名": "茂", "惠州": "惠", "梅州": "梅", "汕尾": "汕尾", "河源": "河",
    "阳江": "阳", "清远": "清", "东莞": "东", "中山": "中", "潮州": "潮", "揭阳": "揭", "云浮": "云",
}
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Letter:
    """The parts of the letter, in the order they are printed."""

    issuer_mark: str  # 发文机关标志
    number: str  # 发文字号
    title: str  # 标题
    addressee: str  # 主送机关
    body: tuple[str, ...]  # 正文 paragraphs
    attachment: str  # 附件说明
    signer: str  # 发文机关署名
    date: str  # 成文日期, Arabic numerals without leading zeros
    contact: str  # 联系人
    phone: str  # 联系电话
    copy_to: str = ""  # 版记：抄送
    printer: str = ""  # 版记：印发机关
    printed_on: str = ""  # 版记：印发日期

    @property
    def has_imprint(self) -> bool:
        """Whether the 版记 is used (only when 抄送 or 印发 is filled in)."""
        return bool(self.copy_to or self.printer)

    @property
    def contact_line(self) -> str:
        """The 附注 line under the date: who to call."""
        name = self.contact or "　　　　"
        phone = self.phone or "　　　　　　　　"
        return f"（联系人：{name}；联系电话：{phone}）"


# field name → the label of its line in the text form
LABELS = {
    "issuer_mark": "发文机关标志",
    "number": "发文字号",
    "title": "标题",
    "addressee": "主送机关",
    "body": "正文",
    "attachment": "附件",
    "signer": "发文机关署名",
    "date": "成文日期",
    "contact": "联系人",
    "phone": "联系电话",
    "copy_to": "抄送",
    "printer": "印发机关",
    "printed_on": "印发日期",
}
REQUIRED = ("issuer_mark", "title", "addressee", "body", "signer", "date")
_LINE = re.compile(r"^\s*(" + "|".join(map(re.escape, LABELS.values())) + r")\s*[：:]\s*(.*)$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def date_text(day: date) -> str:
    """成文日期 as GB/T 9704 writes it: Arabic numerals, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def default_letter(
    campaign: Campaign,
    city: str,
    recommender: str,
    apps: Sequence[Application],
    day: date,
    contact: str = "",
    phone: str = "",
) -> Letter:
    """The wording the program proposes: count and priority order, central enterprises apart."""
    local = [a for a in apps if not a.applicant.is_central_enterprise]
    central = [a for a in apps if a.applicant.is_central_enterprise]
    city_info = campaign.city(city)
    quota = campaign.quota_for(city_info) if city_info else None
    year = campaign.year
    notice = f"《广东省工业和信息化厅关于组织开展{year}年工业互联网试点示范项目推荐工作的通知》（{campaign.province_notice}）"
    body = [
        f"根据{notice}要求，我局组织开展了本地区{year}年工业互联网试点示范项目申报推荐工作。"
        "经企业申报、县（区）初审、我局审核，现将推荐项目报送如下。",
        "一、推荐项目",
        f"我局共推荐{len(local)}个项目" + (f"（本地区推荐名额{quota}个）" if quota else "") + "，按推荐优先顺序排列：",
        *[f"{i}.{a.project_name}（{a.applicant.name}）" for i, a in enumerate(local, start=1)],
    ]
    if central:
        body += [
            "二、中央企业项目",
            f"以下{len(central)}个项目由中央企业申报，不占属地指标，单独列出：",
            *[f"{i}.{a.project_name}（{a.applicant.name}）" for i, a in enumerate(central, start=1)],
        ]
    body += [
        f"{'三' if central else '二'}、报送材料",
        "推荐项目汇总表一式两份、项目申报材料纸质版一式六份及电子版光盘一份随函报送。"
        "申报材料已经我局审核，申报单位对材料的真实性负责。",
        "请予审核。",
    ]
    abbreviation = CITY_ABBREVIATIONS.get(city.removesuffix("市"), city[:1])
    return Letter(
        issuer_mark=recommender,
        number=f"{abbreviation}工信函〔{year}〕　号",
        title=f"{recommender}关于推荐{year}年工业互联网试点示范项目的函",
        addressee=ADDRESSEE,
        body=tuple(body),
        attachment=f"{year}年工业互联网试点示范推荐项目汇总表",
        signer=recommender,
        date=date_text(day),
        contact=contact,
        phone=phone,
    )


def to_text(letter: Letter) -> str:
    """The editable text form (see the module's note)."""
    lines = []
    for f in fields(Letter):
        label = LABELS[f.name]
        if f.name == "body":
            lines.append(f"{label}：")
            lines.extend(letter.body)
        else:
            lines.append(f"{label}：{getattr(letter, f.name)}")
    return "\n".join(lines) + "\n"


def parse(text: str) -> Letter:
    """Read the text form back; a clear Chinese message for whatever is missing or wrong."""
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_TEXT:
        raise InputError(f"推荐函文字太长（{len(text)} 字，最多 {MAX_TEXT} 字）")
    by_label = {v: k for k, v in LABELS.items()}
    values: dict[str, str] = {}
    body: list[str] = []
    in_body = False
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        match = _LINE.match(line)
        if match:
            key = by_label[match.group(1)]
            if key in seen:
                raise InputError(f"推荐函文字第{number}行：“{match.group(1)}”出现了两次")
            seen.add(key)
            in_body = key == "body"
            if in_body:
                if match.group(2).strip():
                    body.append(match.group(2).strip())
            else:
                values[key] = match.group(2).strip()
            continue
        if in_body:
            if line:
                body.append(line)
        elif line:
            raise InputError(
                f"推荐函文字第{number}行“{line[:20]}”不属于任何部分：每行以“标题：”“主送机关：”等开头，正文写在“正文：”一行之后"
            )
    missing = [LABELS[k] for k in REQUIRED if not (body if k == "body" else values.get(k))]
    if missing:
        raise InputError(f"推荐函缺少：{'、'.join(missing)}")
    day = values["date"]
    found = _DATE.match(day.replace(" ", ""))
    if found is None or any(part.startswith("0") for part in found.groups()[1:]):
        raise InputError(f"成文日期“{day}”应写成阿拉伯数字的年月日，月、日不编虚位，如 2023年12月1日")
    try:
        date(*(int(g) for g in found.groups()))
    except ValueError:
        raise InputError(f"成文日期“{day}”不是有效日期") from None
    return Letter(**{k: values.get(k, "") for k in LABELS if k != "body"}, body=tuple(body))


def with_date(letter: Letter, day: date) -> Letter:
    return replace(letter, date=date_text(day))


_HEADINGS = (
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^（[一二三四五六七八九十]+）")),
    (3, re.compile(r"^\d+[.．]")),
    (4, re.compile(r"^（\d+）")),
)


def heading_level(paragraph: str) -> int:
    """1–4 for GB/T 9704's 一、（一）1.（1）; 0 for ordinary body text."""
    for level, pattern in _HEADINGS:
        if pattern.match(paragraph):
            return level
    return 0


def is_title_line(paragraph: str) -> bool:
    """A level-1 or level-2 heading standing alone (short, no full stop): kept with what follows."""
    return heading_level(paragraph) in (1, 2) and len(paragraph) <= 30 and "。" not in paragraph

"""The field registry of a special-fund application: each field's Chinese label, kind, cap and owner.

The one place the caps of a fund application are written. The Excel intake checks its text columns
against them, the bundle codec (services/fund/codec.py) reads and writes every field from here, and
the bundle format's caps (services/exchange/format.py) follow from them. The caps are where the 入库
list's .xlsx and PDF can still lay a value out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..text import describe_removed, find_unsafe


class FundKind(StrEnum):
    TEXT = "text"  # free text under a cap
    ID = "id"  # an id from the campaign file (direction, category, material)
    MONEY = "money"  # yuan, two places, as a decimal string in JSON
    COUNT = "count"  # a non-negative integer
    MONEY_MAP = "money_map"  # category id → yuan
    ID_SET = "id_set"  # a set of ids (materials received)


class FundOwner(StrEnum):
    COUNTY = "county"  # filed by the county: carried in its bundle, merged at the city
    CITY = "city"  # the city's decisions (status, rank, score): never in a bundle


@dataclass(frozen=True)
class FundField:
    name: str  # the attribute of FundApplication, and the key in JSON
    label: str
    kind: FundKind
    max_length: int = 0  # TEXT and ID: characters
    owner: FundOwner = FundOwner.COUNTY

    def text_problem(self, text: str) -> str | None:
        """What is wrong with a text of this field (forbidden characters, length); None when nothing is."""
        bad = find_unsafe(text)
        if bad:
            return f"{self.label}含有不允许的字符：{describe_removed(bad)}，请删除后重新填写"
        if self.max_length and len(text) > self.max_length:
            return f"{self.label}过长（{len(text)}个字，最多{self.max_length}个字）"
        return None


ID_LENGTH = 32  # ids in a campaign file (directions, categories, materials)
MAX_COUNT = 999_999_999  # training sessions and people: far above any call, and they fit SQLite
MAX_CATEGORIES = 32  # investment categories of one application (a call names a handful)
MAX_MATERIALS = 64  # materials ticked as received
MAX_FILES = 60  # attachments of one application: invoices by category and the materials
MONEY_CHARS = 16  # "1000000000000.00": MAX_AMOUNT with its fen

FIELDS: tuple[FundField, ...] = (
    FundField("county", "县（市、区）", FundKind.TEXT, 32),
    FundField("enterprise", "企业名称", FundKind.TEXT, 100),
    FundField("uscc", "统一社会信用代码", FundKind.TEXT, 40),
    FundField("project_name", "项目名称", FundKind.TEXT, 100),
    FundField("direction_id", "支持方向", FundKind.ID, ID_LENGTH),
    FundField("subdirection_id", "子方向", FundKind.ID, ID_LENGTH),
    FundField("investment", "投入（按类别）", FundKind.MONEY_MAP, ID_LENGTH),
    FundField("requested", "申请补贴金额", FundKind.MONEY),
    FundField("cluster", "所属产业集群", FundKind.TEXT, 100),
    FundField("training_sessions", "培训场次", FundKind.COUNT),
    FundField("training_people", "培训人数", FundKind.COUNT),
    FundField("materials_received", "已提交材料", FundKind.ID_SET, ID_LENGTH),
    FundField("contact", "联系人及电话", FundKind.TEXT, 100),
    FundField("note", "备注", FundKind.TEXT, 2000),
    FundField("status", "状态", FundKind.ID, 16, FundOwner.CITY),
    FundField("rank", "入库排序", FundKind.COUNT, owner=FundOwner.CITY),
    FundField("review_score", "评审得分", FundKind.MONEY, owner=FundOwner.CITY),
)
BY_NAME = {f.name: f for f in FIELDS}
COUNTY_FIELDS = tuple(f for f in FIELDS if f.owner is FundOwner.COUNTY)
CITY_OWNED = frozenset(f.name for f in FIELDS if f.owner is FundOwner.CITY)

# An attachment of a fund application: an invoice of an investment category, or a material.
FILE_FIELDS: tuple[FundField, ...] = (
    FundField("file_name", "文件名", FundKind.TEXT, 255),
    FundField("category_id", "投入类别", FundKind.ID, ID_LENGTH),
    FundField("material_id", "材料", FundKind.ID, ID_LENGTH),
)
FILES_LABEL = "附件（发票和材料）"


def label(name: str) -> str:
    """The Chinese label of a field name ("attachments" included); the name itself when unknown."""
    if name == "attachments":
        return FILES_LABEL
    found = BY_NAME.get(name)
    return found.label if found else name


def cap(name: str) -> int:
    return BY_NAME[name].max_length

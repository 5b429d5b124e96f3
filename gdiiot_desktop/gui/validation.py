"""Inline checks of what is typed into the editor: dates, numbers, phone numbers, e-mail addresses.

These only check the *form* of an entry so the user sees a mistake at once; the campaign's rules
stay in the domain's rule engine.
"""

from __future__ import annotations

import re
from datetime import date

from gdiiot_desktop.domain.fields import field
from gdiiot_desktop.domain.uscc import normalize_uscc, uscc_problem

PILOT_YEAR = field("pilot_year")

_MOBILE = re.compile(r"1[3-9]\d{9}")
_PHONE = re.compile(r"(\+?86[- ]?)?(0\d{2,3}[- ]?)?\d{7,8}([- ]?(转|ext\.?|-)\s*\d{1,6})?", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_DATE = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?")


class FieldError(ValueError):
    """An entry that is not in the expected form; the message is shown beside the field."""


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    m = _DATE.fullmatch(text)
    if m is None:
        raise FieldError("日期格式应为 年-月-日，如 2021-06-30")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise FieldError("不存在的日期") from exc


def parse_amount(text: str) -> float | None:
    """A sum in 万元: digits with an optional decimal point and thousands separators."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError as exc:
        raise FieldError("应填写数字（单位：万元）") from exc
    if value < 0:
        raise FieldError("不能为负数")
    return value


def parse_signed_amount(text: str) -> float | None:
    """Like parse_amount, but a loss may be negative (利润)."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError as exc:
        raise FieldError("应填写数字（单位：万元）") from exc


def parse_count(text: str) -> int | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    if not text.isdigit():
        raise FieldError("应填写整数")
    return int(text)


def parse_year(text: str) -> int | None:
    """The year an application was listed in an earlier pilot: the field registry's range."""
    text = text.strip().removesuffix("年")
    if not text:
        return None
    low, high = PILOT_YEAR.low, PILOT_YEAR.high
    if not (text.isdigit() and len(text) == 4 and low is not None and high is not None and low <= int(text) <= high):
        raise FieldError(f"应填写四位年份（{low:g} 年以后），如 2022；未列入则留空")
    return int(text)


def mobile_problem(text: str) -> str | None:
    text = "".join(text.split()).replace("-", "")
    if not text or _MOBILE.fullmatch(text.removeprefix("+86")):
        return None
    return "应为以1开头的11位数字，如 13812345678"


def phone_problem(text: str) -> str | None:
    text = text.strip()
    if not text or _PHONE.fullmatch(text) or _MOBILE.fullmatch(text.replace(" ", "")):
        return None
    return "应为电话号码，如 020-12345678 或 0757-8888888转123"


def email_problem(text: str) -> str | None:
    text = text.strip()
    if not text or _EMAIL.fullmatch(text):
        return None
    return "应为电子邮箱地址，如 name@example.com"


def uscc_status(text: str) -> str | None:
    """What is wrong with a typed code (check character included); None when it is valid."""
    return uscc_problem(normalize_uscc(text))

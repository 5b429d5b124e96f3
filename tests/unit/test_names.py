"""Name normalisation for duplicate detection (SPEC DUPLICATE_PROJECT: ignore spaces, width, punctuation)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdiiot_desktop.domain.names import clean_text, normalize_name

SAME = [
    ("5G＋智能工厂（一期）", "5G+智能工厂 一期"),
    ("５Ｇ智能工厂", "5G智能工厂"),
    ("基于工业互联网的数字化车间", "基于工业互联网的 数字化 车间"),
    ("基于工业互联网的数字化车间", "基于工业互联网的数字化车间。"),
    ("“灯塔”工厂建设项目", '"灯塔"工厂建设项目'),
    ("工业互联网平台·智能制造", "工业互联网平台—智能制造"),
    ("IoT平台建设", "iot平台建设"),
    ("ＩｏＴ 平台建设", "IOT平台建设"),
    ("数字孪生\u3000工厂", "数字孪生工厂"),
    ("数字孪生\t工厂\n", " 数字孪生工厂"),
    ("标识解析(二级节点)应用", "标识解析【二级节点】应用"),
    ("5G+工业互联网、边缘计算", "5G工业互联网,边缘计算"),
    ("工厂\u00a0项目", "工厂项目"),
    ("智能工厂——《一期》", "智能工厂一期"),
]

DIFFERENT = [
    ("智能工厂一期", "智能工厂二期"),
    ("5G智能工厂", "4G智能工厂"),
    ("数字化车间", "数字化工厂"),
    ("工业互联网平台", "工业互联网平台项目"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_near_identical_names_normalise_alike(a, b):
    assert normalize_name(a) == normalize_name(b)
    assert normalize_name(a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_stay_different(a, b):
    assert normalize_name(a) != normalize_name(b)


def test_keeps_letters_digits_and_ideographs():
    assert normalize_name("5G＋智能工厂（一期）") == "5g智能工厂一期"
    assert normalize_name("ABC-123") == "abc123"


def test_empty_and_none():
    assert normalize_name(None) == ""
    assert normalize_name("") == ""
    assert normalize_name("  （）—— 。") == ""


@given(st.text(max_size=40))
def test_idempotent_and_free_of_spaces_and_punctuation(text):
    key = normalize_name(text)
    assert normalize_name(key) == key
    assert not any(ch.isspace() for ch in key)
    assert normalize_name(" " + text + "。") == key


def test_clean_text():
    assert clean_text(None) == ""
    assert clean_text("  广州市黄埔区 ") == "广州市黄埔区"
    assert clean_text("\u3000某某公司\u3000") == "某某公司"
    assert clean_text("A  B") == "A  B"  # inner runs kept
    assert clean_text(2023) == "2023"
    # NFC: a decomposed "é" becomes one character.
    assert clean_text("e\u0301") == "\u00e9"

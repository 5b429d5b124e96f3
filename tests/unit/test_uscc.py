"""统一社会信用代码 (GB 32100-2015), checked against SPEC's reference facts with an independent implementation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdiiot_desktop.domain.uscc import (
    ALPHABET,
    WEIGHTS,
    check_character,
    division_code,
    is_valid_uscc,
    normalize_uscc,
    uscc_problem,
)

# SPEC: "Valid examples"
SPEC_VALID = ["91310110666007217T", "91310115591693856A", "91350500676532779B", "91510100MA6BKY6U36"]
# SPEC: "A few genuine early codes fail the check"
GENUINE_BUT_FAILING = "91350100M0001TGQXM"

SPEC_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def spec_check_character(first17: str) -> str:
    """SPEC: weights 3^(i-1) mod 31; check = 31 - (sum mod 31), 31 -> 0, mapped back through the set."""
    total = sum(SPEC_SET.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    value = 31 - total % 31
    return SPEC_SET[0 if value == 31 else value]


def spec_uscc(first17: str) -> str:
    return first17 + spec_check_character(first17)


def test_alphabet_and_weights_are_the_spec_ones():
    assert ALPHABET == SPEC_SET
    assert len(ALPHABET) == 31
    for letter in "IOSVZ":
        assert letter not in ALPHABET
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    assert tuple(pow(3, i, 31) for i in range(17)) == WEIGHTS


@pytest.mark.parametrize("code", SPEC_VALID)
def test_spec_valid_examples(code):
    assert is_valid_uscc(code)
    assert uscc_problem(code) is None
    assert check_character(code[:17]) == code[17]
    assert spec_check_character(code[:17]) == code[17]


def test_genuine_early_code_fails_the_check():
    assert not is_valid_uscc(GENUINE_BUT_FAILING)
    problem = uscc_problem(GENUINE_BUT_FAILING)
    assert problem is not None and "校验位" in problem
    assert check_character(GENUINE_BUT_FAILING[:17]) != "M"


@pytest.mark.parametrize("code", SPEC_VALID)
def test_every_single_character_change_is_caught(code):
    # Weights are non-zero mod the prime 31, so any one substituted character changes the sum.
    for position in range(18):
        for replacement in ALPHABET:
            if replacement == code[position]:
                continue
            changed = code[:position] + replacement + code[position + 1 :]
            assert not is_valid_uscc(changed), changed


@given(st.text(alphabet=SPEC_SET, min_size=17, max_size=17))
def test_check_character_matches_the_spec_formula(first17):
    assert check_character(first17) == spec_check_character(first17)
    assert is_valid_uscc(spec_uscc(first17))


def test_check_value_31_maps_to_zero():
    # A body whose weighted sum is 0 mod 31 has check value 31, written as "0".
    body = "0" * 17
    assert check_character(body) == "0"
    assert is_valid_uscc(body + "0")


def test_normalisation():
    assert normalize_uscc(None) == ""
    assert normalize_uscc("") == ""
    assert normalize_uscc(" 91310110666007217t ") == "91310110666007217T"
    assert normalize_uscc("9131 0110 6660 0721 7T") == "91310110666007217T"
    assert normalize_uscc("９１３１０１１０６６６００７２１７Ｔ") == "91310110666007217T"
    assert normalize_uscc("91310110666007217T\u3000") == "91310110666007217T"
    assert is_valid_uscc("91510100ma6bky6u36")
    assert is_valid_uscc("９１３１０１１５５９１６９３８５６Ａ")


def test_problems_are_explained_in_chinese():
    assert uscc_problem("") == "未填写统一社会信用代码"
    assert "18位" in (uscc_problem("91310110666007217") or "")
    assert "实际为19位" in (uscc_problem("91310110666007217TT") or "")
    bad_chars = uscc_problem("91310110666OO7217T")
    assert bad_chars is not None and "O" in bad_chars and "不允许" in bad_chars
    for letter in "IOSVZ":
        assert not is_valid_uscc("9131011066600721" + letter + "T")
    wrong = uscc_problem("91310110666007217A")
    assert wrong == "统一社会信用代码校验位错误：第18位应为T，实际为A"


def test_division_code_is_positions_3_to_8():
    assert division_code("91310110666007217T") == "310110"
    assert division_code(spec_uscc("91440300" + "MA5FXXXX1")) == "440300"
    assert division_code("short") == ""


def test_guangdong_codes():
    # Codes registered by Guangdong authorities start with 44 at positions 3-4.
    code = spec_uscc("91440101" + "MA59ABCD1")
    assert is_valid_uscc(code)
    assert division_code(code).startswith("44")


def test_check_character_rejects_characters_outside_the_set_with_valueerror():
    # The docstring promises ValueError for a character outside the set (I, O, S, V, Z, lower case).
    with pytest.raises(ValueError):
        check_character("9131011066600721O")
    with pytest.raises(ValueError):
        check_character("913101106660072")  # 15 characters

"""The character-level sanitiser: XML-forbidden characters, bidi controls, terminal echo."""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdiiot_desktop.domain.text import (
    describe_removed,
    find_unsafe,
    has_unsafe,
    sanitize,
    strip_unsafe,
    terminal_safe,
)

FORBIDDEN = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff", "\ud800", "\udfff"]
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]


@pytest.mark.parametrize("char", FORBIDDEN + BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_each_unsafe_character_is_found_and_removed(char: str) -> None:
    text = f"智能{char}工厂"
    found = find_unsafe(text)
    assert [(u.index, u.char) for u in found] == [(2, char)]
    assert strip_unsafe(text) == "智能工厂"
    assert has_unsafe(text)
    result = sanitize(text)
    assert result.text == "智能工厂" and result.changed and result.removed == tuple(found)


@pytest.mark.parametrize(
    "text",
    [
        "智能工厂",
        "line\nbreak\r\n\ttab",
        "emoji 🏭 and 𠀀",
        "\u200b zero width stays",
        "\u00a0\u3000",
        "\ufffd",
        "\U0010fffd",
    ],
)
def test_legal_text_is_left_alone(text: str) -> None:
    assert find_unsafe(text) == []
    assert strip_unsafe(text) == text
    result = sanitize(text)
    assert result.text is text and not result.changed


def test_descriptions_name_the_kind_and_position() -> None:
    result = sanitize("a\x07b\u202ec\uffffd\ud800")
    assert [c.description for c in result.removed] == [
        "控制字符 U+0007",
        "文字方向控制符 U+202E",
        "非字符 U+FFFF",
        "不成对的代理字符 U+D800",
    ]
    assert describe_removed(result.removed) == (
        "控制字符 U+0007（第2个字符）、文字方向控制符 U+202E（第4个字符）、非字符 U+FFFF（第6个字符）等4个"
    )
    assert describe_removed(()) == ""


@given(st.text())
def test_sanitized_text_is_always_valid_xml_and_idempotent(text: str) -> None:
    clean = strip_unsafe(text)
    assert strip_unsafe(clean) == clean
    assert not has_unsafe(clean)
    element = ElementTree.Element("v")
    element.text = clean
    data = io.BytesIO()
    ElementTree.ElementTree(element).write(data, encoding="utf-8")
    parsed = ElementTree.fromstring(data.getvalue())
    # XML normalises CR and CRLF to LF on reading; everything else survives the round trip
    assert (parsed.text or "") == clean.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J清屏", "\\u001b[2J清屏"),
        ("名称\n第二行", "名称\\u000a第二行"),
        ("bell\x07", "bell\\u0007"),
        ("csi\x9b31m", "csi\\u009b31m"),
        ("del\x7f", "del\\u007f"),
        ("\u202egnp.exe", "\\u202egnp.exe"),
        ("\u200fmark", "\\u200fmark"),
        ("普通文本 ＡＢＣ 🏭", "普通文本 ＡＢＣ 🏭"),
    ],
)
def test_terminal_safe_escapes_controls(raw: str, shown: str) -> None:
    assert terminal_safe(raw) == shown


@given(st.text())
def test_terminal_safe_never_leaves_a_control(text: str) -> None:
    shown = terminal_safe(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert not any(c in shown for c in BIDI)


def test_terminal_safe_lines_keeps_newlines_and_tabs_only() -> None:
    assert terminal_safe("a\tb\nc\rd\x1be", lines=True) == "a\tb\nc\\u000dd\\u001be"


@given(st.text())
def test_terminal_escapes_keep_json_valid(text: str) -> None:
    import json

    encoded = json.dumps({"v": text}, ensure_ascii=False)
    assert json.loads(terminal_safe(encoded, lines=True)) == {"v": text}

"""The editor's 曾列入试点示范年份 takes the field registry's range, as the county export and the city check do."""

from __future__ import annotations

import pytest

from gdiiot_desktop.domain.fields import field
from gdiiot_desktop.gui.validation import FieldError, parse_year


def test_the_editor_accepts_exactly_the_registry_range() -> None:
    low, high = int(field("pilot_year").low or 0), int(field("pilot_year").high or 0)
    assert parse_year(f"{low}年") == low and parse_year(str(high)) == high and parse_year(" ") is None
    for outside in (str(low - 1), str(high + 1), "22", "二〇二二"):
        with pytest.raises(FieldError, match="应填写四位年份"):
            parse_year(outside)

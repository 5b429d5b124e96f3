"""The few style sheets the windows share: notices, problem marks, read-only banners."""

from __future__ import annotations

ERROR_STYLE = "border: 1px solid #b3261e; background: #fdecea;"
ERROR_TEXT_STYLE = "color: #b3261e;"
OK_TEXT_STYLE = "color: #1e7b34;"
NOTICE_STYLE = "background: #fff4ce; color: #6b4e00; border: 1px solid #e0b600; border-radius: 3px; padding: 2px 8px;"
READ_ONLY_STYLE = "background: #fdecea; color: #8c1d18; border: 1px solid #b3261e; border-radius: 3px; padding: 6px;"
OVERDUE_STYLE = "color: #b3261e; font-weight: bold;"

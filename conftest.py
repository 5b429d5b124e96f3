"""Root pytest setup: run Qt headless (offscreen) before anything imports Qt."""

from __future__ import annotations

import os

# Must happen before the first PySide6 import anywhere (pytest-qt imports Qt while collecting).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

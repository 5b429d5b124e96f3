"""Building an ISO image with the snapshot's time instead of the clock, so it is reproducible.

pycdlib 1.22 stamps every volume descriptor, directory record and UDF entry with `time.time()`
and draws the UDF volume-set identifier from `random`; it has no parameter for either. While an
image is built, the `time` and `random` names of its modules are replaced by a fixed clock and a
seeded generator (and restored afterwards). A lock keeps two builds from overlapping.
tests/exports/test_reproducible.py checks that the modules still use these names.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from types import ModuleType
from typing import Any

import pycdlib.headervd
import pycdlib.pycdlib
import pycdlib.udf

# The pycdlib modules that read the clock (time.time) or draw random numbers.
CLOCK_MODULES: tuple[ModuleType, ...] = (pycdlib.pycdlib, pycdlib.headervd, pycdlib.udf)
RANDOM_MODULES: tuple[ModuleType, ...] = (pycdlib.udf,)
_LOCK = threading.Lock()


class _FixedTime:
    """The `time` module, except that `time()` always answers the same instant."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def time(self) -> float:
        return self._seconds

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@contextlib.contextmanager
def frozen_clock(at: datetime, seed: str) -> Iterator[None]:
    """Within the block, pycdlib sees `at` as now and random numbers seeded by `seed`."""
    seconds = float(int(at.timestamp()))
    with _LOCK:
        saved = [(m, "time", m.time) for m in CLOCK_MODULES] + [(m, "random", m.random) for m in RANDOM_MODULES]
        try:
            for module in CLOCK_MODULES:
                module.time = _FixedTime(seconds)  # type: ignore[attr-defined]
            for module in RANDOM_MODULES:
                module.random = random.Random(seed)  # type: ignore[attr-defined]
            yield
        finally:
            for module, name, value in saved:
                setattr(module, name, value)

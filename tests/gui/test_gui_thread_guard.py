"""The guard that keeps window code off the database on the GUI thread is itself on guard."""

from __future__ import annotations

import pytest

from gdiiot_desktop.gui.meeting.window import read_meeting
from gdiiot_desktop.services.workspace import Workspace


def test_a_session_opened_from_window_code_on_the_gui_thread_fails(ws: Workspace) -> None:
    # read_meeting is window code (gui/meeting/window.py) that the window runs on a worker; called here,
    # on the GUI thread, it must trip the guard before it reads anything.
    with pytest.raises(AssertionError, match=r"GUI thread from window\.py:\d+ read_meeting"):
        read_meeting(ws, 1)


def test_set_up_calls_from_tests_pass_the_guard(ws: Workspace) -> None:
    with ws.db.session() as session:
        assert session.connection() is not None

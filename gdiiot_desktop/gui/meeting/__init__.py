"""The review meeting's windows: set-up, scoring, results and the full-screen presentation view."""

from .window import MeetingWindow

__all__ = ["MeetingWindow"]

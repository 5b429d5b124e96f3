"""Typed errors of the review meeting, each with a Chinese message that says what to do next."""

from __future__ import annotations

from ..errors import InputError, NotFoundError


class MeetingError(InputError):
    """A meeting operation that was refused; nothing was written."""


class MeetingNotFoundError(NotFoundError):
    """The meeting, expert or application asked for is not part of the database or the meeting."""


class MeetingLockedError(MeetingError):
    """The meeting's results are locked: nothing about it can change any more."""

    def __init__(self, title: str):
        super().__init__(
            f"评审会“{title}”的结果已锁定，不能再修改。锁定不可撤销；如确需重新评审，请新建一次评审会。"
        )


class RecusedExpertError(MeetingError):
    """A recused expert tried to score the application they recused from."""


class ScoreInputError(MeetingError):
    """Points that do not fit the rubric (missing, out of range, not a multiple of the step)."""


class UnresolvedSheetsError(MeetingError):
    """Keyed score sheets still disagree or wait for their second keying."""


class NoRubricError(MeetingError):
    """Neither the campaign file nor the shipped campaign has a scoring rubric."""

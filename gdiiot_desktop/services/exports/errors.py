"""Typed errors of the exports, each with a Chinese message that says what to do next."""

from __future__ import annotations

from ..errors import InputError, NotFoundError, ServiceError


class ExportError(ServiceError):
    """An export that cannot be made; nothing was written under a final name."""


class ExportBlockedError(ExportError):
    """Error-grade violations remain among the recommended applications; `details` names each."""


class NothingRecommendedError(ExportError):
    """No application is recommended, so there is nothing to hand in."""


class AttachmentIntegrityError(ExportError):
    """A stored attachment is missing or its bytes no longer match its SHA-256."""


class SnapshotNotFoundError(NotFoundError):
    """No snapshot with the id asked for."""


class CapacityError(ExportError):
    """The files do not fit the chosen disc, even split by project."""


class VerifyInputError(InputError):
    """`verify` was given something that is not an exported disc, folder or ISO image."""


class ExportCancelledError(ExportError):
    """The user cancelled; whatever was under way was removed."""

    def __init__(self) -> None:
        super().__init__("导出已取消，未完成的文件已删除。")

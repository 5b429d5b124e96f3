"""Typed errors of the services; each carries a plain Chinese message that says what to do next."""

from __future__ import annotations

# Re-exported so the faces catch storage failures without importing storage themselves.
from gdiiot_desktop.storage.errors import StorageError as StorageError


class ServiceError(Exception):
    """Bad input or a refused operation. `message` is shown to the user as it is."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {d}" for d in self.details)


class NotFoundError(ServiceError):
    """The application, file or backup asked for does not exist."""


class InputError(ServiceError):
    """A file or value supplied by the user cannot be used; nothing was written."""

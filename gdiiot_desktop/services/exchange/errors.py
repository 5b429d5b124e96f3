"""Typed errors of the exchange bundles; each message says in Chinese what is wrong and what to do."""

from __future__ import annotations

from ..errors import InputError


class BundleError(InputError):
    """A bundle cannot be used; nothing was written."""


class BundleDamagedError(BundleError):
    """The file is not a readable bundle: truncated, corrupt, or not a bundle at all."""


class BundleUnsafeError(BundleError):
    """The bundle is crafted: paths escaping the folder, links, duplicate names, a zip bomb."""


class BundleFormatError(BundleError):
    """The bundle's JSON does not follow the documented format (wrong types, missing keys, version)."""


class BundleTamperedError(BundleError):
    """A hash, the passphrase check or the audit chain does not match: the bundle was altered."""


class BundleMismatchError(BundleError):
    """A sound bundle that does not belong here: another campaign, city or county, or an older export."""


class BundleConflictError(BundleError):
    """The city and the county changed the same fields and no decision was given."""


class ExchangeUsageError(InputError):
    """A request that cannot be carried out (no county to export, nothing to return, …)."""

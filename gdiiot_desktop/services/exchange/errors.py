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
    """A hash, the signature or the audit chain does not match: the bundle was altered."""


class BundleKeyError(BundleTamperedError):
    """Unsigned, badly signed, or signed by a key other than the one pinned for its office."""


class BundleTrustNeededError(BundleError):
    """The first bundle from an office: a person must confirm its key's fingerprint (by phone) first."""

    def __init__(self, peer_label: str, fingerprint: str) -> None:
        from .keys import shown

        self.peer_label = peer_label
        self.fingerprint = fingerprint
        super().__init__(
            f"这是第一次导入{peer_label}的数据包，需先核对{peer_label}签名密钥的指纹：{shown(fingerprint)}。"
            f"请打电话给{peer_label}，请对方运行 gdiiot keys fingerprint（或在程序的“数据包”窗口查看本单位指纹）"
            f"并逐组念出；一致时再导入：gdiiot bundle import 文件 --trust \"{shown(fingerprint)}\"。未导入任何数据。"
        )


class BundleConfirmationError(BundleError):
    """The bundle withdraws applications or touches the city's recommended order: a person must say yes."""


class BundleMismatchError(BundleError):
    """A sound bundle that does not belong here: another campaign, city or county, or an older export."""


class BundleConflictError(BundleError):
    """The city and the county changed the same fields and no decision was given."""


class ExchangeUsageError(InputError):
    """A request that cannot be carried out (no county to export, nothing to return, …)."""

"""The optional county–city passphrase: an HMAC-SHA256 over the manifest, keyed by PBKDF2.

It shows that whoever made (or changed) the manifest knew the passphrase; the manifest's hashes
then cover every member. It does not hide anything (the bundle is not encrypted), and it cannot
tell apart two people who both know the passphrase.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from typing import Any

from ...storage.audit import canonical_json

ALGORITHM = "HMAC-SHA256"
KDF = "PBKDF2-HMAC-SHA256"
ITERATIONS = 200_000
MIN_ITERATIONS, MAX_ITERATIONS = 100_000, 2_000_000  # a crafted count must not stall the import
SALT_BYTES = 16


def _key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hashlib.pbkdf2_hmac("sha256", secret, salt, iterations)


def signed_body(manifest: dict[str, Any]) -> bytes:
    """What the HMAC covers: the manifest without its "hmac" key, as canonical JSON."""
    return canonical_json({k: v for k, v in manifest.items() if k != "hmac"}).encode("utf-8")


def sign(manifest: dict[str, Any], passphrase: str) -> dict[str, Any]:
    salt = os.urandom(SALT_BYTES)
    key = _key(passphrase, salt, ITERATIONS)
    return {
        "algorithm": ALGORITHM,
        "kdf": KDF,
        "iterations": ITERATIONS,
        "salt": salt.hex(),
        "value": hmac.new(key, signed_body(manifest), hashlib.sha256).hexdigest(),
    }


def matches(manifest: dict[str, Any], passphrase: str, salt: bytes, iterations: int, value: str) -> bool:
    key = _key(passphrase, salt, iterations)
    expected = hmac.new(key, signed_body(manifest), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, value)

"""The .gdiiot bundle format: names, version, limits (documented in docs/bundle-format.md)."""

from __future__ import annotations

import re

FORMAT_NAME = "gdiiot-bundle"
FORMAT_VERSION = 1
SUFFIX = ".gdiiot"

KIND_COUNTY = "county"  # a county's applications, files and audit log, for the city
KIND_RETURN = "return"  # the city's returns (退回) with reasons, for one county
KINDS = (KIND_COUNTY, KIND_RETURN)

MANIFEST = "manifest.json"
APPLICATIONS = "applications.json"
AUDIT = "audit.json"
RETURNS = "returns.json"
FILES_PREFIX = "files/"
FILE_MEMBER_RE = re.compile(r"files/[0-9a-f]{64}")

# The JSON members each kind must hold besides the manifest and the files.
JSON_MEMBERS = {KIND_COUNTY: (APPLICATIONS, AUDIT), KIND_RETURN: (RETURNS,)}

# Limits against crafted input (a zip bomb, a million members). Generous for real use:
# a county sends tens of projects with a 5–10 minute video each.
MAX_MEMBERS = 50_000
MAX_JSON_BYTES = 256 * 1024 * 1024  # one JSON member, uncompressed
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_FILE_BYTES = 16 * 1024**3  # one attachment
MAX_TOTAL_BYTES = 256 * 1024**3  # everything, uncompressed
MAX_RATIO = 200  # uncompressed / compressed size of one deflated member (real JSON: ~5–20)
RATIO_FLOOR = 1024 * 1024  # members smaller than this are not judged by their ratio

UID_RE = re.compile(r"[0-9a-f]{32}")


def file_member(sha256: str) -> str:
    """The member name of an attachment in a bundle: named by its hash, never by a user's file name."""
    return FILES_PREFIX + sha256

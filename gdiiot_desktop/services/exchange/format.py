"""The .gdiiot bundle format: names, version, limits (documented in docs/bundle-format.md)."""

from __future__ import annotations

import re
from datetime import timedelta

from ..application_codec import MAX_ATTACHMENTS, max_application_bytes
from ..fund.codec import MAX_FUND_ATTACHMENTS, max_fund_application_bytes

FORMAT_NAME = "gdiiot-bundle"
FORMAT_VERSION = 3  # 3: the manifest names the campaign kind; 2: signed (Ed25519) with a counter; 1: unsigned
READABLE_VERSIONS = (1, 2, 3)  # version 1 is read only to be shown by `bundle diff`, never imported
SIGNED_VERSIONS = (2, 3)  # a version-2 bundle is a pilot bundle (it predates other campaign kinds)
SUFFIX = ".gdiiot"

KIND_COUNTY = "county"  # a county's applications, files and audit log, for the city
KIND_RETURN = "return"  # the city's returns (退回) with reasons, for one county
KINDS = (KIND_COUNTY, KIND_RETURN)

# The campaign kinds a bundle can carry (domain/campaign_kinds): named in the signed manifest, so a
# bundle of one kind is never read into a database of another.
PILOT_KIND = "pilot-recommendation"
FUND_KIND = "special-fund"
CAMPAIGN_KINDS = (PILOT_KIND, FUND_KIND)

MANIFEST = "manifest.json"
SIGNATURE = "signature.json"  # the Ed25519 signature over the exact bytes of manifest.json
APPLICATIONS = "applications.json"
FUND_APPLICATIONS = "fund_applications.json"  # special-fund applications (services/fund/codec.py)
AUDIT = "audit.json"
RETURNS = "returns.json"
FILES_PREFIX = "files/"
FILE_MEMBER_RE = re.compile(r"files/[0-9a-f]{64}")

# The JSON members each (campaign kind, bundle kind) must hold besides the manifest and the files.
JSON_MEMBERS = {
    (PILOT_KIND, KIND_COUNTY): (APPLICATIONS, AUDIT),
    (PILOT_KIND, KIND_RETURN): (RETURNS,),
    (FUND_KIND, KIND_COUNTY): (FUND_APPLICATIONS, AUDIT),
    (FUND_KIND, KIND_RETURN): (RETURNS,),
}
# The member holding a county bundle's applications, by campaign kind.
APPLICATIONS_MEMBER = {PILOT_KIND: APPLICATIONS, FUND_KIND: FUND_APPLICATIONS}

# Caps against crafted input, each following from what a genuine bundle can hold (the numbers are
# in docs/bundle-format.md, "Caps"). Every JSON member is read as a stream and refused at its cap;
# the lists are parsed one element at a time, each element under its own cap.
MAX_APPLICATIONS = 200  # in one county bundle (a county files tens a year)
MAX_APPLICATION_BYTES = max_application_bytes()  # the largest application the writer makes from the registry's caps
MAX_APPLICATIONS_BYTES = MAX_APPLICATIONS * MAX_APPLICATION_BYTES + 1024
MAX_FUND_APPLICATION_BYTES = max_fund_application_bytes()  # from the fund field registry's caps
MAX_FUND_APPLICATIONS_BYTES = MAX_APPLICATIONS * MAX_FUND_APPLICATION_BYTES + 1024
MAX_AUDIT_ENTRIES = 200_000  # the county database's whole log
MAX_AUDIT_DETAILS = 2 * max(MAX_APPLICATION_BYTES, MAX_FUND_APPLICATION_BYTES) + 64 * 1024  # a change's old and new values, and then some
MAX_AUDIT_ENTRY_BYTES = MAX_AUDIT_DETAILS + 4 * 1024
MAX_AUDIT_BYTES = 64 * 1024 * 1024  # years of a county's log (~1 KB an entry); bounds what is kept in memory
MAX_RETURN_REASON = 10_000
MAX_RETURN_BYTES = 4 * (32 + 100 + 100 + MAX_RETURN_REASON + 40) + 512
MAX_RETURNS_BYTES = MAX_APPLICATIONS * MAX_RETURN_BYTES + 1024
MAX_MEMBERS = MAX_APPLICATIONS * max(MAX_ATTACHMENTS, MAX_FUND_ATTACHMENTS) + 8  # the attachments, the JSON members, the manifest
MAX_MANIFEST_BYTES = MAX_MEMBERS * 256 + 64 * 1024  # one line of ~200 bytes per member
MAX_JSON_BYTES = max(MAX_APPLICATIONS_BYTES, MAX_FUND_APPLICATIONS_BYTES, MAX_AUDIT_BYTES, MAX_RETURNS_BYTES)  # any JSON member
# (caps, items, bytes per item) of each list member
LIST_CAPS = {
    APPLICATIONS: (MAX_APPLICATIONS_BYTES, MAX_APPLICATIONS, MAX_APPLICATION_BYTES),
    FUND_APPLICATIONS: (MAX_FUND_APPLICATIONS_BYTES, MAX_APPLICATIONS, MAX_FUND_APPLICATION_BYTES),
    AUDIT: (MAX_AUDIT_BYTES, MAX_AUDIT_ENTRIES, MAX_AUDIT_ENTRY_BYTES),
    RETURNS: (MAX_RETURNS_BYTES, MAX_APPLICATIONS, MAX_RETURN_BYTES),
}
MAX_SIGNATURE_BYTES = 4096  # three short hex strings
MAX_FILE_BYTES = 16 * 1024**3  # one attachment
MAX_TOTAL_BYTES = 256 * 1024**3  # everything, uncompressed
MAX_RATIO = 200  # uncompressed / compressed size of one deflated member (real JSON: ~5–20)
RATIO_FLOOR = 1024 * 1024  # members smaller than this are not judged by their ratio

UID_RE = re.compile(r"[0-9a-f]{32}")

MAX_SEQUENCE = 2**53  # the signed counter; JSON readers keep integers exact up to here
MAX_FUTURE = timedelta(days=1)  # a bundle dated later than this after the receiver's clock is refused


def file_member(sha256: str) -> str:
    """The member name of an attachment in a bundle: named by its hash, never by a user's file name."""
    return FILES_PREFIX + sha256

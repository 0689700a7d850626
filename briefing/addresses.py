"""E-mail addresses and the SMTP security modes: what the configuration checks when it is loaded
and what delivery uses when it sends, in one place, so that reading ``briefing.toml`` needs no
delivery code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.headerregistry import HeaderRegistry

from briefing.model import BriefingError

__all__ = ["SECURITY", "DEFAULT_PORTS", "check_address", "check_envelope", "no_line_breaks", "addr_spec"]

_REGISTRY = HeaderRegistry()
_LOCAL_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
_BREAKS = ("\r", "\n", "\0", "\x0b", "\x0c", "\u2028", "\u2029", "\x85")
SECURITY = ("starttls", "ssl", "none")
"""How the connection to the SMTP server is protected."""
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
"""The IANA ports: submission with STARTTLS (RFC 6409), implicit TLS (RFC 8314), plain SMTP."""


def no_line_breaks(value: str, what: str) -> None:
    """Refuse a header value with a line break in it (header injection)."""
    if any(c in value for c in _BREAKS):
        raise BriefingError(f"{what} {value!r} contains a line break; refused")


def check_address(value: str, *, what: str = "address") -> str:
    """Check one address ('a@b.org' or 'Name <a@b.org>'); return it formatted for a header.

    Refuses line breaks (header injection), lists of several addresses, and
    anything that is not a plausible ``local@domain``.
    """
    if not isinstance(value, str):
        raise BriefingError(f"{what} must be text, got {value!r}")
    no_line_breaks(value, what)
    if not value.strip():
        raise BriefingError(f"{what} is empty")
    try:
        header = _REGISTRY("To", value)
        addresses = list(header.addresses)
        defects = list(header.defects)
    except Exception:  # the stdlib parser raises on some malformed input
        raise BriefingError(f"{what} {value!r} is not an e-mail address") from None
    if len(addresses) != 1:
        raise BriefingError(f"{what} {value!r} must be exactly one address")
    addr = addresses[0]
    if defects or not addr.username or not addr.domain:
        raise BriefingError(f"{what} {value!r} is not an e-mail address like name@example.org")
    if not _LOCAL_RE.match(addr.username) or addr.username.startswith(".") or addr.username.endswith(".") or ".." in addr.username:
        raise BriefingError(f"{what} {value!r} has an implausible local part {addr.username!r}")
    if not (_DOMAIN_RE.match(addr.domain) or addr.domain.lower() == "localhost"):
        raise BriefingError(f"{what} {value!r} has an implausible domain {addr.domain!r}")
    return str(addr)


def check_envelope(sender: str | None, recipients: Iterable[str] | str | None) -> tuple[str, list[str]]:
    """Check the sender and the recipients; return them formatted for the headers."""
    if sender is None:
        raise BriefingError("no sender address: set mail.sender in briefing.toml or use --from")
    if isinstance(recipients, str):
        recipients = [recipients]
    recipients = list(recipients or [])
    if not recipients:
        raise BriefingError("no recipients: set mail.recipients in briefing.toml or use --to")
    return check_address(sender, what="sender"), [check_address(r, what="recipient") for r in recipients]


def addr_spec(formatted: str) -> str:
    """The bare ``local@domain`` of a checked address ("Desk <desk@example.org>" -> "desk@example.org")."""
    return _REGISTRY("To", formatted).addresses[0].addr_spec

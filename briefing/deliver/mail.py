"""E-mail delivery: the brief as one message with text, HTML and the PDF.

`compose_message` builds the message from a finished output folder
(``brief.json``, ``brief.html``, ``brief.pdf``); `send_brief` sends it over
SMTP (plain, STARTTLS or SSL) with retries for transient failures. Every
address and header is checked before any connection is made, and the brief on
disk is never touched by sending.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import smtplib
import socket
import ssl
import textwrap
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Callable, Iterable

from briefing.addresses import (  # noqa: F401  (check_address, check_envelope: part of this module's API)
    DEFAULT_PORTS, SECURITY, addr_spec, check_address, check_envelope, no_line_breaks,
)
from briefing.files import atomic_write, is_loopback
from briefing.model import BriefingError



class SendError(BriefingError):
    """Sending failed for good; the message says why in one line."""


class PartialDelivery(BriefingError):
    """The server took the message for some recipients and refused others."""

    def __init__(self, message: str, *, accepted: list[str], refused: dict[str, str], message_id: str):
        super().__init__(message)
        self.accepted = accepted
        self.refused = refused
        self.message_id = message_id


class _Transient(Exception):
    """A failure worth retrying (server busy, disconnected, timed out)."""


# -- reading the brief ----------------------------------------------------------


def _read_brief(out_dir: Path) -> tuple[dict, str, bytes]:
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise BriefingError(f"{out_dir}: no such output folder; build the brief first")
    files = {}
    for name in ("brief.json", "brief.html", "brief.pdf"):
        p = out_dir / name
        try:
            files[name] = p.read_bytes()
        except FileNotFoundError:
            raise BriefingError(f"{p}: missing; build the brief first") from None
        except OSError as exc:
            raise BriefingError(f"{p}: cannot read: {exc.strerror or exc}") from None
    try:
        data = json.loads(files["brief.json"].decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, UnicodeDecodeError) as exc:
        raise BriefingError(f"{out_dir / 'brief.json'}: not a brief ({exc})") from None
    if not files["brief.pdf"].startswith(b"%PDF"):
        raise BriefingError(f"{out_dir / 'brief.pdf'}: not a PDF file")
    return data, files["brief.html"].decode("utf-8", errors="replace"), files["brief.pdf"]


def _date_of(data: dict) -> str:
    raw = str(data.get("date") or "")
    try:
        return dt.date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        return dt.date.today().isoformat()


def _title_of(data: dict) -> str:
    title = " ".join(str(data.get("title") or "Brief").split())
    return title or "Brief"


def _wrap(text: str, first: str, rest: str, width: int = 72) -> str:
    return textwrap.fill(" ".join(str(text).split()), width=width, initial_indent=first, subsequent_indent=rest)


def _article_of(articles: list, ref) -> dict | None:
    """The article record a key point names: by its id (schema 2), else by its index in
    ``articles`` (a brief.json written before schema 2)."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        return articles[ref] if 0 <= ref < len(articles) and isinstance(articles[ref], dict) else None
    return next((a for a in articles if isinstance(a, dict) and a.get("id") == ref), None) if ref else None


def _texts(sentences) -> list[str]:
    """A story's sentences as text: sentence records (``text``; schema 2) or, in a brief.json
    written before schema 2, the sentences themselves."""
    texts = [x.get("text") if isinstance(x, dict) else x for x in sentences or []]
    return [str(t) for t in texts if t]


def text_body(data: dict) -> str:
    """The plain-text version of a brief (from its JSON)."""
    title = _title_of(data)
    date = _date_of(data)
    try:
        long_date = dt.date.fromisoformat(date).strftime("%A, %d %B %Y")
    except ValueError:
        long_date = date
    articles = data.get("articles") or []
    lines = [title, "=" * min(len(title), 72), long_date, ""]

    lines += _points_and_stories(data, articles)

    quiet = [str(q.get("title") or "") for q in data.get("no_new_reports") or [] if isinstance(q, dict)]
    if quiet:
        lines += [_wrap("No new reports: " + "; ".join(t for t in quiet if t), "", "  "), ""]

    lines += _quotes_and_people(data)

    if articles:
        lines += ["SOURCES", ""]
        for a in articles:
            entry = str(a.get("title") or a.get("path") or "")
            extra = ", ".join(str(x) for x in (a.get("source"), a.get("byline"), a.get("date")) if x)
            lines.append(_wrap(entry + (f" ({extra})" if extra else ""), "  - ", "    "))
        lines.append("")

    if data.get("omitted"):
        lines.append(_wrap("Left out to fit one page: " + "; ".join(map(str, data["omitted"])), "", ""))
        lines.append("")
    if data.get("skipped"):
        lines.append(_wrap("Inputs not used: " + "; ".join(map(str, data["skipped"])), "", ""))
        lines.append("")
    lines.append(f"The one-page brief is attached as brief-{date}.pdf.")
    return "\n".join(lines) + "\n"


def _points_and_stories(data: dict, articles: list) -> list[str]:
    """The plain text's key points (each with its story's headline) and stories shown."""
    lines: list[str] = []
    stories = {s.get("id"): s for s in data.get("stories") or [] if isinstance(s, dict)}
    points = data.get("key_points") or []
    if points:
        lines += ["KEY POINTS", ""]
        for kp in points:
            text = kp.get("text", "") if isinstance(kp, dict) else str(kp)
            src = ""
            if isinstance(kp, dict) and kp.get("story") in stories:
                src = stories[kp["story"]].get("title") or ""
            elif isinstance(kp, dict):
                src = (_article_of(articles, kp.get("article")) or {}).get("title") or ""
            lines.append(_wrap(text + (f" [{src}]" if src else ""), "  - ", "    "))
        lines.append("")

    shown = [s for s in stories.values() if s.get("shown", True)]
    if shown:
        lines += ["STORIES", ""]
        for story in shown:
            count = len(story.get("articles") or [])
            outlets = ", ".join(str(o) for o in story.get("outlets") or [])
            head = f"{story.get('title') or ''} ({count} article{'s' if count != 1 else ''}"
            if story.get("status") == "continuing" and story.get("first_seen"):
                head += f" · day {story.get('day') or 2}, first reported {story['first_seen']}"
            lines.append(_wrap(head + (f" · {outlets})" if outlets else ")"), "  ", "  "))
            summary = " ".join(_texts(story["printed"] if "printed" in story else story.get("summary")))
            if summary:
                lines.append(_wrap(summary, "    ", "    "))
            lines.append("")
    return lines


def _quotes_and_people(data: dict) -> list[str]:
    """The plain text's quotes (speaker, title, how many articles carry each) and participants."""
    lines: list[str] = []
    quotes = data.get("quotes") or []
    if quotes:
        lines += ["QUOTES", ""]
        for q in quotes:
            lines.append(_wrap(f"\u201c{q.get('text', '')}\u201d", "  ", "   "))
            who = q.get("speaker") or "unattributed"
            if q.get("title"):
                who = f"{who}, {q['title']}"
            carried = len(q.get("sources") or [])
            if carried > 1:
                who = f"{who} ({carried} articles)"
            lines.append(_wrap(who, "    \u2014 ", "      "))
            lines.append("")

    people = data.get("participants") or []
    if people:
        lines += ["PARTICIPANTS", ""]
        for p in people:
            entry = str(p.get("name", ""))
            if p.get("title"):
                entry += f", {p['title']}"
            if p.get("affiliation"):
                entry += f" ({p['affiliation']})"
            if p.get("quoted"):
                entry += " [quoted]"
            lines.append(_wrap(entry, "  - ", "    "))
        lines.append("")
    return lines


_LINK_ON_DISK = re.compile(r'(?is)<a href="(?![a-z][a-z0-9+.-]*:|#)[^"]*">(.*?)</a>')


def html_body(html: str) -> str:
    """The brief's HTML with its CSS moved into style attributes, for mail clients."""
    import css_inline

    html = re.sub(r"(?is)<script\b.*?</script\s*>", "", html)
    # links between the briefs kept on disk ("Day 3" -> ../2024-05-07/brief.html) lead nowhere
    # from a mail client: their text stays, the link goes
    html = _LINK_ON_DISK.sub(r"\1", html)
    inliner = css_inline.CSSInliner(load_remote_stylesheets=False, keep_link_tags=False)
    try:
        return inliner.inline(html)
    except Exception:  # malformed CSS: send the HTML as it is rather than fail
        return html


# -- composing --------------------------------------------------------------------


def compose_message(
    out_dir: str | os.PathLike,
    *,
    sender: str,
    recipients: Iterable[str],
    subject: str | None = None,
) -> EmailMessage:
    """The brief in ``out_dir`` as a message: text and HTML bodies, the PDF attached.

    Raises `BriefingError` for a bad address or header (line breaks, not an
    address) or a missing/incomplete output folder.
    """
    from_, to = check_envelope(sender, recipients)
    if subject is not None:
        if not isinstance(subject, str):
            raise BriefingError(f"subject must be text, got {subject!r}")
        no_line_breaks(subject, "subject")

    out_dir = Path(out_dir)
    data, html, pdf = _read_brief(out_dir)
    title = _title_of(data)
    date = _date_of(data)
    if subject is None:
        subject = f"{title} \u2014 {date}"
    no_line_breaks(subject, "subject")

    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = from_
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=True)
    domain = addr_spec(from_).rpartition("@")[2]
    msg["Message-ID"] = make_msgid(idstring="briefing", domain=domain)
    msg["X-Mailer"] = "briefing"
    msg.set_content(text_body(data), cte="quoted-printable")
    msg.add_alternative(html_body(html), subtype="html", cte="quoted-printable")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"brief-{date}.pdf")
    return msg


# -- sending ------------------------------------------------------------------------


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return f"{exc.smtp_code} {' '.join(str(text).split())}".strip()


def _refused_detail(refused: dict) -> str:
    """``addr: code reply; ...`` for smtplib's ``{addr: (code, reply)}``."""
    return "; ".join(
        f"{r}: {c} {m.decode(errors='replace') if isinstance(m, bytes) else m}" for r, (c, m) in refused.items()
    )


def _attempt(msg: EmailMessage, *, host, port, security, user, password, timeout, ssl_context, from_addr, to_addrs):
    where = f"{host}:{port}"
    smtp: smtplib.SMTP | None = None
    try:
        try:
            if security == "ssl":
                smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl_context or ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(host, port, timeout=timeout)
            smtp.ehlo()
            if security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError(f"SMTP server {where} does not offer STARTTLS; refusing to send in clear text")
                smtp.starttls(context=ssl_context or ssl.create_default_context())
                smtp.ehlo()
            if user:
                if password is None:
                    raise SendError(f"no SMTP password for user {user!r}: set it in the environment")
                smtp.login(user, password)
            refused = smtp.send_message(msg, from_addr=from_addr, to_addrs=to_addrs)
        finally:
            if smtp is not None:
                try:
                    smtp.quit()
                except Exception:
                    try:
                        smtp.close()
                    except Exception:
                        pass
    except SendError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(f"SMTP login refused for user {user!r} at {where}: {_reply(exc)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        codes = {code for code, _ in exc.recipients.values()}
        detail = _refused_detail(exc.recipients)
        if codes and all(400 <= c < 500 for c in codes):
            raise _Transient(f"recipients temporarily refused by {where} ({detail})") from None
        raise SendError(f"SMTP server {where} refused the recipients: {detail}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise SendError(f"SMTP server {where}: {exc}") from None
    except smtplib.SMTPServerDisconnected as exc:
        raise _Transient(f"SMTP server {where} disconnected ({exc or 'no reason given'})") from None
    except smtplib.SMTPResponseException as exc:
        # SMTPSenderRefused, SMTPDataError, SMTPHeloError, SMTPConnectError...
        if 400 <= exc.smtp_code < 500:
            raise _Transient(f"SMTP server {where} replied {_reply(exc)}") from None
        what = "refused the sender" if isinstance(exc, smtplib.SMTPSenderRefused) else "refused the message"
        raise SendError(f"SMTP server {where} {what}: {_reply(exc)}") from None
    except smtplib.SMTPException as exc:
        raise SendError(f"SMTP error from {where}: {exc}") from None
    except ConnectionRefusedError:
        raise SendError(f"cannot connect to SMTP server {where}: connection refused") from None
    except (socket.timeout, TimeoutError):
        raise _Transient(f"SMTP server {where} timed out after {timeout:g} s") from None
    except ssl.SSLError as exc:
        raise SendError(f"TLS with SMTP server {where} failed: {exc.reason or exc}") from None
    except socket.gaierror as exc:
        raise SendError(f"cannot find SMTP server {host!r}: {exc.strerror or exc}") from None
    except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError) as exc:
        raise _Transient(f"connection to SMTP server {where} lost ({exc.strerror or exc})") from None
    except OSError as exc:
        raise SendError(f"cannot connect to SMTP server {where}: {exc.strerror or exc}") from None
    return refused or {}


def send_message(
    msg: EmailMessage,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    security: str = "none",
    user: str | None = None,
    password: str | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    timeout: float = 30.0,
    ssl_context: ssl.SSLContext | None = None,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Send a composed message, retrying transient failures with exponential back-off.

    Raises `SendError` (a `BriefingError`) with a one-line reason when sending
    fails for good, `PartialDelivery` when some recipients were refused.
    """
    security = (security or "none").lower()
    if security not in SECURITY:
        raise BriefingError(f"unknown SMTP security {security!r} (use starttls, ssl or none)")
    if port is None:
        port = DEFAULT_PORTS[security]
    no_line_breaks(str(host), "SMTP host")
    if user is not None:
        no_line_breaks(user, "SMTP user")
    if user and security == "none" and not is_loopback(host):
        raise BriefingError(
            f"refusing to send the SMTP password unencrypted to {host}; use --starttls or --ssl"
        )
    from_addr = addr_spec(check_address(str(msg["From"]), what="sender"))
    to_addrs = [a.addr_spec for a in msg["To"].addresses]
    for a in to_addrs:
        check_address(a, what="recipient")
    for name in ("Subject", "From", "To"):
        no_line_breaks(str(msg[name]), name.lower())

    attempt = 0
    while True:
        try:
            refused = _attempt(
                msg, host=host, port=port, security=security, user=user, password=password,
                timeout=timeout, ssl_context=ssl_context, from_addr=from_addr, to_addrs=to_addrs,
            )
        except _Transient as exc:
            if attempt >= retries:
                raise SendError(f"{exc}; gave up after {attempt + 1} attempts") from None
            delay = backoff * (2 ** attempt)
            if progress:
                progress(f"{exc}; retrying in {delay:g} s")
            time.sleep(delay)
            attempt += 1
            continue
        break
    if refused:
        detail = _refused_detail(refused)
        accepted = [a for a in to_addrs if a not in refused]
        raise PartialDelivery(
            f"sent to {', '.join(accepted)}, but {host}:{port} refused {detail}",
            accepted=accepted,
            refused={r: str(c) for r, (c, _) in refused.items()},
            message_id=str(msg["Message-ID"]),
        )


def send_brief(
    out_dir: str | os.PathLike,
    *,
    recipients: Iterable[str],
    sender: str,
    host: str = "127.0.0.1",
    port: int | None = None,
    security: str = "none",
    user: str | None = None,
    password: str | None = None,
    dry_run: bool = False,
    retries: int = 3,
    backoff: float = 1.0,
    timeout: float = 30.0,
    subject: str | None = None,
    ssl_context: ssl.SSLContext | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path | None:
    """E-mail the brief in ``out_dir``. With ``dry_run`` write ``out_dir/brief.eml`` and return it.

    ``port`` defaults by ``security``: 587 for STARTTLS, 465 for SSL, 25 for none.

    All checks happen before any connection. The brief on disk is left as it is,
    whatever happens.
    """
    msg = compose_message(out_dir, sender=sender, recipients=recipients, subject=subject)
    if dry_run:
        path = Path(out_dir) / "brief.eml"
        atomic_write(path, msg.as_bytes())
        return path
    send_message(
        msg, host=host, port=port, security=security, user=user, password=password,
        retries=retries, backoff=backoff, timeout=timeout, ssl_context=ssl_context, progress=progress,
    )
    return None

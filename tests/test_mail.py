"""E-mail delivery against a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import argparse
import email
import io
import os
import subprocess
import sys
import time
from email import policy

import pytest
from pypdf import PdfReader

from briefing.commands.send import run as cli_send
from briefing.deliver.mail import check_address, compose_message, send_brief
from briefing.model import BriefingError

from conftest import ROOT

FROM = "Briefing Desk <briefing@example.org>"
TO = ["desk@example.org", "Analyst <analyst@example.net>"]


def _send(brief_dir, smtp_server, **kw):
    opts = dict(recipients=TO, sender=FROM, host="127.0.0.1", port=smtp_server.port, retries=2, backoff=0.01, timeout=5)
    opts.update(kw)
    return send_brief(brief_dir, **opts)


def _check_message(msg):
    assert msg["Subject"] == "Korean Peninsula Daily \u2014 2024-05-01"
    assert msg["Date"] and msg["Message-ID"]
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith("@example.org>")
    assert [a.addr_spec for a in msg["To"].addresses] == ["desk@example.org", "analyst@example.net"]
    text = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Korean Peninsula Daily" in text and "2024" in text
    assert "Seoul and Washington weigh new talks." in text
    assert "The U.S. is showing a more flexible attitude" in text and "Yoon Young-kwan" in text
    assert "Daniel Russel" in text
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert "<h1" in html and "Korean Peninsula Daily" in html
    assert "color: #123456" in html  # CSS inlined into style attributes
    assert "<style" not in html
    pdfs = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert len(pdfs) == 1
    assert pdfs[0].get_filename() == "brief-2024-05-01.pdf"
    reader = PdfReader(io.BytesIO(pdfs[0].get_content()))
    assert len(reader.pages) == 1


def test_compose_message_has_text_html_and_pdf(brief_dir):
    msg = compose_message(brief_dir, sender=FROM, recipients=TO)
    _check_message(msg)
    assert msg["From"].addresses[0].addr_spec == "briefing@example.org"


def test_send_delivers_one_message(brief_dir, smtp_server):
    assert _send(brief_dir, smtp_server) is None
    assert len(smtp_server.messages) == 1
    assert smtp_server.handler.connections == 1
    got = smtp_server.messages[0]
    assert got.mail_from == "briefing@example.org"
    assert got.rcpt_tos == ["desk@example.org", "analyst@example.net"]
    _check_message(smtp_server.parsed())


def test_cli_send_with_options(brief_dir, smtp_server, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no briefing.toml here
    args = argparse.Namespace(
        outdir=str(brief_dir), to=["desk@example.org"], sender="briefing@example.org",
        smtp_host="127.0.0.1", smtp_port=smtp_server.port, starttls=None, ssl=None,
        user=None, dry_run=False, config=None,
    )
    assert cli_send(args) == 0
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0].rcpt_tos == ["desk@example.org"]


def test_send_through_the_command(brief_dir, smtp_server):
    """`briefing send` as a user runs it, in a separate process."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_SMTP_PASSWORD"}
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "send", str(brief_dir), "--to", "desk@example.org",
         "--to", "chief@example.org", "--from", "briefing@example.org",
         "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_server.port)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(smtp_server.messages) == 1
    msg = smtp_server.parsed()
    assert [a.addr_spec for a in msg["To"].addresses] == ["desk@example.org", "chief@example.org"]
    assert msg["Subject"] == "Korean Peninsula Daily \u2014 2024-05-01"


def test_command_reports_refusal_in_one_line(brief_dir, closed_port):
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "send", str(brief_dir), "--to", "desk@example.org",
         "--from", "briefing@example.org", "--smtp-port", str(closed_port)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "connection refused" in lines[0]
    assert (brief_dir / "brief.pdf").exists()


def test_dry_run_writes_eml(brief_dir, closed_port):
    path = send_brief(brief_dir, recipients=TO, sender=FROM, port=closed_port, dry_run=True)
    assert path == brief_dir / "brief.eml"
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    _check_message(msg)


def test_refused_recipient_is_a_clear_error(brief_dir, smtp_server):
    smtp_server.behaviour.refuse_rcpt = {"desk@example.org", "analyst@example.net"}
    with pytest.raises(BriefingError) as err:
        _send(brief_dir, smtp_server)
    message = str(err.value)
    assert "refused" in message and "550" in message and "desk@example.org" in message
    assert "\n" not in message
    assert smtp_server.messages == []
    assert (brief_dir / "brief.pdf").exists()


def test_partly_refused_recipients_name_both(brief_dir, smtp_server):
    from briefing.deliver.mail import PartialDelivery

    smtp_server.behaviour.refuse_rcpt = {"analyst@example.net"}
    with pytest.raises(PartialDelivery) as err:
        _send(brief_dir, smtp_server)
    assert err.value.accepted == ["desk@example.org"]
    assert "analyst@example.net" in err.value.refused
    assert len(smtp_server.messages) == 1


def test_refused_login_is_a_clear_error(brief_dir, smtp_server):
    smtp_server.behaviour.users = {"briefing": "right"}
    with pytest.raises(BriefingError) as err:
        _send(brief_dir, smtp_server, user="briefing", password="wrong")
    message = str(err.value)
    assert "login refused" in message and "535" in message and "briefing" in message
    assert "wrong" not in message  # never echo the password
    assert smtp_server.messages == []
    assert (brief_dir / "brief.pdf").exists()


def test_login_with_right_password(brief_dir, smtp_server):
    smtp_server.behaviour.users = {"briefing": "right"}
    _send(brief_dir, smtp_server, user="briefing", password="right")
    assert len(smtp_server.messages) == 1


def test_transient_451_is_retried(brief_dir, smtp_server):
    smtp_server.behaviour.data_failures = ["451 4.3.0 try again later"]
    progress = []
    _send(brief_dir, smtp_server, progress=progress.append)
    assert len(smtp_server.messages) == 1
    assert progress and "451" in progress[0] and "retrying" in progress[0]


def test_persistent_451_gives_up(brief_dir, smtp_server):
    smtp_server.behaviour.data_failures = ["451 4.3.0 busy"] * 5
    start = time.monotonic()
    with pytest.raises(BriefingError) as err:
        _send(brief_dir, smtp_server, retries=2, backoff=0.01)
    assert "451" in str(err.value) and "3 attempts" in str(err.value)
    assert time.monotonic() - start < 5
    assert smtp_server.messages == []
    assert len(smtp_server.behaviour.data_failures) == 2  # 3 attempts used 3 replies


def test_permanent_554_is_not_retried(brief_dir, smtp_server):
    smtp_server.behaviour.data_failures = ["554 5.6.0 message rejected", "554 5.6.0 again"]
    with pytest.raises(BriefingError) as err:
        _send(brief_dir, smtp_server)
    assert "554" in str(err.value)
    assert len(smtp_server.behaviour.data_failures) == 1


def test_connection_refused_is_a_clear_error(brief_dir, closed_port):
    start = time.monotonic()
    with pytest.raises(BriefingError) as err:
        send_brief(brief_dir, recipients=TO, sender=FROM, port=closed_port, backoff=0.01)
    assert f"127.0.0.1:{closed_port}" in str(err.value) and "connection refused" in str(err.value)
    assert time.monotonic() - start < 5
    assert (brief_dir / "brief.pdf").exists()


@pytest.mark.parametrize("field,value", [
    ("recipients", ["desk@example.org\r\nBcc: victim@example.com"]),
    ("recipients", ["desk@example.org\nX: y"]),
    ("sender", "briefing@example.org\rBcc: x@example.com"),
    ("subject", "Brief\r\nBcc: victim@example.com"),
])
def test_line_breaks_are_refused_before_connecting(brief_dir, smtp_server, field, value):
    kw = {field: value}
    with pytest.raises(BriefingError) as err:
        _send(brief_dir, smtp_server, **kw)
    assert "line break" in str(err.value)
    assert smtp_server.messages == []
    assert smtp_server.handler.connections == 0


@pytest.mark.parametrize("bad", [
    "not-an-address", "a@", "@example.org", "a@b.org, c@d.org", "a@b.org junk",
    "a b@example.org", "desk@exa mple.org", "desk@-example.org", "", "desk@example..org",
])
def test_implausible_addresses_are_refused(bad):
    with pytest.raises(BriefingError):
        check_address(bad)


@pytest.mark.parametrize("good", ["desk@example.org", "Desk <desk@example.org>", "a.b+tag@mail.example.co.uk",
                                  '"Zoë Ä" <zoe@example.org>', "root@localhost"])
def test_plausible_addresses_pass(good):
    assert check_address(good)


def test_missing_brief_is_a_clear_error(tmp_path):
    with pytest.raises(BriefingError) as err:
        compose_message(tmp_path, sender=FROM, recipients=TO)
    assert "brief.json" in str(err.value)


def test_password_never_sent_in_clear_to_remote_host(brief_dir):
    with pytest.raises(BriefingError) as err:
        send_brief(brief_dir, recipients=TO, sender=FROM, host="smtp.example.org", user="u", password="p")
    assert "unencrypted" in str(err.value)


def test_starttls(brief_dir, tmp_path):
    """STARTTLS with a throwaway certificate the client is told to trust."""
    import ssl
    import subprocess as sp

    from aiosmtpd.controller import Controller

    from conftest import Behaviour, RecordingHandler, free_port

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    sp.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
            "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
           check=True, capture_output=True)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    handler = RecordingHandler(Behaviour())
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, tls_context=server_ctx, require_starttls=True)
    controller.start()
    try:
        client_ctx = ssl.create_default_context(cafile=str(cert))
        send_brief(brief_dir, recipients=TO, sender=FROM, port=port, security="starttls",
                   ssl_context=client_ctx, timeout=5)
        assert len(handler.messages) == 1
        # an untrusted certificate is a clear error, not a traceback
        with pytest.raises(BriefingError) as err:
            send_brief(brief_dir, recipients=TO, sender=FROM, port=port, security="starttls", timeout=5, retries=0)
        assert "TLS" in str(err.value)
    finally:
        controller.stop()


def test_the_text_body_reads_by_story_in_a_brief_json_written_before_schema_2():
    from briefing.deliver.mail import text_body

    data = {
        "title": "Daily Brief: Korean Peninsula", "date": "2024-05-01",
        "stories": [
            {"id": "s1", "title": "Allies weigh new talks", "articles": ["a.txt", "b.txt"],
             "outlets": ["Yonhap", "The Korea Herald"], "summary": ["Seoul and Washington weigh new talks."],
             "shown": True},
            {"id": "s2", "title": "Rail link delayed", "articles": ["c.txt"], "outlets": [], "summary": [],
             "shown": False},
        ],
        "key_points": [{"text": "Seoul and Washington weigh new talks.", "article": 0, "sentence": 0, "story": "s1"}],
        "quotes": [{"text": "We are ready.", "speaker": "Kim Min-jae", "title": "Foreign Minister",
                    "sources": ["a.txt", "b.txt"]}],
        "articles": [{"title": "Talks", "path": "a.txt"}],
    }
    text = text_body(data)
    assert "Seoul and Washington weigh new talks. [Allies weigh new talks]" in text
    assert "Allies weigh new talks (2 articles · Yonhap, The Korea Herald)" in text
    assert "Rail link delayed" not in text  # a story the page left out is not listed either
    assert "Kim Min-jae, Foreign Minister (2 articles)" in text


def test_the_text_body_prints_what_the_page_printed_and_finds_articles_by_id():
    from briefing.deliver.mail import text_body

    said = {"article": "a2", "sentence": 0, "text": "The harbour reopens on Monday."}
    data = {
        "schema_version": "2.0", "title": "Daily Brief: Ports", "date": "2024-05-01",
        "stories": [
            {"id": "s1", "title": "Harbour reopens", "articles": ["a2", "a1"], "outlets": [],
             "summary": [said, {"article": "a1", "sentence": 3, "text": "Dredging took a year."}],
             "printed": [said], "shown": True},
        ],
        "key_points": [{"text": "Ferries return to the old quay.", "article": "a1", "sentence": 1, "story": None}],
        "quotes": [],
        "articles": [{"id": "a1", "title": "Ferries are back", "path": "x.txt"},
                     {"id": "a2", "title": "Harbour news", "path": "y.txt"}],
    }
    text = text_body(data)
    assert "The harbour reopens on Monday." in text
    assert "Dredging took a year." not in text  # in the story's own summary, not on the page
    assert "Ferries return to the old quay. [Ferries are back]" in text

"""Shared fixtures: a real SMTP server (aiosmtpd), a real Chromium, real briefs on disk."""

from __future__ import annotations

import datetime as dt
import json
import socket
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # import the checkout's package (a stale editable install can make `briefing` a namespace package)
    sys.path.insert(0, str(ROOT))
SEEDS = ROOT / "seeds"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def closed_port() -> int:
    return free_port()


# -- SMTP -------------------------------------------------------------------------


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class Behaviour:
    """What the test server does; tests change it before sending."""

    refuse_rcpt: set[str] = field(default_factory=set)
    """Recipients answered with 550."""
    data_failures: list[str] = field(default_factory=list)
    """Replies to give to DATA before accepting (e.g. ['451 4.3.0 busy'])."""
    users: dict[str, str] = field(default_factory=dict)
    """user -> password accepted by AUTH; any other login gets 535."""


class RecordingHandler:
    def __init__(self, behaviour: Behaviour):
        self.behaviour = behaviour
        self.messages: list[Received] = []
        self.connections = 0
        self.lock = threading.Lock()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.behaviour.refuse_rcpt:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.behaviour.data_failures:
                return self.behaviour.data_failures.pop(0)
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self, controller, handler: RecordingHandler, behaviour: Behaviour, port: int):
        self.controller = controller
        self.handler = handler
        self.behaviour = behaviour
        self.host = "127.0.0.1"
        self.port = port

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def parsed(self, index: int = -1):
        import email
        from email import policy

        return email.message_from_bytes(self.messages[index].data, policy=policy.default)


@pytest.fixture
def smtp_server():
    """aiosmtpd on 127.0.0.1 at a free port; records what it accepts."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    behaviour = Behaviour()
    handler = RecordingHandler(behaviour)

    def authenticator(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            user = auth_data.login.decode()
            password = auth_data.password.decode()
            if behaviour.users.get(user) == password:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    port = free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port,
        authenticator=authenticator, auth_require_tls=False, auth_required=False,
    )
    controller.start()
    try:
        yield SMTPServer(controller, handler, behaviour, port)
    finally:
        controller.stop()


# -- briefs on disk -------------------------------------------------------------------

BRIEF_CSS = "body { font-family: serif; } h1 { color: #123456; } .kp { margin: 0 }"


def make_brief_dir(out_dir: Path, *, title: str = "Korean Peninsula Daily", date: str = "2024-05-01") -> Path:
    """A real output folder: a one-page PDF made by WeasyPrint, HTML and JSON."""
    import weasyprint

    out_dir.mkdir(parents=True, exist_ok=True)
    html = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>{BRIEF_CSS}</style></head>"
        f"<body><h1>{title}</h1><p class='kp'>Seoul and Washington weigh new talks.</p></body></html>"
    )
    (out_dir / "brief.html").write_text(html, encoding="utf-8")
    (out_dir / "brief.pdf").write_bytes(weasyprint.HTML(string=html).write_pdf())
    data = {
        "title": title,
        "date": date,
        "page_size": "a4",
        "key_points": [{"text": "Seoul and Washington weigh new talks.", "article": 0, "sentence": 0}],
        "articles": [{"path": "a.txt", "title": "Allies Fine-Tune NK Proposal", "byline": None,
                      "source": "Korea Herald", "date": None}],
        "quotes": [{"text": "The U.S. is showing a more flexible attitude", "speaker": "Yoon Young-kwan",
                    "title": "Foreign Affairs-Trade Minister", "sentence": 7, "article": "a.txt"}],
        "participants": [{"name": "Daniel Russel", "title": "assistant secretary of state",
                          "affiliation": "United States", "quoted": True, "mentions": 3, "articles": ["a.txt"]}],
        "omitted": [],
        "skipped": [],
    }
    (out_dir / "brief.json").write_text(json.dumps(data), encoding="utf-8")
    return out_dir


@pytest.fixture
def brief_dir(tmp_path) -> Path:
    return make_brief_dir(tmp_path / "out")


@pytest.fixture
def seed_inbox(tmp_path) -> Path:
    """A folder with the two seed articles."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for src in sorted(SEEDS.glob("*.txt"))[:2]:
        (inbox / src.name).write_bytes(src.read_bytes())
    return inbox


# -- browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (no browser downloads)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed at /usr/bin/chromium: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


TODAY = dt.date(2024, 5, 1)


# -- web ------------------------------------------------------------------------------


@pytest.fixture
def web_server():
    """A real threaded HTTP server on 127.0.0.1 (port picked when it binds); see tests/web_server.py."""
    from web_server import WebServer

    with WebServer() as server:
        yield server

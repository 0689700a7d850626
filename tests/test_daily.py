"""The daily run: the day's inbox to out/YYYY-MM-DD/, sent once, with a real build and SMTP server."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.config import load_config
from briefing.deliver.daily import run_daily
from briefing.model import BriefingError

from conftest import ROOT

DAY = dt.date(2024, 5, 1)


def make_setup(tmp_path: Path, port: int) -> Path:
    inbox = tmp_path / "inbox" / DAY.isoformat()
    inbox.mkdir(parents=True)
    for src in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        shutil.copy(src, inbox / src.name)
    path = tmp_path / "briefing.toml"
    path.write_text(f"""
title = "Korean Peninsula Daily"
inbox = "inbox/{{date}}/"
out = "out/"

[mail]
sender = "Briefing <briefing@example.org>"
recipients = ["desk@example.org", "chief@example.org"]

[smtp]
host = "127.0.0.1"
port = {port}
security = "none"
retries = 1
timeout = 5
""", encoding="utf-8")
    return path


def test_daily_sends_once_unless_forced(tmp_path, smtp_server):
    cfg = load_config(make_setup(tmp_path, smtp_server.port))
    out = tmp_path / "out" / "2024-05-01"

    first = run_daily(cfg, date=DAY, send=True)
    assert first.sent and first.out_dir == out
    assert len(PdfReader(out / "brief.pdf").pages) == 1
    assert json.loads((out / "brief.json").read_text())["date"] == "2024-05-01"
    assert (out / "brief.html").exists()
    assert len(smtp_server.messages) == 1
    msg = smtp_server.parsed()
    assert msg["Subject"] == "Korean Peninsula Daily \u2014 2024-05-01"
    assert smtp_server.messages[0].rcpt_tos == ["desk@example.org", "chief@example.org"]
    marker = json.loads((out / ".sent").read_text())
    assert marker["message_id"] == msg["Message-ID"] == first.message_id
    assert marker["sent_at"]

    second = run_daily(cfg, date=DAY, send=True)
    assert not second.sent and second.already_sent["message_id"] == msg["Message-ID"]
    assert len(smtp_server.messages) == 1

    forced = run_daily(cfg, date=DAY, send=True, force=True)
    assert forced.sent
    assert len(smtp_server.messages) == 2
    assert smtp_server.parsed()["Message-ID"] != msg["Message-ID"]
    assert json.loads((out / ".sent").read_text())["message_id"] == forced.message_id


def test_daily_command_twice(tmp_path, smtp_server, capsys):
    config = make_setup(tmp_path, smtp_server.port)
    assert main(["daily", "--config", str(config), "--date", "2024-05-01", "--send"]) == 0
    assert main(["daily", "--config", str(config), "--date", "2024-05-01", "--send"]) == 0
    out = capsys.readouterr().out
    assert "sent to desk@example.org" in out and "already sent" in out and "--force" in out
    assert len(smtp_server.messages) == 1


def test_failed_send_keeps_brief_and_sends_next_time(tmp_path, smtp_server):
    cfg = load_config(make_setup(tmp_path, smtp_server.port))
    smtp_server.behaviour.refuse_rcpt = {"desk@example.org", "chief@example.org"}
    with pytest.raises(BriefingError) as err:
        run_daily(cfg, date=DAY, send=True)
    assert "550" in str(err.value)
    out = tmp_path / "out" / "2024-05-01"
    assert (out / "brief.pdf").exists() and not (out / ".sent").exists()
    smtp_server.behaviour.refuse_rcpt = set()
    assert run_daily(cfg, date=DAY, send=True).sent
    assert len(smtp_server.messages) == 1


def test_missing_inbox_is_named(tmp_path, closed_port):
    cfg = load_config(make_setup(tmp_path, closed_port))
    with pytest.raises(BriefingError) as err:
        run_daily(cfg, date=dt.date(2024, 5, 2))
    message = str(err.value)
    assert str(tmp_path / "inbox" / "2024-05-02") in message and "2024-05-02" in message
    assert not (tmp_path / "out" / "2024-05-02" / "brief.pdf").exists()


def test_send_without_recipients_fails_before_building(tmp_path, closed_port):
    cfg = load_config(make_setup(tmp_path, closed_port)).with_overrides()
    cfg.recipients = []
    with pytest.raises(BriefingError) as err:
        run_daily(cfg, date=DAY, send=True)
    assert "recipients" in str(err.value)
    assert not (tmp_path / "out" / "2024-05-01" / "brief.pdf").exists()


def test_cli_options_override_the_file(tmp_path, smtp_server, closed_port):
    config = make_setup(tmp_path, closed_port)  # the file's port is closed; the option wins
    assert main(["daily", "--config", str(config), "--date", "2024-05-01", "--send",
                 "--smtp-port", str(smtp_server.port), "--to", "other@example.org"]) == 0
    assert smtp_server.messages[0].rcpt_tos == ["other@example.org"]

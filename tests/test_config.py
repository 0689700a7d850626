"""briefing.toml: loading, validation, the password rule, CLI overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.config import Config, load_config
from briefing.model import BriefingError

from conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefing.toml"
    path.write_text(text, encoding="utf-8")
    return path


FULL = """
title = "Korean Peninsula Daily"
inbox = "in/{date}/"
out = "briefs/"
page_size = "letter"
sentences = 4

[mail]
sender = "Briefing <briefing@example.org>"
recipients = ["desk@example.org"]

[smtp]
host = "smtp.example.org"
port = 2525
security = "starttls"
user = "briefing"
password_env = "MY_SMTP_SECRET"
"""


def test_full_file(tmp_path):
    cfg = load_config(write(tmp_path, FULL))
    assert cfg.title == "Korean Peninsula Daily"
    assert cfg.page_size == "letter" and cfg.sentences == 4
    assert cfg.sender == "Briefing <briefing@example.org>"
    assert cfg.recipients == ["desk@example.org"]
    assert (cfg.smtp_host, cfg.port, cfg.security, cfg.user) == ("smtp.example.org", 2525, "starttls", "briefing")
    day = dt.date(2024, 5, 1)
    # relative paths are relative to the config file, not the cwd
    assert cfg.inbox_for(day) == tmp_path.resolve() / "in/2024-05-01"
    assert cfg.out_dir_for(day) == tmp_path.resolve() / "briefs/2024-05-01"


def test_example_file_is_valid():
    cfg = load_config(ROOT / "briefing.example.toml")
    assert cfg.security == "starttls" and cfg.recipients


def test_defaults_without_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = load_config(None)
    assert cfg.source is None
    assert (cfg.inbox, cfg.out, cfg.page_size, cfg.sentences) == ("inbox/{date}/", "out/", "a4", 3)
    assert (cfg.smtp_host, cfg.port, cfg.security) == ("127.0.0.1", 25, "none")
    assert cfg.password_env == "BRIEFING_SMTP_PASSWORD"


def test_reads_briefing_toml_in_cwd(tmp_path, monkeypatch):
    write(tmp_path, 'title = "Here"\n')
    monkeypatch.chdir(tmp_path)
    assert load_config(None).title == "Here"


def test_default_ports_follow_security(tmp_path):
    assert load_config(write(tmp_path, '[smtp]\nsecurity = "ssl"\n')).port == 465
    assert load_config(write(tmp_path, '[smtp]\nsecurity = "starttls"\n')).port == 587


@pytest.mark.parametrize("text,key", [
    ('password = "hunter2"\n', "password"),
    ('[smtp]\npassword = "hunter2"\n', "smtp.password"),
    ('[mail]\npassword = "hunter2"\n', "mail.password"),
])
def test_password_in_file_is_refused(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(BriefingError) as err:
        load_config(path)
    message = str(err.value)
    assert str(path) in message and key in message
    assert "environment" in message and "BRIEFING_SMTP_PASSWORD" in message
    assert "hunter2" not in message


def test_password_comes_from_environment(tmp_path, monkeypatch):
    cfg = load_config(write(tmp_path, FULL))
    monkeypatch.delenv("MY_SMTP_SECRET", raising=False)
    assert cfg.password is None
    monkeypatch.setenv("MY_SMTP_SECRET", "s3cret")
    assert cfg.password == "s3cret"
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "other")
    assert load_config(write(tmp_path, "")).password == "other"


def test_password_is_not_a_cli_option(tmp_path):
    with pytest.raises(BriefingError) as err:
        load_config(write(tmp_path, "")).with_overrides(password="x")
    assert "environment variable" in str(err.value)


@pytest.mark.parametrize("text,key", [
    ('titel = "typo"\n', "titel"),
    ('[smtp]\nhots = "x"\n', "smtp.hots"),
    ('[mail]\nto = ["a@example.org"]\n', "mail.to"),
    ('[server]\nport = 1\n', "server"),
])
def test_unknown_key_is_named(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(BriefingError) as err:
        load_config(path)
    assert str(path) in str(err.value) and key in str(err.value)


@pytest.mark.parametrize("text,key", [
    ('page_size = "a3"\n', "page_size"),
    ('sentences = "three"\n', "sentences"),
    ('sentences = 0\n', "sentences"),
    ('[smtp]\nport = 70000\n', "smtp.port"),
    ('[smtp]\nport = "25"\n', "smtp.port"),
    ('[smtp]\nsecurity = "tls"\n', "smtp.security"),
    ('[mail]\nrecipients = "desk@example.org"\n', "mail.recipients"),
    ('[mail]\nrecipients = ["not an address"]\n', "mail.recipients"),
    ('[mail]\nsender = "x@example.org\\nBcc: y@example.org"\n', "mail.sender"),
    ('inbox = "inbox/{day}/"\n', "inbox"),
    ('[smtp]\npassword_env = "NOT A NAME"\n', "smtp.password_env"),
])
def test_bad_value_names_file_and_key(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(BriefingError) as err:
        load_config(path)
    assert f"{path}: {key}:" in str(err.value)


def test_bad_toml_and_missing_file(tmp_path):
    path = write(tmp_path, "title = \n")
    with pytest.raises(BriefingError) as err:
        load_config(path)
    assert str(path) in str(err.value) and "TOML" in str(err.value)
    with pytest.raises(BriefingError) as err:
        load_config(tmp_path / "nope.toml")
    assert "nope.toml" in str(err.value) and "not found" in str(err.value)


def test_cli_override_wins(tmp_path):
    cfg = load_config(write(tmp_path, FULL))
    new = cfg.with_overrides(
        title="Override", to=["chief@example.org"], smtp_host="127.0.0.1", smtp_port=1025,
        ssl=True, starttls=None, user=None, sender=None, page_size="a4",
    )
    assert new.title == "Override"
    assert new.recipients == ["chief@example.org"]
    assert (new.smtp_host, new.port, new.security) == ("127.0.0.1", 1025, "ssl")
    assert new.user == "briefing"  # None leaves the file's value
    assert new.sender == "Briefing <briefing@example.org>"
    assert new.page_size == "a4"
    assert cfg.title == "Korean Peninsula Daily"  # the original is unchanged


def test_cli_override_is_validated(tmp_path):
    cfg = load_config(write(tmp_path, FULL))
    with pytest.raises(BriefingError) as err:
        cfg.with_overrides(to=["bad\r\nBcc: x@example.org"])
    assert "command line" in str(err.value) and "--to" in str(err.value)
    with pytest.raises(BriefingError):
        cfg.with_overrides(starttls=True, ssl=True)
    with pytest.raises(BriefingError):
        cfg.with_overrides(colour="blue")


def test_date_format_in_inbox_pattern(tmp_path):
    cfg = load_config(write(tmp_path, 'inbox = "/srv/news/{date:%Y/%m/%d}"\n'))
    assert cfg.inbox_for(dt.date(2024, 5, 1)) == Path("/srv/news/2024/05/01")


def test_topic_is_the_title_fallback():
    assert Config(topic="Six-party talks").brief_title == "Six-party talks"

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
    ('timezone = "Mars/Olympus_Mons"\n', "timezone"),
    ('timezone = "../../etc/passwd"\n', "timezone"),
    ('timezone = 2\n', "timezone"),
    ('timezone = "Europe"\n', "timezone"),
    ('history_days = -1\n', "history_days"),
    ('history_days = 400\n', "history_days"),
    ('history_days = "seven"\n', "history_days"),
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


def test_focus_is_a_list_or_a_comma_separated_line_and_the_command_line_overrides_it(tmp_path):
    cfg = load_config(write(tmp_path, 'focus = ["North Korea", "six-party  talks"]\nonly_focus = true\n'))
    assert cfg.focus == ["North Korea", "six-party talks"] and cfg.only_focus is True
    assert load_config(write(tmp_path, 'focus = "North Korea, sanctions"\n')).focus == ["North Korea", "sanctions"]
    assert cfg.with_overrides(focus=["Taiwan"], only_focus=None).focus == ["Taiwan"]
    with pytest.raises(BriefingError, match=r"briefing.toml: focus: expected a list of terms"):
        load_config(write(tmp_path, "focus = 3\n"))
    with pytest.raises(BriefingError, match=r"briefing.toml: only_focus: expected true or false"):
        load_config(write(tmp_path, 'only_focus = "yes"\n'))


# -- feeds and fetching rules (issue 10) ------------------------------------------------


def test_feeds_tables_and_fetching_rules(tmp_path):
    cfg = load_config(write(tmp_path, """
window_hours = 36
cache_dir = "cache/"
respect_robots = false
[[feeds]]
url = "https://wire.example.org/rss"
name = "Wire"
include = ["Korea"]
exclude = "sport"
[[feeds]]
url = "feeds/local.xml"
"""))
    assert [(f.url, f.name, f.include, f.exclude) for f in cfg.feeds] == [
        ("https://wire.example.org/rss", "Wire", ["Korea"], ["sport"]),
        (str(tmp_path.resolve() / "feeds/local.xml"), None, [], []),
    ]
    assert cfg.window_hours == 36 and cfg.respect_robots is False and cfg.allow_private_hosts is False
    from briefing.config import fetch_settings_for

    settings = fetch_settings_for(cfg)
    assert settings.cache_dir == tmp_path.resolve() / "cache" and settings.respect_robots is False
    assert settings.named_hosts == {"wire.example.org:443"}


@pytest.mark.parametrize("text, message", [
    ('[[feeds]]\nurl = "file:///etc/passwd"\n', "feeds: feed 1: only http(s) URLs or feed files, not file:"),
    ('[[feeds]]\nname = "x"\n', "feeds: feed 1: expected a url, got None"),
    ('[[feeds]]\nurl = "https://a.example/"\ncolour = 1\n', "feeds: feed 1: unknown key 'colour'"),
    ('[[feeds]]\nurl = "https://a.example/"\ninclude = [1]\n', "feeds: feed 1: include: expected a list of keywords"),
    ("window_hours = 0\n", "window_hours: expected a number of hours above 0"),
    ('respect_robots = "no"\n', "respect_robots: expected true or false"),
    ("allow_private_hosts = 1\n", "allow_private_hosts: expected true or false"),
])
def test_bad_feed_settings_name_the_file_and_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(BriefingError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_beats_and_excluded_beats_from_the_file_and_the_command_line(tmp_path):
    assert load_config(write(tmp_path, "")).beats == ["politics", "world", "economy"]
    assert load_config(write(tmp_path, "")).exclude_beats == ["commerce"]
    cfg = load_config(write(tmp_path, 'beats = ["Science", "health"]\nexclude_beats = "commerce, sport"\n'))
    assert cfg.beats == ["science", "health"] and cfg.exclude_beats == ["commerce", "sport"]
    assert cfg.with_overrides(beats=["world"], exclude_beats=None).beats == ["world"]
    assert load_config(write(tmp_path, "exclude_beats = []\n")).exclude_beats == []
    with pytest.raises(BriefingError, match=r"briefing.toml: beats: unknown beat 'gossip'"):
        load_config(write(tmp_path, 'beats = ["gossip"]\n'))
    with pytest.raises(BriefingError, match=r"briefing.toml: exclude_beats: expected a list of sections"):
        load_config(write(tmp_path, "exclude_beats = 3\n"))


def test_days_start_at_midnight_in_the_configured_time_zone(tmp_path):
    import datetime as dt

    cfg = load_config(write(tmp_path, 'timezone = "Asia/Tokyo"\nhistory_days = 3\n'))
    assert cfg.history_days == 3 and cfg.timezone == "Asia/Tokyo"
    start, end = cfg.day_bounds(dt.date(2024, 5, 1))
    assert start == dt.datetime(2024, 4, 30, 15, 0, tzinfo=dt.timezone.utc)  # 00:00 in Tokyo
    assert end - start == dt.timedelta(days=1)
    # 20:00 UTC on 1 May is already 2 May in Tokyo
    assert cfg.today(dt.datetime(2024, 5, 1, 20, 0, tzinfo=dt.timezone.utc)) == dt.date(2024, 5, 2)
    berlin = load_config(write(tmp_path, 'timezone = "Europe/Berlin"\n'))
    start, end = berlin.day_bounds(dt.date(2024, 3, 31))  # the clocks go forward that night
    assert end.astimezone(dt.timezone.utc) - start.astimezone(dt.timezone.utc) == dt.timedelta(hours=23)
    assert load_config(write(tmp_path, "")).history_days == 7

"""Settings for the daily brief: ``briefing.toml``, with command-line overrides.

The file is TOML. Top-level keys describe the brief, ``[mail]`` who gets it and
``[smtp]`` how it is sent::

    title = "Korean Peninsula daily"
    inbox = "inbox/{date}/"      # one folder of articles per day
    out = "out/"                 # daily runs write out/YYYY-MM-DD/
    page_size = "a4"             # or "letter"
    sentences = 3                # summary length per article
    focus = ["North Korea", "six-party talks"]   # stories about these rank first
    only_focus = false           # true: leave the other stories out
    beats = ["politics", "world", "economy"]   # what leads the page
    exclude_beats = ["commerce"] # never shown (the page says how many)

    [mail]
    sender = "Briefing <briefing@example.org>"
    recipients = ["desk@example.org"]

    [smtp]
    host = "smtp.example.org"
    port = 587
    security = "starttls"        # "starttls", "ssl" or "none"
    user = "briefing"
    password_env = "BRIEFING_SMTP_PASSWORD"

Feeds for the daily run (and ``serve`` without inputs), with the fetching rules::

    window_hours = 24            # first run: entries of the last 24 hours; later: since the last run
    cache_dir = "~/.cache/briefing/http"
    respect_robots = true
    allow_private_hosts = false  # true lets feeds and redirects reach internal addresses
    history_days = 7             # match the day's stories with the briefs of the 7 days before
    timezone = "Europe/Berlin"   # days start at midnight there (default: the machine's zone)

    [[feeds]]
    url = "https://example.org/world/rss.xml"
    name = "Example World"       # the source when the page names none
    include = ["Korea"]          # keep only entries that mention one of these
    exclude = ["sport"]          # drop entries that mention any of these

The SMTP password is never read from the file: a ``password`` key is refused.
It comes from the environment variable named by ``smtp.password_env``.

Relative paths (``inbox``, ``out``, ``template_dir``) are taken relative to the
folder holding the config file, so a cron job works from any directory.
"""

from __future__ import annotations

import datetime as dt
import os
import string
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from briefing.brief.focus import parse_focus
from briefing.addresses import DEFAULT_PORTS, SECURITY, check_address
from briefing.brief.rank import parse_beats
from briefing.model import BriefingError

DEFAULT_FILE = "briefing.toml"
DEFAULT_PASSWORD_ENV = "BRIEFING_SMTP_PASSWORD"
PAGE_SIZES = ("a4", "letter")
MAX_HISTORY_DAYS = 60
"""`history_days` at most: the feed state keeps the entries used for 60 days (daily_feeds.KEEP_DAYS),
and a story quiet for two months is news again."""

# file key (dotted) -> Config field
_KEYS: dict[str, str] = {
    "title": "title",
    "topic": "topic",
    "inbox": "inbox",
    "out": "out",
    "page_size": "page_size",
    "sentences": "sentences",
    "template_dir": "template_dir",
    "focus": "focus",
    "only_focus": "only_focus",
    "beats": "beats",
    "exclude_beats": "exclude_beats",
    "mail.sender": "sender",
    "mail.recipients": "recipients",
    "mail.subject": "subject",
    "smtp.host": "smtp_host",
    "smtp.port": "smtp_port",
    "smtp.security": "security",
    "smtp.user": "user",
    "smtp.password_env": "password_env",
    "smtp.timeout": "timeout",
    "smtp.retries": "retries",
    "feeds": "feeds",
    "cache_dir": "cache_dir",
    "respect_robots": "respect_robots",
    "allow_private_hosts": "allow_private_hosts",
    "window_hours": "window_hours",
    "history_days": "history_days",
    "timezone": "timezone",
}
_FILE_KEY = {v: k for k, v in _KEYS.items()}
_SECTIONS = ("mail", "smtp")
# Config field -> its command-line option, where that is not "--" + the field with dashes
_OPTION = {"recipients": "--to", "sender": "--from", "security": "--starttls/--ssl", "template_dir": "--templates"}

# keyword aliases accepted by `Config.with_overrides` (the CLI's option names)
_ALIASES = {
    "to": "recipients",
    "from_": "sender",
    "from_addr": "sender",
    "smtp_user": "user",
    "smtp_security": "security",
    "page": "page_size",
}


_FEED_KEYS = ("url", "name", "include", "exclude")


@dataclass
class FeedConfig:
    """One ``[[feeds]]`` table: where the feed is, what to call it, which entries to keep."""

    url: str
    """An http(s) URL, or a feed file (relative paths resolve against the config's folder)."""
    name: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


@dataclass
class Config:
    """Everything a daily run needs. Build one with `load_config`."""

    title: str | None = None
    """The brief's title; None lets the pipeline derive one."""
    topic: str | None = None
    """What the brief is about, used as the title when `title` is not set."""
    inbox: str = "inbox/{date}/"
    """Input folder for a day; ``{date}`` is YYYY-MM-DD (``{date:%Y/%m/%d}`` also works)."""
    out: str = "out/"
    """Output root; a daily run writes ``<out>/YYYY-MM-DD/``."""
    page_size: str = "a4"
    sentences: int = 3
    template_dir: str | None = None
    focus: list[str] = field(default_factory=list)
    """What the brief is about: stories about these terms rank first and title the brief."""
    only_focus: bool = False
    """Leave out the stories that are not about `focus`."""
    beats: list[str] = field(default_factory=lambda: ["politics", "world", "economy"])
    """The sections that lead the page (`briefing.brief.rank`)."""
    exclude_beats: list[str] = field(default_factory=lambda: ["commerce"])
    """The sections never shown; the page says how many stories it left out."""
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)
    subject: str | None = None
    smtp_host: str = "127.0.0.1"
    smtp_port: int | None = None
    """None: 587 for starttls, 465 for ssl, 25 for none."""
    security: str = "none"
    user: str | None = None
    password_env: str = DEFAULT_PASSWORD_ENV
    timeout: float = 30.0
    retries: int = 3
    feeds: list = field(default_factory=list)
    """`FeedConfig`s from ``[[feeds]]``: what ``briefing daily`` reads when there are any."""
    cache_dir: str | None = None
    """The HTTP cache; None: ``~/.cache/briefing/http``."""
    respect_robots: bool = True
    allow_private_hosts: bool = False
    """Let URLs from feeds, OPML and redirects reach loopback, private and link-local addresses."""
    window_hours: float = 24.0
    """How far back the first daily run from feeds reaches; later runs take entries since the last."""
    history_days: int = 7
    """``daily`` matches the day's stories against the briefs of this many days before it in
    `out` ("Day 3", "No new reports"); 0 turns that off."""
    timezone: str | None = None
    """The IANA time zone days are counted in (e.g. "Europe/Berlin"); None: the machine's."""
    source: Path | None = None
    """The file this came from, if any (used in error messages)."""
    base_dir: Path = field(default_factory=Path.cwd)
    """Relative paths resolve against this: the config file's folder, else the cwd."""

    # -- derived values ---------------------------------------------------

    @property
    def brief_title(self) -> str | None:
        return self.title or self.topic

    @property
    def port(self) -> int:
        return self.smtp_port if self.smtp_port is not None else DEFAULT_PORTS[self.security]

    @property
    def password(self) -> str | None:
        """The SMTP password from the environment (never from the file)."""
        value = os.environ.get(self.password_env)
        return value if value else None

    def resolve(self, value: str | os.PathLike) -> Path:
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    def inbox_for(self, date: dt.date) -> Path:
        return self.resolve(self.inbox.format(date=date))

    def out_dir_for(self, date: dt.date) -> Path:
        return self.resolve(self.out) / date.isoformat()

    @property
    def tzinfo(self) -> dt.tzinfo | None:
        """The configured time zone; None means the machine's local time."""
        if not self.timezone:
            return None
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)

    def today(self, now: dt.datetime | None = None) -> dt.date:
        """Today's date in the configured time zone."""
        now = now or dt.datetime.now(dt.timezone.utc)
        return now.astimezone(self.tzinfo).date()

    def day_bounds(self, date: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """When `date` starts and ends (the next day's start) in the configured time zone."""
        def start(d: dt.date) -> dt.datetime:
            midnight = dt.datetime.combine(d, dt.time())
            zone = self.tzinfo
            return midnight.replace(tzinfo=zone) if zone is not None else midnight.astimezone()

        return start(date), start(date + dt.timedelta(days=1))

    @property
    def template_path(self) -> Path | None:
        return self.resolve(self.template_dir) if self.template_dir else None

    # -- overrides --------------------------------------------------------

    def with_overrides(self, **kwargs: Any) -> "Config":
        """A copy with the given settings replaced; None values are ignored.

        Accepts the field names and the CLI's option names (``to``,
        ``smtp_user``, and the booleans ``starttls``/``ssl``); anything else
        is an error, so pass only settings (see `briefing.commands.options.config_from_args`).
        """
        changes: dict[str, Any] = {}
        names = {f.name for f in fields(self)} - {"source", "base_dir"}
        starttls = kwargs.pop("starttls", None)
        use_ssl = kwargs.pop("ssl", None)
        if starttls and use_ssl:
            raise BriefingError("choose one of --starttls and --ssl, not both")
        if starttls:
            changes["security"] = "starttls"
        elif use_ssl:
            changes["security"] = "ssl"
        for key, value in kwargs.items():
            if value is None:
                continue
            name = _ALIASES.get(key, key)
            if name not in names:
                if key == "password":
                    raise BriefingError(
                        "the SMTP password cannot be given as an option; "
                        f"set the environment variable {self.password_env}"
                    )
                raise BriefingError(f"unknown setting {key!r}")
            if name == "recipients" and isinstance(value, str):
                value = [value]
            changes[name] = value
        new = replace(self, **changes)
        _validate(new, origin="command line", changed=set(changes))
        return new


def _where(cfg: Config | None, origin: str | None, name: str) -> str:
    key = _FILE_KEY.get(name, name)
    if origin == "command line":
        key = _OPTION.get(name, "--" + name.replace("_", "-"))
    if origin is None:
        origin = str(cfg.source) if cfg is not None and cfg.source else "defaults"
    return f"{origin}: {key}"


def _check_beats(cfg: Config, name: str, bad) -> None:
    """`beats` or `exclude_beats`: a list of sections (or one comma-separated line), normalised."""
    value = getattr(cfg, name)
    if isinstance(value, str):  # beats = "politics, world" is one way to write it
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(b, str) for b in value):
        raise bad(name, f"expected a list of sections, e.g. [\"politics\", \"world\"], got {value!r}")
    try:
        setattr(cfg, name, list(parse_beats(",".join(value))))
    except BriefingError as exc:
        raise bad(name, str(exc)) from None


def _validate(cfg: Config, *, origin: str | None = None, changed: set[str] | None = None) -> None:
    """Check every value; errors name the file (or 'command line') and the key."""

    def bad(name: str, message: str) -> BriefingError:
        o = origin if (changed is None or name in changed) else None
        return BriefingError(f"{_where(cfg, o, name)}: {message}")

    def check_str(name: str, optional: bool = True) -> None:
        v = getattr(cfg, name)
        if v is None and optional:
            return
        if not isinstance(v, str) or (not optional and not v.strip()):
            raise bad(name, f"expected a text value, got {v!r}")
        if "\r" in v or "\n" in v or "\0" in v:
            raise bad(name, "must not contain line breaks")

    if isinstance(cfg.focus, str):  # focus = "North Korea, six-party talks" is one way to write it
        cfg.focus = [cfg.focus]
    if not isinstance(cfg.focus, (list, tuple)) or not all(isinstance(t, str) and t.strip() for t in cfg.focus):
        raise bad("focus", f"expected a list of terms, e.g. [\"North Korea\", \"six-party talks\"], got {cfg.focus!r}")
    cfg.focus = parse_focus(cfg.focus)
    if not isinstance(cfg.only_focus, bool):
        raise bad("only_focus", f"expected true or false, got {cfg.only_focus!r}")
    for name in ("beats", "exclude_beats"):
        _check_beats(cfg, name, bad)
    for n in ("title", "topic", "template_dir", "sender", "subject", "user"):
        check_str(n)
    for n in ("inbox", "out", "smtp_host", "password_env"):
        check_str(n, optional=False)

    # inbox pattern: only {date} (optionally with a strftime format)
    try:
        fmt_fields = [f for _, f, _, _ in string.Formatter().parse(cfg.inbox) if f is not None]
    except ValueError as exc:
        raise bad("inbox", f"bad pattern {cfg.inbox!r}: {exc}") from None
    for f in fmt_fields:
        if f != "date":
            raise bad("inbox", f"unknown placeholder {{{f}}} in {cfg.inbox!r}; only {{date}} is allowed")
    try:
        cfg.inbox.format(date=dt.date(2000, 1, 2))
    except (ValueError, KeyError, IndexError) as exc:
        raise bad("inbox", f"bad pattern {cfg.inbox!r}: {exc}") from None

    if not isinstance(cfg.page_size, str) or cfg.page_size.lower() not in PAGE_SIZES:
        raise bad("page_size", f"expected one of {', '.join(PAGE_SIZES)}, got {cfg.page_size!r}")
    cfg.page_size = cfg.page_size.lower()
    if isinstance(cfg.sentences, bool) or not isinstance(cfg.sentences, int) or not 1 <= cfg.sentences <= 20:
        raise bad("sentences", f"expected a whole number from 1 to 20, got {cfg.sentences!r}")
    if not isinstance(cfg.security, str) or cfg.security.lower() not in SECURITY:
        raise bad("security", f"expected one of {', '.join(SECURITY)}, got {cfg.security!r}")
    cfg.security = cfg.security.lower()
    if cfg.smtp_port is not None and (
        isinstance(cfg.smtp_port, bool) or not isinstance(cfg.smtp_port, int) or not 0 < cfg.smtp_port < 65536
    ):
        raise bad("smtp_port", f"expected a port number 1-65535, got {cfg.smtp_port!r}")
    if isinstance(cfg.timeout, bool) or not isinstance(cfg.timeout, (int, float)) or cfg.timeout <= 0:
        raise bad("timeout", f"expected a positive number of seconds, got {cfg.timeout!r}")
    if isinstance(cfg.retries, bool) or not isinstance(cfg.retries, int) or not 0 <= cfg.retries <= 10:
        raise bad("retries", f"expected a whole number from 0 to 10, got {cfg.retries!r}")
    if not isinstance(cfg.recipients, (list, tuple)) or not all(isinstance(r, str) for r in cfg.recipients):
        raise bad("recipients", f"expected a list of addresses, got {cfg.recipients!r}")
    cfg.recipients = list(cfg.recipients)
    if not cfg.password_env.replace("_", "").isalnum():
        raise bad("password_env", f"expected an environment variable name, got {cfg.password_env!r}")

    _validate_web(cfg, bad)

    # addresses: same checks as sending, so mistakes show up at load time
    if cfg.sender is not None:
        try:
            check_address(cfg.sender, what="sender")
        except BriefingError as exc:
            raise bad("sender", str(exc)) from None
    for r in cfg.recipients:
        try:
            check_address(r, what="recipient")
        except BriefingError as exc:
            raise bad("recipients", str(exc)) from None


def fetch_settings_for(cfg: Config):
    """The fetching rules the config sets: cache, robots, private hosts, and the feeds' hosts as
    hosts the user named (so a feed on an internal server may link to its own pages)."""
    from briefing.ingest.fetch import FetchSettings, default_cache_dir, host_key, is_web_url

    return FetchSettings(
        cache_dir=cfg.resolve(cfg.cache_dir) if cfg.cache_dir else default_cache_dir(),
        respect_robots=cfg.respect_robots,
        allow_private_hosts=cfg.allow_private_hosts,
        named_hosts={host_key(feed.url) for feed in cfg.feeds if is_web_url(feed.url)},
    )


def feed_sources(cfg: Config) -> list:
    """The config's ``[[feeds]]`` as `briefing.ingest.web.Source` records, ready to read."""
    from briefing.ingest.web import Source

    return [Source(f.url, f.name, tuple(f.include), tuple(f.exclude)) for f in cfg.feeds]


def _validate_web(cfg: Config, bad) -> None:
    """The feeds and the fetching rules."""
    for name in ("respect_robots", "allow_private_hosts"):
        if not isinstance(getattr(cfg, name), bool):
            raise bad(name, f"expected true or false, got {getattr(cfg, name)!r}")
    days = cfg.history_days
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_HISTORY_DAYS:
        raise bad("history_days", f"expected a whole number of days from 0 to {MAX_HISTORY_DAYS}, got {days!r}")
    if cfg.timezone is not None:
        _check_timezone(cfg.timezone, bad)
    hours = cfg.window_hours
    if isinstance(hours, bool) or not isinstance(hours, (int, float)) or not 0 < hours <= 24 * 31:
        raise bad("window_hours", f"expected a number of hours above 0 and at most 744, got {hours!r}")
    if cfg.cache_dir is not None and (not isinstance(cfg.cache_dir, str) or not cfg.cache_dir.strip()):
        raise bad("cache_dir", f"expected a folder path, got {cfg.cache_dir!r}")
    if not isinstance(cfg.feeds, (list, tuple)):
        raise bad("feeds", "expected [[feeds]] tables, each with a url")
    feeds = []
    for number, item in enumerate(cfg.feeds, 1):
        if isinstance(item, FeedConfig):
            feeds.append(item)
            continue
        where = f"feed {number}"
        if not isinstance(item, dict):
            raise bad("feeds", f"{where}: expected a [[feeds]] table, got {item!r}")
        unknown = sorted(set(item) - set(_FEED_KEYS))
        if unknown:
            raise bad("feeds", f"{where}: unknown key {unknown[0]!r} (known: {', '.join(_FEED_KEYS)})")
        url = item.get("url")
        if not isinstance(url, str) or not url.strip() or any(c in url for c in "\r\n\0 "):
            raise bad("feeds", f"{where}: expected a url, got {url!r}")
        scheme = url.split(":", 1)[0].lower() if "://" in url else ""
        if scheme and scheme not in ("http", "https"):
            raise bad("feeds", f"{where}: only http(s) URLs or feed files, not {scheme}:")
        location = url if scheme else str(cfg.resolve(url))
        name = item.get("name")
        if name is not None and (not isinstance(name, str) or "\n" in name):
            raise bad("feeds", f"{where}: name: expected one line of text, got {name!r}")
        words = {}
        for key in ("include", "exclude"):
            value = item.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
                raise bad("feeds", f"{where}: {key}: expected a list of keywords, got {value!r}")
            words[key] = [w.strip() for w in value]
        feeds.append(FeedConfig(location, name, words["include"], words["exclude"]))
    cfg.feeds = feeds


def _check_timezone(name, bad) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not name.strip():
        raise bad("timezone", f"expected a time zone name such as \"Europe/Berlin\", got {name!r}")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder of zones ("Europe")
        raise bad("timezone", f"unknown time zone {name!r} (an IANA name such as \"Europe/Berlin\" or \"UTC\")") from None


def _password_refused(path: Path, key: str) -> BriefingError:
    return BriefingError(
        f"{path}: {key}: the SMTP password must not be stored in the config file; "
        f"set it in the environment variable named by smtp.password_env "
        f"(default {DEFAULT_PASSWORD_ENV})"
    )


def _flatten(data: dict, path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "password":
            raise _password_refused(path, key)
        if key in _SECTIONS:
            if not isinstance(value, dict):
                raise BriefingError(f"{path}: {key}: expected a [{key}] table")
            for sub, v in value.items():
                dotted = f"{key}.{sub}"
                if sub == "password":
                    raise _password_refused(path, dotted)
                if isinstance(v, dict):
                    raise BriefingError(f"{path}: {dotted}: unknown table")
                out[dotted] = v
        elif isinstance(value, dict):
            raise BriefingError(f"{path}: [{key}]: unknown table (known: {', '.join(_SECTIONS)})")
        else:
            out[key] = value
    return out


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Read a config file; None reads ./briefing.toml if present, else gives defaults."""
    if path is None:
        candidate = Path.cwd() / DEFAULT_FILE
        if not candidate.is_file():
            cfg = Config()
            _validate(cfg)
            return cfg
        path = candidate
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BriefingError(f"{path}: config file not found") from None
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BriefingError(f"{path}: config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(f"{path}: not valid TOML: {exc}") from None

    flat = _flatten(data, path)
    values: dict[str, Any] = {}
    for key, value in flat.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise BriefingError(f"{path}: {key}: unknown setting (known settings: {known})")
        values[_KEYS[key]] = value
    base = path.resolve().parent
    try:
        cfg = Config(**values, source=path, base_dir=base)
    except TypeError as exc:  # pragma: no cover - keys are checked above
        raise BriefingError(f"{path}: {exc}") from None
    _validate(cfg, origin=str(path))
    return cfg

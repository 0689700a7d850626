"""The daily run: today's inbox folder to ``out/YYYY-MM-DD/``, e-mailed once.

`run_daily` builds the brief from the day's inbox (``config.inbox`` with
``{date}`` filled in) into ``<out>/YYYY-MM-DD/``. With ``send=True`` it e-mails
it and records that in ``<out>/YYYY-MM-DD/.sent`` (JSON: Message-ID, time,
recipients), written atomically, so running again the same day does not send
a second copy unless ``force=True``. A lock file keeps two overlapping runs
(say cron plus a manual run) from both sending.

The day's stories are compared with the briefs of the `history_days` days before it in the
output root (`earlier_briefs`): a story that continues one of theirs is marked ("Day 2"), and the
latest one's stories with no article today are named ("No new reports"). A past day (``date``)
is rebuilt from its own window of the feeds (`briefing.deliver.daily_feeds`) and compared only
with the days before it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from briefing.config import Config
from briefing.model import BriefingError

MARKER = ".sent"
LOCK = ".lock"


@dataclass
class DailyResult:
    date: dt.date
    out_dir: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    build: Any = None
    """The pipeline's BuildResult (None when the build was skipped)."""
    sent: bool = False
    """True when this run sent the brief."""
    already_sent: dict | None = None
    """The marker's record when an earlier run had sent it and this one did not."""
    message_id: str | None = None
    marker: Path | None = None
    skipped: list = field(default_factory=list)
    """Inputs the build could not use."""
    feed_day: Any = None
    """What the feeds gave this run (`briefing.deliver.daily_feeds.FeedDay`), when feeds are configured."""


def _as_date(value: dt.date | str | None, config: Config | None = None) -> dt.date:
    if value is None:
        return config.today() if config is not None else dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BriefingError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def read_marker(out_dir: Path) -> dict | None:
    """The record of an earlier send for this output folder, or None."""
    path = Path(out_dir) / MARKER
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        # unreadable marker: assume it was sent rather than risk a duplicate
        return {"message_id": None, "sent_at": None, "note": f"unreadable {path}"}
    return data if isinstance(data, dict) else {"message_id": None, "sent_at": None}


def _write_marker(out_dir: Path, record: dict) -> Path:
    from briefing.files import atomic_write

    path = Path(out_dir) / MARKER
    atomic_write(path, (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@contextmanager
def _locked(out_dir: Path):
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefingError(f"{out_dir}: another daily run is working on this day; try again later") from None
        yield
    finally:
        os.close(fd)


def _window_text(config: Config, gathered) -> str:
    """"since 2024-05-01 06:30 CEST" (today) or "between ... and ..." (a past day), in the
    configured time zone."""
    def local(when: dt.datetime) -> str:
        return when.astimezone(config.tzinfo).strftime("%Y-%m-%d %H:%M %Z").strip()

    if gathered.past and gathered.until is not None:
        return f"between {local(gathered.since)} and {local(gathered.until)}"
    return f"since {local(gathered.since)}"


def earlier_briefs(config: Config, day: dt.date, progress: Callable[[str], None] | None = None) -> list[Path]:
    """The briefs of the `history_days` days before `day` in the output root (their brief.json),
    oldest first: the day's stories are matched against them. A brief that cannot be read is
    left out with a note."""
    from briefing.brief.history import load_brief

    found = []
    for back in range(config.history_days, 0, -1):
        path = config.out_dir_for(day - dt.timedelta(days=back)) / "brief.json"
        if not path.is_file():
            continue
        try:
            if load_brief(path).date < day:
                found.append(path)
        except BriefingError as exc:
            if progress:
                progress(f"not comparing with an earlier brief: {exc}")
    return found


def run_daily(
    config: Config,
    *,
    date: dt.date | str | None = None,
    send: bool = False,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    builder: Callable[..., Any] | None = None,
    backoff: float = 1.0,
    fetch=None,
) -> DailyResult:
    """Build the day's brief and, with ``send``, e-mail it once.

    With ``[[feeds]]`` in the config, the day's new feed entries are fetched into
    ``<out>/YYYY-MM-DD/articles/`` first (see `briefing.deliver.daily_feeds`) and the brief is built
    from them and the inbox folder, if there is one; `fetch` overrides the config's fetching rules.
    The day's stories are matched with the briefs of the `history_days` days before it in the
    output root (`earlier_briefs`). The day (default: today in the configured time zone) may be
    a past one: it is rebuilt from its window of the feeds (the HTTP cache with ``--offline``).

    Raises `BriefingError` when the inbox folder is missing (naming it), when
    sending needs a sender/recipients that are not configured, or when sending
    fails (the brief stays on disk).
    """
    day = _as_date(date, config)
    inbox = config.inbox_for(day)
    out_dir = config.out_dir_for(day)
    if not config.feeds and not inbox.is_dir():
        where = f" (inbox = {config.inbox!r} in {config.source})" if config.source else f" (inbox = {config.inbox!r})"
        raise BriefingError(f"no inbox folder for {day.isoformat()}: {inbox} does not exist{where}")
    if send:
        # check addresses before building, so a bad config fails fast
        from briefing.deliver.mail import check_envelope

        check_envelope(config.sender, config.recipients)

    result = DailyResult(date=day, out_dir=out_dir)
    with _locked(out_dir):
        previous = read_marker(out_dir)
        if send and previous is not None and not force:
            if progress:
                progress(f"already sent {previous.get('sent_at') or ''}; not sending again (use --force)")
            result.already_sent = previous
            result.marker = out_dir / MARKER
            result.outputs = {
                k: out_dir / f"brief.{k}" for k in ("pdf", "html", "json") if (out_dir / f"brief.{k}").exists()
            }
            return result
        inputs, extra = _day_inputs(config, day, result, fetch, progress)
        if builder is None:
            from briefing.pipeline import build as builder
        built = builder(
            inputs,
            out_dir,
            title=config.brief_title,
            date=day,
            page_size=config.page_size,
            sentences=config.sentences,
            template_dir=config.template_path,
            progress=progress,
            **extra,
            focus=config.focus,
            only_focus=config.only_focus,
            beats=config.beats,
            exclude_beats=config.exclude_beats,
        )
        result.build = built
        result.outputs = dict(getattr(built, "outputs", {}) or {})
        result.skipped = list(getattr(built, "skipped", []) or [])
        if send:
            _send(config, result, forced=bool(force and previous is not None), backoff=backoff, progress=progress)
        return result


def _day_inputs(config: Config, day: dt.date, result: DailyResult, fetch, progress) -> tuple[list, dict[str, Any]]:
    """What the day's brief is built from: the feeds' articles of the day (gathered into the
    day's folder first) and the inbox folder; and the build's extra options (the feed pages that
    could not be used, the earlier briefs)."""
    inbox = config.inbox_for(day)
    inputs: list = [inbox] if inbox.is_dir() else []
    extra: dict[str, Any] = {}
    if config.feeds:
        from briefing.config import fetch_settings_for
        from briefing.deliver.daily_feeds import gather_feed_articles

        gathered = gather_feed_articles(config, day, result.out_dir, fetch or fetch_settings_for(config),
                                        progress=progress)
        result.feed_day = gathered
        if not any(gathered.folder.glob("*.txt")) and not inputs:
            lines = [f"no feed entries for {day.isoformat()} {_window_text(config, gathered)}"]
            raise BriefingError("\n".join(lines + [str(e) for e in gathered.errors]))
        inputs.insert(0, gathered.folder)
        extra["skipped"] = gathered.errors
    since = earlier_briefs(config, day, progress)
    if since:
        extra["since"] = since
    return inputs, extra


def _send(config: Config, result: DailyResult, *, forced: bool, backoff: float, progress) -> None:
    """E-mail the built brief and record it in the day's marker (also when only some recipients
    took it, so a later run does not send the others a second copy)."""
    from briefing.deliver.mail import PartialDelivery, compose_message, send_message

    out_dir = result.out_dir
    msg = compose_message(out_dir, sender=config.sender, recipients=config.recipients, subject=config.subject)
    if progress:
        progress(f"sending to {', '.join(config.recipients)} via {config.smtp_host}:{config.port}")
    record = {
        "message_id": str(msg["Message-ID"]),
        "recipients": list(config.recipients),
        "smtp": f"{config.smtp_host}:{config.port}",
        "forced": forced,
    }
    try:
        send_message(
            msg,
            host=config.smtp_host,
            port=config.port,
            security=config.security,
            user=config.user,
            password=config.password,
            retries=config.retries,
            backoff=backoff,
            timeout=config.timeout,
            progress=progress,
        )
    except PartialDelivery as exc:
        record.update(sent_at=_now(), accepted=exc.accepted, refused=exc.refused)
        _write_marker(out_dir, record)
        raise
    record["sent_at"] = _now()
    result.marker = _write_marker(out_dir, record)
    result.sent = True
    result.message_id = record["message_id"]

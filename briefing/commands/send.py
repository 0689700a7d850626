"""``briefing send``: e-mail a built brief (text and HTML bodies, the PDF attached)."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.commands.console import say
from briefing.commands.options import add_config_option, add_smtp_options, config_from_args


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "send",
        help="e-mail a built brief (text, HTML and the PDF attached)",
        description=(
            "E-mail the brief in OUTDIR (brief.json, brief.html, brief.pdf) as one message: a "
            "plain-text body, an HTML body and the PDF attached. Settings not given as options come "
            "from --config or ./briefing.toml. The SMTP password is read only from the environment "
            "variable BRIEFING_SMTP_PASSWORD (or the one named by smtp.password_env)."
        ),
    )
    p.add_argument("outdir", metavar="OUTDIR", help="folder holding brief.json, brief.html and brief.pdf")
    add_smtp_options(p)
    p.add_argument("--dry-run", dest="dry_run", action="store_true",
                   help="write OUTDIR/brief.eml instead of sending")
    add_config_option(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from briefing.deliver.mail import send_brief

    cfg = config_from_args(args, "to", "sender", "smtp_host", "smtp_port", "starttls", "ssl", "user")
    result = send_brief(
        args.outdir,
        recipients=cfg.recipients,
        sender=cfg.sender,
        host=cfg.smtp_host,
        port=cfg.port,
        security=cfg.security,
        user=cfg.user,
        password=cfg.password,
        dry_run=args.dry_run,
        retries=cfg.retries,
        timeout=cfg.timeout,
        subject=cfg.subject,
        progress=say,
    )
    if result is not None:
        print(f"wrote {result} (not sent)")
    else:
        print(f"sent {Path(args.outdir) / 'brief.pdf'} to {', '.join(cfg.recipients)} via {cfg.smtp_host}:{cfg.port}")
    return 0

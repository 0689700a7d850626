"""Deliver: e-mail a built brief (`mail`), serve a live preview (`serve`), run the day (`daily`,
with the day's feed articles from `daily_feeds`)."""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "send_brief": "mail",
    "compose_message": "mail",
    "send_message": "mail",
    "serve": "serve",
    "PreviewServer": "serve",
    "run_daily": "daily",
    "gather_feed_articles": "daily_feeds",
})

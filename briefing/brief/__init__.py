"""Brief: the day's analyzed articles to one `Brief`: key points, quotes and participants,
merged across articles and ranked."""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "assemble_brief": "assemble",
    "build_stories": "stories",
})

"""briefing: a day's news articles in, a one-page policy brief out.

The stages are plain functions:

    from briefing import build, analyze_paths
    result = build(["seeds/"], out_dir="out")     # writes brief.pdf, .html, .json
    articles, skipped = analyze_paths(["seeds/"])  # analysis only, no layout
"""

__version__ = "0.1.0"

from briefing.model import (  # noqa: E402
    AnalyzedArticle,
    Article,
    Brief,
    BriefingError,
    InputError,
    KeyPoint,
    Participant,
    Quote,
)

__all__ = [
    "AnalyzedArticle", "Article", "Brief", "BriefingError", "InputError", "KeyPoint",
    "Participant", "Quote", "analyze_paths", "build",
]


def __getattr__(name):
    # The pipeline pulls in sumy and (for building) WeasyPrint; import it only when asked.
    if name in ("build", "analyze_paths"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)

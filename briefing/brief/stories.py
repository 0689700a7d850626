"""Stories: the day's articles grouped by the real-world event they report, and ranked.

Placeholder grouping (each article its own story) until clustering lands; the signature is
the interface the rest of the brief stage uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.model import AnalyzedArticle, Story


def build_stories(
    analyzed: Sequence[AnalyzedArticle],
    *,
    focus: Sequence[str] = (),
    only_focus: bool = False,
) -> list[Story]:
    """The day's stories, best first. Every article belongs to exactly one story."""
    stories = []
    for i, a in enumerate(analyzed):
        outlets = [a.article.source] if a.article.source else []
        summary = [(i, s) for s in a.summary]
        stories.append(Story(id=f"s{i + 1}", title=a.article.title, articles=[i], outlets=outlets,
                             summary=summary, score=float(len(analyzed) - i)))
    return stories

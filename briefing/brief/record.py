"""The analysis record: what ``briefing analyze --json`` prints, the day's articles with what
analysis found in each and the stories they form, without a page.

Its shape is `briefing/schemas/analysis.schema.json` (brief.json's, `Brief.to_json`, is
`brief.schema.json`); both name an article by its id (`model.article_id`), with its ``path``
and ``url`` on the article's own record.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.model import SCHEMA_VERSION, AnalyzedArticle, Article, Story, article_id, article_ids, unread_json

__all__ = ["analysis_record"]


def analysis_record(analyzed: Sequence[AnalyzedArticle], stories: Sequence[Story],
                    not_analysed: Sequence[Article] = ()) -> dict:
    """The record of a day's analysis: ``schema_version``; ``articles``, each with its id, its
    sentences, its own summary, quotes and participants; ``stories`` (from `build_stories` over
    the same `analyzed`, in its order), as brief.json has them; ``not_analysed``, the articles in
    a language the brief does not read."""
    analyzed = list(analyzed)
    ids = article_ids(a.article.path for a in analyzed)
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [a.to_json(article_id(k), ids) for k, a in enumerate(analyzed)],
        "stories": [s.to_json(analyzed) for s in stories],
        "not_analysed": [unread_json(a) for a in not_analysed],
    }

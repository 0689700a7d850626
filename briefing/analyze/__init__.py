"""Analyze: one `Article` to an `AnalyzedArticle`.

- `sentences` splits sentences (NLTK's Punkt with parameters we own);
- `summarize` ranks and picks summary sentences (sumy and our news ranker);
- `quotes` finds direct quotes and their speakers; `names` and `people` find the people named,
  with titles and affiliations;
- `article` runs them all on one article.
"""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "analyze_article": "article",
    "sentence_spans": "sentences",
    "split_sentences": "sentences",
    "summarize": "summarize",
    "rank_sentences": "summarize",
    "select_key_points": "summarize",
    "extract_quotes": "quotes",
    "find_participants": "people",
    "merge_participants": "people",
    "ALGORITHMS": "algorithms",
})

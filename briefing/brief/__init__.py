"""Brief: the day's analyzed articles to one `Brief`.

- `duplicates` finds near-duplicate copies (one wire story in several outlets);
- `clusters` groups articles by the event they report; `stories` forms and ranks the stories
  (`focus` parses and matches the analyst's focus);
- `multidoc` summarizes several articles on one story (a concept-coverage integer programme
  under a word budget); `stories.story_summary` applies it to a story, `blocks` to the page;
  `novelty` says which sentences repeat what the reader already has (earlier briefs, the page);
  `blocks.article_stories` gives a brief made by hand without stories its per-article blocks;
- `points` picks three to five self-contained key points, one per leading story first;
- `history` matches the day's stories with earlier briefs' (continuing or new, quiet ones);
- `assemble` puts the brief together: stories, key points, quotes merged across outlets,
  participants merged across the day, the title;
- `record` is the analysis record (``briefing analyze --json``): articles and stories, no page.
"""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "assemble_brief": "assemble",
    "build_stories": "stories",
    "story_summary": "stories",
    "summarize_documents": "multidoc",
    "page_summaries": "blocks",
    "article_stories": "blocks",
    "find_duplicates": "duplicates",
    "cluster_events": "clusters",
    "story_key_points": "points",
    "parse_focus": "focus",
    "load_brief": "history",
    "link_stories": "history",
    "analysis_record": "record",
})

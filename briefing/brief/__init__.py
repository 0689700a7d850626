"""Brief: the day's analyzed articles to one `Brief`.

- `duplicates` finds near-duplicate copies (one wire story in several outlets);
- `clusters` groups articles by the event they report; `stories` forms and ranks the stories
  (`focus` parses and matches the analyst's focus);
- `points` picks one self-contained key point per leading story;
- `history` matches the day's stories with earlier briefs' (continuing or new, quiet ones);
- `assemble` puts the brief together: stories, key points, quotes merged across outlets,
  participants merged across the day, the title.
"""

from briefing.lazy import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "assemble_brief": "assemble",
    "build_stories": "stories",
    "find_duplicates": "duplicates",
    "cluster_events": "clusters",
    "story_key_points": "points",
    "parse_focus": "focus",
    "load_brief": "history",
    "link_stories": "history",
})

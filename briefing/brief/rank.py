"""Ranking for a policy reader: what leads the page, what it leaves out, and what opinion may say.

Public API:

- `DEFAULT_BEATS`, `DEFAULT_EXCLUDED`: the beats that lead (politics, world, economy) and those never
  shown (commerce) unless the user says otherwise (`beats`, `exclude_beats` in the config,
  ``--beats`` / ``--exclude-beats``).
- `beat_tier(section, beats)`: the beats first (4); public affairs (3); other news of public interest:
  business, crime, science, health (2); technology and the rest (1); sport, entertainment,
  lifestyle and commerce last (0).
- `story_section(analyzed, members)`, `opinion_only(analyzed, members)`: a story's beat, and whether
  every report in it is opinion.
- `story_order_key(...)`: how stories sort: the focus first, then by tier, news before opinion in
  a tier, then by score.
- `may_give_key_point(article, beats)`: no key point from an opinion article, nor from a story of
  the light beats when the day has news of public interest.
- `may_report(article)`: whether an article's sentences may be printed as a story's news (an
  opinion article's may not; the page labels a one-article opinion story "Opinion").
- `parse_beats(value)`, `beats_phrase(sections)`, `excluded_note(stories, exclude)`,
  `beat_label(section)`: the beats as the user writes them and as the page says them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence

from briefing.model import AnalyzedArticle, BriefingError, Story
from briefing.vocabulary.topics import SECTIONS

DEFAULT_BEATS = ("politics", "world", "economy")
DEFAULT_EXCLUDED = ("commerce",)
PUBLIC_AFFAIRS = ("politics", "world", "economy")
PUBLIC_INTEREST = ("business", "crime", "science", "health")
LIGHT = ("sport", "entertainment", "lifestyle", "commerce")
"""Beats that never outrank news of public interest unless the user asks for them."""

TIER_BEAT, TIER_PUBLIC_AFFAIRS, TIER_PUBLIC_INTEREST, TIER_REST, TIER_LIGHT = 4, 3, 2, 1, 0
KEY_POINT_TIER = TIER_PUBLIC_INTEREST
"""Key points come from stories of this tier or above (the beats, public affairs, business, crime,
science, health), as long as the day has any."""

BEAT_WORDS = {"commerce": "shopping", "other": "other"}
"""How the page names a beat when it differs from the section's name."""


def parse_beats(value: str | Iterable[str] | None, default: Sequence[str] = ()) -> tuple[str, ...]:
    """Beats from "politics, world" or a list; each must be a section. None gives `default`."""
    if value is None:
        return tuple(default)
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for item in items:
        beat = str(item).strip().lower()
        if not beat:
            continue
        if beat == "shopping":
            beat = "commerce"
        if beat not in SECTIONS:
            raise BriefingError(f"unknown beat {beat!r}: use one of {', '.join(SECTIONS)}")
        if beat not in out:
            out.append(beat)
    return tuple(out)


def beat_tier(section: str, beats: Sequence[str] = DEFAULT_BEATS) -> int:
    """How far up the page a beat goes (see the module docstring)."""
    if section in beats:
        return TIER_BEAT
    if section in PUBLIC_AFFAIRS:
        return TIER_PUBLIC_AFFAIRS
    if section in PUBLIC_INTEREST:
        return TIER_PUBLIC_INTEREST
    if section in LIGHT:
        return TIER_LIGHT
    return TIER_REST


def article_section(a: AnalyzedArticle) -> str:
    """The article's section, classified from its text and labels when ingest did not set it
    (an article made by hand; the article is left as it was)."""
    if a.article.section:
        return a.article.section
    from briefing.ingest.section import classify

    return classify(a.article).section


def classified(analyzed: Sequence[AnalyzedArticle]) -> list[AnalyzedArticle]:
    """The articles with their section and opinion flag as ingest sets them (`section.describe`):
    an article ingest did not classify (made by hand) as a classified copy, the others as they
    are. What stories and the brief are made from, so the caller's articles are left as they were."""
    out = []
    for a in analyzed:
        if a.article.section:
            out.append(a)
            continue
        from briefing.ingest.section import describe

        out.append(dataclasses.replace(a, article=describe(dataclasses.replace(a.article))))
    return out


def story_section(analyzed: Sequence[AnalyzedArticle], members: Sequence[int]) -> str:
    """A story's beat: the section most of its reports have, the lead's on a tie."""
    sections = [article_section(analyzed[i]) for i in members]
    if not sections:
        return "other"
    counts = Counter(sections)
    top = max(counts.values())
    return next(s for s in sections if counts[s] == top)


def opinion_only(analyzed: Sequence[AnalyzedArticle], members: Sequence[int]) -> bool:
    """True when every report in a story is opinion: it is argument, not news."""
    return bool(members) and all(analyzed[i].article.opinion for i in members)


def story_order_key(story: Story, beats: Sequence[str] = DEFAULT_BEATS) -> tuple:
    """Sort key: the focus first, then the tier, news before opinion within a tier, then score."""
    return (not story.focus, -beat_tier(story.section, beats), story.opinion, -story.score, story.articles[:1])


def may_report(a: AnalyzedArticle) -> bool:
    """Whether an article's sentences may be printed as a story's news: not an opinion piece's."""
    return not a.article.opinion


def may_give_key_point(a: AnalyzedArticle, beats: Sequence[str] = DEFAULT_BEATS, *,
                       story: Story | None = None, light_allowed: bool = False) -> bool:
    """Whether a sentence of this article may be a key point: never an opinion article's; never
    one from a story below `KEY_POINT_TIER` (sport, entertainment, ...), unless `light_allowed`
    (the day has no news of public interest)."""
    if a.article.opinion:
        return False
    section = story.section if story is not None and story.section else article_section(a)
    return light_allowed or beat_tier(section, beats) >= KEY_POINT_TIER


def beat_word(section: str) -> str:
    return BEAT_WORDS.get(section, section)


def beats_phrase(sections: Iterable[str]) -> str:
    """"sport, entertainment and shopping": the beats named in page order, each once."""
    names = [beat_word(s) for s in sorted(set(sections), key=SECTIONS.index)]
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _stories(n: int) -> str:
    return "story" if n == 1 else "stories"


def excluded_note(stories: Sequence[Story], exclude: Sequence[str]) -> str | None:
    """What the page says about the stories of the excluded beats: "3 shopping stories not shown
    (excluded beats)"."""
    gone = [s for s in stories if s.section in exclude and not s.shown]
    if not gone:
        return None
    return f"{len(gone)} {beats_phrase(s.section for s in gone)} {_stories(len(gone))} not shown (excluded beats)"


def beat_label(section: str) -> str:
    """How the page names a story's beat when it leaves the story out (`Story.beat_label`): a
    light beat by its word ("sport", "shopping"), so the reader sees what kind of news is missing;
    "" for any other beat, whose stories the note counts."""
    return beat_word(section) if section in LIGHT else ""

"""What each story's block on the page says: the story's summary at the budget its rank gets,
less what the page already says elsewhere.

The page never prints a sentence twice. The key points at the top and the quotes beside the
stories are known to the reader by the time they reach a block, so a block's summary is made
with them as `known` (`stories.story_summary`): it says what they do not, and never prints a
sentence whose quotation the quotes column shows, nor one that says what the headline above it
says. The render stage only lays these summaries out and, to fit the page, drops their
sentences from the end of `Story.summary_rank`.

`page_summaries` does this for the stories `assemble_brief` forms; `article_stories` for a
brief made without stories (by hand: one block per article, its sentences by `block_sentences`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from briefing.analyze.summarize import is_junk, near_duplicate, rank_sentences
from briefing.brief.stories import MayState, news_only, ranked_pairs, story_summary, summary_budget, summary_pairs
from briefing.model import AnalyzedArticle, Brief, KeyPoint, Quote, Story
from briefing.outlets import outlet

HEADLINE_WORDS = 4
"""A headline this long says enough that a sentence saying the same (a lead the headline was
made from) is left out of the block under it."""
FALLBACK_SENTENCES = 2
"""Sentences an article block (a brief without stories) shows when its whole summary is
already on the page elsewhere."""
BLOCKS_SUMMARIZED = 12
"""Shown stories whose block summaries are made for the page: more than a page ever shows as
blocks (the rest keep their story summary; fitting never reaches them)."""


def normalized(text: str) -> str:
    """Text compared as a reader would: marks straightened, spacing collapsed, case folded."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold()


def quote_core(text: str) -> str:
    return normalized(text).strip(" \"'.,;:!?—–-")


def quotes_of(quotes: Sequence[Quote], path: str) -> list[Quote]:
    """The quotes an article carries (its own, or copies of them: `Quote.sources`), and those
    that name no article."""
    return [q for q in quotes if q.text and q.text.strip()
            and (not q.article or path == q.article or path in q.sources)]


def is_quote_sentence(a: AnalyzedArticle, s: int, quotes: Sequence[Quote]) -> bool:
    """True when sentence `s` prints words a quote shows: it overlaps the quote's span,
    contains the quote, or lies inside a quote that runs over several sentences."""
    span = a.spans[s] if s < len(a.spans) else (0, 0)
    text = quote_core(a.sentences[s])
    for q in quotes:
        qs = q.span or (0, 0)
        if span[1] > span[0] and qs[1] > qs[0] and span[0] < qs[1] and qs[0] < span[1]:
            return True
        core = quote_core(q.text)
        if len(core) >= 12 and (core in text or (len(text) >= 12 and text in core)):
            return True
    return False


def _block_filter(analyzed: Sequence[AnalyzedArticle], story: Story, quotes: Sequence[Quote],
                  may_state: MayState | None) -> MayState:
    """What a block may print: what `may_state` allows, less a sentence that prints a quote
    the page shows or says what the story's headline says (a real headline: one made from the
    lead is the lead cut short, and the lead in full is what the block should say)."""
    lead = analyzed[story.articles[0]] if story.articles and 0 <= story.articles[0] < len(analyzed) else None
    derived = lead is not None and lead.article.title_derived and lead.article.title == story.title
    headline = story.title if len(story.title.split()) >= HEADLINE_WORDS and not derived else None
    carried = {i: quotes_of(quotes, analyzed[i].article.path) for i in story.articles if 0 <= i < len(analyzed)}

    def allowed(a: AnalyzedArticle, s: int) -> bool:
        if may_state is not None and not may_state(a, s):
            return False
        i = next((k for k in carried if analyzed[k] is a), None)
        if i is not None and is_quote_sentence(a, s, carried[i]):
            return False
        return headline is None or not near_duplicate(a.sentences[s], headline)

    return allowed


def page_summaries(analyzed: Sequence[AnalyzedArticle], stories: Sequence[Story], key_points: Sequence[KeyPoint],
                   quotes: Sequence[Quote], may_state: MayState | None = None) -> list[Story]:
    """The stories with each shown story's block summary (`Story.summary`, `Story.summary_rank`;
    new records, `stories` left as they were): the story's summary at the budget its rank among
    the shown stories gets (`summary_budget`), made knowing the page's key points and the
    story's quotes, so it says what they do not."""
    out = list(stories)
    shown = [k for k, st in enumerate(stories) if st.shown]
    points = [kp.text for kp in key_points]
    for rank, k in enumerate(shown[:BLOCKS_SUMMARIZED]):
        story = stories[k]
        copies = {c for cs in story.duplicates.values() for c in cs}
        members = [i for i in story.articles if i not in copies and 0 <= i < len(analyzed)]
        paths = {analyzed[i].article.path for i in story.articles if 0 <= i < len(analyzed)}
        told = [q.text for q in quotes if q.article in paths or paths & set(q.sources)]
        summary = story_summary(analyzed, members, words=summary_budget(rank, len(shown)), known=points + told,
                                earlier=story.known,
                                may_state=_block_filter(analyzed, story, quotes, news_only(analyzed, members, may_state)))
        out[k] = dataclasses.replace(story, summary=summary_pairs(summary), summary_rank=ranked_pairs(summary))
    return out


# --- a brief made without stories: one block per article --------------------------------------

_DANGLING_OPENER = re.compile(r"[“\"‘']?(?:He|She|They|It|His|Her|Their|Its|This|These|Those|That)\b")


def block_sentences(brief: Brief, i: int) -> list[int]:
    """The sentences article `i`'s block shows in a brief made without stories, in article
    order. Nothing is printed twice: a sentence that is a key point (or says what one says) is
    left out, and so is one that prints a quote the brief shows or says what the headline above
    it says. If that leaves nothing of the summary, the article's next best sentences (ranked
    over the whole article, junk never) take its place; if there are none, the block shows its
    headline and credit alone rather than repeat anything."""
    a = brief.articles[i]
    n = len(a.sentences)
    points = {kp.sentence for kp in brief.key_points if kp.article == i}
    kp_texts = [kp.text.strip() for kp in brief.key_points]
    quotes = quotes_of(brief.quotes, a.article.path)
    headline = a.article.title if len(a.article.title.split()) >= HEADLINE_WORDS else None

    def repeats(s: int) -> bool:
        text = a.sentences[s].strip()
        return (s in points or not text or is_quote_sentence(a, s, quotes)
                or any(near_duplicate(text, t) for t in kp_texts)
                or (headline is not None and near_duplicate(text, headline)))

    summary = [s for s in a.summary if 0 <= s < n]
    fresh = [s for s in summary if not repeats(s)]
    if fresh:
        return fresh
    ranked = [s for s in rank_sentences(a.sentences)
              if 0 <= s < n and s not in summary and not repeats(s) and not is_junk(a.sentences[s])]
    # Out of context, "He arrived ..." leaves the reader asking who: prefer sentences that
    # name their subject, and take a pronoun opener only when nothing else is left.
    ranked.sort(key=lambda s: bool(_DANGLING_OPENER.match(a.sentences[s])))
    picks: list[int] = []
    for s in ranked:
        if any(near_duplicate(a.sentences[s], a.sentences[p]) for p in picks):
            continue
        picks.append(s)
        if len(picks) >= FALLBACK_SENTENCES:
            break
    return sorted(picks)


def article_stories(brief: Brief) -> list[Story]:
    """A brief made without stories, one story per article (as the page shows such a brief), each
    block's sentences chosen by `block_sentences`: give them to the brief (``stories=``) and the
    page prints nothing twice. Their best-first order is the article's own summary rank."""
    stories = []
    for i, a in enumerate(brief.articles):
        chosen = block_sentences(brief, i)
        rank = [s for s in (a.summary_rank or a.summary) if s in chosen]
        rank += [s for s in chosen if s not in rank]
        stories.append(Story(id=f"a{i + 1}", title=a.article.title, articles=[i],
                             outlets=[o] if (o := outlet(a)) else [],
                             summary=[(i, s) for s in chosen], summary_rank=[(i, s) for s in rank]))
    return stories

"""People named in an article: full names, titles, affiliations, mentions; merged across articles.

Names are found by `mentions` and grouped by `coreference` (shared with `quotes`); the byline
author is never a participant. A participant's affiliation is the country they serve or belong
to, from what the text binds to them (`titles.person_country`: their office, title, nationality,
the government they lead), else the organisation their title names; never the place the article
is datelined in or mentions. Across articles the country most of them give wins, so a head of
government named in many articles is filed the same way every time.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.model import Article, Participant, Quote, Span
from briefing.analyze.coreference import NameIndex
from briefing.analyze.titles import person_country, title_organisation

__all__ = ["find_participants", "merge_participants", "people_index"]


def people_index(article: Article, spans: list[Span]) -> NameIndex:
    """The names in `article` (shared by quotes and participants); the byline authors are left out."""
    return NameIndex(article.text, spans or [(0, len(article.text))], exclude=_excluded(article))


def _excluded(article: Article) -> tuple[str, ...]:
    out = []
    if article.byline:
        for part in re.split(r"\s*(?:,|\band\b|&)\s*", article.byline):
            part = re.sub(r"(?i)^by\s+", "", part).strip()
            if part:
                out.append(part)
    return tuple(out)


def find_participants(article: Article, spans: list[Span], quotes: list[Quote],
                      index: NameIndex | None = None) -> list[Participant]:
    """Every person named in the article body, in order of first mention, with the country they
    serve or belong to (`titles.person_country`), else the organisation their title names."""
    text = article.text
    if not text.strip():
        return []
    if index is None:
        index = people_index(article, spans)
    quoted = {q.speaker for q in quotes if q.speaker and q.attribution != "uncertain"}
    out: list[Participant] = []
    for p in sorted(index.people, key=lambda p: p.mentions[0].start):
        title = p.title
        affiliation = person_country(text, title, p.mentions)
        if affiliation is None and title:
            # no country given: the organisation in the title ("chief executive of Acme
            # Corp", "Veterans Affairs Minister")
            affiliation = title_organisation(title)
        out.append(Participant(
            name=p.name,
            title=_tidy_title(title),
            affiliation=affiliation,
            quoted=p.name in quoted,
            mentions=len(p.mentions),
            articles=[article.path],
        ))
    return out


def _tidy_title(title: str | None) -> str | None:
    if not title:
        return None
    t = re.sub(r"^(?:the|a|an)\s+", "", title.strip(), flags=re.I)
    return t or None


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def merge_participants(lists: list[list[Participant]]) -> list[Participant]:
    """One entry per person across articles; surname-only entries join the full name."""
    merged: dict[str, Participant] = {}
    order: list[str] = []
    votes: dict[int, Counter] = {}  # participant -> the affiliations its articles give
    by_end_word: dict[str, set[str]] = {}  # first or last word -> the merged names it begins or ends
    carried: dict[int, set[str]] = {}  # participant -> its articles, as a set
    flat = [p for lst in lists for p in lst]
    # full names first so that short forms can join them
    for p in sorted(flat, key=lambda p: -len(p.name.split())):
        key = _norm(p.name)
        target = merged.get(key)
        if target is None and len(p.name.split()) == 1:
            cands = by_end_word.get(key, ())  # looked up, not searched: a day names thousands
            if len(cands) == 1:
                target = merged[next(iter(cands))]
        if target is None:
            merged[key] = Participant(name=p.name, title=p.title, affiliation=p.affiliation,
                                      quoted=p.quoted, mentions=p.mentions,
                                      articles=list(p.articles))
            if p.affiliation:
                votes[id(merged[key])] = Counter({p.affiliation: 1})
            order.append(key)
            words = key.split()
            for word in {words[0], words[-1]} if words else ():
                by_end_word.setdefault(word, set()).add(key)
            continue
        if p.title and (not target.title or len(p.title) > len(target.title)):
            target.title = p.title
        if p.affiliation:
            votes.setdefault(id(target), Counter())[p.affiliation] += 1
        target.quoted = target.quoted or p.quoted
        target.mentions += p.mentions
        known = carried.setdefault(id(target), set(target.articles))
        for a in p.articles:
            if a not in known:
                known.add(a)
                target.articles.append(a)
    for target in merged.values():
        if id(target) in votes:
            # the affiliation most articles give (the fullest name's on a tie): one person, one country
            target.affiliation = max(votes[id(target)].items(), key=lambda kv: kv[1])[0]
    # keep first-seen order of the input
    first_seen = {}
    for i, p in enumerate(flat):
        first_seen.setdefault(_norm(p.name), i)
    return sorted((merged[k] for k in order), key=lambda p: (-len(p.articles), -p.mentions, first_seen.get(_norm(p.name), 0)))

"""People named in an article: full names, titles, affiliations, mentions; merged across articles.

Name detection lives in `briefing.names` (shared with `briefing.quotes`). The
byline author is never a participant. Affiliation comes, in order, from:

1. a country word in the person's title ("U.S. Assistant Secretary of State",
   "Japanese Foreign Ministry Director-General", "the Syrian regime");
2. a seat of government owning the title ("Cheong Wa Dae's national security chief");
3. a title that only one government uses unqualified ("Secretary of State" -> United States);
4. the place where the sentence says the meeting happened or the person came
   from ("In Seoul, he met with X", "X, who left Seoul", "a U.S. trip where he met X");
5. for a government title with no country word ("Deputy Foreign Minister"), the
   country the article already gave another unqualified government title: within
   one article an unqualified "Foreign Minister" means the same government.
"""

from __future__ import annotations

import re

from briefing.model import Article, Participant, Quote, Span
from briefing.analyze.names import (
    LEADER_OF,
    ORG_WORDS,
    RELATION_NOUNS,
    TITLE_WORDS,
    NameIndex,
    Person,
    country_of,
    is_place,
    subdivision_country,
    word_class,
)
from briefing.vocabulary.places import CITY_COUNTRY, DEMONYMS, GOVERNMENT_SEATS

__all__ = ["find_participants", "merge_participants", "people_index"]

GOV_TITLE = re.compile(
    r"\b(?:minister|ministry|secretary|president|premier|ambassador|envoy|negotiator|"
    r"national security|foreign|defen[cs]e|chief of staff|spokes(?:man|woman|person)|"
    r"government|cabinet|chancellor|governor)\b", re.I)
US_ONLY = re.compile(r"^(?:(?:assistant|deputy|under)\s+)?secretary of state\b", re.I)


_DEMONYM_PHRASES = [p for p in sorted(DEMONYMS, key=len, reverse=True) if len(p) > 2]
_DEMONYM_ORDER = {p: k for k, p in enumerate(_DEMONYM_PHRASES)}
_DEMONYM_RE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(p) for p in _DEMONYM_PHRASES) + r")(?![\w])")


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


_OUTWARD = re.compile(r"\s(?:to|with|in|into|against|toward|towards|on|over|about|between)\s")
# An organisation in the title, after "of/at/with/for": its whole capitalised name, joining
# words included ("head of the Ministry of Fisheries", "analyst with Veterans Affairs").
_ORG_IN_TITLE = re.compile(r"\b(?:of|at|with|for)\s+(?:the\s+)?"
                           r"([A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|&|the|on)\s+)*[A-Z][\w&’'.-]*)*)\s*$")
# An organisation before the role: "Acme Corp chief executive", "Veterans Affairs Minister".
_ORG_BEFORE_ROLE = re.compile(r"^((?:[A-Z][\w&’'.-]*\s+){1,4}?)(?=[a-z]|(?:[A-Z][\w’'-]*\s*)$)")


def _title_organisation(title: str) -> str | None:
    """The organisation a title names, where it names one and no country."""
    om = _ORG_IN_TITLE.search(title)
    if om:
        org = om.group(1).strip()
        # a country there is where the role points ("talks with the United States"), and a
        # country of the person's own is found before this is asked
        if country_of(org) or is_place(org):
            return None
        words = org.split()
        if len(words) == 1 and word_class(words[0]) in ("org", "title", "common", "hon"):
            return None  # "Secretary of State", "Minister of Health": the field completes the office
        if any(re.fullmatch(r"[A-Z]\.?", w) or word_class(w) == "hon" for w in words):
            return None  # a person's name, not an organisation ("ally of Mr. Hale", "for George W. Bush")
        head = [w.lower() for w in title[:om.start()].split() if w.lower() not in ("the", "a", "his", "her", "their")]
        if len(head) == 1 and head[0] in RELATION_NOUNS and om.group(0).startswith("of"):
            return None  # "mother of Sean Smith": a person, not an organisation
        return org
    words = title.split()
    lead = []
    for w in words[:-1]:
        if not w[:1].isupper() or w.lower().rstrip(".") in TITLE_WORDS - ORG_WORDS:
            break
        lead.append(w)
    if lead and any(w.lower().rstrip(".,") in ORG_WORDS for w in lead):
        return " ".join(lead)
    return None


def _title_country(title: str | None) -> str | None:
    if not title:
        return None
    # a country after "to", "with", "in", "against" is where the role points, not whose it is
    # ("ambassador to South Korea", "negotiator in talks with the United States")
    title = _OUTWARD.split(title, maxsplit=1)[0]
    low = title.lower()
    for seat, c in GOVERNMENT_SEATS.items():
        if seat in low:
            return c
    # a state or province of two words or more names its country ("New Jersey's governor" is
    # no man of Jersey); then the longest demonym / country phrase (one compiled pass)
    sub = subdivision_country(title)
    if sub:
        return sub
    hits = [m.group() for m in _DEMONYM_RE.finditer(low)]
    if hits:
        return DEMONYMS[min(hits, key=_DEMONYM_ORDER.__getitem__)]
    for w in re.findall(r"[A-Z][\w.]+(?:\s[A-Z][\w]+)?", title):
        c = country_of(w)
        if c:
            return c
    return None


def _context_country(index: NameIndex, p: Person, spans: list[Span]) -> str | None:
    text = index.text
    for m in p.mentions:
        s, e = spans[m.sentence] if spans else (0, len(text))
        sent = text[s:e]
        st = (m.title_start if m.title_start is not None else m.start) - s
        # "In Seoul, he met with X" / "a U.S. trip where he met with X" / "visited X"
        head = sent[:st]
        mm = re.search(r"\b(?:met|meet|meets|meeting|visited|visits|held talks with|talked with|spoke with)\b[^.;]*$", head)
        if mm:
            places = _places(head)
            if len(set(places)) == 1:
                return places[0]
        # "X, who left Seoul" / "X, who returned to Seoul" / "X of Seoul"
        tail = sent[m.end - s:m.end - s + 60]
        tm = re.match(r",\s+who\s+(?:left|returned to|flew in from|arrived from|came from|is from)\s+([A-Z][\w.]+(?:\s[A-Z]\w+)?)", tail)
        if tm:
            c = country_of(tm.group(1))
            if c:
                return c
    return None


def _places(s: str) -> list[str]:
    out = []
    for m in re.finditer(r"(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", s):
        w = m.group()
        c = CITY_COUNTRY.get(w.lower()) or (country_of(w) if w.lower() in DEMONYMS or "." in w else None)
        if c is None and " " in w:
            for part in w.split():
                c = CITY_COUNTRY.get(part.lower()) or country_of(part)
                if c:
                    break
        elif c is None:
            c = country_of(w)
        if c:
            out.append(c)
    return out


def _led_country(index: NameIndex, p: Person) -> str | None:
    """The country of a government the text names after `p` ("the Rui Costa regime"), when
    the article calls one government of that kind by its country ("the Lusitanian regime",
    "the Portuguese government") and only one."""
    text = index.text
    for m in p.mentions:
        led = LEADER_OF.match(text, m.end)
        if led:
            kind = led.group(1)
            countries = {country_of(w) for w in re.findall(r"\bthe\s+([A-Z][\w.]+(?:\s[A-Z]\w+)?)\s+" + kind, text)}
            countries.discard(None)
            if len(countries) == 1:
                return countries.pop()
    return None


def find_participants(article: Article, spans: list[Span], quotes: list[Quote],
                      index: NameIndex | None = None) -> list[Participant]:
    """Every person named in the article body, in order of first mention."""
    text = article.text
    if not text.strip():
        return []
    if index is None:
        index = people_index(article, spans)
    quoted = {q.speaker for q in quotes if q.speaker and q.attribution != "uncertain"}
    out: list[Participant] = []
    gov_home: str | None = None
    pending: list[tuple[Participant, Person]] = []
    for p in sorted(index.people, key=lambda p: p.mentions[0].start):
        title = p.title
        title_country = _title_country(title)
        aff = title_country
        if aff is None and title and US_ONLY.match(title.strip()):
            aff = "United States"
        if aff is None:
            aff = _context_country(index, p, spans)
        if aff is None:
            aff = _led_country(index, p)
        part = Participant(
            name=p.name,
            title=_tidy_title(title),
            affiliation=aff,
            quoted=p.name in quoted,
            mentions=len(p.mentions),
            articles=[article.path],
        )
        if title and GOV_TITLE.search(title) and not title_country:
            if aff and gov_home is None and not (US_ONLY.match(title.strip())):
                gov_home = aff
            if aff is None:
                pending.append((part, p))
        out.append(part)
    if gov_home:
        for part, _p in pending:
            part.affiliation = gov_home
    for part, p in zip(out, sorted(index.people, key=lambda p: p.mentions[0].start)):
        if part.affiliation is None and p.title:
            # no country given: the organisation in the title ("chief executive of Acme
            # Corp", "Veterans Affairs Minister")
            part.affiliation = _title_organisation(p.title)
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
    flat = [p for lst in lists for p in lst]
    # full names first so that short forms can join them
    for p in sorted(flat, key=lambda p: -len(p.name.split())):
        key = _norm(p.name)
        target = merged.get(key)
        if target is None and len(p.name.split()) == 1:
            cands = [k for k in merged if k.split()[-1] == key or k.split()[0] == key]
            if len(cands) == 1:
                target = merged[cands[0]]
        if target is None:
            merged[key] = Participant(name=p.name, title=p.title, affiliation=p.affiliation,
                                      quoted=p.quoted, mentions=p.mentions,
                                      articles=list(p.articles))
            order.append(key)
            continue
        if p.title and (not target.title or len(p.title) > len(target.title)):
            target.title = p.title
        if not target.affiliation and p.affiliation:
            target.affiliation = p.affiliation
        target.quoted = target.quoted or p.quoted
        target.mentions += p.mentions
        for a in p.articles:
            if a not in target.articles:
                target.articles.append(a)
    # keep first-seen order of the input
    first_seen = {}
    for i, p in enumerate(flat):
        first_seen.setdefault(_norm(p.name), i)
    return sorted((merged[k] for k in order), key=lambda p: (-len(p.articles), -p.mentions, first_seen.get(_norm(p.name), 0)))

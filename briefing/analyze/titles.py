"""Titles and affiliations: the title bound to a name (before it, or in an apposition after it) and
the country a person serves or belongs to.

A title is the noun phrase bound to the name, printed as the article writes it: "U.S. Assistant
Secretary of State", "Veterans Affairs Minister", ", assistant secretary of state for East Asian
and Pacific affairs,". `title_before` and `apposition` set it on a `Mention`, with the evidence it
gives that the mention names a person.
"""

from __future__ import annotations

import re

from briefing.analyze.gazetteer import (FIRST_NAMES, compound_subdivisions, country_of, is_place, single_word_subdivisions,
                                        subdivision_country)
from briefing.analyze.mentions import (
    AUXILIARIES,
    COMPASS,
    GENERIC_PERSON_NOUNS,
    HONORIFICS,
    LEADER_OF,
    ORG_WORDS,
    PERSON_TITLES,
    RELATION_NOUNS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    Mention,
    Token,
    base,
    cap_runs,
    tokenize,
    word_class,
)
from briefing.vocabulary.grammar import (
    CLAUSE_ONLY_SUBORDINATORS,
    COORDINATORS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_WORDS,
)
from briefing.vocabulary.places import DEMONYMS, GOVERNMENT_SEATS
from briefing.vocabulary.speech import SPEECH_VERBS
from briefing.vocabulary.stopwords import stop_words

# The endings of English adjectives ("political", "economic", "executive", "famous", "senior"
# is a title word already); a lower-case word with one before a title is its modifier.
_ADJECTIVE_SHAPE = re.compile(r"[a-z][a-z-]*(?:al|ic|ical|ive|ous|ary|ian|ful|less|ist)")

# Words that open a clause inside an apposition: relative pronouns and the subordinating
# conjunctions that are no prepositions ("..., a firm in X that sells ...").
_CLAUSE_OPENERS = RELATIVE_WORDS | CLAUSE_ONLY_SUBORDINATORS
# Irregular past participles that open a reduced relative clause ("actor known for").
_IRREGULAR_PARTICIPLES = frozenset({"known", "born", "seen", "given", "shown", "chosen", "taken", "held",
                                    "led", "made", "sent", "kept", "brought", "caught", "found", "written"})


# What a title never opens with: conjunctions, prepositions and pronouns ("so that ...",
# "herself a ...", "to the ..."); a determiner or an adjective such as "former" may open one.
_NO_TITLE_START = COORDINATORS | PREPOSITIONS | PERSONAL_PRONOUNS | {"not"}


def _participle(word: str) -> bool:
    """A lower-case verb form that can open a reduced relative clause ("known", "based",
    "working"); hyphenated compounds ("black-owned") are adjectives, capitalised words names."""
    w = word.strip(".,’'")
    if not w[:1].islower() or "-" in w:
        return False
    return w in _IRREGULAR_PARTICIPLES or (len(w) > 4 and w.endswith(("ed", "ing")))


_ABBREVIATION_STOP = re.compile(r"(?<![\w.])(?:" + "|".join(sorted((h.capitalize() for h in HONORIFICS), key=len, reverse=True))
                                + r"|[A-Z]|U\.S|U\.K|U\.N)\.(?=\s+[A-Z])|(?<![\w.])(?:Corp|Inc|Ltd|Co|Bros)\.(?=[\s,;])")


def _title_noun_phrase(phrase: str) -> str | None:
    """The noun phrase an apposition's title is, or None when the apposition is a clause.

    A title is a noun phrase: it does not open with a verb form followed by its object
    ("made a change ...", "questioning the governor's ...", "acting as ...") or with a
    conjunction ("so that ..."), and it ends before a clause inside it: a relative clause
    ("a firm in X that sells ..."), a subordinate clause ("... by the time the bill
    passed"), or a reduced relative after the head noun ("actor known for ...").
    A verb form before a noun is an adjective and stays ("acting director", "managing partner").
    """
    words = phrase.split()
    if not words:
        return None
    low = [w.lower().strip(".,’'") for w in words]
    function = stop_words()
    if low[0] in _NO_TITLE_START or low[0] in _CLAUSE_OPENERS:
        return None
    if _participle(words[0]) and (len(low) == 1 or low[1] in function):
        return None
    if "not" in low:
        return None
    head_seen = False
    for k, w in enumerate(low):
        clause = (w in _CLAUSE_OPENERS or (w == "time" and k >= 2 and low[k - 2] == "by" and low[k - 1] == "the")
                  or (head_seen and _participle(words[k]) and w not in TITLE_WORDS | ROLE_NOUNS
                      and low[k - 1] not in function))
        if clause and k:
            if w == "time":
                k -= 2
            cut = " ".join(words[:k]).rstrip(" ,")
            while cut and cut.split()[-1].lower() in function:
                cut = " ".join(cut.split()[:-1])
            return cut or None
        if w in TITLE_WORDS or w in ROLE_NOUNS:
            head_seen = True
    return phrase


# ---------------------------------------------------------------- tokens


def title_before(text: str, tokens: list[Token], m: Mention) -> None:
    """Title words standing right before the name ("U.S. Assistant Secretary of State")."""
    toks = tokens
    k = m.first_token - 1
    words: list[Token] = []
    while k >= 0:
        t = toks[k]
        nxt = toks[k + 1]
        gap = text[t.end:nxt.start]
        if gap not in (" ", "\u00a0"):
            break
        b = base(t.text).rstrip(".")
        if (t.cap and k > 1 and toks[k - 1].cap and toks[k - 2].cap
                and text[toks[k - 2].end:toks[k - 1].start] == " " == text[toks[k - 1].end:t.start]
                and f"{toks[k - 2].low} {toks[k - 1].low} {b}" in compound_subdivisions()):
            # a three-word state or province: "New South Wales Premier"
            words.extend([t, toks[k - 1], toks[k - 2]])
            k -= 3
            continue
        if (t.cap and k > 0 and toks[k - 1].cap and text[toks[k - 1].end:t.start] == " "
                and (f"{toks[k - 1].low} {b}" in DEMONYMS or is_place(f"{toks[k - 1].low} {b}"))):
            # a two-word demonym or place: "South African leader", "New Zealand envoy",
            # "New Jersey Gov."
            words.extend([t, toks[k - 1]])
            k -= 2
            continue
        if t.cap and word_class(t.text) in ("title", "hon", "place", "org"):
            words.append(t)
        elif (t.cap and words and words[-1].cap and word_class(words[-1].text) in ("title", "org", "place")
                and (b in COMPASS or word_class(t.text) == "name"
                     or (word_class(t.text) == "common" and b not in stop_words() and b not in SPEECH_VERBS))
                and b not in FIRST_NAMES
                and (k == 0 or not toks[k - 1].cap or text[toks[k - 1].end:t.start] != " "
                     or base(toks[k - 1].text) in stop_words())):
            # the first word of a title's noun phrase is part of it, never cut off:
            # "Veterans Affairs Minister", "North Korean leader", "Acme Corp chief",
            # "Conservative Leader" (a capitalised common word, not a function word)
            words.append(t)
            if b not in COMPASS:
                k -= 1
                break
        elif t.cap and t.text.endswith(("’s", "'s")) and words and not words[-1].cap:
            # an owner before a lower-case title: "Cheong Wa Dae's national security chief"
            words.append(t)
            while k > 0 and toks[k - 1].cap and text[toks[k - 1].end:toks[k].start] == " ":
                k -= 1
                words.append(toks[k])
            break
        elif b in ("of", "for") and words and k > 0 and toks[k - 1].cap:
            words.append(t)
        elif (b in ("and", "&") and words and k > 0 and toks[k - 1].cap
                and word_class(toks[k - 1].text) in ("title", "org")):
            words.append(t)
        elif not t.cap and b in TITLE_WORDS and not words:
            # lower-case title: "national security chief Kim Jang-soo"
            words.append(t)
        elif not t.cap and b in TITLE_WORDS and words and not words[-1].cap:
            words.append(t)
        elif not t.cap and words and not words[-1].cap and _ADJECTIVE_SHAPE.fullmatch(b):
            # an adjective before a lower-case title is part of it: "political scientist",
            # "presidential candidate" (English adjective endings, not a word list)
            words.append(t)
        elif (t.cap and words and not words[-1].cap and words[-1].low not in stop_words()
              and b not in stop_words() and b not in SPEECH_VERBS
              and b not in FIRST_NAMES and word_class(t.text) in ("common", "place", "org", "name")):
            # a capitalised modifier opens the title's noun phrase: "Democratic presidential
            # candidate", "Northfield University political scientist", "Hale adviser", and
            # the whole name it ends ("Los Angeles-based attorney")
            words.append(t)
            while (k > 0 and toks[k - 1].cap and text[toks[k - 1].end:toks[k].start] == " "
                   and ((word_class(toks[k].text) == "org" and base(toks[k - 1].text) not in stop_words())
                        or is_place(f"{toks[k - 1].low} {toks[k].low.split('-')[0]}"))):
                k -= 1
                words.append(toks[k])
            break
        else:
            break
        k -= 1
    _set_title(text, m, words)


def _set_title(text: str, m: Mention, words: list[Token]) -> None:
    """The title the words before a name make, when it has a head noun ("minister", "chief")."""
    while words and words[-1].low in ("of", "for", "and", "&"):
        words.pop()
    words = [w for w in reversed(words)]
    # drop honorifics from the title text ("Mr.")
    while words and base(words[0].text).rstrip(".") in HONORIFICS and len(words) > 1:
        words = words[1:]
    if words and all(base(w.text).rstrip(".") in HONORIFICS for w in words):
        m.title_start = words[0].start
        return
    if words:
        # a possessive owner directly before a lower-case title ("Cheong Wa Dae's national security chief")
        m.title_start = words[0].start
        title = text[words[0].start:words[-1].end]
        # a title names a role: it has a head noun ("minister", "secretary", "chief"), not
        # only modifiers ("under Mendes", "the National Good")
        last = base(words[-1].text).rstrip(".")
        if any(base(w.text).rstrip(".") in PERSON_TITLES or
               any(part in PERSON_TITLES for part in base(w.text).split("-")) for w in words) or (
                last in TITLE_WORDS and last not in TITLE_MODIFIERS):
            m.title = title
            m.evidence.add("title")

def apposition(text: str, m: Mention) -> None:
    """", assistant secretary of state for East Asian and Pacific affairs," after a name."""
    rest = text[m.end:m.end + 200]
    # the full stops of abbreviations and initials end no apposition ("ally of Mr. Hale",
    # "speechwriter for George W. Bush"): hidden while matching, kept in the phrase
    masked = _ABBREVIATION_STOP.sub(lambda a: a.group(0).replace(".", "\x01"), rest)
    am = re.match(r"\s*,\s+((?:the|a|an)\s+)?([^,;:.“”\"()]{2,120}?)(?=,|;|\.\s|\.$| who | said| told| and said|\))", masked)
    if not am:
        return
    if am.group(1) and am.group(1).strip().lower() in ("a", "an") and re.match(r" (?:and )?(?:said|told)",
                                                                             masked[am.end(2):]):
        return  # "... a good deal for Hale, a person briefed on the call said.": that person is someone else
    phrase = _title_noun_phrase(rest[am.start(2):am.end(2)].strip())
    if not phrase:
        return
    first = base(phrase.split()[0]).rstrip(".") if phrase.split() else ""
    words = [base(w).rstrip(".,") for w in phrase.split()]
    if not words or len(words) > 16:
        return
    if re.match(r"^\d", phrase):
        m.evidence.add("age")
        return
    # a list of names ("X, Deputy Minister Y and Z") is not an apposition; a
    # description with a determiner and a role noun first is one, whatever names
    # follow ("Omar Haddou, the co-founder with his father of Cedar Bakery")
    ptoks = tokenize(phrase)
    described = bool(am.group(1)) and (first in TITLE_WORDS or first in ROLE_NOUNS)
    for a, b in ([] if described else cap_runs(ptoks, phrase)):
        if sum(1 for t in ptoks[a:b] if word_class(t.text) == "name") >= 2:
            return
    has_role = any(w in TITLE_WORDS or w in ROLE_NOUNS for w in words)
    if not has_role:
        return
    # must read as a noun phrase: no finite verb-ish words early on
    if first in ("who", "which", "that", "said", "says", "told", "and", "but"):
        return
    # a clause is no title: no auxiliary or speech verb anywhere ("officials were careful
    # not to weigh in"), and its head is one person, not a plural ("officials")
    if any(w[:1].islower() and (w in AUXILIARIES or w in SPEECH_VERBS) for w in phrase.split()):
        return
    head = next((w for w in words if w in TITLE_WORDS or w in ROLE_NOUNS), None)
    if head is not None and head.endswith("s") and head[:-1] in TITLE_WORDS | ROLE_NOUNS:
        return
    m.evidence.add("appositive")
    if words[-1] in GENERIC_PERSON_NOUNS and not any(w[:1].isupper() for w in phrase.split()):
        return  # "a woman", "a young man": a description of the person, no title ("a Saudi woman" says where from)
    if not m.title or len(phrase.split()) > len(m.title.split()):
        m.title = phrase


# A noun phrase before the name, set off by commas, opening its sentence: "The French foreign
# minister, Ada Rowe, said ...", "Chile's president, X, ...". English puts the appositive before
# the name as well as after it; the name must close the apposition with a comma of its own.
_PREPOSED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\u201d\"]\s)|(?<=\n))"
                       r"((?:The|A|An|[A-Z][\w.\u2019'-]*(?:\s[A-Z][\w.\u2019'-]*){0,2}(?:\u2019s|'s))"
                       r"(?:\s[\w.\u2019'-]+){1,7}),\s$")


def preposed_apposition(text: str, m: Mention) -> None:
    """The title in a noun phrase set off by commas before the name ("The French foreign minister,
    X, said"), when the name has none before it."""
    if m.title or text[m.end:m.end + 1] != ",":
        return
    window = text[max(0, m.start - 120):m.start]
    am = _PREPOSED.search(window)
    if not am:
        return
    phrase = am.group(1)
    words = phrase.split()
    head = base(words[-1]).rstrip(".")
    before = window[:am.start(1)].split()
    if before and _ABBREVIATION_STOP.search(before[-1] + " A"):
        return  # the full stop before the phrase is an abbreviation's ("Mr. X's aide, Y,"): no sentence opens there
    if any(w.lower() in COORDINATORS for w in words):
        return  # "X's daughter and her husband, Y,": the phrase names more than the one person
    if words[0].lower() in ("a", "an") or (head not in TITLE_WORDS and head not in ROLE_NOUNS) or head in RELATION_NOUNS:
        # "A spokesman, X, said" is rare (an indefinite phrase there is mostly a new subject); a kin
        # or close relation ("X's father, Y,") is how the text names Y, no office
        return
    if any(w[:1].islower() and (w in AUXILIARIES or w in SPEECH_VERBS or w in _CLAUSE_OPENERS) for w in words):
        return
    m.title = phrase[4:] if phrase.startswith("The ") else phrase
    m.evidence.add("title")


# ---------------------------------------------------------------- the country a person serves

GOV_TITLE = re.compile(
    r"\b(?:minister|ministry|secretary|president|premier|ambassador|envoy|negotiator|"
    r"national security|foreign|defen[cs]e|chief of staff|spokes(?:man|woman|person)|"
    r"government|cabinet|chancellor|governor)\b", re.I)
US_ONLY = re.compile(r"^(?:(?:assistant|deputy|under)\s+)?secretary of state\b", re.I)
"""The one office that English news names unqualified for one government only: the US Secretary
of State (and the assistant, deputy and under secretaries of state)."""


_DEMONYM_PHRASES = [p for p in sorted(DEMONYMS, key=len, reverse=True) if len(p) > 2]
_DEMONYM_ORDER = {p: k for k, p in enumerate(_DEMONYM_PHRASES)}
# "Latin America's leader", "a South American envoy": a continent's part names no one country
_CONTINENT_PART = "".join(f"(?<!{part} )" for part in ("latin", "south", "central", "north"))
_DEMONYM_RE = re.compile(r"(?<![\w.])" + _CONTINENT_PART + "(?:" + "|".join(re.escape(p) for p in _DEMONYM_PHRASES)
                         + r")(?![\w])")


_OUTWARD = re.compile(r"\s(?:to|with|in|into|against|toward|towards|on|over|about|between)\s")
# An organisation in the title, after "of/at/with/for": its whole capitalised name, joining
# words included ("head of the Ministry of Fisheries", "analyst with Coastal Affairs").
_ORG_IN_TITLE = re.compile(r"\b(?:of|at|with|for)\s+(?:the\s+)?"
                           r"([A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|&|the|on)\s+)*[A-Z][\w&’'.-]*)*)\s*$")
# An organisation before the role: "Acme Corp chief executive", "Veterans Affairs Minister".
_ORG_BEFORE_ROLE = re.compile(r"^((?:[A-Z][\w&’'.-]*\s+){1,4}?)(?=[a-z]|(?:[A-Z][\w’'-]*\s*)$)")


def title_organisation(title: str) -> str | None:
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
            return None  # "mother of Dara Flynn": a person, not an organisation
        return org
    words = title.split()
    lead = []
    for w in words[:-1]:
        if not w[:1].isupper() or w.lower().rstrip(".") in TITLE_WORDS - ORG_WORDS:
            break
        lead.append(w)
    # an organisation's head word, not an office's field ("Defense Minister" names no organisation)
    if lead and any(w.lower().rstrip(".,") in ORG_WORDS - TITLE_WORDS for w in lead):
        return " ".join(lead)
    return None


def title_country(title: str | None) -> str | None:
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
    # a state or province of one word that names one country only ("Ohio governor")
    states = single_word_subdivisions()
    return next((states[w.lower()] for w in re.findall(r"[A-Z]\w+", title) if w.lower() in states), None)



def led_country(text: str, mentions: list[Mention]) -> str | None:
    """The country of a government the text names after a person ("the Rui Costa regime"), when
    the article calls one government of that kind by its country ("the Lusitanian regime",
    "the Portuguese government") and only one."""
    for m in mentions:
        led = LEADER_OF.match(text, m.end)
        if led:
            kind = led.group(1)
            countries = {country_of(w) for w in re.findall(r"\bthe\s+([A-Z][\w.]+(?:\s[A-Z]\w+)?)\s+" + kind, text)}
            countries.discard(None)
            if len(countries) == 1:
                return countries.pop()
    return None


# A nationality adjective inside the noun phrase a name closes: "British tennis player X", "his
# Iranian counterpart X", "the Kenyan runner X" (at most three lower-case words between).
_NATIONALITY_BEFORE = re.compile(
    r"(?<![\w.])" + _CONTINENT_PART + "(" + "|".join(re.escape(p) for p in _DEMONYM_PHRASES)
    + r")\s+(?:[a-z][\w-]*\s+){1,3}$", re.I)


def bound_nationality(text: str, mentions: list[Mention]) -> str | None:
    """The country of a nationality adjective bound to the person's name at one of its mentions
    (before it, in the noun phrase the name closes), else None. Not a place the sentence names:
    "the match in Dubai" says nothing of who played it."""
    for m in mentions:
        st = m.title_start if m.title_start is not None else m.start
        hit = _NATIONALITY_BEFORE.search(text[max(0, st - 60):st])
        if hit and hit.group(1).lower() in DEMONYMS and hit.group(1)[:1].isupper():
            return DEMONYMS[hit.group(1).lower()]
    return None


_OF_COUNTRY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?![\w'’])")


def country_after(text: str, mentions: list[Mention]) -> str | None:
    """The country an office before a name is of, named right after it: "President Dana Hale of
    Valdria", "Prime Minister X of Canada" (a house style of English news). The whole capitalised
    name after "of" must be a country: "Smith of Canada Goose" is no Canadian office."""
    for m in mentions:
        if m.title_start is None:
            continue
        after = _OF_COUNTRY_AFTER.match(text, m.end)
        if after and country_of(after.group(1)):
            return country_of(after.group(1))
    return None


def person_country(text: str, title: str | None, mentions: list[Mention]) -> str | None:
    """The country a person serves or belongs to, from what the text binds to them: a country,
    demonym, state or seat of government in their title ("Prime Minister of X", "X's foreign
    minister", "the British tennis player"), the one office only one government has ("Secretary of
    State"), a nationality adjective before their name, the country named after an office and name
    ("President X of Chile"), or the government they lead. None when
    the text does not say: never the dateline or a place the article mentions."""
    country = title_country(title)
    if country is None and title and US_ONLY.match(title.strip()):
        country = "United States"
    return country or bound_nationality(text, mentions) or country_after(text, mentions) or led_country(text, mentions)


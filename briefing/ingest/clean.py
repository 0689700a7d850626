"""Scraped news text to an `Article`: general rules, not patches for particular files.

Public API:

- `clean_text(text, path)` -> `Article` from already-decoded text; never raises.
- `derive_title(paragraphs)` -> a short headline-style title from the lead sentence.
- `source_from_domain(domain)` -> a publication name for an e-mail domain.
- `has_words(s)` -> True when `s` holds at least two words (not just numbers or marks).

The rules: whitespace/control normalisation, HTML pages to text, headline detection and
de-duplication, bylines and e-mail footers (name kept, e-mail removed, source from the
domain), photo captions and agency credits, datelines, boilerplate, duplicate lines,
hard-wrapped lines joined, and a short derived title when there is no headline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
import re

from briefing.ingest.decode import normalize_text
from briefing.ingest.html import html_to_text, looks_like_html
from briefing.model import Article
from briefing.outlets import agency_of
from briefing.vocabulary.boilerplate import (
    CAPTION_START,
    CAPTION_VERBS,
    FURNITURE_LINE,
    GLUED_FURNITURE,
    NEWS_AGENCIES,
    PHOTO_SERVICES,
    PHOTO_WORDS,
)

__all__ = ["clean_text", "derive_title", "source_from_domain", "has_words"]

_MULTISPACE = re.compile(r" {2,}")

# --------------------------------------------------------------------------- line rules

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


_PERSONAL_DOMAINS = {
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com",
    "live.com", "msn.com", "protonmail.com", "proton.me", "mail.com", "gmx.com", "gmx.de", "web.de",
    "yandex.ru", "mail.ru", "qq.com", "163.com", "naver.com", "daum.net", "rediffmail.com",
    "example.com", "example.org", "example.net",
}
"""Webmail providers (the largest by region) and the reserved example domains: an address there
says nothing about the publication."""

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]{1,64}@((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?![a-z0-9-])")
_EMAIL_PAREN_RE = re.compile(
    r"\s*[(\[<]\s*(?:e-?mail:?\s*)?[A-Za-z0-9._%+'-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}\s*[)\]>]?"
    r"|\s*(?:e-?mail:?\s*)?[A-Za-z0-9._%+'-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?![a-z0-9-])",
    re.I,
)
# a headline glued after an e-mail footer or an agency credit ("...@example.org)Allies Meet ...",
# "(Reuters)Allies Meet ..."); the credit must name a news agency (`NEWS_AGENCIES`)
_GLUE_RE = re.compile(
    r"(@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}\)?|\((?P<credit>[A-Za-z][A-Za-z .&-]{0,30})\))"
    r"(?=[A-Z\u201c\"][A-Za-z])"
)

_TERMINAL = ".!?\u2026"
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_MINOR = {
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into", "over", "than",
    "its", "his", "her", "their", "is", "are", "be", "after", "amid", "about", "over",
}
_DANGLING = {
    "a", "an", "the", "and", "but", "or", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "as", "that", "which", "who", "whose", "its", "his", "her", "their", "our",
    "my", "your", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "could", "should", "can", "may", "might", "must", "not", "than",
    "also", "said", "says", "because", "while", "when", "if", "whether", "about", "over", "under",
    "between", "among", "toward", "towards", "against", "during", "without", "within", "per",
    "such", "some", "any", "all", "both", "each", "more", "most", "very", "so",
}

_ROLE_RE = re.compile(
    r"^(?:(?:senior|chief|special|staff|contributing|foreign|political|diplomatic|economics?|"
    r"business|national|deputy|associate|managing|news|science|defen[cs]e|white house|"
    r"[a-z]+)\s+){0,3}(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|"
    r"staff|bureau chief|analyst|producer|anchor|host|photographer|videographer)s?$",
    re.I,
)
_NAME_WORD = r"(?:[^\W\d_][\w'\u2019.\-]*)"
_PARTICLES = {"de", "da", "del", "della", "di", "van", "von", "der", "den", "bin", "al", "el", "la",
              "le", "du", "dos", "das", "ibn", "st.", "y", "ter", "ten"}


def _is_name(s: str) -> bool:
    """A person's name (or a few joined by 'and' / commas): capitalised words, 1-5 each."""
    s = s.strip().strip(",")
    if not s or len(s) > 120:
        return False
    people = re.split(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)", s)
    for person in people:
        words = person.split()
        if not 1 <= len(words) <= 5:
            return False
        caps = 0
        for w in words:
            if w.lower() in _PARTICLES:
                continue
            if not re.fullmatch(_NAME_WORD, w) or not w[0].isupper():
                return False
            if w.lower().rstrip(".") in _MINOR_WORDS_NOT_NAMES:
                return False
            caps += 1
        if not caps:
            return False
    return True


_MINOR_WORDS_NOT_NAMES = {
    "the", "a", "an", "this", "that", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "staff", "reporter", "writer", "editor", "correspondent", "news", "photo",
}


def _agency(s: str) -> str | None:
    key = s.strip().strip(".").lower()
    key = re.sub(r"\s+", " ", key)
    if key in NEWS_AGENCIES:
        return NEWS_AGENCIES[key]
    key2 = re.sub(r"\s*(?:photo|photos|news agency|/.*)$", "", key)
    return NEWS_AGENCIES.get(key2)


def source_from_domain(domain: str) -> str | None:
    """The publication an e-mail or web domain stands for: a news agency's name for the agency's
    own domain (`outlets.agency_of`), None for webmail, else the domain itself. Newspapers are not
    listed: their name comes from what the page or the mail says (site name, credits)."""
    d = domain.lower().strip(".")
    agency = agency_of(d)
    if agency:
        return agency
    if d in _PERSONAL_DOMAINS:
        return None
    return d


def _parse_byline(line: str):
    """(name, source) when `line` is a byline, else None."""
    s = line.strip()
    if len(s) > 160:
        return None
    src = None
    emails = _EMAIL_RE.findall(s)
    if emails:
        src = source_from_domain(emails[0])
        s = _EMAIL_PAREN_RE.sub("", s)
        s = re.sub(r"\(\s*\)|\[\s*\]", "", s).strip()
    m = re.match(r"^(?:by|written by|words by|reporting by|story by)\s*:?\s+(.+)$", s, re.I)
    has_by = bool(m)
    rest = m.group(1) if m else s
    rest = rest.strip().rstrip(".").strip()
    # split off tails: ", Reuters" / " | Staff writer" / " / Staff Reporter" / " - AP" / " in Seoul"
    parts = re.split(r"\s*[|/,\u2013\u2014;]\s*|\s+-\s+", rest)
    name = parts[0].strip()
    tails = [p for p in parts[1:] if p]
    extra_names = []
    for t in tails:
        ag = _agency(t)
        if ag:
            src = src or ag
        elif _ROLE_RE.match(t) or re.fullmatch(r"(?:in|from)\s+[A-Z][\w .'-]{1,40}", t):
            continue
        elif has_by and _is_name(t) and not re.search(r"(?i)editing by|additional reporting", t):
            extra_names.append(t)
        elif re.match(r"(?i)(editing|additional reporting|writing) by\b", t):
            continue
        else:
            return None
    inline_tail = re.match(r"^(.*?)\s+(?:in|from)\s+[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?$", name)
    if inline_tail and _is_name(inline_tail.group(1)):
        name = inline_tail.group(1)
    if not _is_name(name):
        return None
    if not has_by and not tails and not emails:
        return None
    if not has_by and not any(_ROLE_RE.match(t) or _agency(t) for t in tails) and not emails:
        return None
    if not has_by and emails and not re.search(r"[(\[<]", line) and len(name.split()) > 4:
        return None
    if name.isupper():
        name = name.title()
    if extra_names and has_by:
        name = ", ".join([name] + extra_names[:-1]) + " and " + extra_names[-1] if len(extra_names) > 1 else f"{name} and {extra_names[0]}"
    return name, src


_CREDIT_TAIL_RE = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,60}?)\s*[)\]]\s*\.?\s*$")
_LEADING_CREDIT_RE = re.compile(r"^((?:The )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}) (?=[A-Z][a-z])")


def _credit_line(line: str) -> str | None:
    """For a line that is only a credit ("(Yonhap)", "Photo: Reuters", "AFP/Getty Images"):
    the agency it names ("" when none), else None."""
    s = line.strip().strip("()[]").strip()
    s = re.sub(r"^[-\u2013\u2014]+\s*", "", s).rstrip(".").strip()
    photo = False
    m = re.match(r"(?i)^(?:photo|photos|photograph|image|picture|source|credit|photo credit)s?\s*(?:by\b|:)\s*", s)
    if m:
        photo = True
        s = s[m.end():]
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+via\s+", s) if p.strip()]
    if not parts or len(parts) > 4 or len(s.split()) > 8:
        return None
    found = ""
    for part in parts:
        ag = _agency(part)
        if ag:
            found = found or ag
        elif part.lower() in PHOTO_SERVICES:
            photo = True
        elif (photo or len(parts) > 1) and _is_name(part):
            continue
        else:
            return None
    if not found and not photo:
        return None
    if not photo and len(parts) == 1 and not (line.strip().startswith(("(", "[", "-", "\u2013", "\u2014")) or len(s.split()) <= 3):
        return None
    return found



_DATE_LINE_RE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|date|modified)\s*:?\s*(?:on\s*)?)?(?:" + _DAYS + r",?\s+)?"
    r"(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\s?/\s?\d{1,2}\s?/\s?(?:\d{4}|\d{2})|" + _MONTH_RE + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH_RE + r",?\s+\d{4})"
    r"(?:\s*[,|\-\u2013\u2014]?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|\(?[A-Z]{2,4}\)?)?)?"
    r"(?:\s*[|,]\s*(?:updated|modified)\s*:?.{0,40})?\s*$",
    re.I,
)

_DATELINE_AGENCY_RE = re.compile(
    r"^(?P<city>[A-Z][A-Za-z.'\u2019\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
    r"(?:,\s*(?P<date>" + _MONTH_RE + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*\((?P<agency>[A-Za-z][A-Za-z .'&/-]{0,40})\)\s*(?:--|-|\u2014|\u2013|:)\s*"
)
# a lead that opens with the agency's credit alone, no place before it ("(Reuters) - ...")
_BARE_CREDIT_RE = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z .'&/-]{0,40})\)\s*(?:--|-|\u2014|\u2013|:)\s*(?=\S)")
_DATELINE_CAPS_RE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\u2019\-]+(?:\s[A-Z][A-Z.'\u2019\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
    r"(?:,\s*(?P<date>" + _MONTH_RE + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"(?:\s*(?:--|\u2014|\u2013)\s*|\s-\s+)(?=[A-Z\u201c\"'0-9])"
)


def _parse_date(s: str | None) -> str | None:
    if not s:
        return None
    s = s.strip()
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$", s)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        m = re.match(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", s)
        if m:
            mon = _MONTHS.get(m.group(1).lower()[:4].rstrip("t") if m.group(1).lower().startswith("sept") else m.group(1).lower()[:3])
            if mon:
                return dt.date(int(m.group(3)), mon, int(m.group(2))).isoformat()
        m = re.match(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$", s)
        if m:
            mon = _MONTHS.get(m.group(2).lower()[:3])
            if mon:
                return dt.date(int(m.group(3)), mon, int(m.group(1))).isoformat()
    except ValueError:
        return None
    return None


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(_CLOSERS)
    return bool(s) and s[-1] in _TERMINAL


def has_words(s: str) -> bool:
    return len(re.findall(r"[^\W\d_]{2,}", s)) >= 2


def _titleish(line: str) -> bool:
    words = re.findall(r"[^\W_][\w'\u2019.\-]*", line)
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    sig = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _MINOR]
    if not sig:
        return False
    caps = sum(1 for w in sig if w[0].isupper() or w[0].isdigit())
    return caps / len(sig) >= 0.7


_CREDIT_SEPARATOR = re.compile(r"/|\bvia\s+|\u2014\s*|-\s+")
_CREDIT_CHARS = 30
"""A credit after a caption is an agency or picture service's name: a few words at most."""


def _ends_with_photo_credit(s: str) -> bool:
    """True when `s` ends with a credit set off by "/", "via", a dash: "... - AFP", "... via Getty
    Images" (a news agency or a picture service)."""
    for m in _CREDIT_SEPARATOR.finditer(s):
        tail = s[m.end():].strip().rstrip(".").strip()
        if tail and len(tail) <= _CREDIT_CHARS and (_agency(tail) or tail.lower() in PHOTO_SERVICES):
            return True
    return False


def _is_caption(line: str) -> bool:
    s = line.strip()
    if len(s) > 600:
        return False
    if CAPTION_START.match(s):
        return True
    lead = _LEADING_CREDIT_RE.match(s)
    if lead and _agency(lead.group(1)):
        rest = s[lead.end():]
        if len(rest.split()) <= 60 and CAPTION_VERBS.search(rest):
            return True
    m = _CREDIT_TAIL_RE.search(s)
    tail_photo = False
    if m:
        inner = m.group(1)
        is_agency = bool(_agency(inner))
        is_photo = bool(PHOTO_WORDS.search(inner))
        if not (is_agency or is_photo):
            return False
        before = s[: m.start()].strip()
        if not before:
            return False
        if is_photo and len(before.split()) <= 80:
            return True
        tail_photo = True
    elif _ends_with_photo_credit(s):
        before = s
        tail_photo = True
    if not tail_photo:
        return False
    # an agency credit after one short sentence that describes a picture
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", before)
    return len(before.split()) <= 60 and len(sentences) <= 2 and bool(CAPTION_VERBS.search(before))


_AGENCY_LEAD_RE = re.compile(r"^\(\s*[A-Z][A-Za-z.&\- ]{1,20}\)\s*\S")
# a sentence-case line longer than this is a sentence, not a headline (news headlines run to about a dozen words)
_SENTENCE_CASE_HEADLINE_WORDS = 13


def _is_headline(line: str, nxt: str | None, wrapped: bool) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 20 or len(line) > 170:
        return False
    if _AGENCY_LEAD_RE.match(line):  # "(CNN) ...": a credit opens the lead, never a headline
        return False
    stripped = line.rstrip(_CLOSERS)
    if stripped and stripped[-1] in ".,;:":
        if not stripped.endswith("..."):
            return False
    if nxt is not None and nxt.strip().lower() == line.strip().lower():
        return True
    if nxt and nxt[0].islower():
        return False
    if words[-1].lower().strip(",") in _DANGLING and not _titleish(line):
        return False
    if not has_words(line) and len(words) < 2:
        return False
    if _titleish(line):
        if wrapped and nxt and ("," in line) and len(line) > 50:
            return False
        return True
    # sentence-case headline: short, no final period, followed by a real paragraph or a blank.
    # Longer sentence-case lines are lead sentences that lost their full stop.
    if not wrapped and len(words) <= _SENTENCE_CASE_HEADLINE_WORDS and not stripped.endswith("!"):
        return nxt is None or nxt == "" or len(nxt.split()) > len(words)
    return False


# --------------------------------------------------------------------------- derived title

_PAST_TO_PRESENT = {
    "called": "calls", "urged": "urges", "warned": "warns", "said": "says", "announced": "announces",
    "agreed": "agree", "rejected": "rejects", "denied": "denies", "accused": "accuses",
    "vowed": "vows", "pledged": "pledges", "proposed": "proposes", "began": "begin",
    "signed": "sign", "launched": "launches", "opened": "opens", "asked": "asks",
    "demanded": "demands", "criticized": "criticizes", "criticised": "criticises",
    "welcomed": "welcomes", "condemned": "condemns", "confirmed": "confirms",
    "expressed": "expresses", "held": "holds", "visited": "visits", "told": "tells",
    "arrived": "arrives", "pushed": "pushes", "sought": "seeks", "raised": "raises",
    "approved": "approves", "passed": "passes", "voted": "votes", "won": "wins", "lost": "loses",
    "left": "leaves", "met": "meets", "stressed": "stresses", "emphasized": "emphasizes",
    "reaffirmed": "reaffirms", "downplayed": "downplays", "dismissed": "dismisses",
    "threatened": "threatens", "released": "releases", "unveiled": "unveils",
    "ordered": "orders", "suspended": "suspends", "resumed": "resumes", "fired": "fires",
    "killed": "kills", "attacked": "attacks", "claimed": "claims", "reported": "reports",
    "revealed": "reveals", "offered": "offers", "refused": "refuses", "declined": "declines",
    "plans": "plans", "planned": "plans", "decided": "decides", "expected": "expects",
    "named": "names", "appointed": "appoints", "blamed": "blames", "backed": "backs",
    "supported": "supports", "opposed": "opposes", "hailed": "hails", "slammed": "slams",
    "insisted": "insists", "suggested": "suggests", "indicated": "indicates",
    "noted": "notes", "agreed to": "agree to", "started": "starts", "ended": "ends",
}
_SUBORDINATE = {"after", "when", "as", "while", "despite", "although", "though", "since", "if",
                "because", "in", "for", "with", "amid", "following", "before", "until", "once", "like",
                "during", "by", "on", "at", "over", "under", "unlike", "instead", "from", "without"}
_TC_MINOR = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
             "of", "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into", "over", "than"}
_AUX = {"have", "has", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would",
        "could", "should", "may", "might", "must", "can", "did", "does", "do", "not", "never"}
_TIME_RE = re.compile(
    r"\s+(?:on\s+|late\s+|early\s+|last\s+|this\s+)?" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,.;:]|$)"
    r"|\s+(?:on\s+)?" + _MONTH_RE + r"\s+\d{1,2}(?:,\s*\d{4})?(?=[\s,.;:]|$)"
    r"|\s*\((?:local time|[^()]{0,12}\d{1,2}[^()]{0,6})\)"
    r"|\s+(?:yesterday|today|tonight|earlier this week|this week|last week|on Wednesday)(?=[\s,.;:]|$)",
    re.I,
)
_CLAUSE_RE = re.compile(
    r"\s*[,;:(]|\s+[\u2014\u2013]\s*|\s+--?\s+|\s+(?:which|who|whom|whose|before|after|while|because|although|"
    r"though|since|until|unless|amid|despite|as part of|according to|saying|following|where|when|"
    r"but|even as|in order to|ahead of|during|as well as|in a bid to|in an effort to)\b"
)
_CUT_WORDS = {"to", "toward", "towards", "for", "in", "on", "over", "with", "from", "into",
              "about", "against", "at", "by", "under", "as", "of", "and"}
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|etc)\.)$")


def _first_sentence(text: str) -> str:
    for m in re.finditer(r"[.!?][\"'\u201d\u2019]?(?=\s+[\"'\u201c\u2018]?[A-Z0-9])", text):
        head = text[: m.end()]
        if _ABBREV_END.search(head.rstrip("\"'\u201d\u2019")):
            continue
        return head
    return text


def _title_case(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        core = w.lstrip("\"'\u201c\u2018(")
        lead = w[: len(w) - len(core)]
        if any(c.isupper() for c in core) or not core:
            out.append(w)
        elif 0 < i < len(words) - 1 and core.lower() in _TC_MINOR:
            out.append(w.lower())
        else:
            out.append(lead + "-".join(p[:1].upper() + p[1:] for p in core.split("-")))
    return " ".join(out)


def derive_title(paragraphs: list[str], max_words: int = 12) -> str:
    """A short headline-style title from the lead sentence: its main clause, <= ~12 words."""
    lead = next((p for p in paragraphs if len(p.split()) >= 6), paragraphs[0] if paragraphs else "")
    if not lead:
        return "Untitled article"
    sent = _first_sentence(lead[:2000]).strip()
    sent = sent.strip("\"'\u201c\u201d\u2018\u2019 ").rstrip(".!?\"'\u201d\u2019 ")
    sent = _TIME_RE.sub("", sent)
    sent = re.sub(r"(?i)^(?:last|this|next|earlier|late|early)\s+\w+(?:\s+\w+)?,\s*", "", sent)
    first_word = sent.split(" ", 1)[0].lower() if sent else ""
    if first_word in _SUBORDINATE:
        for m in re.finditer(r",\s*", sent):
            head, tail = sent[: m.start()], sent[m.end() :]
            tail_first = tail.split(" ", 1)[0].lower() if tail else ""
            if len(head.split()) > 20:
                break
            if head.endswith(".") or tail_first in _SUBORDINATE or len(tail.split()) < 4 or re.match(r"[A-Z][\w.]*\.,", tail):
                continue
            sent = tail[:1].upper() + tail[1:]
            break
    sent = re.sub(r"\s{2,}", " ", sent).strip()
    cut = len(sent)
    for m in _CLAUSE_RE.finditer(sent):
        if len(sent[: m.start()].split()) >= 4:
            cut = m.start()
            break
    words = sent[:cut].split()
    for i, w in enumerate(words[1:8], start=1):
        key = w.lower()
        if words[i - 1].lower() in _AUX or words[i - 1].lower().endswith("ly"):
            break
        if key in _PAST_TO_PRESENT:
            words[i] = _PAST_TO_PRESENT[key]
            break
    if len(words) > 6 and words[0].lower() in {"a", "an", "the"}:
        words = words[1:]
    if len(words) > max_words:
        best = None
        for i in range(max_words, 4, -1):
            if words[i].lower() in _CUT_WORDS:
                best = i
                break
        words = words[: best or max_words]
    while len(words) > 3 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    if not words:
        return "Untitled article"
    words[-1] = words[-1].rstrip(",;:")
    title = _title_case(words).strip()
    for opener, closer in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        if title.count(opener) > title.count(closer):
            title += closer
    if title.count('"') % 2:
        title += '"'
    if not re.search(r"[^\W_]", title):
        return "Untitled article"
    return title[:1].upper() + title[1:]


# --------------------------------------------------------------------------- cleaning


def _is_wrapped_doc(lines: list[str]) -> bool:
    """Hard-wrapped text: most longish lines stop mid-sentence at a similar width."""
    long_lines = [ln for ln in lines if len(ln) >= 30]
    if len(long_lines) < 4:
        return False
    open_ended = sum(1 for ln in long_lines if not _ends_sentence(ln))
    return open_ended >= 0.6 * len(long_lines)


def _continues(prev: str, nxt: str, wrapped: bool) -> bool:
    """True when `nxt` continues the sentence `prev` broke off (a hard wrap)."""
    if not prev or not nxt or _ends_sentence(prev):
        return False
    first = nxt[0]
    if first.islower() or first in ",;:)\u2019\u201d%" or prev.endswith(("-", ",", "(", "\u2014", "\u2013")):
        return True
    last = prev.split()[-1].lower().strip("\"'\u201c\u201d")
    if last in _DANGLING:
        return True
    if wrapped and len(prev) >= 40:
        return True
    return False


def _split_glued(line: str) -> tuple[str, str | None]:
    for m in _GLUE_RE.finditer(line):
        if m.group("credit") is None or _agency(m.group("credit")):
            return line[: m.end()], line[m.end() :].strip()
    return line, None


def clean_text(text: str, path: str = "") -> Article:
    """An `Article` from decoded text, applying the cleaning rules. Never raises."""
    try:
        return _clean(text if isinstance(text, str) else str(text), path)
    except RecursionError:
        return Article(path=str(path), title="Untitled article", paragraphs=[], title_derived=True)


@dataclass
class _Found:
    """What cleaning learns about the article while it takes lines out."""

    byline: str | None = None
    source: str | None = None
    date: str | None = None
    removed: list[str] = field(default_factory=list)

    def take_byline(self, parsed: tuple[str, str | None]) -> None:
        self.byline = self.byline or parsed[0]
        self.source = self.source or parsed[1]


@dataclass
class _Lines:
    """The article's lines with a keep flag each; `drop` records why a line went."""

    lines: list[str]
    glued: set[int]
    found: _Found
    keep: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keep = [True] * len(self.lines)

    def drop(self, i: int) -> None:
        if self.keep[i]:
            self.keep[i] = False
            self.found.removed.append(self.lines[i])

    def next_nonblank(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.lines) and not self.lines[j]:
            j += 1
        return j if j < len(self.lines) else None


def _split_lines(text: str, found: _Found) -> tuple[list[str], set[int]]:
    """The text's lines, with headlines glued after an e-mail footer or credit split off and
    bylines broken before their e-mail joined. Returns the lines and the indices of glued ones."""
    lines: list[str] = []
    glued: set[int] = set()
    for ln in (_MULTISPACE.sub(" ", raw).strip() for raw in text.split("\n")):
        if lines and lines[-1].endswith(("(", "[", "<")) and ln and _EMAIL_RE.match(ln):
            lines[-1] = lines[-1] + ln
            ln = lines.pop()
        elif (
            lines
            and ln
            and re.fullmatch(r"[(\[<]?\s*(?:e-?mail:?\s*)?\S+@\S+", ln.split(")")[0] + "", re.I)
            and _parse_byline(lines[-1]) is None
            and re.match(r"^(?:by|written by)\s", lines[-1], re.I)
            and len(lines[-1]) < 80
        ):
            ln = lines.pop() + " " + ln
        m = GLUED_FURNITURE.match(ln)
        if m and len(ln) > m.end():
            found.removed.append(m.group(0).strip())
            ln = ln[m.end():]
        head, rest = _split_glued(ln)
        lines.append(head)
        while rest:
            head, rest = _split_glued(rest)
            glued.add(len(lines))
            lines.append(head)
    return lines, glued


def _leading_metadata(doc: _Lines) -> int | None:
    """Drop the dates, bylines and page furniture before the headline; the first other line."""
    found = doc.found
    for i, ln in enumerate(doc.lines):
        if not ln:
            continue
        if FURNITURE_LINE.match(ln):
            doc.drop(i)
            continue
        dm = _DATE_LINE_RE.match(ln)
        if dm:
            found.date = found.date or _parse_date(dm.group("date"))
            doc.drop(i)
            continue
        bl = _parse_byline(ln)
        if bl:
            found.take_byline(bl)
            doc.drop(i)
            continue
        return i
    return None


def _opens_dateline(line: str) -> bool:
    return bool(_DATELINE_AGENCY_RE.match(line) or _DATELINE_CAPS_RE.match(line))


def _headline(doc: _Lines, first: int | None, wrapped: bool) -> str | None:
    """The headline, when the first line after the metadata is one; its repeats are dropped."""
    if first is None:
        return None
    lines = doc.lines
    nxt = lines[first + 1] if first + 1 < len(lines) else None
    lead = doc.next_nonblank(first)
    # a short line before the dateline that opens the lead is the headline, even with a
    # full stop ("Three towns vote first." / "DIXVILLE, N.H. (AP) — ...")
    before_dateline = (lead is not None and lead > first + 1 and len(lines[first].split()) <= 20
                       and len(lines[first]) <= 170 and _opens_dateline(lines[lead]))
    if _DATELINE_AGENCY_RE.match(lines[first]) or not (before_dateline or _is_headline(lines[first], nxt, wrapped)):
        return None
    title = lines[first]
    doc.keep[first] = False  # the title is kept as the title, not listed as removed
    k = doc.next_nonblank(first)
    while k is not None and lines[k].lower() == title.lower():
        doc.drop(k)
        k = doc.next_nonblank(k)
    return title


def _email_only(ln: str) -> bool:
    """A line that is an e-mail address or a "contact ..." line around one, nothing more."""
    stripped = _EMAIL_PAREN_RE.sub("", ln)
    stripped = re.sub(r"[()\[\]<>]", "", stripped).strip(" .,;:-")
    return not has_words(stripped) or bool(re.fullmatch(r"(?i)(?:contact|e-?mail|write to|reach)\b.{0,40}", stripped))


def _metadata_line(ln: str, found: _Found) -> bool:
    """True when a body line is furniture, a byline, an e-mail footer, a date line, a caption
    or a credit; what it says (byline, source, date) is recorded in `found`."""
    if FURNITURE_LINE.match(ln):
        return True
    bl = _parse_byline(ln)
    if bl:
        found.take_byline(bl)
        return True
    if _EMAIL_RE.search(ln) and _email_only(ln):
        for d in _EMAIL_RE.findall(ln):
            found.source = found.source or source_from_domain(d)
        return True
    dm = _DATE_LINE_RE.match(ln) if len(ln) < 120 else None
    if dm:
        found.date = found.date or _parse_date(dm.group("date"))
        return True
    if _is_caption(ln):
        return True
    credit = _credit_line(ln) if len(ln) <= 80 else None
    if credit is not None:
        found.source = found.source or (credit or None)
        return True
    return False


def _line_rules(doc: _Lines, title: str | None) -> None:
    """Drop the body's metadata lines, glued foreign headlines and repeated lines."""
    seen: set[str] = {title.lower()} if title else set()
    for i, ln in enumerate(doc.lines):
        if not doc.keep[i] or not ln:
            continue
        if i in doc.glued and (len(ln.split()) <= 20 and not _ends_sentence(ln)):
            doc.drop(i)
            seen.add(ln.lower())  # its repeats are the same foreign headline
            continue
        if _metadata_line(ln, doc.found):
            doc.drop(i)
            continue
        key = ln.lower()
        if key in seen and has_words(ln) and (len(ln.split()) >= 4 or key == (title or "").lower()):
            doc.drop(i)
            continue
        seen.add(key)


def _paragraphs(doc: _Lines, wrapped: bool) -> list[str]:
    """Kept lines joined into paragraphs: blank lines separate them, hard wraps are undone, and
    removed lines are transparent."""
    paragraphs: list[str] = []
    cur: str | None = None
    for i, ln in enumerate(doc.lines):
        if not ln:
            if cur is not None:
                paragraphs.append(cur)
                cur = None
            continue
        if not doc.keep[i]:
            continue
        if cur is not None and _continues(cur, ln, wrapped):
            if cur.endswith("-") and len(cur) > 1 and cur[-2].isalpha() and ln[0].isalpha():
                cur = cur + ln
            else:
                cur = cur + " " + ln
        else:
            if cur is not None:
                paragraphs.append(cur)
            cur = ln
    if cur is not None:
        paragraphs.append(cur)
    return paragraphs


def _strip_dateline(para: str, found: _Found) -> str:
    """A lead paragraph less its dateline ("SEOUL (Yonhap) -- ", "NEW YORK — ")."""
    m = _DATELINE_AGENCY_RE.match(para)
    ag = _agency(m.group("agency")) if m else None
    if m and (ag or m.group("city").isupper()) and len(para) > m.end():
        found.removed.append(para[: m.end()].strip())
        found.source = found.source or ag
        found.date = found.date or _parse_date(m.group("date"))
        return para[m.end():]
    m = _BARE_CREDIT_RE.match(para)
    ag = _agency(m.group("agency")) if m else None
    if m and ag and len(para) > m.end() + 20:
        found.removed.append(para[: m.end()].strip())
        found.source = found.source or ag
        return para[m.end():]
    m = _DATELINE_CAPS_RE.match(para)
    if m and len(m.group("city").replace(".", "")) >= 3 and len(para) > m.end() + 20:
        found.removed.append(para[: m.end()].strip())
        found.date = found.date or _parse_date(m.group("date"))
        return para[m.end():]
    return para


def _strip_credits(para: str, found: _Found) -> str:
    """A paragraph less its e-mail addresses and a trailing agency credit ("... (Reuters)")."""
    if "@" in para:
        for d in _EMAIL_RE.findall(para):
            found.source = found.source or source_from_domain(d)
        para = _EMAIL_PAREN_RE.sub("", para)
        para = re.sub(r"\(\s*\)|\[\s*\]|<\s*>", "", para)
    m = _CREDIT_TAIL_RE.search(para)
    if m and _agency(m.group(1)) and len(para) > m.end() - m.start() + 20 and _ends_sentence(para[: m.start()]):
        found.removed.append(m.group(0).strip())
        found.source = found.source or _agency(m.group(1))
        para = para[: m.start()]
    return para


def _paragraph_rules(paragraphs: list[str], found: _Found) -> list[str]:
    """Datelines off the lead, e-mail addresses and trailing credits off every paragraph, and a
    paragraph that repeats one of the three before it dropped."""
    out: list[str] = []
    for idx, para in enumerate(paragraphs):
        if idx < 3 and len(out) < 2:
            para = _strip_dateline(para, found)
        para = _MULTISPACE.sub(" ", _strip_credits(para, found)).strip()
        if para and para.lower() not in {p.lower() for p in out[-3:]}:
            out.append(para)
        elif para:
            found.removed.append(para)
    return out


def _clean(text: str, path: str) -> Article:
    text = normalize_text(text)
    if looks_like_html(text):
        text = normalize_text(html_to_text(text))
    found = _Found()
    lines, glued = _split_lines(text, found)
    doc = _Lines(lines, glued, found)
    wrapped = _is_wrapped_doc(lines)
    title = _headline(doc, _leading_metadata(doc), wrapped)
    _line_rules(doc, title)
    out = _paragraph_rules(_paragraphs(doc, wrapped), found)
    return Article(
        path=str(path),
        title=title or (derive_title(out) if out else "Untitled article"),
        paragraphs=out,
        byline=found.byline,
        source=found.source,
        date=found.date,
        title_derived=not title,
        removed=found.removed,
    )

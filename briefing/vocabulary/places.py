"""Places: the names news text uses for countries, their capitals and seats of government, and
the regions a brief may be about.

The lower-case tables (`CITY_COUNTRY`, `GOVERNMENT_SEATS`, `DEMONYMS`) are what analysis looks
words up in; `place_forms` turns them, with pycountry's country names, into the case-sensitive
forms the brief stage counts in running text. Sources: pycountry (ISO 3166) for country names;
the demonyms and capitals are the standard English forms (as in the CIA World Factbook's
nationality and capital fields), kept to the countries and cities news names most.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Capitals and large cities a news text names as places (lower case).
CITY_COUNTRY = {
    "seoul": "South Korea", "pyongyang": "North Korea", "tokyo": "Japan",
    "beijing": "China", "shanghai": "China", "moscow": "Russia", "washington": "United States",
    "new york": "United States", "london": "United Kingdom", "paris": "France",
    "berlin": "Germany", "rome": "Italy", "madrid": "Spain", "ottawa": "Canada",
    "toronto": "Canada", "montreal": "Canada", "vancouver": "Canada", "calgary": "Canada",
    "edmonton": "Canada", "winnipeg": "Canada", "halifax": "Canada", "regina": "Canada",
    "saskatoon": "Canada", "quebec": "Canada", "victoria": "Canada", "delhi": "India",
    "new delhi": "India", "mumbai": "India", "islamabad": "Pakistan", "kabul": "Afghanistan",
    "tehran": "Iran", "baghdad": "Iraq", "damascus": "Syria", "beirut": "Lebanon",
    "jerusalem": "Israel", "tel aviv": "Israel", "cairo": "Egypt", "riyadh": "Saudi Arabia",
    "ankara": "Turkey", "istanbul": "Turkey", "kyiv": "Ukraine", "kiev": "Ukraine",
    "brussels": "Belgium", "geneva": "Switzerland", "vienna": "Austria", "hanoi": "Vietnam",
    "bangkok": "Thailand", "manila": "Philippines", "jakarta": "Indonesia",
    "canberra": "Australia", "sydney": "Australia", "mexico city": "Mexico",
    "havana": "Cuba", "caracas": "Venezuela", "brasilia": "Brazil", "taipei": "Taiwan",
    "hong kong": "China", "singapore": "Singapore", "nairobi": "Kenya", "lagos": "Nigeria",
    "dublin": "Ireland", "athens": "Greece", "warsaw": "Poland", "stockholm": "Sweden",
    "oslo": "Norway", "helsinki": "Finland", "copenhagen": "Denmark", "lisbon": "Portugal",
    "amsterdam": "Netherlands", "the hague": "Netherlands", "minsk": "Belarus",
    "kuala lumpur": "Malaysia", "doha": "Qatar", "dubai": "United Arab Emirates",
    "abu dhabi": "United Arab Emirates", "los angeles": "United States",
    "chicago": "United States", "boston": "United States",
}

# Seats of government used as metonyms for a government.
GOVERNMENT_SEATS = {
    "cheong wa dae": "South Korea", "blue house": "South Korea",
    "white house": "United States", "pentagon": "United States",
    "capitol hill": "United States", "kremlin": "Russia", "downing street": "United Kingdom",
    "whitehall": "United Kingdom", "elysee": "France", "élysée": "France",
    "zhongnanhai": "China", "parliament hill": "Canada", "queen's park": "Canada",
}

# Demonyms, adjectives and abbreviations for countries (lower case).
DEMONYMS = {
    "u.s.": "United States", "us": "United States", "american": "United States",
    "u.s": "United States", "america": "United States", "united states": "United States",
    "u.k.": "United Kingdom", "uk": "United Kingdom", "british": "United Kingdom",
    "britain": "United Kingdom", "english": "United Kingdom", "scottish": "United Kingdom",
    "south korean": "South Korea", "south korea": "South Korea", "rok": "South Korea",
    "north korean": "North Korea", "north korea": "North Korea", "dprk": "North Korea",
    "japanese": "Japan", "chinese": "China", "russian": "Russia", "russia": "Russia",
    "canadian": "Canada", "french": "France", "german": "Germany", "italian": "Italy",
    "spanish": "Spain", "mexican": "Mexico", "indian": "India", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "lebanese": "Lebanon", "israeli": "Israel", "palestinian": "Palestine",
    "egyptian": "Egypt", "saudi": "Saudi Arabia", "turkish": "Turkey",
    "ukrainian": "Ukraine", "polish": "Poland", "swedish": "Sweden", "norwegian": "Norway",
    "danish": "Denmark", "finnish": "Finland", "dutch": "Netherlands", "belgian": "Belgium",
    "swiss": "Switzerland", "austrian": "Austria", "greek": "Greece", "irish": "Ireland",
    "portuguese": "Portugal", "brazilian": "Brazil", "argentine": "Argentina",
    "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia",
    "venezuelan": "Venezuela", "cuban": "Cuba", "australian": "Australia",
    "vietnamese": "Vietnam", "thai": "Thailand", "filipino": "Philippines",
    "philippine": "Philippines", "indonesian": "Indonesia", "malaysian": "Malaysia",
    "singaporean": "Singapore", "taiwanese": "Taiwan", "mongolian": "Mongolia",
    "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia",
    "south african": "South Africa", "new zealand": "New Zealand", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "belarusian": "Belarus", "hungarian": "Hungary",
    "czech": "Czechia", "romanian": "Romania", "serbian": "Serbia", "croatian": "Croatia",
    "scot": "United Kingdom", "welsh": "United Kingdom", "quebecois": "Canada",
}

# Nationality words shared by more than one country (the CIA World Factbook gives "Korean" for
# both Koreas): place words, but no country by themselves.
SHARED_NATIONALITIES = frozenset({"korean", "korea", "koreans"})

# Other names a text uses for a country, as written: short forms, older names, abbreviations.
OTHER_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "North Korea": ("N. Korea", "NK", "DPRK"),
    "South Korea": ("S. Korea", "Republic of Korea"),
    "China": ("PRC",),
    "Russia": ("Russian Federation",),
    "Turkey": ("Türkiye",),
    "Palestine": ("Palestine", "Gaza", "West Bank"),
    "Myanmar": ("Myanmar", "Burma", "Burmese"),
    "Libya": ("Tripoli",),
}

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
    "Georgia", "Jordan", "Chad", "Guinea", "Niger", "Turkey", "Korea", "Korean", "Congo", "Dominica",
    "English", "Victoria", "Quebec",
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
        shown = getattr(c, "common_name", None) or c.name
        for n in {c.name, shown}:
            if "," in n or len(n) < 4:
                continue
            forms.setdefault(n, shown)
    for table in (CITY_COUNTRY, GOVERNMENT_SEATS, DEMONYMS):
        for form, place in table.items():
            for cased in _cased(form):
                forms[cased] = place
            if table is DEMONYMS and form.endswith(("an", "i")) and " " not in form.strip():
                forms[form.capitalize() + "s"] = place  # Americans, Iraqis
    for place, names in list(OTHER_COUNTRY_NAMES.items()) + list(REGIONS.items()):
        for n in names:
            forms[n] = place
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

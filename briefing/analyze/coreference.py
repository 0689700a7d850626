"""Coreference: the mentions of one text grouped into people, and what a surname, a pronoun or a
description refers back to.

`NameIndex` finds the person mentions (`mentions.MentionFinder`, with the titles bound to them by
`titles`), groups them by full name, gives a one-word mention to the person whose surname (or
East Asian surname, or first name used alone) it is, learns each person's sex from honorifics,
titles, first names and the pronouns that follow them, and answers the attributor's questions:
who "he" at this offset is, who "the minister" is, whether a surname names one person only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from briefing.analyze.gazetteer import FIRST_NAMES, is_place, world_first_names
from briefing.analyze.mentions import (
    FEMALE_NOUNS,
    FIRST_NAMES_ONLY_STOP,
    HONORIFICS,
    MALE_NOUNS,
    PERSON_TITLES,
    Mention,
    MentionFinder,
    Person,
    base,
    lower_words,
    tokenize,
    word_class,
)
from briefing.analyze.titles import apposition, preposed_apposition, title_before
from briefing.vocabulary.speech import SPEECH_VERBS

_FUNCTION_WORDS = {"and", "but", "with", "for", "from", "that", "than", "because", "when", "while"}
_FIRST_PERSON_QUOTE = re.compile(r"[“\"][^”\"]*\b(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|me|my|myself)\b[^“\"]*[”\"]")

PRONOUN_REACH = 3
"""Sentences back that a he/she may reach and still be read without doubt: news names the person
in the sentence before or the one before that; further back a reader has to work it out too."""

LOOKBACK = 200
"""How many mentions back he/she looks for its antecedent: far more than any article needs,
and what keeps a transcript that names the same people a thousand times linear."""


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
        # keyed by id(person): per index, for the people of this one text, which the index holds
        # (alive) as long as it lives; nothing keyed by id() outlives the index
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


    def _build(self) -> None:
        finder = MentionFinder(self.text, self.tokens, self.exclude)
        cands = finder.candidates()
        for m in cands:
            title_before(self.text, self.tokens, m)
        finder.context_evidence(cands)
        for m in cands:
            apposition(self.text, m)
            preposed_apposition(self.text, m)
        accepted, singles = finder.accept(cands)
        people = self._group(accepted)
        self._attach_singles(people, singles, finder)
        self.people = [p for p in people.values() if p.mentions]
        for p in self.people:
            self._person_attributes(p)
        self.mentions = sorted((m for p in self.people for m in p.mentions), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]
        for m in self.mentions:
            m.sentence = self.sentence_of(m.start)
        self._subjects()
        self._pronoun_genders()
        self._drop_unsupported_single_names()

    def _group(self, accepted: list[Mention]) -> dict[tuple[str, ...], Person]:
        """The accepted mentions grouped by full name; a name inside a fuller one joins it."""
        people: dict[tuple[str, ...], Person] = {}
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
        return people

    def _attach_singles(self, people: dict[tuple[str, ...], Person], singles: list[Mention],
                        finder: MentionFinder) -> None:
        """One-word mentions: the surname (or East Asian surname / first name) of a person named in
        full, else a person of their own when they have person evidence."""
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
            if finder.is_city(m) or finder.is_named_thing(m):
                continue
            word = m.tokens[0]
            if (m.evidence & {"speech", "honorific", "title", "appositive", "relation"} and word_class(word) == "name"
                    and not is_place(w) and w not in FIRST_NAMES_ONLY_STOP
                    and not (word.isupper() or "." in word)
                    and w not in lower_words(self.text)):
                key = (w,)
                p = people.get(key)
                if p is None:
                    p = people[key] = Person(name=m.tokens[0], tokens=m.tokens)
                p.mentions.append(m)
                m.person = p

    @staticmethod
    def _person_attributes(p: Person) -> None:
        """A person's titles in text order, and their sex from an honorific, a title or a first name."""
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
            first = p.tokens[0].lower()
            g = FIRST_NAMES.get(first) or world_first_names().get(first)
            if g:
                p.gender = g

    def _person_evidence(self, m: Mention) -> bool:
        """Whether a one-word mention says by itself that it names a person.

        A kin relation ("Lund's dad, Gregor"), an honorific other than "St." (a
        saint or a street: "St. Louis"), or a title whose last word is a person noun
        ("Hereditary Chief Tl'ehan"; not a modifier like "Policy Review" or
        "Junior High").
        """
        if "relation" in m.evidence:
            return True
        prev = re.search(r"([\w’'.-]+)\s+$", self.text[max(0, m.start - 40):m.start])
        word = base(prev.group(1)).rstrip(".") if prev else ""
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
        # the dicts below are keyed by id(person): `people` keeps every person alive while this
        # short-lived object (one pass over one text's single mentions) is used
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
            if key[0] in FIRST_NAMES or key[0] in world_first_names():
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


def _subseq(short: tuple, long: tuple) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


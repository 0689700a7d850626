"""Look-alike events that share their participants (issue 16): rules tried, none shipped. Run from
the repository root:

    .venv/bin/python benchmarks/look_alikes.py        # about 1-2 minutes

Evaluation data is read by path from ../shared/eval, never copied into the repository.

The shipped veto (`clusters.look_alike_veto`) keeps apart reports that share no participant, or
that are more than a week apart. Its converse, two reports about one company or one person that
report different things about them (an inquiry into a company and the same company's layoffs),
is not covered. This script tries general rules for it, each as an extra veto on top of the
shipped one, and scores them where they must hold:

- ECB+ dev, BCubed F1 on both halves (crc32 of the id, as `stories.py` splits them; half 0 tunes);
- the aeb day (92 development pages, as `policy_days.py` builds them): the 13 same-story pairs
  together, the 5 look-alike pairs apart (`policy_labels.json`).

Rules, for pairs of reports that both name participants and share at least one:

- ``sentence<F``: no sentence of one restates a sentence of the other (the best cosine between
  their sentences' TF-IDF, names included, under F): two reports of one event state its core fact
  in nearly the same words;
- ``lead+sentence<F``: their headlines and first three sentences share no content word beyond
  the names, and no sentence restates one (as above): the event is said in the headline and lead,
  and a digest that reports it further down still restates it;
- ``lead``: the headline-and-lead test alone;
- ``kinds<F``: their event kinds disagree: the cosine of the two reports' Empath profiles is under
  F. A report's profile counts, for each of Empath's lexical categories (Fast, Chen and Bernstein,
  "Empath: Understanding Topic Signals in Large-Scale Text", CHI 2016; the `empath` package's
  categories.tsv, MIT, installed by the bench extra, nothing vendored), the content words of its
  headline and first three sentences that the category lists, its own names left out; a word in
  several categories gives each an equal share of one. Two reports of one event (wire copies,
  outlets' accounts of one earthquake) should agree, an inquiry into a company and its layoffs
  should not. Variants: ``kinds:topical`` keeps only the categories that name a domain of news
  (`TOPICAL_CATEGORIES`, not a feeling or a style) and needs five matched words in each report;
  ``kinds:headline`` profiles the headline alone (where the event's verb or noun is said).

Each vetoed pair keeps `factor` of its similarity (0: cut, as for reports a week apart).
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
import tempfile
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import policy_days  # noqa: E402
import stories as story_bench  # noqa: E402

from briefing.brief.clusters import (EVENT_DISTANCE, agglomerate, article_days, event_blocks,  # noqa: E402
                                     look_alike_veto, tfidf_block)
from briefing.brief.features import EVENT_SENTENCES, LEAD_SENTENCES, content_terms, name_terms, stem  # noqa: E402
from briefing.brief.duplicates import find_duplicates  # noqa: E402
from briefing.model import AnalyzedArticle  # noqa: E402

SENTENCES_COMPARED = 60
"""Sentences of each report compared with the other's (the headline first)."""
RULES = [("shipped", None, 0.0)] + [("sentence", f, k) for f in (0.2, 0.25, 0.3, 0.35) for k in (0.0, 0.5)] + [
    ("lead+sentence", f, 0.0) for f in (0.25, 0.3, 0.35, 0.45)] + [("lead", None, 0.0), ("lead", None, 0.5)] + [
    ("kinds", f, k) for f in (0.05, 0.1, 0.2, 0.3) for k in (0.0, 0.5)] + [
    ("kinds:topical", f, k) for f in (0.05, 0.1, 0.3) for k in (0.0, 0.5)] + [
    ("kinds:headline", f, 0.0) for f in (0.05, 0.1, 0.3)]

TOPICAL_CATEGORIES = frozenset("""politics government law war military terrorism economics business banking
    white_collar_job real_estate office crime prison stealing kill violence weapon science health medical_emergency
    healing technology computer internet programming social_media phone messaging sports competing exercise swimming
    music musical art dance cooking fashion clothing beauty wedding vacation tourism traveling restaurant eating pet
    home furniture alcohol weather religion""".split())
"""Empath's categories that name a domain of news rather than a feeling, a sense or a style (the
49 that branch i16sections mapped onto the sections, chosen there for sections, not here)."""
KIND_VARIANTS = {"kinds": (LEAD_SENTENCES, None, 0), "kinds:topical": (LEAD_SENTENCES, TOPICAL_CATEGORIES, 5),
                 "kinds:headline": (0, None, 0)}
"""Per ``kinds`` rule: lead sentences read (after the headline), the categories kept (None: all),
matched words each report needs (else no profile, and no veto)."""


def own_names(a: AnalyzedArticle) -> set[str]:
    return {stem(n) for s in a.sentences[:EVENT_SENTENCES] for n in name_terms(s)}


def lead_counts(a: AnalyzedArticle) -> Counter:
    """Content words of the headline and lead, the article's own names left out."""
    names = own_names(a)
    texts = ([a.article.title] if a.article.title else []) + list(a.sentences[:LEAD_SENTENCES])
    return Counter(w for t in texts for w in content_terms(t) if w not in names)


def has_empath() -> bool:
    """Whether Empath's package (and so its categories file) is installed: it is no dependency of
    the project (the rule was tried and not shipped); ``pip install empath`` brings it back."""
    spec = importlib.util.find_spec("empath")
    return spec is not None and bool(spec.submodule_search_locations)


@lru_cache(maxsize=1)
def empath_index() -> dict[str, frozenset[str]]:
    """Each stemmed word of Empath's categories to the categories that list it (read from the
    installed `empath` package's data file; its code, which calls a web service, is not used)."""
    spec = importlib.util.find_spec("empath")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("Empath's categories are read from the empath package: pip install empath")
    index: dict[str, set[str]] = {}
    data = Path(spec.submodule_search_locations[0]) / "data" / "categories.tsv"
    for line in data.read_text(encoding="utf-8").splitlines():
        name, *words = line.split("\t")
        for w in words:
            if w:
                index.setdefault(stem(w.lower()), set()).add(name)
    return {w: frozenset(c) for w, c in index.items()}


def kind_profile(a: AnalyzedArticle, variant: str) -> Counter:
    """The report's event kind: its headline and lead words (names out) by Empath category."""
    sentences, kept, mass = KIND_VARIANTS[variant]
    names = own_names(a)
    texts = ([a.article.title] if a.article.title else []) + list(a.sentences[:sentences])
    profile: Counter = Counter()
    matched = 0
    for word in (w for t in texts for w in content_terms(t) if w not in names):
        categories = [c for c in empath_index().get(word, ()) if kept is None or c in kept]
        matched += bool(categories)
        for c in categories:
            profile[c] += 1.0 / len(categories)
    return profile if matched >= mass else Counter()


def kind_agreement(p: Counter, q: Counter) -> float | None:
    """Cosine of two profiles; None when either is empty (no evidence, no veto)."""
    norm = math.sqrt(sum(v * v for v in p.values()) * sum(v * v for v in q.values()))
    return sum(v * q[c] for c, v in p.items()) / norm if norm else None


def sentence_rows(analyzed: list[AnalyzedArticle]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Every compared sentence as a TF-IDF row, and where each article's rows start."""
    per = [[Counter(content_terms(t)) for t in ([a.article.title] if a.article.title else [])
            + list(a.sentences[:SENTENCES_COMPARED])] for a in analyzed]
    start = np.concatenate([[0], np.cumsum([len(p) for p in per])])
    return tfidf_block([c for p in per for c in p]), start


def best_sentence(rows: sparse.csr_matrix, start: np.ndarray, i: int, j: int) -> float:
    product = rows[start[i]:start[i + 1]] @ rows[start[j]:start[j + 1]].T
    return float(product.max()) if product.nnz else 0.0


def veto_with(analyzed: list[AnalyzedArticle], rule: str, floor: float | None, factor: float) -> sparse.csr_matrix:
    """The shipped veto, plus `rule`'s pairs keeping `factor` of their similarity."""
    _, blocks = event_blocks(analyzed)
    veto = look_alike_veto(blocks, article_days(analyzed)).tolil()
    if rule == "shipped":
        return veto.tocsr()
    shared = (blocks["participants"] @ blocks["participants"].T).tocoo()
    named = np.asarray(blocks["named"].todense()).ravel() > 0
    pairs = [(i, j) for i, j, v in zip(shared.row, shared.col, shared.data) if i < j and v > 0 and named[i] and named[j]]
    if rule.startswith("kinds"):
        profiles = [kind_profile(a, rule) for a in analyzed]
        agreement = [kind_agreement(profiles[i], profiles[j]) for i, j in pairs]
        pairs = [pair for pair, c in zip(pairs, agreement) if c is not None and c < floor]
        floor = None
    if rule.startswith("lead"):
        lead = tfidf_block([lead_counts(a) for a in analyzed])
        lead_sim = (lead @ lead.T).tocsr()
        pairs = [(i, j) for i, j in pairs if lead_sim[i, j] == 0]
    if floor is not None:
        rows, start = sentence_rows(analyzed)
        pairs = [(i, j) for i, j in pairs if best_sentence(rows, start, i, j) < floor]
    for i, j in pairs:
        veto[i, j] = veto[j, i] = max(veto[i, j], 1.0 - factor)
    return veto.tocsr()


def grouping(analyzed: list[AnalyzedArticle], rule: str, floor: float | None, factor: float) -> list[int]:
    """A story label per article, as `build_stories` groups them (copies join their kept article)."""
    copies = find_duplicates(analyzed)
    copied = {c for cs in copies.values() for c in cs}
    kept = [i for i in range(len(analyzed)) if i not in copied]
    members = [analyzed[i] for i in kept]
    vectors, _ = event_blocks(members)
    labels = [0] * len(analyzed)
    for g, group in enumerate(agglomerate(vectors, EVENT_DISTANCE, veto_with(members, rule, floor, factor))):
        for k in group:
            labels[kept[k]] = g
            for c in copies.get(kept[k], []):
                labels[c] = g
    return labels


def aeb_articles() -> list[AnalyzedArticle]:
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
        policy_days.aeb_folder(Path(tmp))
        return policy_days.build_day(Path(tmp), Path(out)).brief.articles


def aeb_pairs(analyzed: list[AnalyzedArticle], labels: list[int]) -> tuple[int, int]:
    data = json.loads((policy_days.AEB / "policy_labels.json").read_text(encoding="utf-8"))
    story_of = {policy_days.page_id(a.article.path): labels[k] for k, a in enumerate(analyzed)}
    same = sum(story_of[a] == story_of[b] for a, b in data["same_story"] if a in story_of and b in story_of)
    apart = sum(story_of[a] != story_of[b] for a, b in data["different_story"] if a in story_of and b in story_of)
    return same, apart


# Our own example of the converse (invented): one company's chief executive resigning, told twice
# in different words, and the same company's quarterly loss the same day, its report quoting the
# chief executive and the finance chief.
RESIGNED = ["Harlow Freight chief executive Mirela Vance resigned on Tuesday after six years in the job, the "
            "Bremerton shipping company said.",
            "Vance told staff in a letter that she was stepping down to let a new leader steer the company through "
            "its restructuring.",
            "The board named finance chief Oskar Lind as interim chief executive while it searches for a successor."]
STEPS_DOWN = ["Mirela Vance stepped down as chief executive of Harlow Freight on Tuesday, the Bremerton company "
              "announced.",
              "In a letter to employees, Vance said a new leader should take the company through its restructuring.",
              "Oskar Lind, the chief financial officer, will serve as interim chief executive, the board said."]
QUARTERLY_LOSS = ["Harlow Freight reported a quarterly loss of 42 million dollars on Tuesday as shipping volumes "
                  "fell for a third straight quarter, the Bremerton company said.",
                  "Revenue dropped 11 percent to 610 million dollars, below analysts' forecasts.",
                  "Chief executive Mirela Vance said lower fuel costs would help margins in the second half of the "
                  "year, and finance chief Oskar Lind said the company would cut spending on new vessels."]


# And two outlets' reports of one earthquake (invented), in different words: one event, which an
# event-kind rule must keep together.
QUAKE_WIRE = ["A magnitude 6.4 earthquake struck the coastal province of Velmora early on Tuesday, collapsing "
              "houses in the port town of Kessin Bay and killing at least 12 people, officials said.",
              "Rescue teams were searching the rubble for survivors, provincial governor Adam Reiss told reporters.",
              "The quake was felt in the capital, 200 kilometres away, where office workers fled their buildings."]
QUAKE_LOCAL = ["At least 12 people died when a powerful quake hit Velmora on Tuesday morning, flattening homes in "
               "Kessin Bay.",
               "Governor Adam Reiss said rescuers were digging through collapsed buildings and that the death toll "
               "could rise.",
               "The tremor, measured at 6.4, sent residents of the capital running into the streets."]
INVENTED = [("Harlow Freight chief executive resigns", RESIGNED, "A"),
            ("Harlow Freight's Vance steps down", STEPS_DOWN, "B"),
            ("Harlow Freight posts quarterly loss as volumes fall", QUARTERLY_LOSS, "C"),
            ("Earthquake kills 12 in Velmora", QUAKE_WIRE, "D"),
            ("Deadly quake flattens homes in Kessin Bay", QUAKE_LOCAL, "E")]
INVENTED_PAIRS = (("resignation, two reports", (0, 1), True), ("resignation and quarterly loss", (0, 2), False),
                  ("earthquake, two outlets", (3, 4), True))
"""(name, the two reports, whether they are one event)."""


def invented_day() -> None:
    """Our examples: the shipped grouping, and each ``kinds`` variant's agreement, pair by pair."""
    from briefing.analyze.article import analyze_article
    from briefing.model import Article

    day = [analyze_article(Article(path=f"/in/{k}.txt", title=title, paragraphs=text, source=source,
                                   date="2024-05-01"))
           for k, (title, text, source) in enumerate(INVENTED)]
    for name, members, one_event in INVENTED_PAIRS:
        pair = [day[k] for k in members]
        vectors, _ = event_blocks(pair)
        similarity = float((vectors[0] @ vectors[1].T).toarray()[0, 0])
        together = len(set(grouping(pair, "shipped", None, 0.0))) == 1
        kinds = ", ".join(f"{v} {_shown(kind_agreement(kind_profile(pair[0], v), kind_profile(pair[1], v)))}"
                          for v in KIND_VARIANTS) if has_empath() else "not measured (no empath package)"
        print(f"our example, {name} ({'one event' if one_event else 'two events'}): similarity {similarity:.2f}, "
              f"{'one story' if together else 'two stories'}; kind agreement {kinds}")


def _shown(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def aeb_kind_agreement(analyzed: list[AnalyzedArticle]) -> None:
    """Each ``kinds`` variant's agreement on the aeb day's labelled pairs (numbers only)."""
    data = json.loads((policy_days.AEB / "policy_labels.json").read_text(encoding="utf-8"))
    at = {policy_days.page_id(a.article.path): k for k, a in enumerate(analyzed)}
    for variant in KIND_VARIANTS:
        profiles = [kind_profile(a, variant) for a in analyzed]
        for kind in ("same_story", "different_story"):
            values = [kind_agreement(profiles[at[a]], profiles[at[b]]) for a, b in data[kind] if a in at and b in at]
            print(f"aeb {kind.replace('_', '-')} pairs in the labels' order, {variant} agreement: "
                  f"{' '.join(_shown(v) for v in values)}")


def ecb_kind_agreement(ecb: list[AnalyzedArticle], rows: list[dict], halves: dict[int, list[int]]) -> None:
    """Per half of ECB+, how the ``kinds`` agreement of pairs the clustering could link (similarity
    >= 0.2, participants shared) is spread: same event against the other event of the topic."""
    for variant in KIND_VARIANTS:
        for h, ix in halves.items():
            members = [ecb[k] for k in ix]
            vectors, blocks = event_blocks(members)
            linked = ((vectors @ vectors.T) >= 0.2).multiply(blocks["participants"] @ blocks["participants"].T > 0)
            profiles = [kind_profile(a, variant) for a in members]
            spread: dict[bool, list[float]] = {True: [], False: []}
            for i, j in zip(*sparse.triu(linked, k=1).nonzero()):
                value = kind_agreement(profiles[i], profiles[j])
                if value is not None:
                    spread[rows[ix[i]]["story"] == rows[ix[j]]["story"]].append(value)
            print(f"ECB+ half {h}, {variant} agreement of linkable pairs: " + "; ".join(
                f"{'same event' if same else 'other event'} {len(v)} pairs, median {np.median(v):.2f}, "
                f"tenth percentile {np.quantile(v, 0.1):.2f}" for same, v in spread.items() if v))


def main() -> int:
    invented_day()
    rows = story_bench.load()
    ecb, _ = story_bench.analyze_rows(rows)
    halves = {h: [k for k, r in enumerate(rows) if zlib.crc32(r["id"].encode("utf-8")) % 2 == h] for h in (0, 1)}
    aeb = aeb_articles()
    if has_empath():
        ecb_kind_agreement(ecb, rows, halves)
        aeb_kind_agreement(aeb)
    else:
        print("the kinds rules need Empath's categories (pip install empath): skipped")
    print("rule                  floor  factor   ECB+ half 0 / half 1   aeb same-story together / look-alikes apart")
    for rule, floor, factor in RULES:
        if rule.startswith("kinds") and not has_empath():
            continue
        f1 = [story_bench.bcubed(grouping([ecb[k] for k in ix], rule, floor, factor),
                                 [rows[k]["story"] for k in ix])[2] for ix in halves.values()]
        same, apart = aeb_pairs(aeb, grouping(aeb, rule, floor, factor))
        print(f"{rule:20}  {'-' if floor is None else floor:>5}  {factor:6.2f}   {f1[0]:.3f} / {f1[1]:.3f}"
              f"          {same} of 13 / {apart} of 5", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Multi-document summaries: what several articles on one story report, in their own sentences.

A story's summary is extractive (sentences as the articles wrote them) and chosen by one global
objective under a hard word budget, after Gillick and Favre's concept-coverage ILP ("A Scalable
Global Model for Summarization", 2009, the ICSISumm system):

* **concepts** – stemmed word bigrams, not both stop words. A concept is worth the number of
  articles that report it (several outlets saying it outweighs one mentioning it), more when an
  article says it in its headline or first sentence and when the article is among the story's
  newest; a concept fewer than `MIN_SHARE` of the articles report counts `RARE_WEIGHT` as much;
* **objective** – the summary covers the most concept weight within the budget, each concept
  counted once however many chosen sentences state it: the same fact from five outlets adds
  nothing the second time, so redundancy goes without a separate penalty. Near-duplicate
  sentences are also never chosen together. The integer programme is solved exactly with HiGHS
  (its own Python package, `highspy`, as `scipy.optimize.milp` would call it, without scipy.optimize's
  quarter second of import); a greedy pass is the fallback if the solver fails or runs out of time;
* **candidates** – only sentences that stand alone (`points.stands_alone`: no caption, credit,
  dateline or update stamp, no opening pronoun, connective or described person that needs the
  sentence before it, no question, no writer's "I" or "you"), that quote no one, from the first
  `CANDIDATES_PER_ARTICLE` sentences of the first `STATING_ARTICLES` articles, and those the
  caller's `may_state` admits;
* **reading order** – by date, then position in the article: what happened first comes first,
  and a lead before a later detail. The picks are also ranked (`Summary.ranked`): the one that
  adds the most first, the newest articles' additions counting more (the page's key point).

A story of one article keeps the article's own ranking (the `news` ranker of
`briefing.analyze.summarize`), under the same filter and budget.

`known` takes what the reader has already been told (sentences, e.g. earlier days' articles or
the page's key points): their concepts count as covered, and a sentence that repeats them
(`novelty.Known`: a near-duplicate of one, or mostly their concepts) is never chosen, so the
summary says what is new (the update summary of TAC 2008-2009). When everything is known, the
summary is empty; `stories.story_summary` then recalls the story in one sentence.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from briefing.analyze.summarize import QUOTATION_WORDS, longest_quotation, near_duplicate, rank_sentences
from briefing.brief.novelty import Known, concepts, same_saying
from briefing.brief.points import stands_alone

DEFAULT_WORDS = 100
"""The budget when none is given: the field's standard for a multi-document news summary (DUC)."""
MIN_WORDS = 8
"""Sentences shorter than this are rarely a whole development ("The talks resumed."), and cost
the objective little: they would fill a budget with fragments. Tuned on DUC 2003 half A."""
MIN_SHARE = 0.3
"""A concept counts fully when at least this share of the story's articles report it (at least
two): three of ten, as Gillick and Favre's df >= 3 on ten documents."""
RARE_WEIGHT = 0.15
"""What a concept fewer articles report is worth, per article: it fills a budget the shared
concepts leave, without outweighing them."""
LEAD_SENTENCES = 1
"""An article's lead: the sentence a news report puts its news in (the lede)."""
LEAD_BONUS = 3.0
"""Extra weight, per article, for a concept that article states in its lead."""
NEWEST_BONUS = 0.25
"""Extra weight of an article from the story's newest date, in what the summary covers: a daily
brief favours the newest development. Weighing older articles down by age instead (half as much
per week) cost 1 to 5 ROUGE-2 points on clusters that span weeks (DUC 2003, MultiLing); 0.5
cost 0.3-0.6 on DUC 2003, 0.25 nothing measurable."""
NEWEST_FIRST = 2.0
"""Extra weight of what the newest articles add, in the summary's ranking: the sentence ranked
first (the page's key point) is the newest development unless an older one says three times as
much (what several older reports share outweighs one new report's lead about 2.5 to 1)."""
CANDIDATES_PER_ARTICLE = 20
"""Sentences of each article that may be chosen (its concepts count from every sentence): news
puts its substance first, and the programme stays small however long an article runs. On DUC
2003 the first 20 did as well as all (both halves), the first 12 slightly worse."""
STATING_ARTICLES = 15
"""The summary's sentences come from the story's first this many articles (its lead first, as
the story orders them), while every article's concepts count: a story of hundreds of articles
costs a programme of at most 15 x 20 candidates (a DUC cluster has ten articles)."""
SOLVER_SECONDS = 1.0
"""HiGHS time limit; a ten-article story solves in tens of milliseconds, and past the limit the
best solution found so far (or the greedy one) is used."""


@dataclass(frozen=True)
class Document:
    """One article of the story: its sentences and, if known, its date (ISO) and its headline
    (a real one: a headline made from the lead adds nothing to the lead)."""

    sentences: Sequence[str]
    date: str | None = None
    headline: str | None = None


@dataclass(frozen=True)
class Pick:
    """A chosen sentence: which document, which sentence, its text as written."""

    document: int
    sentence: int
    text: str


@dataclass
class Summary:
    """A story's summary: `sentences` in reading order, `ranked` best first (the first states
    the story's development best; drop from the end to shorten)."""

    sentences: list[Pick] = field(default_factory=list)
    ranked: list[Pick] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.sentences)

    @property
    def words(self) -> int:
        return sum(word_count(p.text) for p in self.sentences)


def word_count(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens, as ROUGE's -l cut does."""
    return len(text.split())


# --- concepts --------------------------------------------------------------------------------

# --- which sentences may be chosen ------------------------------------------------------------



def may_summarize(sentence: str) -> bool:
    """Whether a sentence can stand in a story's summary: it stands alone (`points.stands_alone`),
    it is long enough to state a development, and it quotes no one (a quotation of
    `summarize.QUOTATION_WORDS` words or more: the page gives quotes with their speakers, a
    summary states what happened; a phrase in quotation marks, a "driver of instability", is
    fine). Leaving out every quoting sentence gained about 0.4 ROUGE-2 on both DUC 2003 halves."""
    s = sentence.strip()
    if word_count(s) < MIN_WORDS or not stands_alone(s):
        return False
    return longest_quotation(s) < QUOTATION_WORDS


# --- weights ---------------------------------------------------------------------------------


def _days(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def document_weights(documents: Sequence[Document]) -> list[float]:
    """Each article's weight: 1, and `NEWEST_BONUS` more for an article of the story's newest
    date (undated articles count as the newest): a daily brief leads with the newest
    development, while the rest of the story still counts in full."""
    days = [_days(d.date) for d in documents]
    newest = max((d for d in days if d), default=None)
    return [1.0 + (NEWEST_BONUS if d is None or d == newest else 0.0) for d in days]


def concept_weights(documents: Sequence[Document], known: frozenset = frozenset()) -> dict:
    """Concept -> weight: per article that states it, the article's weight, plus `LEAD_BONUS`
    when the article states it in its headline or lead; concepts too few articles report count
    `RARE_WEIGHT` as much. Concepts in `known` are already covered: weight 0, left out."""
    doc_weight = document_weights(documents)
    score: dict = {}
    reports: dict = {}
    for d, doc in enumerate(documents):
        lead: set = set(concepts(doc.headline)) if doc.headline else set()  # the headline states the news too
        body: set = set()
        for k, s in enumerate(doc.sentences):
            (lead if k < LEAD_SENTENCES else body).update(concepts(s))
        for c in lead | body:
            bonus = LEAD_BONUS if c in lead else 0.0
            score[c] = score.get(c, 0.0) + doc_weight[d] * (1.0 + bonus)
            reports[c] = reports.get(c, 0) + 1
    shared = max(2, math.ceil(MIN_SHARE * len(documents)))
    return {c: (w if reports[c] >= shared else RARE_WEIGHT * w)
            for c, w in score.items() if c not in known}


# --- choosing under the budget ---------------------------------------------------------------


@dataclass
class _Problem:
    """The candidates and the concepts they cover, as the solvers see them."""

    keys: list[tuple[int, int]]
    """(document, sentence) of each candidate."""
    lengths: np.ndarray
    cover: list[list[int]]
    """Per candidate, the indices of the weighted concepts it states."""
    weights: np.ndarray
    """Per concept, its weight."""
    exclusive: list[tuple[int, int]]
    """Pairs of candidates that say the same thing: at most one of each pair is chosen."""


def _problem(documents: Sequence[Document], keys: list[tuple[int, int]], weights: dict) -> _Problem:
    index: dict = {}
    cover = []
    for d, s in keys:
        row = []
        for c in concepts(documents[d].sentences[s]):
            if weights.get(c, 0.0) > 0:
                row.append(index.setdefault(c, len(index)))
        cover.append(row)
    w = np.zeros(len(index))
    for c, k in index.items():
        w[k] = weights[c]
    lengths = np.array([word_count(documents[d].sentences[s]) for d, s in keys], dtype=float)
    texts = [documents[d].sentences[s] for d, s in keys]
    return _Problem(keys, lengths, cover, w, _duplicate_pairs(texts))


def _duplicate_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs of candidates that say the same thing (`novelty.same_saying`)."""
    return same_saying(texts)


@contextmanager
def _solver_output_silenced():
    """HiGHS (1.x) prints its banner, and can print a stray debug line, to the process's standard
    output whatever its display setting (ERGO-Code/HiGHS#2783): while it solves, file descriptor
    1 points at the null device, so `briefing summarize` prints the summary and nothing else."""
    import os
    import sys

    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError):  # no standard output to protect
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _solve_ilp(p: _Problem, words: int, sentences: int | None) -> list[int] | None:
    """The candidates that cover the most concept weight within `words` (and at most
    `sentences` of them): max sum w_c z_c subject to sum len_s x_s <= words, z_c <= sum of x_s
    over the sentences stating c, x binary, 0 <= z <= 1 (integral at the optimum), at most one of
    each near-duplicate pair. A concept only one candidate states needs no z: its weight is that
    candidate's own (most concepts, so the programme stays small). None when the solver gives no
    solution."""
    n = len(p.keys)
    if n == 0 or len(p.weights) == 0:
        return []
    stated: list[list[int]] = [[] for _ in p.weights]
    for s, cs in enumerate(p.cover):
        for c in cs:
            stated[c].append(s)
    own = np.zeros(n)
    shared = [c for c, ss in enumerate(stated) if len(ss) > 1]
    for c, ss in enumerate(stated):
        if len(ss) == 1:
            own[ss[0]] += p.weights[c]
    # a sentence's small cost per word breaks ties toward the shorter summary: a sentence that
    # adds no concept is never chosen for nothing
    cost = np.concatenate([1e-4 * p.lengths - own, -p.weights[shared]])
    a, ub = _constraints(p, stated, shared, words, sentences)
    with _solver_output_silenced():
        x = solve_highs(cost, np.concatenate([np.ones(n), np.zeros(len(shared))]), a.tocsc(), ub)
    if x is None:
        return None
    return [s for s in range(n) if x[s] > 0.5]


def solve_highs(cost: np.ndarray, integer: np.ndarray, a, ub: np.ndarray) -> list[float] | None:
    """min cost.x subject to a.x <= ub, 0 <= x <= 1, x integral where `integer` is 1; `a` in
    compressed columns. HiGHS is given the programme and the options ``scipy.optimize.milp``
    gives it (no log, `SOLVER_SECONDS`), and its solution is read as milp reads it: the best
    found, also when the time ran out with one found; None when there is none."""
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("log_to_console", False)
    highs.setOptionValue("time_limit", float(SOLVER_SECONDS))
    n, m = cost.size, ub.size
    lp = highspy.HighsLp()
    lp.num_col_ = lp.a_matrix_.num_col_ = n
    lp.num_row_ = lp.a_matrix_.num_row_ = m
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = a.indptr, a.indices, a.data.astype(np.float64)
    lp.col_cost_ = cost.astype(np.float64)
    lp.col_lower_, lp.col_upper_ = np.zeros(n), np.ones(n)
    lp.row_lower_, lp.row_upper_ = np.full(m, -np.inf), ub.astype(np.float64)
    lp.integrality_ = [highspy.HighsVarType(int(k)) for k in integer.astype(np.uint8)]
    if highs.passModel(lp) == highspy.HighsStatus.kError or highs.run() == highspy.HighsStatus.kError:
        return None
    status = highs.getModelStatus()
    stopped = (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kIterationLimit,
               highspy.HighsModelStatus.kSolutionLimit)
    if status != highspy.HighsModelStatus.kOptimal and not (
            status in stopped and highs.getInfo().objective_function_value != highspy.kHighsInf):
        return None
    return list(highs.getSolution().col_value)


def _constraints(p: _Problem, stated: list[list[int]], shared: list[int], words: int, sentences: int | None):
    """The programme's rows (sparse) and upper bounds: each shared concept covered only by a
    chosen sentence, the word budget, the sentence cap, the near-duplicate pairs."""
    from scipy.sparse import coo_matrix

    n, m = len(p.keys), len(shared)
    rows, cols, vals = [], [], []
    for r, c in enumerate(shared):  # z_c - sum of x_s over the sentences stating c <= 0
        rows += [r] * (len(stated[c]) + 1)
        cols += stated[c] + [n + r]
        vals += [-1.0] * len(stated[c]) + [1.0]
    upper = [0.0] * m
    r = m
    sums = [(p.lengths, words)] + ([(np.ones(n), sentences)] if sentences is not None else [])
    for coefficients, bound in sums:  # sum of len_s x_s <= words; sum of x_s <= sentences
        rows += [r] * n
        cols += list(range(n))
        vals += list(coefficients)
        upper.append(float(bound))
        r += 1
    for x, y in p.exclusive:
        rows += [r, r]
        cols += [x, y]
        vals += [1.0, 1.0]
        upper.append(1.0)
        r += 1
    return coo_matrix((vals, (rows, cols)), shape=(r, n + m)).tocsr(), np.array(upper)


def _solve_greedy(p: _Problem, words: int, sentences: int | None) -> list[int]:
    """Greedy on the same objective (Lin and Bilmes' cost-scaled greedy): the candidate with the
    most new concept weight per word that still fits, until none adds any; then the best single
    candidate if it alone covers more."""
    covered = np.zeros(len(p.weights), dtype=bool)
    chosen: list[int] = []
    used = 0.0
    blocked: set[int] = set()
    partners: dict[int, set[int]] = {}
    for a, b in p.exclusive:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    while sentences is None or len(chosen) < sentences:
        best, best_ratio = None, 0.0
        for s, cs in enumerate(p.cover):
            if s in blocked or s in chosen or used + p.lengths[s] > words:
                continue
            gain = float(sum(p.weights[c] for c in cs if not covered[c]))
            if gain / p.lengths[s] > best_ratio:
                best, best_ratio = s, gain / p.lengths[s]
        if best is None:
            break
        chosen.append(best)
        used += p.lengths[best]
        covered[p.cover[best]] = True
        blocked |= partners.get(best, set())
    fits = [s for s in range(len(p.keys)) if p.lengths[s] <= words]
    if fits:
        single = max(fits, key=lambda s: float(p.weights[p.cover[s]].sum()))
        if float(p.weights[p.cover[single]].sum()) > float(p.weights[covered].sum()):
            return [single]
    return chosen


# --- order -----------------------------------------------------------------------------------


def _rank(p: _Problem, chosen: list[int], order_key, newest: list[bool]) -> list[int]:
    """The chosen candidates, the one that adds the most concept weight first (what an article
    of the newest date adds counting `NEWEST_FIRST` more), then each next the one that adds the
    most to those before it (ties: reading order). The first states the story's development
    best; the last adds least, so fitting a page drops it first."""
    covered = np.zeros(len(p.weights), dtype=bool)
    left = sorted(chosen, key=order_key)
    ranked = []
    lift = [1.0 + NEWEST_FIRST * newest[p.keys[s][0]] for s in range(len(p.keys))]

    def gain(s: int) -> float:
        return lift[s] * float(p.weights[[c for c in p.cover[s] if not covered[c]]].sum())

    while left:
        best = max(left, key=gain)
        ranked.append(best)
        left.remove(best)
        covered[p.cover[best]] = True
    return ranked


def _reading_key(documents: Sequence[Document]):
    """Sort key of a (document, sentence) pair for reading: by date (undated articles as the
    newest), then position in the article, then the story's order of articles."""
    days = [_days(d.date) for d in documents]
    newest = max((d for d in days if d), default=dt.date.min)
    return lambda key: ((days[key[0]] or newest).toordinal(), key[1], key[0])


def _summary(documents: Sequence[Document], ranked_keys: list[tuple[int, int]]) -> Summary:
    picks = {k: Pick(k[0], k[1], documents[k[0]].sentences[k[1]].strip()) for k in ranked_keys}
    reading = sorted(ranked_keys, key=_reading_key(documents))
    return Summary(sentences=[picks[k] for k in reading], ranked=[picks[k] for k in ranked_keys])


def _single(documents: Sequence[Document], keys: list[tuple[int, int]], d: int, words: int,
            sentences: int | None) -> list[tuple[int, int]]:
    """One article's own ranking (the `news` ranker), its candidates taken while they fit the
    budget, none repeating one taken."""
    allowed = {s for dd, s in keys if dd == d}
    texts = documents[d].sentences
    taken: list[int] = []
    used = 0
    for s in rank_sentences(list(texts)):
        if sentences is not None and len(taken) >= sentences:
            break
        if s not in allowed or used + word_count(texts[s]) > words:
            continue
        if any(near_duplicate(texts[s], texts[t]) for t in taken):
            continue
        taken.append(s)
        used += word_count(texts[s])
    return [(d, s) for s in taken]


MayState = Callable[[int, int], bool]
"""``may_state(document, sentence)``: whether the caller lets that sentence be stated (e.g. not
from an opinion column). Sentences it refuses still count as reports of their concepts."""


def summarize_documents(
    documents: Sequence[Document | Sequence[str]],
    *,
    words: int = DEFAULT_WORDS,
    sentences: int | None = None,
    known: Sequence[str] = (),
    may_state: MayState | None = None,
    solver: str = "ilp",
) -> Summary:
    """The summary of a story told by `documents` (one per article, the story's lead article
    first): whole sentences, never more than `words` words, at most `sentences` of them.

    `known`: sentences the reader already has (earlier days, the page's key points); what they
    say counts as covered. `solver`: ``"ilp"`` (exact, the default) or ``"greedy"``.
    """
    docs = [d if isinstance(d, Document) else Document(tuple(d)) for d in documents]
    if not docs or words <= 0 or (sentences is not None and sentences <= 0):
        return Summary()
    known = Known(known)
    keys = [(d, s) for d, doc in enumerate(docs[:STATING_ARTICLES])
            for s, text in enumerate(doc.sentences[:CANDIDATES_PER_ARTICLE])
            if word_count(text) <= words and may_summarize(text) and (may_state is None or may_state(d, s))]
    repeated = known.repeated([docs[d].sentences[s] for d, s in keys])
    keys = [k for n, k in enumerate(keys) if n not in repeated]
    told = [d for d, doc in enumerate(docs) if any(t.strip() for t in doc.sentences)]
    if len(told) <= 1:
        return _summary(docs, _single(docs, keys, told[0], words, sentences) if told else [])
    problem = _problem(docs, keys, concept_weights(docs, known.concepts))
    chosen = _solve_ilp(problem, words, sentences) if solver == "ilp" else None
    if chosen is None:
        chosen = _solve_greedy(problem, words, sentences)
    if not chosen:  # the articles share nothing to cover: the lead article's own summary
        return _summary(docs, _single(docs, keys, told[0], words, sentences))
    order_key = _reading_key(docs)
    newest = [w > 1.0 for w in document_weights(docs)] if NEWEST_BONUS > 0 else [False] * len(docs)
    ranked = _rank(problem, chosen, lambda s: order_key(problem.keys[s]), newest)
    return _summary(docs, [problem.keys[s] for s in ranked])

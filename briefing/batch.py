"""A day's inputs read and analysed, each article on its own, over the machine's cores.

`analyze_inputs(paths, options)` does what `briefing.ingest.load.load_articles` followed by
`briefing.analyze.article.analyze_article` on every English article does, with the same results
in the same order: one task an article file (read, clean, find its language and section, and
analyse it when it is in English), run by `briefing.workers` in worker processes past a handful
of files. Web inputs are fetched first, in this process (the fetcher's threads), and their
articles go to the same workers.

`AnalysisCache` keeps each file's outcome by its path and a hash of its bytes, so that a
rebuild (``briefing serve``) reads and analyses again only the files that changed.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.ingest.fetch import FetchSettings
from briefing.ingest.language import ENGLISH, identify
from briefing.ingest.load import PAGE_SUFFIXES, plan_inputs, read_bytes, read_input, read_web
from briefing.ingest.section import describe
from briefing.model import AnalyzedArticle, Article, BriefingError, InputError
from briefing.workers import Failure, Workers, start_method

Progress = Callable[[str], None]


@dataclass(frozen=True)
class AnalysisOptions:
    """What `analyze_article` is asked for (see there)."""

    sentences: int | None = 3
    words: int | None = None
    algorithm: str = "news"
    quotes_and_people: bool = True


@dataclass
class Outcome:
    """What became of one input article."""

    article: Article | None = None
    """None when the file could not be read (`error` says why)."""
    analyzed: AnalyzedArticle | None = None
    """None when the article is not in English, or could not be read or analysed."""
    error: InputError | None = None
    fatal: BriefingError | None = None
    """An error the analysis raised for the user to act on: it stops the run, as it would serially."""
    key: str | None = None
    """The content hash of the file as read (`AnalysisCache`)."""


def is_english(article: Article) -> bool:
    return article.language in ("", ENGLISH)


def analyze_one(article: Article, options: AnalysisOptions) -> Outcome:
    """The analysis of one read article, if it is in English; a failure is this article's alone."""
    if not is_english(article):
        return Outcome(article)
    # imported here: a small day's one worker imports the analysis while the main process
    # imports the page's stages (`pipeline.import_page_stages`), not before forking it
    from briefing.analyze.article import analyze_article

    try:
        analyzed = analyze_article(article, options.sentences, words=options.words, algorithm=options.algorithm,
                                   quotes_and_people=options.quotes_and_people)
    except BriefingError as exc:
        return Outcome(article, fatal=exc)
    except Exception as exc:  # a bug on one article must not cost the whole brief
        return Outcome(article, error=InputError(article.path, f"could not be analyzed ({type(exc).__name__}: {exc})"))
    from briefing.brief.features import event_features

    event_features(analyzed)  # kept on the article: the day's clustering reads it
    return Outcome(article, analyzed)


def content_key(path: Path, data: bytes, options: AnalysisOptions) -> str:
    """A file's identity for `AnalysisCache`: its path, its bytes, the saved record beside a
    ``.txt`` (which `read_article` reads instead) and the analysis asked for."""
    digest = hashlib.sha256()
    for part in (str(path).encode("utf-8", "surrogateescape"), data, _saved_record(path), repr(options).encode()):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def _saved_record(path: Path) -> bytes:
    if path.suffix.lower() != ".txt":
        return b""
    try:
        return path.with_suffix(".json").read_bytes()
    except OSError:
        return b""


def read_and_analyze(task: tuple[Path, AnalysisOptions]) -> Outcome:
    """One article file, read and analysed (the workers' task)."""
    path, options = task
    try:
        data = read_bytes(path)
    except InputError as exc:
        return Outcome(error=exc)
    key = content_key(path, data, options)
    try:
        article = read_input(path, data)
    except InputError as exc:  # the same bytes give the same error: kept like an article
        return Outcome(error=exc, key=key)
    outcome = analyze_one(article, options)
    outcome.key = key
    return outcome


def describe_and_analyze(task: tuple[Article, AnalysisOptions]) -> Outcome:
    """One web article: its language and section found, then analysed (the workers' task)."""
    article, options = task
    return analyze_one(describe(identify(article)), options)


class AnalysisCache:
    """Outcomes by content (`content_key`), kept between builds of one process (``serve``).

    An outcome is kept as the bytes it pickles to and handed out as a fresh copy, so that what a
    build does with its articles never reaches the next build."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}
        self.analysed: list[str] = []
        """The files the last build read and analysed (the others came from here)."""

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: str) -> Outcome | None:
        kept = self._kept.get(key)
        return pickle.loads(kept) if kept is not None else None

    def put(self, key: str, outcome: Outcome) -> None:
        if outcome.fatal is None:
            self._kept[key] = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)

    def keep_only(self, keys: set[str]) -> None:
        """Forget what the latest build did not use (edited files' old versions)."""
        self._kept = {k: v for k, v in self._kept.items() if k in keys}


@dataclass
class DayRead:
    """`analyze_inputs`'s answer."""

    articles: list[Article] = field(default_factory=list)
    """Every article read, in input order (English or not)."""
    analyzed: list[AnalyzedArticle] = field(default_factory=list)
    """The English ones, analysed, in input order."""
    read_errors: list[InputError] = field(default_factory=list)
    """Inputs that could not be read, in input order."""
    analysis_errors: list[InputError] = field(default_factory=list)
    """Articles whose analysis failed, in input order."""
    workers: int = 0
    """Worker processes used (0: all was done in this process)."""
    redone: int = 0
    """Articles read again in this process because a worker died."""


def _unread(path: Path, failure: Failure) -> Outcome:
    return Outcome(error=InputError(path, f"could not be read ({failure})"))


def _unanalysed(article: Article, failure: Failure) -> Outcome:
    return Outcome(article, error=InputError(article.path, f"could not be analyzed ({failure})"))


def _over_workers(fn: Callable[[tuple], object], jobs: list[tuple]) -> list:
    """`fn` on each job over worker processes past a handful of jobs (fetched pages: the
    fetcher's threads have finished by then)."""
    with Workers.for_items(len(jobs)) as pool:
        return pool.map(fn, jobs)


def _pool(workers: int | None, items: int, overlap: bool) -> Workers:
    """The pool for `items` tasks; with `overlap` (this process imports the page's stages
    meanwhile), one forked worker for a handful of them, when a core is idle (a worker from a
    forkserver would start slower than they take)."""
    if workers is None:
        return Workers.for_items(items, overlap=overlap and start_method() == "fork")
    return Workers(workers if workers > 1 else 0)


def _load_before_forking(files: list[Path]) -> None:
    """What every worker would load for itself, loaded here once before they are forked: the
    sources of names, the IPTC table, trafilatura when there are web pages to read (half a
    second to a second of CPU per worker otherwise, measured on the aeb day)."""
    from briefing.analyze import gazetteer
    from briefing.ingest import section

    gazetteer.load_all()
    section.load_vocabulary()
    if any(path.suffix.lower() in PAGE_SUFFIXES for path in files):
        import briefing.ingest.webpage  # noqa: F401
        import trafilatura  # noqa: F401


def analyze_inputs(
    paths,
    options: AnalysisOptions = AnalysisOptions(),
    *,
    fetch: FetchSettings | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    cache: AnalysisCache | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> DayRead:
    """Read and analyse everything `paths` name (files, folders, URLs, feeds, OPML).

    `workers`: worker processes (None: as `briefing.workers.wanted_workers` decides; 1: none, all
    in this process). `cache`: outcomes kept between calls, by content. `meanwhile()` is called
    once the work is handed out, for this process to do its own work while the workers do theirs
    (with no workers it comes first, then the articles).
    `progress` hears "analysing 12/80" as articles are analysed (80: every input article, so a
    day with pages in other languages or unreadable files ends below 80/80).
    Raises the first `BriefingError` an analysis raised, as a serial run would.
    """
    plan = plan_inputs(paths)
    web_articles, web_errors = read_web(plan.web, fetch, progress,
                                        map_pages=None if workers == 1 else _over_workers)
    outcomes: list[Outcome | None] = [_cached(cache, path, options) if cache is not None else None
                                      for _, path in plan.files]
    todo = [k for k, outcome in enumerate(outcomes) if outcome is None]
    total = len(outcomes) + len(web_articles)
    analysed = [sum(1 for o in outcomes if o is not None and o.analyzed is not None)]

    def told(_done: int, _total: int, result) -> None:  # counts what was analysed (of all read)
        if progress and isinstance(result, Outcome) and result.analyzed is not None:
            analysed[0] += 1
            progress(f"analysing {analysed[0]}/{total}")

    with _pool(workers, len(todo) + len(web_articles), overlap=meanwhile is not None) as pool:
        if pool.forks and pool.count > 1:  # what one worker loads, it loads while this process works
            _load_before_forking([plan.files[k][1] for k in todo])
        files = pool.submit(read_and_analyze, [(plan.files[k][1], options) for k in todo])
        web = pool.submit(describe_and_analyze, [(article, options) for _, article in web_articles])
        if meanwhile is not None:
            meanwhile()
        for k, result in zip(todo, files.results(told)):
            outcomes[k] = _unread(plan.files[k][1], result) if isinstance(result, Failure) else result
        web_outcomes = [_unanalysed(article, r) if isinstance(r, Failure) else r
                        for (_, article), r in zip(web_articles, web.results(told))]
    if cache is not None:
        _remember(cache, [plan.files[k][1] for k in todo], outcomes)
    day = _in_input_order(plan.errors, [slot for slot, _ in plan.files], outcomes, web_articles, web_outcomes,
                          web_errors)
    day.workers, day.redone = pool.count, pool.redone
    return day


def _cached(cache: AnalysisCache, path: Path, options: AnalysisOptions) -> Outcome | None:
    try:
        data = read_bytes(path)
    except InputError:
        return None  # the task names the problem
    return cache.get(content_key(path, data, options))


def _remember(cache: AnalysisCache, analysed: list[Path], outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        if outcome.key is not None:
            cache.put(outcome.key, outcome)
    cache.keep_only({o.key for o in outcomes if o.key is not None})
    cache.analysed = [str(p) for p in analysed]


def _in_input_order(slot_errors: list[list[InputError]], file_slots: list[int], outcomes: list[Outcome],
                    web_articles: list[tuple[int, Article]], web_outcomes: list[Outcome],
                    web_errors: list[tuple[int, InputError]]) -> DayRead:
    """The outcomes put back in input order, as `load_articles` orders them: by slot (each path
    given), a slot's own errors first, then its files, then its web articles and errors."""
    by_slot: list[list[Outcome]] = [[] for _ in slot_errors]
    errors = [list(e) for e in slot_errors]
    for slot, outcome in zip(file_slots, outcomes):
        if outcome.article is None:
            errors[slot].append(outcome.error)
        else:
            by_slot[slot].append(outcome)
    for (slot, _), outcome in zip(web_articles, web_outcomes):
        by_slot[slot].append(outcome)
    for slot, error in web_errors:
        errors[slot].append(error)
    ordered = [o for slot in by_slot for o in slot]
    fatal = next((o.fatal for o in ordered if o.fatal is not None), None)
    if fatal is not None:
        raise fatal
    return DayRead(
        articles=[o.article for o in ordered],
        analyzed=[o.analyzed for o in ordered if o.analyzed is not None],
        read_errors=[e for slot in errors for e in slot],
        analysis_errors=[o.error for o in ordered if o.error is not None],
    )

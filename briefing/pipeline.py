"""The whole run, ingest to written files, as plain functions a user can call.

    >>> from briefing.pipeline import build
    >>> result = build(["seeds/"], out_dir="out")
    >>> result.outputs["pdf"]
    PosixPath('out/brief.pdf')
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.batch import AnalysisCache, AnalysisOptions, analyze_inputs, is_english
from briefing.ingest.fetch import FetchSettings
from briefing.ingest.language import language_name, language_notes
from briefing.memo import Memo
from briefing.model import AnalyzedArticle, Article, Brief, BriefingError, InputError

if TYPE_CHECKING:
    from briefing.brief.history import EarlierBrief
    from briefing.brief.multidoc import Summary

Progress = Callable[[str], None]


class NoUsableInputError(BriefingError):
    """Every input was unusable; the message has one line per file."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        lines = [str(e) for e in errors] or ["no input files found"]
        super().__init__("\n".join(lines))


@dataclass
class BuildResult:
    brief: Brief
    outputs: dict[str, Path]
    skipped: list[InputError] = field(default_factory=list)
    pages: int = 1
    """Pages the PDF has: always 1 unless even the barest brief overflowed."""
    layouts: int = 1
    """WeasyPrint layouts fitting the page took (`RenderedBrief.renders`)."""
    reused: int = 0
    """Of `layouts`, those a `memo` held from the previous build (the same HTML): not laid out again."""


def analyze_paths(
    paths: Iterable[str | Path],
    *,
    sentences: int | None = 3,
    words: int | None = None,
    algorithm: str = "news",
    progress: Progress | None = None,
    fetch: FetchSettings | None = None,
    quotes_and_people: bool = True,
    not_analysed: list[Article] | None = None,
    workers: int | None = None,
    cache: AnalysisCache | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[list[AnalyzedArticle], list[InputError]]:
    """Ingest and analyze every article under `paths` (files, folders, URLs, feeds, OPML).

    Returns the analyzed articles and one `InputError` per input that could not be used.
    Articles not in English are never analysed (their sentences would be summarised as English);
    they are added to `not_analysed` when a list is given.
    Raises `NoUsableInputError` when no input could be used. `fetch` sets the rules for web
    inputs (cache, offline, robots, private hosts); see `briefing.ingest.fetch.FetchSettings`.
    Without `quotes_and_people`, only sentences and summaries are found.
    The articles are read and analysed in worker processes past a handful of them (`workers`:
    how many, 1 for none; results are the same either way); `cache` keeps them between calls by
    content, and `meanwhile()` runs here while the workers work (see `briefing.batch`).
    """
    options = AnalysisOptions(sentences, words, algorithm, quotes_and_people)
    day = analyze_inputs(list(paths), options, fetch=fetch, progress=progress, workers=workers, cache=cache,
                         meanwhile=meanwhile)
    errors = list(day.read_errors)
    other = [a for a in day.articles if not is_english(a)]
    if not_analysed is not None:
        not_analysed.extend(other)
    if len(other) == len(day.articles) and other:
        errors += [InputError(a.path, f"in {language_name(a.language)}: not analysed (the brief reads English)")
                   for a in other]
    errors += day.analysis_errors
    if not day.analyzed:
        raise NoUsableInputError(errors)
    return day.analyzed, errors


@dataclass
class StorySummaryResult:
    """What `summarize_paths` returns: the summary and the articles it was drawn from."""

    summary: Summary
    """Its picks name articles by index into `articles`."""
    articles: list[AnalyzedArticle]
    skipped: list[InputError] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "summary": self.summary.text,
            "sentences": [{"text": p.text, "article": p.document, "sentence": p.sentence}
                          for p in self.summary.sentences],
            "articles": [{"path": a.article.path, "url": a.article.url, "title": a.article.title,
                          "source": a.article.source, "date": a.article.date} for a in self.articles],
        }


def summarize_paths(
    paths: Iterable[str | Path],
    *,
    words: int | None = None,
    sentences: int | None = None,
    progress: Progress | None = None,
    fetch: FetchSettings | None = None,
) -> StorySummaryResult:
    """The articles under `paths` taken as one story, summarized as a story's block on the page
    is (`briefing.brief.stories.story_summary`): whole sentences, at most `words` words (None:
    `multidoc.DEFAULT_WORDS`, 100) and `sentences` sentences. Near-duplicate copies count once, as
    on the page."""
    from briefing.brief.duplicates import find_duplicates
    from briefing.brief.multidoc import DEFAULT_WORDS
    from briefing.brief.stories import story_summary

    analyzed, errors = analyze_paths(paths, progress=progress, fetch=fetch, quotes_and_people=False)
    copies = {c for cs in find_duplicates(analyzed).values() for c in cs}
    members = [i for i in range(len(analyzed)) if i not in copies]
    summary = story_summary(analyzed, members, words=DEFAULT_WORDS if words is None else words, sentences=sentences)
    return StorySummaryResult(summary=summary, articles=analyzed, skipped=errors)


def earlier_briefs(paths: Iterable[str | Path], date: dt.date) -> list[EarlierBrief]:
    """The briefs `--since` names, read (oldest first); `InputError` naming the one that cannot
    be read or is not dated before `date`."""
    paths = list(paths)
    if not paths:
        return []
    from briefing.brief.history import load_history

    history = load_history(paths)
    for b in history:
        if b.date >= date:
            raise InputError(b.path, f"dated {b.date.isoformat()}: --since takes briefs before {date.isoformat()}")
    return history


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path = "out",
    *,
    title: str | None = None,
    date: dt.date | None = None,
    page_size: str = "a4",
    sentences: int | None = 3,
    words: int | None = None,
    algorithm: str = "news",
    template_dir: str | Path | None = None,
    progress: Progress | None = None,
    focus: Sequence[str] = (),
    only_focus: bool = False,
    fetch: FetchSettings | None = None,
    skipped: Iterable[InputError] = (),
    beats: Sequence[str] | None = None,
    exclude_beats: Sequence[str] | None = None,
    since: Iterable[str | Path] = (),
    workers: int | None = None,
    cache: AnalysisCache | None = None,
    memo: Memo | None = None,
) -> BuildResult:
    """Build the one-page brief from `paths` and write brief.pdf, .html and .json to `out_dir`.

    Stories about `focus` rank first; with `only_focus` the others are left out. Stories on the
    `beats` lead (default `briefing.brief.rank.DEFAULT_BEATS`: politics, world, economy), then other
    news of public interest; stories on `exclude_beats` (default: commerce) are not shown. `since`
    names earlier briefs (folders or brief.json files, dated before `date`): a story that continues
    one of theirs is marked so, and their latest's stories with no article today are named.
    `workers` and `cache` are `analyze_paths`'s (worker processes; outcomes kept by content);
    `memo` keeps the stories' summaries and the page's layouts for the next build in this process
    (``serve``: what one edited article leaves unchanged is not made again; `briefing.memo`).
    """
    from briefing.render.outputs import prepare_output_folder
    from briefing.render.page import check_page_size, template_dirs

    # what can fail without reading an article fails first
    prepare_output_folder(out_dir)
    template_dirs(template_dir)
    check_page_size(page_size)
    unread: list[Article] = []
    date = date or dt.date.today()
    history = earlier_briefs(since, date)
    analyzed, errors = analyze_paths(
        paths, sentences=sentences, words=words, algorithm=algorithm, progress=progress, fetch=fetch,
        not_analysed=unread, workers=workers, cache=cache,
        meanwhile=None if page_stages_imported() else import_page_stages,
    )
    from briefing.brief.assemble import assemble_brief
    from briefing.brief.history import link_previous_pages
    from briefing.render.fit import fit_to_page
    from briefing.render.outputs import write_outputs

    brief = assemble_brief(analyzed, title=title, date=date, page_size=page_size,
                           focus=focus, only_focus=only_focus, beats=beats, exclude_beats=exclude_beats,
                           history=history, memo=memo)
    brief.not_analysed = unread
    brief.omitted = [*brief.omitted, *language_notes(unread)]
    link_previous_pages(brief.stories, history, out_dir)
    errors = [*skipped, *errors]  # inputs a caller could not use before the build (e.g. feed pages)
    brief.skipped = [str(e) for e in errors]
    if progress:
        progress("laying out the page")
    rendered = fit_to_page(brief, template_dir, memo)
    outputs = write_outputs(rendered.brief, Path(out_dir), template_dir=template_dir, rendered=rendered)
    if memo is not None:
        memo.end_build()
    return BuildResult(brief=rendered.brief, outputs=outputs, skipped=errors, pages=rendered.pages,
                       layouts=rendered.renders, reused=rendered.reused)


def page_stages_imported() -> bool:
    """Whether this process has imported what `import_page_stages` imports (a second build in
    one process, as ``serve`` makes them, has nothing to do while workers analyse)."""
    return all(name in sys.modules for name in ("weasyprint", "highspy", "briefing.render.outputs"))


def import_page_stages() -> None:
    """Import what assembling and printing the brief need (HiGHS, WeasyPrint): about half a
    second of start-up that `build` spends while worker processes read and analyse."""
    import highspy  # noqa: F401  (HiGHS: the story summaries' integer programmes)
    import weasyprint  # noqa: F401

    import briefing.brief.assemble  # noqa: F401
    import briefing.render.fit  # noqa: F401
    import briefing.render.outputs  # noqa: F401

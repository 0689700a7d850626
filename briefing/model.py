"""The typed records that pass between the stages.

Data flows one way: ingest makes an `Article`; analyze turns it into an
`AnalyzedArticle` (sentences, summary, quotes, participants); assemble merges
those into a `Brief`; render and deliver only read a `Brief`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into `Article.text`."""

SCHEMA_VERSION = "2.0"
"""The version of the JSON records (brief.json, ``analyze --json``), "MAJOR.MINOR": the major
changes when a key is renamed, removed or changes meaning, the minor when one is added. The
shapes are `briefing/schemas/brief.schema.json` and `analysis.schema.json`."""


def article_id(index: int) -> str:
    """The id of a record's article: "a1" for the first of its `articles`. Every reference to an
    article in a JSON record (key points, quotes, stories, participants) is this id."""
    return f"a{index + 1}"


def article_ids(paths: Iterable[str]) -> dict[str, str]:
    """`Article.path` -> the article's id in a record listing the articles in this order (the
    first article of a path, should two share one)."""
    ids: dict[str, str] = {}
    for k, path in enumerate(paths):
        ids.setdefault(path, article_id(k))
    return ids


class BriefingError(Exception):
    """An error a user can act on; the CLI prints it as one line, no traceback."""


class InputError(BriefingError):
    """An input file that cannot be used, with the file named in the message."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        self._given = path
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):
        """Pickled as the path and reason it was made with (worker processes send it back)."""
        return type(self), (self._given, self.reason)


@dataclass
class Article:
    """A cleaned article, as ingest returns it."""

    path: str
    title: str
    paragraphs: list[str]
    byline: str | None = None
    source: str | None = None
    """The publication, where the text gives it (e.g. an e-mail domain or agency credit)."""
    date: str | None = None
    """ISO date the text gives, if any."""
    title_derived: bool = False
    """True when the article had no headline and `title` was made from its lead."""
    removed: list[str] = field(default_factory=list)
    """Lines cleaning took out (captions, credits, duplicate headline), for the record."""
    url: str | None = None
    """Where the article was read from on the web (canonical, else final URL); None for files."""
    notes: list[str] = field(default_factory=list)
    """What ingest had to do differently for this article, said rather than hidden (e.g. a feed
    entry's own text used because its page could not be fetched)."""
    section: str = ""
    """What the article is about, one of `briefing.ingest.section.SECTIONS` ("politics", "world",
    ..., "sport", "commerce", "other"); "" until ingest has classified it."""
    opinion: bool = False
    """True for argued writing: opinion columns, editorials, op-eds, commentary."""
    language: str = ""
    """ISO 639-1 code of the article's language ("en"); "" until ingest has identified it."""
    meta: dict[str, list[str]] = field(default_factory=dict)
    """What the page or the feed says about the article, as it says it: schema.org ``types``,
    ``sections`` (``articleSection``, ``article:section``), ``categories`` (a feed entry's),
    ``keywords``; what `section` and `opinion` are read from besides the text."""

    @property
    def text(self) -> str:
        """The body: paragraphs separated by a blank line. Spans index into this."""
        return "\n\n".join(self.paragraphs)


@dataclass
class Quote:
    """A direct quote: the words inside the marks, and who said them."""

    text: str
    """The quoted words without the outer quote marks."""
    speaker: str | None
    """The fullest name the article gives the speaker."""
    title: str | None = None
    sentence: int = 0
    """Index into `AnalyzedArticle.sentences` of the sentence where the quote starts."""
    span: Span = (0, 0)
    """Where `text` stands in `Article.text`."""
    article: str = ""
    """`Article.path` of the article it comes from."""
    score: float = 0.0
    """How strongly the brief should prefer it; higher is better."""
    speaker_kind: str = "person"
    """What the speaker is: "person", "organisation" or "group"."""
    sources: list[str] = field(default_factory=list)
    """`Article.path` of every article that carries this quote (the brief merges copies)."""
    cue: str | None = None
    """The words that attribute the quote, as the text writes them ("said Smith", "according to
    the ministry", "she told reporters"); None when nothing in its sentence does (a quote that
    continues a speaker's turn)."""
    attribution: str = "explicit"
    """How the speaker was found: "explicit" (named or described in the quote's own sentence or its
    attribution clause), "resolved" (a pronoun, surname, description or the running speaker
    resolved to a name with confidence) or "uncertain" (a guess, or no speaker). The analysis
    always sets it; a quote made by hand is taken as the caller's word."""

    def to_json(self, ids: dict[str, str]) -> dict:
        """The quote's record; `ids` maps an article's path to its id in the record (`article_ids`)."""
        sources = [ids[p] for p in dict.fromkeys(self.sources or [self.article]) if p in ids]
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "cue": self.cue,
            "attribution": self.attribution,
            "title": self.title,
            "article": ids.get(self.article),
            "sentence": self.sentence,
            "sources": sources,
        }


@dataclass
class Participant:
    """A person the articles name."""

    name: str
    title: str | None = None
    affiliation: str | None = None
    """A country or an organization."""
    quoted: bool = False
    mentions: int = 1
    articles: list[str] = field(default_factory=list)
    """Paths of the articles that name this person."""

    def to_json(self, ids: dict[str, str]) -> dict:
        """The person's record; `ids` maps an article's path to its id in the record (`article_ids`)."""
        return {
            "name": self.name,
            "title": self.title,
            "affiliation": self.affiliation,
            "quoted": self.quoted,
            "mentions": self.mentions,
            "articles": [ids[p] for p in dict.fromkeys(self.articles) if p in ids],
        }


@dataclass
class AnalyzedArticle:
    """An article with what analysis found in it."""

    article: Article
    sentences: list[str]
    spans: list[Span]
    """Where each sentence stands in `article.text`."""
    summary: list[int]
    """Indices into `sentences`, in article order, best summary first by `summary_rank`."""
    quotes: list[Quote] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    summary_rank: list[int] = field(default_factory=list)
    """The summary indices from most to least important (what fitting drops last to first)."""
    ranking: list[int] = field(default_factory=list, compare=False, repr=False)
    """Every sentence index, most important first, by the ``news`` ranker, when analysis used it
    (story summaries and key points ask for it again: `analyze.summarize.remember_ranking`)."""
    features: dict | None = field(default=None, compare=False, repr=False)
    """The article's event features (`brief.features.event_features`), once found: clustering and
    the story record read them, and a worker process finds them beside the analysis."""
    printed: list[int] | None = None
    """Indices into `sentences` that the page prints from this article (in a story block or as a
    key point), in article order; None until the brief is fitted to a page (`render.fit`)."""

    def to_json(self, own_id: str, ids: dict[str, str] | None = None) -> dict:
        """The article's record, with `own_id` its id in the record; `ids` maps the record's
        articles' paths to their ids (this article's alone when not given). ``printed`` only for an
        article of a brief fitted to a page."""
        a = self.article
        ids = ids if ids is not None else {a.path: own_id}
        printed = {} if self.printed is None else {"printed": [self.sentences[i] for i in sorted(self.printed)]}
        return {
            "id": own_id,
            "path": a.path,
            "url": a.url,
            "title": a.title,
            "title_derived": a.title_derived,
            "byline": a.byline,
            "source": a.source,
            "date": a.date,
            "notes": a.notes,
            "section": a.section,
            "opinion": a.opinion,
            "language": a.language,
            "sentences": self.sentences,
            "summary": [self.sentences[i] for i in sorted(self.summary)],
            **printed,
            "quotes": [q.to_json(ids) for q in self.quotes],
            "participants": [p.to_json(ids) for p in self.participants],
        }


@dataclass
class KeyPoint:
    """One bullet of the multi-document summary."""

    text: str
    article: int
    """Index into `Brief.articles`."""
    sentence: int
    story: str | None = None
    """`Story.id` of the story this point reports."""

    def to_json(self) -> dict:
        """The point's record: its text, the id of its article (`article_id`), the sentence's
        index in that article's `sentences`, its story's id."""
        return {"text": self.text, "article": article_id(self.article), "sentence": self.sentence,
                "story": self.story}


@dataclass
class Story:
    """Articles that report the same real-world event, ranked within the day."""

    id: str
    title: str
    articles: list[int]
    """Indices into the day's articles (`Brief.articles`), the story's lead article first."""
    outlets: list[str] = field(default_factory=list)
    """Distinct publications that carried it, most prominent first."""
    summary: list[tuple[int, int]] = field(default_factory=list)
    """(article index, sentence index) pairs: the story's summary drawn from its articles, in
    reading order (by date, then position)."""
    summary_rank: list[tuple[int, int]] = field(default_factory=list)
    """The same pairs best first: the first states the story's development best, fitting a page
    drops from the end."""
    duplicates: dict[int, list[int]] = field(default_factory=dict)
    """Article index -> indices of near-duplicate copies of it (same wire story, updates)."""
    score: float = 0.0
    """Rank score: coverage, outlets, prominence, recency and the brief's focus."""
    focus: bool = False
    """True when the story matches the brief's focus."""
    shown: bool = True
    """False when the page leaves the story out (fitting, --only-focus, an excluded beat)."""
    section: str = ""
    """The story's beat: the section most of its reports have (`briefing.brief.rank`)."""
    beat_label: str = ""
    """How the page's note of stories left out names this story's beat: "sport", "shopping" for
    the light beats (`briefing.brief.rank.beat_label`); "" for the rest, which the note counts."""
    opinion: bool = False
    """True when every report in the story is opinion (argument, not news)."""
    status: str = "new"
    """"new", or "continuing" when an earlier brief reported the same event
    (`briefing.brief.history`)."""
    first_seen: dt.date | None = None
    """A continuing story: the date of the first brief that reported it."""
    previous: dict | None = None
    """A continuing story: the latest earlier brief's story (``id``, ``date``, ``title``,
    ``day``, ``anchor``; ``href`` to that brief's page from this one's folder, when known)."""
    day: int = 1
    """How many briefs have reported the story, this one included."""
    known: list[str] = field(default_factory=list)
    """A continuing story: what earlier briefs' articles of it said (for an update summary:
    what the reader already knows)."""
    event: list[dict] = field(default_factory=list)
    """Per article (copies aside), what a later brief matches it by: ``article`` (its index in
    the day's articles), ``date`` and the strongest event terms
    (`briefing.brief.history.story_evidence`)."""
    printed: list[tuple[int, int]] | None = None
    """The (article index, sentence index) pairs the story's block prints, in reading order ([]
    when the page shows no block of it); None until the brief is fitted to a page."""

    def to_json(self, articles: list[AnalyzedArticle]) -> dict:
        """The story's record; `articles` are the record's, in its order (ids by `article_id`).
        ``printed`` only for a story of a brief fitted to a page."""
        def sentences(pairs: list[tuple[int, int]]) -> list[dict]:
            return [{"article": article_id(a), "sentence": s, "text": articles[a].sentences[s]} for a, s in pairs]

        return {
            "id": self.id,
            "title": self.title,
            "articles": [article_id(i) for i in self.articles],
            "outlets": self.outlets,
            "summary": sentences(self.summary),
            **({} if self.printed is None else {"printed": sentences(self.printed)}),
            "focus": self.focus,
            "shown": self.shown,
            "section": self.section,
            "opinion": self.opinion,
            "status": self.status,
            "day": self.day,
            "first_seen": self.first_seen.isoformat() if self.status == "continuing" and self.first_seen else None,
            "previous": self.previous if self.status == "continuing" else None,
            "event": [{"article": article_id(e["article"]), **{k: v for k, v in e.items() if k != "article"}}
                      for e in self.event],
        }


@dataclass
class Brief:
    """Everything the page shows, chosen and ranked; render lays it out."""

    title: str
    date: dt.date
    articles: list[AnalyzedArticle]
    key_points: list[KeyPoint] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    """The day's stories, best first; each groups articles by the event they report."""
    focus: list[str] = field(default_factory=list)
    """The analyst's focus terms (stories about them rank first)."""
    page_size: str = "a4"
    omitted: list[str] = field(default_factory=list)
    """What fitting to one page left out, said in words (shown in the JSON and on the page)."""
    skipped: list[str] = field(default_factory=list)
    """Input files that could not be used, each with its reason."""
    not_analysed: list[Article] = field(default_factory=list)
    """Articles in a language the brief does not read: listed, never summarised."""
    since: list[dict] = field(default_factory=list)
    """The earlier briefs the stories were matched against (``date``, ``path``), oldest first."""
    quiet: list[dict] = field(default_factory=list)
    """Stories on the latest earlier brief's page with no article today (``id``, ``title``,
    ``date``): the page names them in one line, "No new reports"."""

    def to_json(self) -> dict:
        """brief.json's record (`briefing/schemas/brief.schema.json`): articles are referred to by
        their id (`article_id`, their place in ``articles``). The schema describes the record of a
        brief fitted to a page (`render.fit.fit_to_page`'s, as brief.json is written); before
        fitting, articles and stories have no ``printed``."""
        ids = article_ids(a.article.path for a in self.articles)
        return {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "date": self.date.isoformat(),
            "page_size": self.page_size,
            "focus": self.focus,
            "key_points": [k.to_json() for k in self.key_points],
            "stories": [s.to_json(self.articles) for s in self.stories],
            "articles": [a.to_json(article_id(k), ids) for k, a in enumerate(self.articles)],
            "quotes": [q.to_json(ids) for q in self.quotes],
            "participants": [p.to_json(ids) for p in self.participants],
            "omitted": self.omitted,
            "skipped": self.skipped,
            "not_analysed": [unread_json(a) for a in self.not_analysed],
            "since": self.since,
            "no_new_reports": self.quiet,
        }


def unread_json(a: Article) -> dict:
    """An article the brief did not analyse (another language): where it is, what it is, its text."""
    return {"path": a.path, "url": a.url, "title": a.title, "source": a.source, "date": a.date,
            "language": a.language, "section": a.section, "opinion": a.opinion, "text": a.text}

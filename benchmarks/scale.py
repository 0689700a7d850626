"""Scale benchmark: a ~5 MB article and a folder of 500, through ingest and through the whole pipeline.

Run from the repository root:  .venv/bin/python benchmarks/scale.py [--mb 5] [--files 500]
                               [--part all|ingest|build|growth|sizes] [--tracemalloc] [--profile CASE]
                               [--sizes 250 500 1000 2000]

Part 4 (sizes, issue 19): `build` on generated days of 250, 500, 1000 and 2000 articles, three
articles to each invented event (people, places and works of its own, the genre's words shared),
each size in a fresh subprocess: wall time, CPU time (the process and its worker processes),
each stage, peak resident memory of the main process and of the largest worker, and the ratio
of each doubling (the issue's limit: 2.2x; peak under 1 GiB at 2,000).

Everything is generated in a temporary folder (no network, nothing from ../shared).

Part 3 (growth): how the time of reading and analysing one text grows with its size, for
0.25, 0.5, 1 and 2 MB of (a) one seed article repeated on one line (the same people named and
quoted again and again, as in a long transcript or live blog) and (b) varied generated
articles, one after another. Linear cost doubles the time with each doubling of the size.

Part 1 (ingest): ingest and sentence splitting of the generated inputs, in this process. Times and
peak memory are given as ratios against a baseline measured in the same run on the same bytes:
reading the file(s) with plain ``Path.read_text`` (and, for memory, the size of the text).
Peak memory is Python's allocation peak (tracemalloc), which is what our code controls.
The same process also checks the bad-input handling on a folder of good and bad files.

Part 2 (build): ``briefing.pipeline.build(paths, out_dir=tmp)``, the real function, on
(a) one generated ~5 MB article and (b) a generated folder of 500 distinct 2-6 KB articles,
both made of varied news sentences (quotes with attributions, names with titles, no line
repeated), against two baselines: the two seed articles (``seeds/``) built the same way, and a
process that imports the pipeline and WeasyPrint and only reads the same bytes. Each case runs in
its own subprocess so that its peak resident memory (VmHWM, i.e. the
process's own ru_maxrss) is that case's alone. The stages
are timed by wrapping the functions ``build`` calls (load_articles, analyze_article,
assemble_brief, fit_to_page, write_outputs; inside fitting, WeasyPrint layouts and PDF writing).
Each output is checked: the PDF has exactly one page (pypdf), the JSON says what was left out.
``--tracemalloc`` adds a second pass per case for Python's allocation peak per stage (slower);
``--profile CASE`` (big, folder or seeds) runs that case once more under cProfile.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.ingest.load import load_articles, read_article  # noqa: E402

try:  # another engineer's module; the benchmark still runs without it
    from briefing.analyze.sentences import sentence_spans  # noqa: E402
except Exception:  # pragma: no cover
    sentence_spans = None

SLOW_SECONDS = 60.0
"""A case slower than this (or a page that overflows) is reported and profiled with --profile."""

NAMES = ["Daniel Russel", "Kim Kyou-hyun", "Lee Soo-hyuck", "James Kelly", "Yoon Young-kwan"]
PLACES = ["Seoul", "Tokyo", "Beijing", "Washington", "Pyongyang", "Moscow"]
VERBS = ["said", "told reporters", "added", "noted", "stressed"]
WORDS = (
    "the talks officials nuclear program six-party negotiators proposal security guarantee energy "
    "assistance inspections regime allies ministry statement region sanctions dialogue summit "
    "agreement delegation envoy week plan"
).split()


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 22)))
    if kind < 0.25:
        return f"\u201c{body.capitalize()},\u201d {rng.choice(NAMES)} {rng.choice(VERBS)} in {rng.choice(PLACES)}."
    if kind < 0.35:
        return f"U.S. and Sept. {rng.randint(1, 28)} {body}."
    return f"{rng.choice(NAMES)} on Friday {body} in {rng.choice(PLACES)}."


def article(rng: random.Random, size: int, wrapped: bool = False) -> str:
    parts = ["Allies Fine-Tune NK Proposal in Tokyo", "Allies Fine-Tune NK Proposal in Tokyo"]
    n = len(parts[0]) * 2
    i = 0
    while n < size:
        para = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        if i % 17 == 5:
            para = f"{rng.choice(NAMES)}, a diplomat, answers questions in Seoul on Friday. (Yonhap News)"
        if wrapped and i % 5 == 0:
            words, line, lines = para.split(), [], []
            for w in words:
                line.append(w)
                if len(" ".join(line)) > 60:
                    lines.append(" ".join(line))
                    line = []
            lines.append(" ".join(line))
            para = "\n".join(x for x in lines if x)
        parts.append(para)
        n += len(para) + 1
        i += 1
    parts.append("By Shin Hyon-hee (\nheeshin@heraldcorp.com)")
    return "\n".join(parts) + "\n"


def measure(fn):
    """(result, seconds, peak bytes): timed on its own, then run again under tracemalloc."""
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    del result
    tracemalloc.start()
    result = fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}x" if b else "n/a"


# --- realistic generated news (for the whole-pipeline cases) ---------------------------------

PEOPLE = [  # (name, title, affiliation)
    ("Daniel Russel", "assistant secretary of state for East Asian and Pacific affairs", "United States"),
    ("Glyn Davies", "special representative for North Korea policy", "United States"),
    ("Sung Kim", "ambassador to South Korea", "United States"),
    ("Wendy Sherman", "under secretary of state for political affairs", "United States"),
    ("Yun Byung-se", "foreign minister", "South Korea"),
    ("Ryoo Kihl-jae", "unification minister", "South Korea"),
    ("Cho Tae-yong", "special representative for Korean Peninsula peace and security affairs", "South Korea"),
    ("Kim Kyou-hyun", "first vice foreign minister", "South Korea"),
    ("Han Min-koo", "defense minister", "South Korea"),
    ("Park Geun-hye", "president", "South Korea"),
    ("Wu Dawei", "special representative for Korean Peninsula affairs", "China"),
    ("Wang Yi", "foreign minister", "China"),
    ("Hong Lei", "foreign ministry spokesman", "China"),
    ("Fumio Kishida", "foreign minister", "Japan"),
    ("Junichi Ihara", "director-general of the Asian and Oceanian Affairs Bureau", "Japan"),
    ("Igor Morgulov", "deputy foreign minister", "Russia"),
    ("Kim Kye-gwan", "first vice foreign minister", "North Korea"),
    ("Ri Yong-ho", "chief nuclear negotiator", "North Korea"),
    ("Yoo Ho-yeol", "professor of North Korean studies at Korea University", "South Korea"),
    ("Bonnie Glaser", "senior adviser at the Center for Strategic and International Studies", "United States"),
    ("Victor Cha", "Korea chair at the Center for Strategic and International Studies", "United States"),
    ("Nam Sung-wook", "president of the Institute for National Security Strategy", "South Korea"),
    ("Kim Yong-hyun", "professor at Dongguk University", "South Korea"),
    ("Scott Snyder", "senior fellow at the Council on Foreign Relations", "United States"),
    ("Choi Jin-wook", "president of the Korea Institute for National Unification", "South Korea"),
    ("Lee Jong-seok", "former unification minister", "South Korea"),
    ("Chung Eui-yong", "national security adviser", "South Korea"),
    ("Robert King", "special envoy for North Korean human rights", "United States"),
    ("Shinzo Abe", "prime minister", "Japan"),
    ("Sergei Lavrov", "foreign minister", "Russia"),
]
NEWS_PLACES = ["Seoul", "Tokyo", "Beijing", "Washington", "Pyongyang", "Moscow", "Geneva", "New York",
          "Busan", "Kaesong", "Panmunjom", "Shenyang", "Vladivostok", "Ulan Bator", "Singapore"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "earlier this week", "last month", "late last year"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
SUBJECTS = ["North Korea", "the regime in Pyongyang", "Seoul", "Washington", "Beijing", "Tokyo",
            "the six-party talks", "the inter-Korean working group", "the U.N. Security Council",
            "the International Atomic Energy Agency", "the joint committee", "the delegation"]
ACTIONS = ["proposed a fresh round of", "rejected calls for", "signaled support for", "postponed",
           "demanded guarantees before", "pushed for an early resumption of", "cast doubt on",
           "set conditions for", "welcomed the prospect of", "warned against rushing into"]
TOPICS = ["talks on its nuclear weapons program", "family reunions for separated families",
          "the reopening of the Kaesong industrial complex", "tighter sanctions on shipping",
          "a freeze of uranium enrichment at Yongbyon", "energy aid in exchange for inspections",
          "humanitarian food shipments", "a moratorium on missile tests", "military hotline talks",
          "tourism at Mount Kumgang", "a peace treaty to replace the armistice",
          "the return of inspectors", "joint military drills", "a cyber security dialogue",
          "compensation for the sunken patrol ship", "rail links across the border"]
REASONS = ["citing the lack of concrete steps toward denuclearization", "after weeks of back-channel contact",
           "amid rising tension along the border", "as the allies fine-tune a joint proposal",
           "following a missile launch off the east coast", "despite objections from conservative lawmakers",
           "in a statement carried by the official news agency", "ahead of a regional security forum",
           "while insisting that sanctions stay in place", "after a closed-door briefing for lawmakers"]
FIGURES = ["tons of fertilizer", "million dollars in aid", "workers", "missiles", "officials",
           "families", "kilometers of road", "megawatts of electricity", "containers", "inspectors"]
QUOTE_OPEN = ["We will not accept", "There is no reason to delay", "It is crystal clear that we need",
              "Nobody wants to see", "We are ready to discuss", "The ball is in their court on",
              "History shows the danger of", "Our position has not changed on", "We strongly urge progress on",
              "It would be premature to talk about", "The international community expects",
              "There is still room for", "We cannot rule out", "The government remains committed to",
              "I think it is too early to judge"]
QUOTE_MID = ["a deal that rewards provocation", "the freeze we discussed", "dialogue for the sake of dialogue",
             "another round of empty promises", "a verifiable halt to enrichment", "the humanitarian track",
             "steps that build trust on both sides", "sanctions relief without inspections",
             "a return to the negotiating table", "the joint statement of 2005", "a military response",
             "the safety of our citizens", "direct contact between the two militaries"]
QUOTE_END = ["and we have said so clearly", "whatever the other side claims", "at this stage",
             "in the coming weeks", "before the end of the year", "and our allies agree",
             "as long as the missile tests continue", "without preconditions", "in good faith",
             "and that is the message we delivered", "if Pyongyang is serious"]
SAY = ["said", "told reporters", "said in a briefing", "told lawmakers", "said in an interview",
       "said at a news conference", "wrote in a statement", "told a forum"]
OUTLETS = [("Yonhap", "yna.co.kr"), ("The Korea Herald", "heraldcorp.com"), ("AP", "ap.org"),
           ("Reuters", "reuters.com"), ("Kyodo", "kyodonews.jp")]
REPORTERS = ["Shin Hyon-hee", "Kim Yoon-mi", "Song Sang-ho", "Choi He-suk", "Lee Joo-hee", "Jeong Min-ho"]


def _quote_words(rng: random.Random) -> str:
    words = f"{rng.choice(QUOTE_OPEN)} {rng.choice(QUOTE_MID)} {rng.choice(QUOTE_END)}"
    if rng.random() < 0.4:
        words += f", {rng.choice(['even if', 'because', 'although', 'and'])} {rng.choice(SUBJECTS)} " \
                 f"{rng.choice(ACTIONS)} {rng.choice(TOPICS)}"
    return words


def news_sentence(rng: random.Random, state: dict) -> str:
    """One varied news sentence: reported action, quote with attribution, figures, background.
    `state["event"]`, when set, holds the (people, topics, places) one event is about."""
    people, topics, places = state.get("event") or (PEOPLE, TOPICS, NEWS_PLACES)
    name, title, aff = rng.choice(people)
    surname = name.split()[-1] if aff in ("United States", "Japan", "Russia") else name.split()[0]
    known = state.setdefault("known", set())
    first = name not in known
    known.add(name)
    k = rng.random()
    who = f"{name}, {title}," if first else (surname if rng.random() < 0.6 else name)
    if k < 0.18:
        q = _quote_words(rng)
        if first:
            return f"\u201c{q},\u201d {name}, {title}, {rng.choice(SAY)} in {rng.choice(places)} {rng.choice(DAYS)}."
        return f"\u201c{q},\u201d {who} {rng.choice(SAY)}."
    if k < 0.26:
        return f"{who} {rng.choice(SAY)} {rng.choice(DAYS)}, \u201c{_quote_words(rng)}.\u201d"
    if k < 0.31:
        return f"\u201c{_quote_words(rng)},\u201d {rng.choice(['he', 'she'])} added."
    if k < 0.50:
        subject = rng.choice(SUBJECTS)
        return (f"{subject[0].upper()}{subject[1:]} {rng.choice(DAYS)} "
                f"{rng.choice(ACTIONS)} {rng.choice(topics)}, {rng.choice(REASONS)}.")
    if k < 0.62:
        return (f"{who} {rng.choice(['met', 'held talks with', 'spoke by phone with', 'had dinner with'])} "
                f"{rng.choice(people)[0]} in {rng.choice(places)} {rng.choice(DAYS)} to discuss "
                f"{rng.choice(topics)}.")
    if k < 0.74:
        return (f"About {rng.randint(2, 9) * 10 ** rng.randint(1, 4):,} {rng.choice(FIGURES)} were involved in "
                f"{rng.choice(topics)} as of {rng.choice(MONTHS)} {rng.randint(1, 28)}, "
                f"according to {rng.choice(['the ministry', 'officials', 'a government report', 'the agency'])}.")
    if k < 0.86:
        return (f"The last round of {rng.choice(topics)} was held in {rng.choice(places)} in "
                f"{rng.randint(1994, 2013)}, and {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} it "
                f"{rng.choice(DAYS)}.")
    return (f"{rng.choice(['Analysts', 'Diplomats', 'Lawmakers', 'Officials', 'Experts'])} in "
            f"{rng.choice(places)} said {rng.choice(SUBJECTS)} was unlikely to change course on "
            f"{rng.choice(topics)} {rng.choice(REASONS)}.")


SYLLABLES = ["ka", "ve", "lor", "min", "dar", "sel", "tor", "bri", "nal", "mo", "rek", "zan", "phi", "lu",
             "gor", "tem", "vas", "il"]
FIRST_NAMES = ["Marta", "Johan", "Elena", "Tomas", "Ingrid", "Pavel", "Nadia", "Oskar", "Lena", "Viktor",
               "Amara", "Rafael"]
WORKS = ["dam", "bridge", "mine", "port", "railway", "refinery", "hospital", "pipeline", "airport", "canal"]
WORK_TOPICS = ["talks on the {} {}", "the closure of the {} {}", "funding for the {} {}", "an inquiry into the {} {}",
               "safety checks at the {} {}", "a strike at the {} {}"]


def invented_event(event: int) -> tuple[list[tuple[str, str, str]], list[str], list[str]]:
    """The (people, topics, places) of invented event number `event`: names, places and works no
    other event below 5,832 has (syllables by the event's digits in base 18), titles and the
    genre's words shared with every event, as real days' stories share them."""
    pick = random.Random(event)
    n = len(SYLLABLES)
    a, b, c = event % n, (event // n) % n, (event // n ** 2) % n
    root = SYLLABLES[a].capitalize() + SYLLABLES[b] + SYLLABLES[c]
    people = [(f"{pick.choice(FIRST_NAMES)} {root}{suffix}", pick.choice(PEOPLE)[1], "United States")
              for suffix in ("sen", "ova", "ez")]
    places = [f"Port {SYLLABLES[b].capitalize()}{SYLLABLES[a]}{SYLLABLES[c]}a",
              f"{SYLLABLES[c].capitalize()}{SYLLABLES[a]}{SYLLABLES[b]}ton"]
    work = f"{SYLLABLES[a].capitalize()}{SYLLABLES[c]}{SYLLABLES[b]}"
    topics = [template.format(work, pick.choice(WORKS)) for template in pick.sample(WORK_TOPICS, 2)]
    return people, topics, places


def news_article(rng: random.Random, size: int, seen: set[str] | None = None, *, event: int | None = None,
                 invented: bool = False) -> str:
    """A headline, paragraphs of 1-3 sentences (one paragraph a line), a byline; about `size`
    characters. No line repeats (ingest drops exact duplicate lines); `seen` spans articles.

    With `event`, the article reports one event: its people, topic and place are that event's
    own (the same `event` number gives the same ones), so articles of different events differ
    as real stories do; `invented` takes them from `invented_event` (as many events as wanted)
    instead of the 30 people and 16 topics above."""
    seen = set() if seen is None else seen
    state: dict = {}
    if event is not None and invented:
        state["event"] = invented_event(event)
    elif event is not None:
        pick = random.Random(event)
        state["event"] = (pick.sample(PEOPLE, 2), [pick.choice(TOPICS)], [pick.choice(NEWS_PLACES)])
    PEOPLE_, TOPICS_, PLACES_ = state.get("event") or (PEOPLE, TOPICS, NEWS_PLACES)
    name, _, aff = rng.choice(PEOPLE_)
    surname = name.split()[-1] if aff in ("United States", "Japan", "Russia") else name.split()[0]
    topic = " ".join(w if w in ("a", "the", "on", "of", "for", "in", "at") else w[0].upper() + w[1:]
                     for w in rng.choice(TOPICS_).split())
    headline = f"{surname} {rng.choice(['Urges', 'Rejects', 'Backs', 'Weighs', 'Doubts'])} {topic} " \
               f"in {rng.choice(PLACES_)}"
    lines = [headline]
    n = len(headline)
    while n < size:
        para = " ".join(news_sentence(rng, state) for _ in range(rng.randint(1, 3)))
        if para in seen:
            continue
        seen.add(para)
        lines.append(para)
        n += len(para) + 1
    outlet, domain = rng.choice(OUTLETS)
    reporter = rng.choice(REPORTERS)
    lines.append(f"By {reporter} ({reporter.split()[0].lower()}@{domain})")
    return "\n".join(lines) + "\n"


def ingest_part(args) -> int:
    """Part 1: ingest and sentence splitting alone, in this process, against plain reading."""
    rng = random.Random(args.seed)
    print("== part 1: ingest and sentences (in process, tracemalloc) ==")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = tmp / "big.txt"
        big.write_text(article(rng, int(args.mb * 1024 * 1024), wrapped=True), encoding="utf-8")
        size = big.stat().st_size
        folder = tmp / "folder"
        folder.mkdir()
        for k in range(args.files):
            (folder / f"{k:04d}.txt").write_text(article(rng, rng.randint(2000, 8000)), encoding="utf-8")
        folder_bytes = sum(p.stat().st_size for p in folder.iterdir())

        print(f"large article: {size / 1e6:.2f} MB")
        text, t_base, m_base = measure(lambda: big.read_text(encoding="utf-8"))
        art, t_ing, m_ing = measure(lambda: read_article(big))
        print(f"  baseline read_text      {t_base:8.3f} s   peak {m_base / 1e6:7.1f} MB")
        print(f"  read_article            {t_ing:8.3f} s   peak {m_ing / 1e6:7.1f} MB"
              f"   time {ratio(t_ing, t_base)}, memory {ratio(m_ing, m_base)} of baseline")
        print(f"    -> {len(art.paragraphs)} paragraphs, {len(art.removed)} lines removed")
        if sentence_spans is not None:
            body = art.text
            spans, t_sent, m_sent = measure(lambda: sentence_spans(body))
            print(f"  sentence_spans          {t_sent:8.3f} s   peak {m_sent / 1e6:7.1f} MB"
                  f"   time {ratio(t_sent, t_base)}, memory {ratio(m_sent, m_base)} of baseline"
                  f"   ({len(spans)} sentences)")

        print(f"folder: {args.files} articles, {folder_bytes / 1e6:.2f} MB")
        files = sorted(folder.iterdir())
        _, t_base, m_base = measure(lambda: [p.read_text(encoding="utf-8") for p in files])
        (arts, errs), t_ing, m_ing = measure(lambda: load_articles([folder]))
        print(f"  baseline read_text      {t_base:8.3f} s   peak {m_base / 1e6:7.1f} MB")
        print(f"  load_articles           {t_ing:8.3f} s   peak {m_ing / 1e6:7.1f} MB"
              f"   time {ratio(t_ing, t_base)}, memory {ratio(m_ing, m_base)} of baseline"
              f"   ({len(arts)} ok, {len(errs)} errors, {1000 * t_ing / max(1, len(files)):.1f} ms/article)")
        if sentence_spans is not None:
            _, t_sent, _ = measure(lambda: [sentence_spans(a.text) for a in arts])
            print(f"  sentence_spans (all)    {t_sent:8.3f} s   time {ratio(t_sent, t_base)} of baseline")

        bad = tmp / "bad"
        bad.mkdir()
        (bad / "good.txt").write_text(article(rng, 3000), encoding="utf-8")
        (bad / "empty.txt").write_bytes(b"")
        (bad / "report.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
        (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
        (bad / "windows.txt").write_bytes(article(rng, 3000).replace("\u201c", '"').replace("\u201d", '"')
                                          .encode("ascii", "ignore") + b"\x93Quoted\x94 \x97 caf\xe9.\n")
        (bad / "utf16.txt").write_bytes(article(rng, 3000).encode("utf-16"))
        (bad / "page.txt").write_text("<html><body><h1>A Page</h1><p>" + sentence(rng) + "</p></body></html>")
        arts, errs = load_articles([bad, tmp / "missing.txt"])
        print(f"bad input: {len(arts)} articles read, {len(errs)} refused")
        for e in errs:
            print(f"  {e.path.name}: {e.reason}")
    return 0


# --- part 3: growth with size -----------------------------------------------------------------

GROWTH_MB = (0.25, 0.5, 1.0, 2.0)
GROWTH_LIMIT = 2.2
"""Largest time ratio allowed for a doubling of the input (linear is 2)."""
GROWTH_1MB_LIMIT, GROWTH_1MB_SECONDS = 6.0, 60.0
"""1 MB of the repeated article: at most this ratio to 0.25 MB, and under this many seconds."""


def repeated_article(size: int) -> str:
    """The second seed article, joined into one line and repeated to about `size` characters."""
    lines = (ROOT / "seeds" / "002_c95c2094abb8fec3.txt").read_text(encoding="utf-8").splitlines()
    one = " ".join(x.strip() for x in lines[2:] if x.strip() and "@" not in x and not x.startswith("By "))
    text = (one + " ") * (size // (len(one) + 1) + 1)
    return text[:size].rsplit(" ", 1)[0] + "\n"


def varied_articles(rng: random.Random, size: int) -> str:
    """Generated articles (one paragraph a line, no line repeated), one after another."""
    seen: set[str] = set()
    parts, n = [], 0
    while n < size:
        a = news_article(rng, rng.randint(2000, 6000), seen)
        parts.append(a)
        n += len(a)
    return "".join(parts)


def growth_part(args) -> int:
    """Part 3: CPU time of read_article + analyze_article at each size, and each doubling's ratio.

    CPU time of this process (`time.process_time`), best of `--repeat` rounds that each go
    through every size: on a shared machine the wall clock moves with the others' load."""
    from briefing.analyze.article import analyze_article
    from briefing.model import Article

    print(f"== part 3: growth with size (in process; CPU seconds of read_article + analyze_article, "
          f"best of {args.repeat} rounds) ==")
    problems = []
    # first-use costs (the city list, compiled patterns) are not growth: pay them before timing
    analyze_article(Article(path="warm-up", title="", paragraphs=[repeated_article(20_000)]))
    with tempfile.TemporaryDirectory() as tmp:
        for case, make in (("repeated article, one line", repeated_article),
                           ("varied articles", lambda n: varied_articles(random.Random(args.seed), n))):
            paths = []
            for k, mb in enumerate(GROWTH_MB):
                paths.append(Path(tmp) / f"growth-{k}.txt")
                paths[-1].write_text(make(int(mb * 1_000_000)), encoding="utf-8")
            best: dict[float, tuple[float, float]] = {}
            found: dict[float, tuple[int, int]] = {}
            for _ in range(args.repeat):
                for mb, path in zip(GROWTH_MB, paths):
                    t0 = time.process_time()
                    art = read_article(path)
                    t_read = time.process_time() - t0
                    analyzed = analyze_article(art)
                    total = time.process_time() - t0
                    if mb not in best or total < best[mb][0]:
                        best[mb] = (total, t_read)
                    found[mb] = (len(analyzed.quotes), len(analyzed.participants))
            print(f"{case}:")
            prev = None
            for mb in GROWTH_MB:
                total, t_read = best[mb]
                step = f"x{total / prev:.2f} of the half size" if prev else ""
                print(f"  {mb:5.2f} MB  read {t_read:6.2f} s  analyze {total - t_read:6.2f} s  total {total:6.2f} s  "
                      f"{found[mb][0]:5d} quotes {found[mb][1]:4d} people  {step}")
                if prev and total / prev > GROWTH_LIMIT:
                    problems.append(f"{case}: {mb} MB took x{total / prev:.2f} the time of {mb / 2} MB")
                prev = total
            quarter, one = best[0.25][0], best[1.0][0]
            exponent = math.log(best[GROWTH_MB[-1]][0] / quarter) / math.log(GROWTH_MB[-1] / GROWTH_MB[0])
            print(f"  1 MB / 0.25 MB: x{one / quarter:.2f} (linear x4); time ~ size^{exponent:.2f} over "
                  f"{GROWTH_MB[0]}-{GROWTH_MB[-1]} MB (linear 1.00)")
            if case.startswith("repeated") and (one / quarter > GROWTH_1MB_LIMIT or one > GROWTH_1MB_SECONDS):
                problems.append(f"{case}: 1 MB took {one:.1f} s, x{one / quarter:.2f} of 0.25 MB")
    print("growth problems: " + ("; ".join(problems) if problems else "none"))
    return 1 if problems else 0


# --- part 2: the whole pipeline, one subprocess per case ---------------------------------------


def write_inputs(tmp: Path, mb: float, files: int, seed: int) -> dict[str, list[Path]]:
    """The generated inputs: {'big': [one ~mb MB file], 'folder': [a folder of `files` articles]}."""
    rng = random.Random(seed)
    big = tmp / "big" / "big_article.txt"
    big.parent.mkdir(parents=True)
    big.write_text(news_article(rng, int(mb * 1_000_000)), encoding="utf-8")
    folder = tmp / "folder"
    folder.mkdir()
    seen: set[str] = set()
    for k in range(files):
        (folder / f"{k:04d}.txt").write_text(news_article(rng, rng.randint(2000, 6000), seen), encoding="utf-8")
    return {"big": [big], "folder": [folder]}


def _hwm_mb() -> float:
    """This process's peak resident memory so far (MB): VmHWM from /proc, because on Linux
    ``ru_maxrss`` of a child keeps the parent's peak from before the fork (exec does not reset it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes): what the
    build cost the machine, whatever else the machine was running."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child_read(paths: list[str]) -> dict:
    """Baseline: import what build() imports, then read the same bytes with plain read_text."""
    from briefing.render import fit  # noqa: F401
    import briefing.pipeline  # noqa: F401
    from briefing.render import outputs  # noqa: F401
    import weasyprint  # noqa: F401

    rss_imports = _hwm_mb()
    files = [p for x in paths for p in (sorted(Path(x).iterdir()) if Path(x).is_dir() else [Path(x)])]
    t0 = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in files]
    seconds = time.perf_counter() - t0
    return {"total": seconds, "files": len(files), "chars": sum(map(len, texts)),
            "rss_imports_mb": rss_imports, "maxrss_mb": _hwm_mb()}


STAGES = ("read+analyse", "assemble", "fit", "write")
"""What `child_build` times: reading and analysing (in worker processes past a handful of files;
WeasyPrint's import overlaps it), assembling the brief, fitting the page, writing the files."""


def child_build(paths: list[str], out_dir: str, trace: bool = False) -> dict:
    """Run the real build(), timing each stage through wrappers around the functions it calls."""
    from briefing.render import fit
    import briefing.pipeline as pipeline
    import briefing.brief.assemble as assemble
    from briefing.render import outputs
    import weasyprint

    if not hasattr(pipeline, "analyze_inputs"):  # an older checkout imports assemble_brief by name
        assemble = pipeline

    stages = list(STAGES)
    seconds = dict.fromkeys(stages, 0.0)
    hwm: dict[str, float] = {}
    peak: dict[str, float] = {}
    inner = {"layouts": 0, "layout_s": 0.0, "write_pdf_s": 0.0, "template_s": 0.0}

    def timed(stage, fn):
        def wrapper(*a, **kw):
            if trace:
                tracemalloc.reset_peak()
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                seconds[stage] += time.perf_counter() - t0
                hwm[stage] = _hwm_mb()
                if trace:
                    peak[stage] = max(peak.get(stage, 0.0), tracemalloc.get_traced_memory()[1] / 1e6)
        return wrapper

    def counted(key, fn, count=None):
        def wrapper(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                inner[key] += time.perf_counter() - t0
                if count:
                    inner[count] += 1
        return wrapper

    assembled: dict[str, int] = {}
    real_fit = fit.fit_to_page

    def fit_counting(brief, *a, **kw):  # what assemble chose, to compare with what the page shows
        assembled.update(articles=len(brief.articles), chars=sum(len(a.article.text) for a in brief.articles),
                         key_points=len(brief.key_points),
                         quotes=len(brief.quotes), participants=len(brief.participants))
        return real_fit(brief, *a, **kw)

    fit.fit_to_page = fit_counting  # build imports fit_to_page from fit when it runs
    _time_reading(pipeline, timed, inner)
    assemble.assemble_brief = timed("assemble", assemble.assemble_brief)
    fit.fit_to_page = timed("fit", fit.fit_to_page)
    outputs.write_outputs = timed("write", outputs.write_outputs)
    # fitting calls the names it imported from render: wrap them where fit looks them up
    fit.layout_document = counted("layout_s", fit.layout_document, "layouts")
    fit.render_plan = counted("template_s", fit.render_plan)
    weasyprint.Document.write_pdf = counted("write_pdf_s", weasyprint.Document.write_pdf)

    rss_start = _hwm_mb()
    cpu_start = _cpu_seconds()
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    result = pipeline.build(paths, out_dir=out_dir)
    total = time.perf_counter() - t0
    if trace:
        peak["total"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return {
        "total": total, "seconds": seconds, "assembled": assembled, "inner": inner, "hwm_mb": hwm, "peak_mb": peak,
        "rss_start_mb": rss_start, "maxrss_mb": _hwm_mb(),
        "worker_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "cpu_s": _cpu_seconds() - cpu_start,
        "skipped": [str(e) for e in result.skipped],
        "pages": result.pages, "outputs": {k: str(v) for k, v in result.outputs.items()},
    }


def _time_reading(pipeline, timed, inner: dict) -> None:
    """Wrap what `build` reads and analyses with: `analyze_inputs` (noting how many workers it
    used), or in a checkout from before the workers (before/after runs) `analyze_paths`."""
    if not hasattr(pipeline, "analyze_inputs"):
        pipeline.analyze_paths = timed("read+analyse", pipeline.analyze_paths)
        return
    real_inputs = pipeline.analyze_inputs

    def reading(*a, **kw):
        day = real_inputs(*a, **kw)
        inner["workers"] = day.workers
        return day

    pipeline.analyze_inputs = timed("read+analyse", reading)


def verify(outputs: dict[str, str]) -> dict:
    """What the written files say: PDF pages (pypdf), and the JSON's contents and omissions."""
    from pypdf import PdfReader

    pdf, js, html = (Path(outputs[k]) for k in ("pdf", "json", "html"))
    data = json.loads(js.read_text(encoding="utf-8"))
    return {
        "pdf_pages": len(PdfReader(pdf).pages),
        "pdf_kb": pdf.stat().st_size / 1024,
        "html_kb": html.stat().st_size / 1024,
        "json_kb": js.stat().st_size / 1024,
        "key_points": len(data["key_points"]),
        "quotes": len(data["quotes"]),
        "participants": len(data["participants"]),
        "articles_json": len(data["articles"]),
        "omitted": data["omitted"],
    }


def run_child(mode: str, paths: list[Path], out_dir: Path | None = None, trace: bool = False,
              profile: Path | None = None) -> dict:
    cmd = [sys.executable]
    if profile:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += [__file__, "--child", mode, "--inputs", *map(str, paths)]
    if out_dir:
        cmd += ["--out", str(out_dir)]
    if trace:
        cmd.append("--tracemalloc")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"{mode} {paths} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def print_profile(path: Path, limit: int = 25) -> None:
    import pstats

    for key in ("cumulative", "tottime"):
        print(f"  -- top {limit} by {key} --")
        pstats.Stats(str(path), stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(limit)


def build_part(args) -> int:
    print("== part 2: whole pipeline, build(paths, out_dir=tmp), one subprocess per case ==")
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        inputs = write_inputs(tmp, args.mb, args.files, args.seed)
        inputs = {"seeds": [ROOT / "seeds"], **inputs}
        sizes = {k: sum(f.stat().st_size for p in v for f in ([p] if p.is_file() else p.iterdir()))
                 for k, v in inputs.items()}
        print(f"generated inputs in {time.perf_counter() - t0:.1f} s: big {sizes['big'] / 1e6:.2f} MB, "
              f"folder {args.files} articles {sizes['folder'] / 1e6:.2f} MB")
        rows = {}
        for case, paths in inputs.items():
            base = run_child("read", paths)
            res = run_child("build", paths, tmp / f"out-{case}")
            res["check"] = verify(res["outputs"])
            if args.tracemalloc:
                res["peak_mb"] = run_child("build", paths, tmp / f"out-{case}-t", trace=True)["peak_mb"]
            rows[case] = (base, res)
            s, inn, chk = res["seconds"], res["inner"], res["check"]
            print(f"\n[{case}] {sizes[case] / 1e6:.2f} MB, {res['assembled']['articles']} articles "
                  f"({len(res['skipped'])} skipped), {res['assembled']['chars'] / 1e6:.2f} M chars after cleaning")
            print(f"  build total {res['total']:7.2f} s   (plain read of the same bytes {base['total'] * 1e3:.1f} ms)")
            for st in STAGES:
                extra = f"   peak alloc {res['peak_mb'][st]:.0f} MB" if st in res["peak_mb"] else ""
                print(f"    {st:9s} {s[st]:7.2f} s   RSS high-water after {res['hwm_mb'].get(st, 0):6.0f} MB{extra}")
            print(f"    in fit: {inn['layouts']} WeasyPrint layouts {inn['layout_s']:.2f} s, "
                  f"templates {inn['template_s']:.2f} s, write_pdf {inn['write_pdf_s']:.2f} s")
            print(f"  peak RSS {res['maxrss_mb']:.0f} MB (imports alone {base['rss_imports_mb']:.0f} MB, "
                  f"imports + read {base['maxrss_mb']:.0f} MB)")
            print(f"  output: PDF {chk['pdf_pages']} page(s) {chk['pdf_kb']:.0f} KB, JSON {chk['json_kb']:.0f} KB, {chk['key_points']} key points, "
                  f"{chk['quotes']} quotes, {chk['participants']} people, {chk['articles_json']} articles listed")
            asm = res["assembled"]
            print(f"  assembled before fitting: {asm['articles']} articles, {asm['key_points']} key points, "
                  f"{asm['quotes']} quotes, {asm['participants']} people")
            print(f"  omitted ({len(chk['omitted'])}): " + "; ".join(chk["omitted"])[:400])
            if res["total"] > SLOW_SECONDS:
                problems.append(f"{case}: build took {res['total']:.0f} s (> {SLOW_SECONDS:.0f} s)")
            if chk["pdf_pages"] != 1 or res["pages"] != 1:
                problems.append(f"{case}: PDF has {chk['pdf_pages']} pages (build says {res['pages']})")
            shown = {"articles": chk["articles_json"], "key_points": chk["key_points"],
                     "quotes": chk["quotes"], "participants": chk["participants"]}
            if any(shown[k] < asm[k] for k in shown) and not chk["omitted"]:
                problems.append(f"{case}: content was left out but the JSON's 'omitted' is empty")
            if asm["key_points"] and not chk["key_points"]:
                problems.append(f"{case}: the page shows none of the {asm['key_points']} key points "
                                f"(and {chk['articles_json']} of {asm['articles']} articles)")

        seeds = rows["seeds"][1]
        print("\nratios against the seed build (same run):")
        for case in ("big", "folder"):
            r = rows[case][1]
            print(f"  {case:7s} time {ratio(r['total'], seeds['total'])}, peak RSS {ratio(r['maxrss_mb'], seeds['maxrss_mb'])}, "
                  f"input {ratio(sizes[case], sizes['seeds'])}; "
                  f"per stage: " + ", ".join(f"{st} {ratio(r['seconds'][st], seeds['seconds'][st])}"
                                             for st in STAGES))
        print("\nJSON summary: " + json.dumps({c: {"total_s": round(r[1]["total"], 2),
                                                "stages_s": {k: round(v, 2) for k, v in r[1]["seconds"].items()},
                                                "layouts": r[1]["inner"]["layouts"],
                                                "maxrss_mb": round(r[1]["maxrss_mb"]),
                                                "baseline_maxrss_mb": round(r[0]["maxrss_mb"]),
                                                "pages": r[1]["check"]["pdf_pages"],
                                                "omitted": len(r[1]["check"]["omitted"])} for c, r in rows.items()}))

        if args.profile in inputs:
            prof = tmp / "profile.out"
            print(f"\n== cProfile of the {args.profile} case ==")
            run_child("build", inputs[args.profile], tmp / "out-profile", profile=prof)
            print_profile(prof)
    print("\nproblems: " + ("; ".join(problems) if problems else "none"))
    return 1 if problems else 0


# --- part 4: the cost of a day as it grows ------------------------------------------------------

SIZES = (250, 500, 1000, 2000)
DOUBLING_LIMIT = 2.2
"""Issue 19: doubling the day's articles at most 2.2x the time."""
MEMORY_LIMIT_MB = 1024
"""Issue 19: peak memory under 1 GiB for 2,000 articles."""
ARTICLES_PER_EVENT = 3


def write_day(folder: Path, articles: int, seed: int) -> int:
    """`articles` generated articles of 2-4 KB, three to each invented event; the bytes written."""
    rng = random.Random(seed)
    seen: set[str] = set()
    events = max(1, articles // ARTICLES_PER_EVENT)
    folder.mkdir(parents=True)
    for k in range(articles):
        text = news_article(rng, rng.randint(2000, 4000), seen, event=k % events, invented=True)
        (folder / f"{k:05d}.txt").write_text(text, encoding="utf-8")
    return sum(p.stat().st_size for p in folder.iterdir())


def sizes_part(args) -> int:
    """Part 4: `build` on days of 250, 500, 1000 and 2000 articles of distinct invented events, each
    in a fresh subprocess: time per stage, CPU seconds (this process and its workers: a shared
    machine's load changes wall time more than CPU time), peak memory, and each doubling's ratio."""
    print(f"== part 4: a day of {', '.join(map(str, args.sizes))} articles (distinct invented events, "
          f"{ARTICLES_PER_EVENT} articles each), build() in a fresh process ==")
    problems: list[str] = []
    rows: list[tuple[int, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            folder = tmp / f"day{n}"
            size = write_day(folder, n, args.seed)
            res = run_child("build", [folder], tmp / f"out{n}")
            rows.append((n, res))
            s = res["seconds"]
            prev = rows[-2][1] if len(rows) > 1 else None
            grow = (f"   x{res['total'] / prev['total']:.2f} of the half (CPU x{res['cpu_s'] / prev['cpu_s']:.2f})"
                    if prev else "")
            print(f"\n[{n} articles, {size / 1e6:.1f} MB] build {res['total']:.2f} s wall, {res['cpu_s']:.1f} s CPU{grow}; "
                  + ", ".join(f"{st} {s[st]:.2f} s" for st in STAGES)
                  + f"; {res['inner'].get('workers', 0)} workers, {res['inner']['layouts']} layouts")
            print(f"  peak RSS: main process {res['maxrss_mb']:.0f} MB, largest worker "
                  f"{res['worker_maxrss_mb']:.0f} MB; pages {res['pages']}")
            if prev and min(res["total"] / prev["total"], res["cpu_s"] / prev["cpu_s"]) > DOUBLING_LIMIT:
                problems.append(f"{n} articles took x{res['total'] / prev['total']:.2f} the time of {n // 2} "
                                f"(CPU x{res['cpu_s'] / prev['cpu_s']:.2f})")
            if n >= 2000 and res["maxrss_mb"] > MEMORY_LIMIT_MB:
                problems.append(f"{n} articles: main process peaked at {res['maxrss_mb']:.0f} MB")
        print("\nper stage, each doubling: " + "; ".join(
            f"{b[0]}/{a[0]}: " + ", ".join(f"{st} x{b[1]['seconds'][st] / max(a[1]['seconds'][st], 1e-9):.2f}"
                                          for st in STAGES)
            for a, b in zip(rows, rows[1:])))
        print("JSON summary: " + json.dumps({n: {"total_s": round(r["total"], 2), "cpu_s": round(r["cpu_s"], 1),
                                                 "stages_s": {k: round(v, 2) for k, v in r["seconds"].items()},
                                                 "maxrss_mb": round(r["maxrss_mb"]),
                                                 "worker_maxrss_mb": round(r["worker_maxrss_mb"])}
                                             for n, r in rows}))
        if args.profile == "sizes" and rows:
            prof = tmp / "profile.out"
            n = args.sizes[-1]
            print(f"\n== cProfile of {n} articles (main process) ==")
            run_child("build", [tmp / f"day{n}"], tmp / "out-profile", profile=prof)
            print_profile(prof)
    print("\nsizes problems: " + ("; ".join(problems) if problems else "none"))
    return 1 if problems else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the large article (MB)")
    ap.add_argument("--files", type=int, default=500, help="articles in the folder")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--part", choices=["all", "ingest", "build", "growth", "sizes"], default="all")
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="sizes part: day sizes (articles)")
    ap.add_argument("--repeat", type=int, default=3, help="growth part: best of this many runs per size")
    ap.add_argument("--tracemalloc", action="store_true", help="also measure Python allocation peaks per stage")
    ap.add_argument("--profile", choices=["big", "folder", "seeds", "sizes"],
                    help="run this case again under cProfile (sizes: the largest day)")
    ap.add_argument("--child", choices=["read", "build"], help=argparse.SUPPRESS)
    ap.add_argument("--inputs", nargs="*", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child == "read":
        print(json.dumps(child_read(args.inputs)))
        return 0
    if args.child == "build":
        print(json.dumps(child_build(args.inputs, args.out, trace=args.tracemalloc)))
        return 0
    status = 0
    if args.part in ("all", "ingest"):
        status |= ingest_part(args)
    if args.part in ("all", "build"):
        if args.part == "all":
            print()
        status |= build_part(args)
    if args.part in ("all", "growth"):
        if args.part == "all":
            print()
        status |= growth_part(args)
    if args.part in ("all", "sizes"):
        if args.part == "all":
            print()
        status |= sizes_part(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())

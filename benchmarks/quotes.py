"""Quotes and people against the Gender Gap Tracker dev half and textacy's cases.

Run from the repository root:  .venv/bin/python benchmarks/quotes.py [--verbose] [--half=even|odd] [--gum|--gum-only]
                               .venv/bin/python benchmarks/quotes.py --polnear [--half=a|b] [--verbose]

Direct quotes: gold quotes with direct=true and 3+ words; a prediction matches a
gold quote of the same article when their token F1 is >= 0.6 (one-to-one, best
first). Speaker accuracy: on matched quotes, the predicted speaker equals the
annotated full name (case-insensitive, runs of spaces collapsed: a few gold
names carry stray spaces). People: predicted participant names against the
annotators' `people` list (exact full name, same normalisation). `--half=even`
or `--half=odd` scores only the articles with an even or odd index, to check
that a rule helps both halves and is not fitted to a few articles.
A regex-only baseline (pair the marks, keep 3+ word quotes, take the nearest
capitalised word pair next to "said") runs in the same pass.

`--polnear` scores PolNeAR train (`../shared/eval/quotes/polnear_train.jsonl`, 840 US political
articles), split in two halves by id (sorted ids, even positions "a", odd "b"): see `run_polnear`.

`--gum` (or `--gum-only`) adds a people check on a second corpus the rules were not
tuned on: the 58 GUM news/interview/speech documents (`../shared/eval/sentences/gum.jsonl`).
Gold persons: each gold mention is cut at its first "of/from/at/to/who/that/which/and" or comma
(a modifier or a second person follows), the last capitalised run left is its name, with a
possessive, titles and honorifics stripped ("Civic Party's Jeremy Tam" -> "Jeremy Tam",
"Biologist Nick Bos" -> "Nick Bos"); mentions that leave no name ("the President of the United
States", "some Republicans") are dropped. Mentions group by their Wikipedia identity where given,
else by the name (a one-word name joins the one multi-word name of the document it ends or starts).
A predicted participant is right when its full name equals one of a gold person's names or its
last token equals the last token of a multi-token gold name; P = right predictions / predictions,
R = gold persons matched / gold persons.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.model import Article  # noqa: E402
from briefing.analyze.people import find_participants, people_index  # noqa: E402
from briefing.analyze.quotes import extract_quotes  # noqa: E402
from briefing.analyze.sentences import sentence_spans  # noqa: E402

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_TOK = re.compile(r"\w+(?:[-'’]\w+)*")


def toks(s: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOK.findall(s)]


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(toks(a)), Counter(toks(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def article_from(row: dict, i: int) -> Article:
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", row["text"]) if p.strip()]
    byline = ", ".join(a for a in row.get("authors") or [] if a) or None
    return Article(path=f"ggt/{i}", title="", paragraphs=paras, byline=byline)


def match(pred: list[tuple[str, str | None]], gold: list[tuple[str, str | None]]):
    pairs = []
    for i, (pt, _ps) in enumerate(pred):
        for j, (gt, _gs) in enumerate(gold):
            f = token_f1(pt, gt)
            if f >= 0.6:
                pairs.append((f, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for f, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def baseline(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in re.finditer(r"[“\"]([^”\"\n]+)[”\"]", text):
        q = m.group(1).strip().rstrip(",")
        if len(toks(q)) < 3:
            continue
        after = text[m.end():m.end() + 60]
        sm = re.match(r",?\s*(?:said|says)\s+([A-Z]\w+(?:\s[A-Z]\w+)?)", after) or re.match(
            r",?\s*([A-Z]\w+(?:\s[A-Z]\w+)?)\s+(?:said|says)", after)
        out.append((q, sm.group(1) if sm else None))
    return out


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def same_name(a: str | None, b: str | None) -> bool:
    """Names compare case-insensitively with runs of spaces collapsed (the gold has stray spaces)."""
    return " ".join((a or "").lower().split()) == " ".join((b or "").lower().split())


def run_ggt(verbose: bool = False, half: str | None = None) -> dict:
    rows = [json.loads(line) for line in (EVAL / "quotes" / "ggt_dev.jsonl").open(encoding="utf-8")]
    stats = Counter()
    t0 = time.perf_counter()
    tb = 0.0
    for i, row in enumerate(rows):
        if half is not None and i % 2 != (half == "odd"):
            continue  # --half even|odd: check that a change helps both halves
        stats["articles"] += 1
        art = article_from(row, i)
        text = art.text
        spans = sentence_spans(text)
        index = people_index(art, spans)
        qs = extract_quotes(art, spans, index=index)
        parts = find_participants(art, spans, qs, index=index)
        for q in qs:
            assert text[q.span[0]:q.span[1]] == q.text
        gold = [(g["quote"], g["speaker"]) for g in row["quotes"]
                if g.get("direct") and len(toks(g["quote"])) >= 3]
        pred = [(q.text, q.speaker) for q in qs if len(toks(q.text)) >= 3]
        m = match(pred, gold)
        stats["q_pred"] += len(pred)
        stats["q_gold"] += len(gold)
        stats["q_tp"] += len(m)
        for pi, gi in m:
            ok = same_name(pred[pi][1], gold[gi][1])
            stats["spk_ok"] += ok
            if verbose and not ok:
                print(f"  [{i}] speaker {pred[pi][1]!r} != {gold[gi][1]!r}: {gold[gi][0][:60]!r}")
        if verbose:
            mp, mg = {a for a, _ in m}, {b for _, b in m}
            for k, (t, s) in enumerate(pred):
                if k not in mp:
                    print(f"  [{i}] FP {s!r}: {t[:80]!r}")
            for k, (t, s) in enumerate(gold):
                if k not in mg:
                    print(f"  [{i}] FN {s!r}: {t[:80]!r}")
        # people
        gp = {" ".join(p.lower().split()) for p in row.get("people") or []}
        pp = {" ".join(p.name.lower().split()) for p in parts}
        stats["p_pred"] += len(pp)
        stats["p_gold"] += len(gp)
        stats["p_tp"] += len(pp & gp)
        if verbose:
            for x in sorted(pp - gp):
                print(f"  [{i}] person FP {x!r}")
            for x in sorted(gp - pp):
                print(f"  [{i}] person FN {x!r}")
        # baseline
        b0 = time.perf_counter()
        bpred = baseline(text)
        tb += time.perf_counter() - b0
        bm = match(bpred, gold)
        stats["b_pred"] += len(bpred)
        stats["b_tp"] += len(bm)
        for pi, gi in bm:
            stats["b_spk_ok"] += same_name(bpred[pi][1], gold[gi][1])
    stats["time"] = time.perf_counter() - t0
    return stats


_CUT = re.compile(r",|\s(?:of|from|at|to|who|whose|that|which|and|&|in|on|for|with)\s")
_GUM_RUN = re.compile(r"(?:[A-Z][\w.’'-]*|(?:d|de|van|von|da|di|du|la|le|al|bin|el)[’']?(?=\s?[A-Z]))"
                      r"(?:\s+(?:[A-Z][\w.’'-]*|(?:de|van|von|da|di|du|la|le|al|bin|el|der|den)(?=\s[A-Z])))*")
_GUM_NOT_NAME = {"parties", "members", "congressmen", "people", "peacekeepers", "democrats",
                 "republicans", "greeks", "americans", "i", "god", "wikinews", "image"}


def gum_name(mention: str) -> str | None:
    """The person's name inside a GUM gold mention (see the module docstring), or None."""
    from briefing.analyze.mentions import HONORIFICS, TITLE_WORDS
    from briefing.vocabulary.common_caps import COMMON_CAPS

    stop = TITLE_WORDS | HONORIFICS | COMMON_CAPS | _GUM_NOT_NAME | {
        "biologist", "professor", "prof", "dr", "spokesperson", "spokeswoman", "spokesman"}
    head = _CUT.split(mention, maxsplit=1)[0]
    runs = _GUM_RUN.findall(head)
    if not runs:
        return None
    words = runs[-1].split()
    owner = [k for k, w in enumerate(words[:-1]) if re.search(r"(?:’s|'s)$", w)]
    if owner:  # "FTU's Kwok Wai-keung": the owner is an organisation, the name follows
        words = words[owner[-1] + 1:]
    words = [re.sub(r"(?:’s|'s|’|')$", "", w) for w in words]
    while words and words[0].lower().rstrip(".") in stop:
        words.pop(0)
    while words and words[-1].lower().rstrip(".") in stop:
        words.pop()
    if not words or all(w.lower().rstrip(".") in stop for w in words):
        return None
    return " ".join(words)


def gum_gold(persons: list[dict], text: str = "") -> list[set[str]]:
    """Gold persons of one GUM document, each as the set of its (lower-case) names.

    A one-word name without an identity is dropped when it is a plural (a group: "Muslims",
    "Libertarians") or when the document also writes it in lower case (a capitalised common
    noun at the start of a sentence: "Student", "Readers").
    """
    groups: dict[str, set[str]] = {}
    lower = set(re.findall(r"\b[a-z][\w-]*", text))
    for p in persons:
        name = gum_name(p["text"])
        if not name:
            continue
        if " " not in name and not p.get("identity") and (
                name.lower() in lower or re.search(r"[^s]s$|ese$|ya$|ban$", name)
                and name not in text.replace(name + "s", "")):
            continue
        key = "id:" + p["identity"] if p.get("identity") else "nm:" + name.lower()
        groups.setdefault(key, set()).add(" ".join(name.lower().split()))
    # a one-word name joins the single multi-word name (without identity) it ends or starts
    multi = [k for k, v in groups.items() if any(" " in n for n in v)]
    for k in [k for k, v in groups.items() if k.startswith("nm:") and all(" " not in n for n in v)]:
        w = k[3:]
        hosts = {h for h in multi for n in groups[h] if n.split()[-1] == w or n.split()[0] == w}
        if len(hosts) == 1:
            groups[hosts.pop()] |= groups.pop(k)
    return list(groups.values())


def gum_right(pred: str, gold: set[str]) -> bool:
    pred = " ".join(pred.lower().split())
    if pred in gold:
        return True
    last = pred.split()[-1]
    return any(" " in g and g.split()[-1] == last for g in gold)


def run_gum(verbose: bool = False, half: str | None = None) -> dict[str, Counter]:
    path = EVAL / "sentences" / "gum.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    stats: dict[str, Counter] = {}
    for i, row in enumerate(rows):
        if half is not None and i % 2 != (half == "odd"):
            continue
        paras = [p.strip() for p in re.split(r"\n\s*\n|\n", row["text"]) if p.strip()]
        art = Article(path=f"gum/{i}", title="", paragraphs=paras)
        spans = sentence_spans(art.text)
        index = people_index(art, spans)
        qs = extract_quotes(art, spans, index=index)
        parts = find_participants(art, spans, qs, index=index)
        gold = gum_gold(row["persons"], row["text"])
        pred = sorted({" ".join(p.name.split()) for p in parts})
        good = [x for x in pred if any(gum_right(x, g) for g in gold)]
        found = [g for g in gold if any(gum_right(x, g) for x in pred)]
        for key in (row.get("genre") or "all", "all"):
            c = stats.setdefault(key, Counter())
            c["docs"] += 1
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            c["tp_p"] += len(good)
            c["tp_g"] += len(found)
        if verbose:
            for x in pred:
                if x not in good:
                    print(f"  [gum {i} {row['id']}] person FP {x!r}")
            for g in gold:
                if g not in found:
                    print(f"  [gum {i} {row['id']}] person FN {max(g, key=len)!r}")
    return stats


def print_gum(stats: dict[str, Counter]) -> None:
    for key in sorted(stats, key=lambda k: (k == "all", k)):
        c = stats[key]
        p = c["tp_p"] / c["pred"] if c["pred"] else 0.0
        r = c["tp_g"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"GUM people {key:<10} {c['docs']:>2} docs  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"({c['tp_g']} of {c['gold']} gold, {c['tp_p']} of {c['pred']} predicted right)")


def run_textacy() -> tuple[int, int]:
    path = EVAL / "quotes" / "textacy_cases.jsonl"
    ok = n = 0
    for line in path.open(encoding="utf-8"):
        case = json.loads(line)
        text = case["text"]
        art = Article(path="textacy", title="", paragraphs=[text])
        qs = extract_quotes(art, sentence_spans(text))
        n += 1
        got = [(q.text, (q.speaker or "")) for q in qs]
        if "expected" not in case:  # speaker-only cases: every named speaker token found
            flat = case.get("expected_speaker_tokens_flat") or []
            names = {t for t in flat if t[:1].isupper() and t.lower() not in ("he", "she", "they")}
            found = " ".join(g[1] for g in got)
            good = bool(got) and all(t in found for t in names)
            ok += good
            if not good and "-v" in sys.argv:
                print("  textacy FAIL:", text[:90], "| got", got, "| want", flat)
            continue
        exp = case["expected"]
        want = [(c["content"].strip("\"“”‘’ ").rstrip(",").strip(), " ".join(c["speaker_tokens"])) for c in exp]
        good = len(got) == len(want) and all(
            token_f1(g[0], w[0]) >= 0.9
            and (w[1].lower() in ("he", "she", "they") or w[1].split()[-1].lower() in g[1].lower())
            for g, w in zip(got, want))
        ok += good
        if not good and "-v" in sys.argv:
            print("  textacy FAIL:", text[:90], "| got", got, "| want", want)
    return ok, n


def _contains(outer: Counter, inner: Counter) -> float:
    """Share of `inner`'s tokens that `outer` holds (multiset)."""
    n = sum(inner.values())
    return sum((outer & inner).values()) / n if n else 0.0


def polnear_article(row: dict) -> Article:
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", row["text"]) if p.strip()]
    return Article(path=f"polnear/{row['id']}", title="", paragraphs=paras)


def polnear_rows(half: str | None = None) -> list[dict]:
    """PolNeAR train, sorted by id; half "a" (even positions) or "b" (odd) for the split check."""
    rows = [json.loads(line) for line in (EVAL / "quotes" / "polnear_train.jsonl").open(encoding="utf-8")]
    rows.sort(key=lambda r: r["id"])
    if half is not None:
        rows = [r for i, r in enumerate(rows) if i % 2 == (half == "b")]
    return rows


def speaker_has(speaker: str | None, key: str) -> bool:
    """The predicted speaker contains the gold source's key token (case-insensitive, whole word)."""
    words = {w.lower().replace("’", "'").removesuffix("'s") for w in _TOK.findall(speaker or "")}
    return key.lower().replace("’", "'") in words


def run_polnear(verbose: bool = False, half: str | None = None) -> Counter:
    """Direct quotes and speakers against PolNeAR train, scored segment-agnostically.

    PolNeAR joins a quote broken by its attribution ("A," he said. "B.") into one span, where
    we give two quotes. A predicted quote (3+ words) is right when it matches a gold quote
    (token F1 >= 0.6) or lies inside one (>= 80% of its tokens); a gold quote (3+ words) is
    found when the predictions right for it cover >= 60% of its tokens. Speaker: on found gold
    quotes with a named source, compatible when the speaker of the prediction covering most of
    it contains the source's `source_key`. People: a named source (`source_is_name`) is found
    when a participant's name contains its key.
    """
    stats = Counter()
    for row in polnear_rows(half):
        stats["articles"] += 1
        art = polnear_article(row)
        spans = sentence_spans(art.text)
        index = people_index(art, spans)
        qs = extract_quotes(art, spans, index=index)
        # people: each named source (by its key) should be among the article's participants
        parts = find_participants(art, spans, qs, index=index)
        for key in {g["source_key"] for g in row["quotes"] if g.get("source_is_name") and g.get("source_key")}:
            stats["sources"] += 1
            stats["sources_found"] += any(speaker_has(p.name, key) for p in parts)
        pred = [(q.text, q.speaker, Counter(toks(q.text))) for q in qs if len(toks(q.text)) >= 3]
        gold = [(g, Counter(toks(g["quote"]))) for g in row["quotes"] if len(toks(g["quote"])) >= 3]
        right = [False] * len(pred)
        for g, gc in gold:
            stats["gold"] += 1
            named = bool(g.get("source_key"))
            stats["gold_named"] += named
            mine = []
            for k, (pt, _ps, pc) in enumerate(pred):
                if token_f1(pt, g["quote"]) >= 0.6 or _contains(gc, pc) >= 0.8:
                    right[k] = True
                    mine.append(k)
            covered = Counter()
            for k in mine:
                covered |= pred[k][2]
            found = _contains(covered, gc) >= 0.6
            stats["found"] += found
            if found and named:
                best = max(mine, key=lambda k: sum((pred[k][2] & gc).values()))
                ok = speaker_has(pred[best][1], g["source_key"])
                stats["named_found"] += 1
                stats["speaker_ok"] += ok
                if verbose and not ok:
                    print(f"  [{row['id']}] speaker {pred[best][1]!r} != {g['source']!r} ({g['source_key']}): "
                          f"{g['quote'][:60]!r}")
            elif verbose and not found:
                print(f"  [{row['id']}] FN {g['source']!r}: {g['quote'][:80]!r}")
        stats["pred"] += len(pred)
        stats["pred_right"] += sum(right)
        if verbose:
            for k, (pt, ps, _pc) in enumerate(pred):
                if not right[k]:
                    print(f"  [{row['id']}] FP {ps!r}: {pt[:80]!r}")
    return stats


def polnear_figures(stats: Counter) -> tuple[float, float, float, float]:
    """(precision, recall, F1, speaker compatible) from `run_polnear`'s counts."""
    p = stats["pred_right"] / stats["pred"] if stats["pred"] else 0.0
    r = stats["found"] / stats["gold"] if stats["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, stats["speaker_ok"] / max(1, stats["named_found"])


def print_polnear(stats: Counter, label: str) -> None:
    p, r, f, spk = polnear_figures(stats)
    print(f"PolNeAR {label:<7} {stats['articles']:>3} articles  quotes P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"speaker compatible {spk:.3f} ({stats['speaker_ok']}/{stats['named_found']}; "
          f"{stats['gold']} gold, {stats['gold_named']} named)")
    print(f"PolNeAR {label:<7} named sources among the participants {stats['sources_found'] / max(1, stats['sources']):.3f} "
          f"({stats['sources_found']}/{stats['sources']}; the key must be in a participant's name; most missed "
          f"sources are organisations, outlets and descriptions, which are no participants)")


# Single quotation marks as speech marks (British and Australian style), hand-checked on a sample
# of ../shared/eval/summaries/cnndm_dev.jsonl: the first 10 articles by id with at least two single
# opening marks before a capital letter, one sentence a paragraph. Every opening single mark of
# those articles was read by hand; the speech quotes are listed here by article id, the offset of
# the paragraph in the text (paragraphs joined by a blank line) and which opening mark of that
# paragraph it is (0 = first; an opening mark as `_SINGLE_OPEN_MARK` finds them). Names, titles,
# scare quotes and words woven into the writer's sentence ("described it as 'the most ...'")
# are not speech; an opening mark at a paragraph's end opens speech in the next one. 66 speech
# quotes in all.
SINGLE_MARK_SAMPLE: dict[str, list[tuple[int, int]]] = {
    "008aa71f64621995d749aff42be822b1b6ca7bc9": [(486, 0), (718, 0), (847, 0), (1070, 0), (1209, 0), (1652, 0),
                                                 (3073, 0), (3191, 0), (3406, 0), (3519, 0), (3651, 0),
                                                 (3835, 0), (4304, 0), (4485, 0), (4565, 0)],
    "06a4af524f4021ea62a16ee7778f901f3a7879b1": [(1490, 0)],
    "07955dc7323a027814bbdacf87a46e554167aac2": [(920, 0), (920, 1), (1190, 0), (1630, 0), (1696, 0), (1821, 0),
                                                 (2465, 0), (2595, 0), (2776, 0), (2858, 0), (3061, 0), (3099, 0)],
    "0fa083cb7da10f1f697e7dab6210397f00c0a4cf": [(972, 0), (1094, 0)],
    "12893950047350a275fdee5ce4f9a8610e9236bb": [(0, 0), (1170, 0), (1505, 0), (1651, 0), (2488, 0), (3061, 0),
                                                 (3242, 0), (3321, 0), (3440, 0), (3490, 0), (3664, 0),
                                                 (3818, 0), (4001, 0)],
    "132e50805378d42b2996fdd648d1da78c60d235d": [(4793, 0)],
    "137ac0122ef98206953bb24be655f15307345bb7": [(776, 1), (1713, 1)],
    "159d71b012792c2948c8159fa46a5b1f959fdba2": [(287, 1), (849, 0), (1492, 0), (1635, 0), (1797, 0), (1941, 1),
                                                 (2457, 0), (2658, 0), (2822, 0)],
    "1b884cf6cb5180ea2143142d0a0b30f352865bd9": [(3748, 0), (3945, 0), (4225, 0), (4326, 0), (5022, 0),
                                                 (5151, 0), (5212, 0)],
    "1d63a36398eb7b212c830f453470570597903774": [(546, 0), (635, 0), (1189, 0), (1248, 0)],
}
# A second sample, read the same way after the rules were written (the next 6 articles by id):
# the check that the rules were not fitted to the first. 51 speech quotes.
SINGLE_MARK_CHECK: dict[str, list[tuple[int, int]]] = {
    "20b231e56a0a2104a96e167659222986fbcaeddd": [(697, 0), (790, 0), (1216, 0), (1412, 0), (1599, 0), (1778, 0),
                                                 (2023, 0), (2255, 0), (2532, 0), (2822, 0), (3057, 0), (3352, 0),
                                                 (3445, 0), (3679, 0), (4032, 0), (4086, 0), (4339, 0), (4660, 0)],
    "236c65a580afbdabcd2b7ba5b779e026d698d978": [(921, 0), (1170, 0), (1669, 0), (1886, 0), (2321, 0), (2735, 0)],
    "272cd78ced8fe137028e76ac8fdc7bda226a4986": [(608, 0), (1333, 1), (1548, 0), (1608, 0), (1691, 0), (1859, 0),
                                                 (2128, 0), (2190, 0), (2266, 0), (3263, 0)],
    "27c9de1f76f179099061110405ff84ca8c88dc6a": [(932, 0), (1004, 0), (1103, 0), (1173, 0), (1862, 0)],
    "2b8334fdfea3cc340e5e29b768a26033164ab134": [(2345, 0), (2345, 1), (3156, 0), (3156, 1), (3303, 0)],
    "2c37d44d03ce2e91310339d884d33ee5aabf9abc": [(1099, 0), (1223, 0), (1366, 0), (1536, 0), (1758, 0), (1758, 1)],
}
_SINGLE_OPEN_MARK = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))[‘']")


def run_single_marks(verbose: bool = False, sample: dict | None = None) -> Counter:
    """Speech quotes in single marks found on the hand-checked CNN/DailyMail sample.

    A listed quote is found when a predicted quote starts within 6 characters after its
    opening mark. Predictions that start at an opening mark the hand check judged no speech
    are counted too (`wrong`), to show what the rule takes for speech that is not."""
    sample = SINGLE_MARK_SAMPLE if sample is None else sample
    rows = {}
    for line in (EVAL / "summaries" / "cnndm_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in sample:
            rows[row["id"]] = row
    stats = Counter()
    for rid, marks in sample.items():
        article = rows[rid]["article"]
        lines = [x.strip() for x in (article if isinstance(article, str) else "\n".join(article)).split("\n") if x.strip()]
        art = Article(path=f"cnndm/{rid}", title="", paragraphs=lines)
        text = art.text
        starts = [q.span[0] for q in extract_quotes(art, sentence_spans(text))]
        speech_marks = set()
        for offset, k in marks:
            end = text.find("\n", offset)
            opens = [m.start() for m in _SINGLE_OPEN_MARK.finditer(text, offset, end if end != -1 else len(text))]
            mark = opens[k]
            speech_marks.add(mark)
            found = any(mark < st <= mark + 6 for st in starts)
            stats["gold"] += 1
            stats["found"] += found
            if verbose and not found:
                print(f"  [{rid[:12]}] single-mark speech missed at {mark}: {text[mark:mark + 60]!r}")
        for m in _SINGLE_OPEN_MARK.finditer(text):
            if m.start() not in speech_marks and any(m.start() < st <= m.start() + 6 for st in starts):
                stats["wrong"] += 1
                if verbose:
                    print(f"  [{rid[:12]}] single-mark quote that is no speech: {text[m.start():m.start() + 60]!r}")
    return stats


def main() -> int:
    verbose = "-v" in sys.argv or "--verbose" in sys.argv
    half = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--half=")), None)
    if "--gum-only" in sys.argv:
        print_gum(run_gum(verbose, half))
        return 0
    if "--single-marks" in sys.argv:
        for label, sample in (("tuning sample, 10 articles", SINGLE_MARK_SAMPLE),
                              ("check sample, 6 articles", SINGLE_MARK_CHECK)):
            st = run_single_marks(verbose, sample)
            print(f"single-mark speech, CNN/DailyMail {label}: found {st['found']}/{st['gold']} "
                  f"= {st['found'] / max(1, st['gold']):.3f}; {st['wrong']} quotes taken at marks that are no speech")
        return 0
    if "--polnear" in sys.argv:
        # --half=a / --half=b: one half of PolNeAR train by id; no --half: both, one after the other
        for h in ([half] if half in ("a", "b") else ["a", "b"]):
            print_polnear(run_polnear(verbose, h), f"half {h}")
        return 0
    s = run_ggt(verbose, half)
    p, r, f = prf(s["q_tp"], s["q_pred"], s["q_gold"])
    bp, br, bf = prf(s["b_tp"], s["b_pred"], s["q_gold"])
    pp, pr, pf = prf(s["p_tp"], s["p_pred"], s["p_gold"])
    ok, n = run_textacy()
    print(f"GGT dev: {s['articles']} articles, {s['q_gold']} gold direct quotes (3+ words)")
    print(f"direct quotes   briefing  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"speaker right {s['spk_ok'] / max(1, s['q_tp']):.3f} ({s['spk_ok']}/{s['q_tp']})")
    print(f"direct quotes   regex     P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}  "
          f"speaker right {s['b_spk_ok'] / max(1, s['b_tp']):.3f} ({s['b_spk_ok']}/{s['b_tp']})")
    print(f"people named    briefing  P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}  ({s['p_tp']} of {s['p_gold']} gold, {s['p_pred']} predicted)")
    print(f"textacy cases   {ok}/{n} passed")
    print(f"time            {s['time']:.2f}s for the GGT half")
    if "--gum" in sys.argv:
        print_gum(run_gum(verbose, half))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Articles grouped by the real-world event they report: features and agglomerative clustering.

Each article becomes one vector of four TF-IDF blocks, each block weighed against the others:

- content words (stemmed, no stop words), the headline and the lead counting double: what
  happened;
- capitalised names inside sentences (people, places, organisations, weekdays): who and where,
  which is what tells two events of the same kind apart (two celebrities' rehab stays);
- years, from the text and the article's date: when;
- other numbers (a death toll, a magnitude, an age): the details copies of one report share.

A term that only one article uses cannot link two articles, so it is dropped from the vectors
and counts at a reduced weight in their length (at full weight it only dilutes the evidence). Articles are then merged bottom-up by average
cosine similarity (average linkage) until no two groups are closer than `EVENT_DISTANCE`: the
number of stories comes from the day, not from a setting, and a story of one article is fine.

Cost: one sparse matrix product gives the similarities; only pairs that share a term are ever
compared. Average linkage never merges groups with no pair closer than the threshold, so the
clustering runs separately on each connected component of the "closer than the threshold"
graph, and a day of 1,000 articles about many events costs little more than ten of 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from briefing.brief.features import CALENDAR, event_features
from briefing.model import AnalyzedArticle

EVENT_DISTANCE = 0.73
"""Cosine distance (1 - similarity) within which two groups of articles report one event.
Tuned on one half of the ECB+ development set (split by id), checked on the other; see
docs/benchmarks.md."""

BLOCK_WEIGHTS = {"words": 1.0, "names": 0.7, "years": 0.5, "numbers": 0.7}
"""How much each kind of evidence counts against the others (each block has unit length)."""

NAMES_FLOOR = 0.02
"""Cosine similarity of the people, places and organisations they name (weekdays and months
aside) below which two articles that both name some are not one event (the participants must agree, not only the genre's
vocabulary). Tuned on ECB+ half 0, checked on half 1 (docs/benchmarks.md)."""
WORDS_FLOOR = 0.05
"""Cosine similarity of their content words below which two articles are not one event, however
many names they share (one maker's two launches). Tuned like `NAMES_FLOOR`."""

LOOK_ALIKE_FACTOR = 0.5
"""What is left of the similarity of two look-alike articles (`look_alike_veto`): enough to
keep two reports apart that only share a genre's vocabulary, not so little that one report
naming other places of the same disaster is cut off its story. Tuned like `NAMES_FLOOR`."""

DATE_GAP_DAYS = 7
"""Articles published further apart than this report different events (a story followed for a
week stays one; last year's product launch or match does not join this year's)."""

PAIR_ROWS = 256
"""Articles whose pairs (similarity, look-alike veto) are worked out at a time: every article is
still compared with every other that shares a term, but memory holds 256 rows of pairs, not all
of them (a day of 2,000 articles shares some word between nearly every pair: 4 million)."""

UNSHARED_WEIGHT = 0.5
"""Weight, in a vector's length only, of the terms no other document uses."""



def tfidf_block(counts: Sequence[Counter]) -> sparse.csr_matrix:
    """Rows over the terms two or more documents share: sublinear term frequency times smoothed
    IDF, scaled so that a row with all its terms shared has unit length.

    A term only one document uses links it to nothing, so it is left out of the vectors; it
    still counts, at `UNSHARED_WEIGHT`, in each row's length, so that two short texts whose one
    shared word is a common one ("Headline") do not come out as twins.
    """
    n = len(counts)
    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, c in enumerate(counts):
        for term, tf in c.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(tf)
    matrix = sparse.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)),
                               shape=(n, len(vocabulary)))
    if not matrix.nnz:
        return matrix
    matrix.data = 1.0 + np.log(matrix.data)
    doc_freq = np.bincount(matrix.indices, minlength=len(vocabulary))
    shared = doc_freq >= 2
    weights = (np.log((1.0 + n) / (1.0 + doc_freq)) + 1.0) * np.where(shared, 1.0, UNSHARED_WEIGHT)
    matrix = _unit_rows(sparse.csr_matrix(matrix @ sparse.diags(weights)))
    return sparse.csr_matrix(matrix[:, np.flatnonzero(shared)])


def _unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def event_vectors(analyzed: Sequence[AnalyzedArticle]) -> sparse.csr_matrix:
    """One row per article: the weighted blocks side by side, of unit length when every term
    of the article is shared with another (shorter by what only it says)."""
    return event_blocks(analyzed)[0]


def event_blocks(analyzed: Sequence[AnalyzedArticle]) -> tuple[sparse.csr_matrix, dict[str, sparse.csr_matrix]]:
    """`event_vectors` and, by name, each block on its own (unit rows, unweighted), plus
    ``participants`` (the names less weekdays and months) and ``named`` (a column: 1 for an article
    that names any participant)."""
    return feature_blocks([event_features(a) for a in analyzed])


def feature_vectors(features: Sequence[dict[str, Counter]]) -> sparse.csr_matrix:
    """`event_vectors` from the articles' `event_features` (which an earlier brief keeps, so
    articles of several days can be compared: `briefing.brief.history`)."""
    return feature_blocks(features)[0]


def _participants(f: dict[str, Counter]) -> Counter:
    """The names an article's features hold less weekdays and months (an earlier brief keeps
    only the names)."""
    if "participants" in f:
        return f["participants"]
    return Counter({n: c for n, c in f["names"].items() if n not in CALENDAR})


def feature_blocks(features: Sequence[dict[str, Counter]]) -> tuple[sparse.csr_matrix, dict[str, sparse.csr_matrix]]:
    """`event_blocks` from the articles' `event_features`."""
    blocks, present, by_name = [], np.zeros(len(features)), {}
    for name, weight in BLOCK_WEIGHTS.items():
        counts = [f[name] for f in features]
        by_name[name] = tfidf_block(counts)
        blocks.append(weight * by_name[name])
        present += weight ** 2 * np.array([bool(c) for c in counts], dtype=np.float64)
    present[present == 0] = 1.0
    vectors = sparse.csr_matrix(sparse.diags(1.0 / np.sqrt(present)) @ sparse.hstack(blocks, format="csr"))
    participants = [_participants(f) for f in features]
    by_name["participants"] = tfidf_block(participants)
    # who names any participant at all (the block keeps only the names another article shares)
    by_name["named"] = sparse.csr_matrix(np.array([[float(bool(p))] for p in participants]).reshape(-1, 1))
    return vectors, by_name


def article_days(analyzed: Sequence[AnalyzedArticle]) -> np.ndarray:
    """Each article's publication day as a day number (-1 when it has no date)."""
    import datetime as dt

    out = np.full(len(analyzed), -1, dtype=np.int64)
    for k, a in enumerate(analyzed):
        try:
            out[k] = dt.date.fromisoformat((a.article.date or "")[:10]).toordinal()
        except ValueError:
            pass
    return out


def look_alike_veto(blocks: dict[str, sparse.csr_matrix], days: np.ndarray | None = None) -> sparse.csr_matrix:
    """Pairs of articles that cannot report one event however alike their genre's vocabulary:
    both name people, places or organisations and share too few of them (`NAMES_FLOOR`: two
    games of one league, two crimes in one city), they share their names but say different
    things (`WORDS_FLOOR`: two launches by one maker), or they were published more than
    `DATE_GAP_DAYS` apart (last year's launch, another season's game). Each entry is the share
    of the pair's similarity that goes: 1 - `LOOK_ALIKE_FACTOR` for look-alikes, all of it for
    reports more than `DATE_GAP_DAYS` apart."""
    size = blocks["words"].shape[0]
    has_names = np.asarray(blocks["named"].todense()).ravel() > 0
    found = [_veto_rows(blocks, has_names, days, start, min(size, start + PAIR_ROWS))
             for start in range(0, size, PAIR_ROWS)]
    rows = np.concatenate([f[0] for f in found]) if found else np.zeros(0, dtype=np.int64)
    if not rows.size:
        return sparse.csr_matrix((size, size))
    cols = np.concatenate([f[1] for f in found])
    cut = np.concatenate([f[2] for f in found])
    return sparse.csr_matrix((cut, (rows, cols)), shape=(size, size))


def _veto_rows(blocks: dict[str, sparse.csr_matrix], has_names: np.ndarray, days: np.ndarray | None,
               start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`look_alike_veto`'s entries (rows, columns, shares) for the articles `start` to `stop`."""
    words = (blocks["words"][start:stop] @ blocks["words"].T).tocsr()
    names = (blocks["participants"][start:stop] @ blocks["participants"].T).tocsr()
    candidates = ((words + names) > 0).tocoo()
    local, cols = candidates.row, candidates.col
    keep = local + start != cols
    local, cols = local[keep], cols[keep]
    rows = local.astype(np.int64) + start
    w = _values_at(words, local, cols)
    n = _values_at(names, local, cols)
    named = has_names[rows] & has_names[cols]
    cut = np.where((named & (n < NAMES_FLOOR)) | (w < WORDS_FLOOR), 1.0 - LOOK_ALIKE_FACTOR, 0.0)
    if days is not None:
        dated = (days[rows] >= 0) & (days[cols] >= 0)
        cut[dated & (np.abs(days[rows] - days[cols]) > DATE_GAP_DAYS)] = 1.0
    bad = cut > 0
    return rows[bad], cols[bad], cut[bad]


def _values_at(matrix: sparse.spmatrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``matrix[rows, cols]`` (0 where nothing is stored), by one sort and one binary search over
    the stored entries: indexing a sparse matrix with a list of pairs searched each row on its
    own, and on a day of 2,000 articles (4 million pairs) that cost ten seconds."""
    size = matrix.shape[1]
    stored = matrix.tocoo()
    keys = stored.row.astype(np.int64) * size + stored.col
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    wanted = rows.astype(np.int64) * size + cols
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    values = np.zeros(len(wanted))
    if len(keys):
        found = keys[at] == wanted
        values[found] = stored.data[order][at[found]]
    return values


def agglomerate(vectors: sparse.csr_matrix, distance: float = EVENT_DISTANCE,
                veto: sparse.csr_matrix | None = None) -> list[list[int]]:
    """Groups of row indices, average linkage on cosine distance cut at `distance`. Pairs marked
    in `veto` (`look_alike_veto`) lose the share of their similarity it gives.

    Groups come in order of their first row; rows within a group ascend.
    """
    n = vectors.shape[0]
    if n == 0:
        return []
    veto = veto if veto is not None and veto.nnz else None
    edges = [_close_pairs(vectors, veto, distance, start, min(n, start + PAIR_ROWS)) for start in range(0, n, PAIR_ROWS)]
    groups: list[list[int]] = []
    for members in _components(n, np.concatenate([e[0] for e in edges]), np.concatenate([e[1] for e in edges])):
        if len(members) == 1:
            groups.append(members.tolist())
            continue
        sub = _similarity(vectors[members], None if veto is None else veto[members][:, members]).toarray()
        labels = average_linkage(np.clip(1.0 - sub, 0.0, 2.0), distance)
        for label in np.unique(labels):
            groups.append(members[labels == label].tolist())
    return sorted(groups, key=lambda g: g[0])


def _similarity(rows: sparse.csr_matrix, veto: sparse.csr_matrix | None, columns: sparse.csr_matrix | None = None):
    """Cosine similarity of `rows` with `columns` (default: with themselves), less what `veto` takes."""
    similarity = (rows @ (rows if columns is None else columns).T).tocsr()
    if veto is not None:
        similarity = (similarity - similarity.multiply(veto)).tocsr()
    return similarity


def _close_pairs(vectors: sparse.csr_matrix, veto: sparse.csr_matrix | None, distance: float,
                 start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, columns) of the pairs closer than `distance`, for the articles `start` to `stop`."""
    block = _similarity(vectors[start:stop], None if veto is None else veto[start:stop], vectors)
    close = block.multiply(block >= 1.0 - distance).tocoo()
    return close.row.astype(np.int64) + start, close.col.astype(np.int64)


def _find(parent: list[int], i: int) -> int:
    """The root of `i` in the union-find forest `parent`, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _components(n: int, rows: np.ndarray, cols: np.ndarray) -> list[np.ndarray]:
    """The connected components of the graph on `n` nodes with edges (rows[k], cols[k]), each
    as its ascending node numbers."""
    root = list(range(n))
    for a, b in zip(rows.tolist(), cols.tolist()):
        ra, rb = _find(root, a), _find(root, b)
        if ra != rb:
            root[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(_find(root, i), []).append(i)
    return [np.array(m) for m in members.values()]


def average_linkage(d: np.ndarray, cut: float) -> np.ndarray:
    """Flat clusters of average-linkage agglomeration of the square distance matrix `d`, cut at
    distance `cut`: a label per row, rows in one cluster sharing theirs.

    The groups are those of scipy's ``fcluster(linkage(condensed, "average"), cut, "distance")``
    (its nearest-neighbour chain, ties broken as it breaks them, the same arithmetic: tested
    against it), without importing ``scipy.cluster``, which imports the whole of
    ``scipy.spatial`` (a quarter of a second of every build). Two clusters are joined when their
    merge and every merge inside them is at most `cut`."""
    n = len(d)
    dist = np.array(d, dtype=np.float64)
    size = np.ones(n, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    highest = np.zeros(n)  # the highest merge inside each cluster so far
    label = list(range(n))

    chain: list[int] = []
    for _ in range(n - 1):
        x, y = _mutual_neighbours(dist, active, chain)
        height = dist[x, y]
        x, y = min(x, y), max(x, y)  # y goes on as the merged cluster
        top = max(height, highest[x], highest[y])
        if top <= cut:
            label[_find(label, x)] = _find(label, y)
        highest[y] = top
        active[x] = False
        others = active.copy()
        others[y] = False
        nx, ny = size[x], size[y]
        dist[others, y] = (nx * dist[others, x] + ny * dist[others, y]) / (nx + ny)
        dist[y, others] = dist[others, y]
        size[y] = nx + ny
    return np.array([_find(label, i) for i in range(n)])


def _mutual_neighbours(dist: np.ndarray, active: np.ndarray, chain: list[int]) -> tuple[int, int]:
    """Follow the chain of nearest neighbours until two clusters are each other's nearest (the
    previous link wins a tie, then the lowest index); both leave the chain."""
    if not chain:
        chain.append(int(np.flatnonzero(active)[0]))
    while True:
        x = chain[-1]
        row = np.where(active, dist[x], np.inf)
        row[x] = np.inf
        nearest = int(np.argmin(row))
        if len(chain) > 1 and not row[nearest] < dist[x, chain[-2]]:
            y = chain[-2]
            del chain[-2:]
            return x, y
        chain.append(nearest)


def cluster_events(analyzed: Sequence[AnalyzedArticle], distance: float = EVENT_DISTANCE) -> list[list[int]]:
    """The articles (by index) grouped by the event they report (look-alikes kept apart)."""
    vectors, blocks = event_blocks(analyzed)
    return agglomerate(vectors, distance, look_alike_veto(blocks, article_days(analyzed)))

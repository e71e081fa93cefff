"""Near-duplicate articles: syndicated wire copy, re-posts and updated versions of one story.

Each article gets a MinHash signature (datasketch, 128 permutations, fixed seed) over its word
5-gram shingles. Articles whose estimated Jaccard similarity reaches :data:`THRESHOLD` are linked
(LSH finds the candidates, the signatures confirm them) and the links are closed transitively into
groups. Nothing is deleted: the articles and their reports stay, and a group counts as one source
when events count their independent sources (see :mod:`eventwire.cluster_events`).

The result depends only on the set of signatures, never on their order: candidates are inserted
sorted by id and a group is named after its smallest article id.

    >>> a = signature("Air strikes killed 20 people in Idlib on Sunday, a monitor said. " * 3)
    >>> b = signature("Air strikes killed 20 people in Idlib on Sunday, a monitor said. " * 3 + "Reuters")
    >>> near_duplicate_groups({"a": a, "b": b})["b"]
    'a'
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

from .unionfind import UnionFind

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2.x permutation scheme; stored signatures are only comparable within one
SHINGLE = 5  # words per shingle
THRESHOLD = 0.45  # estimated Jaccard of shingle sets at which two articles are copies of one story
_WORD = re.compile(r"\w+", re.UNICODE)

__all__ = [
    "NUM_PERM",
    "THRESHOLD",
    "from_bytes",
    "near_duplicate_groups",
    "shingles",
    "signature",
    "similarity",
    "to_bytes",
]


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word k-grams of the lower-cased text (one shingle of all words for a text shorter than k)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str, *, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature of a text: ``num_perm`` uint64 values."""
    from datasketch import MinHash

    sh = sorted(shingles(text))
    if not sh:
        return np.zeros(num_perm, dtype=np.uint64)
    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def _empty(sig: np.ndarray) -> bool:
    return not np.any(sig)  # a text without words


def near_duplicate_groups(signatures: Mapping[str, np.ndarray], *, threshold: float = THRESHOLD
                          ) -> dict[str, str]:
    """Article id -> id of its near-duplicate group (the smallest id in the group); singletons map to themselves."""
    from datasketch import MinHash, MinHashLSH

    ids = sorted(signatures)
    sets = UnionFind(ids)

    live = [i for i in ids if not _empty(signatures[i])]
    if len(live) > 1:
        num_perm = len(signatures[live[0]])
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        for i in live:
            lsh.insert(i, MinHash(num_perm=num_perm, seed=SEED, hashvalues=signatures[i], scheme=SCHEME))
        for i in live:
            for j in sorted(lsh.query(MinHash(num_perm=num_perm, seed=SEED, hashvalues=signatures[i], scheme=SCHEME))):
                if j <= i or similarity(signatures[i], signatures[j]) < threshold:
                    continue
                sets.union(i, j)
    return {i: sets.find(i) for i in ids}

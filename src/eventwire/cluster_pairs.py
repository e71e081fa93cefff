"""Which reports are one incident: blocking, pair similarity and constrained merging (numpy).

1. **Blocking.** Reports are only compared inside one event-type family and one country, and only
   when their ACLED days are at most :data:`DAY_WINDOW` apart. Reports without a place form their
   own block per family.
2. **Similarity** of a candidate pair is a weighted sum (:data:`WEIGHTS`) of the evidence
   similarity (cosine of the stored all-MiniLM-L6-v2 vectors, or of hashed word vectors when no
   embeddings are available), same sub-event type, actor agreement (+1 shared, -1 disjoint),
   place agreement, day agreement (:func:`day_term`), casualty figures in the same range (a toll
   update is no disagreement, :func:`count_term`), and near-duplicate articles. Reports that repeat
   one sentence in two near-duplicate articles are joined first (:func:`copy_pairs`).
3. **Merging** respects ACLED's unit (one day x place x actor pair x type): candidate pairs are
   taken best first and two clusters join only if every cross pair keeps the days within the
   window (two reports stating different days must be a candidate pair on their own) and precise places within
   :data:`MAX_KM`, and their average cross-pair score stays
   above :data:`AVERAGE_LINK` (so a chain of look-alikes cannot glue two incidents together).

Everything is sorted by report id first and ties are broken by ids, so the groups never depend on
input order. Memory grows with the number of candidate pairs, which grows linearly with the
number of reports at a given density of reports per family, country and day.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

DAY_WINDOW = 1  # ACLED day difference allowed between reports of one incident
MAX_KM = 25.0  # precise places of one incident lie within this distance
NEAR_KM = 5.0  # counts as the same place
AREA_SCORE = 0.5  # place agreement of an admin area and a place inside it
THRESHOLD = 0.55  # pair score at which two reports are one incident (embeddings)
LEXICAL_THRESHOLD = 0.50  # the same without embeddings (hashed word vectors give lower cosines)
AVERAGE_LINK = 0.45  # mean cross-pair score two clusters need to join
COPY_COSINE = 0.95  # evidence this close, in two near-duplicate articles, is one claim copied
WEIGHTS = {"text": 0.50, "sub": 0.12, "actor": 0.12, "place": 0.08, "day": 0.06, "count": 0.06, "copy": 0.25,
           "day_conflict": 0.30, "count_conflict": 0.06}
LEXICAL_DIM = 4096
_CHUNK = 20000
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(["the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "from", "with", "was", "were", "is", "are", "has", "have", "had", "been", "be", "as", "that", "this", "it", "its", "their", "his", "her", "they", "he", "she", "said", "says", "say", "according", "after"])


@dataclass
class Features:
    """Per-report arrays, rows in report-id order."""

    ids: list[str]
    block: np.ndarray  # int: family x country
    day: np.ndarray  # int ordinal, -1 unknown
    lat: np.ndarray
    lon: np.ndarray
    level: np.ndarray  # 0 town, 1 admin area, 2 country, 3 no place
    place: np.ndarray  # int id of the place
    admin1: np.ndarray  # int id of the admin1 name (-1 none)
    sub: np.ndarray
    etype: np.ndarray  # event type (movements are one type)
    actor_a: np.ndarray  # the two actors' sides (a state's forces and government are one side), sorted; -1 none
    actor_b: np.ndarray
    fatalities: np.ndarray
    article: np.ndarray
    copy: np.ndarray  # near-duplicate group of the article
    vectors: np.ndarray  # (n, d) float32, unit length
    embedded: bool
    exact_day: np.ndarray  # bool: the day is stated (time precision 1), not the news-day fallback
    published: np.ndarray  # int ordinal of the article's publication day, -1 unknown
    named_a: np.ndarray  # bool: actor_a is an identified armed or political actor (not civilians,
    named_b: np.ndarray  # not an unidentified armed group)
    violent: np.ndarray  # bool: a lethal political-violence sub-type (battle, strike, bombing, attack)


def lexical_vectors(texts: list[str], dim: int = LEXICAL_DIM) -> np.ndarray:
    """Unit-length hashed vectors of content words and word pairs: the fallback when no embeddings exist."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for row, text in enumerate(texts):
        words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
        for tok in words + [f"{a} {b}" for a, b in zip(words, words[1:])]:
            h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=4).digest(), "little")
            out[row, h % dim] += 1.0
        norm = float(np.linalg.norm(out[row]))
        if norm:
            out[row] /= norm
    return out


def candidate_pairs(f: Features) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) in one block with days at most DAY_WINDOW apart (unknown days pair with nothing)."""
    order = np.lexsort((np.arange(len(f.ids)), f.day, f.block))
    blk, day = f.block[order], f.day[order]
    known = day >= 0
    left, right = [], []
    k = 1
    while k < len(order):
        ok = (blk[k:] == blk[:-k]) & (day[k:] - day[:-k] <= DAY_WINDOW) & known[k:] & known[:-k]
        if not ok.any():
            break
        pos = np.nonzero(ok)[0]
        left.append(order[pos])
        right.append(order[pos + k])
        k += 1
    if not left:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    a, b = np.concatenate(left), np.concatenate(right)
    return np.minimum(a, b), np.maximum(a, b)


def haversine(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def place_terms(f: Features, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(compatible, score) of the places of pairs: towns within MAX_KM; an admin area holds what lies in it."""
    li, lj = f.level[i], f.level[j]
    dist = haversine(f.lat[i], f.lon[i], f.lat[j], f.lon[j])
    towns = (li == 0) & (lj == 0)
    same_admin = (f.admin1[i] == f.admin1[j]) & (f.admin1[i] >= 0)
    area = ((li == 1) | (lj == 1)) & (li < 2) & (lj < 2)
    # an area holds a town in it, or around it (a region or district whose centre is near the town: Eastern
    # Ghouta and Damascus, a city and the province named after it)
    compatible = np.where(towns, dist <= MAX_KM,
                          np.where(area, same_admin | (f.place[i] == f.place[j]) | (dist <= MAX_KM), True))
    score = np.where(towns, np.where((f.place[i] == f.place[j]) | (dist <= NEAR_KM), 1.0, 0.5),
                     np.where(area, AREA_SCORE, -0.5))
    return compatible, score


def actor_term(f: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """+1 when the pairs share an actor, -1 when both name identified actors and share none of them, else 0.

    Sides, not names: a state's forces and its government are one side. Civilians and unidentified armed groups
    never disagree with a named actor: outlets name the perpetrator later, or only the victims.
    """
    ai, bi, aj, bj = f.actor_a[i], f.actor_b[i], f.actor_a[j], f.actor_b[j]
    shared = (((ai == aj) | (ai == bj)) & (ai >= 0)) | (((bi == aj) | (bi == bj)) & (bi >= 0))
    nai, nbi, naj, nbj = f.named_a[i], f.named_b[i], f.named_a[j], f.named_b[j]
    shared_named = (((ai == aj) & nai & naj) | ((ai == bj) & nai & nbj) | ((bi == aj) & nbi & naj)
                    | ((bi == bj) & nbi & nbj))
    both = (nai | nbi) & (naj | nbj)
    return np.where(shared, 1.0, np.where(both & ~shared_named, -1.0, 0.0))


def sub_term(f: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """1 for the same sub-event type (or kin: a suicide bomb and a bomb blast); 0.5 for the same event type, or
    two kinds of lethal violence (outlets call one strike an air strike, a shelling, an attack or a clash); 0
    otherwise."""
    near = (f.etype[i] == f.etype[j]) | (f.violent[i] & f.violent[j])
    return np.where(f.sub[i] == f.sub[j], 1.0, np.where(near, 0.5, 0.0))


def count_term(f: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """+1 for casualty figures within a factor 1.7, -1 beyond a factor 3.3, 0 otherwise or when one is missing.

    A toll update is not a disagreement: when the higher figure comes from an article published later
    (20 dead on Saturday, 276 on Sunday), a wide gap counts 0, not -1.
    """
    x, y = f.fatalities[i].astype(np.float64), f.fatalities[j].astype(np.float64)
    both = (x > 0) & (y > 0)
    ratio = np.where(both, np.minimum(x, y) / np.maximum(np.maximum(x, y), 1.0), 0.0)
    term = np.where(both, np.where(ratio >= 0.6, 1.0, np.where(ratio < 0.3, -1.0, 0.0)), 0.0)
    pi, pj = f.published[i], f.published[j]
    update = (pi >= 0) & (pj >= 0) & (((pi > pj) & (x > y)) | ((pj > pi) & (y > x)))
    return np.where(update & (term < 0), 0.0, term)


def day_term(f: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """+1 on the same day; -1 when both reports state their day and the days differ; 0 otherwise.

    A day that is only the article's news day (no date in the sentence) may be the day before.
    """
    same = f.day[i] == f.day[j]
    return np.where(same, 1.0, np.where(f.exact_day[i] & f.exact_day[j], -1.0, 0.0))


def _signed(term: np.ndarray, agree: float, conflict: float) -> np.ndarray:
    """A term in [-1, 1] weighted by ``agree`` when positive and by ``conflict`` when negative."""
    return np.where(term >= 0, agree * term, conflict * term)


def score_pairs(f: Features, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(score, compatible) of candidate pairs, computed in chunks to bound memory."""
    scores = np.zeros(len(i), dtype=np.float32)
    compat = np.zeros(len(i), dtype=bool)
    w = WEIGHTS
    for s in range(0, len(i), _CHUNK):
        a, b = i[s:s + _CHUNK], j[s:s + _CHUNK]
        text = np.einsum("ij,ij->i", f.vectors[a], f.vectors[b])
        ok, place = place_terms(f, a, b)
        copy = (f.copy[a] == f.copy[b]) & (f.article[a] != f.article[b])
        scores[s:s + _CHUNK] = (w["text"] * text + w["sub"] * sub_term(f, a, b) + w["actor"] * actor_term(f, a, b)
                                + w["place"] * place + _signed(day_term(f, a, b), w["day"], w["day_conflict"])
                                + _signed(count_term(f, a, b), w["count"], w["count_conflict"])
                                + w["copy"] * copy)
        compat[s:s + _CHUNK] = ok & ~_same_article_other_day(f, a, b)
    return scores, compat


def groups(f: Features) -> list[list[int]]:
    """Connected groups of report rows (each sorted), merged best pair first under the unit constraints."""
    n = len(f.ids)
    i, j = candidate_pairs(f)
    score, ok = score_pairs(f, i, j)
    floor = AVERAGE_LINK / 2
    keep = ok & (score >= floor)
    i, j, score = i[keep], j[keep], score[keep]
    pair_score = dict(zip(zip(i.tolist(), j.tolist()), score.tolist()))
    threshold = THRESHOLD if f.embedded else LEXICAL_THRESHOLD
    edge = score >= threshold
    ei, ej, es = i[edge], j[edge], score[edge]
    order = np.lexsort((ej, ei, -es))
    members: dict[int, list[int]] = {}
    root = list(range(n))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for x, y in copy_pairs(f):  # one claim in copies of one story: one incident, whatever days the copies carry
        ra, rb = find(x), find(y)
        if ra != rb:
            new, old = min(ra, rb), max(ra, rb)
            root[old] = new
            members[new] = sorted(members.get(ra, [ra]) + members.get(rb, [rb]))
            members.pop(old, None)
    for e in order.tolist():
        ra, rb = find(int(ei[e])), find(int(ej[e]))
        if ra == rb:
            continue
        ma, mb = members.get(ra, [ra]), members.get(rb, [rb])
        if not _joinable(f, ma, mb, pair_score):
            continue
        new, old = min(ra, rb), max(ra, rb)
        root[old] = new
        members[new] = sorted(ma + mb)
        members.pop(old, None)
    out: dict[int, list[int]] = {}
    for x in range(n):
        out.setdefault(find(x), []).append(x)
    return sorted(out.values())


def copy_pairs(f: Features) -> list[tuple[int, int]]:
    """Report pairs (i < j) of two different articles of one near-duplicate group whose evidence is the same
    sentence (cosine at least :data:`COPY_COSINE`): a re-post or syndicated copy repeating one claim.

    They are one incident even when the copies carry different dates (a re-post stamped with the day it
    was re-posted), so they are joined first and outside the day window; their places must still be
    compatible.
    """
    by_copy: dict[int, list[int]] = {}
    for k in np.nonzero(f.copy != f.article)[0].tolist():
        by_copy.setdefault(int(f.copy[k]), []).append(k)
    for k in range(len(f.ids)):  # the group's own article (copy_of names it) holds reports too
        if int(f.article[k]) in by_copy:
            by_copy[int(f.article[k])].append(k)
    out = []
    for rows in by_copy.values():
        idx = np.array(sorted(set(rows)))
        sims = f.vectors[idx] @ f.vectors[idx].T
        a, b = np.nonzero(np.triu(sims >= COPY_COSINE, 1))
        x, y = idx[a], idx[b]
        ok, _ = place_terms(f, x, y)
        keep = ok & (f.article[x] != f.article[y])
        out.extend(zip(x[keep].tolist(), y[keep].tolist()))
    return sorted(out)


def _same_article_other_day(f: Features, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One article's reports of two stated days are different incidents (e.g. a total split per day). A span
    ("since Wednesday afternoon") or a news day is no stated day: the article may tell one fight twice."""
    return (f.article[i] == f.article[j]) & (f.day[i] != f.day[j]) & f.exact_day[i] & f.exact_day[j]


def _joinable(f: Features, ma: list[int], mb: list[int], pair_score: dict[tuple[int, int], float]) -> bool:
    days = [int(f.day[x]) for x in ma + mb if f.day[x] >= 0]
    if days and max(days) - min(days) > DAY_WINDOW:
        return False
    a, b = np.array(ma), np.array(mb)
    ia, ib = np.repeat(a, len(b)), np.tile(b, len(a))
    ok, _ = place_terms(f, ia, ib)
    other_day = f.day[ia] != f.day[ib]
    if not ok.all() or _same_article_other_day(f, ia, ib).any():
        return False
    # two reports that each state a different day join only on their own strength, never through a third
    threshold = THRESHOLD if f.embedded else LEXICAL_THRESHOLD
    stated = other_day & f.exact_day[ia] & f.exact_day[ib]
    if any(pair_score.get((min(x, y), max(x, y)), 0.0) < threshold
           for x, y in zip(ia[stated].tolist(), ib[stated].tolist())):
        return False
    total = sum(pair_score.get((min(x, y), max(x, y)), 0.0) for x in ma for y in mb)
    return total / (len(ma) * len(mb)) >= AVERAGE_LINK

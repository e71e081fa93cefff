"""The only cross-article step: Reports into Events (deduplication, corroboration, conflicts).

:func:`cluster` is a pure function of the reports, the article metadata and the stored report
vectors: the same inputs give the same events in any order, in any runner. The steps live in
``cluster_pairs`` (blocking, similarity, merging under ACLED's unit) and ``cluster_events`` (one
Event per group: independent sources, disagreements, notes, ids). :func:`recluster` is the job's
entry point: it fills what the store lacks (MinHash signatures of articles, embeddings of
reports), clusters all stored reports and writes the events, keeping the ids of events that
carry on and redirecting the others. See docs/clustering.md.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from . import cluster_pairs
from .cluster_events import (
    assign_ids,
    build_event,
    disagreements,
    event_id,
    independent_sources,
    notes_for,
)
from .extract import taxonomy
from .model import DateSpan, Event, Report
from .resolve.dates import STATEMENT_DAY, acled_day

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "assign_ids",
    "build_event",
    "cluster",
    "disagreements",
    "embed_reports",
    "event_day",
    "event_id",
    "features",
    "independent_sources",
    "notes_for",
    "recluster",
    "report_text",
]
log = logging.getLogger(__name__)


def event_day(span: DateSpan | None) -> date | None:
    """ACLED's event_date for a span (a day; the middle of a week or month)."""
    return acled_day(span) if span is not None else None


def report_text(r: Report) -> str:
    """What is embedded for a report: its main evidence sentence."""
    return r.sentence or r.trigger


EMBEDDING_MODEL = "all-MiniLM-L6-v2"


def embed_reports(texts: list[str]) -> tuple[np.ndarray | None, str]:
    """(vectors, model name) from eventwire.embed; (None, reason) when it cannot be used here."""
    try:
        from . import embed
    except ImportError as exc:
        return None, f"eventwire.embed unavailable ({exc})"
    try:
        return embed.embed(texts), EMBEDDING_MODEL
    except Exception as exc:  # noqa: BLE001 - a missing or unchecked model degrades to lexical similarity
        return None, f"embedding failed ({type(exc).__name__}: {exc})"


def _place_of(r: Report):
    return r.place or r.destination or r.origin


def _disorder(r: Report) -> str:
    """The blocking family: ACLED's disorder type (political violence, demonstrations, strategic developments).

    ACLED codes an airstrike inside a battle, or an abduction that ends in a killing, as one event, and
    different outlets often call one incident by different types; so blocking stays at the disorder level
    and the sub-event type only weighs in the similarity.
    """
    fam = taxonomy.family(r.sub_event_type)
    if fam == "movement":
        return "Strategic developments"
    return r.disorder_type or fam


_NOT_NAMED = ("generic:civilians", "generic:unidentified")
# sub-event types outlets use for one incident as often as not: whether the bomber died with the bomb ("a suicide
# car bomb", "a bomb blast", "an explosion") is often told later, or never
_KIN = {"Suicide bomb": "bombing", "Remote explosive/landmine/IED": "bombing"}
# lethal political violence: one incident is called any of these by different outlets
_VIOLENT = frozenset(r.sub_event_type for r in taxonomy.SUB_TYPES.values()
                     if r.event_type in ("Battles", "Explosions/Remote violence")) | {
    "Attack", "Excessive force against protesters", "Mob violence"}


def _level(r: Report) -> int:
    p = _place_of(r)
    if p is None:
        return 3
    if p.feature in ("city", "capital", "town", "village", ""):
        return 0 if p.lat or p.lon else 2
    if p.feature == "country":
        return 2
    return 1


def _ordinal(value: Any) -> int:
    """The publication day as an ordinal (-1 unknown) from a stored ISO date or datetime."""
    if isinstance(value, date):
        return value.toordinal()
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return -1


def features(reports: list[Report], articles: Mapping[str, Mapping[str, Any]],
             vectors: Mapping[str, np.ndarray] | None = None) -> cluster_pairs.Features:
    """The per-report arrays clustering works on; ``reports`` must be sorted by id."""
    ints: dict[tuple[str, str], int] = {}

    def code(kind: str, value: str) -> int:
        return ints.setdefault((kind, value), len(ints))

    n = len(reports)
    block, day, sub, etype, a1, a2, fat, art, copy_, level, place, admin1, pub = (np.zeros(n, dtype=np.int64) for _ in range(13))
    exact = np.zeros(n, dtype=bool)
    named_a, named_b, violent = (np.zeros(n, dtype=bool) for _ in range(3))
    lat, lon = np.zeros(n), np.zeros(n)
    for k, r in enumerate(reports):
        p = _place_of(r)
        country = (p.iso3 or p.country) if p else ""
        block[k] = code("block", f"{_disorder(r)}|{country}")
        d = event_day(r.date)
        day[k] = d.toordinal() if d else -1
        exact[k] = bool(d) and r.date.precision == 1 and not r.date.basis.startswith(STATEMENT_DAY)  # type: ignore[union-attr]
        sub[k] = code("sub", _KIN.get(r.sub_event_type, r.sub_event_type))
        etype[k] = code("type", taxonomy.family(r.sub_event_type))
        actors = sorted({taxonomy.side(x.id) for x in (r.actor1, r.actor2) if x is not None})
        a1[k] = code("actor", actors[0]) if actors else -1
        a2[k] = code("actor", actors[1]) if len(actors) > 1 else -1
        named_a[k] = bool(actors) and not actors[0].startswith(_NOT_NAMED)
        named_b[k] = len(actors) > 1 and not actors[1].startswith(_NOT_NAMED)
        violent[k] = r.sub_event_type in _VIOLENT
        fat[k] = r.fatalities
        art[k] = code("article", r.article_id)
        meta = articles.get(r.article_id) or {}
        copy_[k] = code("article", str(meta.get("copy_of") or r.article_id))
        pub[k] = _ordinal(meta.get("published"))
        level[k] = _level(r)
        place[k] = code("place", p.geonameid or p.name) if p else -1
        admin1[k] = code("admin1", f"{country}|{p.admin1}") if p and p.admin1 else -1
        lat[k], lon[k] = (p.lat, p.lon) if p else (0.0, 0.0)
    have = vectors is not None and n > 0 and all(r.id in vectors for r in reports)
    if have:
        mat = np.stack([np.asarray(vectors[r.id], dtype=np.float32) for r in reports])  # type: ignore[index]
    else:
        mat = cluster_pairs.lexical_vectors([report_text(r) for r in reports])
    return cluster_pairs.Features(ids=[r.id for r in reports], block=block, day=day, lat=lat, lon=lon, level=level,
                                  place=place, admin1=admin1, sub=sub, etype=etype, actor_a=a1, actor_b=a2, fatalities=fat,
                                  article=art, copy=copy_, vectors=mat, embedded=have,
                                  exact_day=exact, published=pub, named_a=named_a, named_b=named_b, violent=violent)


def cluster(reports: list[Report], articles: Mapping[str, Mapping[str, Any]],
            vectors: Mapping[str, np.ndarray] | None = None) -> list[Event]:
    """Events from all reports.

    ``articles`` maps article id to its stored metadata (outlet, affiliation, published, and
    ``copy_of``: the near-duplicate group). ``vectors`` maps report id to its unit-length
    embedding; without vectors for every report, similarity falls back to hashed word vectors.
    """
    ordered = sorted(reports, key=lambda r: r.id)
    f = features(ordered, articles, vectors)
    events = [build_event([ordered[k] for k in g], dict(articles)) for g in cluster_pairs.groups(f)]
    return sorted(events, key=lambda e: (str(event_day(e.date) or ""), e.id))


def recluster(store: Store, version: str) -> tuple[list[Event], dict[str, int]]:
    """Fill missing signatures and embeddings, cluster every stored report, write the events."""
    from . import dedup

    store.ensure_signatures(dedup.signature)
    links = dedup.near_duplicate_groups(store.signatures())
    store.save_links(links)
    reports = store.reports()
    missing = store.reports_without_vector()
    if missing:
        todo = [r for r in reports if r.id in missing]
        vecs, model = embed_reports([report_text(r) for r in todo])
        if vecs is None:
            log.warning("clustering without embeddings: %s; using lexical similarity", model)
        else:
            store.save_vectors({r.id: v for r, v in zip(todo, vecs)}, model)
    events = cluster(reports, store.articles_meta(), store.vectors())
    return events, store.replace_events(events, version)

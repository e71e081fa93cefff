"""From a group of reports to one Event: counts, independent sources, disagreements, stable ids.

* ``n_reports`` counts reports, ``n_articles`` articles, ``n_sources`` **independent** sources:
  articles of one outlet count once, and so do near-duplicate articles (syndicated wire copy,
  re-posts; :mod:`eventwire.dedup`) whatever outlet carries them. Outlets that a state or a party
  to the conflict owns or funds are counted but flagged (``affiliated_sources``).
* Where reports disagree on the dead, the day, the perpetrator or the sub-event type, the event
  keeps every version (``disagreements``) and says so in the notes; the headline fatality figure
  is the lowest reported one (ACLED) and ``fatalities_max`` keeps the top of the range.
* Event ids: a new group is named after its smallest report id; :func:`assign_ids` lets a group
  inherit the id of the stored event it overlaps most, so adding articles does not rename events.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from typing import Any

from .model import Event, Report
from .resolve.dates import acled_day
from .unionfind import UnionFind

AFFILIATED = ("state", "party")


def event_id(reports: list[Report]) -> str:
    return "ev" + hashlib.sha256(min(r.id for r in reports).encode()).hexdigest()[:12]


def _fallback_id(report_ids: list[str]) -> str:
    return "ev" + hashlib.sha256(",".join(sorted(report_ids)).encode()).hexdigest()[:12]


def _day(r: Report) -> str:
    d = acled_day(r.date) if r.date is not None else None
    return d.isoformat() if d else ""


def independent_sources(article_ids: set[str], articles: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Articles grouped into independent sources: one outlet, or one near-duplicate group, is one source."""
    sets = UnionFind(article_ids)

    seen: dict[str, str] = {}
    for a in sorted(article_ids):
        meta = articles.get(a) or {}
        for key in (f"outlet:{(meta.get('outlet') or '').strip().lower()}" if meta.get("outlet") else "",
                    f"copy:{meta.get('copy_of') or a}"):
            if not key:
                continue
            if key in seen:
                sets.union(a, seen[key])
            else:
                seen[key] = a
    out: dict[str, list[str]] = {}
    for a in sorted(article_ids):
        out.setdefault(sets.find(a), []).append(a)
    return sorted(out.values())


def disagreements(group: list[Report]) -> dict[str, Any]:
    """What the reports of one event disagree on: fatalities, day, perpetrator, sub-event type."""
    out: dict[str, Any] = {}
    figures = sorted({r.fatalities for r in group if r.fatalities})
    if len(figures) > 1:
        out["fatalities"] = {"reported": figures, "headline": figures[0], "min": figures[0],
                             "max": max([r.fatalities_max or r.fatalities for r in group])}
    days = sorted({_day(r) for r in group} - {""})
    if len(days) > 1:
        out["dates"] = days
    perpetrators = sorted({(r.actor1.acled_name or r.actor1.name) for r in group if r.actor1})
    if len(perpetrators) > 1:
        out["perpetrators"] = perpetrators
    subs = sorted({r.sub_event_type for r in group})
    if len(subs) > 1:
        out["sub_event_types"] = subs
    return out


def _lead(group: list[Report]) -> Report:
    """The report whose fields head the event: most precise place, then confidence, then named actors."""
    return max(group, key=lambda r: (-(r.geo_precision or 4), r.confidence, bool(r.actor1), bool(r.actor2), r.id))


def build_event(group: list[Report], articles: dict[str, dict[str, Any]]) -> Event:
    group = sorted(group, key=lambda r: r.id)
    lead = _lead(group)
    day_votes = Counter(_day(r) for r in group if _day(r))
    dated = lead
    if day_votes:
        best = min(day_votes, key=lambda d: (-day_votes[d], d))  # the day most reports give; the earliest on a tie
        dated = _lead([r for r in group if _day(r) == best])
    sub_votes = Counter(r.sub_event_type for r in group)
    sub_lead = lead if sub_votes[lead.sub_event_type] == max(sub_votes.values()) else _lead(
        [r for r in group if sub_votes[r.sub_event_type] == max(sub_votes.values())])
    counted = [r.fatalities for r in group if r.fatalities]
    article_ids = {r.article_id for r in group}
    sources = independent_sources(article_ids, articles)
    outlets = sorted({(articles.get(a) or {}).get("outlet") or f"article {a}" for a in article_ids})
    affiliated = sorted({f"{m.get('outlet')} ({m.get('affiliation')})" for a in article_ids
                         if (m := articles.get(a) or {}).get("affiliation") in AFFILIATED and m.get("outlet")})
    published = sorted(str(p) for a in article_ids if (p := (articles.get(a) or {}).get("published")))
    claimants = sorted({c.name for r in group for c in r.attributed_to})
    notes = sorted({r.verification for r in group if r.verification})
    modalities = {r.modality for r in group}
    ev = Event(
        id=event_id(group), report_ids=[r.id for r in group],
        event_type=sub_lead.event_type, sub_event_type=sub_lead.sub_event_type, disorder_type=sub_lead.disorder_type,
        actor1=lead.actor1 or next((r.actor1 for r in group if r.actor1), None),
        actor2=lead.actor2 or next((r.actor2 for r in group if r.actor2), None),
        assoc_actor1=lead.assoc_actor1, assoc_actor2=lead.assoc_actor2,
        place=lead.place, geo_precision=lead.geo_precision, date=dated.date,
        fatalities=min(counted) if counted else 0, fatalities_min=min(counted) if counted else 0,
        fatalities_max=max([r.fatalities_max or r.fatalities for r in group] or [0]),
        injured=min([r.injured for r in group if r.injured] or [0]),
        arrested=min([r.arrested for r in group if r.arrested] or [0]),
        abducted=min([r.abducted for r in group if r.abducted] or [0]),
        civilian_targeting=any(r.civilian_targeting for r in group),
        origin=lead.origin or next((r.origin for r in group if r.origin), None),
        destination=lead.destination or next((r.destination for r in group if r.destination), None),
        n_reports=len(group), n_articles=len(article_ids), n_sources=len(sources),
        sources=outlets, attributed_to=claimants, verification="; ".join(notes),
        modality="asserted" if "asserted" in modalities else sorted(modalities)[0],
        background=all(r.background for r in group), cameo=sub_lead.cameo, plover=sub_lead.plover,
        confidence=max(r.confidence for r in group),
    )
    disputes = disagreements(group)
    _set_optional(ev, first_reported=published[0] if published else "", disagreements=disputes,
                  affiliated_sources=affiliated)
    ev.notes = notes_for(ev, group, disputes, affiliated)
    return ev


def _set_optional(ev: Event, **values: Any) -> None:
    """Fill Event fields that this version of the model has (first_reported, disagreements, affiliated_sources)."""
    names = {f.name for f in dataclasses.fields(ev)}
    for k, v in values.items():
        if k in names:
            setattr(ev, k, v)


def notes_for(ev: Event, group: list[Report], disputes: dict[str, Any] | None = None,
              affiliated: list[str] | None = None) -> str:
    """ACLED house style: 'On <date>, <actor> <did> in <place>.' plus splits, disputes and doubts."""
    day = acled_day(ev.date) if ev.date is not None else None
    when = day.strftime("%-d %B %Y") if day else "an unknown date"
    who = ev.actor1.acled_name or ev.actor1.name if ev.actor1 else "unidentified actors"
    where = ev.place.name if ev.place else "an unknown place"
    parts = [f"On {when}, {who}: {ev.sub_event_type.lower()} in {where}."]
    if ev.destination and ev.destination is not ev.place:
        parts.append(f"Destination: {ev.destination.name}.")
    parts.extend(sorted({r.count_note for r in group if r.count_note}))
    disputes = disputes or {}
    if "fatalities" in disputes:
        figs = disputes["fatalities"]["reported"]
        parts.append(f"Reports disagree on fatalities ({', '.join(map(str, figs))}); lowest coded.")
    elif ev.fatalities_max > ev.fatalities:
        parts.append(f"Reported fatalities range {ev.fatalities}-{ev.fatalities_max}; lowest coded.")
    if "dates" in disputes:
        parts.append(f"Reports give different dates ({', '.join(disputes['dates'])}).")
    if "perpetrators" in disputes:
        parts.append(f"Reports name different perpetrators ({'; '.join(disputes['perpetrators'])}).")
    if affiliated:
        parts.append(f"Affiliated sources: {'; '.join(affiliated)}.")
    if ev.verification:
        parts.append(f"Verification: {ev.verification}.")
    return " ".join(parts)


def assign_ids(events: list[Event], previous: dict[str, set[str]]) -> None:
    """Rename ``events`` in place so each inherits the id of the stored event it overlaps most.

    ``previous`` maps stored event ids to their report ids. Pairs are taken by overlap (largest
    first, then by old id, then by new id), each old id at most once; the rest keep their content
    id, or an id from all their report ids when that one is taken.
    """
    owner = {rid: old for old, rids in previous.items() for rid in rids}
    overlaps: list[tuple[int, str, str, int]] = []
    for k, ev in enumerate(events):
        counts = Counter(owner[r] for r in ev.report_ids if r in owner)
        overlaps.extend((-n, old, ev.id, k) for old, n in counts.items())
    taken_old: set[str] = set()
    named: dict[int, str] = {}
    for _, old, _, k in sorted(overlaps):
        if old in taken_old or k in named:
            continue
        taken_old.add(old)
        named[k] = old
    used = set(named.values()) | set(previous)
    for k, ev in enumerate(events):
        if k in named:
            ev.id = named[k]
        elif ev.id in used:
            ev.id = _fallback_id(ev.report_ids)
        used.add(ev.id)

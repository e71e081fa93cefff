"""The only cross-article step: Reports into Events.

ACLED's unit: one day x one place x one actor pair x one type. Reports that agree on all four
(with the actors treated as unordered, and a missing actor compatible with any) are one event.
The result never depends on input order: reports are processed sorted by id and each event's id
comes from its earliest report.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from datetime import date

from .extract import taxonomy
from .model import DateSpan, Event, Report
from .resolve.dates import acled_day


def event_day(span: DateSpan | None) -> date | None:
    """ACLED's event_date for a span (a day; the middle of a week or month)."""
    return acled_day(span) if span is not None else None


def _key(r: Report) -> tuple[str, str, str, str]:
    day = event_day(r.date).isoformat() if event_day(r.date) else ""
    place = r.place.geonameid if r.place else (r.destination.geonameid if r.destination else "")
    return taxonomy.family(r.sub_event_type), r.sub_event_type, day, place


def _actors(r: Report) -> set[str]:
    return {a.id for a in (r.actor1, r.actor2) if a is not None}


def cluster(reports: list[Report], articles: dict[str, dict[str, Any]]) -> list[Event]:
    """Events from all reports. ``articles`` maps article id to its stored metadata (outlet, ...)."""
    groups: dict[tuple[str, str, str, str], list[list[Report]]] = defaultdict(list)
    for r in sorted(reports, key=lambda r: r.id):
        bucket = groups[_key(r)]
        mine = _actors(r)
        home = next((g for g in bucket if _compatible(mine, set().union(*map(_actors, g)))), None)
        if home is None:
            bucket.append([r])
        else:
            home.append(r)
    events = [build_event(g, articles) for groups_ in groups.values() for g in groups_]
    return sorted(events, key=lambda e: (str(event_day(e.date) or ""), e.id))


def _compatible(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def event_id(reports: list[Report]) -> str:
    return "ev" + hashlib.sha256(min(r.id for r in reports).encode()).hexdigest()[:12]


def build_event(group: list[Report], articles: dict[str, dict[str, Any]]) -> Event:
    lead = max(group, key=lambda r: (r.confidence, bool(r.actor1), bool(r.actor2), r.id))
    counted = [r.fatalities for r in group if r.fatalities]
    outlets = sorted({(articles.get(r.article_id) or {}).get("outlet") or f"article {r.article_id}" for r in group})
    claimants = sorted({c.name for r in group for c in r.attributed_to})
    notes = sorted({r.verification for r in group if r.verification})
    modalities = {r.modality for r in group}
    ev = Event(
        id=event_id(group), report_ids=sorted(r.id for r in group),
        event_type=lead.event_type, sub_event_type=lead.sub_event_type, disorder_type=lead.disorder_type,
        actor1=lead.actor1 or next((r.actor1 for r in group if r.actor1), None),
        actor2=lead.actor2 or next((r.actor2 for r in group if r.actor2), None),
        assoc_actor1=lead.assoc_actor1, assoc_actor2=lead.assoc_actor2,
        place=lead.place, geo_precision=lead.geo_precision, date=lead.date,
        fatalities=min(counted) if counted else 0, fatalities_min=min(counted) if counted else 0,
        fatalities_max=max([r.fatalities_max or r.fatalities for r in group] or [0]),
        injured=min([r.injured for r in group if r.injured] or [0]),
        arrested=min([r.arrested for r in group if r.arrested] or [0]),
        abducted=min([r.abducted for r in group if r.abducted] or [0]),
        civilian_targeting=any(r.civilian_targeting for r in group),
        origin=lead.origin or next((r.origin for r in group if r.origin), None),
        destination=lead.destination or next((r.destination for r in group if r.destination), None),
        n_reports=len(group), n_articles=len({r.article_id for r in group}), n_sources=len(outlets),
        sources=outlets, attributed_to=claimants, verification="; ".join(notes),
        modality="asserted" if "asserted" in modalities else sorted(modalities)[0],
        background=all(r.background for r in group), cameo=lead.cameo, plover=lead.plover,
        confidence=max(r.confidence for r in group),
    )
    ev.notes = notes_for(ev, group)
    return ev


def notes_for(ev: Event, group: list[Report]) -> str:
    """ACLED house style: 'On <date>, <actor> <did> in <place>.' plus splits and doubts."""
    day = event_day(ev.date)
    when = day.strftime("%-d %B %Y") if day else "an unknown date"
    who = ev.actor1.acled_name or ev.actor1.name if ev.actor1 else "unidentified actors"
    where = ev.place.name if ev.place else "an unknown place"
    parts = [f"On {when}, {who}: {ev.sub_event_type.lower()} in {where}."]
    if ev.destination and ev.destination is not ev.place:
        parts.append(f"Destination: {ev.destination.name}.")
    parts.extend(sorted({r.count_note for r in group if r.count_note}))
    if ev.fatalities_max > ev.fatalities:
        parts.append(f"Reported fatalities range {ev.fatalities}-{ev.fatalities_max}; lowest coded.")
    if ev.verification:
        parts.append(f"Verification: {ev.verification}.")
    return " ".join(parts)

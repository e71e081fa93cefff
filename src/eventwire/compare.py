"""`eventwire compare FILE`: our events against a user's ACLED CSV extract or GDELT 2.0 event export.

Matching uses the rules of clustering: the same disorder type (political violence, demonstrations,
strategic developments), ACLED days at most one apart, and places within 25 km (or, when a side
has no coordinates, the same admin1 or location name in the same country). Candidate pairs are
scored (same sub-event type, same day, distance, shared actor words, casualty figures in range)
and matched one to one, best first. Only our events inside the file's coverage (its dates and
countries) can be "extra". Every row carries a reason.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .cluster_pairs import DAY_WINDOW, MAX_KM
from .errors import DataError
from .evaluation.matching import haversine_km
from .extract import taxonomy
from .model import Event
from .resolve.dates import acled_day

GDELT_COLUMNS = 61
_GDELT_ROOT = {"14": "Demonstrations", "15": "Strategic developments", "18": "Political violence",
               "19": "Political violence", "20": "Political violence"}
_WORD = re.compile(r"[a-z]{3,}")
_STOP = {"the", "and", "forces", "force", "group", "unidentified", "armed", "military", "civilians"}


@dataclass
class Ref:
    """One row of the user's file, reduced to what matching needs."""

    id: str
    day: date
    disorder: str
    sub_event_type: str = ""
    lat: float | None = None
    lon: float | None = None
    location: str = ""
    admin1: str = ""
    country: str = ""
    actors: str = ""
    fatalities: int = 0
    raw: dict[str, Any] = field(default_factory=dict)


def _parse_day(value: str) -> date:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d %B %Y", "%Y%m%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise DataError(f"cannot read the date {value!r}; ACLED dates are YYYY-MM-DD, DD-MM-YYYY or '16 May 2025'")


def _float(v: str) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def read_reference(path: Path) -> tuple[str, list[Ref], int]:
    """(kind, rows, ignored) from an ACLED CSV (with header) or a GDELT 2.0 export (61 tab-separated columns)."""
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc
    first = text.split("\n", 1)[0]
    if "\t" in first and len(first.split("\t")) >= GDELT_COLUMNS - 4:
        return ("gdelt", *_gdelt(text))
    if "event_date" in first and "sub_event_type" in first:
        return ("acled", *_acled(text))
    raise DataError(f"{path} is neither an ACLED CSV (a header with event_date and sub_event_type) "
                    "nor a GDELT 2.0 event export (61 tab-separated columns)")


def _acled(text: str) -> tuple[list[Ref], int]:
    rows, ignored = [], 0
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), 1):
        sub = row.get("sub_event_type", "").strip()
        if not row.get("event_date") or not sub:
            ignored += 1
            continue
        disorder = row.get("disorder_type") or (taxonomy.SUB_TYPES[sub].disorder if sub in taxonomy.SUB_TYPES else "")
        if taxonomy.family(sub) == "movement":
            disorder = "Strategic developments"
        rows.append(Ref(id=row.get("event_id_cnty") or f"row {n}", day=_parse_day(row["event_date"]), disorder=disorder,
                        sub_event_type=sub, lat=_float(row.get("latitude", "")), lon=_float(row.get("longitude", "")),
                        location=row.get("location", ""), admin1=row.get("admin1", ""), country=row.get("country", ""),
                        actors=" ".join([row.get("actor1", ""), row.get("actor2", "")]),
                        fatalities=int(_float(row.get("fatalities", "")) or 0), raw=row))
    return rows, ignored


def _gdelt(text: str) -> tuple[list[Ref], int]:
    rows, ignored = [], 0
    for line in text.splitlines():
        c = line.split("\t")
        if len(c) < GDELT_COLUMNS - 4 or c[28][:2] not in _GDELT_ROOT:
            ignored += 1
            continue
        rows.append(Ref(id=c[0], day=_parse_day(c[1]), disorder=_GDELT_ROOT[c[28][:2]], sub_event_type=f"CAMEO {c[26]}",
                        lat=_float(c[56]), lon=_float(c[57]), location=c[52], country=c[53],
                        actors=f"{c[6]} {c[16]}", raw={"SOURCEURL": c[60] if len(c) > 60 else ""}))
    return rows, ignored


def _disorder(e: Event) -> str:
    return "Strategic developments" if taxonomy.family(e.sub_event_type) == "movement" else e.disorder_type


def _words(s: str) -> set[str]:
    return set(_WORD.findall(s.lower())) - _STOP


def _actors(e: Event) -> str:
    return " ".join(a.acled_name or a.name for a in (e.actor1, e.actor2) if a)


def _check(e: Event, r: Ref) -> tuple[bool, str, float]:
    """(compatible, why, score) of one of our events against one reference row."""
    day = acled_day(e.date) if e.date else None
    if day is None:
        return False, "our event has no date", 0.0
    if _disorder(e) != r.disorder:
        return False, f"different kind ({_disorder(e)} vs {r.disorder})", 0.0
    gap = abs((day - r.day).days)
    if gap > DAY_WINDOW:
        return False, f"{gap} days apart", 0.0
    p = e.place
    km = None
    if p is not None and r.lat is not None and r.lon is not None and (p.lat or p.lon):
        km = haversine_km(p.lat, p.lon, r.lat, r.lon)
        if km > MAX_KM:
            return False, f"{km:.0f} km apart", 0.0
    elif not (p and ((r.location and r.location.lower().startswith(p.name.lower()))
                     or (r.admin1 and p.admin1 and r.admin1.lower() == p.admin1.lower()))):
        return False, "places cannot be compared", 0.0
    score = 1.0 + (1.0 if gap == 0 else 0.0) + (1.0 if e.sub_event_type == r.sub_event_type else 0.0)
    score += 1.0 - (km / MAX_KM if km is not None else 0.5)
    shared = _words(_actors(e)) & _words(r.actors)
    score += 0.5 if shared else 0.0
    if e.fatalities and r.fatalities:
        score += 0.5 if min(e.fatalities, r.fatalities) / max(e.fatalities, r.fatalities) >= 0.5 else -0.5
    why = [("same day" if gap == 0 else "1 day apart"),
           ("same sub-event type" if e.sub_event_type == r.sub_event_type else f"types {e.sub_event_type} / {r.sub_event_type}"),
           (f"{km:.0f} km" if km is not None else "same area")]
    if shared:
        why.append("shared actor " + ", ".join(sorted(shared)))
    return True, "; ".join(why), score


def compare(events: list[Event], refs: list[Ref]) -> dict[str, Any]:
    """matched, missing (theirs, not ours) and extra (ours, not theirs), each row with a reason."""
    pairs = []
    for i, e in enumerate(events):
        for j, r in enumerate(refs):
            ok, why, score = _check(e, r)
            if ok:
                pairs.append((-score, e.id, r.id, i, j, why))
    pairs.sort()
    ours: dict[int, int] = {}
    theirs: dict[int, int] = {}
    matched = []
    for neg, _, _, i, j, why in pairs:
        if i in ours or j in theirs:
            continue
        ours[i], theirs[j] = j, i
        matched.append({"event_id": events[i].id, "ref_id": refs[j].id, "score": round(-neg, 2), "reason": why})
    first = min((r.day for r in refs), default=None)
    last = max((r.day for r in refs), default=None)
    countries = {r.country.lower() for r in refs if r.country}
    missing = []
    for j, r in enumerate(refs):
        if j in theirs:
            continue
        missing.append({"ref_id": r.id, "date": r.day.isoformat(), "sub_event_type": r.sub_event_type,
                        "location": r.location, "reason": _nearest(r, events, ours, refs)})
    extra, outside = [], 0
    for i, e in enumerate(events):
        if i in ours:
            continue
        day = acled_day(e.date) if e.date else None
        country = (e.place.country or "").lower() if e.place else ""
        gdelt_codes = any(len(c) == 2 and c.isalpha() for c in countries)  # GDELT: FIPS codes, not names
        if day is None or first is None or not (first <= day <= last) or (countries and not gdelt_codes
                                                                           and country not in countries):
            outside += 1
            continue
        extra.append({"event_id": e.id, "date": day.isoformat(), "sub_event_type": e.sub_event_type,
                      "location": e.place.name if e.place else "",
                      "reason": _nearest_ref(e, refs, theirs, events)})
    return {"matched": matched, "missing": missing, "extra": extra,
            "summary": {"ours": len(events), "theirs": len(refs), "matched": len(matched), "missing": len(missing),
                        "extra": len(extra), "ours_outside_file": outside}}


def _nearest(r: Ref, events: list[Event], ours: dict[int, int], refs: list[Ref]) -> str:
    best = None
    for i, e in enumerate(events):
        ok, why, score = _check(e, r)
        if ok:
            if i in ours:
                return f"{e.id} would match but is matched to {refs[ours[i]].id}"
        elif best is None and e.date and acled_day(e.date) and abs((acled_day(e.date) - r.day).days) <= 7:
            best = f"nearest of ours: {e.id} ({why})"
    return best or "no event of ours within a week of it"


def _nearest_ref(e: Event, refs: list[Ref], theirs: dict[int, int], events: list[Event]) -> str:
    for j, r in enumerate(refs):
        ok, why, _ = _check(e, r)
        if ok and j in theirs:
            return f"{r.id} would match but is matched to {events[theirs[j]].id}"
    return "no row in the file of the same kind within a day and 25 km"

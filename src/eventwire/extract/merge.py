"""Per article: repeated mentions of one incident make one report; multi-day totals split per day.

ACLED: one event per incident and day. Repeated mentions (same family, same actor1 when both are
named, same explicit date, same place) merge: evidence is pooled, the highest type in ACLED's
hierarchy wins, the lowest figure is kept. A total over several days is divided per day.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from ..model import DateSpan, Report
from ..resolve import dates
from . import counts, taxonomy


def report_id(article_id: str, *parts: object) -> str:
    return hashlib.sha256("|".join([article_id, *map(str, parts)]).encode()).hexdigest()[:16]


@dataclass
class Draft:
    """A report being built: the Report plus what merging and splitting need."""

    report: Report
    sent_index: int
    paragraph: int
    kind: str
    count_span: DateSpan | None = None
    date_explicit: bool = False
    key_places: set[str] = field(default_factory=set)
    fallback_place: bool = False  # placed at the article's place: the sentence names none
    separate: bool = False  # the sentence tells of a further incident ("were also killed", "elsewhere")
    anaphoric: bool = False  # a weak trigger pointing back ("the attack also caused ...")
    vague: set[str] = field(default_factory=set)  # count fields holding a vague word's convention ("dozens" = 12)
    specific: bool = True  # the kind comes from a word naming it ("air strike"), not a bare "attack" or "killed"


LETHAL = ("Battles", "Explosions/Remote violence", "Violence against civilians")  # lethal political violence


def merge(drafts: list[Draft]) -> list[Draft]:
    """Repeated mentions of one incident in one article make one report."""
    out: list[Draft] = []
    for d in drafts:
        target = None if d.separate else next(
            (o for o in out if o.fallback_place == d.fallback_place and same_incident(o, d)), None)
        if target is None and not d.separate and d.anaphoric and d.fallback_place:
            # "the attack" in a sentence naming no place: the last lethal incident told, wherever it was placed
            last = next((o for o in reversed(out) if taxonomy.family(o.report.sub_event_type) in LETHAL), None)
            target = last if last is not None and same_incident(last, d, places=False) else None
        if target is None and not d.separate and not d.fallback_place:
            # "The bomber attacked a crowd." told first, naming no place: the incident told next, with its place
            target = next((o for o in out if o.anaphoric and o.fallback_place and
                           same_incident(o, d, places=False)), None)
        if target is None:
            out.append(d)
            continue
        absorb(target, d)
    return out


def fold_headline(drafts: list[Draft], headline: int) -> list[Draft]:
    """The headline (paragraph ``headline``, -1 for none) restates the lead: a report from it joins the first of
    the next three body reports of the same kind, in the same country, with figures of one incident; the body
    report keeps its own type and place (the headline's are the vaguer ones)."""
    heads = [d for d in drafts if d.paragraph == headline]
    if headline < 0 or not heads:
        return drafts
    body = [d for d in drafts if d.paragraph != headline]
    kept = []
    for h in heads:
        target = next((b for b in body[:3] if _restates(h.report, b.report)), None)
        if target is None:
            kept.append(h)
            continue
        absorb(target, replace(h, anaphoric=True))  # as a mention pointing back: the body keeps its type
    return sorted(kept + body, key=lambda d: d.sent_index)


def _restates(head: Report, body: Report) -> bool:
    ft, fb = taxonomy.family(head.sub_event_type), taxonomy.family(body.sub_event_type)
    if ft != fb and not (ft in LETHAL and fb in LETHAL):
        return False
    if head.place and body.place and head.place.iso3 != body.place.iso3:
        return False
    low, high = sorted((head.fatalities, body.fatalities))
    return not (low and high > 3 * low)


def split_days(drafts: list[Draft]) -> list[Report]:
    """ACLED: a total over several days is divided per day, one event per day."""
    out: list[Report] = []
    for d in drafts:
        span = d.count_span
        days = dates.split_days(span) if span else []
        if len(days) < 2 or len(days) > 14:
            out.append(d.report)
            continue
        shares = counts.split_per_day(d.report.fatalities, len(days))
        for day, share in zip(days, shares):
            same_day = d.report.date is not None and d.report.date.earliest == day
            r = replace(d.report, id=report_id(d.report.id, day.isoformat()), fatalities=share,
                        fatalities_max=share if d.report.fatalities_max <= d.report.fatalities else d.report.fatalities_max,
                        date=d.report.date if same_day else DateSpan(day, day, 1, span.expression,
                                                                      f"day {days.index(day) + 1} of {len(days)}: {span.expression}"),
                        count_note=f"{d.report.fatalities} killed over {len(days)} days ({span.expression}), split per day")
            out.append(r)
    return out


def same_incident(a: Draft, b: Draft, *, places: bool = True) -> bool:
    ra, rb = a.report, b.report
    fa, fb = taxonomy.family(ra.sub_event_type), taxonomy.family(rb.sub_event_type)
    if fa != fb and not ((a.anaphoric or b.anaphoric) and fa in LETHAL and fb in LETHAL):
        return False
    ida, idb = _perpetrator(ra), _perpetrator(rb)
    if ida and idb and ida != idb:
        return False
    if a.date_explicit and b.date_explicit and ra.date and rb.date and ra.date.earliest != rb.date.earliest and \
            not _told_later(ra.date, rb.date) and not _told_later(rb.date, ra.date):
        return False
    if _span_days(ra.date) > 7 and a.date_explicit or _span_days(rb.date) > 7 and b.date_explicit:
        if min(_span_days(ra.date), _span_days(rb.date)) <= 1:
            return False  # a roll-up ("170,000 killed since March 2011") is not the day's incident
    low, high = sorted((ra.fatalities, rb.fatalities))
    if low and high > 10 * low:
        return False  # 700 and 170,000 dead are not one incident's figures
    if taxonomy.family(ra.sub_event_type) == "movement":
        if ra.destination and rb.destination and ra.destination.geonameid != rb.destination.geonameid:
            return False
        if rb.origin is None or ra.origin is None:
            return bool(a.key_places & b.key_places) or rb.origin is None and rb.destination is None or \
                (ra.destination is None and rb.origin is None)
        return ra.origin.geonameid == rb.origin.geonameid
    return not places or bool(ra.place and rb.place and ra.place.geonameid == rb.place.geonameid)


def _perpetrator(r: Report) -> str:
    """The side of actor1; civilians named first ("Fifteen civilians were killed in a barrel bomb attack") are
    the victims, not a side that could contradict the perpetrator another mention names."""
    side = taxonomy.side(r.actor1.id) if r.actor1 else ""
    return "" if side == "generic:civilians" else side


def _told_later(statement: DateSpan, day: DateSpan) -> bool:
    """``statement`` is only the day a statement was made ("UNICEF said on Thursday"), and ``day`` a day of the
    week before it: the incident the statement tells of may be that day's."""
    return statement.basis.startswith(dates.STATEMENT_DAY) and statement.earliest is not None and \
        day.earliest is not None and 0 < (statement.earliest - day.earliest).days <= 7


def _span_days(span: DateSpan | None) -> int:
    if span is None or span.earliest is None or span.latest is None:
        return 0
    return (span.latest - span.earliest).days


COUNT_FIELDS = {"fatalities": "killed", "injured": "injured", "arrested": "arrested", "abducted": "abducted"}


def lowest_figure(target: Draft, mine: int, other: Draft, theirs: int, name: str) -> int:
    """ACLED's lowest reported figure of two mentions, where a stated number beats a vague word's convention
    ("dozens" = 12 against "at least 58": 58). Records on ``target`` whether the result is vague."""
    if not theirs:
        return mine
    mine_vague, theirs_vague = name in target.vague, name in other.vague
    if mine and (mine_vague == theirs_vague and mine <= theirs or theirs_vague and not mine_vague):
        return mine
    target.vague.discard(name)
    if theirs_vague:
        target.vague.add(name)
    return theirs


def absorb(target: Draft, d: Draft) -> None:
    t, r = target.report, d.report
    t.evidence.extend(r.evidence)
    turns_out = (target.anaphoric or not target.specific) and d.specific and not d.anaphoric
    higher = taxonomy.RANK.get(r.sub_event_type, 99) < taxonomy.RANK.get(t.sub_event_type, 99) and (
        d.specific or taxonomy.family(r.sub_event_type) == taxonomy.family(t.sub_event_type))
    if turns_out or not d.anaphoric and (higher or r.sub_event_type == "Headquarters or base established"):
        # the kind a vague "the attack" turns out to be, or the higher kind in ACLED's hierarchy
        t.sub_event_type, t.event_type, t.disorder_type = r.sub_event_type, r.event_type, r.disorder_type
        target.specific = target.specific or d.specific
        t.cameo, t.plover = r.cameo, r.plover
        if r.sub_event_type == "Headquarters or base established":
            t.place, t.geo_precision = r.place, r.geo_precision
    if target.fallback_place and not d.fallback_place:
        t.place, t.geo_precision, target.fallback_place = r.place, r.geo_precision, False
    t.actor1 = t.actor1 or r.actor1
    t.actor2 = t.actor2 or r.actor2
    t.origin = t.origin or r.origin
    t.destination = t.destination or r.destination
    if d.date_explicit and (not target.date_explicit or t.date is not None and r.date is not None
                            and _told_later(t.date, r.date)):
        t.date, target.date_explicit = r.date, True  # the incident's own day beats the day it was told
    for f, name in COUNT_FIELDS.items():
        setattr(t, f, lowest_figure(target, getattr(t, f), d, getattr(r, f), name))
    t.fatalities_max = max(t.fatalities_max, r.fatalities_max)
    names = {c.name for c in t.attributed_to}
    t.attributed_to.extend(c for c in r.attributed_to if c.name not in names)
    if r.verification and r.verification not in t.verification:
        t.verification = "; ".join(x for x in (t.verification, r.verification) if x)
    if r.modality == "asserted":
        t.modality = "asserted"
    t.confidence = max(t.confidence, r.confidence)  # calibrated values: no bonus for repetition
    target.key_places |= d.key_places
    target.count_span = target.count_span or d.count_span

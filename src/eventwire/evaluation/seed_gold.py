"""`eventwire eval seed-gold`: the two seed articles against the expert hand-coding.

Rules (shared/data/README.md): only core events count; a predicted event matching an optional
event (or an acceptable alternative) is neither rewarded nor penalised. A match needs the sub-event
type (or an acceptable one), the date within ±1 day and the place within 50 km, one-to-one. Field
accuracies are over matched core events: actor1, date, fatalities, attribution (the claimant named
by the gold is among the report's sources) and evidence coverage (the gold evidence sentences are
among ours). Seed 002 carries no date and is given 2017-02-18, as a user would.
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from ..cluster import cluster, event_day
from ..ingest import IngestOptions, read_inputs
from ..model import Event, Report
from ..pipeline import PipelineConfig, process
from . import EvalContext, EvalResult, log, prf, scorer
from .matching import haversine_km, one_to_one

PUBLISHED = {"002_06028e4f8420d47b": date(2017, 2, 18)}


def _subs(g: dict[str, Any]) -> set[str]:
    return {g["sub_event_type"], *g.get("acceptable_sub_event_types", [])}


def _matches(e: Event, g: dict[str, Any]) -> bool:
    day = event_day(e.date)
    if e.sub_event_type not in _subs(g) or day is None or e.place is None:
        return False
    days = abs((day - date.fromisoformat(g["event_date"])).days)
    return days <= 1 and haversine_km(e.place.lat, e.place.lon, g["latitude"], g["longitude"]) <= 50


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9 ]", " ", s.lower())


def claimant_found(gold: str, reports: list[Report]) -> bool:
    """The gold claimant ('Syrian Observatory for Human Rights (fatality figure)') among our claimants."""
    from rapidfuzz import fuzz

    from ..resolve import sources

    name = re.split(r"[(:]", gold)[0].strip()
    gold_id = sources.classify_claimant(name).id
    ours = [c for r in reports for c in r.attributed_to]
    for c in ours:
        if gold_id and (c.id or sources.classify_claimant(c.name).id) == gold_id:
            return True
        if fuzz.token_set_ratio(_norm(name), _norm(c.name)) >= 80:
            return True
    return False


@scorer("seed-gold")
def score(ctx: EvalContext) -> EvalResult:
    gold_path = ctx.shared_dir / "data" / "seed-gold.json"
    gold = json.loads(gold_path.read_text())
    tp = fp = fn = 0
    fields = {"actor": [], "date": [], "fatalities": [], "attribution": [], "evidence": []}
    rows: list[tuple[str, str]] = []
    config = PipelineConfig(nlp=ctx.nlp)
    for art in gold["articles"]:
        path = ctx.shared_dir / "seeds" / art["seed_file"] if "seed_file" in art else \
            ctx.shared_dir / "seeds" / f"{art['article_id']}.txt"
        published = PUBLISHED.get(art["article_id"])
        (article,) = list(read_inputs([str(path)], IngestOptions(published=published)))
        article = process(article, config)
        if article.skipped:
            log(f"seed {art['article_id']} skipped: {article.skipped}")
        reports = {r.id: r for r in article.reports}
        meta = {article.id: {"outlet": article.outlet}}
        events = cluster(list(reports.values()), meta)
        core = [g for g in art["events"] if g["tier"] == "core"]
        optional = [g for g in art["events"] if g["tier"] != "core"]
        matched = one_to_one(events, core, _matches)
        neutral = {i for i, e in enumerate(events) if i not in matched and any(_matches(e, g) for g in optional)}
        tp += len(matched)
        fp += len(events) - len(matched) - len(neutral)
        fn += len(core) - len(matched)
        text = article.text
        for i, j in matched.items():
            e, g = events[i], core[j]
            reps = [reports[r] for r in e.report_ids]
            ok_actors = {g["actor1"], *g.get("acceptable_actor1", [])}
            fields["actor"].append(bool(e.actor1) and e.actor1.acled_name in ok_actors)
            fields["date"].append(str(event_day(e.date)) == g["event_date"])
            fields["fatalities"].append(e.fatalities == g["fatalities"])
            claims = [c for c in g.get("attributed_to", []) if not c.lower().startswith("unattributed")]
            fields["attribution"].append(all(claimant_found(c, reps) for c in claims))
            ours = " ".join(text[s.start:s.end] for r in reps for s in r.evidence)
            fields["evidence"].append(all(_norm(ev)[:80] in _norm(ours) for ev in g.get("evidence", [])))
            rows.append((g["gold_id"], f"{e.sub_event_type} {event_day(e.date)} {e.place.name if e.place else ''} "
                                       f"actor1={e.actor1.acled_name if e.actor1 else ''} dead={e.fatalities}"))
        for j, g in enumerate(core):
            if j not in matched.values():
                rows.append((g["gold_id"], f"MISSED {g['sub_event_type']} {g['event_date']} {g['location']}"))
        for i, e in enumerate(events):
            if i not in matched and i not in neutral:
                rows.append(("extra", f"{e.sub_event_type} {event_day(e.date)} "
                                      f"{e.place.name if e.place else ''}: {reports[e.report_ids[0]].sentence[:80]}"))
    p, r, f1 = prf(tp, fp, fn)
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    metrics: dict[str, float | None] = {
        "precision": p, "recall": r, "f1": f1, "actor_accuracy": mean(fields["actor"]),
        "date_accuracy": mean(fields["date"]), "fatalities_accuracy": mean(fields["fatalities"]),
        "attribution_accuracy": mean(fields["attribution"]), "evidence_coverage": mean(fields["evidence"])}
    return EvalResult("seed-gold", ctx.split, tp + fn, metrics, rows)

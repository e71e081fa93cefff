"""`eventwire eval confidence`: does a report's confidence mean what it says?

Reports from two dev sets whose gold can judge them, each report labelled matched / not matched:

- WikiEvents: every report; matched when its trigger overlaps a gold event trigger of a family we
  code (Conflict.*, Life.Die/Injure, Justice.ArrestJailDetain, Movement.Transportation,
  ArtifactExistence.DamageDestroy*).
- IndiaPoliceEvents: the reports that map to a police KILL or ARREST (see ``india_police``); matched
  when the document carries that label.

Keys: ``precision_at_0_8`` (share of reports with confidence >= 0.8 that match), ``n_at_0_8`` and
``ece`` (expected calibration error over 0.1-wide bins). The rows are the reliability table.
"""
from __future__ import annotations

import json
import time
from multiprocessing import get_context

from ..model import Span
from . import EvalContext, EvalResult, log, scorer
from .india_police import _init as _init_india
from .india_police import labels as india_labels
from .india_police import predict as india_predict
from .wikievents import doc_article, doc_text

CODED = ("Conflict.", "Life.Die", "Life.Injure", "Justice.ArrestJailDetain", "Movement.Transportation",
         "ArtifactExistence.DamageDestroy")


def wikievents_pairs(ctx: EvalContext) -> list[tuple[float, bool]]:
    from .. import nlp
    from ..extract.events import extract

    out = []
    for path in ctx.files("wikievents", "orig*.jsonl"):
        if "_info" in path.name:
            continue
        for doc in map(json.loads, path.open(encoding="utf-8")):
            text = doc_text(doc)
            tokens = [t for sent in doc["sentences"] for t in sent[0]]
            gold = [Span(tokens[e["trigger"]["start"]][1], tokens[e["trigger"]["end"] - 1][2])
                    for e in doc["event_mentions"] if e["event_type"].startswith(CODED)]
            article = nlp.annotate(doc_article(text), ctx.nlp)
            for rep in extract(article):
                sents = rep.evidence
                hit = False
                for s in sents:
                    at = text.find(rep.trigger, s.start, s.end)
                    if at >= 0 and any(g.start < at + len(rep.trigger) and at < g.end for g in gold):
                        hit = True
                out.append((rep.confidence, hit))
    return out


def india_pairs(ctx: EvalContext) -> list[tuple[float, bool]]:
    docs, meta = [], {}
    for path in ctx.files("india-police-events", "metadata.*.jsonl"):
        meta.update({r["doc_id"]: str(r.get("date") or "") for r in map(json.loads, path.open(encoding="utf-8"))})
    for path in ctx.files("india-police-events", "docs.*.jsonl"):
        docs.extend(map(json.loads, path.open(encoding="utf-8")))
    gold = {d["doc_id"]: set(d["doc_labels"]) for d in docs}
    items = [(d["doc_id"], d["doc_text"], meta.get(d["doc_id"], "")) for d in docs]
    out = []
    with get_context("fork").Pool(2, initializer=_init_india, initargs=(ctx.nlp,)) as pool:
        for doc_id, reps, _statements in pool.imap(india_predict, items, chunksize=4):
            for r in reps:
                mapped = india_labels([r])
                if mapped:
                    out.append((r["confidence"], mapped <= gold[doc_id]))
    return out


def reliability(pairs: list[tuple[float, bool]], width: float = 0.1) -> list[tuple[float, float, int, float]]:
    """Rows (bin low, bin high, n, share matched) over confidence bins."""
    rows = []
    k = 0.0
    while k < 1.0 - 1e-9:
        hi = k + width
        inside = [m for c, m in pairs if k <= c < hi or (hi >= 1.0 and c >= 1.0)]
        if inside:
            rows.append((round(k, 2), round(hi, 2), len(inside), sum(inside) / len(inside)))
        k = hi
    return rows


def collect(ctx: EvalContext) -> dict[str, list[tuple[float, bool]]]:
    t0 = time.time()
    wiki = wikievents_pairs(ctx)
    log(f"confidence: wikievents {len(wiki)} reports ({time.time() - t0:.0f}s)")
    india = india_pairs(ctx)
    log(f"confidence: india-police-events {len(india)} reports ({time.time() - t0:.0f}s)")
    return {"wikievents": wiki, "india-police-events": india}


@scorer("confidence")
def score(ctx: EvalContext) -> EvalResult:
    sets = collect(ctx)
    pairs = [p for v in sets.values() for p in v]
    high = [m for c, m in pairs if c >= 0.8]
    table = reliability(pairs)
    ece = sum(n * abs(share - (lo + hi) / 2) for lo, hi, n, share in table) / len(pairs) if pairs else 0.0
    rows = [(f"{lo:.1f}-{hi:.1f}", f"n={n} matched={share:.3f}") for lo, hi, n, share in table]
    rows += [(name, f"{len(v)} reports, {sum(m for _, m in v)} matched") for name, v in sets.items()]
    return EvalResult("confidence", ctx.split, len(pairs), {
        "precision_at_0_8": sum(high) / len(high) if high else None, "n_at_0_8": float(len(high)), "ece": ece}, rows)

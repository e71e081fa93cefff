"""`eventwire eval india-police-events`: police killings and arrests, document level (IndiaPoliceEvents).

IndiaPoliceEvents (Halterman et al. 2021) labels what the *police* did: KILL (police killed someone)
and ARREST (police arrested or detained someone). Our reports map to these labels as follows:

- ARREST: a report typed ``Arrests`` (ACLED: state forces detain), or any report with an arrested
  count, whose actor1 is police or state forces or unnamed (Indian reports of arrests are police
  arrests unless someone else is named).
- KILL: a report with a fatality figure or a lethal type (Attack, Excessive force against protesters,
  Armed clash) whose actor1 is police or whose evidence puts the deaths on police fire ("killed in
  police firing", "police opened fire ... killing").

A document is positive for a label when at least one of its reports maps to it. Texts are largely
lower case: they are case-restored first (:mod:`eventwire.extract.truecase`). Published dates come
from the metadata file.
"""
from __future__ import annotations

import json
import re
import time
from datetime import date
from multiprocessing import get_context
from typing import Any

from . import EvalContext, EvalResult, log, prf, scorer

POLICE_FIRE = re.compile(r"\b(?:police|cops?|policem[ae]n|constables?|sp|srp|crpf|rapid action force|raf)\b[^.;]{0,60}"
                         r"\b(?:fir(?:ed|ing|e)|shot|shoot\w*|bullets?|open(?:ed)? fire|kill\w*|gunned)\b|"
                         r"\b(?:fir(?:ed|ing)|bullets?|shot)\b[^.;]{0,20}\b(?:by|of) (?:the )?police\b|"
                         r"\bpolice (?:firing|fire|bullets?|action)\b", re.I)
POLICE_ACTOR = re.compile(r"police|state forces|military|security|army|government", re.I)
LETHAL = {"Attack", "Excessive force against protesters", "Armed clash", "Mob violence", "Violent demonstration"}


def summarise(article: Any) -> list[dict[str, Any]]:
    out = []
    for r in article.reports:
        text = " ".join(article.text[s.start:s.end] for s in r.evidence)
        out.append({"sub": r.sub_event_type, "actor1": (r.actor1.acled_name if r.actor1 else ""),
                    "actor1_inter": (r.actor1.inter if r.actor1 else -1), "fatalities": r.fatalities,
                    "arrested": r.arrested, "text": text, "confidence": r.confidence, "modality": r.modality})
    return out


def labels(reports: list[dict[str, Any]]) -> set[str]:
    out = set()
    for r in reports:
        police = bool(r["actor1"] and POLICE_ACTOR.search(r["actor1"])) or r["actor1_inter"] == 1
        if (r["sub"] == "Arrests" or r["arrested"]) and (police or not r["actor1"]):
            out.add("ARREST")
        lethal = r["fatalities"] > 0 or r["sub"] in LETHAL
        if lethal and (police and r["sub"] in LETHAL or POLICE_FIRE.search(r["text"])):
            if r["fatalities"] > 0 or re.search(r"\b(?:killed|dead|died|death|killing)\b", r["text"], re.I):
                out.add("KILL")
    return out


_CFG: Any = None


def _init(nlp_name: str) -> None:
    global _CFG
    from ..pipeline import PipelineConfig

    _CFG = PipelineConfig(nlp=nlp_name)


def predict(item: tuple[int, str, str]) -> tuple[int, list[dict[str, Any]]]:
    from ..extract.truecase import restore
    from ..pipeline import article_from_text, process

    doc_id, text, day = item
    published = date.fromisoformat(day[:10]) if day else None
    article = process(article_from_text(restore(text), published=published, locator=str(doc_id)), _CFG)
    return doc_id, summarise(article)


@scorer("india-police-events")
def score(ctx: EvalContext) -> EvalResult:
    docs, meta = [], {}
    for path in ctx.files("india-police-events", "metadata.*.jsonl"):
        with path.open(encoding="utf-8") as fh:
            for row in map(json.loads, fh):
                meta[row["doc_id"]] = str(row.get("date") or "")
    for path in ctx.files("india-police-events", "docs.*.jsonl"):
        with path.open(encoding="utf-8") as fh:
            docs.extend(map(json.loads, fh))
    items = [(d["doc_id"], d["doc_text"], meta.get(d["doc_id"], "")) for d in docs]
    t0 = time.time()
    preds: dict[int, list[dict[str, Any]]] = {}
    with get_context("fork").Pool(2, initializer=_init, initargs=(ctx.nlp,)) as pool:
        for i, (doc_id, reps) in enumerate(pool.imap(predict, items, chunksize=4)):
            preds[doc_id] = reps
            if i % 100 == 0:
                log(f"india-police-events: {i}/{len(items)} documents ({time.time() - t0:.0f}s)")
    metrics: dict[str, float | None] = {}
    rows = []
    for label in ("KILL", "ARREST"):
        tp = fp = fn = 0
        for d in docs:
            ours = label in labels(preds[d["doc_id"]])
            gold = label in d["doc_labels"]
            tp += ours and gold
            fp += ours and not gold
            fn += gold and not ours
        p, r, f1 = prf(tp, fp, fn)
        metrics[f"{label.lower()}_precision"], metrics[f"{label.lower()}_recall"] = p, r
        rows.append((label, f"tp {tp} fp {fp} fn {fn} F1 {f1:.3f}"))
    log(f"india-police-events: done in {time.time() - t0:.0f}s")
    if ctx.options.get("dump"):
        with open(ctx.options["dump"], "w", encoding="utf-8") as fh:
            json.dump({str(k): v for k, v in preds.items()}, fh)
    return EvalResult("india-police-events", ctx.split, len(docs), metrics, rows)

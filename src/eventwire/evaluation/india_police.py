"""`eventwire eval india-police-events`: police killings and arrests, document level (IndiaPoliceEvents).

IndiaPoliceEvents (Halterman et al. 2021) labels what the *police* did: KILL (police killed someone)
and ARREST (police arrested or detained someone). Our reports map to these labels as follows:

- ARREST: a report typed ``Arrests`` (ACLED: state forces detain), or any report with an arrested
  count, whose actor1 is police or state forces or unnamed (Indian reports of arrests are police
  arrests unless someone else is named).
- KILL: a report whose evidence puts deaths on police action within one clause ("killed in police
  firing", "police opened fire ... killing", "died in the police-VHP clash"); police named as actor1
  alone is not enough (they are often only the source: "police said three were stabbed").

Roll-up statements that give no report ("73 people have died in police firing ... over the last five
days", "over 2,500 have been arrested in the state") count too (:mod:`eventwire.extract.rollup`):
KILL when a clause puts deaths on police action, ARREST for a stated arrest, booking or custody that
is not negated, demanded or planned. A document is positive for a label when at least one of its
reports or statements maps to it. Texts are largely
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

from ..extract import rollup
from . import EvalContext, EvalResult, log, prf, scorer

_POLICE = r"(?:police(?:men)?|cops?|policem[ae]n|constables?|sp|srp|crpf|rapid action force|raf|khaki)"
POLICE_FIRE = re.compile(rf"\b{_POLICE}\b[^.;]{{0,60}}\b(?:fir(?:ed|ing|e)|shot|shoot\w*|bullets?|open(?:ed)? fire|kill\w*|"
                         rf"gunned|encounter)\b|"
                         r"\b(?:fir(?:ed|ing)|bullets?|shot|encounter)\b[^.;]{0,20}\b(?:by|of|with) (?:the )?police\b|"
                         rf"\b{_POLICE}[- ](?:firing|fire|bullets?|action|encounter|[a-z]+ clash(?:es)?)\b|"
                         rf"\b{_POLICE}\b[^.;]{{0,60}}\bclash(?:ed|es)?\b|\bclash(?:ed|es)? with (?:the )?{_POLICE}\b|"
                         r"\bopen(?:ed|ing)? fire (?:on|at) (?:the )?(?:rioters|mobs?|crowds?|protesters|demonstrators)\b|"
                         r"\bwere to (?:police )?firing\b", re.I)
POLICE_ACTOR = re.compile(r"police|state forces|military|security|army|government", re.I)
_DEATH = re.compile(r"\b(?:killed|killing|dead|died|deaths?|slain|shot dead|gunned down|lost (?:their|his|her) li(?:fe|ves)|"
                    r"succumbed|bodies|toll|were to (?:police )?firing)\b", re.I)


def police_kill(text: str) -> bool:
    """Deaths put on police action in one clause: 'killed in police firing', 'police opened fire, killing'."""
    return any(_DEATH.search(c) and POLICE_FIRE.search(c) for c in rollup.clauses(text))


def summarise(article: Any) -> list[dict[str, Any]]:
    out = []
    for r in article.reports:
        text = " ".join(article.text[s.start:s.end] for s in r.evidence)
        out.append({"sub": r.sub_event_type, "actor1": (r.actor1.acled_name if r.actor1 else ""),
                    "actor1_inter": (r.actor1.inter if r.actor1 else -1), "fatalities": r.fatalities,
                    "arrested": r.arrested, "text": text, "confidence": r.confidence, "modality": r.modality})
    return out


def summarise_statements(article: Any) -> list[dict[str, Any]]:
    """Roll-up statements (no event coded) as label candidates: deaths and detentions by clause."""
    return [{"killed": st.killed, "detained": st.detained} for st in rollup.statements(article)]


def labels(reports: list[dict[str, Any]]) -> set[str]:
    """Labels from coded reports."""
    out = set()
    for r in reports:
        police = bool(r["actor1"] and POLICE_ACTOR.search(r["actor1"])) or r["actor1_inter"] == 1
        if (r["sub"] == "Arrests" or r["arrested"]) and (police or not r["actor1"]):
            out.add("ARREST")
        if police_kill(r["text"]):
            out.add("KILL")
    return out


_OTHER_CAPTOR = re.compile(r"\b(?:abduct\w*|kidnap\w*|hostage|bail|released|acquitted)\b", re.I)


def statement_labels(statements: list[dict[str, Any]]) -> set[str]:
    """Labels from roll-up statements: deaths by police action; arrests and custody (Indian police)."""
    out = set()
    for st in statements:
        if any(police_kill(c) for c in st["killed"]):
            out.add("KILL")
        if any(not _OTHER_CAPTOR.search(c) for c in st["detained"]):
            out.add("ARREST")
    return out


_CFG: Any = None


def _init(nlp_name: str) -> None:
    global _CFG
    from ..pipeline import PipelineConfig

    _CFG = PipelineConfig(nlp=nlp_name)


def predict(item: tuple[int, str, str]) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]]]:
    from ..extract.truecase import restore
    from ..pipeline import article_from_text, process

    doc_id, text, day = item
    published = date.fromisoformat(day[:10]) if day else None
    article = process(article_from_text(restore(text), published=published, locator=str(doc_id)), _CFG)
    return doc_id, summarise(article), summarise_statements(article)


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
    stmts: dict[int, list[dict[str, Any]]] = {}
    with get_context("fork").Pool(2, initializer=_init, initargs=(ctx.nlp,)) as pool:
        for i, (doc_id, reps, sts) in enumerate(pool.imap(predict, items, chunksize=4)):
            preds[doc_id], stmts[doc_id] = reps, sts
            if i % 100 == 0:
                log(f"india-police-events: {i}/{len(items)} documents ({time.time() - t0:.0f}s)")
    metrics: dict[str, float | None] = {}
    rows = []
    for label in ("KILL", "ARREST"):
        tp = fp = fn = 0
        for d in docs:
            ours = label in labels(preds[d["doc_id"]]) | statement_labels(stmts[d["doc_id"]])
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

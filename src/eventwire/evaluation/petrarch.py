"""`eventwire eval petrarch-validation`: CAMEO coding against PETRARCH-2's validation records.

Data: ``petrarch-validation/validation.<split>.jsonl`` (PETR-2 GSR validation: AFP/GigaWord sentences and
constructed TEST/GOLD/VERB/PASSIVE cases). Each record's text is cleaned, annotated with ``--nlp`` and coded
sentence by sentence with :func:`eventwire.extract.cameo.code_sentence`.

What is scored (the CAMEO root plus the source and target country):

* ``event_accuracy``: the share of expected events matched one-to-one by a coded event with the same
  CAMEO root, source country and target country (the first three characters of the actor code: "GUYJUD"
  -> GUY, "IGOUNO" -> IGO). An expected "---" country (unknown) is matched by an unknown or absent one;
* ``actor_country_accuracy``: over the expected events' source and target slots, the share whose country
  we give, read from the coded event of the same root (else the record's best-agreeing event);
* ``noevent_accuracy``: the share of records that expect no event for which we code none.

Records flagged ``error`` or ``sentence: false`` (features PETRARCH itself does not implement) are skipped.
The ``unittest`` file is not scored: its actors are fictional (Arnor, Gondor) and need PETRARCH's own
actor dictionary, which the project does not ship.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..clean import clean
from ..extract.cameo import CameoEvent, code_sentence
from ..nlp import annotate
from ..pipeline import article_from_text
from . import EvalContext, EvalResult, log, scorer


def coded(text: str, nlp_name: str, published: date | None = None) -> list[tuple[str, CameoEvent]]:
    """(trigger words, event) for every CAMEO event of a short text, sentence by sentence."""
    text = " ".join(text.split())  # the records are hard-wrapped: a line break is not a paragraph
    article = clean(article_from_text(text, published=published), check_language=False)
    annotate(article, nlp_name)
    out = []
    for i, span in enumerate(article.sentences):
        sent = article.text[span.start:span.end]
        out += [(sent[e.start:e.end], e) for e in code_sentence(article, i)]
    return out


def code_text(text: str, nlp_name: str, published: date | None = None) -> list[CameoEvent]:
    """All CAMEO events of a short text (every sentence)."""
    return [e for _t, e in coded(text, nlp_name, published)]


def country(code: str) -> str:
    code = (code or "").strip()
    if code.startswith('"') or not code:
        return "---"
    return code[:3].upper()


def same_country(pred: str, gold: str) -> bool:
    if gold == "---":
        return pred in ("", "---")
    return pred == gold


def _record_date(value: str) -> date | None:
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except (TypeError, ValueError):
        return None


def score_record(gold: list[list[str]], pred: list[CameoEvent]) -> tuple[int, int, list[str]]:
    """(matched events, correct actor-country slots, notes) for one record."""
    free = list(range(len(pred)))
    matched, slots, notes = 0, 0, []
    for src, tgt, code in gold:
        gs, gt, root = country(src), country(tgt), code[:2]
        hit = next((k for k in free if pred[k].root == root and same_country(pred[k].source_country, gs)
                    and same_country(pred[k].target_country, gt)), None)
        if hit is not None:
            free.remove(hit)
            matched += 1
            slots += 2
            continue
        same_root = [e for e in pred if e.root == root] or pred
        best = max((int(same_country(e.source_country, gs)) + int(same_country(e.target_country, gt))
                    for e in same_root), default=0)
        slots += best
        notes.append(f"missed {src} {tgt} {code}")
    return matched, slots, notes


@scorer("petrarch-validation")
def run(ctx: EvalContext) -> EvalResult:
    files = [p for p in ctx.files("petrarch-validation", "*.jsonl") if p.name.startswith("validation.")]
    n_expected = matched = slots = 0
    n_noevent = quiet = 0
    n_records = extra = 0
    rows: list[tuple[str, str]] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec: dict[str, Any] = json.loads(line)
            attrs = rec.get("attrs") or {}
            if rec.get("error") or attrs.get("sentence") == "false" or attrs.get("evaluate") == "false":
                continue
            n_records += 1
            pred = code_text(rec["text"], ctx.nlp, _record_date(rec.get("date", "")))
            if rec.get("noevents") or not rec.get("events"):
                n_noevent += 1
                quiet += not pred
                if pred:
                    log(f"{rec['id']}: expected no event, coded {[(e.source, e.target, e.code) for e in pred]}")
                continue
            n_expected += len(rec["events"])
            m, sl, notes = score_record(rec["events"], pred)
            matched, slots = matched + m, slots + sl
            extra += max(0, len(pred) - m)
            if notes:
                log(f"{rec['id']}: {'; '.join(notes)}; coded {[(e.source, e.target, e.code) for e in pred]}")
    metrics: dict[str, float | None] = {
        "event_accuracy": matched / n_expected if n_expected else None,
        "noevent_accuracy": quiet / n_noevent if n_noevent else None,
        "actor_country_accuracy": slots / (2 * n_expected) if n_expected else None,
    }
    rows.append(("expected events / matched", f"{n_expected} / {matched}"))
    rows.append(("no-event records / quiet", f"{n_noevent} / {quiet}"))
    rows.append(("coded events not matched", str(extra)))
    return EvalResult("petrarch-validation", ctx.split, n_records, metrics, rows)

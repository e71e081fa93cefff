"""`eventwire eval event-location`: which place is the event's location (Halterman 2019).

Data: ``event-location-halterman2019/labeled_text.<split>.jsonl``; the adjudicated ``RELABEL``
records are the gold standard (the rest are single-annotator labels and are not scored). Each record
is one sentence with one event verb and zero or more LOCATION spans. We annotate the sentence with the
chosen NLP backend, take the gold verb as the trigger (the task gives it) and ask
:func:`eventwire.extract.location.locate` for the event's place mentions. Scoring is token level, as in
the paper: a predicted token is a true positive when it lies inside a gold LOCATION span (record
tokens; the records' character offsets of LOCATION spans are unreliable, their token indices are not).
"""
from __future__ import annotations

import hashlib
import json
import time

from ..extract.location import locate
from ..model import Article, Span
from . import EvalContext, EvalResult, log, prf, scorer


def sentence_article(text: str) -> Article:
    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    return Article(locator="event-location", kind="txt", raw=raw, raw_sha256=digest, body=text, text=text,
                   id=digest[:16], paragraphs=[Span(0, len(text))], language="en")


def predict(record: dict, nlp_name: str) -> set[int]:
    """Record token indices predicted as the event's location."""
    from .. import nlp

    text = record["text"]
    article = nlp.annotate(sentence_article(text), nlp_name)
    verb = next(s for s in record["spans"] if s["label"] == "VERB")
    toks = record["tokens"]
    vstart, vend = toks[verb["token_start"]]["start"], toks[verb["token_end"]]["end"]
    sent = next((s for s in article.sentences if s.start <= vstart < s.end), Span(0, len(text)))
    places = [m for m in article.mentions if m.kind == "place"]
    found = locate(article, sent, Span(vstart, vend), places)
    return {t["id"] for t in toks for m in found if m.start < t["end"] and t["start"] < m.end and t["text"].strip()
            and t["text"].lower() not in _SKIP}


_SKIP = {"the", "(", ")", ",", ".", "'s", "’s", "-"}


@scorer("event-location")
def score(ctx: EvalContext) -> EvalResult:
    records = []
    for path in ctx.files("event-location-halterman2019", "labeled_text.*.jsonl"):
        with path.open(encoding="utf-8") as fh:
            records.extend(r for r in map(json.loads, fh) if r.get("source") == "RELABEL" and r.get("answer") == "accept")
    t0 = time.time()
    tp = fp = fn = 0
    rows: list[tuple[str, str]] = []
    for i, rec in enumerate(records):
        gold = {k for s in rec.get("spans", []) if s["label"] == "LOCATION"
                for k in range(s["token_start"], s["token_end"] + 1)}
        pred = predict(rec, ctx.nlp)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if pred != gold and len(rows) < 40:
            words = lambda ids: " ".join(rec["tokens"][k]["text"] for k in sorted(ids))  # noqa: E731
            rows.append((rec["text"][:70], f"gold=[{words(gold)}] ours=[{words(pred)}]"))
        if i % 50 == 0:
            log(f"event-location: {i}/{len(records)} ({time.time() - t0:.0f}s)")
    p, r, f1 = prf(tp, fp, fn)
    return EvalResult("event-location", ctx.split, len(records),
                      {"token_precision": p, "token_recall": r, "token_f1": f1}, rows)

"""`eventwire eval plover-gsr`: PLOVER event types and actors against the PLOVER gold-standard records.

Data: ``plover-gsr/PLOVER_GSR_CAMEO.<split>.jsonl`` (mostly the CAMEO manual's examples recoded to PLOVER).
Each record's text is coded with :func:`eventwire.extract.cameo.code_sentence`.

Which of our events answers a record: the events whose trigger word is among the words of the record's
``eventText`` (alignment only; the gold type is never read to choose), else all events of our first
trigger. Scored:

* ``event_type_accuracy``: that event's PLOVER type equals the gold type. The gold file uses PLOVER's older
  names, mapped to the current ones: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT;
* ``actor_country_accuracy``: over all gold source and target actors, the share whose country code is among
  the aligned events' source (resp. target) countries;
* ``actor_country_sector_accuracy``: the same with the PLOVER sector too (gold sector empty = none given,
  "***" = any; "REFafa" -> REF).
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..extract.cameo import CameoEvent
from . import EvalContext, EvalResult, log, scorer
from .petrarch import coded

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def plover_type(name: str) -> str:
    name = (name or "").strip().upper()
    return OLD_NAMES.get(name, name)


def _actors(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        return []
    out = []
    for a in value:
        code = str(a.get("code") or "").strip().upper()
        sector = str(a.get("sector") or "").strip()
        sector = "*" if sector.startswith("*") else sector[:3].upper()
        if code:
            out.append((code, sector))
    return out


def align(event_text: str, pred: list[tuple[str, CameoEvent]]) -> list[CameoEvent]:
    """Our events whose trigger word is in the gold event text, else those of our first trigger."""
    words = set(re.findall(r"[a-z]+", (event_text or "").lower()))
    hits = [e for trig, e in pred if set(re.findall(r"[a-z]+", trig.lower())) & words]
    if not hits and pred:
        first = pred[0][1]
        hits = [e for _t, e in pred if (e.start, e.end) == (first.start, first.end)]
    return hits


@scorer("plover-gsr")
def run(ctx: EvalContext) -> EvalResult:
    files = ctx.files("plover-gsr", "*.jsonl")
    n = type_ok = 0
    slots = country_ok = sector_ok = 0
    empty = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            n += 1
            text = rec["text"]
            chosen = align(rec.get("eventText", ""), coded(text, ctx.nlp))
            empty += not chosen
            gold_type = plover_type(rec.get("event", ""))
            ok_type = bool(chosen) and plover_type(chosen[0].plover) == gold_type
            type_ok += ok_type
            src = {(e.source_country, e.source_sector) for e in chosen}
            tgt = {(e.target_country, e.target_sector) for e in chosen if e.target}
            misses = []
            for role, gold, have in (("S", _actors(rec.get("source")), src), ("T", _actors(rec.get("target")), tgt)):
                for code, sector in gold:
                    slots += 1
                    c_ok = any(c == code for c, _s in have)
                    s_ok = any(c == code and (sector == "*" or s == sector) for c, s in have)
                    country_ok += c_ok
                    sector_ok += s_ok
                    if not s_ok:
                        misses.append(f"{role}:{code}/{sector or '-'}")
            if misses or not ok_type:
                log(f"{rec['id']} gold {gold_type} {misses} coded {[(e.plover, e.source, e.target) for e in chosen]}")
    metrics: dict[str, float | None] = {
        "event_type_accuracy": type_ok / n if n else None,
        "actor_country_accuracy": country_ok / slots if slots else None,
        "actor_country_sector_accuracy": sector_ok / slots if slots else None,
    }
    rows = [("records with no coded event", str(empty)), ("gold actor slots", str(slots))]
    return EvalResult("plover-gsr", ctx.split, n, metrics, rows)

"""`eventwire eval wikievents`: triggers and arguments of attacks, deaths and transport (WikiEvents).

WikiEvents (Li, Ji & Han 2021) annotates KAIROS events on news about bombings and attacks. We score
three event families: ``Conflict.Attack`` (any subtype), ``Life.Die`` and ``Movement.Transportation``.
Our reports map as follows: violent ACLED types (Battles, Explosions/Remote violence, Violence against
civilians, Riots, Excessive force) give a ``Conflict.Attack`` trigger at the report's trigger word;
movement types (Change to group/activity, Headquarters or base established, Non-violent transfer)
give ``Movement.Transportation``; a report whose evidence sentence reports deaths gives a
``Life.Die`` trigger at the death word ("killed", "died", "dead"). A report's further evidence sentences
are further mentions of its event ("the attack also caused ...") and each gives the violent trigger word it
holds, without arguments. Arguments come from the report's slots and :mod:`eventwire.extract.arguments`:
attackers (Attacker, Killer, Agent), victims and targets (Victim, Target, PassengerArtifact), instruments
(Instrument, ExplosiveDevice), place (Place, Origin, Destination).

Matching (character overlap on the document text): a predicted trigger is correct when its span
overlaps a gold trigger of the same family; a predicted argument is correct when its trigger matches a
gold event of its family, its role group is the gold role's group and its span overlaps the gold
argument's mention (one to one). Micro F1 over the whole split.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from typing import Any

from ..model import Article, Span
from . import EvalContext, EvalResult, log, prf, scorer
from .matching import one_to_one

GROUPS = {"Attacker": "agent", "Killer": "agent", "Agent": "agent", "Transporter": "agent",
          "Victim": "patient", "Target": "patient", "PassengerArtifact": "patient",
          "Instrument": "instrument", "ExplosiveDevice": "instrument",
          "Place": "place", "Origin": "place", "Destination": "place"}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
MOVE = {"Change to group/activity", "Headquarters or base established", "Non-violent transfer of territory"}
_DEATH = re.compile(r"\b(?:killed|killing|died|dead|deaths?|slain|perished|lost their lives)\b", re.I)


def family(event_type: str) -> str:
    for f in ("Conflict.Attack", "Life.Die", "Movement.Transportation"):
        if event_type.startswith(f):
            return f
    return ""


def doc_article(text: str) -> Article:
    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    return Article(locator="wikievents", kind="txt", raw=raw, raw_sha256=digest, body=text, text=text,
                   id=digest[:16], paragraphs=[Span(0, len(text))], language="en")


def predict(text: str, nlp_name: str) -> list[dict[str, Any]]:
    """Predicted events: family, trigger span and argument spans by role group."""
    from .. import nlp
    from ..extract import arguments, triggers
    from ..extract.events import extract

    article = nlp.annotate(doc_article(text), nlp_name)
    article.reports = extract(article)
    out = []
    for rep in article.reports:
        sent = rep.evidence[0]
        at = text.find(rep.trigger, sent.start, sent.end)
        if at < 0:
            continue
        trig = Span(at, at + len(rep.trigger))
        args = arguments.extract(article, sent, trig)
        found: dict[str, list[Span]] = {"agent": list(args.attackers), "patient": args.victims + args.targets,
                                        "instrument": list(args.instruments), "place": []}
        for a in (rep.actor1,):
            if a is not None and a.text:
                k = text.find(a.text, sent.start, sent.end)
                if k >= 0:
                    found["agent"].append(Span(k, k + len(a.text)))
        for p in (rep.place, rep.origin, rep.destination):
            if p is not None and p.text:
                k = text.find(p.text, sent.start, sent.end)
                if k >= 0:
                    found["place"].append(Span(k, k + len(p.text)))
        fam = "Conflict.Attack" if rep.event_type in VIOLENT or rep.sub_event_type == "Excessive force against protesters" \
            else "Movement.Transportation" if rep.sub_event_type in MOVE else ""
        if fam:
            out.append({"family": fam, "trigger": trig, "args": found})
            # the report's further evidence sentences are further mentions of it ("the attack also ..."): each
            # gives the trigger it names, without arguments
            for more in rep.evidence[1:]:
                words = [t for t in triggers.find(text[more.start:more.end]) if t.kind not in ("kill", "move")]
                if words:
                    out.append({"family": fam, "trigger": Span(more.start + words[0].start, more.start + words[0].end),
                                "args": {"agent": [], "patient": [], "instrument": [], "place": []}})
        death = _DEATH.search(text, sent.start, sent.end)
        if death and (rep.fatalities or fam == "Conflict.Attack"):
            out.append({"family": "Life.Die", "trigger": Span(death.start(), death.end()),
                        "args": {"agent": found["agent"], "patient": args.victims, "instrument": found["instrument"],
                                 "place": found["place"]}})
    return out


def doc_text(doc: dict[str, Any]) -> str:
    """The text the token offsets index: each token written at its offset, gaps as spaces, sentence
    ends as line breaks (the ``text`` field does not match the offsets)."""
    tokens = [t for sent in doc["sentences"] for t in sent[0]]
    chars = [" "] * (max(t[2] for t in tokens) + 1 if tokens else 0)
    for t in tokens:
        chars[t[1]:t[2]] = list(t[0][: t[2] - t[1]].ljust(t[2] - t[1]))
    for sent in doc["sentences"]:
        if sent[0] and sent[0][-1][2] < len(chars) and chars[sent[0][-1][2]] == " ":
            chars[sent[0][-1][2]] = "\n"
    return "".join(chars)


def gold_events(doc: dict[str, Any]) -> list[dict[str, Any]]:
    tokens = [t for sent in doc["sentences"] for t in sent[0]]
    ents = {e["id"]: e for e in doc["entity_mentions"]}
    out = []
    for ev in doc["event_mentions"]:
        fam = family(ev["event_type"])
        if not fam:
            continue
        tr = ev["trigger"]
        trig = Span(tokens[tr["start"]][1], tokens[tr["end"] - 1][2])
        args = []
        for a in ev["arguments"]:
            group = GROUPS.get(a["role"])
            e = ents.get(a["entity_id"])
            if group and e:
                args.append((group, Span(tokens[e["start"]][1], tokens[e["end"] - 1][2])))
        out.append({"family": fam, "trigger": trig, "args": args})
    return out


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@scorer("wikievents")
def score(ctx: EvalContext) -> EvalResult:
    docs: list[dict[str, Any]] = []
    for path in ctx.files("wikievents", "orig*.jsonl"):
        if "_info" in path.name or "coref" in str(path.parent.name):
            continue
        with path.open(encoding="utf-8") as fh:
            docs.extend(map(json.loads, fh))
    t0 = time.time()
    ttp = tfp = tfn = atp = afp = afn = 0
    per_family: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        text = doc_text(doc)
        pred = predict(text, ctx.nlp)
        gold = gold_events(doc)
        matched = one_to_one(pred, gold, lambda p, g: p["family"] == g["family"] and _overlap(p["trigger"], g["trigger"]))
        ttp += len(matched)
        tfp += len(pred) - len(matched)
        tfn += len(gold) - len(matched)
        for fam in {g["family"] for g in gold} | {p["family"] for p in pred}:
            row = per_family.setdefault(fam, [0, 0, 0])
            m = sum(1 for pi in matched if pred[pi]["family"] == fam)
            row[0] += m
            row[1] += sum(1 for p in pred if p["family"] == fam) - m
            row[2] += sum(1 for g in gold if g["family"] == fam) - m
        gold_args = [(j, g, s) for j, ev in enumerate(gold) for g, s in ev["args"]]
        pred_args = []
        for pi, p in enumerate(pred):
            for group, spans in p["args"].items():
                pred_args.extend((matched.get(pi), group, s) for s in spans)
        am = one_to_one(pred_args, gold_args, lambda p, g: p[0] == g[0] and p[1] == g[1] and _overlap(p[2], g[2]))
        atp += len(am)
        afp += len(pred_args) - len(am)
        afn += len(gold_args) - len(am)
        log(f"wikievents: {i + 1}/{len(docs)} documents ({time.time() - t0:.0f}s)")
    tp_, tr_, tf = prf(ttp, tfp, tfn)
    ap, ar, af = prf(atp, afp, afn)
    rows = [(fam, "P {:.3f} R {:.3f} F1 {:.3f}".format(*prf(*v))) for fam, v in sorted(per_family.items())]
    return EvalResult("wikievents", ctx.split, len(docs), {
        "trigger_f1": tf, "trigger_precision": tp_, "trigger_recall": tr_,
        "argument_f1": af, "argument_precision": ap, "argument_recall": ar}, rows)

"""`eventwire eval muc4-gtt`: MUC-4 incident templates (GRIT/GTT processed form).

Each document is run through the pipeline (after case restoration: MUC texts are all lower case;
:mod:`eventwire.extract.truecase`). Our reports map to MUC incidents as MUC's guidelines define them
(terrorist acts against civilian, government or infrastructure targets; fighting between armed
forces and guerrillas is not an incident):

=================================  =============
ACLED sub-event type                MUC incident
=================================  =============
Explosions/Remote violence (all)    bombing
Attack, Sexual violence, Mob viol.  attack
Abduction/forced disappearance      kidnapping
Looting/property destruction        arson when fire is named, else attack
Battles, protests, strategic dev.   (none)
=================================  =============

Role fillers come from each mapped report: PerpInd/PerpOrg from actor1's words and the trigger's
attacker phrases (PerpOrg when the phrase names an organisation in the actor dictionary, PerpInd
otherwise), Victim/Target from actor2's words and the patient phrases (people are victims, things are
targets), Weapon from the weapon lexicon (:mod:`eventwire.extract.arguments`). MUC templates pool
the fillers of the whole message, so once a document yields an incident, every sentence with a
violent trigger (not negated, future or hypothetical) adds its trigger's argument phrases, and named
armed groups in such sentences add PerpOrg fillers (``_document_fillers``).

Scoring follows GRIT's document-level role-filler evaluation: per document and role, the gold fillers
are entities (clusters of coreferent mentions, pooled over the document's templates); a predicted
filler matches an entity when its normalised string (lower case, no articles or punctuation) equals
one of the entity's mentions or has the same head noun (last word) as one of them; matching is one to
one (one filler per entity); precision, recall and F1 are micro-averaged over roles and documents.
``incident_type_accuracy``: over documents with a template, the share whose most confident mapped
report has an incident type among the gold templates' (no report = wrong). ``irrelevant_noevent_rate``:
over documents with no template, the share for which we produce no mapped report.
"""
from __future__ import annotations

import json
import re
import time
from multiprocessing import get_context
from typing import Any

from . import EvalContext, EvalResult, log, prf, scorer
from .matching import one_to_one

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_FIRE = re.compile(r"\b(?:fire|burn\w*|torch\w*|arson|set ablaze|blaze|incendiary)\b", re.I)
_ARTICLES = re.compile(r"\b(?:the|a|an)\b")


def incident_type(sub: str, event_type: str, sentence: str) -> str:
    if event_type == "Explosions/Remote violence":
        return "bombing"
    if sub in ("Attack", "Sexual violence", "Mob violence"):
        return "attack"
    if sub == "Abduction/forced disappearance":
        return "kidnapping"
    if sub == "Looting/property destruction":
        return "arson" if _FIRE.search(sentence) else "attack"
    return ""


def norm(s: str) -> str:
    s = _ARTICLES.sub(" ", s.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def head(s: str) -> str:
    words = norm(s).split()
    return words[-1] if words else ""


def filler_match(pred: str, entity: list[str]) -> bool:
    p = norm(pred)
    return bool(p) and any(p == norm(m) or head(pred) == head(m) for m in entity)


_CFG: Any = None


def _init(nlp_name: str) -> None:
    global _CFG
    from ..pipeline import PipelineConfig

    _CFG = PipelineConfig(nlp=nlp_name)


def predict(doc: dict[str, Any]) -> dict[str, Any]:
    from ..extract.truecase import restore
    from ..pipeline import article_from_text, process

    article = process(article_from_text(restore(doc["doctext"]), locator=doc["docid"]), _CFG)
    return {"docid": doc["docid"], **from_article(article)}


def from_article(article: Any) -> dict[str, Any]:
    """Incidents (type, confidence) and role fillers of one processed article."""
    from ..extract import arguments
    from ..model import Span

    events = []
    fillers: dict[str, list[str]] = {r: [] for r in ROLES}
    for rep in sorted(article.reports, key=lambda r: -r.confidence):
        kind = incident_type(rep.sub_event_type, rep.event_type, rep.sentence)
        if not kind:
            continue
        events.append((kind, rep.confidence))
        sent = rep.evidence[0]
        at = article.text.find(rep.trigger, sent.start, sent.end)
        args = arguments.extract(article, sent, Span(at, at + len(rep.trigger))) if at >= 0 else arguments.Arguments()
        words = lambda s: article.text[s.start:s.end]  # noqa: E731
        for a in (rep.actor1, *rep.assoc_actor1):
            if a is not None and a.text:
                fillers["PerpInd" if a.id.startswith(("generic:", "raw:")) else "PerpOrg"].append(a.text)
        for s in args.attackers:
            fillers["PerpOrg" if _names_org(article, s) else "PerpInd"].append(words(s))
        for s in args.victims:
            fillers["Victim"].append(words(s))
        for s in args.targets:
            fillers["Target"].append(words(s))
        for a in (rep.actor2, *rep.assoc_actor2):
            if a is not None and a.text and not a.id.startswith("generic:civilians"):
                fillers["Victim"].append(a.text)
        fillers["Weapon"].extend(words(s) for s in args.instruments)
    if events:
        _document_fillers(article, fillers)
    for role, vals in fillers.items():  # one filler per head noun
        seen: dict[str, str] = {}
        for v in vals:
            seen.setdefault(head(v), v)
        fillers[role] = [v for k, v in seen.items() if k]
    return {"events": events, "fillers": fillers}


_ARMED_GROUP = re.compile(r"\b(?:guerrillas?|terrorists?|rebels?|insurgents?|front|army of|commandos?|urban|"
                          r"responsibility|claimed|members of)\b", re.I)
_VIOLENT = {"air", "shelling", "suicide", "ied", "grenade", "attack", "kill", "abduct", "loot", "riot", "clash"}


def _document_fillers(article: Any, fillers: dict[str, list[str]]) -> None:
    """MUC templates pool the fillers of the whole message: every sentence with a violent trigger adds
    the arguments of its triggers (the incident is often told over several sentences, only one of
    which yields a coded report)."""
    from ..extract import arguments, modality, triggers
    from ..model import Span

    text = article.text
    for sent in article.sentences:
        s = text[sent.start:sent.end]
        for t in triggers.find(s):
            if t.kind not in _VIOLENT or not modality.classify(s, t.start, t.end).is_event:
                continue
            args = arguments.extract(article, sent, Span(sent.start + t.start, sent.start + t.end))
            for sp in args.attackers:
                fillers["PerpOrg" if _names_org(article, sp) else "PerpInd"].append(text[sp.start:sp.end])
            fillers["Victim"].extend(text[sp.start:sp.end] for sp in args.victims)
            fillers["Target"].extend(text[sp.start:sp.end] for sp in args.targets)
            fillers["Weapon"].extend(text[sp.start:sp.end] for sp in args.instruments)
        for m in article.mentions:  # named armed groups in an incident sentence: the perpetrators' organisation
            if m.kind == "actor" and m.ref and not m.ref.startswith("generic:") and sent.start <= m.start < sent.end \
                    and _ARMED_GROUP.search(s) and any(t.kind in _VIOLENT for t in triggers.find(s)):
                fillers["PerpOrg"].append(m.text)


def _names_org(article: Any, span: Any) -> bool:
    return any(m.kind == "actor" and m.ref and not m.ref.startswith("generic:") and span.start <= m.start < span.end
               for m in article.mentions)


def gold_fillers(doc: dict[str, Any]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {r: [] for r in ROLES}
    for t in doc["templates"]:
        for role in ROLES:
            for entity in t[role]:
                names = [m[0] for m in entity]
                if not any(set(map(norm, names)) & set(map(norm, e)) for e in out[role]):
                    out[role].append(names)
    return out


@scorer("muc4-gtt")
def score(ctx: EvalContext) -> EvalResult:
    docs: list[dict[str, Any]] = []
    for path in ctx.files("muc4-gtt", "*.jsonl"):
        with path.open(encoding="utf-8") as fh:
            docs.extend(map(json.loads, fh))
    t0 = time.time()
    preds: list[dict[str, Any]] = []
    with get_context("fork").Pool(2, initializer=_init, initargs=(ctx.nlp,)) as pool:
        for i, p in enumerate(pool.imap(predict, docs, chunksize=8)):
            preds.append(p)
            if i % 100 == 0:
                log(f"muc4-gtt: {i}/{len(docs)} documents ({time.time() - t0:.0f}s)")
    metrics, rows = evaluate(docs, preds)
    log(f"muc4-gtt: done in {time.time() - t0:.0f}s")
    return EvalResult("muc4-gtt", ctx.split, len(docs), metrics, rows)


def evaluate(docs: list[dict[str, Any]], preds: list[dict[str, Any]]) -> tuple[dict[str, float | None], list[tuple[str, str]]]:
    tp = fp = fn = 0
    per_role = {r: [0, 0, 0] for r in ROLES}
    type_ok = relevant = irrelevant = quiet = 0
    for doc, pred in zip(docs, preds):
        gold = gold_fillers(doc)
        for role in ROLES:
            matched = one_to_one(pred["fillers"][role], gold[role], filler_match)
            per_role[role][0] += len(matched)
            per_role[role][1] += len(pred["fillers"][role]) - len(matched)
            per_role[role][2] += len(gold[role]) - len(matched)
        if doc["templates"]:
            relevant += 1
            types = {t["incident_type"].split(" / ")[0] for t in doc["templates"]} | \
                {x for t in doc["templates"] for x in t["incident_type"].split(" / ")}
            type_ok += bool(pred["events"]) and pred["events"][0][0] in types
        else:
            irrelevant += 1
            quiet += not pred["events"]
    rows = []
    for role, (a, b, c) in per_role.items():
        tp, fp, fn = tp + a, fp + b, fn + c
        rp, rr, rf = prf(a, b, c)
        rows.append((role, f"P {rp:.3f} R {rr:.3f} F1 {rf:.3f} (tp {a}, fp {b}, fn {c})"))
    p, r, f1 = prf(tp, fp, fn)
    return {"role_filler_f1": f1, "role_filler_precision": p, "role_filler_recall": r,
            "incident_type_accuracy": type_ok / relevant if relevant else 0.0,
            "irrelevant_noevent_rate": quiet / irrelevant if irrelevant else 0.0}, rows

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

An attack ACLED codes as an armed clash (the target is armed) is a MUC attack unless the target is a
military force. MUC templates every specific incident the message tells, also those an ACLED coder skips
(no place, a past date): sentences with a terrorist-act trigger (bombing, murder, kidnapping, attack,
killed) add incidents too, and so do acts the trigger lexicon leaves out (``_adapter_triggers``: "a bomb
was thrown at", "planted a bomb", "destroyed by a bomb", "shot to death", "machinegunned"). Every incident
must pass ``muc_relevant``, MUC's own relevance rules:

* no combat between armed forces: no clash, shoot-out, police operation, uprising or repelled attack, and no
  attack on an armed force or a military or police post ("the attack on a U.S. Army convoy", "a military patrol
  was attacked", "attacked a border post", "a police air base") unless civilians are hurt too; no place as the
  target ("several areas of San Salvador have been attacked"), no member of an armed group as the victim ("the
  murder of two members of that guerrilla organization"), no kind of force ("assault troops");
* no generic or past-pattern statement ("hundreds have been murdered", "charged with murder", "genocide"),
  no act against a people at large ("attacked and bombed the people"), no people named by an act told
  elsewhere ("the murdered jesuits", "kidnapped persons"), no crime as a practice ("the kidnapping
  business", "kidnapping as a political weapon", "the one that has used kidnapping");
* no background (MUC: only incidents within about two months of the message): no earlier year or decade ("in
  august 1987", "in the mid-1970's"), no summary of the past weeks, months or years or of "the recent attacks",
  no crime now before the courts ("now under trial") or gone unpunished; no act in general, repeated or to be
  halted ("the community in general", "on several occasions", "the constant raids", "to halt the murder of"), no
  actor told by what it has done ("a government that has murdered"), no act as a present state ("they are murdered
  or harassed"), nothing planned or that would have happened ("planning to ... would have included");
* a bombing is a detonation ("a bomb exploded", "blew up") or an explosion, bombing or attack told with a
  bomb, a charge or a device; weapons found or seized and explosions heard in the distance are none (a bomb
  planted and defused is an attempted bombing, which MUC templates).

A message with one weak mention ("killed", "attacked") and no date of its own (a broadcast's "1030 GMT on 12
November" is none) has no incident, unless the act is told with its target ("the killing of Pablo Pelaez", "the
attack on Fenastras") or its toll ("the attack that killed 10 union members"), or is a bombing, kidnapping or arson.
An arrest our extraction codes as an abduction is no kidnapping. The leading incident type is the most specific one
told (bombing, kidnapping, arson, attack; an attack with a bomb or dynamite is a bombing).

Role fillers come from the trained role-filler model (:mod:`eventwire.extract.role_model`), which scores every noun
phrase, mention and weapon word of the message for each role (``role_candidates`` gives it the adapter's view as
features: incident sentences and their types, claims, triggers, the rules' fillers below, and the sentence-relevance
model's probabilities for the sentences naming a phrase: :mod:`eventwire.extract.sentence_relevance`, trained on
``sentence_labels``). The model is trained on the dev split, so on the dev split (or any file its card lists) the
scorer cross-validates it: k folds (5) grouped by document (sha256 of the document id), a model trained on the other
folds' messages (``fit``: its sentence-relevance step cross-fits again over those folds, so the network learns from
out-of-fold relevance) gives the held fold's probabilities, which are decoded with the settings tuned on the other
folds' out-of-fold probabilities (``held_out``: :mod:`eventwire.evaluation.muc4_decoding`), and all out-of-fold
fillers are scored; other splits use the shipped weights. ``options={"rules_only": True}`` scores the rules alone
(``from_article(article, model=None)``).

The rules' fillers (``rule_fillers``) pool the message's incident sentences (``_document_fillers``): the trigger's argument
phrases (:mod:`eventwire.extract.arguments`), perpetrator and building/vehicle noun phrases by their head
nouns (``arguments.lexical_roles``), armed organisations by name pattern, by the actor dictionary and by
acronyms the message defines ("the FMLN (Farabundo Marti National Liberation Front)"), also in sentences
that claim or blame an act; victims are the people named (MUC's victims are names: "six jesuit priests"
stands for names told elsewhere), also a name after a title or occupation the recognizer misses ("officer carlos
Ricra Papara"), in their longest form in the message; weapons from the lexicon in every
violent sentence. Perpetrator and victim phrases are cut before a post-modifier ("members of the X" ->
"members"). An organisation and the acronym the message defines for it are one filler ("Farabundo Marti National
Liberation Front", "FMLN"); a victim's name is given as the message writes it in full ("Jose Antonio" -> "Jose
Antonio Rodriguez Porth"), and a target that is a person's name ("dr Oqueli") is a victim. When the incident
sentences name no organisation, the armed organisation the message names
most often is the perpetrator organisation (``_message_org``; a political alliance is none). ``_sort_fillers`` puts each filler in MUC's role: military units and weapons are no targets, a
person's name is a victim, a plural of people ("members", "guerrillas") an individual perpetrator, not an
organisation, and a bare count of people ("four people", a casualty count) no perpetrator.

Scoring follows GRIT's document-level role-filler evaluation: per document and role, the gold fillers
are entities (clusters of coreferent mentions, pooled over the document's templates); a predicted
filler matches an entity when its normalised string (lower case, no articles or punctuation) equals
one of the entity's mentions or has the same head noun (last word) as one of them; matching is one to
one (one filler per entity); precision, recall and F1 are micro-averaged over roles and documents. This is more
lenient than GRIT's own scorer, which needs the normalised string to equal a mention (``exact_match``): the published
GRIT/GTT figures are on that rule, reported as ``role_filler_f1_exact``.
``incident_type_accuracy``: over documents with a template, the share whose most confident mapped
report has an incident type among the gold templates' (no report = wrong). ``irrelevant_noevent_rate``:
over documents with no template, the share for which we produce no mapped report.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from multiprocessing import get_context
from typing import Any

from ..extract.role_model import ROLES, Decoding, norm
from ..extract.role_model import head_word as head
from . import EvalContext, EvalResult, f1_interval, log, prf, scorer
from .matching import one_to_one
from .muc4_decoding import held_out_fillers, tune

K_FOLDS = 5
_FIRE = re.compile(r"\b(?:fire|burn\w*|torch\w*|arson|set ablaze|blaze|incendiary)\b", re.I)


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




def filler_match(pred: str, entity: list[str]) -> bool:
    p = norm(pred)
    return bool(p) and any(p == norm(m) or head(pred) == head(m) for m in entity)


def exact_match(pred: str, entity: list[str]) -> bool:
    """GRIT's own rule (its eval.py, phi_strict): the normalised filler is one of the entity's mentions."""
    p = norm(pred)
    return bool(p) and any(p == norm(m) for m in entity)


_CFG: Any = None


def _init(nlp_name: str) -> None:
    global _CFG
    from ..pipeline import PipelineConfig

    _CFG = PipelineConfig(nlp=nlp_name)


def predict(doc: dict[str, Any]) -> dict[str, Any]:
    """One message's incidents, the rules' fillers and the role-filler model's candidates (texts and hashed
    features), so the scorer can cross-validate the model or apply the shipped one without parsing twice."""
    from ..extract import role_model
    from ..extract.truecase import restore
    from ..pipeline import article_from_text, process

    article = process(article_from_text(restore(doc["doctext"]), locator=doc["docid"]), _CFG)
    events, incident_sents = incidents(article)
    rules = rule_fillers(article, events, incident_sents)
    cands, sentence_rows = role_candidates(article, events, incident_sents, rules)
    return {"docid": doc["docid"], "events": events, "rules": rules, "fillers": rules,
            "cands": [c.text for c in cands], "ids": [role_model.feature_ids(c.feats) for c in cands],
            "sents": [sorted(c.sentences) for c in cands], "sentence_rows": sentence_rows,
            "sentence_texts": [article.text[s.start:s.end] for s in article.sentences]}


def collect(docs: list[dict[str, Any]], nlp_name: str) -> list[dict[str, Any]]:
    """:func:`predict` of every document, on two processes."""
    t0 = time.time()
    preds: list[dict[str, Any]] = []
    with get_context("fork").Pool(2, initializer=_init, initargs=(nlp_name,)) as pool:
        for i, p in enumerate(pool.imap(predict, docs, chunksize=8)):
            preds.append(p)
            if i % 100 == 0:
                log(f"muc4-gtt: {i}/{len(docs)} documents ({time.time() - t0:.0f}s)")
    return preds


def labels(doc: dict[str, Any], cands: list[str]) -> Any:
    """(candidates x roles) 0/1: a candidate fills a role when it matches one of the role's gold entities."""
    import numpy as np

    gold = gold_fillers(doc)
    return np.array([[any(filler_match(c, e) for e in gold[r]) for r in ROLES] for c in cands], dtype=float).reshape(-1, len(ROLES))


def sentence_labels(doc: dict[str, Any], sentences: list[str]) -> Any:
    """(sentences x relevance targets) 0/1: a sentence names a gold filler of any role, of each role (one of the
    entity's mentions, normalised, appears in it as whole words)."""
    import numpy as np

    gold = gold_fillers(doc)
    by_role = [{norm(m) for e in gold[r] for m in e} - {""} for r in ROLES]
    out = np.zeros((len(sentences), 1 + len(ROLES)))
    for si, s in enumerate(sentences):
        padded = f" {norm(s)} "
        out[si, 1:] = [any(f" {m} " in padded for m in ms) for ms in by_role]
    out[:, 0] = out[:, 1:].max(axis=1)
    return out


def fold_of(docid: str, k: int) -> int:
    return int(hashlib.sha256(docid.encode("utf-8")).hexdigest(), 16) % k


def rows_of(model: Any, pred: dict[str, Any]) -> list[Any]:
    """The model's input rows for one message of :func:`predict`."""
    return model.rows(pred["ids"], pred["sents"], pred["sentence_rows"], bool(pred["events"]))


def fit(docs: list[dict[str, Any]], preds: list[dict[str, Any]], train: list[int], k: int) -> Any:
    """The role-filler model trained on the messages ``train``: the sentence-relevance model on all their
    sentences, the network on their candidates with relevance features from out-of-fold sentence probabilities
    (the messages' own folds, sha256 of the document id mod k: as the relevance model will see new text)."""
    import numpy as np

    from ..extract import role_model, sentence_relevance

    srows = [preds[i]["sentence_rows"] for i in train]
    slabels = [sentence_labels(docs[i], preds[i]["sentence_texts"]) for i in train]
    inner = sentence_relevance.cross_fit(srows, slabels, [fold_of(docs[i]["docid"], k) for i in train])
    keep = [(i, sp) for i, sp in zip(train, inner) if preds[i]["ids"]]
    rows = [r for i, sp in keep for r in role_model.candidate_rows(
        preds[i]["ids"], preds[i]["sents"], sp, bool(preds[i]["events"]))]
    model = role_model.fit(rows, np.vstack([labels(docs[i], preds[i]["cands"]) for i, _sp in keep]))
    model.relevance = sentence_relevance.fit([r for g in srows for r in g], np.vstack(slabels))
    return model


def cross_validate(docs: list[dict[str, Any]], preds: list[dict[str, Any]], k: int) -> list[Any]:
    """Out-of-fold role probabilities of every document's candidates: k folds grouped by document (sha256 of the
    document id mod k), a model trained on the other k-1 folds' documents (:func:`fit`, whose sentence-relevance
    step cross-fits over those k-1 folds) scores the held fold's."""
    folds = [fold_of(d["docid"], k) for d in docs]
    probs: list[Any] = [None] * len(docs)
    for f in range(k):
        model = fit(docs, preds, [i for i in range(len(docs)) if folds[i] != f], k)
        for i in range(len(docs)):
            if folds[i] == f:
                probs[i] = model.probabilities(rows_of(model, preds[i]))
    return probs


def held_out(docs: list[dict[str, Any]], preds: list[dict[str, Any]], probs: list[Any], k: int) -> list[dict[str, list[str]]]:
    """Every message's fillers from its out-of-fold probabilities (:func:`cross_validate`), decoded with the settings
    tuned on the other folds' messages (:func:`muc4_decoding.held_out_fillers`)."""
    return held_out_fillers([gold_fillers(d) for d in docs], [p["cands"] for p in preds], probs,
                            [fold_of(d["docid"], k) for d in docs], filler_match)


def tuned_decoding(docs: list[dict[str, Any]], preds: list[dict[str, Any]], probs: list[Any]) -> Decoding:
    """The decoding settings tuned on every message's out-of-fold probabilities: the shipped model's."""
    return tune([gold_fillers(d) for d in docs], [p["cands"] for p in preds], probs, filler_match)


Incidents = tuple[list[tuple[str, float]], dict[int, list[tuple[int, int, str]]]]


def incidents(article: Any) -> Incidents:
    """The message's MUC incidents, (type, confidence) most specific type first, and the sentences that tell
    them (sentence index -> trigger spans in article offsets, with their incident type)."""
    from ..extract import triggers

    text = article.text
    events: list[tuple[str, float]] = []
    incident_sents: dict[int, list[tuple[int, int, str]]] = {}  # sentence index -> trigger spans (article offsets)
    starts = {s.start: i for i, s in enumerate(article.sentences)}
    for rep in sorted(article.reports, key=lambda r: -r.confidence):
        sent = rep.evidence[0]
        at = text.find(rep.trigger, sent.start, sent.end)
        si = starts.get(sent.start, -1)
        if at < 0 or si < 0 or (rep.date is not None and rep.date.precision == 0):
            continue  # no day (GTT drops the datelines: an open date, precision 0): the scan below reads the sentence
        kind = incident_type(rep.sub_event_type, rep.event_type, rep.sentence) or _attack_not_combat(rep)
        if kind == "kidnapping" and _ARREST.match(rep.trigger):
            continue  # an arrest by the authorities is no kidnapping
        if not kind or not muc_relevant(text[sent.start:sent.end], at - sent.start, at - sent.start + len(rep.trigger), kind):
            continue
        events.append((kind, rep.confidence))
        incident_sents.setdefault(si, []).append((at, at + len(rep.trigger), kind))
    # MUC templates every specific incident the message tells, also those an ACLED coder skips (no place, past)
    for si, sent in enumerate(article.sentences):
        if si in incident_sents:
            continue
        s = text[sent.start:sent.end]
        for t in triggers.find(s) + _adapter_triggers(s):
            kind = _scan_kind(t, s)
            if kind and _asserted(s, t) and muc_relevant(s, t.start, t.end, kind):
                events.append((kind, min(0.3, t.strength / 3)))
                incident_sents.setdefault(si, []).append((sent.start + t.start, sent.start + t.end, kind))
    # one passing mention of a killing or an attack is seldom a message about an incident: MUC's incidents are
    # told in more than one sentence, or named by a word for a terrorist act
    if len(incident_sents) == 1 and not any(_STRONG.match(text[a:b]) or k != "attack" or _targeted(text, a, b)
                                            for trs in incident_sents.values() for a, b, k in trs):
        sent = article.sentences[next(iter(incident_sents))]
        if not _SPECIFIC.search(_BROADCAST.sub("", text[sent.start:sent.end])) and \
                not _TOLD_WITH_TOLL.search(text[sent.start:sent.end]):
            events, incident_sents = [], {}
    # the message's incident type: an attack told with a bomb or dynamite is a bombing, and the most specific
    # type told leads (a kidnapping or a bombing also tells of attackers and casualties)
    kinds = {k for trs in incident_sents.values() for _a, _b, k in trs}
    for si, trs in incident_sents.items():
        sent = article.sentences[si]
        if _EXPLOSIVE.search(text[sent.start:sent.end]) and any(k == "attack" for _a, _b, k in trs):
            kinds.add("bombing")
    events = [("bombing", max((c for _k, c in events), default=0.0))] * ("bombing" in kinds and not any(
        k == "bombing" for k, _c in events)) + events
    events.sort(key=lambda e: _PRIORITY.get(e[0], 9))
    return events, incident_sents


def from_article(article: Any, model: Any = "shipped") -> dict[str, Any]:
    """Incidents (type, confidence) and role fillers of one processed article: the trained role-filler model's
    (:mod:`eventwire.extract.role_model`; ``model=None``: the rules' alone)."""
    from ..extract import role_model

    events, incident_sents = incidents(article)
    rules = rule_fillers(article, events, incident_sents)
    if model == "shipped":
        model = role_model.shipped()
    if model is None:
        return {"events": events, "fillers": rules}
    cands, sentence_rows = role_candidates(article, events, incident_sents, rules)
    return {"events": events, "fillers": model.fillers(cands, sentence_rows, bool(events))}


def rule_fillers(article: Any, events: list[tuple[str, float]],
                 incident_sents: dict[int, list[tuple[int, int, str]]]) -> dict[str, list[str]]:
    """The hand-written adapter's role fillers (``_document_fillers``, ``_sort_fillers``), one per head noun."""
    fillers: dict[str, list[str]] = {r: [] for r in ROLES}
    if events:
        _document_fillers(article, incident_sents, fillers)
        if not fillers["PerpOrg"]:
            fillers["PerpOrg"].extend(_message_org(article.text))
    # MUC's perpetrators and victims are short noun phrases: "members", not "members of the FMLN"
    for role in ("PerpInd", "Victim"):
        fillers[role] = [_OF_TAIL.sub("", v) for v in fillers[role]]
    _sort_fillers(article, fillers)
    if fillers["Victim"]:  # a name as the message gives it in full: "Oqueli" -> "Hector Oqueli Colindres"
        full = [m.text for m in article.mentions if m.kind == "person"]
        fillers["Victim"] = [_extend_name(article.text, _longest_form(v, full)) for v in fillers["Victim"]]
    same = _acronym_pairs(article.text)  # "Farabundo Marti National Liberation Front" and "FMLN" are one organisation
    for role, vals in fillers.items():  # one filler per head noun
        seen: dict[str, str] = {}
        for v in (_POSSESSIVE.sub("", x.strip(" \"'()[],.;:")) for x in vals):
            seen.setdefault(same.get(norm(v), head(v)), v)
        fillers[role] = [v for k, v in seen.items() if k]
    return fillers


def role_candidates(article: Any, events: list[tuple[str, float]], incident_sents: dict[int, list[tuple[int, int, str]]],
                    rules: dict[str, list[str]]) -> tuple[list[Any], list[Any]]:
    """The role-filler model's candidates of a message, with the adapter's view as features: which sentences tell an
    incident (and of what type), which claim or blame an act, the triggers of every sentence, the rules' fillers;
    and the message's sentences as the sentence-relevance model's rows (words and the same flags)."""
    from ..extract import role_model, sentence_relevance, triggers

    text = article.text
    sentence_feats: dict[int, list[str]] = {}
    trigger_spans: dict[int, list[tuple[int, int, str]]] = {}
    for si, sent in enumerate(article.sentences):
        s = text[sent.start:sent.end]
        flags = []
        if si in incident_sents:
            flags.append("incident")
            flags.extend(f"incident={k}" for _a, _b, k in incident_sents[si])
            trigger_spans[si] = list(incident_sents[si])
        found = triggers.find(s)
        trigger_spans.setdefault(si, []).extend((sent.start + t.start, sent.start + t.end, "t:" + t.kind) for t in found)
        flags.extend({f"trig={t.kind}" for t in found})
        for name, rx in (("claim", _CLAIM), ("seized", _SEIZED), ("heard", _HEARD), ("combat", _COMBAT),
                         ("generic", _GENERIC), ("speaker", _SPEAKER_IN)):
            if rx.search(s):
                flags.append(name)
        sentence_feats[si] = flags
    kinds = {k for k, _c in events}
    doc_feats = (["incident", f"lead={events[0][0]}"] if events else ["noincident"]) + [f"kind={k}" for k in kinds]
    doc_feats.append(f"inc_sents={min(len(incident_sents), 4)}")
    same = _acronym_pairs(text)
    cands = role_model.candidates(article, sentence_feats=sentence_feats, trigger_spans=trigger_spans,
                                  rule_fillers=rules, doc_feats=doc_feats,
                                  key_of=lambda v: same.get(norm(v), head(v)))
    n = len(article.sentences)
    return cands, [sentence_relevance.sentence_ids(text[s.start:s.end], sentence_feats[si], si, n, bool(events))
                   for si, s in enumerate(article.sentences)]


_SPEAKER_IN = re.compile(r"\b(?:said|says|stated|reported|announced|declared|denounced)\b", re.I)


_POSSESSIVE = re.compile(r"\s*'s$")  # "Luis carlos galan's" -> "Luis carlos galan"
_ARREST = re.compile(r"^(?:arrest\w*|detain\w*|captur\w*|apprehend\w*)$", re.I)
_PRIORITY = {"bombing": 0, "kidnapping": 1, "arson": 2, "attack": 3}
_EXPLOSIVE = re.compile(r"\b(?:bombs?|car-bombs?|dynamite|explosives?|explosive devices?|grenades?|explosions?|exploded)\b", re.I)
_WEAPON_KINDS = {"ied", "grenade", "suicide", "attack", "abduct", "kill", "clash", "riot"}
_SCAN = {"ied": "bombing", "grenade": "bombing", "suicide": "bombing", "attack": "attack", "abduct": "kidnapping"}
_ATTACK_WORD = re.compile(r"^(?:attack(?:ed|s|ing)?|assault(?:ed|s|ing)?|storm(?:ed|ing)?)$", re.I)
_KILLED_WORD = re.compile(r"^(?:killed|wounded|injured)$", re.I)
# words that name a terrorist act by themselves; "killed", "attacked" also tell of combat and crime
_STRONG = re.compile(r"^(?:kidnap\w*|abduct\w*|assassinat\w*|murder(?:ed)?|massacre[ds]?|exploded|detonated|went off|"
                     r"car bombs?|bomb\w*|blew up|dynamit\w*|explosive devices?|set fire to|torched|blast|explosion)$", re.I)


_DEVICE = r"(?:bombs?|car bombs?|dynamite(?: sticks?| charges?)?|(?:explosive )?(?:devices?|charges?)|explosives|grenades?|mines?)"
_PLACING = r"(?:thrown|threw|hurled|tossed|placed|planted|set off|detonated|activated|hurl|throw|plant|place)"
_PLACED_BOMB = re.compile(rf"\b{_DEVICE}\b(?: \w+){{0,3}}? (?:was|were|had been|has been|have been) (?P<v1>{_PLACING})\b|"
                          rf"\b(?P<v2>{_PLACING}) (?:\w+ ){{0,3}}?{_DEVICE}\b|"
                          rf"\b(?P<v3>destroyed|damaged|wrecked|shattered) by (?:\w+ ){{0,2}}?{_DEVICE}\b", re.I)


_SHOOTING = re.compile(r"\b(?:shot (?:to death|dead)|(?:was|were|been) (?:shot(?! down)|machine-?gunned)|machine-?gunned|"
                       r"riddled with bullets)\b", re.I)


def _adapter_triggers(s: str) -> list[Any]:
    """Terrorist acts told in words the trigger lexicon leaves out: bombings told by what was done with the device
    ("a bomb was thrown at the shop", "the terrorists planted a bomb", "the booth was destroyed by a bomb") and
    shootings ("was shot to death", "machinegunned")."""
    from ..extract.triggers import Trigger

    found = []
    for m in _PLACED_BOMB.finditer(s):
        v = next(g for g in ("v1", "v2", "v3") if m.group(g))
        found.append(Trigger(m.start(v), m.end(v), m.group(v), "Remote explosive/landmine/IED", 0.75, "ied"))
    for m in _SHOOTING.finditer(s):
        found.append(Trigger(m.start(), m.end(), m.group(), "Attack", 0.75, "attack"))
    return found


def _scan_kind(t: Any, s: str) -> str:
    if t.kind in _SCAN:
        return _SCAN[t.kind]
    if t.kind == "riot" and _FIRE.search(t.text):
        return "arson"
    if t.kind == "clash" and _ATTACK_WORD.match(t.text):
        return "attack"
    if t.kind == "kill" and _KILLED_WORD.match(t.text):
        return "attack"
    return ""


# what was planned or would have happened is no act ("was planning to carry out a key operation that would have
# included the kidnapping of personalities, ... and the assassination of officers"); a plot against a named person is
# a threat, which MUC templates
_UNREALISED = re.compile(r"\b(?:would have|plann(?:ed|ing) to|plans? to)\b", re.I)


def _asserted(s: str, t: Any) -> bool:
    from ..extract import modality

    return modality.classify(s, t.start, t.end).is_event and not _UNREALISED.search(s[max(0, t.start - 120):t.start])


def _attack_not_combat(rep: Any) -> str:
    """An attack ACLED codes as an armed clash because the target is armed (police, a patrol) is still a
    MUC attack when the trigger is an attack, not a battle."""
    if rep.sub_event_type == "Armed clash" and _ATTACK_WORD.match(rep.trigger.split()[0]) and \
            not (rep.actor2 is not None and rep.actor2.inter in (1, 2, 3)):
        return "attack"
    return ""


# MUC's incidents: specific terrorist acts against civilian, government or infrastructure targets.
_COMBAT = re.compile(r"\b(?:combat|clash(?:es|ed)?|fighting|confrontation|shoot-?out|gunfight|exchange of fire|"
                     r"police operation|skirmish\w*|battles?|enemy|(?:guerrilla|rebel|fmln|military|army) "
                     r"(?:positions|columns?|strongholds?|camps?|concentrations?)|air force|warplanes?|gunships?|"
                     r"a-37|combat planes?|helicopters?|casualties on|killed in action|offensive|troops? (?:killed|wounded)|"
                     r"battalions?|brigades?|infantry|garrisons?|joint chiefs|high command|military convoy|border patrol|"
                     r"(?:guerrillas?|terrorists?|rebels?|insurgents?) (?:was|were) (?:killed|wounded|captured)|"
                     r"\d+ (?:guerrillas?|terrorists?|rebels?|insurgents?) (?:killed|wounded|dead)|"
                     r"(?:soldiers|troops|paratroopers|servicemen|enemy|army|battalion)\b[^.;]{0,40}\b(?:killed|wounded|"
                     r"died|casualties)|(?:killed|wounded|casualties|injuring|wounding)\b[^.;]{0,40}\b(?:soldiers|troops|enemy|army|"
                     r"battalion|paratroopers)|uprising|mutiny|repelled|repulsed|"
                     r"(?:rifles|weapons|arms) in (?:their|his) hands)\b", re.I)
# an attack on an armed force is combat, not terrorism (unless it kills or hurts civilians too)
_MILITARY_FORCE = r"(?:(?:army|military|armed forces|navy)(?: [a-z]+)?|troops|soldiers|convoys?|patrols?|" \
                  r"(?:military |army )?positions|garrisons?|barracks|national guard|treasury police|civil guard(?: posts?)?|" \
                  r"police (?:air )?(?:stations?|posts?|bases?)|(?:air|military|naval) bases?|border posts?|outposts?)"
_ON_MILITARY = re.compile(rf"\b(?:(?:attack\w*|ambush\w*|assault\w*)\s+(?:on|against)|(?:attacked|ambushed|assaulted|stormed))"
                          rf"\s+(?:an?|the|two|three|four|several)?\s*(?:[\w.-]+\s+){{0,2}}?{_MILITARY_FORCE}\b(?! and)|"
                          rf"\b{_MILITARY_FORCE}(?:, [^,;]{{1,80}},)? (?:was|were) (?:attacked|ambushed)\b", re.I)
# a place is no target ("several areas of San Salvador have been attacked", "an attack on various places")
_ON_AREA = re.compile(r"\b(?:attack\w*\s+(?:on|against)|attacked)\s+(?:the|various|several)?\s*(?:[\w-]+\s+){0,2}?"
                      r"(?:areas|places|zones|sectors)\b|\b(?:areas|places|zones|sectors)\b(?: of [\w ]{1,30}?)? "
                      r"(?:have been|has been|had been|were|was|are|is) (?:\w+ )?attacked\b|\bareas that were attacked\b", re.I)
# a member of an armed group killed is no terrorist incident's victim (MUC exception a)
_GROUP_VICTIM = re.compile(r"^\s+of\s+(?:\w+\s+){0,2}?(?:members|militants|leaders|commanders) of (?:that|the|this) "
                           r"(?:subversive|guerrilla|terrorist|insurgent) (?:organization|group|movement)", re.I)
_CIVILIANS = re.compile(r"\bcivilians?\b", re.I)
# "attacked and bombed the people", "attacking the civilian population": a people at large is no incident's victim
_PEOPLE_AT_LARGE = re.compile(r"^\W*(?:[\w-]+\W+){0,3}?(?:against |on |of )?(?:the|our|its) (?:[\w-]+ )?(?:people|population)\b"
                              r"(?! who| that| of| in)", re.I)
_NAMES_PEOPLE = re.compile(r"^\s+(?:people|persons|men|women|children|priests|jesuits|leaders|officers|members|individuals|"
                           r"citizens)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|are|is)\s+$", re.I)
_PRACTICE = re.compile(r"^\s+(?:business|industry|rate|cases|problem|wave|practice|as an? )\b", re.I)
_SPECIFIC = re.compile(r"\b(?:today|yesterday|tonight|last night|this (?:morning|afternoon|evening)|"
                       r"(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                       r"\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)"
                       r")\b", re.I)
# a broadcast's own time is not the incident's: "IDF radio in Hebrew at 1030 GMT on 12 November carries ..."
_BROADCAST = re.compile(r"\bgmt on \d{1,2} \w+", re.I)
# an attack told with its target and toll: "the attack against Fenastras, in which 10 union members were killed"
_TOLD_WITH_TOLL = re.compile(r"\battack (?:(?:on|against) [^.;]{3,80}?\b)?(?:in which|that|which) [^.;]{0,40}\b(?:killed|wounded|"
                             r"injured|dead|death)\b", re.I)
# an act told with its target is specific (MUC: "at least indicates the nature of the target"): "the killing of Pablo
# Pelaez Gonzalez", "the attack on Fenastras"
_TARGETED = re.compile(r"\s+(?P<prep>of|on|against)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,4}")


def _targeted(text: str, a: int, b: int) -> bool:
    """The act's target follows it: "the attack on Fenastras", "the killing of Pablo Pelaez" ("the attack of the
    economic power" names the attacker)."""
    m = _TARGETED.match(text, b, b + 80)
    return bool(m) and (m.group("prep") != "of" or not _ATTACK_WORD.match(text[a:b]))


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_GENERIC = re.compile(r"\b(?:hundreds|thousands|\d{1,3},\d{3}|abstain|prevent\w*|calling for|incit\w+|cases|so many|"
                      r"many people|dozens of|every|whenever|always|genocide|"
                      r"wave of|climate of|(?:growing|large|increasing|great|the) number of|campaign of|policy of|"
                      r"repression|atrocities|"
                      r"recall|remember|anniversary|in 19[0-8]\d|years ago|last year|since 19\d\d|"
                      # an explicit earlier year or decade: "in august 1988", "on 29 october 1988", "in the mid-1970's"
                      rf"(?:{_MONTHS}) (?:\d{{1,2}},? )?19[0-8][0-7]|(?:mid-|early |late )?19[0-8]0'?s|"
                      r"(?:in|over|during) the (?:past|last) (?:year|decade)|"
                      r"who (?:kidnap|murder|kill)|"
                      # acts in general, repeated or to be stopped: "attacked officials and the community in general",
                      # "on several occasions", "to halt the murder of activists", "the crimes go unpunished"
                      r"(?:attack|murder|kill|bomb|kidnapp)\w* [^.;]{0,80}\bin general|"
                      r"on (?:several|many|numerous|various) occ?ass?ions|constant|"
                      # a summary of recent weeks, an actor described by what it has done ("a government that has
                      # murdered and persecuted the clergy"), acts as a present state ("they are murdered or harassed")
                      r"(?:in|over|during) the (?:past|last) (?:few |several )?(?:weeks|months|years)|on charges of|"
                      r"(?:who|that|which) (?:has|have) (?:\w+ )?(?:murdered|killed|kidnapped|massacred|bombed|attacked)|"
                      r"(?:are|is) (?:being )?(?:\w+ly )?(?:perpetrated|murdered|killed|kidnapped|attacked|massacred)|"
                      r"(?:halt|stop|curb|eradicate) (?:the |all |these )?(?:\w+ )?(?:murders?|killings?|kidnappings?|attacks?|"
                      r"massacres?|violence)|unpunished|impunity|"
                      # a crime now before the courts is an old one: "now under trial", "to be sent to trial"
                      r"under trial|on trial|to trial|stand trial|judiciary authorities|in the hands of the court|"
                      r"(?:has|have) (?:\w+ )?been (?:\w+ )?(?:killed|murdered|kidnapped|abducted|assassinated)"
                      r")\b", re.I)
_PLURAL_NOMINAL = re.compile(r"^(?:murders|kidnappings|assassinations|massacres|killings|abductions|bombings|explosions|"
                             r"attacks|blasts|disappearances)$", re.I)
_BARE_NOMINAL = re.compile(r"^(?:murder|kidnapping|assassination|massacre|attack|bombing|terrorism|abduction)$", re.I)
# a determiner and up to two modifiers, no verb between ("the one that has used kidnapping" is the crime)
_DETERMINED = re.compile(r"(?:\b(?:the|a|an|this|that|his|her|their|its|our|yesterday's|today's|last|recent|\w+'s)|\d+)\s+"
                         r"(?:(?!(?:has|have|had|is|are|was|were|be|been|used?|uses|using)\b)[\w-]+\s+){0,2}$", re.I)
_COMPLEMENT = re.compile(r"\s+(?:of|on|against|at|in which)\b", re.I)
_COUNTED = re.compile(r"\b(?:the|these|those|two|three|four|five|six|seven|eight|nine|ten|\d+|both|several|recent)\s+"
                      r"(?:\w+\s+){0,2}$", re.I)
_SUMMARY = re.compile(r"\b(?:recent|latest|last|past|several)\s+(?:\w+\s+)?$", re.I)
_HEARD = re.compile(r"\b(?:heard|could be heard|were heard|din|shook)\b", re.I)
_SEIZED = re.compile(r"\b(?:seiz\w+|confiscat\w+|found|recovered|cache|arsenal|launchers|"
                     r"purchase|smuggl\w+|supply|supplied)\b", re.I)
_DETONATION = re.compile(r"^(?:(?:\w+ )?(?:bombs?|dynamite|charges?|devices?|explosives?|grenades?) (?:exploded|went off|blew up|"
                         r"detonated)|blew up)$", re.I)
_BOMBISH = re.compile(r"\b(?:bomb\w*|dynamite|explosives?|explosive (?:devices?|charges?)|charges?|devices?|grenades?|"
                      r"mines?|car-bomb|terrorist|attack\w*|blew up|destroy\w*|damag\w*)\b", re.I)


def muc_relevant(s: str, start: int, end: int, kind: str) -> bool:
    """A specific terrorist incident as MUC templates it: not combat between armed forces (nor an attack on an armed
    force that hurts no civilian, nor a shoot-out with the police), not a generic or past-pattern statement, not an
    act against a people at large ("bombed the people"), not people named by the act ("the murdered jesuits"), not
    the crime as a practice ("the kidnapping business"), not weapons found, not noise heard in the distance."""
    word = s[start:end]
    if _COMBAT.search(s) or _GENERIC.search(s) or _PEOPLE_AT_LARGE.search(s[end:]):
        return False
    if _ON_MILITARY.search(s) and not _CIVILIANS.search(s):
        return False
    if _NAMES_PEOPLE.search(s[end:]) and word.lower().endswith("ed") and not _PASSIVE.search(s[:start]):
        return False  # "the murdered jesuits", "the release of kidnapped persons": people named by an act told elsewhere
    if _PRACTICE.search(s[end:]):
        return False  # "the kidnapping business", "kidnapping as a political weapon": the crime, not an incident
    if _PLURAL_NOMINAL.match(word) and (not _COUNTED.search(s[:start]) or _SUMMARY.search(s[:start])):
        return False  # "murders and persecution continue", "the recent terrorist attacks": no specific incident
    if _ON_AREA.search(s) or _GROUP_VICTIM.match(s[end:]):
        return False
    if re.match(r"\s+(?:troops|rifles?|units?|forces|teams?|squads?|helicopters?|weapons?)\b", s[end:], re.I):
        return False  # "assault troops", "assault rifles": a kind of force or arm, no act
    if _BARE_NOMINAL.match(word) and not _DETERMINED.search(s[:start]) and not _COMPLEMENT.match(s[end:]):
        return False  # "charged with murder", "practices like kidnapping": the crime, not an incident
    if kind == "bombing":
        if _HEARD.search(s) or _SEIZED.search(s):
            return False
        # "exploded", "an explosion", "the bombing" need a bomb, a charge or an attack told around them (an air force
        # bombs too); "a bomb exploded", "blew up" tell a detonation by themselves
        if not _DETONATION.search(word) and not _BOMBISH.search(s.replace(word, " " * len(word), 1)):
            return False
    return True


def _document_fillers(article: Any, incident_sents: dict[int, list[tuple[int, int, str]]],
                      fillers: dict[str, list[str]]) -> None:
    """MUC templates pool the fillers of the whole message: every incident sentence adds the arguments of
    its triggers, its perpetrator and physical-target noun phrases, and the armed organisations it names;
    a sentence claiming or blaming an act names its perpetrators too."""
    from ..extract import arguments
    from ..model import Span

    text = article.text
    # acronyms the message defines for an armed organisation: "the FMLN (Farabundo Marti national liberation front)"
    acronyms = {m.group(1) for m in re.finditer(rf"\b([A-Z][A-Z-]{{1,6}})\s*\((?:{_ORG_NAME.pattern})", text, re.I)}
    acronyms |= {m.group(2) for m in re.finditer(rf"(?:{_ORG_NAME.pattern})\s*\(([A-Z][A-Z-]{{1,6}})\)", text, re.I)}
    acronyms = {a for a in acronyms if a and a.isupper()}
    org_sents = set(incident_sents)
    for si, sent in enumerate(article.sentences):
        if _CLAIM.search(text[sent.start:sent.end]):
            org_sents.add(si)
    from ..extract import triggers

    for si, sent in enumerate(article.sentences):  # the weapons of the attacks the message tells, wherever told
        s = text[sent.start:sent.end]
        if si not in incident_sents and not _SEIZED.search(s) and not _HEARD.search(s) and any(
                t.kind in _WEAPON_KINDS and _asserted(s, t) for t in triggers.find(s)):
            fillers["Weapon"].extend(m.group() for m in arguments.WEAPON.finditer(s))
    for si in sorted(org_sents):
        sent = article.sentences[si]
        s = text[sent.start:sent.end]
        trigs = incident_sents.get(si, [])
        for start, end, _kind in trigs:
            args = arguments.extract(article, sent, Span(start, end))
            for sp in args.attackers:
                words = text[sp.start:sp.end]
                org = _names_org(article, sp) or _ORG_NAME.search(words) or _INSTITUTION.search(words)
                fillers["PerpOrg" if org else "PerpInd"].append(words)
            # MUC's victims are the people named; "six jesuit priests" stands for the names told elsewhere
            fillers["Victim"].extend(_name_in(article, sp) for sp in args.victims if _name_in(article, sp))
            for sp in args.targets:
                name = next((m.text for m in article.mentions if m.kind == "person" and sp.start <= m.start < sp.end), "")
                fillers["Victim" if name else "Target"].append(name or text[sp.start:sp.end])
            fillers["Weapon"].extend(text[sp.start:sp.end] for sp in args.instruments)
        if trigs:
            for m in article.mentions:
                if m.kind == "person" and sent.start <= m.start < sent.end and not _SPEAKER.match(text[m.end:m.end + 40]) \
                        and not _SPEAKER_BEFORE.search(text[max(sent.start, m.start - 40):m.start]):
                    fillers["Victim"].append(m.text)
            # a name after a title or an occupation, which the recognizer misses or takes for an organisation
            # ("officer carlos Ricra Papara", "reporter cornell Lagrow"): the case restorer leaves given names low
            for m in _TITLED_NAME.finditer(s):
                if not _SPEAKER.match(s[m.end():m.end() + 40]):
                    fillers["Victim"].append(m.group("name"))
        perps, structures = arguments.lexical_roles(article, sent)
        fillers["PerpInd"].extend(text[sp.start:sp.end] for sp in perps)
        if any(kind in ("bombing", "arson") or _ATTACK_WORD.match(text[st:en]) for st, en, kind in trigs):
            fillers["Target"].extend(text[sp.start:sp.end] for sp in structures)
        for m in article.mentions:  # named armed groups: the perpetrators' organisation
            if m.kind == "actor" and m.ref and not m.ref.startswith("generic:") and sent.start <= m.start < sent.end \
                    and _ARMED_GROUP.search(s):
                fillers["PerpOrg"].append(m.text)
        for m in _ORG_NAME.finditer(s):
            fillers["PerpOrg"].append(m.group(1))
        fillers["PerpOrg"].extend(a for a in acronyms if re.search(rf"\b{re.escape(a)}\b", s))


_ARMED_GROUP = re.compile(r"\b(?:guerrillas?|terrorists?|rebels?|insurgents?|front|army of|commandos?|urban|"
                          r"responsibility|claimed|members of)\b", re.I)
_INSTITUTION = re.compile(r"\b(?:army|armed forces|military|air force|government|national guard|treasury police|"
                          r"national police|death squads?)$", re.I)
_CLAIM = re.compile(r"\b(?:claim(?:ed|s|ing)? (?:responsibility|credit)|responsib\w+ for|blam(?:ed|es|ing)|attributed|"
                    r"perpetrated|carried out|committed)\b", re.I)
_ORG_NAME = re.compile(
    r"\b((?:(?!(?:of|the|to|that|by|and|a|an|for|in|on|at|with|from|said|reported|attack|leader|president|"
    r"general|member|members|secretary|spokesman)\b)[A-Za-z][\w'-]+ ){0,4}?"
    r"(?:liberation|revolutionary|patriotic|anticommunist|popular|guerrilla|"
    r"self-defense|people's|workers'|nationalist|socialist|communist)(?: [\w'-]+){0,3}? "
    r"(?:front|movement|army|armed forces|forces|command|commandos?|brigades?|organization|squads?)|"
    r"shining path|medellin cartel|cali cartel|extraditables|death squads?|"
    r"(?-i:[A-Z]{2,6})(?=\s+(?:guerrillas?|rebels?|terrorists?|members?|commandos?|urban commandos?|units?|fighters|column)))\b",
    re.I)


_TITLED_NAME = re.compile(
    r"\b(?:officer|sergeant|sgt|corporal|agent|private|sister|brother|father|reporter|cameraman|journalist|newsman|"
    r"engineers?|student|teacher|professor|dr|doctor|mayor|judge|councilman|cattleman|businessman|industrialist|"
    r"peasant|priest|nun|lawyer|attorney|leader|candidate|senator|councilor)\.?\s+"
    r"(?P<name>(?:(?!(?:of|in|and|for|the|former|at|on|from|to|with|by|general)\b)[a-z]+\s+){0,2}(?-i:[A-Z][a-z][\w'-]*)(?:\s+(?:de\s+|del\s+|la\s+)?(?-i:[A-Z][a-z][\w'-]*)){0,3})", re.I)
_SPEAKER = re.compile(r"\s*(?:,[^,]{0,30},\s*)?(?:said|says|stated|reported|told|added|announced|explained|noted|"
                      r"declared|denounced|charged|asserted)\b", re.I)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|according to|told|by|president|reporter|minister)\s+(?:\w+\s+){0,2}$", re.I)


_OF_TAIL = re.compile(r"\s+(?:of|in|at|on|from|for|with|who|which|that)\s.*$", re.I | re.S)
_MILITARY_TARGET = re.compile(r"\b(?:positions?|battalions?|convoys?|brigades?|units?|detachments?|patrols?|troops|"
                              r"military \w+)$", re.I)


def _sort_fillers(article: Any, fillers: dict[str, list[str]]) -> None:
    """Each filler in the role MUC gives it: a military unit is no target, a weapon ("dynamite", "the charge") no
    physical target, a person's name a victim, not a target; a plural of people ("members", "guerrillas") is an
    individual perpetrator, not an organisation, and a bare count of people ("four people") no perpetrator."""
    persons = {norm(m.text) for m in article.mentions if m.kind == "person"}
    person_heads = {p.split()[-1] for p in persons if p}
    targets = []
    for v in fillers["Target"]:
        if _MILITARY_TARGET.search(v) or _WEAPON_HEAD.search(v):
            continue
        (fillers["Victim"] if norm(v) in persons or (head(v) in person_heads and _A_NAME.match(v)) else targets).append(v)
    fillers["Target"] = targets
    orgs = []
    for v in (_UNIT_OF.sub("", v) for v in fillers["PerpOrg"]):  # "FMLN units" is the FMLN
        (fillers["PerpInd"] if _PEOPLE_HEAD.search(v) else orgs).append(v)
    fillers["PerpOrg"] = orgs
    fillers["PerpInd"] = [v for v in fillers["PerpInd"] if not _COUNTED_PEOPLE.match(v)]


# "four people", "one person": a count of people is a casualty count; perpetrators are described ("unidentified persons")
# a person's name, with a title or a lower-cased given name: "dr Oqueli", "hector Oqueli Colindres"
_A_NAME = re.compile(r"^(?:(?:dr|mr|mrs|col|gen|maj|capt|lt|sgt|father|monsignor|judge|senator)\.?\s+)?(?:[a-z]+\s+)?"
                     r"(?:[A-Z][\w'-]+\s*){1,4}$")
_COUNTED_PEOPLE = re.compile(r"^(?:(?:at least|only|some|several|these|those|another|other|\w+ or|\d+|one|two|three|four|five|six|"
                             r"seven|eight|nine|ten|[\w-]+ty)\s+)*(?:other |innocent )?(?:people|persons?)$", re.I)
_UNIT_OF = re.compile(r"(?<=[A-Z])\s+(?:units?|columns?|cells?|fronts?)$")
_WEAPON_HEAD = re.compile(r"\b(?:dynamite|charges?|explosives?|bombs?|grenades?|devices?|mines?)$", re.I)
_PEOPLE_HEAD = re.compile(r"\b(?:members|guerrillas|terrorists|rebels|men|commandos|gunmen)$", re.I)


def _message_org(text: str) -> list[str]:
    """The armed organisation the message names most often, as the perpetrator organisation of incidents whose
    own sentences name none (a message about an FMLN attack names the FMLN in its lead, not in every sentence)."""
    names = [m.group(1) for m in _ORG_NAME.finditer(text)]
    if not names:
        return []
    top = Counter(norm(n) for n in names).most_common(1)[0][0]
    return [next(n for n in names if norm(n) == top)]


_DEFINED = re.compile(r"\b([A-Z][\w'-]+(?: [\w'-]+){1,7}?) \(([A-Z][A-Z0-9-]{1,7})\)|\b([A-Z][A-Z0-9-]{1,7}) \(([A-Z][\w'-]+"
                      r"(?: [\w'-]+){1,7}?)\)")


def _acronym_pairs(text: str) -> dict[str, str]:
    """Names the message defines by an acronym ("the FMLN (Farabundo Marti National Liberation Front)"): both forms ->
    one key. The acronym's letters must be initials of the name (Spanish acronyms reorder them: FMLN)."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        name, acr = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        words = [w for w in norm(name).split() if w not in ("of", "the", "and", "for", "de", "del", "la")]
        initials = [w[0] for w in words]
        letters = acr.lower().replace("-", "")
        # the name may start with words before the organisation's own ("the leftist ..."), and keep a word the acronym
        # leaves out ("Farabundo Marti National Liberation Front", FMLN): every tail down to the one that fits
        for i in range(len(words)):
            tail = initials[i:]
            if sorted(letters) == sorted(tail) or (tail[:1] == [letters[0]] and set(letters) <= set(tail)
                                                   and len(tail) - len(letters) == 1):
                out[norm(acr)] = "acr:" + letters
                out.update({" ".join(words[j:]): "acr:" + letters for j in range(i + 1)})
                break
    return out


_NAME_WORD = re.compile(r"\s+((?!(?:The|A|An|In|On|At|Of|And|But|He|She|They|It|This|That|These|Those|Said|Today)\b)"
                        r"[A-Z][a-z]+\b)")


def _extend_name(text: str, name: str) -> str:
    """A name the recognizer cut short, as the message writes it in full: "Jose Antonio" -> "Jose Antonio Rodriguez
    Porth" (the capitalised words that follow it; MUC texts are case-restored, so unknown words are names)."""
    if len(name.split()) > 3 or not name[:1].isupper():
        return name
    best = name
    for m in re.finditer(rf"\b{re.escape(name)}\b", text):
        end, words = m.end(), []
        while len(words) < 4 and (w := _NAME_WORD.match(text, end)):
            words.append(w.group(1))
            end = w.end()
        if len(name.split()) + len(words) > len(best.split()):
            best = text[m.start():end]
    return best


def _longest_form(name: str, names: list[str]) -> str:
    words = name.lower().split()
    best = name
    for n in names:
        ws = n.lower().split()
        if len(ws) > len(best.split()) and any(ws[i:i + len(words)] == words for i in range(len(ws) - len(words) + 1)):
            best = n
    return best


def _name_in(article: Any, span: Any) -> str:
    """The person's name inside an argument phrase ("judge Hector Oqueli" -> "Hector Oqueli"), else ''."""
    for m in article.mentions:
        if m.kind == "person" and span.start <= m.start < span.end:
            return m.text
    toks = [t for t in article.tokens if span.start <= t.start < span.end]
    names = [t for t in toks if t.pos == "PROPN" and t.text[:1].isupper()]
    if names and names[-1] is toks[-1]:
        return article.text[names[0].start:names[-1].end]
    return ""


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
    from ..extract import role_model

    t0 = time.time()
    preds = collect(docs, ctx.nlp)
    paths = ctx.files("muc4-gtt", "*.jsonl")
    if ctx.options.get("rules_only"):
        method = "hand-written adapter only (no trained role-filler model)"
    elif ctx.split == "dev" or any(trained_on(p) for p in paths):
        k = int(ctx.options.get("k_folds", K_FOLDS))
        log(f"muc4-gtt: role fillers by {k}-fold cross-validation grouped by document")
        for p, fillers in zip(preds, held_out(docs, preds, cross_validate(docs, preds, k), k)):
            p["fillers"] = fillers
        method = (f"role-filler model, {k}-fold cross-validation grouped by document (train on {k - 1} folds, score the "
                  "held one; decoding tuned on the other folds' out-of-fold probabilities)")
    elif (model := role_model.shipped()) is not None:
        for p in preds:
            p["fillers"] = model.decode(p["cands"], model.probabilities(rows_of(model, p)))
        method = "role-filler model, shipped weights (trained on the dev split)"
    else:
        method = "hand-written adapter (no role-filler weights shipped)"
    metrics, rows = evaluate(docs, preds)
    log(f"muc4-gtt: done in {time.time() - t0:.0f}s")
    return EvalResult("muc4-gtt", ctx.split, len(docs), metrics, [("method", method), *rows])


def trained_on(path: Any) -> bool:
    from ..extract.role_model import CARD, MODEL_DIR
    from . import trained_on as listed

    return listed(path, MODEL_DIR / CARD)


def evaluate(docs: list[dict[str, Any]], preds: list[dict[str, Any]]) -> tuple[dict[str, float | None], list[tuple[str, str]]]:
    tp = fp = fn = 0
    per_role = {r: [0, 0, 0] for r in ROLES}
    exact = [0, 0, 0]
    per_doc = []  # (tp, fp, fn) of each document, for the bootstrap interval
    empty_slot = {"irrelevant": 0, "empty": 0}  # fillers of an irrelevant message, of a role the gold leaves empty
    type_ok = relevant = irrelevant = quiet = 0
    for doc, pred in zip(docs, preds):
        gold = gold_fillers(doc)
        before = [sum(c[i] for c in per_role.values()) for i in range(3)]
        for role in ROLES:
            got = pred["fillers"][role]
            for counts, ok in ((per_role[role], filler_match), (exact, exact_match)):
                matched = one_to_one(got, gold[role], ok)
                counts[0] += len(matched)
                counts[1] += len(got) - len(matched)
                counts[2] += len(gold[role]) - len(matched)
            if not gold[role]:  # every filler of an empty slot is false
                empty_slot["empty" if doc["templates"] else "irrelevant"] += len(got)
        per_doc.append([sum(c[i] for c in per_role.values()) - before[i] for i in range(3)])
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
    low, high = f1_interval(per_doc)
    in_filled = fp - sum(empty_slot.values())
    rows.append(("false fillers", f"in irrelevant messages {empty_slot['irrelevant']}, in roles the gold leaves empty "
                 f"{empty_slot['empty']}, in filled roles {in_filled} (F1 were the empty slots known: "
                 f"{prf(tp, in_filled, fn)[2]:.3f})"))
    return {"role_filler_f1": f1, "role_filler_precision": p, "role_filler_recall": r,
            "role_filler_f1_ci95_low": low, "role_filler_f1_ci95_high": high,
            "role_filler_f1_exact": prf(*exact)[2],
            "incident_type_accuracy": type_ok / relevant if relevant else 0.0,
            "irrelevant_noevent_rate": quiet / irrelevant if irrelevant else 0.0}, rows

"""The trained role-filler model: which phrases of a message fill an incident's roles.

MUC-style templates (and the evidence view) want the words that fill an incident's roles: the individual
perpetrators ("urban guerrillas"), their organisation ("FMLN"), the physical target ("the bus"), the
victims by name ("Jose Perez") and the weapon ("dynamite"). The rules of :mod:`eventwire.extract.arguments`
find the arguments of a trigger in its own sentence; a message tells its incident over many sentences.
This model scores every noun phrase of a message for each role.

Candidates (:func:`candidates`) are the noun phrases of every sentence (a noun's head with its left
modifiers), the person, actor and organisation mentions (a person in the longest form the message gives),
the weapon-lexicon matches and any phrase the caller's rules already put in a role. Phrases with the same
head word (or the same organisation under its name and its acronym) are one candidate: features are pooled
over its mentions (lexicon and entity hits, dependency relation and governor, preposition, its relation to
the nearest trigger, the sentence's own flags from the caller: incident sentence, trigger kinds, claim),
with the count of mentions, the first sentence, the roles the rules gave it and the message's incident
types. The sentence-relevance model (:mod:`eventwire.extract.sentence_relevance`) adds how likely the sentences
naming it are to name a filler (of any role, of each role), read from their words (:func:`candidate_rows`).

The model (:class:`Model`) is a small wide-and-deep network over hashed feature ids (no words are shipped: a
feature is the crc32 of its name): the features feed 32 ReLU units and, directly, a linear term; one logit per role
comes out (the roles share the hidden units, which learn the features' interactions a linear model misses: the
same head word in an incident sentence or in a combat report). Three nets with different seeds are averaged; each
is trained by Adam in numpy over scipy.sparse rows (:func:`fit`), a few passes at a small learning rate (longer
training overfits the dev folds). Decoding (:func:`decode`) keeps, per role, the candidates at or above the role's
threshold and near the role's best in the message, at most a role's number of them, most probable first (a
:class:`Decoding`, tuned on out-of-fold probabilities by :mod:`eventwire.evaluation.muc4_decoding`). Weights live in
``data/models/role_filler.npz`` with the sentence-relevance weights (the per-feature matrices as int8 with per-column
scales) and the decoding, and a card ``role_filler.json`` (training data sha256, parameters, decoding, k-fold figures,
fillers changed by the int8 storage, ``weights_sha256`` checked at load). ``tools/train_role_filler.py`` writes both;
``eventwire eval muc4-gtt`` cross-validates on the fly.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Article
from . import arguments, sentence_relevance, weights
from .hashed import feature_ids, frequent, sigmoid
from .hashed import matrix as _matrix

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
WEIGHTS = "role_filler.npz"
CARD = "role_filler.json"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
FEATURE_VERSION = 2  # 2: the sentence-relevance features
# the network: hidden ReLU units, Adam's passes over the data and learning rate, nets averaged, L2 penalty,
# features kept (seen in at least this many candidates), candidates per Adam step
HIDDEN, EPOCHS, LR, SEEDS, L2, MIN_COUNT, BATCH = 32, 6, 0.001, 3, 1e-5, 2, 256


@dataclass(frozen=True)
class Decoding:
    """How a role's fillers are read off its probabilities in one message: the candidates at or above
    ``thresholds[role]`` and at or above ``relative[role]`` times the role's best probability in the message, most
    probable first, at most ``max_fillers[role]``. The shipped model carries the settings its trainer tuned on
    out-of-fold probabilities (:mod:`eventwire.evaluation.muc4_decoding`); :data:`UNTUNED` serves a model fresh from
    :func:`fit`."""

    thresholds: dict[str, float]
    max_fillers: dict[str, int]
    relative: dict[str, float]


UNTUNED = Decoding({r: 0.3 for r in ROLES}, {r: 3 for r in ROLES}, {r: 0.5 for r in ROLES})

_ARTICLES = re.compile(r"\b(?:the|a|an)\b")
_LEFT = {"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "advmod", "npadvmod", "case"}
_TRIGGER_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "agent", "pobj", "poss", "compound", "appos", "conj", "attr"}


def norm(s: str) -> str:
    """Lower case, no articles or punctuation (the MUC scorer's normal form)."""
    s = _ARTICLES.sub(" ", s.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def head_word(s: str) -> str:
    words = norm(s).split()
    return words[-1] if words else ""


@dataclass
class Candidate:
    """One filler candidate of a message: the phrases with one head word, and their pooled features."""

    key: str
    text: str
    feats: set[str] = field(default_factory=set)
    count: int = 0
    first: int = 10 ** 6  # index of the first sentence naming it
    rule_roles: set[str] = field(default_factory=set)
    incident_count: int = 0
    sentences: set[int] = field(default_factory=set)  # indices of the sentences naming it

    def add(self, text: str, feats: Iterable[str], si: int) -> None:
        self.sentences.add(si)
        if si < self.first or (si == self.first and len(text) > len(self.text)):
            self.text = text if si < self.first or not self.rule_roles else self.text
        self.first = min(self.first, si)
        self.count += 1
        self.feats.update(feats)
        self.incident_count += "s:incident" in feats


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def candidates(article: Article, *, sentence_feats: dict[int, list[str]] | None = None,
               trigger_spans: dict[int, list[tuple[int, int, str]]] | None = None,
               rule_fillers: dict[str, list[str]] | None = None, doc_feats: Iterable[str] = (),
               key_of: Callable[[str], str] | None = None) -> list[Candidate]:
    """The message's filler candidates with their features.

    ``sentence_feats``: sentence index -> flags of that sentence (an incident sentence, a claim); ``trigger_spans``:
    sentence index -> (start, end, kind) of its triggers in article offsets; ``rule_fillers``: role -> phrases the
    rules put in it; ``doc_feats``: flags of the whole message; ``key_of``: a phrase's candidate key (default its
    head word; a caller may map an acronym and its name to one key)."""
    sentence_feats = sentence_feats or {}
    trigger_spans = trigger_spans or {}
    key_of = key_of or head_word
    text = article.text
    tokens = article.tokens
    out: dict[str, Candidate] = {}
    persons = [m for m in article.mentions if m.kind == "person"]
    longest: dict[str, str] = {}
    for m in persons:
        words = norm(m.text).split()
        for n in persons:
            ws = norm(n.text).split()
            if len(ws) > len(words) and any(ws[i:i + len(words)] == words for i in range(len(ws) - len(words) + 1)) \
                    and len(ws) > len(norm(longest.get(m.text, m.text)).split()):
                longest[m.text] = n.text
    by_sent: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        by_sent.setdefault(t.sent, []).append(i)
    ment_cover: list[list[str]] = [[] for _ in tokens]
    token_at = {t.start: i for i, t in enumerate(tokens)}
    for m in article.mentions:
        if m.kind in ("date", "number", "source"):
            continue
        tag = [f"m={m.kind}", f"ml={m.kind}:{m.label}"]
        if m.kind == "actor":
            tag.append("actor_named" if m.ref and not m.ref.startswith("generic:") else "actor_generic")
        i = token_at.get(m.start)
        while i is not None and i < len(tokens) and tokens[i].start < m.end:
            ment_cover[i].extend(tag)
            i += 1

    def add(phrase: str, feats: list[str], si: int) -> None:
        phrase = phrase.strip(" \"'()[],.;:")
        phrase = re.sub(r"\s*'s$", "", phrase)
        k = key_of(phrase)
        if not k or len(k) < 2:
            return
        c = out.get(k)
        if c is None:
            c = out[k] = Candidate(k, phrase)
        c.add(phrase, feats, si)

    for si, sent in enumerate(article.sentences):
        sflags = [f"s:{f}" for f in sentence_feats.get(si, [])]
        sidx = "si=" + _bucket(si, (0, 1, 3, 7))
        toks = by_sent.get(si) or [i for i, t in enumerate(tokens) if sent.start <= t.start < sent.end]
        trig_toks: dict[int, str] = {}
        for a, b, kind in trigger_spans.get(si, []):
            for i in toks:
                if a <= tokens[i].start < b:
                    trig_toks[i] = kind
        base = sflags + [sidx] + (["has_trig"] if trig_toks else ["no_trig"])
        for i in toks:
            tok = tokens[i]
            if tok.pos not in ("NOUN", "PROPN") or tok.dep == "compound" or not tok.text[:1].isalpha():
                continue
            left = i
            changed = True
            while changed:
                changed = False
                for j in toks:
                    if j < left and left - j <= 4 and tokens[j].dep in _LEFT and left <= tokens[j].head <= i:
                        left, changed = j, True
            while left < i and tokens[left].lemma.lower() in ("the", "a", "an", "'s", ",", "this", "that"):
                left += 1
            phrase = text[tokens[left].start:tok.end]
            feats = list(base) + _token_feats(article, i, toks, trig_toks) + ment_cover[i]
            feats += [f"mod={tokens[j].lemma.lower()}" for j in range(left, i) if tokens[j].pos in ("ADJ", "NOUN", "PROPN", "NUM", "VERB")][:4]
            for m in persons:
                if m.start <= tok.start < m.end:
                    phrase = longest.get(m.text, m.text)
                    feats.append("person_name")
                    break
            add(phrase, feats, si)
        for m in arguments.WEAPON.finditer(text, sent.start, sent.end):
            add(m.group(), base + ["weapon_lex"], si)
    for m in article.mentions:
        if m.kind in ("person", "actor", "org"):
            si = tokens[next((i for i, t in enumerate(tokens) if t.start >= m.start), 0)].sent if tokens else 0
            phrase = longest.get(m.text, m.text) if m.kind == "person" else m.text
            add(phrase, [f"mention={m.kind}"] + [f"s:{f}" for f in sentence_feats.get(si, [])], si)
    for role, vals in (rule_fillers or {}).items():
        for v in vals:
            k = key_of(re.sub(r"\s*'s$", "", v.strip(" \"'()[],.;:")))
            if not k:
                continue
            if k not in out:
                out[k] = Candidate(k, v)
                out[k].count = 1
                out[k].first = 0
            out[k].rule_roles.add(role)
            out[k].text = v
    dfe = [f"d:{f}" for f in doc_feats]
    for c in out.values():
        w = c.key.split()[-1] if c.key and not c.key.startswith("acr:") else c.key
        c.feats.update(dfe)
        c.feats.add("n=" + _bucket(c.count, (1, 2, 4, 8)))
        c.feats.add("ninc=" + _bucket(c.incident_count, (0, 1, 2, 4)))
        c.feats.add("first=" + _bucket(c.first, (0, 1, 3, 7, 15)))
        c.feats.add("key=" + w)
        for lex, name in ((arguments.PERSON_HEAD, "person_head"), (arguments.PERP_NOUN, "perp_noun"),
                          (arguments.PERP_HEAD, "perp_head"), (arguments.STRUCTURE_HEAD, "structure_head")):
            if lex.match(w):
                c.feats.add(name)
        if arguments.WEAPON.fullmatch(norm(c.text)) or arguments.WEAPON.fullmatch(w):
            c.feats.add("weapon_word")
        if re.fullmatch(r"[A-Z][A-Z-]{1,7}", c.text):
            c.feats.add("acronym")
        if c.text[:1].isupper():
            c.feats.add("capitalised")
        c.feats.add("words=" + _bucket(len(c.text.split()), (1, 2, 3)))
        for r in c.rule_roles:
            c.feats.add(f"rule={r}")
            c.feats.add(f"rule={r}&key={w}")
        if not c.rule_roles:
            c.feats.add("rule=none")
        has_inc = "d:incident" in c.feats
        for f in [f for f in c.feats if f.startswith(("rule=", "s:", "m=", "person", "perp", "structure", "weapon"))
                  and "&" not in f]:
            c.feats.add(f"{f}&{'inc' if has_inc else 'noinc'}")
        c.feats.add("bias")
    return list(out.values())


def _token_feats(article: Article, i: int, toks: list[int], trig_toks: dict[int, str]) -> list[str]:
    tokens = article.tokens
    tok = tokens[i]
    f = [f"h={tok.text.lower()}", f"lem={tok.lemma.lower()}", f"pos={tok.pos}", f"dep={tok.dep}"]
    if tok.text[:1].isupper():
        f.append("cap")
    h = tok.head
    if 0 <= h < len(tokens) and h != i:
        gov = tokens[h]
        f.append(f"gov={gov.lemma.lower()}")
        f.append(f"dep={tok.dep}&gov={gov.lemma.lower()}")
        passive = any(tokens[j].head == h and tokens[j].dep in ("auxpass", "nsubjpass") for j in toks)
        if tok.dep == "pobj":
            f.append(f"prep={gov.lemma.lower()}")
            g2 = gov.head
            if 0 <= g2 < len(tokens) and g2 != h:
                f.append(f"prep={gov.lemma.lower()}&pgov={tokens[g2].lemma.lower()}")
                if g2 in trig_toks:
                    f.append(f"trig_prep={gov.lemma.lower()}")
                    f.append(f"trig_prep={gov.lemma.lower()}&{trig_toks[g2]}")
        if h in trig_toks:
            f.append(f"trig_dep={tok.dep}{'_pass' if passive else ''}")
            f.append(f"trig_dep={tok.dep}&{trig_toks[h]}")
        if tok.dep in ("appos", "conj", "compound") and 0 <= h < len(tokens):
            f.append(f"via={tok.dep}&gdep={gov.dep}")
    if trig_toks:
        d = min(abs(i - j) for j in trig_toks)
        f.append("tdist=" + _bucket(d, (1, 3, 6, 12)))
        # path up the tree to a trigger
        j, path = i, []
        for _ in range(4):
            if j in trig_toks or not (0 <= tokens[j].head < len(tokens)) or tokens[j].head == j:
                break
            path.append(tokens[j].dep)
            j = tokens[j].head
        if j in trig_toks and path:
            f.append("tpath=" + ">".join(path))
    if i > 0:
        f.append(f"prev={tokens[i - 1].lemma.lower()}")
    if i > 1:
        f.append(f"prev2={tokens[i - 2].lemma.lower()}")
    if i + 1 < len(tokens):
        f.append(f"next={tokens[i + 1].lemma.lower()}")
    if i + 2 < len(tokens):
        f.append(f"next2={tokens[i + 2].lemma.lower()}")
    # the clause's verb and how the phrase hangs from it ("killed" <- nsubj, "destroyed" <- nsubjpass, "by" <- agent)
    j, rel = i, tok.dep
    for _ in range(4):
        h = tokens[j].head
        if not (0 <= h < len(tokens)) or h == j:
            break
        if tokens[h].pos in ("VERB", "AUX"):
            passive = any(tokens[k].head == h and tokens[k].dep in ("auxpass", "nsubjpass") for k in toks)
            f.append(f"verb={tokens[h].lemma.lower()}")
            f.append(f"verb={tokens[h].lemma.lower()}&rel={rel}{'_pass' if passive else ''}")
            f.append(f"vrel={rel}{'_pass' if passive else ''}")
            break
        rel = tokens[h].dep if tokens[h].dep in ("pobj", "prep", "agent") and rel == "pobj" else rel
        if tokens[h].dep in ("prep", "agent"):
            rel = f"{tokens[h].dep}:{tokens[h].lemma.lower()}"
        j = h
    return f


# --- the model -------------------------------------------------------------------------------------------------


@dataclass
class Net:
    """One member of the ensemble: hashed features -> ``hidden`` ReLU units -> one logit per role, plus a linear
    ("wide") term straight from the features. ``emb``: features x hidden, ``out``: hidden x roles, ``wide``:
    features x roles."""

    emb: np.ndarray
    b1: np.ndarray
    out: np.ndarray
    b2: np.ndarray
    wide: np.ndarray

    def logits(self, x: Any) -> np.ndarray:
        return np.maximum(x @ self.emb + self.b1, 0.0) @ self.out + self.b2 + x @ self.wide


_NET_ARRAYS = ("emb", "b1", "out", "b2", "wide")  # a Net's fields, in order
_QUANTISED = ("emb", "wide", "rel_weights")  # stored as int8 with per-column scales


@dataclass
class Model:
    """The role-filler model: ``ids`` (sorted feature ids, the input columns), the ensemble's nets (their
    probabilities are averaged) and each role's decoding settings."""

    ids: np.ndarray
    nets: list[Net]
    decoding: Decoding = UNTUNED
    relevance: sentence_relevance.Relevance | None = None

    def probabilities(self, rows: list[np.ndarray]) -> np.ndarray:
        """(candidates x roles) probabilities of candidates given by :func:`candidate_rows`."""
        if not rows:
            return np.zeros((0, len(ROLES)))
        x = _matrix(rows, self.ids)
        return np.mean([sigmoid(net.logits(x)) for net in self.nets], axis=0).astype(np.float64)

    def rows(self, base: list[np.ndarray], sentences: list[Iterable[int]], sentence_rows: list[np.ndarray],
             incident: bool) -> list[np.ndarray]:
        """A message's input rows: its candidates' :func:`feature_ids` (``base``) with the relevance features of
        the sentences naming each (``sentences``), by this model's sentence-relevance weights over the message's
        ``sentence_rows`` (:func:`sentence_relevance.sentence_ids`); ``incident``: the message tells an incident."""
        sent_probs = self.relevance.probabilities(sentence_rows) if self.relevance else np.zeros((0, 0))
        return candidate_rows(base, sentences, sent_probs, incident)

    def fillers(self, cands: list[Candidate], sentence_rows: list[np.ndarray], incident: bool) -> dict[str, list[str]]:
        """The role fillers among a message's candidates."""
        rows = self.rows([feature_ids(c.feats) for c in cands], [c.sentences for c in cands], sentence_rows, incident)
        return self.decode(cands, self.probabilities(rows))

    def decode(self, cands: list[Candidate] | list[str], probs: np.ndarray) -> dict[str, list[str]]:
        return decode(cands, probs, self.decoding)


def candidate_rows(base: list[np.ndarray], sentences: list[Iterable[int]], sent_probs: np.ndarray,
                   incident: bool) -> list[np.ndarray]:
    """The model's input rows: each candidate's :func:`feature_ids` with the relevance features of the sentences
    naming it (``sent_probs``: the message's sentences x relevance targets; empty: none)."""
    if not len(sent_probs):
        return list(base)
    return [np.union1d(b, feature_ids(sentence_relevance.candidate_feats(s, sent_probs, incident)))
            for b, s in zip(base, sentences)]


def fit(rows: list[np.ndarray], labels: np.ndarray, *, hidden: int = HIDDEN, epochs: int = EPOCHS, lr: float = LR,
        seeds: int = SEEDS, l2: float = L2, min_count: int = MIN_COUNT, batch: int = BATCH) -> Model:
    """Train the ensemble (``rows``: :func:`feature_ids` of each candidate; ``labels``: candidates x roles, 0/1):
    ``seeds`` nets, each by Adam on the summed per-role log loss, ``epochs`` passes over shuffled mini-batches
    (seeded: the same data give the same weights); features seen in fewer than ``min_count`` candidates are dropped.
    Few epochs at a small learning rate are the regularisation (more overfit the MUC-4 dev folds)."""
    ids = frequent(rows, min_count)
    x = _matrix(rows, ids)
    y = np.asarray(labels, dtype=np.float32)
    return Model(ids, [_train_net(x, y, hidden, epochs, lr, l2, batch, seed) for seed in range(seeds)])


def _train_net(x: Any, y: np.ndarray, hidden: int, epochs: int, lr: float, l2: float, batch: int, seed: int) -> Net:
    rng = np.random.default_rng(seed)
    n, d = x.shape
    roles = y.shape[1]
    net = Net((rng.standard_normal((d, hidden)) * 0.05).astype(np.float32), np.zeros(hidden, np.float32),
              (rng.standard_normal((hidden, roles)) / np.sqrt(hidden)).astype(np.float32), np.zeros(roles, np.float32),
              np.zeros((d, roles), np.float32))
    params = [getattr(net, k) for k in _NET_ARRAYS]
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    step = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = x[idx], y[idx]
            pre = xb @ net.emb + net.b1
            h = np.maximum(pre, 0.0)
            g = (sigmoid(h @ net.out + net.b2 + xb @ net.wide) - yb) / len(idx)  # d(log loss)/d(logit)
            gpre = (g @ net.out.T) * (pre > 0)
            grads = [xb.T @ gpre + l2 * net.emb, gpre.sum(0), h.T @ g + l2 * net.out, g.sum(0), xb.T @ g + l2 * net.wide]
            step += 1
            for p, gr, a, b in zip(params, grads, m1, m2):
                a *= 0.9
                a += 0.1 * gr
                b *= 0.999
                b += 0.001 * gr * gr
                p -= (lr * (a / (1 - 0.9 ** step)) / (np.sqrt(b / (1 - 0.999 ** step)) + 1e-8)).astype(np.float32)
    return net


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens?|hundreds?)"
_COUNT = re.compile(rf"^(?:(?:at least|more than|about|some|nearly|almost|over|approximately)\s+)?"
                    rf"(?:{_NUMBER}|several|many|various|numerous)\s+(?!of\b)(?=\w)", re.I)
_COUNTED = ("PerpInd", "Target", "Weapon")  # MUC gives the number of these in a slot of its own


def without_count(text: str) -> str:
    """A filler as MUC writes it, without its count: "at least 10 power transmission towers" -> "power
    transmission towers", "two vehicles" -> "vehicles" ("one of the agents" stays)."""
    return _COUNT.sub("", text)


def decode(cands: list[Candidate] | list[str], probs: np.ndarray, decoding: Decoding) -> dict[str, list[str]]:
    """Per role, the candidates (or their texts) the :class:`Decoding` keeps, most probable first; perpetrators,
    targets and weapons :func:`without_count`."""
    texts = [c if isinstance(c, str) else c.text for c in cands]
    out: dict[str, list[str]] = {}
    for r, role in enumerate(ROLES):
        floor = max(decoding.thresholds[role], decoding.relative[role] * float(probs[:, r].max())) if len(texts) else 1.0
        order = sorted((i for i in range(len(texts)) if probs[i, r] >= floor), key=lambda i: -probs[i, r])
        out[role] = [without_count(texts[i]) if role in _COUNTED else texts[i] for i in order[:decoding.max_fillers[role]]]
    return out


def to_bytes(model: Model) -> bytes:
    """The model as .npz bytes: ids and numbers only. The nets are stacked; the per-feature matrices (``emb``,
    ``wide`` and the sentence-relevance weights: nearly all the numbers) are stored as int8 with a float32 scale
    per column, the rest as float32."""
    buf = io.BytesIO()
    arrays: dict[str, np.ndarray] = {k: np.stack([getattr(n, k) for n in model.nets]) for k in _NET_ARRAYS}
    if model.relevance is not None:
        arrays.update(rel_ids=model.relevance.ids.astype(np.uint32), rel_weights=model.relevance.weights[None],
                      rel_bias=model.relevance.bias)
    for k in _QUANTISED:
        if k in arrays:
            stack = arrays[k].astype(np.float32)
            scale = np.maximum(np.abs(stack).max(axis=1, keepdims=True), 1e-12) / 127.0
            arrays[k], arrays[k + "_scale"] = np.round(stack / scale).astype(np.int8), scale.astype(np.float32)
    np.savez_compressed(buf, ids=model.ids.astype(np.uint32), **arrays,
                        thresholds=np.array([model.decoding.thresholds[r] for r in ROLES]),
                        max_fillers=np.array([model.decoding.max_fillers[r] for r in ROLES]),
                        relative=np.array([model.decoding.relative[r] for r in ROLES]))
    return buf.getvalue()


def from_bytes(data: bytes) -> Model:
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        def array(k: str) -> np.ndarray:
            return z[k].astype(np.float32) * (z[k + "_scale"] if k in _QUANTISED else 1.0)

        arrays = {k: array(k) for k in _NET_ARRAYS}
        nets = [Net(*(arrays[k][i] for k in _NET_ARRAYS)) for i in range(len(arrays["emb"]))]
        relevance = sentence_relevance.Relevance(z["rel_ids"].astype(np.int64), array("rel_weights")[0],
                                                 array("rel_bias")) if "rel_ids" in z.files else None
        decoding = Decoding(dict(zip(ROLES, (float(x) for x in z["thresholds"]))),
                            dict(zip(ROLES, (int(x) for x in z["max_fillers"]))),
                            dict(zip(ROLES, (float(x) for x in z["relative"]))))
        return Model(z["ids"].astype(np.int64), nets, decoding, relevance)


@lru_cache(maxsize=1)
def shipped() -> Model | None:
    """The shipped weights, sha256-checked against the card; None when no model is shipped."""
    got = weights.checked(MODEL_DIR / WEIGHTS, MODEL_DIR / CARD, tool="tools/train_role_filler.py")
    return from_bytes(got[1]) if got else None

"""Event-type classifier over sentence embeddings: the 30 CASE 2021 labels (25 ACLED sub-event types + 5).

Features: the all-MiniLM-L6-v2 vector (:mod:`eventwire.embed`), counts of a project-authored cue
lexicon (:data:`CUES`, written from ACLED's sub-event definitions), TF-IDF word uni- and bigrams and
TF-IDF character 3-5-grams inside words (:func:`char_terms`).
A ridge (weighted least-squares, one-vs-rest, partly class-balanced; solved in the dual when features
outnumber items) classifier over them, its scores
turned into probabilities by a softmax, is blended 60/40 with a nearest-centroid classifier on the
embedding alone. Three rules for clear cases (:data:`RULES`: suicide bombs, chemical weapons,
rocket-propelled grenades) can override the top label among the armed-violence types.
Training (:func:`fit`, used by ``tools/train_classifier.py`` and the
``case2021-task2`` scorer) is one linear solve; everything is plain numpy.

Training data: the dev half of CASE 2021 Task 2 plus project-written snippets
(``eventwire/data/training/event_type_snippets.jsonl``, :func:`training_snippets`), which
:func:`cross_validate` adds to every training fold and never to an evaluation fold.

The shipped weights (``eventwire/data/models/event_type_classifier.npz``) are checked against the
sha256 in their card (``event_type_classifier.json``) before use; the card also says what they
were trained on and their k-fold figures. See docs/classifier.md.

    >>> predict(["A suicide bomber blew himself up at a crowded market."])  # doctest: +SKIP
    [('SUIC_BOMB', 0.9...)]
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ModelIntegrityError
from . import weights

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
WEIGHTS = "event_type_classifier.npz"
DESCRIPTION = ("event-type classifier: partly class-balanced ridge classifier over all-MiniLM-L6-v2 embeddings, cue-lexicon "
               "counts, TF-IDF word uni/bigrams and TF-IDF character 3-5-grams within words (softmax of scores), "
               "blended 60/40 with embedding nearest-centroid; three rules for clear cases (suicide bomb, chemical "
               "weapon, rocket-propelled grenade)")
CARD = "event_type_classifier.json"
TRAINING_DIR = Path(__file__).resolve().parent.parent / "data" / "training"
SNIPPETS = "event_type_snippets.jsonl"

# Cue groups: what ACLED's definitions turn on (weapon, actor kind, protest conduct, territory change).
CUES: dict[str, str] = {
    "protest": r"protest\w*|demonstrat\w*|rall(y|ies|ied)|marche[ds]|marchers|sit-in|picket\w*|agitat\w*",
    "peaceful": r"peaceful\w*|silent|vigil|candle\w*|petition\w*|slogans?|placards?|banners?|chant\w*",
    "disperse": r"tear ?gas\w*|teargas|water cannons?|rubber bullets?|batons?|lathi\w*|dispers\w*|pepper spray"
                r"|stun grenades?|baton.charg\w*",
    "lethal_force": r"live (ammunition|rounds|bullets|fire)|opened fire on|shot dead|crackdown"
                    r"|killed (\w+ )?(protesters|demonstrators)|fired (at|on) (protesters|demonstrators|the crowd)",
    "riot": r"riot\w*|stone.pelt\w*|pelt\w*|thr[eo]w\w* (stones|rocks|bricks|petrol)|hurl\w*|vandali[sz]\w*"
            r"|molotov|ransack\w*|clash\w* with (the )?police",
    # what ACLED counts as a violent demonstration beyond rioting: road blocks, barricades, burning tyres,
    # throwing objects, storming buildings, scuffles and clashes
    "demo_violence": r"barricad\w*|burn\w* (tyres|tires)|block\w* (\w+ ){0,2}(roads?|streets?|highways?|railways?|traffic"
                     r"|bridges?)|thr[eo]w\w*|hurl\w*|bottles|fireworks|firecrackers|petrol bombs?|stones?|rocks"
                     r"|scuffl\w*|rampag\w*|broke into|stormed|turned violent|violent(ly)? (protests?|demonstrations?"
                     r"|clash\w*)|rioters|clash\w* with",
    "mob": r"\bmobs?\b|lynch\w*|vigilante\w*|angry (crowd|residents|villagers)|mob justice",
    "property": r"loot\w*|torch\w*|set (on )?fire|set ablaze|burn(ed|t|ing)? down|arson\w*|vandali[sz]\w*|stole|stolen"
                r"|destroy\w* (\w+ )?(houses|shops|homes|property|properties|vehicles|cars)|demolish\w*",
    "air": r"air ?strikes?|airstrikes?|air raids?|warplanes?|fighter jets?|jets?|aircraft|helicopters?|gunships?"
           r"|sorties|bomber\w*|aerial",
    "drone": r"drones?|uavs?",
    "artillery": r"shell(s|ed|ing)|artillery|mortars?|rockets?|missiles?|howitzers?|katyusha|projectiles?",
    "grenade": r"grenades?",
    "suicide": r"suicide\w*|self.detonat\w*|blew (himself|herself|themselves) up|explosive (vest|belt)s?",
    "remote": r"\bieds?\b|improvised explosive|roadside bombs?|land ?mines?|\bmines?\b|explosive devices?"
              r"|bomb (exploded|went off|blast)|booby|car bombs?|planted|remote\w*|blast|explosion",
    "chem": r"chemical\w*|chlorine|sarin|mustard gas|nerve agent|toxic (gas|substance)|poison\w* gas|gas attack"
            r"|phosphorus",
    "disrupt": r"defus\w*|bomb disposal|weapons? caches?|arms caches?|caches? of|intercept\w*|dismantl\w*"
               r"|(seized|recovered|found|discovered|confiscated) (\w+ ){0,3}(weapons|arms|ammunition|explosives|ieds"
               r"|rockets|mines)|controlled explosion|neutrali[sz]\w* (the |a )?(bomb|device|ied)|foiled|thwarted"
               r"|shot down",
    "clash": r"clash\w*|fighting|gun ?battles?|exchange of fire|exchanged fire|firefights?|skirmish\w*|battles?"
             r"|fought|engaged",
    "attack_civ": r"attack\w*|gunmen|massacr\w*|stabb\w*|shot dead|murder\w*|hacked|behead\w*"
                  r"|killed (\w+ )?(civilians|villagers|farmers|worshippers)",
    "abduct": r"kidnap\w*|abduct\w*|hostages?|disappear\w*|taken captive|ransom|missing",
    "arrest": r"arrest\w*|detain\w*|custody|apprehend\w*|nabbed|remanded|held by police|taken in",
    "sexual": r"rap(e|ed|es|ing|ist)|sexual\w*|molest\w*|gang.rap\w*",
    "capture": r"captur\w*|seiz\w* (control|the|a)|took (over|control)|overr[au]n|fell to|storm\w*",
    "retake": r"recaptur\w*|regain\w*|retook|retak\w*|liberat\w*|took back|taken back|cleared|freed|driven out"
              r"|drove out|expelled|reclaim\w*|restored control",
    "transfer": r"hand\w* over|handover|withdr(ew|awn|aw|awal)|pull\w* out|evacuat\w*|without a fight"
                r"|agreed to leave|surrender\w*|transfer\w*|ceded",
    "hq": r"headquarters|\bbases?\b|establish\w*|set up|outposts?|camps?|checkpoints?|opened (a|an|new)",
    "group": r"defect\w*|merg\w*|join\w*|form\w*|reinforc\w*|deploy\w*|mobili[sz]\w*|recruit\w*|alliance|split"
             r"|disband\w*|renam\w*|redeploy\w*|military drills?|exercises?",
    "agree": r"agree\w*|ceasefire|cease-fire|truce|peace (deal|accord|agreement)|\bdeal\b|signed|accord"
             r"|negotiat\w*|prisoner (exchange|swap)|swap|releas\w*|reconcil\w*",
    "gov": r"\barmy\b|troops|soldiers|military|government forces|security forces|police\w*|armed forces|\bsaa\b"
           r"|pro-government|national guard|officers?|regime",
    "nonstate": r"militants?|rebels?|insurgents?|jihadi\w*|terroris\w*|\bisis\b|\bisil\b|islamic state|daesh"
                r"|taliban|shabaa?b|boko haram|al.qaeda|houthis?|gunmen|fighters|\bsdf\b|\bypg\b|\bpkk\b"
                r"|hezbollah|militias?|extremists?|separatists?",
    "crime": r"gangs?|gangsters?|cartels?|drugs?|narcotic\w*|traffick\w*|smuggl\w*|robber\w*|robbed|extort\w*"
             r"|theft|thie(f|ves)|criminal\w*|narco\w*|mafia|heist|fraud|launder\w*|bandits?",
    "natural": r"earthquakes?|flood\w*|cyclones?|hurricanes?|typhoons?|tsunami|landslides?|drought|storms?"
               r"|wildfires?|volcan\w*|tornado\w*|magnitude|heavy rains?|rainfall|quake",
    "manmade": r"fire broke out|factory|factories|(chemical|power|industrial) plant|collaps\w*|derail\w*|crash\w*"
               r"|leak\w*|spill\w*|blaze|gas explosion|accident\w*|capsiz\w*|stampede|fire (at|in) (a|the)",
    "diplo": r"minist(er|ry)|diplomat\w*|embass\w*|ambassadors?|summit|visit\w*|bilateral|sanctions?|condemn\w*"
             r"|relations|envoy|talks|foreign policy|met with",
    "attrib": r"claim\w* (responsibility|credit)|responsibility|took credit|takes credit|blam\w*|accus\w*|denied"
              r"|den(y|ies)|reject\w* (the )?(allegations?|accusations?|claims?)|allegations?|claimed",
    "casualty": r"killed|dead|died|deaths?|wounded|injur\w*|casualties",
}
# Rules for clear cases, from ACLED's sub-event definitions: (label, pattern, the predicted labels it may replace).
# A rule only overrides a prediction among the kinds of violence the weapon named by the pattern decides between,
# so a report about an attack (ATTRIB, DIPLO, disasters, ...) or a foiled one (DISR_WEAP) keeps the model's label.
_ARMED = frozenset({"ARMED_CLASH", "ART_MISS_ATTACK", "AIR_STRIKE", "ATTACK", "REM_EXPLOS", "GRENADE", "SUIC_BOMB",
                    "CHEM_WEAP"})
RULES: list[tuple[str, str, frozenset[str]]] = [
    # suicide bomb: the attacker detonates the explosive on their person or vehicle
    ("SUIC_BOMB", (r"\bsuicide (bomb\w*|attack\w*|car|truck|vehicle|vest|belt)|\bsvbieds?\b"
                   r"|blew (himself|herself|themselves) up|self-detonat\w*"), _ARMED),
    # chemical weapon: the use of chemical weapons in warfare
    ("CHEM_WEAP", r"chemical (weapon|attack|agent|munition)s?|\bsarin\b|chlorine gas|mustard gas|nerve agents?",
     _ARMED),
    # grenade: a grenade that is thrown; a rocket-propelled grenade is launched, a projectile like a missile
    ("ART_MISS_ATTACK", r"rocket.propelled grenades?|\brpgs?\b", frozenset({"GRENADE"})),
]
_RULE_RE = [(label, re.compile(pattern, re.I), allowed) for label, pattern, allowed in RULES]


def apply_rules(text: str, label: str) -> str:
    """``label`` replaced by the first rule whose pattern ``text`` matches and which may replace it."""
    for rule_label, pattern, allowed in _RULE_RE:
        if label in allowed and pattern.search(text):
            return rule_label
    return label


_CUE_RE = [re.compile(r"\b(?:" + pattern + ")", re.I) for pattern in CUES.values()]
_WORD = re.compile(r"[a-z][a-z'\-]+")
CHAR_NGRAMS = (3, 4, 5)

DEFAULT_PARAMS: dict[str, float] = {
    "emb_scale": 1.0,
    "cue_scale": 0.2,
    "lex_scale": 0.5,
    "char_scale": 0.7,  # TF-IDF character 3-5-grams within words (each word padded with spaces)
    "min_df": 2,
    "l2": 0.6,
    "class_balance": 0.5,  # sample weight (mean count / count of the item's label) ** class_balance
    "extra_weight": 0.5,  # weight of a project-written snippet relative to a dataset item
    "score_temperature": 5.0,  # softmax over the ridge scores
    "centroid_weight": 0.4,
    "centroid_temperature": 20.0,
}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def terms(text: str) -> list[str]:
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def char_terms(text: str) -> list[str]:
    """Character 3- to 5-grams inside each word, the word padded with a space on both sides
    (" riot " gives " ri", "rio", "iot", "ot ", " rio", …): spelling variants and inflections share them."""
    out = []
    for word in _WORD.findall(text.lower()):
        padded = f" {word} "
        for n in CHAR_NGRAMS:
            out += [padded[i:i + n] for i in range(max(1, len(padded) - n + 1))]
    return out


def _tfidf(docs: Sequence[list[str]], index: dict[str, int], idf: np.ndarray) -> np.ndarray:
    """Rows of log(1 + count) × idf over ``index``, L2-normalised."""
    out = np.zeros((len(docs), len(index)), dtype=np.float32)
    for i, doc in enumerate(docs):
        for term, n in Counter(doc).items():
            j = index.get(term)
            if j is not None:
                out[i, j] = np.log1p(n) * idf[j]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


def _vocabulary(docs: Sequence[list[str]], min_df: float) -> tuple[list[str], np.ndarray]:
    """Terms in at least ``min_df`` documents (sorted) and their smoothed idf."""
    df = Counter(t for doc in docs for t in set(doc))
    vocab = sorted(t for t, c in df.items() if c >= min_df)
    idf = np.array([np.log((1 + len(docs)) / (1 + df[t])) + 1 for t in vocab], dtype=np.float32)
    return vocab, idf


def cue_counts(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), len(_CUE_RE)), dtype=np.float32)
    for i, text in enumerate(texts):
        for j, pattern in enumerate(_CUE_RE):
            out[i, j] = np.log1p(sum(1 for _ in pattern.finditer(text)))
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class EventTypeModel:
    labels: list[str]
    vocab: list[str]
    idf: np.ndarray
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray
    centroids: np.ndarray  # (n_labels, 384), unit length
    params: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_PARAMS))
    char_vocab: list[str] = field(default_factory=list)
    char_idf: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))

    def __post_init__(self) -> None:
        self._index = {t: i for i, t in enumerate(self.vocab)}
        self._char_index = {t: i for i, t in enumerate(self.char_vocab)}

    def tfidf(self, texts: Sequence[str]) -> np.ndarray:
        """Word uni- and bigram TF-IDF rows."""
        return _tfidf([terms(t) for t in texts], self._index, self.idf)

    def char_tfidf(self, texts: Sequence[str]) -> np.ndarray:
        """Character 3-5-gram TF-IDF rows."""
        return _tfidf([char_terms(t) for t in texts], self._char_index, self.char_idf)

    def features(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        p = self.params
        return np.hstack([vectors * p["emb_scale"], cue_counts(texts) * p["cue_scale"],
                          self.tfidf(texts) * p["lex_scale"],
                          self.char_tfidf(texts) * p.get("char_scale", 0.0)]).astype(np.float32)

    def proba(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """(n, n_labels) probabilities; ``vectors`` are the texts' embeddings (computed when None)."""
        if vectors is None:
            from ..embed import embed

            vectors = embed(list(texts))
        if not len(texts):
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        scores = self.features(texts, vectors) @ self.weights + self.bias
        lr = _softmax(self.params["score_temperature"] * scores)
        nc = _softmax(self.params["centroid_temperature"] * (vectors @ self.centroids.T))
        w = self.params["centroid_weight"]
        return ((1 - w) * lr + w * nc).astype(np.float32)

    def predict(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(label, probability): the most probable label, unless a :data:`RULES` entry overrides it; the
        probability is the blend's top one either way (a ranking signal)."""
        probs = self.proba(texts, vectors)
        best = probs.argmax(axis=1)
        return [(apply_rules(text, self.labels[k]), float(probs[i, k])) for i, (text, k) in enumerate(zip(texts, best))]

    # --- persistence -------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """A byte-reproducible .npz (fixed zip timestamps), so retraining gives the same sha256."""
        arrays = {"labels": np.array(self.labels), "vocab": np.array(self.vocab, dtype=str),
                  "idf": self.idf.astype(np.float32), "weights": self.weights.astype(np.float32),
                  "bias": self.bias.astype(np.float32), "centroids": self.centroids.astype(np.float32),
                  "char_vocab": np.array(self.char_vocab, dtype=str), "char_idf": self.char_idf.astype(np.float32)}
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, arr in arrays.items():
                member = io.BytesIO()
                np.lib.format.write_array(member, np.ascontiguousarray(arr), allow_pickle=False)
                info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, member.getvalue())
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, params: dict[str, float]) -> EventTypeModel:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            char_vocab = [str(x) for x in z["char_vocab"]] if "char_vocab" in z.files else []
            char_idf = z["char_idf"] if "char_idf" in z.files else np.zeros(0, dtype=np.float32)
            return cls(labels=[str(x) for x in z["labels"]], vocab=[str(x) for x in z["vocab"]], idf=z["idf"],
                       weights=z["weights"], bias=z["bias"], centroids=z["centroids"], params=dict(params),
                       char_vocab=char_vocab, char_idf=char_idf)


def load(folder: Path = MODEL_DIR) -> EventTypeModel:
    """The model in ``folder``, after checking the weights' sha256 against its card."""
    weights_file = folder / WEIGHTS
    got = weights.checked(weights_file, folder / CARD, tool="tools/train_classifier.py")
    if got is None:
        raise ModelIntegrityError(f"event-type classifier {weights_file} or its card is missing; "
                                  "reinstall eventwire or run tools/train_classifier.py")
    card, data = got
    model = EventTypeModel.from_bytes(data, card["params"])
    if model.labels != card["labels"]:
        raise ModelIntegrityError(f"event-type classifier labels in {weights_file} differ from its card")
    return model


@lru_cache(maxsize=1)
def shipped() -> EventTypeModel:
    return load(MODEL_DIR)


def predict(texts: list[str]) -> list[tuple[str, float]]:
    """(label, probability) for each text, labels from the CASE 2021 set (25 ACLED sub-event types + 5)."""
    return shipped().predict(list(texts))


# --- training ----------------------------------------------------------------------------------

def single_blas_thread():  # noqa: ANN201 - kept for callers; see eventwire.blas
    from ..blas import single_thread

    return single_thread()


def _fit_ridge(x: np.ndarray, y: np.ndarray, n_labels: int, l2: float,
               sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest weighted least squares on +-1 targets, L2 on the weights, free bias: one linear solve.

    The free bias is handled exactly by centring features and targets on their weighted means. With
    more features than items (the character n-grams make about 20k) the solve is in the dual:
    ``W = Xc' (D Xc Xc' + l2 I)^-1 D Tc``, an items × items system, the same solution as the primal."""
    x = x.astype(np.float64)
    targets = np.eye(n_labels)[y] * 2.0 - 1.0
    w = np.ones(len(x)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    x_mean = w @ x / w.sum()
    t_mean = w @ targets / w.sum()
    xc, tc = x - x_mean, targets - t_mean
    if xc.shape[1] <= xc.shape[0]:
        weights = np.linalg.solve((xc * w[:, None]).T @ xc + l2 * np.eye(xc.shape[1]), (xc * w[:, None]).T @ tc)
    else:
        alpha = np.linalg.solve(w[:, None] * (xc @ xc.T) + l2 * np.eye(len(xc)), w[:, None] * tc)
        weights = xc.T @ alpha
    return weights, t_mean - x_mean @ weights


def sample_weights(y: np.ndarray, n_labels: int, balance: float, extra: np.ndarray | None = None,
                   extra_weight: float = 1.0) -> np.ndarray:
    """Per-item weights: (mean label count / count of the item's label) ** balance, counted over all
    items; items flagged in ``extra`` (project-written snippets) are further scaled by ``extra_weight``."""
    counts = np.bincount(y, minlength=n_labels).astype(np.float64)
    w = (counts[y].mean() / counts[y]) ** balance
    if extra is not None:
        w = np.where(extra, w * extra_weight, w)
    return w


def fit(texts: Sequence[str], labels: Sequence[str], vectors: np.ndarray, *, label_set: Sequence[str],
        params: dict[str, float] | None = None, extra: Sequence[bool] | None = None) -> EventTypeModel:
    """Train on ``texts`` with gold ``labels`` and their embeddings ``vectors``; ``extra`` flags the
    items that are project-written snippets (weighted by ``params["extra_weight"]``)."""
    p = {**DEFAULT_PARAMS, **(params or {})}
    label_list = list(label_set)
    y = np.array([label_list.index(lab) for lab in labels])
    flags = None if extra is None else np.asarray(extra, dtype=bool)
    weights_i = sample_weights(y, len(label_list), p["class_balance"], flags, p["extra_weight"])
    vocab, idf = _vocabulary([terms(t) for t in texts], p["min_df"])
    char_vocab, char_idf = ([], np.zeros(0, dtype=np.float32))
    if p.get("char_scale", 0.0):
        char_vocab, char_idf = _vocabulary([char_terms(t) for t in texts], p["min_df"])
    centroids = np.zeros((len(label_list), vectors.shape[1]), dtype=np.float32)
    for k in range(len(label_list)):
        if np.any(y == k):
            c = vectors[y == k].mean(axis=0)
            centroids[k] = c / max(float(np.linalg.norm(c)), 1e-12)
    model = EventTypeModel(label_list, vocab, idf, np.zeros((0, 0)), np.zeros(0), centroids, p,
                           char_vocab=char_vocab, char_idf=char_idf)
    with single_blas_thread():
        weights, bias = _fit_ridge(model.features(texts, vectors), y, len(label_list), p["l2"], weights_i)
    model.weights, model.bias = weights.astype(np.float32), bias.astype(np.float32)
    return model


def stratified_folds(labels: Sequence[str], k: int, seed: int = 0) -> np.ndarray:
    """Fold number (0..k-1) of each item; each label's items are spread round-robin after a shuffle."""
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(labels), dtype=int)
    for lab in sorted(set(labels)):
        idx = np.array([i for i, x in enumerate(labels) if x == lab])
        rng.shuffle(idx)
        start = int(rng.integers(k))
        for j, i in enumerate(idx):
            folds[i] = (start + j) % k
    return folds


def cross_validate(texts: Sequence[str], labels: Sequence[str], vectors: np.ndarray, *,
                   label_set: Sequence[str], k: int = 10, seed: int = 0,
                   params: dict[str, float] | None = None,
                   extra: TrainingSet | None = None) -> list[tuple[str, float]]:
    """Out-of-fold predictions: each item predicted by a model trained on the other k-1 folds.

    ``extra`` (project-written snippets) joins every training fold and is never predicted or scored."""
    folds = stratified_folds(labels, k, seed)
    out: list[tuple[str, float]] = [("", 0.0)] * len(texts)
    ex = extra if extra is not None else TrainingSet([], [], np.zeros((0, vectors.shape[1]), dtype=np.float32))
    for f in range(k):
        train = np.flatnonzero(folds != f)
        test = np.flatnonzero(folds == f)
        model = fit([texts[i] for i in train] + list(ex.texts), [labels[i] for i in train] + list(ex.labels),
                    np.vstack([vectors[train], ex.vectors]).astype(np.float32), label_set=label_set,
                    params=params, extra=[False] * len(train) + [True] * len(ex.texts))
        for i, pred in zip(test, model.predict([texts[i] for i in test], vectors[test])):
            out[i] = pred
    return out


# --- project-written training snippets ----------------------------------------------------------

@dataclass
class TrainingSet:
    texts: list[str]
    labels: list[str]
    vectors: np.ndarray  # (n, 384) embeddings of ``texts``


def training_snippets(path: Path | None = None) -> tuple[list[str], list[str]]:
    """Texts and labels of the project-written snippets (JSONL: ``{"text": ..., "label": ...}``)."""
    path = path or TRAINING_DIR / SNIPPETS
    texts, labels = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, dict) or not row.get("text") or not row.get("label"):
            raise ModelIntegrityError(f"{path}:{n}: expected an object with 'text' and 'label'")
        texts.append(str(row["text"]))
        labels.append(str(row["label"]))
    return texts, labels

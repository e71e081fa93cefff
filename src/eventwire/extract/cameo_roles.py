"""Who is the source and who the target of a CAMEO trigger: dependency-parse roles, with word order as
the fallback (the rules backend, or a parse that finds no one).

Parse: subject (or passive agent, or "by X" under a noun trigger) -> source; object, dative, passive subject,
prepositional object ("against X", "to X", "with X", "among X") -> target; "X and Y" gives both; an apposition
stands for its head; a pronoun subject is the subject (or passive subject: "X was quoted as saying he") of the
governing verb ("Hungary said it will support"). Under a light verb with an acting subject, "of X" is the
target ("Israel mounted an invasion of Lebanon"); "by X" under an object is that object's author ("rejected
calls by Annan"); "the US-led war" -> USA; a country-less object yields to where it is sent ("contributed
troops to a force in Liberia" -> LBR).
Word order: the actors just before the trigger (with "X and Y"), the first actors after it; swapped in
the passive ("was attacked by X").
"""
from __future__ import annotations

import re
from typing import Any

from .cameo_actors import Phrase, Sent

_TARGET_PREPS = {"to", "against", "with", "on", "at", "for", "into", "upon", "toward", "towards", "from", "over",
                 "among", "between"}
_GROUP_WORDS = {"group", "member", "members", "some", "one", "number", "hundreds", "thousands", "dozens", "team",
                "part", "most", "all", "many", "several", "patch", "contingent", "wing", "deployment", "band"}
_PRON = {"it", "they", "he", "she", "we", "itself", "themselves", "them", "him", "her"}
_LIGHT = {"launch", "hold", "stage", "make", "carry", "conduct", "mount", "begin", "start", "continue", "organize",
          "organise", "resort", "pay", "call", "declare", "go", "end", "announce", "undertake"}

_UNARMED = {"CVL", "REF", "JRN", "MED", "AGR", "LAB", "EDU", "BUS"}


def is_noun(s: Sent, i: int) -> bool:
    t = s.toks[i]
    if s.parsed:
        return t.pos in ("NOUN", "PROPN")
    prev = s.toks[i - 1].text.lower() if i > 0 else ""
    return prev in {"a", "an", "the", "their", "its", "his", "her", "in", "of", "general", "hunger", "air", "this",
                    "new", "first", "'s", "suicide", "car", "military", "israeli", "such", "further", "heavy"} \
        or t.text[:1].isupper() and i == 0


def is_verb(s: Sent, i: int) -> bool:
    t = s.toks[i]
    if s.parsed:
        return t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and t.text.lower().endswith("ed"))
    return not is_noun(s, i)


def clause_verb(s: Sent, i: int) -> int:
    """The verb a trigger belongs to: itself, or the light verb a noun trigger hangs from ("launched strikes")."""
    if not s.parsed or is_verb(s, i):
        return i
    j = i
    for _ in range(3):
        t = s.toks[j]
        if t.head < 0:
            return i
        if t.dep in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "compound", "attr", "conj", "appos"):
            j = t.head
            if s.toks[j].pos in ("VERB", "AUX"):
                return j if s.toks[j].lemma in _LIGHT or t.dep in ("dobj", "attr") else i
        else:
            return i
    return i


def actors_at(s: Sent, phrases: list[Phrase], i: int, depth: int = 0) -> list[Phrase]:
    """Actors named by the noun phrase headed at token ``i``, through coordination and apposition."""
    if depth > 4 or i < 0:
        return []
    out = [p for p in phrases if i in p.toks]
    if not out:
        for c in s.children(i, "compound", "amod", "poss", "nmod"):
            out += [p for p in phrases if c in p.toks and p.kind in ("country", "demonym", "named", "agent")]
    if not out:  # "the US-led war": the leader of what the noun names
        for c in s.children(i, "amod"):
            if s.toks[c].lemma == "lead":
                out += [p for g in s.children(c) for p in phrases if g in p.toks]
    if not out and (s.toks[i].lemma in _GROUP_WORDS or s.toks[i].text.lower() in _GROUP_WORDS):
        for prep in s.children(i, "prep"):
            if s.toks[prep].lemma == "of":
                for pobj in s.children(prep, "pobj"):
                    out += actors_at(s, phrases, pobj, depth + 1)
    if all(p.kind == "place" for p in out):  # "Gaza City, Palestinian Territories": the appositive country
        for c in s.children(i, "appos"):
            out += actors_at(s, phrases, c, depth + 1)
    for k in [k for p in out for k in p.toks]:  # "French and Egyptian warships": the first conjunct modifies
        h = s.toks[k].head
        if s.toks[k].dep == "conj" and h >= 0 and s.toks[h].dep in ("amod", "compound"):
            out += [p for p in phrases if h in p.toks and p not in out]
    conj_from = {i} | {k for p in out for k in p.toks}
    for k in sorted(conj_from):
        for c in s.children(k, "conj"):
            if not any(c in p.toks for p in out):
                out += actors_at(s, phrases, c, depth + 1)
    return list(dict.fromkeys(id(p) for p in out)) and [p for n, p in enumerate(out) if p not in out[:n]]


def subject(s: Sent, phrases: list[Phrase], v: int) -> list[Phrase]:
    j = v
    pron = False
    for _ in range(6):
        if s.children(j, "nsubjpass") and not s.children(j, "agent"):
            if pron:  # "King Hassan was quoted as saying he would host": the pronoun is the passive subject
                found = [p for c in s.children(j, "nsubjpass") for p in actors_at(s, phrases, c)]
                if found:
                    return found
            if s.toks[j].dep == "ccomp":
                return []
        for c in s.children(j, "nsubj", "csubj"):
            if s.toks[c].text.lower() in _PRON or s.toks[c].lemma in ("who", "which", "that"):
                pron = True
                break
            found = actors_at(s, phrases, c)
            if found:
                return found
            return []  # a subject that is no actor ("a mortar bomb"): no source
        for c in s.children(j, "agent"):
            for pobj in s.children(c, "pobj"):
                found = actors_at(s, phrases, pobj)
                if found:
                    return found
        t = s.toks[j]
        if t.dep == "relcl" and t.head >= 0:
            return actors_at(s, phrases, t.head)
        if t.dep == "ccomp" and not pron:
            break
        if (t.dep in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp")
                or (t.dep == "acl" and t.text.lower().endswith("ing"))) and t.head >= 0:
            pron = False
            j = t.head
            if s.toks[j].pos not in ("VERB", "AUX", "ADJ"):
                k = s.toks[j].head
                if k < 0:
                    break
                j = k
            continue
        break
    return []


def parse_roles(s: Sent, phrases: list[Phrase], trig: Any) -> tuple[list[Phrase], list[Phrase]]:
    v = clause_verb(s, trig.i)
    passive = bool(s.children(v, "nsubjpass", "auxpass"))
    src: list[Phrase] = []
    tgt: list[Phrase] = []
    if passive and not s.children(v, "nsubjpass", "nsubj") and s.toks[v].dep == "conj" and s.toks[v].head >= 0:
        # "The civilians imprisoned ... were released by Putin": a passive conjunct shares its head's subject
        for c in s.children(s.toks[v].head, "nsubjpass", "nsubj"):
            tgt += actors_at(s, phrases, c)
    for c in s.children(v):
        dep = s.toks[c].dep
        if dep == "nsubjpass":
            tgt += actors_at(s, phrases, c)
        elif dep in ("dobj", "dative", "iobj") and c != trig.i:
            tgt += actors_at(s, phrases, c)
            if s.toks[c].pos == "ADP":  # "providing intelligence to Macedonia": a dative "to" phrase
                tgt += [p for pobj in s.children(c, "pobj") for p in actors_at(s, phrases, pobj)]
        elif dep == "prep" and s.toks[c].lemma in _TARGET_PREPS:
            for pobj in s.children(c, "pobj"):
                tgt += actors_at(s, phrases, pobj)
    nouns = [trig.i] + [c for c in s.children(v, "dobj", "attr", "nsubjpass") if c != trig.i]
    # "Israel mounted its invasion of South Lebanon": with an acting subject, "of X" is the one acted on
    of_role = tgt if trig.pat.noun and v != trig.i and subject(s, phrases, v) else src
    for n in nouns:
        for c in s.children(n, "prep"):
            lemma = s.toks[c].lemma
            for pobj in s.children(c, "pobj"):
                if lemma == "by" and n == trig.i:
                    src += actors_at(s, phrases, pobj)
                elif lemma == "by":  # "rejected calls by Kofi Annan": the author of the thing rejected
                    tgt += actors_at(s, phrases, pobj)
                elif lemma == "of" and n == trig.i and trig.pat.noun:
                    of_role += actors_at(s, phrases, pobj)
                elif lemma in _TARGET_PREPS:
                    tgt += actors_at(s, phrases, pobj)
        if n == trig.i and trig.pat.noun:
            for c in s.children(n, "poss", "compound", "amod"):
                src += [p for p in phrases if c in p.toks]
    if passive and not src and not s.children(v, "agent"):
        for k in s.subtree(v):
            if s.toks[k].lemma == "by" and s.toks[k].dep == "prep":
                for pobj in s.children(k, "pobj"):
                    src += actors_at(s, phrases, pobj)
        for prep in s.children(v, "prep"):  # "killed in Israeli tank shelling", "in a US air strike"
            if src or s.toks[prep].lemma != "in":
                continue
            for pobj in s.children(prep, "pobj"):
                src += [p for p in phrases if pobj in p.toks and p.kind in ("demonym", "named", "agent")
                        and p.sector not in _UNARMED]
                for c in s.children(pobj, "compound", "amod", "nmod"):
                    src += [p for p in phrases if c in p.toks and p.head == c]
    if not src:
        src = subject(s, phrases, v)
    if not src and trig.i != v and s.toks[trig.i].dep in ("nsubj",):
        src = []
    if not tgt:
        tgt = _search_target(s, phrases, v, src)
    if tgt and all(p.country == "---" for p in tgt):
        tgt = _destination(s, phrases, v, tgt, src) or tgt
    return src, tgt


_DEST_PREPS = {"to", "into", "in", "toward", "towards"}


def _destination(s: Sent, phrases: list[Phrase], v: int, tgt: list[Phrase], src: list[Phrase]) -> list[Phrase]:
    """Where a country-less object goes: "contribute troops to a peace-keeping force in Liberia", "strengthened
    its forces in Lebanon" -> the country named there, not the troops."""
    heads = [v] + [p.head for p in tgt if p.head >= 0]
    for h in heads:
        for prep in s.children(h, "prep"):
            if s.toks[prep].lemma not in _DEST_PREPS:
                continue
            for k in s.subtree(prep):
                found = [p for p in phrases if k == p.head and p not in src and p.country not in ("---", "")
                         and p.kind in ("country", "place", "capital")]
                if found:
                    return found
    return []


def _search_target(s: Sent, phrases: list[Phrase], v: int, src: list[Phrase]) -> list[Phrase]:
    """An object further down the verb's complements ("threatened to cut off electricity to X")."""
    frontier = [c for c in s.children(v) if s.toks[c].dep in ("xcomp", "ccomp", "dobj", "prep", "acomp", "attr",
                                                                 "oprd", "dative")]
    seen: set[int] = set()
    for _depth in range(6):
        nxt = []
        for c in frontier:
            if c in seen:
                continue
            seen.add(c)
            dep = s.toks[c].dep
            if dep in ("dobj", "pobj", "dative", "nsubj", "nsubjpass", "attr"):
                found = [p for p in actors_at(s, phrases, c) if p not in src]
                if found:
                    return found
            nxt += [k for k in s.children(c) if s.toks[k].dep not in ("relcl", "acl", "appos", "punct", "cc", "advcl")]
        frontier = nxt
    return []


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def rule_roles(s: Sent, phrases: list[Phrase], trig: Any) -> tuple[list[Phrase], list[Phrase]]:
    t0, t1 = s.toks[trig.i].start, s.toks[trig.j].end
    before = [p for p in phrases if p.end <= t0]
    after = [p for p in phrases if p.start >= t1]
    passive = bool(_PASSIVE.search(s.text[:s.toks[trig.i].start])) and s.toks[trig.i].text.lower().endswith(("ed", "en"))

    def chain(ps: list[Phrase], forward: bool) -> list[Phrase]:
        if not ps:
            return []
        seq = ps if forward else list(reversed(ps))
        out = [seq[0]]
        for p in seq[1:]:
            a, b = (out[-1], p) if forward else (p, out[-1])
            if re.fullmatch(r"\s*(?:,|and|, and|or)\s*(?:the\s+)?", s.text[a.end:b.start]):
                out.append(p)
            else:
                break
        return out

    if passive:
        by = [p for p in after if re.search(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", s.text[t1:p.start])]
        return chain(by, True), chain(before, False)
    src = chain(before, False)
    tgt = [p for p in chain(after, True) if len(s.text[t1:p.start].split()) <= 10]
    return src, tgt

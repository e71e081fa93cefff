"""Who attacked when the sentence does not say, and attacks that a party reports (CAMEO 112 and 015)."""
from __future__ import annotations

import re

from . import cameo_lexicon as lex
from .cameo_actors import Phrase, Sent
from .cameo_mood import CLAIM
from .cameo_roles import actors_at, subject


def unknown_attacker(s: Sent, phrases: list[Phrase], t: lex.Trigger, v: int) -> list[Phrase]:
    """An attack with no named attacker but a weapon or an origin ("a roadside bombing killed one U.S. soldier",
    "a mortar bomb was fired at it from the Gaza Strip"): an unidentified armed group (CAMEO UAF) of the country
    the fire came from, else of the first place the sentence names, else of no known country."""
    origin = _origin(s, phrases, t, v)
    if not origin and not _weapon_cause(s, t, v):
        return []
    where = origin or [p for p in phrases if p.kind in ("place", "capital")]
    iso = where[0].country if where else "---"
    return [Phrase(s.toks[t.i].start, s.toks[t.j].end, iso + "UAF", iso, "UAF", "agent", s.toks[t.i].text)]


def _origin(s: Sent, phrases: list[Phrase], t: lex.Trigger, v: int) -> list[Phrase]:
    """The place an attack came from: "fired ... from the Gaza Strip"."""
    if s.parsed:
        return [p for prep in s.children(v, "prep") if s.toks[prep].lemma == "from"
                for k in s.children(prep, "pobj") for p in actors_at(s, phrases, k) if p.kind in ("place", "country")]
    after = s.text[s.toks[t.j].end:]
    m = re.search(r"\bfrom\s+(?:the\s+)?", after[:60])
    base = s.toks[t.j].end + m.end() if m else -1
    return [p for p in phrases if p.start == base and p.kind in ("place", "country")]


def _weapon_cause(s: Sent, t: lex.Trigger, v: int) -> bool:
    """The attack is a weapon's or an explosion's: the trigger is an attack noun ("bombing"), or the weapon is
    the doer or the means of the verb ("a roadside bombing killed", "killed by an improvised explosive device",
    "killed in a car bomb explosion")."""
    if t.pat.noun:
        return True
    if not s.parsed:
        near = s.toks[max(0, t.i - 6):t.j + 8]
        return any(set(lex.lemma_candidates(k.text)) & lex.WEAPONS for k in near)
    heads = s.children(v, "nsubj", "nsubjpass")
    heads += [k for c in s.children(v, "agent", "prep") if s.toks[c].lemma in ("by", "in")
              for k in s.children(c, "pobj")]
    return any(s.toks[k].lemma in lex.WEAPONS for h in heads for k in [h] + s.children(h, "compound"))


def reported_attack(s: Sent, phrases: list[Phrase], v: int, code: str, src: list[Phrase],
                     tgt: list[Phrase]) -> tuple[str, list[Phrase], list[Phrase]]:
    """A state or named organisation saying that someone attacked is, in CAMEO, an accusation (112) against
    the attacker; saying that it attacked itself is a claim of responsibility (015). Reports by media,
    police, medics, non-governmental monitors ("..., Human Rights Watch said") or unnamed officials leave the
    attack as it is: the reporter is the claim's source, not a party to the conflict."""
    j = v
    while s.toks[j].dep in ("conj", "xcomp", "advcl") and s.toks[j].head >= 0:
        j = s.toks[j].head
    if s.toks[j].dep != "ccomp" or s.toks[j].head < 0 or s.toks[s.toks[j].head].lemma not in CLAIM:
        return code, src, tgt
    rep = [p for p in subject(s, phrases, s.toks[j].head)
           if p.kind in ("country", "capital", "leader", "named") and p.sector not in ("COP", "MIL", "JRN", "MED")
           and p.country != "NGO"]
    if not rep or not src:
        return code, src, tgt
    if {p.code for p in src} <= {p.code for p in rep}:
        return "015", rep, tgt
    return "112", rep, src

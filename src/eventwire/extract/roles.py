"""Who did it, to whom, and where: filling a report's slots from one sentence.

With a dependency parse (spaCy backend) the subject, passive agent and object of the trigger's
verb decide actor1 and actor2; without one (rules backend) word order and prepositions do.
A place is never taken for an actor, except a country as the subject of an act of war ("France
launched strikes"), which ACLED codes as that country's state forces.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Article, Mention, Place, Span, Token

_POSSESSIVE = re.compile(r"(?:'s|’s|s)\b")
_BLAME = frozenset({"blame", "accuse", "hold", "bear"})  # "the attack bore the hallmarks of X"
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_TARGET_PREP = re.compile(r"\b(?:on|against|targeting|at|hitting|struck|attacked|killing)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|close to|on the edge of|around|west of|east of|north of|south of|"
                   r"northwest of|northeast of|southwest of|southeast of|\d+\s?(?:km|kilometres|kilometers|miles) (?:from|of))\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
_ORIGIN = re.compile(r"\b(?:out of|from|leaving|left|fleeing|fled|flee|abandon(?:ed|ing)?|withdr(?:ew|awing|awn) from|evacuated from|"
                     r"pulled out of|retreated from|leave)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:\w+,\s+)?$", re.I)
_DEST = re.compile(r"\b(?:to|towards|toward|into|relocated to|moved to|in the direction of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_LOCATIVE = re.compile(r"\b(?:in|on|at|across|inside|over|of|near|outside|around)\s+(?:the\s+)?(?:(?:town|city|village|province|"
                       r"district|region|area|governorate|neighbourhood|neighborhood|suburb|camp|capital|stronghold|outskirts)\s+(?:of\s+)?)?$", re.I)


@dataclass
class PlaceSlot:
    place: Place | None = None
    near: bool = False
    origin: Place | None = None
    destination: Place | None = None
    explicit: bool = False  # named in the sentence itself
    countries_only: bool = False  # the sentence names places, all of them countries
    countries: list[Place] = field(default_factory=list)


@dataclass
class ActorSlots:
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)


def _tokens_in(article: Article, span: Span) -> list[int]:
    return [i for i, t in enumerate(article.tokens) if span.start <= t.start and t.end <= span.end]


def _mention_at(mentions: list[Mention], tok: Token) -> Mention | None:
    for m in mentions:
        if m.start <= tok.start < m.end:
            return m
    return None


def trigger_verb(article: Article, sent: Span, trig: Span) -> tuple[list[int], int] | None:
    """(the sentence's token indices, the index of the trigger's verb); None without a parse. A nominal
    trigger ("strikes") climbs to its verb ("launched")."""
    toks = _tokens_in(article, sent)
    if not toks or all(article.tokens[i].dep == "" for i in toks):
        return None
    trig_toks = [i for i in toks if trig.start <= article.tokens[i].start < trig.end]
    if not trig_toks:
        return None
    verb = trig_toks[-1]
    for _ in range(3):
        if article.tokens[verb].pos in ("VERB", "AUX") or article.tokens[verb].head < 0:
            break
        verb = article.tokens[verb].head
    return toks, verb


def _parse_slots(article: Article, sent: Span, trig: Span, agents: list[Mention]) -> ActorSlots | None:
    """Subject/agent/object of the trigger's verb from the dependency parse; None without a parse."""
    found_verb = trigger_verb(article, sent, trig)
    if found_verb is None:
        return None
    toks, verb = found_verb
    slots = ActorSlots()
    children = [i for i in toks if article.tokens[i].head == verb]
    # "blamed al Shabaab for the attack", "held the army responsible for the massacre", "the attack bore the
    # hallmarks of al Shabaab": the one blamed is the alleged perpetrator, the one blaming a claimant (the
    # trigger itself is no blaming verb)
    blame = article.tokens[verb].lemma.lower() in _BLAME and not trig.start <= article.tokens[verb].start < trig.end
    for i in children:
        dep = article.tokens[i].dep
        subtree = _subtree(article, i, toks)
        found = [m for m in agents if any(m.start <= article.tokens[j].start < m.end for j in subtree)]
        if not found:
            continue
        if blame:
            if dep in ("dobj", "obj") and slots.actor1 is None:
                slots.actor1, slots.assoc1 = found[0], found[1:]
            continue
        if dep == "nsubj" and slots.actor1 is None:
            slots.actor1, slots.assoc1 = found[0], found[1:]
        elif dep == "nsubjpass" and slots.actor2 is None:
            slots.actor2, slots.assoc2 = found[0], found[1:]
        elif dep == "agent":
            slots.actor1, slots.assoc1 = found[0], found[1:]
        elif dep in ("dobj", "pobj", "prep", "obj") and slots.actor2 is None:
            slots.actor2, slots.assoc2 = found[0], found[1:]
    return slots if (slots.actor1 or slots.actor2) else None


def token_at(article: Article, pos: int) -> int:
    """The index of the token starting at or covering character ``pos``; -1 without tokens."""
    i = bisect.bisect_right(article.tokens, pos, key=lambda t: t.start) - 1
    return i if i >= 0 and pos < article.tokens[i].end else -1


def in_other_clause(article: Article, pos: int, trig_pos: int) -> bool:
    """Is the word at ``pos`` inside a relative or past-participle clause that modifies a noun the trigger's verb
    governs ("the blast hit buses carrying people evacuated from two villages on Friday", "hit buses which had
    left on Friday")? Such a clause tells of something else than the event. False without a parse."""
    i, t = token_at(article, pos), token_at(article, trig_pos)
    if i < 0 or t < 0 or article.tokens[i].dep == "":
        return False
    chain = _ancestors(article, i)
    clause = next((k for k in chain if article.tokens[k].dep == "relcl" or article.tokens[k].dep == "acl"
                   and not article.tokens[k].text.lower().endswith("ing")), -1)
    # a participle ("waiting to enter Aleppo on Saturday") may still tell the event's day
    if clause < 0:
        return False
    verb = next((k for k in _ancestors(article, t) if article.tokens[k].pos in ("VERB", "AUX")), t)
    above = _ancestors(article, clause)[1:]
    return verb in above and clause not in _ancestors(article, t)


def _ancestors(article: Article, i: int) -> list[int]:
    """``i`` and its heads up to the root."""
    out: list[int] = []
    while i >= 0 and i not in out:
        out.append(i)
        i = article.tokens[i].head
    return out


def _subtree(article: Article, root: int, toks: list[int]) -> list[int]:
    out, frontier = [root], [root]
    while frontier:
        nxt = [i for i in toks if article.tokens[i].head in frontier and i not in out]
        out.extend(nxt)
        frontier = nxt
    return out


def actor_slots(article: Article, sent: Span, trig: Span, agents: list[Mention]) -> ActorSlots:
    """actor1/actor2/associates among ``agents`` (actor mentions of the sentence, claimants removed)."""
    parsed = _parse_slots(article, sent, trig, agents)
    linear = _linear_slots(article.text, trig, agents)
    if parsed is None:
        return linear
    parsed.actor1 = parsed.actor1 or (linear.actor1 if linear.actor1 is not parsed.actor2 else None)
    parsed.actor2 = parsed.actor2 or (linear.actor2 if linear.actor2 is not parsed.actor1 else None)
    return parsed


def _linear_slots(text: str, trig: Span, agents: list[Mention]) -> ActorSlots:
    slots = ActorSlots()
    before = [m for m in agents if m.start < trig.start and m.end <= trig.end]  # "US jets" may overlap "jets attacked"
    after = [m for m in agents if m.start >= trig.end]
    by_agent = [m for m in after if _BY_AGENT.search(text[max(0, m.start - 12):m.start])]
    if by_agent:  # passive: "were killed by X"
        slots.actor1 = by_agent[0]
        slots.actor2 = before[-1] if before else None
    else:
        if before:
            slots.actor1 = before[-1]
            # coordination: "Kurdish and Yazidi forces", "X, Y and Z attacked"
            for m in reversed(before[:-1]):
                gap = text[m.end:slots.assoc1[-1].start if slots.assoc1 else slots.actor1.start]
                if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
                    slots.assoc1.append(m)
                else:
                    break
            if slots.assoc1:  # the first named leads
                chain = list(reversed(slots.assoc1)) + [slots.actor1]
                slots.actor1, slots.assoc1 = chain[0], chain[1:]
        targets = [m for m in after if _TARGET_PREP.search(text[max(0, m.start - 40):m.start]) or m.start - trig.end < 25]
        if targets:
            slots.actor2 = targets[0]
    if slots.actor1 and slots.actor2 and slots.actor1.ref and slots.actor1.ref == slots.actor2.ref:
        slots.actor2 = None
    return slots


def place_slot(text: str, sent: Span, trig: Span, places: list[tuple[Mention, Place]], *, movement: bool) -> PlaceSlot:
    """The event's location among the sentence's resolved places; origin and destination for movements."""
    slot = PlaceSlot()
    # a country in the possessive ("Syria's civil war", scraped "Syrias civil war") owns a thing; it places nothing
    places = [(m, p) for m, p in places if not (p.feature == "country" and _POSSESSIVE.match(text, m.end))]
    sub_country = [(m, p) for m, p in places if p.feature != "country"]
    if not sub_country:
        slot.countries_only = bool(places)
        slot.countries = [p for _, p in places]
        return slot  # a sentence naming only countries gives no location (ACLED codes no country-level events)
    scored: list[tuple[float, Mention, Place]] = []
    for m, p in sub_country:
        left = text[max(sent.start, m.start - 60):m.start]
        score = 1.0 / (1 + abs(m.start - trig.start) / 40)
        if _LOCATIVE.search(left) or _NEAR.search(left):
            score += 1.0
        if movement and _ORIGIN.search(left):
            slot.origin = slot.origin or p
            score += 0.5
        elif movement and _DEST.search(left):
            slot.destination = slot.destination or p
        if p.feature in ("adm1", "region"):
            score -= 0.3
        scored.append((score, m, p))
    scored.sort(key=lambda x: -x[0])
    best_score, best_m, best_p = scored[0]
    if movement:
        # ACLED codes a movement at its origin, a new base at its destination (decided by the caller)
        slot.place = slot.origin or (best_p if best_p is not slot.destination else None)
    else:
        slot.place = best_p
    if slot.place is not None:
        chosen = next(m for _, m, p in scored if p is slot.place)
        slot.near = bool(_NEAR.search(text[max(sent.start, chosen.start - 60):chosen.start]))
        slot.explicit = True
    return slot


_NOT_AN_ACTOR_ORG = re.compile(r"\b(?:ministry|ministries|department|news|agency|press|television|tv|radio|times|post|"
                               r"herald|tribune|journal|gazette|daily|observatory|reuters|afp|bbc|cnn|aljazeera|al jazeera|"
                               r"associated|council|court|parliament|assembly|committee|commission|un|united nations|"
                               r"university|hospital|bank|company|corporation|inc|ltd)\b", re.I)


def org_actor(article: Article, sent: Span, trig: Span, orgs: list[Mention]) -> Mention | None:
    """An organisation the NER found (no dictionary entry) in subject or ``by``-agent position of the
    trigger: kept as a raw actor. Needs the parse; outlets, ministries, courts and the like are sources
    or institutions, not perpetrators, and are left out."""
    orgs = [m for m in orgs if not _NOT_AN_ACTOR_ORG.search(m.text) and _looks_like_org(m.text)]
    if not orgs:
        return None
    found_verb = trigger_verb(article, sent, trig)
    if found_verb is None:
        return None
    toks, verb = found_verb
    for i in toks:
        if article.tokens[i].head != verb or article.tokens[i].dep not in ("nsubj", "agent"):
            continue
        if article.tokens[i].dep == "nsubj" and any(article.tokens[j].head == verb and article.tokens[j].dep == "auxpass"
                                                     for j in toks):
            continue
        subtree = _subtree(article, i, toks)
        found = [m for m in orgs if any(m.start <= article.tokens[j].start < m.end for j in subtree)]
        if found:
            return found[0]
    return None


def _looks_like_org(text: str) -> bool:
    """Names, not demonyms or lower-case words: 'Zarate Willka Liberation Armed Forces', not 'Americans'."""
    words = text.split()
    if not words or not any(w[:1].isupper() for w in words):
        return False
    return len(words) > 1 or text.isupper() or not re.search(r"(?:ans|ese|ish|is|ists|ites|s)$", text)

"""Which of a sentence's place mentions is the location of one event (the task of Halterman 2019).

Given the sentence, the event's trigger and the place mentions, return the mention(s) naming where
the event happened. With a dependency parse a place qualifies when it is reached from the trigger's
clause through a locative preposition ("in", "at", "near", "outside" ...), as the object of a
territorial verb ("captured Badme", "bombed Pooneryn"), as a modifier of such a noun ("the UN's
Baghdad headquarters", "Syria's Aleppo province") or as a fronted setting ("In Vienna, ..."). Of the
qualifying places the one closest to the trigger in the tree wins, with the places coordinated with
it ("Jumla and Diwan villages"); a country gives way to a smaller place in the same phrase. Places used
as adjectives or actors ("U.S. forces", "Northern warplanes") never qualify. Without a parse (rules
backend) the nearest place after a locative preposition in the trigger's clause is taken.

That hand-written chooser is :func:`locate_rules`. :func:`locate` is the entry point: when trained
weights are shipped (:mod:`.location_model`, features in :mod:`.location_features`) it scores every
candidate of the sentence (places, org/person mentions, uncovered capitalised runs) with a logistic
regression that also sees the hand-written choice, and returns the best one (and any other that is
confidently a location too); otherwise it returns :func:`locate_rules`'s answer.
"""
from __future__ import annotations

import re

from ..model import Article, Mention, Span

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into",
                  "on", "along", "off", "between", "over", "towards", "toward", "to", "through", "beyond", "from",
                  "behind", "nearby", "among", "amid", "onto", "by"}
_WEAK_PREPS = {"to", "from", "towards", "toward", "by", "over", "on", "between", "through"}
_CONTAINER_NOUNS = {"city", "town", "village", "villages", "province", "district", "region", "area", "areas",
                    "outskirts", "suburb", "suburbs", "neighbourhood", "neighborhood", "capital", "state", "county",
                    "governorate", "municipality", "camp", "port", "island", "countryside", "border", "streets",
                    "centre", "center", "south", "north", "east", "west", "heart", "edge", "part", "parts", "downtown"}
_CLAUSE_VERB_DEPS = {"advcl", "relcl", "ccomp", "xcomp", "acl", "conj", "parataxis", "pcomp"}
_LINEAR_PREP = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout|around|into|of|on the outskirts of|"
                          r"north of|south of|east of|west of)\s+(?:the\s+)?(?:(?:\w+\s+){0,2}(?:of\s+))?$", re.IGNORECASE)


def _sent_tokens(article: Article, sent: Span) -> list[int]:
    return [i for i, t in enumerate(article.tokens) if sent.start <= t.start and t.end <= sent.end]


def _head_token(article: Article, m: Mention, toks: list[int]) -> int | None:
    inside = [i for i in toks if m.start <= article.tokens[i].start < m.end]
    for i in inside:
        h = article.tokens[i].head
        if h < 0 or h not in inside:
            return i
    return inside[-1] if inside else None


def _path_to(article: Article, start: int, target: int, limit: int = 12) -> list[int] | None:
    """Tokens from ``start`` up its head chain to ``target`` (None when target is not an ancestor)."""
    path, cur = [start], start
    for _ in range(limit):
        h = article.tokens[cur].head
        if h < 0 or h == cur:
            return None
        path.append(h)
        if h == target:
            return path
        cur = h
    return None


def _relation(article: Article, head: int) -> tuple[str, int] | None:
    """How a place's head token attaches: ('prep', noun) for a locative pobj, ('obj', noun) for a
    direct object or subject of a passive, ('mod', noun) when it modifies such a noun; else None."""
    cur = head
    for _ in range(4):
        tok = article.tokens[cur]
        h = tok.head
        if h < 0:
            return None
        parent = article.tokens[h]
        if tok.dep in ("pobj",) and parent.lemma in LOCATIVE_PREPS:
            if parent.lemma == "of":
                return None
            return ("prep", cur)
        if tok.dep == "pobj" and parent.lemma == "of" and article.tokens[parent.head].lemma in _CONTAINER_NOUNS \
                and parent.head >= 0:
            cur = parent.head  # "the town of Bakwa": Bakwa stands for the town
            continue
        if tok.dep in ("dobj", "obj") and parent.pos in ("VERB", "AUX"):
            return ("obj", cur)
        if tok.dep in ("compound", "poss", "nmod", "amod", "appos", "conj") and parent.pos in ("NOUN", "PROPN"):
            if tok.dep in ("amod",) and cur == head:
                return None  # "Lebanese soldiers"
            cur = h
            continue
        if tok.dep == "npadvmod" and parent.pos in ("VERB",):
            return ("prep", cur)
        return None
    return None


def _is_actor_use(article: Article, m: Mention, text: str) -> bool:
    """'U.S. forces', 'Northern warplanes', 'Iraqi troops': a place used to name an actor."""
    after = text[m.end:m.end + 40]
    return bool(re.match(r"\s*(?:-led\s+)?(?:[A-Za-z-]+\s+)?(?:forces|troops|soldiers|army|military|police|warplanes|planes|"
                         r"jets|aircraft|helicopters|officials|government|authorities|navy|marines|militants|rebels|"
                         r"fighters|president|minister|envoy|embassy|officers?|commanders?|citizens?|nationals?|"
                         r"security|guards?|gunmen|intelligence|air force)\b", after, re.IGNORECASE))


def locate_rules(article: Article, sent: Span, trigger: Span, places: list[Mention]) -> list[Mention]:
    """The hand-written chooser: the place mentions naming where ``trigger`` happened (possibly none)."""
    text = article.text
    cands = [m for m in places if sent.start <= m.start < sent.end and not _is_actor_use(article, m, text)]
    if not cands:
        return []
    toks = _sent_tokens(article, sent)
    parsed = toks and any(article.tokens[i].dep for i in toks)
    if not parsed:
        return _linear(text, sent, trigger, cands)
    trig_toks = [i for i in toks if trigger.start <= article.tokens[i].start < trigger.end]
    if not trig_toks:
        return _linear(text, sent, trigger, cands)
    verb = trig_toks[-1]
    # the clause of the trigger: its verb and the verbs above it up to the root (a participle or noun
    # trigger belongs to the clause of the verb governing it)
    chain = [verb]
    cur = verb
    for _ in range(6):
        h = article.tokens[cur].head
        if h < 0 or h == cur:
            break
        chain.append(h)
        cur = h
    scored: list[tuple[float, Mention, int]] = []
    for m in cands:
        head = _head_token(article, m, toks)
        if head is None:
            continue
        rel = _relation(article, head)
        if rel is None:
            continue
        kind, noun = rel
        # climb from the locative noun to the trigger or to one of its governors
        best = None
        for depth, anchor in enumerate(chain):
            path = _path_to(article, noun, anchor)
            if path is None:
                continue
            crossed = [article.tokens[i] for i in path[1:-1]]
            clauses = sum(1 for t in crossed if t.dep in _CLAUSE_VERB_DEPS and t.pos in ("VERB", "AUX"))
            cost = len(path) - 1 + 2.5 * depth + 3 * clauses
            if kind == "prep":
                prep = article.tokens[article.tokens[noun].head].lemma
                cost += 1.5 if prep in _WEAK_PREPS else 0.0
            if kind == "obj" and anchor != verb:
                cost += 2.0
            best = cost if best is None else min(best, cost)
            break
        if best is None:
            # the trigger inside the place's phrase ("an attack in Kabul" with trigger 'attack'): the place
            # hangs below the trigger itself, or the place's phrase is a fronted setting of the root clause
            path = _path_to(article, noun, chain[-1])
            if path is not None and kind == "prep":
                best = 6.0 + len(path)
        if best is None:
            continue
        if _is_country(m):
            best += 2.0  # the most specific place named is the location
        scored.append((best, m, noun))
    if not scored:
        return []
    scored.sort(key=lambda x: (x[0], abs(x[1].start - trigger.start)))
    top_cost, top, top_noun = scored[0]
    chosen = [top]
    for cost, m, noun in scored[1:]:
        gap = text[min(m.end, top.end):max(m.start, top.start)] if not (m.start < top.end and top.start < m.end) else ""
        coordinated = bool(re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap)) or \
            (noun == top_noun and bool(re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap)))
        if coordinated and cost <= top_cost + 2.5:
            chosen.append(m)
    same_noun = {id(m) for _, m, n in scored if n == top_noun}
    if _is_country(top) and any(not _is_country(m) for _, m, n in scored if id(m) in same_noun):
        chosen = [m for _, m, n in scored if n == top_noun and not _is_country(m)][:1]
    chosen = _drop_containers(chosen, [m for _, m, _ in scored], text)
    chosen += _coordinated_names(article, chosen, toks, cands)
    return sorted(chosen, key=lambda m: m.start)


def _coordinated_names(article: Article, chosen: list[Mention], toks: list[int], cands: list[Mention]) -> list[Mention]:
    """'Jumla and Diwan villages', 'Palmyra and Quaryatayn': a proper noun coordinated with a chosen place
    is a place of the same event even when no dictionary or NER tagged it."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in chosen + cands]
    for m in chosen:
        heads = [i for i in toks if m.start <= article.tokens[i].start < m.end]
        for i in toks:
            t = article.tokens[i]
            if t.dep != "conj" or t.head not in heads or t.pos != "PROPN" or not t.text[:1].isupper():
                continue
            if any(s <= t.start < e for s, e in taken):
                continue
            out.append(Mention(m.article_id, t.start, t.end, t.text, "place", "GPE", "", "rule"))
    return out


_COUNTRY_CACHE: dict[str, bool] = {}


def _is_country(m: Mention) -> bool:
    if m.text not in _COUNTRY_CACHE:
        try:
            import pycountry

            _COUNTRY_CACHE[m.text] = pycountry.countries.get(name=m.text) is not None
        except (LookupError, KeyError, ImportError):
            _COUNTRY_CACHE[m.text] = False
    return _COUNTRY_CACHE[m.text]


def _drop_containers(chosen: list[Mention], qualified: list[Mention], text: str) -> list[Mention]:
    """'Syria's Aleppo province', 'Aleppo, Syria': the smaller place stands; a country right next to a
    chosen smaller place is only its container."""
    out = []
    for m in chosen:
        others = [o for o in qualified if o is not m]
        near = [o for o in others if abs(o.start - m.end) <= 4 or abs(m.start - o.end) <= 4]
        if _is_country(m) and any(not _is_country(o) for o in near):
            continue
        out.append(m)
    if not out:
        out = chosen[:1]
    return out


def _linear(text: str, sent: Span, trigger: Span, cands: list[Mention]) -> list[Mention]:
    """No parse: the place after a locative preposition nearest the trigger, inside its clause."""
    scored = []
    for m in cands:
        left = text[max(sent.start, m.start - 40):m.start]
        if not _LINEAR_PREP.search(left):
            continue
        between = text[min(m.end, trigger.end):max(m.start, trigger.start)]
        if re.search(r"[;:]|\b(?:while|but|whereas|and then)\b", between):
            continue  # another clause: another event's place
        scored.append((abs(m.start - trigger.start) + (15 if _is_country(m) else 0), m))
    if not scored:
        return []
    scored.sort(key=lambda x: x[0])
    best = scored[0][1]
    chosen = [best] + [m for _, m in scored[1:]
                       if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", text[min(m.end, best.end):max(m.start, best.start)])]
    return sorted(chosen, key=lambda m: m.start)


def locate(article: Article, sent: Span, trigger: Span, places: list[Mention], *,
           model: object | None = None, use_model: bool = True) -> list[Mention]:
    """The place mentions naming where the event of ``trigger`` happened (possibly none).

    With the shipped trained chooser (:mod:`.location_model`, one weight vector for parsed text and
    one for the rules backend) every candidate in the sentence is scored and those at or above the
    model's threshold are returned; overlapping candidates keep the better one. ``model`` overrides
    the shipped weights (cross-validation); ``use_model=False`` or no shipped weights gives the
    hand-written chooser :func:`locate_rules`.
    """
    from . import location_features as lf
    from . import location_model as lm

    rule = locate_rules(article, sent, trigger, places)
    chosen_model = model
    if chosen_model is None and use_model:
        toks = _sent_tokens(article, sent)
        kind = "parse" if toks and any(article.tokens[i].dep for i in toks) else "rules"
        chosen_model = lm.shipped().get(kind)
    if chosen_model is None:
        return rule
    cands = lf.candidates(article, sent, places)
    lf.featurize(article, sent, trigger, cands, rule_choice=rule)
    probs = chosen_model.scores([c.feats for c in cands])  # type: ignore[attr-defined]
    return [Mention(article.id, c.start, c.end, c.text, "place", c.label or "GPE", "", c.origin or "model")
            for c in select(cands, probs, chosen_model.threshold, chosen_model.second,  # type: ignore[attr-defined]
                            getattr(chosen_model, "coord", None), getattr(chosen_model, "inner", None))]


def select(cands: list, probs, threshold: float, second: float, coord: float | None = None,
           inner: float | None = None) -> list:
    """The best candidate when it reaches ``threshold``, then any other reaching ``second``; a candidate
    overlapping a better one, or naming the container of a chosen one ("Manger Square in nearby
    Bethlehem"), is dropped. With ``inner``, a chosen container gives way to the best place named inside it
    ("al-Tijara neighbourhood in central Damascus", its ``within`` spans) that reaches ``inner``. With
    ``coord``, a candidate in one list with a chosen one ("Jumla and Diwan villages", its ``coord`` spans)
    joins it when it reaches ``coord``."""
    order = sorted(range(len(cands)), key=lambda k: -probs[k])
    out: list = []

    def inside(c, o) -> bool:  # c names a place inside o
        return (o.start, o.end) in {tuple(s) for s in getattr(c, "within", ())}

    for k in order:
        if probs[k] < (second if out else threshold):
            break
        c = cands[k]
        if any(o.start < c.end and c.start < o.end for o in out) or any(inside(o, c) for o in out):
            continue
        if not out and inner is not None:
            c = next((cands[j] for j in order if probs[j] >= inner and inside(cands[j], c)), c)
        out.append(c)
    if coord is not None and out:
        grew = True
        while grew:
            grew = False
            spans = {tuple(s) for o in out for s in getattr(o, "coord", ())}
            for k in order:
                c = cands[k]
                if probs[k] < coord or c in out or (c.start, c.end) not in spans:
                    continue
                if any(o.start < c.end and c.start < o.end for o in out):
                    continue
                out.append(c)
                grew = True
    return sorted(out, key=lambda c: c.start)

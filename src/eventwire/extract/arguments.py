"""Argument phrases of a report's trigger: attacker, victim, target, instrument, as spans of text.

The Report's actor slots hold resolved actors (dictionary entries); span-annotated gold sets
(MUC-4 role fillers, WikiEvents arguments) and the evidence view need the words themselves: "a group
of heavily armed men", "six jesuit priests", "a car bomb". From the dependency parse: the subject of
an active trigger and the ``by`` agent of a passive one are attackers; the object of an active verb,
the subject of a passive one and the ``of``/``on``/``against`` complement of a nominal trigger
("the murder of X", "an attack on X") are victims when they name people, targets otherwise. Weapons
come from a lexicon anywhere in the trigger's sentence. Without a parse nothing but weapons is found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Span

WEAPON = re.compile(
    r"\b(?:(?:car|truck|vehicle|letter|parcel|time|pipe|powerful|homemade|remote[- ]controlled|roadside|incendiary|"
    r"petrol|gasoline|fragmentation|hand)[- ])?(?:bombs?|grenades?|devices?)\b|\b(?:dynamite(?: sticks?)?|sticks of dynamite|"
    r"explosives?|explosive devices?|(?:m-?16|ak-?47|fal|galil|r-15|uzi|m-?60)(?: rifles?)?|rifles?|machine ?guns?|"
    r"submachine ?guns?|pistols?|revolvers?|guns?|firearms|mortars?|mortar (?:rounds?|shells?)|rockets?|missiles?|"
    r"rocket[- ]propelled grenades?|rpgs?|(?:land)?mines?|molotov cocktails?|knives|knife|machetes?|bullets|"
    r"gasoline|ieds?|suicide vests?|(?:shells?))\b", re.I)
PERSON_HEAD = re.compile(
    r"^(?:people|persons?|person|civilians?|peasants?|priests?|jesuits?|soldiers?|policem[ae]n|police|officers?|agents?|"
    r"men|man|women|woman|children|child|boys?|girls?|students?|workers?|leaders?|members?|mayors?|judges?|ministers?|"
    r"journalists?|reporters?|residents?|villagers?|farmers?|passengers?|guards?|bodyguards?|escorts?|drivers?|"
    r"nuns?|bishops?|archbishops?|candidates?|politicians?|officials?|employees?|teachers?|doctors?|wife|son|"
    r"daughter|brother|sister|father|mother|family|relatives?|businessm[ae]n|citizens?|hostages?|victims?|"
    r"americans?|nationals?|diplomats?|ambassadors?|councilm[ae]n|senators?|deputies|deputy|director|president|"
    r"secretary|chief|commander|activists?|unionists?|trade unionists?|individuals?|others?|troops|militants?|"
    r"fighters?|rebels?|guerrillas?|terrorists?)$", re.I)
PERP_HEAD = re.compile(
    r"^(?:men|man|gunmen|gunman|individuals?|persons?|people|guerrillas?|terrorists?|rebels?|militants?|insurgents?|"
    r"attackers?|assailants?|kidnappers?|members?|commandos?|group|groups|squads?|unit|units|soldiers?|troops|"
    r"army|police|policem[ae]n|forces|front|movement|cartel|traffickers?|bombers?|hitm[ae]n|killers?|"
    r"subversives?|criminals?|youths?|mob|rioters?|paramilitar(?:y|ies)|militia|militiamen|officers?|agents?|"
    r"army|guards?)$", re.I)
_NOMINAL_PREPS = {"of", "on", "against", "at", "targeting"}
_NP_LEFT = {"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "advmod", "npadvmod", "case", "punct"}


@dataclass
class Arguments:
    attackers: list[Span] = field(default_factory=list)
    victims: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    instruments: list[Span] = field(default_factory=list)


def _sent_tokens(article: Article, sent: Span) -> list[int]:
    return [i for i, t in enumerate(article.tokens) if sent.start <= t.start and t.end <= sent.end]


def noun_phrase(article: Article, head: int, toks: list[int]) -> Span:
    """The head noun with its left modifiers and an ``of`` complement ("group of heavily armed men")."""
    tokens = article.tokens
    left = head
    changed = True
    while changed:
        changed = False
        for i in toks:
            if i < left and tokens[i].head in range(left, head + 1) and tokens[i].dep in _NP_LEFT and left - i <= 4:
                left, changed = i, True
    right = head
    for i in toks:
        if i > head and tokens[i].head == head and tokens[i].dep == "prep" and tokens[i].lemma == "of":
            objs = [j for j in toks if tokens[j].head == i and tokens[j].dep == "pobj"]
            if objs:
                inner = noun_phrase(article, objs[0], toks)
                right_tok = max(j for j in toks if tokens[j].start < inner.end)
                right = max(right, right_tok)
    while left < head and tokens[left].dep in ("det", "punct", "case") and tokens[left].lemma in ("the", "a", "an", ",", "'s"):
        left += 1
    return Span(tokens[left].start, tokens[right].end)


def _conjuncts(article: Article, head: int, toks: list[int]) -> list[int]:
    out = [head]
    for i in toks:
        if article.tokens[i].dep == "conj" and article.tokens[i].head in out:
            out.append(i)
    return out


def _is_person(article: Article, head: int, person_spans: list[Span]) -> bool:
    tok = article.tokens[head]
    if PERSON_HEAD.match(tok.text) or PERSON_HEAD.match(tok.lemma):
        return True
    return any(s.start <= tok.start < s.end for s in person_spans)


def extract(article: Article, sent: Span, trigger: Span) -> Arguments:
    """Argument spans of the event triggered at ``trigger`` inside ``sent``."""
    args = Arguments()
    text = article.text
    for m in WEAPON.finditer(text, sent.start, sent.end):
        args.instruments.append(Span(m.start(), m.end()))
    toks = _sent_tokens(article, sent)
    if not toks or not any(article.tokens[i].dep for i in toks):
        return args
    persons = [Span(m.start, m.end) for m in article.mentions if m.kind == "person" and sent.start <= m.start < sent.end]
    trig = [i for i in toks if trigger.start <= article.tokens[i].start < trigger.end]
    if not trig:
        return args
    anchor = trig[-1]
    tokens = article.tokens
    # a nominal trigger governed by a light verb: "carried out an attack", "claimed responsibility for the murder"
    verbs = [anchor]
    if tokens[anchor].pos not in ("VERB", "AUX") and tokens[anchor].head >= 0:
        h = tokens[anchor].head
        if tokens[h].pos in ("VERB", "AUX") and tokens[anchor].dep in ("dobj", "nsubjpass", "nsubj", "obj"):
            verbs.append(h)
    weapon_spans = list(args.instruments)

    def add(kind: str, head: int) -> None:
        for h in _conjuncts(article, head, toks):
            if tokens[h].pos not in ("NOUN", "PROPN", "NUM", "PRON") or tokens[h].pos == "PRON":
                continue
            span = noun_phrase(article, h, toks)
            if any(w.start <= tokens[h].start < w.end for w in weapon_spans):
                continue
            if kind == "patient":
                (args.victims if _is_person(article, h, persons) else args.targets).append(span)
            else:
                args.attackers.append(span)

    for v in verbs:
        passive = any(tokens[i].head == v and tokens[i].dep in ("nsubjpass", "auxpass") for i in toks)
        for i in toks:
            if tokens[i].head != v:
                continue
            dep = tokens[i].dep
            if dep == "nsubj" and not passive and v == verbs[-1]:
                add("agent", i)
            elif dep == "nsubjpass" and v == anchor:
                add("patient", i)
            elif dep in ("dobj", "obj") and v == anchor:
                add("patient", i)
            elif dep == "agent":
                for j in toks:
                    if tokens[j].head == i and tokens[j].dep == "pobj":
                        add("agent", j)
            elif dep == "prep" and tokens[i].lemma in _NOMINAL_PREPS and v == anchor and tokens[anchor].pos != "VERB":
                for j in toks:
                    if tokens[j].head == i and tokens[j].dep == "pobj":
                        add("patient", j)
            elif dep == "prep" and tokens[i].lemma == "by" and v == anchor:
                for j in toks:
                    if tokens[j].head == i and tokens[j].dep == "pobj" and PERP_HEAD.match(tokens[j].lemma):
                        add("agent", j)
    return args

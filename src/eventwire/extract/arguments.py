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

from ..model import Article, Span, Token

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
    r"fighters?|rebels?|guerrillas?|terrorists?|companions?|cooks?|missionar(?:y|ies)|minors?|generals?|colonels?|"
    r"captains?|majors?|lieutenants?|sergeants?|patrolm[ae]n|passers?-?by|population|magistrates?|attorneys?|"
    r"lawyers?|engineers?|technicians?|owners?|managers?|executives?|monsignors?|fathers?|sons|daughters|wives|"
    r"husbands?|friends?|parents|heirs?|pilots?|crew|crewm[ae]n|governors?|councilors?|congressm[ae]n|legislators?|"
    r"editors?|newsm[ae]n|cameram[ae]n|photographers?|correspondents?|inhabitants?|tourists?|foreigners?|"
    r"seminarians?|sisters|brothers|students|professors?|economists?|rectors?|mayors?|aldermen|alderman|"
    r"businesswom[ae]n|merchants?|traders?|landowners?|ranchers?|peasants?|campesinos?|catechists?|"
    r"priest|clergym[ae]n|missionary|worker|spokesm[ae]n|secretary-general|ex-president|candidate)$", re.I)
# the perpetrators MUC names by a common noun ("urban guerrillas", "heavily armed men")
PERP_NOUN = re.compile(
    r"^(?:guerrillas?|terrorists?|narcoterrorists?|gunm[ae]n|commandos?|assassins?|murderers?|kidnappers?|"
    r"assailants?|attackers?|rebels?|subversives?|hitm[ae]n|killers?|insurgents?|extremists?|paramilitar(?:y|ies)|"
    r"squads?|bandits?|criminals?|(?:drug )?traffickers|narcotraffickers|individuals?|men|man|persons?|people)$", re.I)
_VAGUE_PERP = re.compile(r"^(?:individuals?|men|man|persons?|people|criminals?)$", re.I)
_PERP_MODIFIER = re.compile(r"\b(?:armed|unidentified|unknown|masked|hooded|heavily|gunmen|suspected|alleged|"
                            r"wearing|dressed|riding|group of|several|two|three|four|five|six|some)\b", re.I)
PERP_HEAD = re.compile(
    r"^(?:men|man|gunmen|gunman|individuals?|persons?|people|guerrillas?|terrorists?|rebels?|militants?|insurgents?|"
    r"attackers?|assailants?|kidnappers?|members?|commandos?|group|groups|squads?|unit|units|soldiers?|troops|"
    r"army|police|policem[ae]n|forces|front|movement|cartel|traffickers?|bombers?|hitm[ae]n|killers?|"
    r"subversives?|criminals?|youths?|mob|rioters?|paramilitar(?:y|ies)|militia|militiamen|officers?|agents?|"
    r"guards?)$", re.I)
# what an attack hits when it is not a person: buildings, vehicles, installations (MUC's physical targets)
STRUCTURE_HEAD = re.compile(
    r"^(?:houses?|homes?|residences?|buildings?|offices?|headquarters|stores?|shops?|banks?|hotels?|restaurants?|"
    r"churche?s?|schools?|universit(?:y|ies)|hospitals?|embass(?:y|ies)|consulates?|ministr(?:y|ies)|stations?|"
    r"substations?|plants?|facilit(?:y|ies)|installations?|towers?|pylons?|poles?|posts?|lines?|pipelines?|"
    r"bridges?|roads?|highways?|airports?|ports?|warehouses?|factor(?:y|ies)|farms?|ranch(?:es)?|vehicles?|cars?|"
    r"trucks?|buses|bus|jeeps?|trains?|planes?|aircraft|airliners?|helicopters?|boats?|ships?|property|properties|"
    r"premises|businesses|companies|company|corporations?|firms?|agenc(?:y|ies)|branch(?:es)?|markets?|"
    r"supermarkets?|centers?|centres?|theaters?|cinemas?|clubs?|discotheques?|stadiums?|dams?|power|"
    r"electricity|transformers?|network|system|oil|terminals?|depots?|barracks|mayoralty|city hall|hall|"
    r"courthouses?|court|palace|prisons?|jails?|newspapers?|dailies|exchange|booths?|mansions?|apartments?|"
    r"dwellings?|cooperatives?|chapels?|cathedrals?|parishes?|seminar(?:y|ies)|monuments?|vessels?|tanks?)$", re.I)
_EVENT_NOUN = re.compile(
    r"^(?:attacks?|explosions?|blasts?|bombings?|murders?|assassinations?|massacres?|killings?|kidnappings?|"
    r"abductions?|incidents?|operations?|actions?|crimes?|acts?|raids?|ambush(?:es)?|shooting|violence|deaths?|"
    r"fire|fires|terrorism|responsibility|damages?|wave|campaign|offensive|words|fact|case|cases)$", re.I)
_MONTH = re.compile(r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|night|morning)$", re.I)
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
    if any(s.start <= tok.start < s.end for s in person_spans):
        return True
    # a proper name no gazetteer or dictionary knows, with no building or vehicle word: a person ("Porth")
    from .truecase import is_english

    if (tok.pos == "PROPN" or not is_english(tok.text)) and tok.text[:1].isupper() and not STRUCTURE_HEAD.match(tok.text) \
            and not any(
            m.start <= tok.start < m.end for m in article.mentions if m.kind in ("place", "actor", "org")):
        return True
    return False


def _not_an_argument(tok: Token) -> bool:
    """Event nouns ("the attack killed"), bare numbers, dates: never a participant."""
    return bool(_EVENT_NOUN.match(tok.text) or _MONTH.match(tok.text) or tok.pos == "NUM" or tok.text.isdigit())


def lexical_roles(article: Article, sent: Span) -> tuple[list[Span], list[Span]]:
    """(perpetrator NPs, physical-target NPs) of a sentence by their head nouns ("urban guerrillas",
    "heavily armed men"; "the bus", "power pylons"), for span-annotated role sets whose fillers are
    pooled per incident rather than tied to one trigger. Needs the parse."""
    toks = _sent_tokens(article, sent)
    perps: list[Span] = []
    targets: list[Span] = []
    if not toks or not any(article.tokens[i].dep for i in toks):
        return perps, targets
    for i in toks:
        tok = article.tokens[i]
        if tok.pos not in ("NOUN", "PROPN") or tok.dep == "compound":
            continue
        prep = article.tokens[tok.head].lemma.lower() if tok.dep == "pobj" and tok.head >= 0 else ""
        if PERP_NOUN.match(tok.text):
            span = noun_phrase(article, i, toks)
            if not _VAGUE_PERP.match(tok.text) or _PERP_MODIFIER.search(article.text[span.start:span.end + 30]):
                perps.append(span)
        elif STRUCTURE_HEAD.match(tok.text) and prep not in ("to", "from", "toward", "towards", "near", "by", "with"):
            targets.append(noun_phrase(article, i, toks))
    return perps, targets


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
            if tokens[h].pos not in ("NOUN", "PROPN", "NUM", "PRON") or tokens[h].pos == "PRON" or _not_an_argument(tokens[h]):
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

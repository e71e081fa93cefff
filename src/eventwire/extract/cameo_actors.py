"""Actor phrases of one sentence for the CAMEO coder: who could be a source or a target.

An actor phrase is a stretch of the sentence with a CAMEO actor code ("ISRGOV", "IGOUNO", "---REB"),
its country root and PLOVER sector. It is built from:

* the project actor dictionary (:mod:`eventwire.resolve.actors`, asked with ``political=True``): armed groups,
  IGOs, "Israeli troops", and the kinds only this coder uses: leaders with their years in office
  (``data/actors/leaders.yaml``), NGOs and legislatures (``data/actors/organisations.yaml``);
* capitals (``data/cameo/capitals.tsv``), read as their country's government in any role (CAMEO's convention;
  against a material attack, or as a location "a curfew in Algiers", a capital stands for its people, CVL);
* countries, and demonyms attached to a noun ("Palestinian lorries"); a plural demonym ("Palestinians")
  stands for its country (code PSE) and, in PLOVER, its people (sector CVL); coordinated demonyms share
  their noun ("French and Egyptian warships");
* agent nouns (``agents.tsv``: president, troops, court, rebels ...) with the country from the same
  phrase: "Israeli Prime Minister Ehud Barak", "Lebanon's president", "King Hassan of Morocco",
  "rebels in Darfur", "US-led war" ("its forces in Lebanon" are the antecedent's, not Lebanon's); an agent
  word used as an adjective names no one ("a military offensive", "a general strike"); the agent noun
  refines the dictionary's coarser generic classes ("Congolese refugees" -> REF, not CVL);
* with no country of its own, a state or domestic agent takes the sentence's only country (rebels only
  when that country's government is named), and victims (civilians, refugees, journalists) that of the
  sentence's scene ("children were killed ... in the Gaza Strip" -> PSE);
* other places (towns, regions), kept as a last-resort target only ("rebels shelled Juba" -> SSD); in this
  coder a town is never a source. The ACLED extractor keeps its rule that a place is never an actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article
from ..resolve import actors as actor_dict
from ..resolve import places as place_res
from . import cameo_lexicon as lex


@dataclass
class Tok:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # local index, -1 for the root or no parse
    start: int  # offsets inside the sentence text
    end: int


@dataclass
class Sent:
    text: str
    toks: list[Tok]
    parsed: bool
    year: int | None = None  # the article's publication year: which leaders were in office

    def children(self, i: int, *deps: str) -> list[int]:
        return [t.i for t in self.toks if t.head == i and (not deps or t.dep in deps)]

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children(j))
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
        out, j = [], self.toks[i].head
        while j >= 0 and j not in out and len(out) < 50:
            out.append(j)
            j = self.toks[j].head
        return out

    def tok_at(self, pos: int) -> int:
        for t in self.toks:
            if t.start <= pos < t.end:
                return t.i
        return -1


@dataclass
class Phrase:
    start: int
    end: int
    code: str  # CAMEO actor code
    country: str  # root: ISO3, IGO, NGO, IMG ... or "---"
    sector: str  # PLOVER sector ("" for a country alone)
    kind: str  # named | country | agent | demonym | capital | leader | place
    text: str = ""
    head: int = -1  # token index of the phrase's head
    toks: list[int] = field(default_factory=list)


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
_GAP_LEFT = re.compile(r"^(?:'s|’s)?(?:\s+[A-Za-z][\w.-]*){0,4}\s+$")
_GAP_STOP = {"and", "or", "but", "said", "says", "say", "to", "with", "against", "by", "for", "from", "on", "in",
             "at", "that", "which", "who", "has", "have", "had", "is", "are", "was", "were", "will", "would",
             "of", "as", "than", "after", "before", "when", "while", "its", "their", "his", "her", "it", "they"}
_RIGHT_OF = re.compile(r"^\s+(?:of|in|from)\s+(?:the\s+)?$")
_NAME_RIGHT = re.compile(r"^\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]+)")
_LED = re.compile(r"^-led\b")


@lru_cache(maxsize=1)
def _demonyms() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Country names, demonyms and plural demonyms: {form: (ISO3, "name" | "adj" | "plural")}."""
    d = actor_dict.load()
    table: dict[str, tuple[str, str]] = {}
    for iso, c in d.countries.items():
        for dem in c.demonyms:
            if dem and dem[0].isupper():
                table.setdefault(dem, (iso, "adj"))
                if not dem.endswith(("s", "sh", "ch", "ese")):
                    table.setdefault(dem + "s", (iso, "plural"))
        if c.name:
            table.setdefault(c.name, (iso, "name"))
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")(?![\w])")
    return rx, table


@lru_cache(maxsize=1)
def _agent_regex() -> re.Pattern[str]:
    nouns = [n for n, _r, _s in lex.agents()]
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns) + r")(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _agent_table() -> dict[str, tuple[str, str]]:
    return {n: (r, s) for n, r, s in lex.agents()}


def sentence(article: Article, index: int) -> Sent:
    """The tokens of one sentence with local head indices (and guessed lemmas without a parse)."""
    span = article.sentences[index]
    text = article.text[span.start:span.end]
    atoks = [(k, t) for k, t in enumerate(article.tokens) if t.sent == index]
    parsed = any(t.dep for _k, t in atoks)
    if not atoks:
        atoks = [(m.start(), None) for m in _WORD.finditer(text)]  # type: ignore[misc]
    first = atoks[0][0] if atoks and atoks[0][1] is not None else 0
    toks = []
    for n, (k, t) in enumerate(atoks):
        if t is None:
            continue
        head = t.head - first if parsed and t.head >= 0 else -1
        lemma = t.lemma if parsed else lex.lemma_candidates(t.text)[0]
        toks.append(Tok(n, t.text, lemma, t.pos, t.dep, head, t.start - span.start, t.end - span.start))
    return Sent(text, toks, parsed, article.published.year if article.published else None)


def _country_of_place(text: str) -> str:
    p = place_res.lookup(text)
    return p.iso3 if p and p.iso3 else ""


def find_phrases(s: Sent) -> list[Phrase]:
    """All actor phrases of the sentence, non-overlapping, in text order."""
    text = s.text
    d = actor_dict.load()
    atoms: list[Phrase] = []
    # 1. the project dictionary, with persons (leaders), NGOs and legislatures
    for m in d.match(text, political=True):
        e = _organ(d, m.text) or d.get(m.actor_id)
        if e.kind == "generic" and _modifier_only(s, m.start, m.end):
            continue
        if e.kind == "person":
            atoms.append(_leader(e, m.start, m.end, m.text, s.year))
            continue
        a = d.to_actor(e.id if e.id != d.get(m.actor_id).id else m.actor_id, text=m.text)
        code = a.cameo
        if not code:
            role = {"military": "MIL", "police": "COP", "government": "GOV", "intelligence": "SPY"}.get(e.branch, "")
            code = "---" + (role or a.plover_sector or "")
        country = code[:3]
        sector = a.plover_sector
        if country in ("IGO", "NGO", "IMG", "ISM") and not code.startswith("---"):
            # CAMEO/PLOVER give a named international organisation no sector, unless it is itself a
            # governing, judicial or police body (Security Council, ICC, Interpol) or armed ("NATO troops")
            own = e.region == "organisations" and e.sector
            sector = sector if own or _FORCE_TAIL.search(m.text) or code[3:6] == "MIL" else ""
        if e.kind == "generic":
            code, sector = _refine_generic(m.text, code, sector)
        if m.actor_id.startswith(("generic:protesters", "generic:rioters")):
            sector = "CVL"  # PLOVER: demonstrators are civilians (CAMEO keeps the OPP role in the code)
        atoms.append(Phrase(m.start, m.end, code, country, sector,
                            "agent" if code.startswith("---") else "named", m.text))
    # 2. capitals: CAMEO reads a capital as its country's government ("Washington said", "talks with Kabul")
    #    "a curfew in Algiers": after "in" a capital is a place, and stands for its people (CVL)
    for m in lex.named_regex().finditer(text):
        n = lex.named_index()[m.group(1)]
        located = bool(re.search(r"\bin\s+$", text[:m.start()]))
        code, sector = (n.cameo[:3] + "CVL", "CVL") if located else (n.cameo, "GOV")
        atoms.append(Phrase(m.start(), m.end(), code, n.country, sector, "capital", m.group(1)))
    # 3. countries (the gazetteer) and demonyms
    places = [(st, en) for st, en in place_res.find_place_mentions(text)]
    resolved = place_res.resolve_places(text, places) if places else []
    place_iso: list[tuple[int, int, str]] = []
    towns: set[int] = set()
    for (st, en), p in zip(places, resolved):
        if p is None or not p.iso3:
            continue
        if p.feature == "country":
            atoms.append(Phrase(st, en, p.iso3, p.iso3, "", "country", text[st:en]))
        else:
            place_iso.append((st, en, p.iso3))
            if p.feature in ("city", "capital", "town", "village", "adm2"):
                towns.add(st)
    rx, table = _demonyms()
    for m in rx.finditer(text):
        iso, form = table[m.group(1)]
        if form == "plural":  # "Palestinians": the country in CAMEO (PSE), its people in PLOVER (sector CVL)
            atoms.append(Phrase(m.start(), m.end(), iso, iso, "CVL", "country", m.group(1)))
        else:
            atoms.append(Phrase(m.start(), m.end(), iso, iso, "", "country" if form == "name" else "demonym",
                                m.group(1)))
    # 4. agent nouns
    for m in _agent_regex().finditer(text):
        if _modifier_only(s, m.start(), m.end()):
            continue
        role, sector = _agent_table()[re.sub(r"\s+", " ", m.group(1).lower())]
        atoms.append(Phrase(m.start(), m.end(), "---" + role, "---", sector, "agent", m.group(1)))
    out = _merge(s, atoms, place_iso)
    # 5. other places (towns, regions) stand for their country as a last-resort target (CAMEO codes "shelled
    #    Juba" SDN); a town's people are civilians ("blockade Paris" -> FRA CVL), a region has no sector
    for st, en, iso in place_iso:
        if not any(q.start < en and st < q.end for q in out) and _standalone(text, st, en):
            ph = Phrase(st, en, iso, iso, "CVL" if st in towns else "", "place", text[st:en])
            _locate(s, ph)
            out.append(ph)
    out.sort(key=lambda q: q.start)
    _sentence_country(out)
    return out


_STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "SPY"}
_DOMESTIC_ROLES = _STATE_ROLES | {"OPP", "ELI"}
_ORGS = {"IGO", "NGO", "IMG", "ISM"}
_NON_STATE = _ORGS | {"---"}


def _sentence_country(out: list[Phrase]) -> None:
    """An agent with no country of its own belongs to the country when the sentence names exactly one (through
    any actor or place): state organs and domestic politics ("President Bouteflika threatened a curfew in
    Algiers", "opposition leader Maulana ..."); rebels only when that country's government is in the sentence
    ("the Mozambique government accepted demands from Shona rebels"), not from a town they attack nor troops
    they fight (troops serve abroad: "rebels attacked French troops")."""
    isos = {q.country for q in out if len(q.country) == 3 and q.country not in _NON_STATE}
    if len(isos) != 1:
        return
    iso = isos.pop()
    state = any(q.country == iso and q.sector == "GOV" for q in out)
    for q in out:
        role = q.code[3:6]
        if q.kind == "agent" and q.country == "---" and (role in _DOMESTIC_ROLES or role == "REB" and state):
            q.country, q.code = iso, iso + q.code[3:]


_DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper",
               "lower", "middle", "northeast", "northwest", "southeast", "southwest", "new", "old", "great"}


def _standalone(text: str, st: int, en: int) -> bool:
    """A place name that is a name by itself, not part of a longer one ("West" in "West Africans")."""
    if text[st:en].lower() in _DIRECTIONS:
        return False
    after = re.match(r"[ -]([A-Z]\w*)", text[en:])
    before = re.search(r"([A-Z]\w*)[ -]$", text[:st])
    return not (after or (before and st - len(before.group(0)) > 0))


_FORCE_TAIL = re.compile(r"\b(?:troops|forces|peacekeepers|peacekeeping troops|soldiers|aircraft|warplanes|jets|"
                         r"helicopters|warships|navy|military)$", re.IGNORECASE)


def _modifier_only(s: Sent, start: int, end: int) -> bool:
    """An agent word used as an adjective names no one: "a military offensive", "a general strike"."""
    if not s.parsed:
        return False
    i = s.tok_at(end - 1)
    if i < 0:
        return False
    t = s.toks[i]
    return t.pos == "ADJ" and t.dep == "amod" and t.head >= 0 and not start <= s.toks[t.head].start < end \
        and s.toks[t.head].pos in ("NOUN", "PROPN")


def _refine_generic(matched: str, code: str, sector: str) -> tuple[str, str]:
    """The project dictionary's generic classes are ACLED's, coarser than CAMEO's agents: its "civilians" hold
    refugees, students and journalists. The coder's own agent noun heading the match decides ("Congolese
    refugees" -> CODREF, REF)."""
    head = next((m for m in _agent_regex().finditer(matched) if m.end() == len(matched)), None)
    if head is None:
        return code, sector
    role, own = _agent_table()[re.sub(r"\s+", " ", head.group(1).lower())]
    return code[:3] + role, own


def _organ(d: actor_dict.ActorDictionary, matched: str) -> actor_dict.ActorEntry | None:
    """A more specific organ named inside a broader organisation's alias: "U.N. Security Council" is the
    Security Council (sector GOV), not the United Nations at large."""
    for k in [m.end() for m in re.finditer(r"\s+", matched)]:
        for m in d.match(matched[k:], political=True):
            e = d.get(m.actor_id)
            if e.region == "organisations" and (m.start, m.end) == (0, len(matched) - k):
                return e
    return None


def _leader(e: actor_dict.ActorEntry, start: int, end: int, text: str, year: int | None) -> Phrase:
    """A political figure: the office's code while in office, else an elite of the country (CAMEO ELI)."""
    code, sector = e.cameo or (e.country + "GOV"), e.sector or "GOV"
    if not e.in_office(year) and e.country:
        code, sector = e.country + "ELI", "ELI"
    country = e.country or code[:3]
    return Phrase(start, end, code, country, sector, "leader", text)


def _overlaps(a: Phrase, b: Phrase) -> bool:
    return a.start < b.end and b.start < a.end


_RANK = {"named": 0, "leader": 1, "agent": 2, "country": 3, "capital": 4, "demonym": 5}


def _merge(s: Sent, atoms: list[Phrase], place_iso: list[tuple[int, int, str]]) -> list[Phrase]:
    text = s.text
    # longest first; a dictionary name beats a country inside it ("Kurdistan Workers' Party")
    atoms.sort(key=lambda p: (-(p.end - p.start), _RANK[p.kind], p.start))
    kept: list[Phrase] = []
    for p in atoms:
        if not any(_overlaps(p, k) for k in kept):
            kept.append(p)
    kept.sort(key=lambda p: p.start)
    out: list[Phrase] = []
    used: set[int] = set()
    for n, p in enumerate(kept):
        if n in used:
            continue
        if p.kind == "agent" and p.country == "---":
            p = _attach_country(s, kept, n, used, place_iso, p)
        elif p.kind in ("country", "demonym") and n + 1 < len(kept) and kept[n + 1].kind == "agent" \
                and kept[n + 1].country == "---" and _left_gap_ok(s, p.end, kept[n + 1].start):
            continue  # handled when the agent is reached
        elif p.kind == "demonym" and (shared := _shared_agent(s, kept, n)):
            p = Phrase(p.start, p.end, p.country + shared[0], p.country, shared[1], "agent", p.text)
        elif p.kind == "demonym":
            p = _demonym_noun(s, p)
            if p is None:
                continue
        elif p.kind == "leader" and n + 1 < len(kept) and kept[n + 1].country == p.country \
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[p.end:kept[n + 1].start]):
            p.end, p.text = kept[n + 1].end, text[p.start:kept[n + 1].end]  # "King Hassan of Morocco"
            used.add(n + 1)
        out.append(p)
    for k, p in enumerate(out):
        if p.kind == "agent" and p.country == "---" and p.sector in _UNARMED:
            _victim_country(s, out, k, place_iso)
        _locate(s, p)
    return out


def _shared_agent(s: Sent, kept: list[Phrase], n: int) -> tuple[str, str] | None:
    """(role, sector) of the agent noun two coordinated demonyms share: "French and Egyptian warships"."""
    if n + 1 >= len(kept) or not re.fullmatch(r"\s*(?:,|and|or|, and)\s+", s.text[kept[n].end:kept[n + 1].start]):
        return None
    nxt = kept[n + 1]
    if nxt.kind == "demonym" and n + 2 < len(kept):
        agent = kept[n + 2]
        if agent.kind == "agent" and agent.country == "---" and _left_gap_ok(s, nxt.end, agent.start):
            return agent.code[3:], agent.sector
    rx, table = _demonyms()
    m = rx.match(nxt.text)
    if nxt.kind in ("agent", "named") and nxt.code[3:] and m and table[m.group(1)][1] == "adj":
        return nxt.code[3:], nxt.sector  # "Egyptian warships" found whole by the dictionary
    return None


_UNARMED = {"CVL", "REF", "JRN", "OPP", "ELI", "AGR", "LAB", "EDU", "BUS"}
_VICTIMS = {"CVL", "REF", "JRN", "AGR", "LAB", "EDU", "BUS", "MED"}
_NEAR_IN = re.compile(r"^(?:\s+[\w'-]+){0,6}?\s+(?:in|of|from)\s+(?:the\s+)?$")


def _victim_country(s: Sent, out: list[Phrase], k: int, place_iso: list[tuple[int, int, str]]) -> None:
    """Civilians, refugees, journalists take the country of a place named just after them ("refugees fleeing the
    civil war in Liberia"), else that of the sentence's scene when it names one ("Iraqi civilians" is handled
    by the demonym)."""
    p = out[k]
    cands = [(q.start, q.country) for q in out[k + 1:] if q.kind == "country"] + \
            [(st, iso) for st, _en, iso in place_iso if st >= p.end]
    near = [iso for st, iso in sorted(cands) if _NEAR_IN.match(s.text[p.end:st])]
    scene = _scene_countries(s, out, place_iso) if p.sector in _VICTIMS else set()
    iso = near[0] if near else scene.pop() if len(scene) == 1 else ""
    if iso:
        p.country, p.code = iso, iso + p.code[3:]


_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside|inside|of|across|throughout|around)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,4}|^\W*)$")


def _scene_countries(s: Sent, out: list[Phrase], place_iso: list[tuple[int, int, str]]) -> set[str]:
    """The countries where the sentence happens: those of the places and countries it names as locations (a
    dateline, "in the Gaza Strip", "near the town of Samarra"). Victims with no country of their own are that
    place's people ("Four children were killed in tank shelling in the Gaza Strip" -> PSE); a capital acting
    ("against Moscow") is no location."""
    spans = place_iso + [(q.start, q.end, q.country) for q in out if q.kind == "country" and q.sector != "CVL"]
    return {iso for st, en, iso in spans if _LOCATIVE.search(s.text[:st]) and not _is_modifier(s, st, en)} - _NON_STATE


def _is_modifier(s: Sent, start: int, end: int) -> bool:
    """A name modifying another word ("mostly Christian eastern Beirut", "its Gulf war"), not a place of its own."""
    i = s.tok_at(end - 1)
    if not s.parsed or i < 0:
        return False
    t = s.toks[i]
    return t.dep in ("amod", "compound") and t.head >= 0 and not start <= s.toks[t.head].start < end


def _left_gap_ok(s: Sent, start: int, end: int) -> bool:
    """The words between a country and an agent noun modify the noun ("Lebanon's new President"); no verb
    ("French warplanes bombed the rebel positions")."""
    gap = s.text[start:end]
    if not _GAP_LEFT.match(gap) and gap not in (" ", "'s ", "’s "):
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w.-]*", gap) if w.lower() not in ("s",)]
    if any(w in _GAP_STOP for w in words):
        return False
    return not (s.parsed and any(start <= t.start < end and t.pos in ("VERB", "AUX") for t in s.toks))


_POSS_LEFT = re.compile(r"\b(?:its|their|his|her|our)\s+(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE)


def _attach_country(s: Sent, kept: list[Phrase], n: int, used: set[int], place_iso: list[tuple[int, int, str]],
                    p: Phrase) -> Phrase:
    text = s.text
    role = p.code[3:]
    start, end, country = p.start, p.end, ""
    # left: "Israeli Prime Minister", "Lebanon's new President", "European Community foreign ministers"
    for k in range(n - 1, max(-1, n - 3), -1):
        q = kept[k]
        if q.kind in ("country", "demonym", "named", "leader") and _left_gap_ok(s, q.end, p.start):
            country, start = q.country, q.start
            if q.kind in ("named", "leader") and not q.code.startswith(q.country):
                country = q.code[:3]
            used.add(k)
            break
        if q.end <= p.start:
            break
    # right: a leader's name ("President Bill Clinton"), "of Morocco", "in Darfur"; but "its forces in Lebanon"
    # are the forces of the pronoun's antecedent, sent to Lebanon
    owned = bool(_POSS_LEFT.search(text[:p.start]))
    if n + 1 < len(kept) and not owned:
        q = kept[n + 1]
        gap = text[p.end:q.start]
        if q.kind == "leader" and re.fullmatch(r"\s+(?:[A-Z][\w.'-]*\s+)*", gap):
            country = country or q.country
            end = q.end
            used.add(n + 1)
        elif not country and q.kind in ("country", "demonym", "named") and _RIGHT_OF.match(gap):
            country = q.code[:3] if q.kind == "named" else q.country
            end = q.end
            used.add(n + 1)
    if not country and not owned:
        for st, en, iso in place_iso:
            if st >= p.end and _RIGHT_OF.match(text[p.end:st]):
                country, end = iso, en
                break
    if end == p.end:  # a person's name right after a title: "President Elias Hrawi"
        m = _NAME_RIGHT.match(text[p.end:])
        if m and p.text[:1].isupper():
            end = p.end + m.end(1)
    country = country or "---"
    sector = p.sector
    if re.search(r"\b(?:former|ex-)\s*$", text[max(0, start - 8):start], re.IGNORECASE) and role in ("GOV", "GOVMIL", "LEG"):
        role, sector = "ELI", "ELI"  # a former official is an elite (CAMEO ELI)
    if country in _ORGS and role == "GOV" and p.text.lower().endswith("s"):
        sector = ""  # "European Community foreign ministers": members speaking as the organisation itself
    return Phrase(start, end, country + role, country, sector, "agent", text[start:end])


def _demonym_noun(s: Sent, p: Phrase) -> Phrase | None:
    """A demonym names an actor only with the noun it modifies ("Palestinian lorries"); "US-led war" -> USA."""
    rest = s.text[p.end:]
    if _LED.match(rest):
        return Phrase(p.start, p.end, p.country, p.country, "", "country", p.text)
    if s.parsed:
        i = s.tok_at(p.start)
        if i < 0:
            return None
        t = s.toks[i]
        if t.dep in ("amod", "compound", "nmod") and t.head > i:
            h = s.toks[t.head]
            if h.pos in ("NOUN", "PROPN"):
                return Phrase(p.start, h.end, p.country, p.country, "", "demonym", s.text[p.start:h.end])
        if t.pos in ("NOUN", "PROPN") and t.dep not in ("amod", "compound"):
            return Phrase(p.start, p.end, p.country, p.country, "", "country", p.text)
        return None
    m = re.match(r"\s+([a-z][a-z-]+)\b", rest)
    if m and m.group(1) not in _GAP_STOP:
        return Phrase(p.start, p.end + m.end(1), p.country, p.country, "", "demonym", s.text[p.start:p.end + m.end(1)])
    return None


def _locate(s: Sent, p: Phrase) -> None:
    """The phrase's tokens and its head: the token whose parent lies outside the phrase (else the last)."""
    p.toks = [t.i for t in s.toks if p.start <= t.start < p.end]
    if not p.toks:
        return
    p.head = p.toks[-1]
    if s.parsed:
        outside = [i for i in p.toks if s.toks[i].head not in p.toks]
        if outside:
            p.head = outside[0]

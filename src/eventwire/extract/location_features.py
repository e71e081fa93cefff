"""Candidate places of one event and their features, for the trained event-location chooser.

Candidates are the sentence's place mentions (NER GPE/LOC/FAC and dictionary places), its
organisation/person mentions (taggers confuse "Al-Nur hospital" or "Dunya Pur" with them) and runs
of capitalised words no mention covers (places both taggers miss), plus names the taggers split
("Gulf of Aden") and the border of two named countries ("the Lebanese-Israeli border", the annotators'
span). Each candidate gets a sparse
feature vector: what kind of mention it is, how it attaches in the parse (dependency of its head, the
governing preposition, the tree distance to the event's trigger, clauses crossed, the trigger's verb
paired with how the place hangs on it: "captured Goma", "the Gulf is patrolled"), what stands
around it (preposition before, the word after, "'s"), where it is relative to the trigger, whether
it is a country or is followed by an actor noun ("U.S. forces"), whether it follows a news source
("according to Los Angeles television"), the governing preposition paired with its gazetteer standing
and its kind, and whether the hand-written chooser (:mod:`eventwire.extract.location`) picks it. Each
candidate also records the candidates naming its container (``within``: "X in Y", "Y's X", "X
neighbourhood in central Y") and those in one list with it (``coord``: "Jumla and Diwan", or items
after the same preposition across semicolons, "in Aleppo - 6 times; in Hama province - 4 times and in
Deraa ..."), for the selection rules.
Without a parse (rules backend) the parse features are absent and the linear ones carry the decision.
Features are names; the model maps names to weights, so this module can grow a feature without
breaking shipped weights.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..model import Article, Mention, Span

FEATURE_VERSION = "4"

PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into", "on",
         "along", "off", "between", "over", "towards", "toward", "to", "through", "beyond", "from", "behind",
         "among", "amid", "onto", "by", "of", "for", "against", "during", "after", "before", "with", "under",
         "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "out", "via", "since",
         "about", "like", "than", "including"}
_NEXT_WORDS = {"'s", "’s", ",", ".", "-", "province", "city", "district", "region", "town", "village", "villages",
               "area", "neighbourhood", "neighborhood", "valley", "crossing", "outpost", "museum", "palace", "suburb",
               "quarter", "checkpoint", "market", "bridge", "station", "hotel", "governorate", "state", "county", "border", "camp", "hospital", "school", "street", "road",
               "river", "said", "and", "forces", "troops", "government", "police", "army", "(", "on", "in", "to",
               "near", "countryside", "airport", "base", "prison", "mosque", "square", "university", "refugee"}
_CONNECT = {"al", "el", "ad", "as", "ar", "an", "ash", "at", "az", "bin", "ibn", "abu", "de", "del", "la", "le",
            "-", "of", "'s"}
_PREV_KEEP = {"the", ",", "<s>", "and", "'s", "’s"}
_ARTICLE_PREFIX = {"al", "el", "ad", "as", "ar", "an", "ash", "az", "at"}
_PREFIXED = re.compile(r"(?:al|el|ad|as|ar|an|ash|az|at)-[A-Z]")
_CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "xcomp", "acl", "conj", "parataxis", "pcomp", "csubj"}
_SKIP_EDGE = {"the", "(", ")", ",", ".", "'s", "’s", "-", "'", '"', "“", "”", "a", "an"}
_ACTOR_AFTER = re.compile(
    r"\s*(?:-led\s+)?(?:[A-Za-z-]+\s+)?(?:forces|troops|soldiers|army|military|police|warplanes|planes|jets|"
    r"aircraft|helicopters|officials|government|authorities|navy|marines|militants|rebels|fighters|president|"
    r"minister|envoy|embassy|officers?|commanders?|citizens?|nationals?|security|guards?|gunmen|intelligence|"
    r"air force|leader|spokesman|media|agency|news)\b", re.IGNORECASE)
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # place | org | person | actor | caps
    label: str
    origin: str
    feats: dict[str, float] = field(default_factory=dict)
    coord: list[tuple[int, int]] = field(default_factory=list)  # spans of the candidates coordinated with it
    within: list[tuple[int, int]] = field(default_factory=list)  # spans of the candidates naming its container


def _tokens_in(article: Article, start: int, end: int, pool: list[int]) -> list[int]:
    return [i for i in pool if start <= article.tokens[i].start < end]


def _head(article: Article, inside: list[int]) -> int | None:
    for i in inside:
        h = article.tokens[i].head
        if h < 0 or h not in inside:
            return i
    return inside[-1] if inside else None


def _ancestors(article: Article, i: int, limit: int = 40) -> list[int]:
    out = [i]
    for _ in range(limit):
        h = article.tokens[out[-1]].head
        if h < 0 or h == out[-1] or h in out:
            break
        out.append(h)
    return out


def _trim(article: Article, start: int, end: int, toks: list[int]) -> tuple[int, int]:
    """Drop a leading article and trailing possessive/punctuation from a candidate span."""
    inside = _tokens_in(article, start, end, toks)
    while inside and article.tokens[inside[0]].text.lower() in _SKIP_EDGE:
        inside = inside[1:]
    while inside and article.tokens[inside[-1]].text.lower() in _SKIP_EDGE:
        inside = inside[:-1]
    if not inside:
        return start, start
    return article.tokens[inside[0]].start, article.tokens[inside[-1]].end


def candidates(article: Article, sent: Span, places: list[Mention]) -> list[Candidate]:
    """Place mentions, org/person mentions and uncovered capitalised runs inside ``sent``."""
    toks = [i for i, t in enumerate(article.tokens) if sent.start <= t.start and t.end <= sent.end]
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    pool = list(places) + [m for m in article.mentions if m.kind in ("org", "person", "actor") and m not in places]
    for m in sorted(pool, key=lambda m: (m.start, -m.end)):
        if not (sent.start <= m.start < sent.end):
            continue
        s, e = _trim(article, m.start, m.end, toks)
        if e <= s or (s, e) in seen:
            continue
        seen.add((s, e))
        out.append(Candidate(s, e, article.text[s:e], m.kind if m.kind != "place" else "place", m.label, m.origin))
    covered = [(c.start, c.end) for c in out] + [(m.start, m.end) for m in article.mentions
                                                 if m.kind in ("date", "number")]
    run: list[int] = []
    sent_first = toks[0] if toks else -1

    def flush() -> None:
        while run and article.tokens[run[-1]].text.lower() in _CONNECT:
            run.pop()
        if run:
            s, e = article.tokens[run[0]].start, article.tokens[run[-1]].end
            words = [article.tokens[i].text.lower() for i in run]
            if not (len(run) == 1 and (run[0] == sent_first or words[0] in _MONTHS)) and (s, e) not in seen:
                seen.add((s, e))
                out.append(Candidate(s, e, article.text[s:e], "caps", "", "rule"))
        run.clear()

    for i in toks:
        t = article.tokens[i]
        if any(s <= t.start < e for s, e in covered):
            flush()
            continue
        cap = (t.text[:1].isupper() and any(ch.isalpha() for ch in t.text) and t.text.lower() not in _MONTHS) or \
            bool(_PREFIXED.match(t.text))
        nxt = toks.index(i) + 1
        article_prefix = not run and t.text.lower() in _ARTICLE_PREFIX and nxt + 1 < len(toks) and \
            article.tokens[toks[nxt]].text == "-" and article.tokens[toks[nxt + 1]].text[:1].isupper()
        if cap or article_prefix or (run and t.text.lower() in _CONNECT):
            run.append(i)
        else:
            flush()
    flush()
    _merge(article.text, out, seen)
    return out


_GEO_HEADS = {"gulf", "bay", "strait", "straits", "sea", "lake", "cape", "isle", "island", "islands", "gate", "port",
              "mount", "valley", "republic", "kingdom", "province", "city", "governorate", "district", "state"}
_COMPASS_ADJ = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower"}


_BORDER = re.compile(r"\b[A-Z][a-z]+\s?-\s?[A-Z][a-z]+\s+(?:border|frontier|boundary)\b")


def _merge(text: str, out: list[Candidate], seen: set[tuple[int, int]]) -> None:
    """Names the taggers split: "Western| Afghanistan", "Gulf| of |Aden", "Cote| d'Ivoire", "Route| 58"; and
    "Lebanese-Israeli border" (a border of two named countries, starting at a candidate)."""
    extra: list[Candidate] = []
    by_start = sorted(out, key=lambda c: c.start)
    for a in by_start:
        low = a.text.lower()
        tail = re.match(r" (?:d'|d’)\w+| \d{1,4}\b", text[a.end:a.end + 30])
        if tail and (tail.group().strip()[:1] == "d" or low in ("route", "highway", "road", "hill")):
            extra.append(Candidate(a.start, a.end + tail.end(), text[a.start:a.end + tail.end()], "place", a.label,
                                   "merge"))
        for b in by_start:
            if b.start <= a.end or b.start - a.end > 5:
                continue
            gap = text[a.end:b.start]
            if (gap == " " and low in _COMPASS_ADJ) or (gap == " of " and low in _GEO_HEADS and " " not in a.text):
                extra.append(Candidate(a.start, b.end, text[a.start:b.end], "place", b.label, "merge"))
    # "the Lebanese-Israeli border": the border of two named countries is itself a place (the annotators' span)
    lo, hi = min((c.start for c in out), default=0), max((c.end for c in out), default=0)
    for m in _BORDER.finditer(text, lo, hi + 12):
        if any(c.start == m.start() for c in out):
            extra.append(Candidate(m.start(), m.end(), m.group(), "place", "LOC", "merge"))
    for c in extra:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)


def featurize(article: Article, sent: Span, trigger: Span, cands: list[Candidate],
              rule_choice: list[Mention] | None = None) -> None:
    """Fill ``c.feats`` for every candidate (in place)."""
    text = article.text
    toks = [i for i, t in enumerate(article.tokens) if sent.start <= t.start and t.end <= sent.end]
    parsed = any(article.tokens[i].dep for i in toks)
    trig = _tokens_in(article, trigger.start, trigger.end, toks)
    verb = (_head(article, trig) if parsed else (trig[-1] if trig else None)) if trig else None
    vlemma = article.tokens[verb].lemma if verb is not None else ""
    rule_spans = [(m.start, m.end) for m in rule_choice or []]
    n = len(cands)
    order = sorted(range(n), key=lambda k: abs(cands[k].start - trigger.start))
    rank = {k: r for r, k in enumerate(order)}
    verb_chain = _ancestors(article, verb) if (parsed and verb is not None) else []
    for k, c in enumerate(cands):
        f: dict[str, float] = {"bias": 1.0, f"kind={c.kind}": 1.0, f"label={c.label or '-'}": 1.0,
                               f"origin={c.origin or '-'}": 1.0}
        inside = _tokens_in(article, c.start, c.end, toks)
        words = [article.tokens[i].text for i in inside]
        f[f"ntok={min(len(words), 4)}"] = 1.0
        if words and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            f["all_cap_initial"] = 1.0
        if words and any(w.isupper() and len(w) > 1 for w in words):
            f["has_acronym"] = 1.0
        if _is_country(c.text):
            f["country"] = 1.0
        if _ACTOR_AFTER.match(text[c.end:c.end + 40]):
            f["actor_noun_after"] = 1.0
        gaz = _gazetteer_info(c.text)
        if gaz is None:
            f["gaz=none"] = 1.0
        elif gaz[0] & _DEMONYM and not gaz[0] & _PRIMARY:
            f["gaz=demonym"] = 1.0
        else:
            f[f"gaz_rank={min(gaz[1], 4)}"] = 1.0
        if _CONTAINER_OF.search(text[max(sent.start, c.start - 40):c.start]):
            f["container_of"] = 1.0  # "the village of Ashmi", "the settlements of Arbin"
        if any(abs(s - c.start) < 2 and abs(e - c.end) < 2 for s, e in rule_spans):
            f["rule_choice"] = 1.0
        elif any(s < c.end and c.start < e for s, e in rule_spans):
            f["rule_overlap"] = 1.0
        if not rule_spans:
            f["rule_none"] = 1.0
        # linear context
        before = [i for i in toks if article.tokens[i].end <= c.start][-3:]
        after = [i for i in toks if article.tokens[i].start >= c.end][:2]
        prev = [article.tokens[i].text.lower() for i in before]
        nxt = [article.tokens[i].text.lower() for i in after]
        p1 = prev[-1] if prev else "<s>"
        f["prev=" + (p1 if p1 in PREPS or p1 in _PREV_KEEP else "other")] = 1.0
        lin_prep = next((w for w in reversed(prev) if w in PREPS), "")
        if lin_prep:
            f[f"lin_prep={lin_prep}"] = 1.0
        n1 = nxt[0] if nxt else "</s>"
        f[f"next={n1 if n1 in _NEXT_WORDS else ('Cap' if n1[:1].isupper() else 'other')}"] = 1.0
        if _POSSESSIVE.match(text, c.end):
            f["possessive"] = 1.0
        if _SOURCE_BEFORE.search(text[max(sent.start, c.start - 80):c.start]):
            f["source_context"] = 1.0  # "according to Los Angeles television", "media sources in Nineveh"
        # position relative to the trigger
        side = "after" if c.start >= trigger.end else ("before" if c.end <= trigger.start else "overlap")
        f[f"side={side}"] = 1.0
        tokdist = len([i for i in toks if min(c.end, trigger.end) <= article.tokens[i].start
                       < max(c.start, trigger.start)])
        f[f"{side}_logdist"] = math.log1p(tokdist)
        f[f"rank={min(rank[k], 3)}"] = 1.0
        f[f"ncands={min(n, 5)}"] = 1.0
        between = text[min(c.end, trigger.end):max(c.start, trigger.start)]
        if re.search(r"[;:]", between):
            f["semicolon_between"] = 1.0
        if re.search(r"\b(?:said|says|told|while|but|whereas|after|before|when)\b", between):
            f["clause_word_between"] = 1.0
        if c.start - sent.start < 3:
            f["sent_initial"] = 1.0
        # containers: another candidate right after ("Aleppo, Syria") or a place before with 's
        for j, o in enumerate(cands):
            if j == k:
                continue
            gap = text[c.end:o.start] if o.start >= c.end else None
            if gap is not None and re.fullmatch(r"\s*,\s*", gap):
                f["followed_by_comma_cand"] = 1.0
            gap2 = text[o.end:c.start] if c.start >= o.end else None
            if gap2 is not None and re.fullmatch(r"\s*,\s*", gap2):
                f["after_comma_cand"] = 1.0
            if gap2 is not None and re.fullmatch(r"\s*" + _POSS + r"\s*", gap2):
                f["after_possessive_cand"] = 1.0
            if gap is not None and re.fullmatch(r"\s*(?:and|or|,\s*and)\s*", gap) or \
                    gap2 is not None and re.fullmatch(r"\s*(?:and|or|,\s*and)\s*", gap2):
                f["coordinated_cand"] = 1.0
        for j, o in enumerate(cands):
            if j == k:
                continue
            if o.start >= c.end and re.fullmatch(r"\s*(?:,|in|near|at|outside|of|on the outskirts of|in the (?:city|town|"
                                                 r"village|province|district|capital|north|south|east|west) of|"
                                                 r"in (?:central|northern|southern|eastern|western|nearby)|"
                                                 r"(?:north|south|east|west)(?:east|west)? of|close to)\s*(?:the\s+)?",
                                                 text[c.end:o.start]):
                f["inside_next_cand"] = 1.0
                c.within.append((o.start, o.end))
                if not _is_country(c.text) and _is_country(o.text):
                    f["inside_next_country"] = 1.0
            if c.start >= o.end and re.fullmatch(r"\s*(?:,|in|near|at|outside|of|in the (?:city|town|village|province|"
                                                 r"district|capital|north|south|east|west) of|in (?:central|northern|"
                                                 r"southern|eastern|western|nearby)|(?:north|south|east|west)(?:east|west)? "
                                                 r"of|close to)\s*(?:the\s+)?", text[o.end:c.start]):
                f["contains_prev_cand"] = 1.0
            if o.start >= c.end and re.fullmatch(r"\s*" + _POSS + r"\s*(?:\w+\s+){0,2}", text[c.end:o.start]):
                f["possessor_of_cand"] = 1.0
                o.within.append((c.start, c.end))
            if o.start >= c.end and (o.start, o.end) not in c.within and _INSIDE_LOOSE.fullmatch(text[c.end:o.start]):
                c.within.append((o.start, o.end))  # "al-Tijara neighbourhood in central Damascus"
        if parsed and verb is not None and inside:
            _parse_features(article, f, inside, verb, verb_chain, vlemma)
            heads = [_head(article, _tokens_in(article, o.start, o.end, toks)) for o in cands]
            mine = _ancestors(article, heads[k]) if heads[k] is not None else []
            if any(j != k and hj is not None and hj in mine[1:5] for j, hj in enumerate(heads)):
                f["under_other_cand"] = 1.0  # "Mecca" in "Mecca's Al-Nur hospital", "Damascus" under "neighbourhood"
            if any(j != k and hj is not None and heads[k] in _ancestors(article, hj)[1:5] for j, hj in enumerate(heads)):
                f["over_other_cand"] = 1.0
        elif not parsed:
            f["no_parse"] = 1.0
        _cross(f)
        c.feats = f
    placelike = [c for c in cands if c.kind in ("place", "caps") and "actor_noun_after" not in c.feats
                 and "gaz=demonym" not in c.feats]
    for c in cands:
        c.feats[f"nplaces={min(len(placelike), 3)}"] = 1.0
    _coordinate(article, toks, cands, parsed)
    for c in cands:
        if c.coord:
            c.feats["coordinated_list"] = 1.0
    # the candidate nearest the trigger in the tree, and the nearest after a locative preposition
    dists = [c.feats.get("tree_dist", 99.0) for c in cands]
    for k, c in enumerate(cands):
        better = sum(1 for d in dists if d < dists[k])
        c.feats[f"tree_rank={min(better, 2)}"] = 1.0
    loc_idx = [k for k, c in enumerate(cands) if any(key.startswith(("prep=in", "prep=at", "prep=near", "lin_prep=in",
                                                                     "lin_prep=at", "lin_prep=near")) for key in c.feats)]
    if loc_idx:
        best = min(loc_idx, key=lambda k: (dists[k], abs(cands[k].start - trigger.start)))
        cands[best].feats["nearest_locative"] = 1.0


def _cross(f: dict[str, float]) -> None:
    """Pair the governing preposition with what the name is: "in" + a gazetteer town is a strong sign,
    "in" + an unknown capitalised run or a person name a weaker one (a linear model cannot learn that alone)."""
    prep = next((k for k in f if k.startswith("prep=")), "prep=none")
    gaz = next((k for k in f if k.startswith("gaz")), "gaz=none")
    kind = next((k for k in f if k.startswith("kind=")), "kind=none")
    f[f"x:{gaz}|{prep}"] = 1.0
    f[f"x:{kind}|{prep}"] = 1.0


def _parse_features(article: Article, f: dict[str, float], inside: list[int], verb: int, verb_chain: list[int],
                    vlemma: str) -> None:
    toks = article.tokens
    h = _head(article, inside)
    if h is None:
        return
    t = toks[h]
    f[f"dep={t.dep}"] = 1.0
    f[f"pos={t.pos}"] = 1.0
    # climb through name-internal and modifier links to the noun phrase's attachment
    cur = h
    climbed = 0
    while climbed < 4 and toks[cur].dep in ("compound", "flat", "appos", "conj", "poss", "amod", "nmod", "nummod") \
            and toks[cur].head >= 0:
        f[f"via={toks[cur].dep}"] = 1.0
        cur = toks[cur].head
        climbed += 1
    att = toks[cur]
    f[f"att_dep={att.dep}"] = 1.0
    if att.head >= 0:
        parent = toks[att.head]
        if att.dep == "pobj":
            f[f"prep={parent.lemma if parent.lemma in PREPS else 'other'}"] = 1.0
            gp = toks[parent.head] if parent.head >= 0 else None
            if gp is not None:
                f[f"prep_attach_pos={gp.pos}"] = 1.0
                if parent.lemma == "of" and gp.pos == "NOUN":
                    f["of_noun"] = 1.0
                    f[f"of_noun_is_container={gp.lemma in _CONTAINER}"] = 1.0
            if parent.head == verb:
                f["prep_on_trigger"] = 1.0
        if att.head == verb:
            f[f"trigger_child_dep={att.dep}"] = 1.0
    chain_c = _ancestors(article, h)
    common = next((a for a in chain_c if a in verb_chain), None)
    if common is None:
        f["no_common_ancestor"] = 1.0
        return
    up_c = chain_c.index(common)
    up_v = verb_chain.index(common)
    f["tree_dist"] = math.log1p(up_c + up_v)
    f[f"tree_dist={min(up_c + up_v, 8)}"] = 1.0
    f[f"verb_up={min(up_v, 3)}"] = 1.0
    if common == verb:
        f["under_trigger"] = 1.0
    if common in inside:
        f["trigger_under_cand"] = 1.0
    crossed = [toks[i] for i in chain_c[1:up_c]] + [toks[i] for i in verb_chain[:up_v]]
    clauses = sum(1 for x in crossed if x.dep in _CLAUSE_DEPS and x.pos in ("VERB", "AUX"))
    f[f"clauses={min(clauses, 2)}"] = 1.0
    if any(x.lemma in ("say", "tell", "report", "accuse", "claim") for x in crossed + [toks[common]]):
        f["via_say"] = 1.0
    if toks[common].pos == "NOUN" or toks[common].pos == "PROPN":
        f["common_is_noun"] = 1.0
    if any(x.dep in ("nsubj", "nsubjpass") for x in [toks[i] for i in chain_c[:up_c]]):
        f["in_subject"] = 1.0
    verb_key = vlemma if vlemma in _VERBS else "other"
    f[f"verb={verb_key}"] = 1.0
    # what the trigger does to the place: "captured Goma", "the Gulf of Aden is patrolled" name the place
    # acted on, "killed Mohammad" a person
    if att.head == verb:
        f[f"x:verb={verb_key}|{att.dep}"] = 1.0


_CONTAINER = {"city", "town", "village", "villages", "province", "district", "region", "area", "areas", "outskirts",
              "suburb", "suburbs", "neighbourhood", "neighborhood", "capital", "state", "county", "governorate",
              "municipality", "camp", "port", "island", "countryside", "border", "streets", "centre", "center",
              "south", "north", "east", "west", "heart", "edge", "part", "parts", "downtown"}
_VERBS = {"kill", "capture", "shoot", "detonate", "patrol", "march", "demonstrate", "launch", "target", "destroy",
          "protest", "bomb", "shell", "murder", "occur", "begin", "wound", "attack", "continue", "say", "injure"}

_COUNTRY_CACHE: dict[str, bool] = {}
_GAZ_CACHE: dict[str, tuple[int, int] | None] = {}
_DEMONYM, _PRIMARY = 1, 4  # automaton flags (eventwire.gazetteer.sources)
_CONTAINER_OF = re.compile(r"\b(?:city|town|towns|village|villages|province|district|region|area|governorate|"
                           r"municipality|settlements?|neighbou?rhood|suburb|camp|port|island|capital|state|county|"
                           r"countryside|outskirts|vicinity)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_NP_LINKS = ("compound", "flat", "amod", "nmod", "nummod")
# "'s", or an apostrophe lost in transcoding ("Syria   s Raqqa": the mark became spaces)
_POSS = r"(?:'s|’s|\s{2,}s(?=\s|$))"
_POSSESSIVE = re.compile(_POSS)
_SOURCE_BEFORE = re.compile(r"(?:\baccording to\b[^,;.]{0,60}|\b(?:sources?|media|officials?|correspondents?|reporters?|"
                            r"radio|television|TV|station|agency|newspaper|daily|residents?|witness(?:es)?)\s+"
                            r"(?:in|from|based in|at)\s+(?:the\s+)?)$", re.IGNORECASE)
_PLACE_NOUNS = (r"(?:city|town|village|villages|province|district|region|area|neighbou?rhood|quarter|suburb|camp|"
                r"valley|crossing|museum|palace|square|hospital|market|mosque|airport|base|prison|station|school|"
                r"street|road|bridge|checkpoint|capital|governorate|state|county|countryside|outskirts|settlement)")
# the gap between a place and the candidate naming its container: "X neighbourhood in central Y", "X area of
# Y district", "X in the former Y", "X, in Z's easternmost province of Y", "X in the Tunisian capital of Y"
_INSIDE_LOOSE = re.compile(r"\s*,?\s*(?:" + _PLACE_NOUNS + r"\s+)?(?:in|near|at|outside|of|close to|on the outskirts of|"
                           r"(?:north|south|east|west)(?:east|west)? of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                           r"(?:" + _PLACE_NOUNS + r"\s+of\s+(?:the\s+)?)?", re.IGNORECASE)


def _gazetteer_info(name: str) -> tuple[int, int] | None:
    """(flags, rank) of a name in the gazetteer's detection automaton (None when it names no place)."""
    if name not in _GAZ_CACHE:
        try:
            from ..gazetteer.detect import surface_info

            _GAZ_CACHE[name] = surface_info(name)
        except (ImportError, OSError, RuntimeError, ValueError):
            _GAZ_CACHE[name] = None
    return _GAZ_CACHE[name]


def _np_path(article: Article, i: int) -> list[tuple[int, str]]:
    """(token, how the previous token hangs on it) up a name's noun phrase: name-internal links, "the town of
    X" to 'town', an apposition to its head, a conjunct to the first conjunct."""
    toks = article.tokens
    path = [(i, "")]
    for _ in range(8):
        t = toks[i]
        if t.head < 0 or t.head == i:
            break
        parent = toks[t.head]
        if t.dep in _NP_LINKS and parent.pos in ("NOUN", "PROPN") or t.dep in ("conj", "appos"):
            i, edge = t.head, t.dep
        elif t.dep == "pobj" and parent.lemma == "of" and parent.head >= 0 and toks[parent.head].lemma in _CONTAINER:
            i, edge = parent.head, "of"
        else:
            break
        if any(i == j for j, _ in path):
            break
        path.append((i, edge))
    return path


def _joined(pa: list[tuple[int, str]], pb: list[tuple[int, str]]) -> bool:
    """Two names in one coordination: their phrases meet at a token each reaches by a conjunction or is."""
    ids_b = [j for j, _ in pb]
    for ia, (tok, _e) in enumerate(pa):
        if tok in ids_b:
            ib = ids_b.index(tok)
            into = {pa[ia][1] if ia else "", pb[ib][1] if ib else ""}
            return "conj" in into and into <= {"conj", ""}
    return False


_SEMI_LIST = re.compile(r"\s*(?:-\s*)?[^;:.()]{0,30}(?:;|;?\s+and)\s*(in|at|near)\s+(?:[\w-]+\s+)?", re.IGNORECASE)


def _coordinate(article: Article, toks: list[int], cands: list[Candidate], parsed: bool) -> None:
    """Fill ``c.coord``: the candidates in one list with ``c`` ("Jumla and Diwan", "Arbin, Hawsh Nasri and
    Jobar"), by the parse's conjunctions or, without a parse, an "and"/"or" between them; and items of a
    list of prepositional phrases ("in Aleppo - 6 times; in Hama - 4 times and in Deraa - 1 time")."""
    text = article.text
    paths: list[list[tuple[int, str]] | None] = []
    for c in cands:
        h = _head(article, _tokens_in(article, c.start, c.end, toks)) if parsed else None
        paths.append(None if h is None else _np_path(article, h))
    for k, c in enumerate(cands):
        for j, o in enumerate(cands):
            if j == k or (o.start < c.end and c.start < o.end):
                continue
            gap = text[min(c.end, o.end):max(c.start, o.start)]
            linear = bool(re.fullmatch(r"\s*(?:and|or|,\s*and|,\s*or)\s*", gap))
            semi = _SEMI_LIST.fullmatch(gap)
            if semi:  # "in Aleppo - 6 times; in highland Latakia - 2 times": items of one list
                first = c if c.start < o.start else o
                linear = bool(re.search(r"\b" + semi.group(1) + r"\s+(?:[\w-]+\s+)?$",
                                        text[max(0, first.start - 25):first.start], re.IGNORECASE))
            pk, pj = paths[k], paths[j]
            if linear or (pk is not None and pj is not None and _joined(pk, pj)):
                c.coord.append((o.start, o.end))


def _is_country(name: str) -> bool:
    if name not in _COUNTRY_CACHE:
        try:
            import pycountry

            _COUNTRY_CACHE[name] = pycountry.countries.get(name=name) is not None or name in (
                "U.S.", "US", "USA", "UK", "Britain", "Russia", "Iran", "Syria", "America", "the United States")
        except (LookupError, KeyError, ImportError):
            _COUNTRY_CACHE[name] = False
    return _COUNTRY_CACHE[name]

"""Candidate places of one event and their features, for the trained event-location chooser.

Candidates are the sentence's place mentions (NER GPE/LOC/FAC and dictionary places), its
organisation/person mentions (taggers confuse "Al-Nur hospital" or "Dunya Pur" with them) and runs
of capitalised words no mention covers (places both taggers miss). Each candidate gets a sparse
feature vector: what kind of mention it is, how it attaches in the parse (dependency of its head, the
governing preposition, the tree distance to the event's trigger, clauses crossed), what stands
around it (preposition before, the word after, "'s"), where it is relative to the trigger, whether
it is a country or is followed by an actor noun ("U.S. forces"), and whether the hand-written
chooser (:mod:`eventwire.extract.location`) picks it. Without a parse (rules backend) the parse
features are absent and the linear ones carry the decision. Features are names; the model maps
names to weights, so this module can grow a feature without breaking shipped weights.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..model import Article, Mention, Span

FEATURE_VERSION = "2"

PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into", "on",
         "along", "off", "between", "over", "towards", "toward", "to", "through", "beyond", "from", "behind",
         "among", "amid", "onto", "by", "of", "for", "against", "during", "after", "before", "with", "under",
         "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "out", "via", "since",
         "about", "like", "than", "including"}
_NEXT_WORDS = {"'s", "’s", ",", ".", "-", "province", "city", "district", "region", "town", "village", "villages",
               "area", "governorate", "state", "county", "border", "camp", "hospital", "school", "street", "road",
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
    return out


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
        after_text = text[c.end:c.end + 3]
        if after_text.startswith(("'s", "’s")):
            f["possessive"] = 1.0
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
            if gap2 is not None and re.fullmatch(r"\s*(?:'s|’s)\s*", gap2):
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
                if not _is_country(c.text) and _is_country(o.text):
                    f["inside_next_country"] = 1.0
            if c.start >= o.end and re.fullmatch(r"\s*(?:,|in|near|at|outside|of|in the (?:city|town|village|province|"
                                                 r"district|capital|north|south|east|west) of|in (?:central|northern|"
                                                 r"southern|eastern|western|nearby)|(?:north|south|east|west)(?:east|west)? "
                                                 r"of|close to)\s*(?:the\s+)?", text[o.end:c.start]):
                f["contains_prev_cand"] = 1.0
            if o.start >= c.end and re.fullmatch(r"\s*(?:'s|’s)\s*(?:\w+\s+){0,2}", text[c.end:o.start]):
                f["possessor_of_cand"] = 1.0
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
        c.feats = f
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
    f[f"verb={vlemma if vlemma in _VERBS else 'other'}"] = 1.0


_CONTAINER = {"city", "town", "village", "villages", "province", "district", "region", "area", "areas", "outskirts",
              "suburb", "suburbs", "neighbourhood", "neighborhood", "capital", "state", "county", "governorate",
              "municipality", "camp", "port", "island", "countryside", "border", "streets", "centre", "center",
              "south", "north", "east", "west", "heart", "edge", "part", "parts", "downtown"}
_VERBS = {"kill", "capture", "shoot", "detonate", "patrol", "march", "demonstrate", "launch", "target", "destroy",
          "protest", "bomb", "shell", "murder", "occur", "begin", "wound", "attack", "continue", "say", "injure"}

_COUNTRY_CACHE: dict[str, bool] = {}


def _is_country(name: str) -> bool:
    if name not in _COUNTRY_CACHE:
        try:
            import pycountry

            _COUNTRY_CACHE[name] = pycountry.countries.get(name=name) is not None or name in (
                "U.S.", "US", "USA", "UK", "Britain", "Russia", "Iran", "Syria", "America", "the United States")
        except (LookupError, KeyError, ImportError):
            _COUNTRY_CACHE[name] = False
    return _COUNTRY_CACHE[name]

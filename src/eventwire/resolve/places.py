"""Resolve the place mentions of one document jointly to gazetteer places.

Ranking combines the match tier and string similarity, the kind of place, population, the
document's country/ADM1 profile (with the caller's country prior and the dateline), explicit
containment ("X, Y", "X in Y province"), and spatial coherence with the document's other places.
Countries, ADM1 and regions are resolved first; the rest are conditioned on them. Demonyms map to
countries/regions only; "Washington said" is the capital. A mention with no candidate inside the
document's area gets ``None`` rather than a far-away guess, and one bad mention never fails the rest.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import detect as _detect
from ..gazetteer.detect import find_place_mentions
from ..gazetteer.index import Candidate, Gazetteer, PlaceRow, gazetteer, haversine
from ..gazetteer.keys import ADMIN_SUFFIXES, norm_key
from ..model import Place

__all__ = ["find_place_mentions", "combine_place_mentions", "container_place_mentions", "find_demonym_mentions",
           "resolve_places", "lookup",
           "geo_precision", "is_near"]

log = logging.getLogger(__name__)



@dataclass
class Weights:
    """Ranking weights (log-odds-like units), fitted on the pooled dev halves of four corpora."""

    tier: tuple[float, ...] = (0.0, -0.3, -1.2, -5.0)
    short_norm: float = -2.0  # a short/code-like query that only matches after normalisation
    sim: float = 10.0
    kind: dict[str, float] = field(default_factory=lambda: {
        "country": 4.5, "adm1": 2.2, "region": 1.4, "capital": 1.6, "adm2": -0.3, "city": 0.0})
    alias_admin: float = -0.8  # an ADM1/ADM2 matched only through an alternate name
    alias_place: float = -0.2  # a town matched only through an alternate name ("Mexico" -> Mexico City)
    seat: float = -3.0  # an ADM1/ADM2 named after a town inside it, when the mention has no admin word
    pop: float = 0.8
    code: float = -0.5
    country: float = 3.0
    adm1: float = 1.25
    contain: float = 2.5
    contain_miss: float = -1.0
    metonymy: float = 3.0
    coherence: float = 2.5
    coherence_km: float = 150.0
    none_below: float = -0.5
    far_km: float = 2000.0  # a weak reading this far from every other place, in a country the
    # document never mentions otherwise, is a far-away guess: no answer


W = Weights()
_UNKNOWN_TOWN_POP = 1000
_METONYMY = re.compile(
    r"^(?:'s|’s)?\s*(?:has|have|had|will|would|said|says|say|wants|announced|accused|warned|insisted|denied|"
    r"refused|rejected|condemned|threatened|urged|agreed|responded|officials?|government|administration)\b")
_CONTAIN_LINK = re.compile(r"^\s*(?:,|\bin\b|\bof\b|\bnear\b)\s*(?:the\s+)?$", re.I)
_COMMA_TAIL = re.compile(r"^\s*,\s*((?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.|[A-Z]{2,3}\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|close to|north of|south of|east of|west of|"
                   r"northeast of|northwest of|southeast of|southwest of|km from|miles from)\s+(?:the\s+)?$", re.I)
_BROAD = frozenset({"country", "adm1", "region"})
_ADMIN_OF = re.compile(r"\b(?:province|governorate|state|region|district|county|prefecture)\s+of\s+(?:the\s+)?$", re.I)


@dataclass
class _Group:
    """All mentions of one surface form (one sense per discourse)."""

    key: str
    surface: str
    idx: list[int] = field(default_factory=list)
    cands: tuple[Candidate, ...] = ()
    containers: list[tuple[Candidate, ...]] = field(default_factory=list)
    metonymy: bool = False
    choice: Candidate | None = None
    score: float = 0.0
    far: bool = False  # the choice is a far-away guess: answer None (or the document's focus)
    seats: frozenset[int] = frozenset()  # admin areas that share this name with a town inside them


def _prior(c: Candidate, surface: str = "") -> float:
    p = c.place
    # cities500 holds towns of 500+ people; a population of 0 there means "unknown", not "empty"
    pop = max(p.pop, _UNKNOWN_TOWN_POP) if p.kind in ("city", "capital") else p.pop
    s = W.tier[c.tier] + (c.sim - 1.0) * W.sim + W.kind.get(p.kind, 0.0) + W.pop * math.log10(pop + 10)
    if c.tier == 1 and len(surface) <= 4:
        s += W.short_norm
    if c.code:
        s += W.code
    if not c.primary and not c.code:
        s += W.alias_admin if p.kind in ("adm1", "adm2") else W.alias_place
    return s


def _contained(c: Candidate, container: tuple[Candidate, ...]) -> bool:
    p = c.place
    for k in container:
        q = k.place
        if q.id in (p.adm1, p.adm2) or (q.kind == "country" and q.cc == p.cc and p.id != q.id):
            return True
        if q.kind == "region" and haversine(p.lat, p.lon, q.lat, q.lon) < 400:
            return True
    return False


def _share(counts: Counter, key: object, own: object, weight: int) -> float:
    """How strongly the rest of the document points at ``key``: its count over the top count,
    leaving this mention's own contribution out."""
    if own is None:
        rest = counts
    else:
        rest = counts.copy()
        rest[own] -= weight
    top = max(rest.values(), default=0)
    return max(rest[key], 0) / top if top > 0 else 0.0


_CITY_WORD = re.compile(r"\s+city\b")
_CITY_OF = re.compile(r"\bcity\s+of\s+$", re.I)
_PROVINCE_WORD = re.compile(r"\s+(?:province|governorate|countryside)\b")


def _seats(cands: tuple[Candidate, ...], after: str) -> frozenset[int]:
    """Admin areas named like a town inside them ("Raqqa", "Mosul"), unless "X province" is written."""
    words = after.split()
    if words and words[0].strip(".,;:").casefold() in ADMIN_SUFFIXES:
        return frozenset()
    towns = [c.place for c in cands if c.primary and c.place.kind in ("city", "capital")]
    return frozenset(c.place.id for c in cands if c.place.kind in ("adm1", "adm2")
                     and any(t.adm1 == c.place.id or t.adm2 == c.place.id for t in towns))


class _Doc:
    def __init__(self, gz: Gazetteer, text: str, spans: list[tuple[int, int]], country_prior: str | None,
                 dateline: str):
        self.gz = gz
        self.text = text
        self.spans = spans
        self.groups: dict[str, _Group] = {}
        self.of_span: list[_Group | None] = []
        self.base_countries: Counter[str] = Counter()
        self.base_adm1s: Counter[int] = Counter()
        if country_prior:
            self.base_countries[country_prior.upper()[:2]] += 3
        if dateline.strip():
            cands = self._cands(dateline.strip())
            if cands:
                top = max(cands, key=_prior).place
                self.base_countries[top.cc] += 2
                if top.adm1 or top.kind == "adm1":
                    self.base_adm1s[top.adm1 or top.id] += 1
        self.countries: Counter[str] = Counter(self.base_countries)
        self.adm1s: Counter[int] = Counter(self.base_adm1s)
        self._collect()

    def _cands(self, surface: str) -> tuple[Candidate, ...]:
        try:
            cands = self.gz.candidates(surface)
        except Exception:  # noqa: BLE001 - one bad mention must not fail the document
            log.exception("gazetteer lookup failed for %r", surface)
            return ()
        demonyms = tuple(c for c in cands if c.demonym and c.tier <= 1)
        if demonyms:
            return demonyms
        looks_code = len(surface) <= 3 or surface.endswith(".") or surface.isupper()
        return tuple(c for c in cands if looks_code or not c.code)

    def _collect(self) -> None:
        for i, (start, end) in enumerate(self.spans):
            surface = self.text[start:end].strip()
            if not surface or start < 0 or end > len(self.text):
                self.of_span.append(None)
                continue
            key = norm_key(surface)
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = _Group(key, surface, cands=self._cands(surface))
                group.seats = _seats(group.cands, self.text[end:end + 16])
            group.idx.append(i)
            self.of_span.append(group)
            if group.seats and (_ADMIN_OF.search(self.text[max(0, start - 30):start])
                                or not _seats(group.cands, self.text[end:end + 16])):
                group.seats = frozenset()  # "the province of Idlib" / "Idlib province" somewhere: the area is meant
            after = self.text[end:end + 40]
            if _METONYMY.match(after):
                group.metonymy = True
            container = self._container(i, end)
            if container:
                group.containers.append(container)

    def _container(self, i: int, end: int) -> tuple[Candidate, ...]:
        """Candidates of Y in 'X, Y' / 'X in Y' (Y the next span, or a capitalised tail after a comma)."""
        if i + 1 < len(self.spans):
            nstart, nend = self.spans[i + 1]
            if 0 <= nstart - end <= 8 and _CONTAIN_LINK.match(self.text[end:nstart]):
                return tuple(c for c in self._cands(self.text[nstart:nend]) if c.place.kind in _BROAD | {"adm2"})
        m = _COMMA_TAIL.match(self.text[end:end + 40])
        if m:
            return tuple(c for c in self._cands(m.group(1)) if c.place.kind in _BROAD)
        return ()

    def score(self, g: _Group, c: Candidate) -> float:
        """Prior + document profile (leave-one-out) + containment + metonymy + coherence."""
        p = c.place
        s = _prior(c, g.surface)
        own = g.choice.place if g.choice is not None else None
        weight = min(len(g.idx), 3)
        own_cc = own.cc if own is not None else None
        own_a1 = (own.id if own.kind == "adm1" else own.adm1) if own is not None else None
        s += W.country * _share(self.countries, p.cc, own_cc, weight)
        a1 = p.id if p.kind == "adm1" else p.adm1
        if a1 and p.kind not in ("country", "region"):
            s += W.adm1 * _share(self.adm1s, a1, own_a1, weight)
        if g.containers:
            s += W.contain if any(_contained(c, k) for k in g.containers) else W.contain_miss
        if p.kind in ("adm1", "adm2") and g.seats and p.id in g.seats:
            s += W.seat
        if g.metonymy and p.kind == "capital":
            s += W.metonymy
        if p.kind not in ("country", "region", "adm1"):
            near = min((haversine(p.lat, p.lon, o.choice.place.lat, o.choice.place.lon)
                        for o in self.groups.values()
                        if o is not g and o.choice is not None and o.choice.place.kind not in _BROAD),
                       default=None)
            if near is not None:
                s += W.coherence * math.exp(-near / W.coherence_km)
        return s

    def choose(self, g: _Group) -> None:
        if not g.cands:
            g.choice, g.score = None, float("-inf")
            return
        g.score, g.choice = max(((self.score(g, c), c) for c in g.cands), key=lambda x: x[0])

    def _profile(self) -> None:
        self.countries = Counter(self.base_countries)
        self.adm1s = Counter(self.base_adm1s)
        for g in self.groups.values():
            if g.choice is None:
                continue
            p = g.choice.place
            weight = min(len(g.idx), 3)
            self.countries[p.cc] += weight
            if p.kind == "adm1" or p.adm1:
                self.adm1s[p.id if p.kind == "adm1" else p.adm1] += weight

    def run(self) -> None:
        groups = [g for g in self.groups.values() if g.cands]
        # pass 1: each name on its own (prior, dateline, caller's country prior)
        for g in groups:
            g.score, g.choice = max(((_prior(c, g.surface), c) for c in g.cands), key=lambda x: x[0])
        # passes 2-3: countries/ADM1 first, then the rest, each conditioned on all other choices
        for _ in range(2):
            self._profile()
            for g in sorted(groups, key=lambda g: g.choice is None or g.choice.place.kind not in _BROAD):
                self.choose(g)
        self._profile()
        for g in groups:
            if g.choice is not None and self._far_guess(g, g.choice):
                g.far = True

    def _far_guess(self, g: _Group, c: Candidate) -> bool:
        p = c.place
        weak = c.tier >= 2 or not c.primary or (p.kind == "city" and p.pop < 5000)
        if not weak or p.kind in _BROAD:
            return False
        weight = min(len(g.idx), 3)
        if self.countries[p.cc] - weight > 0:
            return False
        others = [o.choice.place for o in self.groups.values()
                  if o is not g and o.choice is not None and not o.far]
        if len(others) < 2:
            return False
        return min(haversine(p.lat, p.lon, o.lat, o.lon) for o in others) > W.far_km

    def focus(self) -> PlaceRow | None:
        """The most mentioned town-level place (for facilities and unknown names inside it)."""
        counts: Counter[int] = Counter()
        rows: dict[int, PlaceRow] = {}
        for g in self.groups.values():
            if g.choice is not None and not g.far and g.choice.place.kind in ("city", "capital", "adm2"):
                counts[g.choice.place.id] += len(g.idx)
                rows[g.choice.place.id] = g.choice.place
        return rows[counts.most_common(1)[0][0]] if counts else None

    def places(self) -> list[Place | None]:
        out: list[Place | None] = []
        focus = self.focus()
        for (start, end), g in zip(self.spans, self.of_span):
            surface = self.text[start:end] if 0 <= start < end <= len(self.text) else ""
            try:
                area_word = bool(_PROVINCE_WORD.match(self.text[end:end + 16])
                                 or _ADMIN_OF.search(self.text[max(0, start - 30):start]))
                city_word = bool(_CITY_WORD.match(self.text[end:end + 8])
                                 or _CITY_OF.search(self.text[max(0, start - 20):start]))
                out.append(self._place(g, surface, focus, area_word, city_word))
            except Exception:  # noqa: BLE001 - one bad mention must not fail the document
                log.exception("could not resolve %r", surface)
                out.append(None)
        return out

    def _place(self, g: _Group | None, surface: str, focus: PlaceRow | None, area_word: bool = False,
               city_word: bool = False) -> Place | None:
        if g is None:
            return None
        if city_word and g.choice is not None and g.choice.place.kind == "adm1":
            # "Hasakah city" / "the city of Hasakah" in a story that reads "Hasakah" as the province: the city
            city = next((c for c in g.cands if c.place.kind in ("city", "capital") and c.place.adm1 == g.choice.place.id),
                        None)
            if city is not None:
                return self.gz.to_place(city.place, tier=city.tier, confidence=0.5, text=surface)
        if area_word and g.choice is not None and g.choice.place.kind in ("city", "capital"):
            # "Aleppo province" or "the province of Aleppo" in a story that reads "Aleppo" as the city elsewhere:
            # this mention is the area
            area = next((c for c in g.cands if c.place.kind in ("adm1", "adm2")
                         and c.place.id in (g.choice.place.adm1, g.choice.place.adm2)), None)
            if area is not None:
                return self.gz.to_place(area.place, tier=area.tier, confidence=0.5, text=surface)
        if g.choice is None or g.far or g.score < W.none_below:
            # a facility, street or unknown name inside the story's town: ACLED codes it to that town
            if focus is None or not surface[:1].isupper() or any(c.demonym for c in g.cands):
                return None
            return self.gz.to_place(focus, tier=1, confidence=0.15, text=surface)
        confidence = 1.0 / (1.0 + math.exp(-(g.score - 4.0) / 2.0))
        return self.gz.to_place(g.choice.place, tier=g.choice.tier, confidence=confidence, text=surface)


def resolve_places(text: str, spans: list[tuple[int, int]], *, country_prior: str | None = None,
                   dateline: str = "") -> list[Place | None]:
    """One ``Place`` (or ``None``) per span, resolving all toponyms of one document jointly."""
    if not spans:
        return []
    try:
        doc = _Doc(gazetteer(), text, list(spans), country_prior, dateline)
        doc.run()
        return doc.places()
    except Exception:  # noqa: BLE001 - the document keeps going without places
        log.exception("place resolution failed")
        return [None] * len(spans)


def lookup(name: str, *, country_prior: str | None = None) -> Place | None:
    """The best place for one name with no context."""
    name = name.strip()
    if not name:
        return None
    return resolve_places(name, [(0, len(name))], country_prior=country_prior)[0]


def geo_precision(place: Place, *, near: bool = False) -> int:
    """ACLED geo_precision: 1 a town, 2 near a town or a small area, 3 a province/country/region."""
    if place.feature in ("city", "capital"):
        return 2 if near or place.confidence < 0.2 else 1
    if place.feature == "adm2":
        return 2
    return 3


def is_near(text: str, start: int) -> bool:
    """True when the words before ``start`` say 'near/outside/north of ...'."""
    return bool(_NEAR.search(text[max(0, start - 30):start]))



# --- detection: dictionary spans combined with statistical NER spans --------------------------------

_NER_PLACE = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset("in at from near outside into across toward towards through via around to between "
                      "throughout inside within".split())
_LEAD_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’]|\s+(?:city|town|area|region|province|state|district|county))$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """An NER span without a leading "the" or a trailing possessive or lower-case area word
    ("the Korean Peninsula" -> "Korean Peninsula", "Nebraska's" -> "Nebraska", "Fargo city" -> "Fargo")."""
    m = _LEAD_THE.match(text[start:end])
    if m:
        start += m.end()
    m = _TRAIL.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in " .,;:-":
        if text[end - 1] == "." and re.search(r"(?:\b[A-Z]|\b[A-Z][a-z]{1,3})\.$", text[start:end]):
            break  # "U.S.", "Mass.": the dot belongs to the name
        end -= 1
    return start, end


def _locative(text: str, start: int, end: int) -> bool:
    """The words around a span read as a place: "in X", "near X", "X, Ga.", "X, Texas"."""
    prev = _detect._prev_word(text, start).lower()
    if prev in _LOCATIVE or prev in ("of", "called", "named") or text[max(0, start - 2):start] == ", ":
        return True
    return bool(_COMMA_TAIL.match(text[end:end + 40]))


def combine_place_mentions(text: str, ner: list[tuple[int, int, str]],
                           blocked: list[tuple[int, int]] = (),
                           names: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Place spans from the dictionary detector and statistical NER (spans ``(start, end, label)``),
    leaving out spans that overlap ``blocked`` (dictionary actors), and towns and NER-only places that
    overlap ``names`` (dictionary persons, NGOs and legislatures: "Red Cross" is no town in North Carolina).

    - A dictionary place is kept unless NER reads it as a person: inside a longer PERSON span ("Jeff
      Davis"), or exactly a PERSON span or a word of a full name used elsewhere in the text ("Davis
      told"), unless it is a country or ADM1, or a large town written as a place ("in Alexandria",
      "Alexandria, Va.", or tagged GPE/LOC elsewhere in the text).
    - An NER GPE/LOC/FAC span that no dictionary place overlaps is kept, trimmed ("the Korean
      Peninsula" -> "Korean Peninsula"), only when the gazetteer knows its name (exact or normalised
      match, not a code) and it is not a surname of the text: NER alone tags too many people,
      streets and buildings as places.
    """
    found, people = _detect.detect_places(text)
    persons = [(s, e) for s, e, label in ner if label == "PERSON"]
    person_set = set(persons)
    person_words = {w for s, e in persons for w in text[s:e].split() if " " in text[s:e].strip()}
    agreed = {text[s:e] for s, e, label in ner if label in ("GPE", "LOC")}
    out: list[tuple[int, int]] = []
    for d in found:
        s, e = d.start, d.end
        if any(bs < e and s < be for bs, be in blocked) or \
                (d.rank < 3 and any(ns < e and s < ne for ns, ne in names)):
            continue
        surface = text[s:e]
        if d.rank < 4 and any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe in persons):
            continue
        if d.rank < 3 and surface in person_words:
            if not (d.rank >= 2 and (_locative(text, s, e) or surface in agreed)):
                continue
        elif d.rank < 2 and (s, e) in person_set and not (_locative(text, s, e) or surface in agreed):
            continue
        out.append((s, e))
    gz = None
    ner_found: set[str] = set()
    for s0, e0, label in ner:
        if label not in _NER_PLACE:
            continue
        s, e = _trim(text, s0, e0)
        if e <= s or any(bs < e0 and s0 < be for bs, be in [*out, *blocked, *names]):
            continue
        surface = text[s:e]
        words = surface.split()
        low = surface.lower()
        if not _detect._proper(surface) or surface in people or surface in person_words:
            continue
        if len(words) == 1 and (low in _detect.FUNCTION_WORDS or low in _detect.COMMON
                                or low.rstrip(".") in _detect.COMPASS):
            continue
        if gz is None:
            gz = gazetteer()
        try:
            cands = gz.candidates(surface)
        except Exception:  # noqa: BLE001 - one bad span must not fail the document
            log.exception("gazetteer lookup failed for %r", surface)
            continue
        if any(c.tier <= 1 and not c.code and not c.demonym for c in cands):
            out.append((s, e))
            ner_found.add(surface)
    out += container_place_mentions(text, [*out, *blocked])
    out += _same_name_again(text, ner_found, [*out, *blocked, *names], people | set(person_words))
    return sorted(out)


def _same_name_again(text: str, surfaces: set[str], taken: list[tuple[int, int]],
                     not_places: set[str]) -> list[tuple[int, int]]:
    """Other mentions of a name that NER found as a place once ("the Qardaha hospital", "outskirts of Qardaha"):
    one name keeps one sense in one story. Not where a capitalised word goes on with it ("Qardaha Hospital")."""
    out: list[tuple[int, int]] = []
    for surface in sorted(surfaces - not_places):
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surface)}(?![\w'’-])", text):
            s, e = m.span()
            if any(ts < e and s < te for ts, te in [*taken, *out]):
                continue
            prev = _detect._prev_word(text, s)
            if _detect._next_word(text, e)[:1].isupper() or prev[:1].isupper() and \
                    not _detect._SENT_END.search(text[max(0, s - len(prev) - 4):s]):
                continue
            out.append((s, e))
    return out


_ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-‑]"
_NAME = rf"((?:{_ARTICLE})?[A-Z][\w'’]+(?:[- ](?:{_ARTICLE})?[A-Z][\w'’]+){{0,2}})"
_CONTAINER_OF = re.compile(
    r"\b(?:town|village|city|suburb|district|neighbou?rhood|governorate|province|settlement|hamlet)s?\s+of\s+"
    rf"{_NAME}|\b(?:in|at|of|near)\s+{_NAME}\s+(?:city|town|village)\b")


def container_place_mentions(text: str, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Names that the text itself calls a place ("the town of Khan Sheikhoun", "the Syrian town of
    al-Qardaha", "in al-Qameshli city") and that no other detector found: the gazetteer needs to know them only up to a
    spelling variant ("Boukamal" for Albu Kamal), since the words before them already say what they are."""
    out: list[tuple[int, int]] = []
    gz = None
    for m in _CONTAINER_OF.finditer(text):
        s, e = m.span(1) if m.group(1) else m.span(2)
        low = text[s:e].lower()
        if any(ts < e and s < te for ts, te in taken) or low in _detect.FUNCTION_WORDS or low in _detect.COMMON:
            continue
        gz = gz or gazetteer()
        try:
            cands = gz.candidates(text[s:e])
        except Exception:  # noqa: BLE001 - one bad span must not fail the document
            log.exception("gazetteer lookup failed for %r", text[s:e])
            continue
        if any(c.tier <= 2 and not c.code and not c.demonym for c in cands):
            out.append((s, e))
    return out


def find_demonym_mentions(text: str, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Adjectival demonyms ("Syrian", "Russian") outside ``taken``; people nouns ("Americans") left out."""
    found, _people = _detect.detect_places(text, demonyms=True)
    return [(d.start, d.end) for d in found if d.demonym and not _detect.is_plural_demonym(text[d.start:d.end])
            and not any(s < d.end and d.start < e for s, e in taken)]

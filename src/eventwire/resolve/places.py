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

from ..gazetteer.detect import find_place_mentions
from ..gazetteer.index import Candidate, Gazetteer, PlaceRow, gazetteer, haversine
from ..gazetteer.keys import norm_key
from ..model import Place

__all__ = ["find_place_mentions", "resolve_places", "lookup", "geo_precision"]

log = logging.getLogger(__name__)

_TIER_PENALTY = (0.0, -0.3, -1.2, -2.5)
_KIND_PRIOR = {"country": 4.5, "adm1": 2.2, "region": 2.0, "capital": 1.6, "adm2": 0.3, "city": 0.0}
_POP_WEIGHT = 0.55
_COUNTRY_WEIGHT = 3.0
_ADM1_WEIGHT = 2.5
_CONTAIN_BONUS = 6.0
_COHERENCE_WEIGHT = 2.5
_COHERENCE_KM = 250.0
_NONE_BELOW = -0.5  # a best score under this is "no answer"
_METONYMY = re.compile(
    r"^(?:'s|’s)?\s*(?:has|have|had|will|would|said|says|say|wants|announced|accused|warned|insisted|denied|"
    r"refused|rejected|condemned|threatened|urged|agreed|responded|officials?|government|administration)\b")
_CONTAIN_LINK = re.compile(r"^\s*(?:,|\bin\b|\bof\b|\bnear\b)\s*(?:the\s+)?$", re.I)
_COMMA_TAIL = re.compile(r"^\s*,\s*((?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.|[A-Z]{2,3}\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|close to|north of|south of|east of|west of|"
                   r"northeast of|northwest of|southeast of|southwest of|km from|miles from)\s+(?:the\s+)?$", re.I)
_BROAD = frozenset({"country", "adm1", "region"})


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


def _prior(c: Candidate) -> float:
    p = c.place
    s = _TIER_PENALTY[c.tier] + (c.sim - 1.0) * 4.0 + _KIND_PRIOR.get(p.kind, 0.0)
    s += _POP_WEIGHT * math.log10(p.pop + 10)
    if c.code:
        s -= 0.5
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


class _Doc:
    def __init__(self, gz: Gazetteer, text: str, spans: list[tuple[int, int]], country_prior: str | None,
                 dateline: str):
        self.gz = gz
        self.text = text
        self.spans = spans
        self.groups: dict[str, _Group] = {}
        self.of_span: list[_Group | None] = []
        self.countries: Counter[str] = Counter()
        self.adm1s: Counter[int] = Counter()
        self.points: list[tuple[int, float, float]] = []  # (group id, lat, lon) of resolved places
        if country_prior:
            self.countries[country_prior.upper()[:2]] += 3
        if dateline.strip():
            cands = self._cands(dateline.strip())
            if cands:
                top = max(cands, key=_prior).place
                self.countries[top.cc] += 2
                if top.adm1:
                    self.adm1s[top.adm1] += 1
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
            group.idx.append(i)
            self.of_span.append(group)
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

    def score(self, g: _Group, c: Candidate, *, coherence: bool) -> float:
        p = c.place
        s = _prior(c)
        total_c = sum(self.countries.values())
        if total_c:
            s += _COUNTRY_WEIGHT * self.countries[p.cc] / total_c
        total_a = sum(self.adm1s.values())
        if total_a and p.kind not in ("country", "adm1", "region"):
            s += _ADM1_WEIGHT * self.adm1s[p.adm1] / total_a
        if g.containers:
            s += _CONTAIN_BONUS if any(_contained(c, k) for k in g.containers) else -1.0
        if g.metonymy and p.kind == "capital":
            s += 3.0
        if coherence and self.points and p.kind not in ("country", "region", "adm1"):
            near = min((haversine(p.lat, p.lon, la, lo) for gid, la, lo in self.points if gid != id(g)),
                       default=None)
            if near is not None:
                s += _COHERENCE_WEIGHT * math.exp(-near / _COHERENCE_KM)
        return s

    def choose(self, g: _Group, *, coherence: bool) -> None:
        if not g.cands:
            g.choice, g.score = None, float("-inf")
            return
        scored = sorted(((self.score(g, c, coherence=coherence), c) for c in g.cands), key=lambda x: -x[0])
        g.score, g.choice = scored[0]

    def add_profile(self, g: _Group) -> None:
        if g.choice is None:
            return
        p = g.choice.place
        weight = min(len(g.idx), 3)
        self.countries[p.cc] += weight
        if p.kind == "adm1":
            self.adm1s[p.id] += weight
        elif p.adm1:
            self.adm1s[p.adm1] += weight
        if p.kind not in ("country", "region"):
            self.points.append((id(g), p.lat, p.lon))

    def run(self) -> None:
        groups = [g for g in self.groups.values() if g.cands]
        # stage 1: countries, ADM1 and regions whose best reading is broad
        broad = []
        for g in groups:
            self.choose(g, coherence=False)
            if g.choice is not None and g.choice.place.kind in _BROAD and g.choice.tier <= 1:
                broad.append(g)
        for g in broad:
            self.add_profile(g)
        # stage 2: everything, conditioned on the broad profile; then once more with coherence
        rest = [g for g in groups if g not in broad]
        for g in rest:
            self.choose(g, coherence=False)
        for g in rest:
            self.add_profile(g)
        for g in groups:
            self.choose(g, coherence=True)

    def focus(self) -> PlaceRow | None:
        """The most mentioned town-level place (for facilities and unknown names inside it)."""
        counts: Counter[int] = Counter()
        rows: dict[int, PlaceRow] = {}
        for g in self.groups.values():
            if g.choice is not None and g.choice.place.kind in ("city", "capital", "adm2"):
                counts[g.choice.place.id] += len(g.idx)
                rows[g.choice.place.id] = g.choice.place
        return rows[counts.most_common(1)[0][0]] if counts else None

    def places(self) -> list[Place | None]:
        out: list[Place | None] = []
        focus = self.focus()
        for (start, end), g in zip(self.spans, self.of_span):
            surface = self.text[start:end] if 0 <= start < end <= len(self.text) else ""
            try:
                out.append(self._place(g, surface, focus))
            except Exception:  # noqa: BLE001 - one bad mention must not fail the document
                log.exception("could not resolve %r", surface)
                out.append(None)
        return out

    def _place(self, g: _Group | None, surface: str, focus: PlaceRow | None) -> Place | None:
        if g is None:
            return None
        if g.choice is None:
            if focus is None or not surface[:1].isupper():
                return None
            return self.gz.to_place(focus, tier=1, confidence=0.15, text=surface)
        if g.score < _NONE_BELOW:
            return None
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


__all__ += ["is_near"]

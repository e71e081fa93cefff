"""The objects that travel through eventwire: typed dataclasses, no I/O.

Offsets (``start``/``end``) always index ``Article.text``, the cleaned text that is stored,
so that evidence can be highlighted later.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Span:
    """A half-open character range into ``Article.text``."""

    start: int
    end: int


@dataclass(frozen=True)
class Token:
    """One token of ``Article.text`` with its parse (empty strings under the rules backend)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str = ""
    dep: str = ""
    head: int = -1  # index of the head token in ``Article.tokens``; -1 for a root or no parse
    sent: int = 0  # index of the sentence in ``Article.sentences``


@dataclass
class Mention:
    """A stretch of text that names something: an actor, a place, a date, a source, a number."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # actor | place | date | source | person | org | number
    label: str = ""  # NER label (GPE, ORG, ...) or dictionary label
    ref: str = ""  # dictionary id when known (actor id, place id, source id)
    origin: str = ""  # "dict" | "ner" | "rule"


@dataclass
class Actor:
    """A resolved actor: one canonical organisation or a generic ACLED actor."""

    id: str  # dictionary id, or "raw:<name>" for unknown organisations
    name: str  # canonical name, no country suffix ("Islamic State")
    acled_name: str = ""  # ACLED-style string with country or dates ("Islamic State (Syria)")
    inter: int = 0  # ACLED inter code 1-8; 0 unknown
    country: str = ""  # ISO3 of the actor's home country when known
    cameo: str = ""
    plover_sector: str = ""
    wikidata: str = ""
    text: str = ""  # the words in the article


@dataclass
class Place:
    """A resolved place (GeoNames-based gazetteer)."""

    geonameid: str
    name: str
    lat: float
    lon: float
    feature: str = ""  # country | adm1 | adm2 | capital | city | region
    admin1: str = ""
    admin2: str = ""
    country: str = ""  # country name
    iso2: str = ""
    iso3: str = ""
    isonum: int = 0
    tier: str = ""  # exact | normalised | variant | skeleton
    confidence: float = 0.0
    text: str = ""  # the words in the article


@dataclass
class DateSpan:
    """When something happened: a day or a range, with ACLED time precision (1 day, 2 week, 3 month)."""

    earliest: date | None
    latest: date | None
    precision: int  # 1-3; 0 = unresolved
    expression: str = ""  # the original words ("on Tuesday night"), "" for the publication date
    basis: str = ""  # how it was resolved ("weekday before publication", "publication date", ...)


@dataclass
class Claimant:
    """Who a claim comes from, inside the text: 'according to the Syrian Observatory'."""

    name: str
    type: str = ""  # monitor | official | party | media | activist | anonymous | outlet
    id: str = ""
    text: str = ""


@dataclass
class Report:
    """One article's claim about one incident."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: str
    evidence: list[Span]
    sentence: str  # the main evidence sentence, verbatim
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: list[Actor] = field(default_factory=list)
    assoc_actor2: list[Actor] = field(default_factory=list)
    place: Place | None = None
    geo_precision: int = 0
    origin: Place | None = None
    destination: Place | None = None
    date: DateSpan | None = None
    fatalities: int = 0
    fatalities_max: int = 0
    injured: int = 0
    arrested: int = 0
    abducted: int = 0
    count_note: str = ""  # how the figures were read ("at least 33 ... over 3 days: 11/day")
    attributed_to: list[Claimant] = field(default_factory=list)
    modality: str = "asserted"  # asserted | reported | claimed | denied
    verification: str = ""
    background: bool = False
    civilian_targeting: bool = False
    cameo: str = ""
    plover: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0


@dataclass
class Article:
    """One news item, from raw input to annotated text."""

    locator: str  # where it came from: path, path#line=3, path#entry=2, "-"
    kind: str  # txt | html | jsonl | csv | warc | rss
    raw: bytes
    raw_sha256: str
    title: str = ""
    url: str = ""
    published: date | None = None
    published_basis: str = ""  # metadata | text | option | "" (then ``notes`` says why)
    timezone: str = ""  # the outlet's time zone when the text gives it ("IST")
    outlet: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    id: str = ""  # sha256 of the cleaned, whitespace-normalised text (set by clean)
    text: str = ""  # cleaned text; all offsets index it
    body: str = ""  # text as it came from ingest, before cleaning
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    nlp_backend: str = ""  # "spacy:<model>@<version>" or "rules"
    language: str = ""
    mentions: list[Mention] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    vectors: dict[str, Any] = field(default_factory=dict)  # report id -> evidence embedding (set by the embed stage)
    skipped: str = ""  # "<stage>: <reason>" when a stage failed

    def sentence_of(self, pos: int) -> Span | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


@dataclass
class Event:
    """A cluster of Reports about one incident: ACLED's unit (one day x place x actor pair x type)."""

    id: str
    report_ids: list[str]
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: Actor | None
    actor2: Actor | None
    assoc_actor1: list[Actor]
    assoc_actor2: list[Actor]
    place: Place | None
    geo_precision: int
    date: DateSpan | None
    fatalities: int  # ACLED headline: lowest reported figure
    fatalities_min: int
    fatalities_max: int
    injured: int = 0
    arrested: int = 0
    abducted: int = 0
    civilian_targeting: bool = False
    origin: Place | None = None
    destination: Place | None = None
    n_reports: int = 0
    n_articles: int = 0
    n_sources: int = 0
    sources: list[str] = field(default_factory=list)  # outlets
    attributed_to: list[str] = field(default_factory=list)
    verification: str = ""
    modality: str = "asserted"
    background: bool = False
    cameo: str = ""
    plover: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0
    notes: str = ""
    pipeline_version: str = ""
    first_reported: str = ""  # publication date of the earliest article that reported it
    disagreements: dict[str, Any] = field(default_factory=dict)  # field -> the differing values reported
    affiliated_sources: list[str] = field(default_factory=list)  # state or party-affiliated outlets among sources


def to_dict(obj: Any) -> dict[str, Any]:
    """A JSON-ready dict of any model object (dates as ISO strings)."""

    def conv(v: Any) -> Any:
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, bytes):
            return None
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v

    return conv(asdict(obj))


_NESTED = {
    "Report": {"actor1": Actor, "actor2": Actor, "assoc_actor1": [Actor], "assoc_actor2": [Actor],
               "place": Place, "origin": Place, "destination": Place, "date": DateSpan,
               "attributed_to": [Claimant], "evidence": [Span]},
    "Event": {"actor1": Actor, "actor2": Actor, "assoc_actor1": [Actor], "assoc_actor2": [Actor],
              "place": Place, "origin": Place, "destination": Place, "date": DateSpan},
    "DateSpan": {"earliest": date, "latest": date},
}


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a model object written by :func:`to_dict`."""
    nested = _NESTED.get(cls.__name__, {})
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        kind = nested.get(key)
        if value is None or kind is None:
            kwargs[key] = value
        elif kind is date:
            kwargs[key] = date.fromisoformat(value)
        elif isinstance(kind, list):
            kwargs[key] = [from_dict(kind[0], v) for v in value]
        else:
            kwargs[key] = from_dict(kind, value)
    return cls(**kwargs)

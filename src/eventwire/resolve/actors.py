"""The actor dictionary: find actor mentions in text and resolve them to ACLED-style actors.

``load()`` reads the project files in ``eventwire/data/actors/`` (plus an optional user file) and
compiles two Aho-Corasick automata: one over lower-cased text for ordinary aliases, one over the
text as written for all-caps acronyms ("IS" must not match "is"). A third pass finds state forces
written as a demonym and a force noun ("French warplanes", "Syrian army", "Iraq's military").

``to_actor`` turns an actor id into :class:`eventwire.model.Actor` with the ACLED name of the event's
country and date: "Islamic State (Syria)", "Military Forces of France (2012-2017)" (inter 8 outside
France), "Civilians (Iraq)". Anaphora ("the group", "the coalition") are resolved per article by
:class:`ActorContext` (module :mod:`eventwire.resolve.actor_context`).
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import ahocorasick

from eventwire.errors import DataError, NotFoundError
from eventwire.model import Actor
from eventwire.resolve import actor_data as data
from eventwire.resolve.actor_data import (BRANCH_PREFIX, BRANCH_SECTOR, BRANCHES, COMMON_WORDS, POLITICAL_KINDS,
                                          ActorEntry, Country, Period)
from eventwire.resolve.inter import INTER_LABELS, inter_label, interaction  # noqa: F401  (re-exported)

__all__ = ["ActorMatch", "ActorDictionary", "ActorEntry", "ActorContext", "load", "interaction",
           "inter_label", "INTER_LABELS"]


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    actor_id: str
    text: str
    generic: bool


# Length-preserving normalisation so offsets stay valid: typographic quotes and dashes to ASCII.
_NORM = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                       "\u2013": "-", "\u00a0": " ", "\u202f": " "})

# What may follow a demonym head ("French", "US", "Syria's") for it to name a state force.
_NOUNS = {
    "military": """armed forces|army|armies|troops|troop|soldiers|soldier|forces|military|militaries|
        fighter jets|fighter planes|jets|warplanes|war planes|warplane|planes|aircraft|air force|air forces|
        airforce|navy|naval forces|warships|warship|gunboats|artillery|tanks|helicopters|helicopter gunships|
        gunships|drones|marines|paratroopers|commandos|special forces|servicemen|service members|personnel|
        bombers|infantry|units|battalions|brigades|coast guard|defence forces|defense forces|regime|
        ground forces|ground troops|security forces|military forces|peacekeepers|contingent|
        defence department|defense department|department of defense|defence ministry|defense ministry|
        ministry of defence|ministry of defense|war ministry|military command|high command|general staff""",
    "police": """police|policemen|policeman|police officers|police officer|police forces|riot police|gendarmes|
        gendarmerie|border guards|border police|law enforcement|security personnel""",
    "government": """government|authorities|officials|administration|cabinet|ministry|foreign ministry|
        interior ministry|leaders|leadership|diplomats|embassy|regime officials|prime minister's office|presidency""",
    "intelligence": """intelligence|intelligence services|intelligence service|intelligence agency|
        intelligence officers|spy agency|spies|secret service|secret services|security services""",
}
_GENERIC_NOUNS = {
    "civilians": "civilians|civilian|residents|villagers|inhabitants|refugees|migrants|passers-by|farmers",
    "protesters": "protesters|protestors|demonstrators|marchers",
    "rioters": "rioters|mobs|mob",
    "rebels": "rebels|rebel forces|rebel fighters|insurgents|guerrillas|guerrilla fighters|opposition fighters",
}
_MODS = r"(?:(?:government|regime|state|national|federal|security|special|armed|air|ground|naval|elite|military|" \
        r"border|riot|secret|army|interior|navy|elite|regular|conventional|uniformed|local)[ -]+){0,3}"


def _alternation(spec: str) -> str:
    words = sorted({w.strip() for w in spec.replace("\n", "|").split("|") if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_NOUN_BRANCH: dict[str, str] = {}
for _b, _spec in list(_NOUNS.items()) + [("generic:" + k, v) for k, v in _GENERIC_NOUNS.items()]:
    for _w in _spec.replace("\n", "|").split("|"):
        if _w.strip():
            _NOUN_BRANCH.setdefault(_w.strip().lower(), _b)
_FORCE_RE = re.compile(r"[ ]+(" + _MODS + r")(" + _alternation("|".join(list(_NOUNS.values()) +
                                                                      list(_GENERIC_NOUNS.values()))) + r")\b",
                       re.IGNORECASE)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _boundary(text: str, start: int, end: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    return not (end < len(text) and (text[end].isalnum() or text[end] == "_"))


def _hyphenated(text: str, start: int, end: int) -> bool:
    """A generic word inside a compound ("government-held", "anti-government") is not an actor."""
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


_CAPS_WORD = re.compile(r"[A-Z]{2,}")


def _shouting(text: str, start: int, end: int) -> bool:
    """A short acronym inside an all-caps line ("WHAT IS NEXT") is not an acronym."""
    before = text[max(0, start - 12):start].split()
    after = text[end:end + 12].split()
    words = [w.strip(".,:;!?\"'()") for w in before[-1:] + after[:1]]
    return any(_CAPS_WORD.fullmatch(w) and len(w) > 2 for w in words)


class ActorDictionary:
    """All known actors, compiled for fast matching. Build it with :func:`load`."""

    def __init__(self, entries: list[ActorEntry], *, countries: dict[str, Country],
                 periods: dict[str, list[Period]], state_aliases: dict[str, dict[str, list[str]]]):
        self.countries = countries
        self.periods = periods
        self._entries: dict[str, ActorEntry] = {}
        self.collisions: list[tuple[str, str, str]] = []  # (alias, kept id, dropped id)
        self.unknown: Counter[str] = Counter()  # raw names seen by :meth:`raw`
        self._home_res: dict[str, re.Pattern[str] | None] = {}
        for iso, c in countries.items():
            for branch in BRANCHES:
                sid = f"state:{iso}:{branch}"
                named = state_aliases.get(iso, {}).get(branch, [])
                self._entries[sid] = ActorEntry(
                    id=sid, name=f"{BRANCH_PREFIX[branch]} {c.of_name}", inter=1, kind="state", country=iso,
                    cameo=f"{iso}{BRANCH_SECTOR[branch]}", sector=BRANCH_SECTOR[branch], branch=branch,
                    aliases=tuple(named), region="state_forces")
        for e in entries:
            self._entries[e.id] = e
        self._compile()

    # ---------------------------------------------------------------- building
    def _compile(self) -> None:
        self._ci = ahocorasick.Automaton()
        self._cs = ahocorasick.Automaton()
        # political figures and bodies (persons, NGOs, legislatures): matched only with ``political=True``
        self._pol_ci = ahocorasick.Automaton()
        self._pol_cs = ahocorasick.Automaton()
        self._alias_rows: list[tuple[str, str, bool]] = []
        seen: dict[tuple[str, bool], str] = {}
        for e in self._entries.values():
            if e.kind == "generic" and "@" in e.id:
                continue
            political = e.kind in POLITICAL_KINDS
            written = [e.name] if e.kind not in ("state", "generic") and e.name not in e.weak else []
            for alias, forced_cs, weak in [(a, False, False) for a in written + list(e.aliases)] + \
                    [(a, True, False) for a in e.case_sensitive] + [(a, True, True) for a in e.weak]:
                for v in data.variants(alias):
                    cs = forced_cs or data.is_case_sensitive(v, generic=e.kind == "generic")
                    if not cs and v.lower() in COMMON_WORDS and e.kind != "generic":
                        continue  # an ordinary English word is never an organisation's alias
                    key = (v if cs else v.lower(), cs)
                    if key in seen:
                        if seen[key] != e.id:
                            self.collisions.append((v, seen[key], e.id))
                        continue
                    seen[key] = e.id
                    prio = 1 if e.kind == "generic" else 0
                    if political:
                        (self._pol_cs if cs else self._pol_ci).add_word(key[0], (len(key[0]), e.id, prio, weak))
                        continue
                    (self._cs if cs else self._ci).add_word(key[0], (len(key[0]), e.id, prio, weak))
                    self._alias_rows.append((v, e.id, cs))
        self._heads = ahocorasick.Automaton()
        for iso, c in self.countries.items():
            heads = set(c.demonyms) | {f"{c.name}'s", f"{c.of_name}'s"}
            for h in heads:
                if h and h not in self._heads:
                    self._heads.add_word(h, (len(h), iso))
        for a in (self._ci, self._cs, self._heads, self._pol_ci, self._pol_cs):
            if len(a):
                a.make_automaton()

    # ---------------------------------------------------------------- matching
    def match(self, text: str, *, political: bool = False) -> list[ActorMatch]:
        """All actor mentions in ``text``, longest first where they overlap, in text order.

        With ``political=True`` persons, NGOs and legislatures (kinds the CAMEO coder needs, "Obama",
        "Amnesty International", "State Duma") are found too."""
        if not text:
            return []
        norm = text.translate(_NORM)
        low = _lower(norm)
        cands: list[tuple[int, int, int, str, bool]] = []  # (start, end, priority, id, generic)
        ci = [self._ci] + ([self._pol_ci] if political else [])
        cs_autos = [self._cs] + ([self._pol_cs] if political else [])
        for auto in ci:
            if not len(auto):
                continue
            for end, (n, aid, prio, _weak) in auto.iter(low):
                s, e = end - n + 1, end + 1
                if _boundary(norm, s, e) and not (prio == 1 and _hyphenated(norm, s, e)):
                    cands.append((s, e, prio, aid, self._entries[aid].generic))
        for auto in cs_autos:
            if not len(auto):
                continue
            for end, (n, aid, prio, weak) in auto.iter(norm):
                s, e = end - n + 1, end + 1
                if _boundary(norm, s, e) and not (n <= 3 and _shouting(norm, s, e)) \
                        and not (weak and not self._home_named(aid, norm)):
                    cands.append((s, e, prio, aid, self._entries[aid].generic))
        if len(self._heads):
            for end, (n, iso) in self._heads.iter(norm):
                s = end - n + 1
                if s > 0 and (norm[s - 1].isalnum() or norm[s - 1] in "_-"):
                    continue
                m = _FORCE_RE.match(norm, end + 1)
                if not m:
                    continue
                noun = re.sub(r"\s+", " ", m.group(2).lower())
                branch = _NOUN_BRANCH.get(noun, "military")
                if branch.startswith("generic:"):
                    aid = f"{branch}@{iso}"
                    cands.append((s, m.end(), 2, aid, True))
                else:
                    cands.append((s, m.end(), 2, f"state:{iso}:{branch}", False))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken = bytearray(len(norm) + 1)
        out: list[ActorMatch] = []
        for s, e, _prio, aid, gen in cands:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append(ActorMatch(s, e, aid, text[s:e], gen))
        out.sort(key=lambda m: m.start)
        return out

    def _home_named(self, actor_id: str, text: str) -> bool:
        """Does ``text`` name the actor's home country (for aliases that are also place names)?"""
        iso = self._entries[actor_id].country
        if iso not in self._home_res:
            c = self.countries.get(iso)
            words = sorted({c.name, *c.demonyms}, key=len, reverse=True) if c else []
            self._home_res[iso] = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None
        rx = self._home_res[iso]
        return bool(rx and rx.search(text))

    def aliases(self) -> list[tuple[str, str, bool]]:
        """(alias, actor_id, case_sensitive) rows for a spaCy EntityRuler, written variants included.

        Demonym + force-noun phrases ("French warplanes") are found by :meth:`match`, not listed here;
        :meth:`state_patterns` lists the most common ones for a ruler that wants them.
        """
        return list(self._alias_rows)

    def state_patterns(self, nouns: tuple[str, ...] = ("army", "troops", "soldiers", "forces", "military",
                                                         "jets", "warplanes", "police", "government")
                       ) -> list[tuple[str, str, bool]]:
        """Demonym + noun phrases as (alias, actor_id, True) rows: "Syrian army" -> state:SYR:military."""
        rows = []
        for iso, c in self.countries.items():
            for d in c.demonyms:
                for n in nouns:
                    branch = _NOUN_BRANCH.get(n, "military")
                    rows.append((f"{d} {n}", f"state:{iso}:{branch}", True))
        return rows

    # ---------------------------------------------------------------- lookup
    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, actor_id: object) -> bool:
        return isinstance(actor_id, str) and (actor_id.split("@")[0] in self._entries or actor_id.startswith("raw:"))

    def entries(self) -> list[ActorEntry]:
        return list(self._entries.values())

    def get(self, actor_id: str) -> ActorEntry:
        base = actor_id.split("@", 1)[0]
        if base in self._entries:
            return self._entries[base]
        if actor_id.startswith("raw:"):
            return ActorEntry(id=actor_id, name=actor_id[4:], inter=0, kind="group", region="raw")
        raise NotFoundError(f"unknown actor id {actor_id!r}; list known ids with `eventwire actors`")

    def raw(self, name: str) -> str:
        """The id of an organisation the dictionary does not know ("raw:<name>"); it is counted in ``unknown``."""
        clean = data.clean_name(name)
        self.unknown[clean] += 1
        return f"raw:{clean}"

    def country_iso3(self, code: str) -> str:
        code = (code or "").strip().upper()
        if code in self.countries:
            return code
        for c in self.countries.values():
            if c.iso2 == code:
                return c.iso3
        return ""

    def state_forces(self, iso3: str, *, branch: str = "military") -> str:
        """The actor id of a country's state forces ("France launched strikes" -> state:FRA:military)."""
        iso = self.country_iso3(iso3)
        if not iso:
            raise NotFoundError(f"unknown country code {iso3!r}; use an ISO 3166 alpha-3 code such as SYR")
        if branch not in BRANCHES:
            raise NotFoundError(f"unknown state branch {branch!r}; use one of {', '.join(BRANCHES)}")
        return f"state:{iso}:{branch}"

    def period(self, iso3: str, when: date | None) -> Period | None:
        if when is None:
            return None
        for p in self.periods.get(iso3, ()):
            if p.start <= when and (p.end is None or when < p.end):
                return p
        return None

    def country_name(self, iso3: str) -> str:
        c = self.countries.get(iso3)
        return c.name if c else ""

    # ---------------------------------------------------------------- resolution
    def to_actor(self, actor_id: str, *, country_iso3: str = "", when: date | None = None,
                 text: str = "") -> Actor:
        """An :class:`Actor` with the ACLED name for an event in ``country_iso3`` on ``when``."""
        event_iso = self.country_iso3(country_iso3) if country_iso3 else ""
        if actor_id.startswith("raw:"):
            name = actor_id[4:]
            return Actor(id=actor_id, name=name, acled_name=name, country=event_iso, text=text)
        e = self.get(actor_id)
        fixed_iso = actor_id.split("@", 1)[1] if "@" in actor_id else ""
        if e.by_country and event_iso in e.by_country:
            return self.to_actor(e.by_country[event_iso], country_iso3=event_iso, when=when, text=text)
        if e.state_from and when and when >= e.state_from and e.country and event_iso in ("", e.country):
            return self.to_actor(self.state_forces(e.country), country_iso3=event_iso, when=when, text=text)
        if e.kind == "generic" and e.branch:
            iso = fixed_iso or event_iso
            if iso:
                return self.to_actor(self.state_forces(iso, branch=e.branch), country_iso3=event_iso or iso,
                                     when=when, text=text)
            return Actor(id=e.id, name=e.name, acled_name=e.name, inter=1, cameo="", plover_sector=e.sector,
                         text=text)
        if e.kind in ("state", "unit"):
            return self._state_actor(e, event_iso, when, text)
        if e.kind == "person" and e.branch and e.country and e.in_office(when.year if when else None):
            # a head of state or government in office acts for the state: "Putin ordered" -> Government of Russia
            return self.to_actor(self.state_forces(e.country, branch=e.branch), country_iso3=event_iso,
                                 when=when, text=text)
        iso = fixed_iso or event_iso or e.country
        cname = self.country_name(iso)
        template = e.acled or ("{name}" if e.country or e.kind in ("igo", "coalition", "pmc") else "{name} ({country})")
        acled = template.replace("{name}", e.name)
        acled = acled.replace("{country}", cname) if cname else acled.replace(" ({country})", "").replace("{country}", "")
        inter = e.inter
        if e.kind == "generic" and fixed_iso == "SYR" and e.id == "generic:rebels":
            acled, inter = "Opposition Rebels (Syria)", 2
        cameo = e.cameo.replace("{iso}", iso or "---")
        return Actor(id=actor_id if e.kind == "generic" else e.id, name=e.name, acled_name=acled, inter=inter,
                     country=e.country or (iso if e.kind == "generic" else ""), cameo=cameo,
                     plover_sector=e.sector, wikidata=e.wikidata, text=text)

    def _state_actor(self, e: ActorEntry, event_iso: str, when: date | None, text: str) -> Actor:
        parent = self.get(e.parent) if e.kind == "unit" and e.parent else e
        iso = parent.country
        p = self.period(iso, when)
        base = parent.name + (f" ({p.label})" if p else "")
        acled = e.acled.replace("{state}", base) if e.acled else (f"{base} {e.unit}" if e.unit else base)
        inter = 1 if not event_iso or event_iso == iso else 8
        return Actor(id=e.id, name=e.name, acled_name=acled, inter=inter, country=iso,
                     cameo=e.cameo or parent.cameo, plover_sector=e.sector or parent.sector,
                     wikidata=e.wikidata, text=text)


# ---------------------------------------------------------------- loading
_CACHE: dict[str, ActorDictionary] = {}
_CACHE_LOCK = threading.Lock()


def package_files() -> list[Path]:
    """The project's actor files, in load order (a later id replaces an earlier one)."""
    return sorted(p for p in data.DATA_DIR.glob("*.yaml") if p.name != "state_forces.yaml")


def load(extra: Path | None = None) -> ActorDictionary:
    """The actor dictionary: the package files, plus ``extra`` (a user's YAML or TSV file) when given.

    Built once per process and cached; with ``extra`` the cache key is the file's path, size and
    modification time, so an edited file is read again. A user's actors replace package actors with the
    same id.
    """
    key = ""
    if extra is not None:
        extra = Path(extra)
        if not extra.is_file():
            raise DataError(f"actor file {extra} does not exist; give a YAML or TSV file (see docs/actors.md)")
        st = extra.stat()
        key = f"{extra.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    if key in _CACHE:
        return _CACHE[key]
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
        entries: list[ActorEntry] = []
        for path in package_files():
            entries.extend(data.read_entries(path))
        if extra is not None:
            entries.extend(replace(e, region=e.region or "user") for e in data.read_entries(extra))
        d = ActorDictionary(entries, countries=data.read_countries(), periods=data.read_periods(),
                            state_aliases=data.read_state_aliases())
        _CACHE[key] = d
        return d


from eventwire.resolve.actor_context import ActorContext  # noqa: E402  (needs ActorMatch above)

"""Who says so: the outlet an article comes from, and the claimants quoted inside it.

* :func:`outlet_for` finds the outlet from the URL's domain, a metadata name (FA-KES codes such as "sana"
  work too) or the text itself (a domain in the page's boilerplate, "The New Indian Express App", a wire
  credit such as "(Reuters) -"). Each outlet carries its reach (ACLED ``source_scale``) and an affiliation:
  independent, state (owned or funded by a government) or party (a party to the conflict, or its media).
* :func:`find_claimants` reads the attribution of one sentence: "according to X", "X said", "X, a monitoring
  group, said", "said X spokesman Y", "reported X, an independent news outlet", "citing X sources",
  "activists say". :func:`classify_claimant` gives one name its type.
* :func:`verification_notes` lists the words that put a claim in doubt.

Both dictionaries (``data/outlets.tsv``, ``data/claimants.tsv``) are project-authored from public facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from ..model import Claimant

__all__ = ["Outlet", "outlets", "outlet_for", "source_scale_for", "classify_claimant", "find_claimants",
           "verification_notes", "CLAIMANT_TYPES"]

CLAIMANT_TYPES = ("monitor", "official", "party", "media", "activist", "anonymous", "outlet")


@dataclass(frozen=True)
class Outlet:
    """A news outlet: its own reach (``source_scale``) and its affiliation (independent | state | party)."""

    name: str
    domain: str
    source_scale: str
    affiliation: str
    country: str  # ISO3
    id: str = ""
    region: str = ""  # ACLED region of the outlet's home country
    timezone: str = ""  # IANA zone the outlet stamps its articles in ("Asia/Kolkata")
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)
    note: str = field(default="", compare=False)


# ------------------------------------------------------------------------------------------------ loading
def _rows(filename: str) -> list[list[str]]:
    text = resources.files("eventwire.data").joinpath(filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of ``data/outlets.tsv``."""
    out = []
    for row in _rows("outlets.tsv"):
        row += [""] * (10 - len(row))
        oid, name, domains, aliases, scale, affiliation, country, region, tz, note = (c.strip() for c in row[:10])
        doms = tuple(d.strip().lower() for d in domains.split(",") if d.strip() and d.strip() != "-")
        out.append(Outlet(name, doms[0] if doms else "", scale, affiliation, country, oid, region, tz, doms,
                          tuple(a.strip() for a in aliases.split("|") if a.strip()), note))
    return tuple(out)


def _norm(name: str) -> str:
    name = re.sub(r"[^\w\s-]", " ", name.lower())
    name = re.sub(r"^\s*the\s+", "", name)
    return " ".join(name.replace("-", " ").split())


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    for o in outlets():
        for key in (o.id, o.name, *o.aliases, *(d.split(".")[0] for d in o.domains)):
            table.setdefault(_norm(key), o)
    return table


# ------------------------------------------------------------------------------------------------ outlets
_WIRE_CREDIT = re.compile(r"^\s*[A-Z][^\n()]{1,60}?(?:\([A-Za-z .'-]{2,30}\))?,?[^\n()]{0,30}\((?P<o>[^)\n]{2,40})\)\s*"
                          r"(?:-|–|—|--)")
_BOILERPLATE = r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:the\s+)?{name}|{name}\s+app\b|from\s+(?:the\s+)?{name}\s+on\s+whatsapp"


def outlet_for(*, url: str = "", name: str = "", text: str = "") -> Outlet | None:
    """The outlet of an article from its URL, a metadata name, or its (raw) text, in that order."""
    if url:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
        for o in outlets():
            if any(host == d or host.endswith("." + d) for d in o.domains):
                return o
    if name:
        found = _outlet_names().get(_norm(name))
        if found:
            return found
    if text:
        return _outlet_in_text(text)
    return None


def _outlet_in_text(text: str) -> Outlet | None:
    counts: dict[str, int] = {}
    for o in outlets():
        for d in o.domains:
            n = len(re.findall(rf"(?<![\w.-]){re.escape(d)}\b", text, re.I))
            if n:
                counts[o.id] = counts.get(o.id, 0) + n
    if counts:
        best = max(counts, key=lambda k: counts[k])
        return next(o for o in outlets() if o.id == best)
    for o in outlets():
        for alias in (o.name, *o.aliases):
            if len(alias) < 4:
                continue
            rx = _BOILERPLATE.replace("{name}", re.escape(alias))
            if re.search(rx, text, re.I):
                return o
    m = _WIRE_CREDIT.match(text[:400])
    if m:
        return _outlet_names().get(_norm(m.group("o")))
    return None


def source_scale_for(outlet: Outlet, *, event_country: str = "", event_region: str = "") -> str:
    """ACLED ``source_scale`` of an outlet for an event: National (or Subnational) at home; Regional for a
    regional outlet reporting its own region; International otherwise, and always for international outlets."""
    if outlet.source_scale in ("New media", "Local partner"):
        return outlet.source_scale
    if event_country and event_country == outlet.country:
        return outlet.source_scale if outlet.source_scale in ("Subnational", "National") else "National"
    if outlet.source_scale == "International" or not (event_country or event_region):
        return outlet.source_scale if not event_country else "International"
    if event_region and event_region == outlet.region:
        return "Regional"
    return "International"


# ------------------------------------------------------------------------------------------------ claimants
@dataclass(frozen=True)
class _Entry:
    id: str
    name: str
    type: str


@lru_cache(maxsize=1)
def _claimant_index() -> tuple[dict[str, _Entry], re.Pattern[str], re.Pattern[str]]:
    """alias -> entry; a case-insensitive alternation of long aliases; a case-sensitive one of acronyms."""
    table: dict[str, _Entry] = {}
    loose: list[str] = []
    strict: list[str] = []
    for row in _rows("claimants.tsv"):
        cid, name, ctype, aliases = (c.strip() for c in (row + [""] * 4)[:4])
        entry = _Entry(cid, name, ctype)
        for alias in {name, *aliases.split("|")}:
            alias = alias.strip()
            if not alias:
                continue
            table.setdefault(_norm(alias), entry)
            (strict if alias.isupper() and len(alias) <= 4 else loose).append(alias)

    def alternation(names: list[str]) -> str:
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(set(names), key=len, reverse=True))

    return (table, re.compile(rf"(?<![\w-])(?:{alternation(loose)})(?![\w-])", re.I),
            re.compile(rf"(?<![\w-])(?:{alternation(strict)})(?![\w-])"))


_TYPE_WORDS = [
    ("monitor", r"observatory|monitor(?:ing)?\b|watchdog|human rights|documentation|rights group|ngo|\bun\b|"
                r"united nations|red cross|red crescent|amnesty|civil defen[cs]e"),
    ("activist", r"activist"),
    ("anonymous", r"\bsources?\b|witness|residents?\b|locals\b|\bpeople\b|anonymity|unnamed|anonymous|"
                  r"an official who|insiders?"),
    ("official", r"ministry|minister|department|pentagon|government|army|military|police|governor|official|"
                 r"spokes(?:man|woman|person)|commander|general\b|colonel|captain|major\b|president|prime minister|"
                 r"authorit|embassy|mayor|prosecutor|security forces|command\b|coalition"),
    ("media", r"news|agency|television|\btv\b|radio|newspaper|daily\b|outlet|channel|journalist|reporter|"
              r"correspondent|magazine|broadcaster|media"),
    ("party", r"rebels?\b|militants?\b|militia|jihadist|insurgent|guerrilla|front\b|brigade|battalion|"
              r"\bforces?\b|group\b|movement\b|islamic state|taliban"),
    ("outlet", r"^(?:this|our) (?:newspaper|paper|website|correspondent)|^the newspaper$"),
]


def classify_claimant(name: str) -> Claimant:
    """One claimant name -> :class:`Claimant` with its type: the dictionary first, then the words of the name
    ("a Defence Ministry spokesman" -> official, "local activists" -> activist). Unknown names get type ""."""
    text = " ".join(name.split())
    table, loose, strict = _claimant_index()
    key = _norm(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I))
    entry = table.get(key)
    if entry is None:
        hit = _dictionary_hits(text)
        if hit:
            entry = hit[0][2]
            if entry.type == "party" and re.search(r"\bsources?\b", text, re.I):
                return Claimant(f"{entry.name} sources", "party", entry.id, text)
    if entry is not None:
        return Claimant(entry.name, entry.type, entry.id, text)
    low = text.lower()
    if re.search(_TYPE_WORDS[-1][1], low):
        return Claimant(text, "outlet", "", text)
    for ctype, rx in _TYPE_WORDS[:-1]:
        if re.search(rx, low):
            return Claimant(text, ctype, "", text)
    return Claimant(text, "", "", text)


def _dictionary_hits(text: str) -> list[tuple[int, int, _Entry]]:
    table, loose, strict = _claimant_index()
    all_caps = sum(c.isupper() for c in text) > 0.8 * sum(c.isalpha() for c in text)
    hits = []
    for rx in (loose, strict):
        if rx is strict and all_caps:
            continue  # "IS", "AP" in all-caps wire copy are words
        for m in rx.finditer(text):
            entry = table.get(_norm(m.group(0)))
            if entry:
                hits.append((m.start(), m.end(), entry))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, _Entry]] = []
    for h in hits:
        if not out or h[0] >= out[-1][1]:
            out.append(h)
    return out


_SAY = (r"(?:said|says|say|reported|reports|report|told|tells|claimed|claims|announced|announces|stated|states|"
        r"confirmed|confirms|denied|denies|estimated|estimates|added|warned|accused|insisted|noted|wrote|"
        r"tweeted|posted|published|alleged|alleges|revealed|acknowledged)")
_APPOS = r"(?:,\s*(?:a|an|the|which|who|whose)\b[^,]{1,160},)?"
_GENERIC = [
    (r"(?:local\s+|anonymous\s+|opposition\s+|media\s+)?activists?", "activist"),
    (r"(?:a|an)\s+(?:[\w-]+\s+)?monitoring\s+group|(?:a|an)\s+(?:[\w-]+\s+)?(?:war|conflict)\s+monitor", "monitor"),
    (r"(?:(?:local|security|military|medical|hospital|police|tribal|informed|diplomatic|intelligence|unnamed|"
     r"anonymous)\s+)+sources?|(?:a|one)\s+source|sources\s+close\s+to\s+[\w\s-]{1,40}|(?:eye)?witnesses|"
     r"(?:local\s+)?residents|an?\s+official\s+who\s+(?:spoke|asked)[^,]*", "anonymous"),
    # an office, not a name: "Somalia's information minister", "security officials", "the provincial governor"
    (r"(?:[A-Z][\w-]+(?:'s|’s)\s+|(?:the|a|an)\s+)?(?:(?:information|interior|defen[cs]e|health|foreign|security|"
     r"provincial|local|district|government|military|police|hospital|senior)\s+)*(?:minister|governor|mayor|"
     r"officials?|spokes(?:man|woman|person))", "official"),
]
_GENERIC_RX = re.compile("|".join(f"(?P<g{i}>{rx})" for i, (rx, _) in enumerate(_GENERIC)), re.I)


def find_claimants(sentence: str) -> list[Claimant]:
    """The claimants a sentence attributes its claim to, in order, without repeats."""
    found: list[tuple[int, Claimant]] = []
    hits = _dictionary_hits(sentence)
    for start, end, entry in hits:
        before = sentence[max(0, start - 80):start]
        after = sentence[end:end + 200]
        claim = _attributed(before, after)
        if not claim:
            continue
        text = sentence[start:end]
        m = re.match(r"\s+(?:sources?|officials?|spokes(?:man|woman|person))\b", after, re.I)
        if m and re.match(r"\s+sources?", m.group(0), re.I):
            found.append((start, Claimant(f"{entry.name} sources", entry.type, entry.id, text + m.group(0))))
            continue
        role = re.match(r"\s+(?:spokes(?:man|woman|person)|official)(?:\s+(?:[A-Z][\w.'-]*|al-[\w'-]+)){0,6}", after)
        if role:  # keep the speaker: "Pentagon spokesman Navy Captain Jeff Davis"
            text += role.group(0)
        found.append((start, Claimant(entry.name, entry.type, entry.id, text)))
    covered = [(s, e) for s, e, _ in hits]
    for m in _GENERIC_RX.finditer(sentence):
        if any(s <= m.start() <= e + 1 for s, e in covered):
            continue  # inside a named claimant, or its role ("Pentagon spokesman")
        if not _attributed(sentence[max(0, m.start() - 80):m.start()], sentence[m.end():m.end() + 200]):
            continue
        group = next(k for k, v in m.groupdict().items() if v)
        ctype = _GENERIC[int(group[1:])][1]
        if ctype == "monitor" and any(c.type == "monitor" and c.id for _, c in found):
            continue  # "The Syrian Observatory for Human Rights, a monitoring group, said": one claimant
        found.append((m.start(), Claimant(" ".join(m.group(0).split()), ctype, "", m.group(0))))
    found.extend(_unknown_subjects(sentence, covered))
    found.sort(key=lambda t: t[0])
    out: list[Claimant] = []
    seen: set[str] = set()
    for _, c in found:
        key = c.id or c.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _attributed(before: str, after: str) -> bool:
    """Is the name between ``before`` and ``after`` the source of the sentence's claim?"""
    if re.search(r"(?:according\s+to|citing|quoting|cited\s+by|quoted\s+by|reported\s+by|claimed\s+by|"
                 r"carried\s+by|(?:a\s+)?statement\s+(?:by|from|carried\s+by|published\s+by|released\s+by)|figures\s+(?:from|by)|data\s+from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                 before, re.I):
        return True
    if re.search(rf"(?:[,\"”'’]|\bas)\s*{_SAY}\s+(?:(?:the|a|an|[A-Z][\w.'-]*)\s+){{0,6}}$", before) and not re.search(
            r"\b(?:that|which|who)\s+(?:[\w-]+\s+){0,6}$", before, re.I):
        return True  # "said Pentagon spokesman ...", "reported Deir Ezzor 24"
    if re.search(rf"\b{_SAY}\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,4}},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}"
                 rf"(?:spokes(?:man|woman|person)|official|commander|member|leader|head|director|activist)s?\s+"
                 rf"(?:for|of|with|at|from)\s+(?:the\s+)?$", before, re.I):
        return True  # "said Abu Ibrahim al-Raqqawi, a spokesman for <X>"
    if re.match(rf"\s*(?:'s)?(?:\s+(?:[\w-]+\s+){{0,1}}(?:spokes(?:man|woman|person)|official|officials|sources?|"
                rf"statement|commander|chief|head)\b[^,.;]{{0,60}}?)?{_APPOS}\s+(?:has\s+|had\s+|have\s+|also\s+|"
                rf"later\s+|on\s+\w+\s+)?{_SAY}\b", after, re.I):
        return True  # "X said", "X spokesman Y said", "X, a monitoring group, said"
    if re.match(rf"{_APPOS}\s+(?:told|tells)\b", after, re.I):
        return True
    return bool(re.match(r"\s+(?:claimed|claims)\s+responsibility", after, re.I))


_NAMEWORD = r"[A-Z][\w'’.-]*"
_UNKNOWN = re.compile(rf"(?:according\s+to\s+(?:the\s+)?(?P<a>{_NAMEWORD}(?:\s+(?:of|for|the|al|el|{_NAMEWORD})){{0,7}})"
                      rf"|(?P<b>(?<![\w-]){_NAMEWORD}(?:\s+(?:of|for|the|{_NAMEWORD})){{0,7}}){_APPOS}\s+"
                      rf"(?:has\s+|had\s+)?(?:said|says|told|reported|claimed|announced|stated)\b)")
_NOT_A_NAME = re.compile(r"^(?:He|She|They|It|We|I|You|This|That|These|Those|There|But|And|The|A|An|In|On|At|"
                         r"Officials?|Police|Sources?)$")


def _unknown_subjects(sentence: str, covered: list[tuple[int, int]]) -> list[tuple[int, Claimant]]:
    out: list[tuple[int, Claimant]] = []
    for m in _UNKNOWN.finditer(sentence):
        group = "a" if m.group("a") else "b"
        start, end = m.span(group)
        if any(s < end and start < e for s, e in covered):
            continue
        name = m.group(group).strip(" .")
        name = re.sub(r"^(?:The|A|An|But|And|Meanwhile|However|Later)\s+", "", name)
        if not name or _NOT_A_NAME.match(name) or (sentence.isupper() and group == "b"):
            continue
        c = classify_claimant(name)
        out.append((start, c))
    return out


# ------------------------------------------------------------------------------------------------ verification
_VERIFY = re.compile(
    r"(?:it\s+)?(?:was|is|has\s+been|had\s+been)\s+(?:not|impossible|not\s+possible)\s+(?:possible\s+)?to\s+"
    r"(?:immediately\s+|independently\s+)*(?:verify|confirm)\b"
    r"|(?:could|can|cannot|can't|couldn't|could\s+not|were\s+unable\s+to|was\s+unable\s+to|is\s+unable\s+to|"
    r"has\s+not\s+been\s+able\s+to|have\s+not\s+been\s+able\s+to)\s+(?:not\s+)?(?:be\s+)?(?:immediately\s+|"
    r"independently\s+)*(?:verif(?:y|ied)|confirm(?:ed)?)\b"
    r"|(?:not|never)\s+(?:been\s+)?(?:immediately\s+|independently\s+)*(?:verified|confirmed)\b"
    r"|\bunverified\b|\bunconfirmed\b|\breportedly\b|\ballegedly\b|\bpurportedly\b|\bpurported\b"
    r"|\b(?:claimed|claims|claiming)\b|\b(?:denied|denies|deny|denying)\b|\brejects?\s+the\s+(?:claim|report)s?\b"
    r"|\b(?:it\s+(?:is|was|remains)\s+)?(?:unclear|not\s+clear)\b",
    re.I)


def verification_notes(text: str) -> list[str]:
    """The words of a sentence or paragraph that put its claim in doubt, verbatim, in order ("it was not
    possible to immediately verify", "could not be independently verified", "reportedly", "claimed", "denied")."""
    out: list[str] = []
    for m in _VERIFY.finditer(text):
        words = " ".join(m.group(0).split())
        if words.lower() not in (w.lower() for w in out):
            out.append(words)
    return out

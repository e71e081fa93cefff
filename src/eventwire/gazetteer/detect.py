"""Dictionary toponym detection: one Aho-Corasick pass over the text, then case and stop rules.

The automaton (built with the index) holds every place's own name, the alternate names of places
over 20k people, countries, ADM1, regions, codes and demonyms, lowercased. A match must sit on word
boundaries, be capitalised like a proper noun, and not be a common word, a person's name or part of
a longer proper noun ("Hillary Clinton", "Jordan Peterson Institute"). Longest match wins.
"""
from __future__ import annotations

import pickle
import re
import threading
from dataclasses import dataclass
from typing import Any

from .build import ensure
from .keys import ADMIN_SUFFIXES
from .sources import CODE, DEMONYM, PRIMARY

_LOWER_WORDS = frozenset("of de del della di da do dos das du des la le les el al ar as ad an at az ash ez "
                         "en on upon am im an der den van von y e and the sur sous".split())
_LEAD_OK = frozenset("the in at from to of for and or but near across into through on by with as "
                     "northern southern eastern western central north south east west greater upper lower "
                     "a an if when while after before since during".split())
_TITLES = frozenset("mr mrs ms dr gen sen rep gov president minister king queen prince sheikh general colonel "
                    "captain lt sgt st saint pope senator governor mayor judge justice professor prof".split())
# capitalised common words, months, weekdays and frequent surnames that are also place names somewhere
COMMON = frozenset("""
police mobile reading bath nice march may june july august april january october december september november
february monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan independence liberty
union victoria hope faith deal sale split most best cold said man van opportunity orange commerce enterprise
justice progress friendship unity security defense defence home start life early jobs time post sun globe star
herald tribune mirror republic federal national central army force forces council court minister president
congress parliament senate assembly state islamic church mosque hospital university media news press times
guardian obama trump bush kerry assad clinton carter lincoln jackson wilson johnson harris marshall young
lee kim park chang wang li long lincoln franklin warren hamilton mission ocean marine royal
normal bell bay banks brooks hill hills grove mill mills ford rich price white black green brown gray grey
young early sandy lucky energy temple college school academy centre center city town village county district
province region world earth moon paradise eden goshen zion bethel canaan sharon ada alma amber april
eagle phoenix rainbow summit harmony concord freedom prosperity prospect pleasant fairview plain plains
""".split())
# closed-class words and abbreviations that some gazetteer entry lists as an alternate name
FUNCTION_WORDS = frozenset("""
the we as but she he it to for our much many more four they you i a an in on at by of or and so if no not all
any some this that these those his her their its my your who what when where why how one two three five six
seven eight nine ten first last new old also just only even still yet very there here then now up down out
over under after before again once both each few other such own same than too can will may might must shall
should would could said says rep sen gov gen dec nov jan feb mar apr jun jul aug sep sept oct section street
lane road avenue industry pack ba ma bs ms phd since let none is was are be been being do does did don
from with without into onto upon about above below between because while whether until unless though although
secretary chairman director chief head speaker editor
""".split())
# capitalised words after a town that make it the modifier of a body named after it ("Fargo Police")
INSTITUTIONS = frozenset("""
police mayor city council fire sheriff sheriffs school schools high elementary middle university college hospital
airport church department county township town village library museum park zoo courthouse court jail district
police's public regional municipal memorial community area metro metropolitan chamber station harbor harbour port
""".split())
# compass words and their adjectives: never a place on their own ("South" of "South Ossetian", "West Coast")
COMPASS = frozenset("north south east west northeast northwest southeast southwest central northern southern "
                    "eastern western midwest mid far upper lower".split())
# capitalised administrative words that are part of the name they follow ("Walker County", "Nyanza Province");
# written in lower case ("Nineveh province") they are not, as in the gold of LGL, TR-News, GWN and GeoVirus
ADMIN_TAILS = frozenset("county parish province governorate oblast prefecture township borough".split())
_WORD = re.compile(r"[\w’'.-]+")
_NAME_GOES_ON = re.compile(r"(?:a[lnrdstz]|ash|e[lz])[-‑][A-Z]")
_SENT_END = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“(]\s*)$")

_LOCK = threading.Lock()
_AUTOMATON: Any = None


def automaton() -> Any:
    global _AUTOMATON
    with _LOCK:
        if _AUTOMATON is None:
            with ensure().automaton.open("rb") as fh:
                _AUTOMATON = pickle.load(fh)  # noqa: S301 - our own file, built by build.py
        return _AUTOMATON


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] or c for c in text)


def _proper(surface: str) -> bool:
    words = surface.replace("-", " ").split()
    if not words or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LOWER_WORDS for w in words)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w’'.-]+)\s$", text[max(0, start - 30):start])
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s([\w’'-]+)", text[end:end + 30])
    return m.group(1) if m else ""


def _demonym(word: str) -> bool:
    hit = automaton().get(_lower(word), None)
    return bool(hit and hit[1] & DEMONYM)


def _lost_possessive(word: str) -> bool:
    """"Syrias": a country or province whose possessive lost its apostrophe in scraping."""
    hit = automaton().get(_lower(word[:-1]), None) if len(word) > 4 and word.endswith("s") else None
    return bool(hit and hit[2] >= 3)


def _possessive_s(text: str, end: int, flags: int, rank: int) -> bool:
    """"Aleppos outskirts": a well-known place's possessive whose apostrophe was lost in scraping (the "s" is
    followed by a lower-case word, so it is not the end of another name: "Homs", "Aleppos Mall"; a demonym's
    "s" is its plural: "Cubans who")."""
    return rank >= 3 and bool(flags & PRIMARY) and _POSSESSED.match(text, end) is not None


# what a place's possessive owns in news copy ("Aleppos outskirts", "Syrias civil war", "Iraqs army"); an open "s
# + lower-case word" would read "Frances at", "Bars and", "Canadians who" as places
_POSSESSED = re.compile(r"s (?:outskirts|countryside|suburbs?|north|south|east|west|(?:north|south)-?(?:east|west)|"
                        r"northern|southern|eastern|western|central|civil war|war|conflict|government|regime|army|"
                        r"military|forces|president|capital|border|largest|second|old|main|ruling|opposition|rebels?|"
                        r"people|defen[cs]e|interior|foreign)\b")


def _whole_word(text: str, start: int, end: int) -> bool:
    return not ((start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_@#/'’"))
                or (end < len(text) and (text[end].isalnum() or text[end] in "_@/-")))


def _keep(text: str, start: int, end: int, flags: int, rank: int, *, demonyms: bool) -> bool:
    surface = text[start:end]
    if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_@#/")) or \
            (end < len(text) and (text[end].isalnum() or text[end] in "_@/")) and not _possessive_s(text, end, flags, rank):
        return False
    if surface.endswith("-"):
        return False
    if flags & DEMONYM and not flags & PRIMARY:
        return demonyms and surface[:1].isupper()
    if flags & CODE and not flags & PRIMARY:
        return text[max(0, start - 2):start] == ", " and (surface.isupper() or surface.endswith("."))
    if not _proper(surface):
        return False
    if surface.isupper() and len(surface) <= 3 and rank < 3:
        return False
    words = surface.split()
    prev, nxt = _prev_word(text, start), _next_word(text, end)
    if prev.lower().rstrip(".") in _TITLES:
        return False
    if len(words) == 1:
        low = surface.lower()
        if low in FUNCTION_WORDS or (low in COMMON and rank < 4) or low.rstrip(".") in COMPASS:
            return False
        if rank <= 2 and _SENT_END.search(text[max(0, start - 3):start]) and \
                re.search(rf"(?<![\w]){re.escape(low)}(?![\w])", text) and \
                not re.search(rf"(?<![.!?]\s)(?<!^){re.escape(surface)}\b", text[end:]):
            return False
    if prev[:1].isupper() and prev.lower() not in _LEAD_OK and not prev.endswith((".", ",")) \
            and not _SENT_END.search(text[max(0, start - len(prev) - 4):start - len(prev) - 1]) \
            and not _demonym(prev) and not _lost_possessive(prev):
        # "Syrian Idlib province", "Syrias Aleppo city": an adjective or a possessive, not a first name
        return False
    if rank < 3 and _NAME_GOES_ON.match(nxt):
        return False  # "Orum al-Kubra": the name goes on with an Arabic article, this is another place
    if nxt[:1].isupper() and rank < 3:
        # a town names the body it modifies ("Fargo Police", "Norfolk High School", "Greer City Hall"),
        # never a first name's surname ("Jeff Davis") or a longer proper noun ("Clinton Foundation")
        low_next = nxt.lower().rstrip("’'s")
        if low_next not in ADMIN_SUFFIXES and low_next not in INSTITUTIONS:
            return False
    return True


@dataclass(frozen=True)
class Detection:
    """One dictionary toponym: its span, automaton flags and best place rank
    (country 4; ADM1, region, capital 3; town or ADM2 1; +1 for 100,000+ people)."""

    start: int
    end: int
    flags: int
    rank: int

    @property
    def demonym(self) -> bool:
        return bool(self.flags & DEMONYM and not self.flags & PRIMARY)


def _admin_tail(text: str, end: int) -> int:
    """End of a capitalised administrative word right after a name ("Walker| County"), else ``end``."""
    m = re.match(r" ([A-Z][A-Za-z]+)\b", text[end:end + 16])
    if m and m.group(1).lower() in ADMIN_TAILS and not (end + m.end() < len(text) and text[end + m.end()] in "-’'"):
        return end + m.end()
    return end


def detect_places(text: str, *, demonyms: bool = False) -> tuple[list[Detection], set[str]]:
    """Dictionary toponyms of ``text`` (longest match, left to right) and the single names the text
    uses as surnames (after a first name or a title) or as the first word of a longer Arabic name ("Orum
    al-Kubra"): those are never places in this document."""
    if not text:
        return [], set()
    auto = automaton()
    low = _lower(text)
    found: list[tuple[int, int, int, int]] = []
    for end_idx, (length, flags, rank) in auto.iter(low):
        found.append((end_idx - length + 1, end_idx + 1, flags, rank))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[Detection] = []
    people: set[str] = set()  # single names seen right after a first name or title: surnames here
    last_end = -1
    for start, end, flags, rank in found:
        if start < last_end:
            continue
        if _keep(text, start, end, flags, rank, demonyms=demonyms):
            if not (flags & DEMONYM and not flags & PRIMARY):
                end = _admin_tail(text, end)
            out.append(Detection(start, end, flags, rank))
            last_end = end
        elif rank < 3 and " " not in text[start:end] and _proper(text[start:end]) and _whole_word(text, start, end):
            prev = _prev_word(text, start)
            low_prev = prev.lower().rstrip(".")
            first_name = prev[:1].isupper() and prev[-1:] not in ".,;:" and low_prev not in FUNCTION_WORDS \
                and low_prev not in COMMON and low_prev not in INSTITUTIONS and low_prev not in _LEAD_OK
            if first_name or low_prev in _TITLES or _NAME_GOES_ON.match(_next_word(text, end)):
                people.add(text[start:end])
    return [d for d in out if text[d.start:d.end] not in people], people


def is_plural_demonym(surface: str) -> bool:
    """"Americans", "Kurds": a people noun (its singular is a demonym too), not an adjective."""
    if not surface.endswith("s") or len(surface) < 4:
        return False
    hit = automaton().get(_lower(surface[:-1]), None)
    return bool(hit and hit[1] & DEMONYM)


def surface_info(surface: str) -> tuple[int, int] | None:
    """(flags, rank) of a surface form in the detection automaton, or ``None``."""
    hit = automaton().get(_lower(surface), None)
    return (hit[1], hit[2]) if hit else None


def find_place_mentions(text: str, *, demonyms: bool = False) -> list[tuple[int, int]]:
    """Character spans of place names in ``text`` (longest match, left to right)."""
    return [(d.start, d.end) for d in detect_places(text, demonyms=demonyms)[0]]

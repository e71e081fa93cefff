"""Casualty and detention figures: killed, injured, arrested, abducted.

Reads digits, number words, "at least", "more than", ranges, and ACLED's vague words
(a few/several/some 3; many/numerous/tens 10; dozens 12; hundreds 100). Never more than the largest
number stated; the headline figure is the lowest one (ACLED).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {"one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
          "couple": 2, "a couple of": 2, "pair": 2}
VAGUE = {"a few": 3, "few": 3, "several": 3, "some": 3, "a number of": 3, "many": 10, "numerous": 10, "tens": 10,
         "tens of": 10, "scores": 20, "scores of": 20, "dozens": 12, "dozens of": 12, "hundreds": 100,
         "hundreds of": 100, "thousands": 1000, "thousands of": 1000}
_NUMWORD = r"(?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a couple of|a single)"
_VAGUE = r"(?:a few|several|some|a number of|many|numerous|tens of|scores of|dozens of|dozens|hundreds of|hundreds|thousands of)"
NUMBER = rf"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|approximately|roughly)\s+)?(?:{_VAGUE}|{_NUMWORD}(?:\s*(?:-|–|to|and|or)\s*{_NUMWORD})?)"
PERSONS = (r"(?:(?:(?!(?:were|was|are|is|among|been|being|had|have|has|killed|wounded|injured)\b)\w+[- ]){0,4}?(?:people|persons|civilians|militants|fighters|soldiers|troops|policemen|police officers|officers|"
           r"members|children|women|men|rebels|jihadists|insurgents|protesters|demonstrators|students|villagers|workers|passengers|"
           r"guards|personnel|combatants|gunmen|attackers|terrorists|servicemen|militiamen|residents|others|of them|of whom|"
           r"individuals|recruits|worshippers|pilgrims|journalists|suspects|bystanders|migrants|refugees|"
           r"family members|relatives|commanders|leaders|staff|youths|boys|girls|infants|babies|teachers|doctors|farmers|"
           r"herders|traders|miners|prisoners|detainees|hostages|wounded|dead|bodies|casualties|victims|person|man|woman|"
           r"child|soldier|civilian|militant|fighter|policeman|officer|member|schoolgirls|schoolboys|schoolchildren|"
           r"pupils|abductees|tourists|foreigners|aid workers|peacekeepers|monks|priests|nuns|shoppers))")
_VERBS = {
    "killed": r"(?:killed|dead|died|slain|lost their lives|perished|executed|massacred|shot dead|beheaded|bodies)",
    "injured": r"(?:injured|wounded|hurt|injuries)",
    "arrested": r"(?:arrested|detained|apprehended|rounded up|taken into custody)",
    "abducted": r"(?:abducted|kidnapped|taken hostage|seized|captured)",
}
# active forms that take the figure as object: "killing 25 soldiers", "kills 4", "injuring many"
_ACTIVE = {"killed": r"killing|kills?|(?:claim(?:ed|ing|s)?|took|taking) the lives of", "injured": r"wounding|wounds?|injuring|injures?",
           "arrested": r"arresting|arrests?|detaining|detains?", "abducted": r"abducting|abducts?|kidnapping|kidnaps?"}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = []
for _field, _verb in _VERBS.items():
    _PATTERNS.append((_field, re.compile(rf"(?P<n>{NUMBER})\s+(?:{PERSONS}\s+)?(?:,?\s*(?:including|among them|amongst them|among whom)\s+[^.;:]{{1,80}}?\s+)?(?:(?:were|was|have been|had been|are|is|being|been|reportedly|reported|also|later|)\s*)*(?:\w+ly\s+)?{_verb}\b", re.I)))
    _PATTERNS.append((_field, re.compile(rf"\b(?:{_verb.replace('dead|', '').replace('|bodies', '')}|{_ACTIVE[_field]})\s+(?P<n>{NUMBER})(?:\s+{PERSONS})?", re.I)))
    _PATTERNS.append((_field, re.compile(rf"\b(?:{_field.replace('ed', '')}\w* toll|number of (?:dead|deaths|{_field})|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of|reached|is|was)\s+(?P<n>{NUMBER})", re.I)))
_PATTERNS.append(("killed", re.compile(rf"(?P<n>{NUMBER})\s+(?:of (?:these|those|the|them)\s+)?(?:deaths|fatalities)\b", re.I)))
# a toll update: "the death toll from Saturday's bombing in Kabul has risen to 103", "the number of people killed
# in the attack rose to 86", "the toll has passed 300"
_RISE = r"(?:has\s+|had\s+|have\s+|now\s+)?(?:risen|rises?|rose|climb(?:ed|s)|increased|jump(?:ed|s)|soared|reach(?:ed|es)|pass(?:ed|es)|exceed(?:ed|s)|surpass(?:ed|es)|top(?:ped|s)|hits?|stood at|stands at)"
_PATTERNS.append(("killed", re.compile(rf"\b(?:death toll|toll|number of (?:{PERSONS}\s+)?(?:killed|dead|deaths|fatalities))\b[^.;:]{{0,130}}?\b{_RISE}\s+(?:to\s+)?(?P<n>{NUMBER})", re.I)))
_PATTERNS.append(("injured", re.compile(rf"\bnumber of (?:{PERSONS}\s+)?(?:injured|wounded)\b[^.;:]{{0,130}}?\b{_RISE}\s+(?:to\s+)?(?P<n>{NUMBER})", re.I)))


# a second group counted with the first: "two women and two soldiers were killed", "killing 5 soldiers and 3
# civilians" (not "... and 3 civilians were wounded", a group of its own)
_AND_MORE = re.compile(rf"\s+and\s+({_NUMWORD})\s+(?:[\w-]+\s+)?{PERSONS}", re.I)
_AND_MORE_AFTER = re.compile(_AND_MORE.pattern + r"(?![\w\s]{0,20}\b(?:were|was|are|had|have)\b)", re.I)


@dataclass(frozen=True)
class Figure:
    field: str  # killed | injured | arrested | abducted
    low: int
    high: int
    text: str
    start: int
    end: int
    vague: bool = False  # a vague word counted by convention ("dozens" = 12), not a stated number


_QUALIFIER = re.compile(r"^(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|"
                        r"approximately|roughly)\s+")


def parse_number(text: str) -> tuple[int, int] | None:
    """(lowest, highest) for a number phrase; None when it is not a number."""
    t = text.lower().strip()
    t = _QUALIFIER.sub("", t)
    if t in VAGUE:
        return VAGUE[t], VAGUE[t]
    whole = _word_value(t)
    if whole is not None:
        return whole, whole
    parts = re.split(r"\s*(?:-|–|\bto\b|\band\b|\bor\b)\s*", t)
    values = [v for v in (_word_value(p) for p in parts if p) if v is not None]
    if not values:
        return None
    return min(values), max(values)


def is_vague(text: str) -> bool:
    """A number phrase that is one of ACLED's vague words ("dozens", "at least several")."""
    return _QUALIFIER.sub("", text.lower().strip()) in VAGUE


def _word_value(word: str) -> int | None:
    word = word.strip().replace(",", "")
    if word.startswith("some "):
        word = word[5:]
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS[word]
    if word in VAGUE:
        return VAGUE[word]
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)", word)
    if m:
        return _UNITS[m.group(1)] + _UNITS[m.group(2)]
    return None


def find(sentence: str) -> list[Figure]:
    """Every casualty/detention figure in a sentence (one per span; the first pattern wins)."""
    out: list[Figure] = []
    for field, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            n = m.group("n")
            if re.fullmatch(r"(?:19|20)\d\d", n.strip()):  # a year, not a count
                continue
            value = parse_number(n)
            if value is None or any(f.start < m.end() and m.start() < f.end for f in out):
                continue
            end = m.end()
            more = _AND_MORE.search(sentence, m.end("n"), end) or _AND_MORE_AFTER.match(sentence, end)
            extra = parse_number(more.group(1)) if more is not None and not is_vague(n) else None
            if extra:  # "two women and two soldiers were killed": 4
                value, end = (value[0] + extra[0], value[1] + extra[1]), max(end, more.end())
            out.append(Figure(field, value[0], value[1], sentence[m.start():end], m.start(), end, is_vague(n)))
    return sorted(out, key=lambda f: f.start)


def totals(figures: list[Figure]) -> dict[str, tuple[int, int]]:
    """Per field: (lowest figure, largest figure) — ACLED takes the lowest as the headline. A vague word's
    convention ("dozens" = 12) stands only where no number is stated: "dozens killed ... the toll is 58" is 58."""
    out: dict[str, tuple[int, int]] = {}
    exact = {f.field for f in figures if not f.vague}
    for f in figures:
        if f.vague and f.field in exact:
            continue
        low, high = out.get(f.field, (f.low, f.high))
        out[f.field] = (min(low, f.low), max(high, f.high))
    return out


def vague_fields(figures: list[Figure]) -> set[str]:
    """The fields whose figures are all vague words ("dozens", "several"): any stated number beats them."""
    return {f.field for f in figures} - {f.field for f in figures if not f.vague}


def split_per_day(total: int, days: int) -> list[int]:
    """ACLED's split of a multi-day total: even shares, odd remainders to the first days."""
    if days <= 1:
        return [total]
    base, rest = divmod(total, days)
    return [base + (1 if i < rest else 0) for i in range(days)]

"""Finding date expressions in news text: the words, not their meaning (that is ``dates.resolve``).

"on Tuesday night", "over the past three days", "4 JAN 90", "between 3 and 5 March"; never "34,000-40,000"
or "3rd phase". Month and weekday names that are also ordinary words or names ("may", "Friday prayers") are
filtered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------- vocabulary
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
            "twenty": 20, "thirty": 30, "several": 3, "few": 3, "couple of": 2}

# Time-zone abbreviations seen in news datelines -> IANA zones. AST is taken as Arabia Standard Time.
ZONES = {
    "IST": "Asia/Kolkata", "PKT": "Asia/Karachi", "GMT": "UTC", "UTC": "UTC", "Z": "UTC", "BST": "Europe/London",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "AST": "Asia/Riyadh", "GST": "Asia/Dubai", "TRT": "Europe/Istanbul",
    "EST": "America/New_York", "EDT": "America/New_York", "CST": "America/Chicago", "CDT": "America/Chicago",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos",
}

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_MON3 = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:night|morning|afternoon|evening|overnight))"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty" \
       r"|thirty|several|few|couple\s+of)"
# a possessive whose apostrophe the scraper lost, before a lower-case noun: "Mondays raid", "yesterdays attack"
# (or alone: the expression as ``dates.resolve`` receives it)
_LOST_S = r"s(?=\s+(?!(?:and|or|are|were|is|was|to|in|at|on)\b)(?-i:[a-z])|$)"
_B = r"(?<![\w,.-])"  # not glued to a number ("34,000-40,000") or a word
_E = r"(?![\w-])"

# A day + month + optional year: "4 February", "4th of February 2017", "4 JAN 90" (two-digit years only after
# a three-letter month, wire style), "February 4", "Feb. 4, 2017".
_YY = rf"(?<={_MON3})\s+\d\d(?![,.:]\d)"  # two-digit year, only right after a three-letter month
_DMY = rf"{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR4}|{_YY})?"
_MDY = rf"{_MON}\s+{_DAY}(?:,?\s+{_YEAR4})?"
_ISO = r"(?:19|20)\d\d-[01]\d-[0-3]\d"
_ONE_DATE = rf"(?:{_ISO}|{_DMY}|{_MDY})"

_PATTERNS: list[tuple[str, str]] = [
    # ranges first: the longest match wins anyway, but named groups keep the parser simple
    ("range", rf"(?:between\s+|from\s+)?{_ONE_DATE}\s*(?:-|–|to|until|till|and)\s*{_ONE_DATE}"),
    ("range", rf"(?:between\s+|from\s+)?{_DAY}\s*(?:-|–|to|and|through)\s*{_DAY}\s+(?:of\s+)?{_MON}"
              rf"(?:,?\s+{_YEAR4}|{_YY})?"),
    ("range", rf"(?:between\s+|from\s+)?{_MON}\s+{_DAY}\s*(?:-|–|to|and|through)\s*{_DAY}(?:,?\s+{_YEAR4})?"),
    ("range", rf"(?:between|from)\s+(?:last\s+)?{_WD}\s+(?:and|to|until)\s+{_WD}"),
    ("date", rf"(?:on\s+)?(?:{_WD},?\s+(?:the\s+)?)?{_ONE_DATE}"),  # "Tuesday, 5 August": the date decides
    ("before", rf"in\s+the\s+(?:days|weeks|hours)\s+(?:before|leading\s+up\s+to|preceding|ahead\s+of)\s+"
               rf"[^,.;:!?()\"“”]{{1,60}}"),
    ("day", r"(?:the\s+)?day\s+before\s+yesterday"),
    ("day", r"(?:late\s+|early\s+|on\s+)?(?:yesterday|today|tonight|overnight)(?:\s+(?:morning|afternoon|evening|night))?"),
    ("day", rf"(?:yesterday|today|tonight){_LOST_S}"),
    ("day", r"(?:earlier|late|early)\s+today"),
    ("day", r"(?:last|this|early\s+this|late\s+this|earlier\s+this)\s+(?:night|morning|afternoon|evening)"),
    ("day", rf"(?:a\s+)?{_NUM}\s+days?\s+ago"),
    ("weekday", rf"(?:(?:on|last|this\s+past|this|early|late|since)\s+)?{_WD}(?:'s)?{_PART}?"),
    ("weekday", rf"(?<!on\s)(?<!every\s){_WD}{_LOST_S}"),
    ("date", rf"since\s+{_ONE_DATE}"),
    ("week", r"(?:during\s+|over\s+|at\s+|in\s+)?(?:last|this|the\s+past|the\s+last|the)\s+weekend"),
    ("week", r"(?:over\s+|during\s+|in\s+|within\s+)?(?:the\s+)?(?:past|last|previous)\s+week"),
    ("week", r"(?:earlier\s+|later\s+|late\s+|early\s+)?(?:this|last)\s+week(?:'s)?"),
    ("week", rf"(?:over\s+|during\s+|in\s+|within\s+|for\s+)?(?:the\s+)?(?:past|last|previous)\s+{_NUM}\s+"
             r"(?:days|nights|weeks)"),
    ("week", r"(?:in|over|during)\s+(?:recent|the\s+past\s+few|the\s+last\s+few)\s+days"),
    ("week", rf"{_NUM}\s+weeks?\s+ago"),
    ("week", rf"(?:in\s+|over\s+|during\s+|within\s+)?(?:the\s+)?(?:past|last)\s+(?:{_NUM}\s+)?hours"),
    ("month", rf"(?:last|this\s+past)\s+{_MON}(?:\s+{_YEAR4})?"),
    ("month", rf"(?:in|during)\s+the\s+month\s+of\s+{_MON}(?:,?\s+{_YEAR4})?"),
    ("month", r"(?:earlier|later|early|late)\s+this\s+month"),
    ("month", r"(?:this|last)\s+month(?:'s)?"),
    ("month", rf"(?:(?:in|during|since|early|late|mid|mid-|earlier\s+in|the\s+end\s+of|the\s+beginning\s+of|"
              rf"the\s+middle\s+of)\s*-?\s*){_MON}(?:,?\s+{_YEAR4})?"),
]
_RX = [(kind, re.compile(_B + f"(?:{rx})" + _E, re.I)) for kind, rx in _PATTERNS]
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?")


@dataclass(frozen=True)
class DateMention:
    """Date words in a text: ``text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str = ""  # day | weekday | date | range | week | month | before


def find_date_expressions(text: str) -> list[DateMention]:
    """The date expressions of a sentence or paragraph, left to right, longest match first, no overlaps."""
    found: list[tuple[int, int, str]] = []
    for kind, rx in _RX:
        for m in rx.finditer(text):
            if kind in ("month", "date", "range") and re.search(r"\b(?:may|march)\b", m.group(0)):
                continue  # lower-case "may"/"march" are a verb and a noun; months are capitalised
            if kind == "weekday" and not _weekday_ok(text, m):
                continue
            found.append((m.start(), m.end(), kind))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[DateMention] = []
    last_end = -1
    for start, end, kind in found:
        if start >= last_end:
            out.append(DateMention(start, end, text[start:end], kind))
            last_end = end
    return out


def _weekday_ok(text: str, m: re.Match[str]) -> bool:
    # "Sunday Times", "Friday prayers" are names, not dates: a bare capitalised weekday followed by a
    # capitalised word is skipped unless preceded by "on"/"last".
    words = m.group(0)
    if re.match(r"(?:on|last|this|early|late|since)\s", words, re.I):
        return True
    after = text[m.end():m.end() + 20]
    return not re.match(r"\s+(?:Times|Telegraph|Express|Mirror|Post|prayers?|sermon)\b", after, re.I)

"""The publication date: from metadata values, 'Published:' lines and wire datelines."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_PUBLISHED = re.compile(
    r"^(?:first\s+)?(?:published|posted|date of publication|updated|last updated)\s*(?:on|:)?\s*(?P<value>.+?)"
    r"(?:\s*\|.*)?$", re.I)
# Wire datelines: "SAN SALVADOR, 4 JAN 90 -- ", "PERTH (AUSTRALIA), JUNE 11 89 (AFP) --", "Lima, 23 Aug 88 (EFE) --",
# "TEGUCIGALPA, 7 FEB (REUTER) --" (no year: no date, outlet kept), "CLANDESTINE, NO DATE (RADIO VENCEREMOS) --".
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}(?:\s*\([A-Za-z .'-]{2,30}\))?),\s*"
    r"(?P<value>\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{2,4})?|[A-Za-z]{3,9}\.?\s+\d{1,2},?(?:\s+\d{2,4})?|NO DATE)"
    r"\s*(?:\((?P<outlet>[^)]+)\))?\s*--")
WIRES = "Reuters|AFP|AP|Xinhua|TASS|Sputnik|SANA|IANS|PTI|ANI"  # wire services named in datelines and stamps
_WIRE = re.compile(rf"^[A-Z][A-Za-z .'-]{{2,40}}\s*\((?P<outlet>{WIRES})\)\s*[-—–]")
# A bare date stamp that opens scraped text: "7 July 2015", "Sun 22 Feb 2015", "06.04.2017", "AFP Sunday 5 Jun 2016",
# "Posted on April 4 2017", "Last updated at Jul 01 2016 10:22".
STAMP = re.compile(
    rf"^(?:(?:{WIRES})\s+)?"
    r"(?:(?i:(?:first\s+)?(?:published|posted|updated|last updated|date of publication)(?:\s+(?:on|at))?):?\s+)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?P<value>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}|[A-Z][a-z]{2}\s+\d{6})"
    r"(?:,?\s+\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?")
_TZ = re.compile(r"\b(IST|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|AST|EET|EEST|MSK)\b")
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")


@dataclass(frozen=True)
class Found:
    date: date | None = None
    timezone: str = ""
    outlet: str = ""


def parse_value(value: str) -> date | None:
    """A date from a metadata or 'Published:' value, or None. Never guesses from a bare number."""
    value = _ORDINAL.sub(r"\1", value.strip())
    value = re.sub(r"^([A-Za-z]{3,9}\.?\s+)(\d{2})(\d{4})$", r"\1\2 \3", value)  # a scraped "Jul 012016"
    if not re.search(r"\d", value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
    if m:  # day.month.year, as European outlets print it (Sputnik's 06.04.2017)
        day, month, year = (int(x) for x in m.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if m:  # US month/day/year, as in FA-KES and most feeds
        month, day, year = (int(x) for x in m.groups())
        try:
            return date(year, month, day) if month <= 12 else date(year, day, month)
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError):
            return None
    return parsed.date()


def from_paragraphs(paragraphs: list[str]) -> Found:
    """The publication date, time zone and outlet that the first paragraphs state, if any.

    A dateline without a usable date ("7 FEB", "NO DATE") still gives its outlet; the search for a
    date then goes on in the following paragraphs.
    """
    outlet = ""
    for par in paragraphs:
        m = _PUBLISHED.match(par)
        if m:
            value = re.sub(r"\s+\d{1,2}:\d{2}.*$", "", m.group("value"))
            parsed = parse_value(value)
            if parsed:
                tz = _TZ.search(par)
                return Found(parsed, tz.group(1) if tz else "", outlet)
        m = _DATELINE.match(par.strip())
        if m:
            value = m.group("value")
            parsed = parse_value(value) if re.search(r"\s\d{2,4}$", value) else None
            outlet = outlet or (m.group("outlet") or "").strip()
            if parsed:
                return Found(parsed, "", outlet)
            continue
        m = STAMP.fullmatch(par.strip())
        if m and (parsed := parse_value(m.group("value"))):
            return Found(parsed, "", outlet)
        m = _WIRE.match(par)
        if m:
            outlet = outlet or m.group("outlet")
    return Found(None, "", outlet)

"""Date expressions in news text, resolved against the publication date with ACLED time precision.

``find_date_expressions`` finds the words ("on Tuesday night", "over the past three days", "4 JAN 90",
"between 3 and 5 March"); ``resolve`` turns one expression into a :class:`~eventwire.model.DateSpan`:

* time_precision 1: a day is named (yesterday, on Monday, 4 February, 3-5 March: each day named);
* time_precision 2: a week or a few days (last week, this week, over the past three days, the weekend);
* time_precision 3: a month (last month, earlier this month, in March, early March).

Rules that always hold: nothing resolves to a day after the publication date (a future or planned date gives
``None``), and no publication date gives ``None`` (no date rather than a wrong one). A weekday named is the most
recent such day on or before publication ("last Tuesday": strictly before). Years missing from "4 February" come
from the publication date: the most recent such day on or before it. See docs/dates.md.
"""
from __future__ import annotations

import re

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model import DateSpan

__all__ = ["DateMention", "find_date_expressions", "resolve", "resolve_in_context", "split_days", "acled_day",
           "yesterday_in", "local_date", "ZONES"]

from .date_expressions import (_ISO, _MON3, _MONTH_WORD, _MONTHS, _NUM, _NUMBERS, _WD,  # noqa: F401
                               _WEEKDAYS, _YEAR4, ZONES, DateMention, find_date_expressions)

# basis prefix of a date that is only the day a claim was made ("a monitor said on Wednesday")
STATEMENT_DAY = "the day of the statement"
# basis of a date expression kept unresolved: the text has no publication date to read it against
NO_PUBLICATION_DATE = "no publication date"


# ------------------------------------------------------------------------------------------------- time zones
def _zone(timezone: str) -> ZoneInfo | None:
    name = ZONES.get(timezone.strip().upper(), timezone.strip())
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_date(published: date | datetime, timezone: str = "") -> date:
    """The calendar day of ``published`` in the outlet's time zone.

    A time-zone-aware datetime is converted to ``timezone`` (an abbreviation such as "IST" or an IANA name);
    a naive datetime or a plain date is taken as already local.
    """
    if isinstance(published, datetime):
        zone = _zone(timezone) if timezone else None
        if zone is not None and published.tzinfo is not None:
            return published.astimezone(zone).date()
        return published.date()
    return published


def yesterday_in(published: date | datetime, timezone: str) -> date:
    """'Yesterday' as the outlet meant it: the day before publication in its own time zone."""
    return local_date(published, timezone) - timedelta(days=1)


# ------------------------------------------------------------------------------------------------ resolution
def resolve(expression: str, published: date | datetime | None, *, timezone: str = "",
            reference: date | None = None) -> DateSpan | None:
    """The :class:`DateSpan` of a date expression, or ``None``.

    ``published`` is the publication date (or an aware datetime, converted to ``timezone``). ``reference``
    is an earlier anchor the caller knows from context (the day a quoted statement was made); relative
    expressions then count from it. Nothing after the publication date is ever returned.
    """
    if published is None:
        return None
    pub = local_date(published, timezone)
    base = reference if reference is not None and reference <= pub else pub
    mentions = find_date_expressions(expression)
    if not mentions:
        return None
    mention = max(mentions, key=lambda m: m.end - m.start)
    span = _resolve_mention(mention, base, pub)
    if span is not None and span.earliest is not None and re.match(r"since\b", mention.text, re.I):
        width = (base - span.earliest).days
        span = DateSpan(span.earliest, base, 2 if width <= 7 else 3, "", span.basis + "; since then, up to publication")
    if span is None or span.earliest is None or span.latest is None or span.earliest > span.latest:
        return None  # e.g. "since 1 March" read against a reference day before 1 March
    if span.latest > pub:  # clamp a period that runs up to "now"; a wholly future date is no date
        if span.earliest > pub:
            return None
        span = DateSpan(span.earliest, pub, span.precision, span.expression, span.basis)
    zone_note = f" ({timezone})" if timezone and span.precision == 1 and mention.kind in ("day", "weekday") else ""
    base_note = f", counted from {base.isoformat()}" if base != pub else ""
    return DateSpan(span.earliest, span.latest, span.precision, expression.strip(),
                    span.basis + zone_note + base_note)


def _span(a: date, b: date, precision: int, basis: str) -> DateSpan:
    return DateSpan(a, b, precision, "", basis)


def _number(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower().strip())
    return int(word) if word.isdigit() else _NUMBERS.get(word, 0)


def _resolve_mention(m: DateMention, base: date, pub: date) -> DateSpan | None:
    words = re.sub(r"\s+", " ", m.text.lower().strip())
    handler = {"day": _day, "weekday": _weekday, "date": _date, "range": _range, "week": _week,
               "month": _month, "before": _before}[m.kind]
    return handler(words, base, pub)


def _day(w: str, base: date, pub: date) -> DateSpan | None:
    if "day before yesterday" in w:
        d = base - timedelta(days=2)
        return _span(d, d, 1, "two days before publication")
    if "yesterday" in w:
        d = base - timedelta(days=1)
        return _span(d, d, 1, "day before publication")
    if "last night" in w or w == "overnight":
        d = base - timedelta(days=1)
        return _span(d, d, 1, "night before publication")
    m = re.match(rf"(?:a )?({_NUM}) days? ago", w)
    if m and re.match(r"(?:a )?(?:few|several|couple of)\b", w):
        return _span(base - timedelta(days=6), base - timedelta(days=2), 2, "a few days before publication")
    if m:
        d = base - timedelta(days=_number(m.group(1)))
        return _span(d, d, 1, f"{_number(m.group(1))} days before publication")
    return _span(base, base, 1, "publication day")  # today, tonight, this morning, earlier today


def _last_weekday(base: date, weekday: int, *, strictly_before: bool = False) -> date:
    back = (base.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return base - timedelta(days=back)


def _weekday(w: str, base: date, pub: date) -> DateSpan | None:
    name = re.search(_WD, w)
    assert name is not None
    strict = w.startswith("last ") or w.startswith("this past ")
    d = _last_weekday(base, _WEEKDAYS[name.group(0)], strictly_before=strict)
    return _span(d, d, 1, "weekday on or before publication" if not strict else "weekday before publication")


def _weekday_range(w: str, base: date) -> DateSpan | None:
    names = re.findall(_WD, w)
    if len(names) != 2:
        return None
    end = _last_weekday(base, _WEEKDAYS[names[1]])
    start = end - timedelta(days=(end.weekday() - _WEEKDAYS[names[0]]) % 7)
    return _span(start, end, 1, "weekdays on or before publication")


def _year_for(month: int, day: int, pub: date) -> date | None:
    """The most recent (month, day) on or before publication; None for a date just ahead (planned events)."""
    for year in (pub.year, pub.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d if year == pub.year or (date(pub.year, month, min(day, 28)) - pub).days > 60 else None
    return None


def _parse_one(w: str, pub: date, *, default_month: int = 0, default_year: int = 0) -> tuple[date | None, bool]:
    """One explicit date -> (date, had_year). ``default_*`` fill in the missing parts of a range's first half."""
    w = w.strip(" ,.")
    if re.fullmatch(_ISO, w):
        try:
            return date.fromisoformat(w), True
        except ValueError:
            return None, True
    day_m = re.search(r"(?<![\d])(\d{1,2})(?:st|nd|rd|th)?(?![\d])", w)
    mon_m = _MONTH_WORD.search(w)
    month = _MONTHS[mon_m.group(1)] if mon_m else 0
    month = month or default_month
    if not day_m or not month:
        return None, False
    day = int(day_m.group(1))
    year_m = re.search(rf"{_YEAR4}\b", w) or (re.search(rf"{_MON3}\.?\s+(\d\d)$", w) if not default_year else None)
    year = 0
    if year_m:
        y = year_m.group(1) if year_m.lastindex else year_m.group(0)
        year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    year = year or default_year
    if year:
        try:
            return date(year, month, day), True
        except ValueError:
            return None, True
    return _year_for(month, day, pub), False


def _date(w: str, base: date, pub: date) -> DateSpan | None:
    d, had_year = _parse_one(w, pub)
    if d is None:
        return None
    return _span(d, d, 1, "explicit date" if had_year else "day and month, year from publication date")


def _range(w: str, base: date, pub: date) -> DateSpan | None:
    if re.search(_WD, w):
        return _weekday_range(w, base)
    w = re.sub(r"^(?:between|from)\s+", "", w)
    parts = re.split(r"\s*(?:–|-(?!\d\d-)|\bto\b|\buntil\b|\btill\b|\band\b|\bthrough\b)\s*", w, maxsplit=1)
    if len(parts) != 2:
        return None
    first, second = parts
    end, had_year = _parse_one(second, pub)
    if end is None:
        # "March 3-5": the month sits in the first half
        mon = _MONTH_WORD.search(first)
        if mon:
            end, had_year = _parse_one(f"{second} {mon.group(1)}", pub)
    if end is None:
        return None
    start, _ = _parse_one(first, pub, default_month=end.month, default_year=end.year)
    if start is None:
        return None
    if start > end:  # "28 December - 3 January": the first half lies in the year before
        try:
            start = start.replace(year=start.year - 1)
        except ValueError:
            return None
    if (end - start).days > 366:
        return None
    return _span(start, end, 1, "days named" + ("" if had_year else ", year from publication date"))


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week(w: str, base: date, pub: date) -> DateSpan | None:
    if "weekend" in w:
        if "last weekend" in w:
            sat = _last_weekday(base, 5, strictly_before=True)
            if (base - sat).days < 2 and base.weekday() in (5, 6):
                sat -= timedelta(days=7)
        else:
            sat = _last_weekday(base, 5)
        return _span(sat, sat + timedelta(days=1), 2, "weekend on or before publication")
    if w.endswith("hours"):
        m = re.search(rf"(?:past|last) ({_NUM}) hours", w)
        hours = _number(m.group(1)) if m else 24
        if hours <= 24:  # "in the last 24 hours", "the past few hours": the reporting day
            return _span(base, base, 1, f"the {hours} hours before publication: publication day")
        days = -(-hours // 24)
        return _span(base - timedelta(days=days - 1), base, 2, f"the {hours} hours before publication")
    m = re.search(rf"(?:past|last|previous) ({_NUM}) (days|nights|weeks)", w)
    if m:
        n = _number(m.group(1)) * (7 if m.group(2) == "weeks" else 1)
        if n <= 0:
            return None
        return _span(base - timedelta(days=n), base - timedelta(days=1), 2, f"the {n} days before publication")
    if "recent days" in w or "few days" in w:
        return _span(base - timedelta(days=3), base - timedelta(days=1), 2, "the few days before publication")
    m = re.match(rf"({_NUM}) weeks? ago", w)
    if m:
        monday = _week_start(base) - timedelta(days=7 * _number(m.group(1)))
        return _span(monday, monday + timedelta(days=6), 2, f"week {_number(m.group(1))} weeks before publication")
    if re.search(r"(?:past|previous) week|the last week", w):
        return _span(base - timedelta(days=7), base - timedelta(days=1), 2, "the seven days before publication")
    if "last week" in w:
        monday = _week_start(base) - timedelta(days=7)
        return _span(monday, monday + timedelta(days=6), 2, "calendar week before publication (ACLED: midweek)")
    monday = _week_start(base)  # this week, earlier this week
    end = base - timedelta(days=1) if w.startswith("earlier") and base > monday else base
    return _span(monday, end, 2, "week of publication, up to publication")


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _month(w: str, base: date, pub: date) -> DateSpan | None:
    if "last month" in w:
        prev = base.replace(day=1) - timedelta(days=1)
        a, b = _month_bounds(prev.year, prev.month)
        return _span(a, b, 3, "calendar month before publication")
    if "this month" in w:
        first = base.replace(day=1)
        if w.startswith("earlier") or w.startswith("early"):
            end = max(first, base - timedelta(days=1))
            if w.startswith("early"):
                end = min(end, first + timedelta(days=9))
            return _span(first, end, 3, "month of publication, before publication")
        return _span(first, base, 3, "month of publication, up to publication")
    mon = re.search(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?$", w)
    if not mon:
        return None
    month = _MONTHS[mon.group(1)]
    if mon.group(2):
        year = int(mon.group(2))
    elif w.startswith("last ") or w.startswith("this past "):
        year = base.year if month < base.month else base.year - 1
    else:
        year = base.year if month <= base.month else base.year - 1
    a, b = _month_bounds(year, month)
    if a > pub:
        return None
    if re.match(r"(?:early|the beginning of)", w):
        return _span(a, min(a + timedelta(days=9), b), 3, "beginning of the month (ACLED: first day)")
    if re.match(r"(?:late|the end of)", w):
        return _span(max(a, b - timedelta(days=9)), b, 3, "end of the month (ACLED: last day)")
    if re.match(r"(?:mid|the middle of)", w):
        return _span(a + timedelta(days=9), a + timedelta(days=19), 3, "middle of the month")
    return _span(a, b, 3, "month named" + ("" if mon.group(2) else ", year from publication date"))


def _before(w: str, base: date, pub: date) -> DateSpan | None:
    """'in the days before X' resolves only when X is itself a date ("in the days before 4 February")."""
    target = re.sub(r"^in the (?:days|weeks|hours) (?:before|leading up to|preceding|ahead of) ", "", w)
    inner = [m for m in find_date_expressions(target) if m.kind != "before"]
    if not inner:
        return None
    span = _resolve_mention(inner[0], base, pub)
    if span is None or span.earliest is None:
        return None
    width = 21 if "weeks" in w else 7
    end = span.earliest - timedelta(days=1)
    return _span(end - timedelta(days=width - 1), end, 2, f"the {width} days before {inner[0].text}")


# ------------------------------------------------------------------------------------------ context and days
def resolve_in_context(text: str, published: date | datetime | None, *, timezone: str = "",
                       reference: date | None = None) -> list[tuple[DateMention, DateSpan | None]]:
    """Every expression of a paragraph with its span. A period counted back ("over the past three days")
    ends on the latest single day named before it in the same paragraph ("on Tuesday night"), when that day
    lies within the period counted from publication: the seed's "third night ... on Tuesday night. ... killed
    over the past three days" gives 15-17 Nov, not 16-18."""
    out: list[tuple[DateMention, DateSpan | None]] = []
    latest_day: date | None = None
    for mention in find_date_expressions(text):
        span = resolve(mention.text, published, timezone=timezone, reference=reference)
        if (span is not None and latest_day is not None and mention.kind == "week"
                and re.search(r"(?:past|last|previous)\s+\S+\s+(?:days|nights)", mention.text, re.I)
                and span.earliest is not None and span.earliest <= latest_day < (span.latest or latest_day)):
            n = (span.latest - span.earliest).days + 1  # type: ignore[operator]
            span = DateSpan(latest_day - timedelta(days=n - 1), latest_day, span.precision, span.expression,
                            f"the {n} days ending {latest_day.isoformat()}, the last day named before it")
        if span is not None and span.precision == 1 and span.earliest == span.latest:
            latest_day = max(latest_day or span.earliest, span.earliest)  # type: ignore[type-var]
        out.append((mention, span))
    return out


def split_days(span: DateSpan) -> list[date]:
    """The days of a span, for ACLED's per-day split of a total: every day of a day- or week-precision span
    (at most 31); a month-precision span gives its one ACLED coding day."""
    if span.earliest is None or span.latest is None:
        return []
    if span.precision == 3 or (span.latest - span.earliest).days > 30:
        return [acled_day(span)]  # type: ignore[list-item]
    n = (span.latest - span.earliest).days + 1
    return [span.earliest + timedelta(days=i) for i in range(n)]


def acled_day(span: DateSpan) -> date | None:
    """ACLED's event_date for a span: the day itself (tp 1 single day, or the first day of a named range);
    the middle of a week or period (tp 2: "last week" -> Thursday of that Monday-Sunday week); the month's
    middle, or its first/last day when the text says beginning/end (tp 3)."""
    if span.earliest is None or span.latest is None:
        return None
    if span.precision == 1:
        return span.earliest
    if span.precision == 3:
        if "beginning" in span.basis:
            return span.earliest
        if "end of the month" in span.basis:
            return span.latest
    return span.earliest + timedelta(days=(span.latest - span.earliest).days // 2)

"""Date expressions: finding, resolving against the publication date, ACLED precision, and the muc34 key rules."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.evaluation.muc34 import is_correct, key_ranges, sentence_date, split_message
from eventwire.model import DateSpan
from eventwire.resolve import pubdate
from eventwire.resolve.dates import (acled_day, find_date_expressions, resolve, resolve_in_context, split_days,
                                     yesterday_in)

NIE = date(2015, 11, 19)  # seed 000, Thursday, 'Published: 19th November 2015 08:57 AM' (IST)
SEED2 = date(2017, 2, 18)  # seed 002, Saturday (given with --published, as the gold set does)


def day(span: DateSpan | None) -> tuple[date | None, date | None, int]:
    assert span is not None
    return span.earliest, span.latest, span.precision


# ------------------------------------------------------------------------------------------------ seed anchors
@pytest.mark.parametrize("expression, published, expected", [
    ("yesterday", NIE, (date(2015, 11, 18), date(2015, 11, 18), 1)),
    ("on Tuesday night", NIE, (date(2015, 11, 17), date(2015, 11, 17), 1)),
    ("On Monday", NIE, (date(2015, 11, 16), date(2015, 11, 16), 1)),
    ("last week", NIE, (date(2015, 11, 9), date(2015, 11, 15), 2)),
    ("over the past week", NIE, (date(2015, 11, 12), date(2015, 11, 18), 2)),
    ("on Friday", SEED2, (date(2017, 2, 17), date(2017, 2, 17), 1)),
    ("on 4 February", SEED2, (date(2017, 2, 4), date(2017, 2, 4), 1)),
])
def test_seed_relative_date_anchors(expression, published, expected):
    span = resolve(expression, published)
    assert day(span) == expected
    assert span.expression == expression and span.basis


def test_last_week_is_coded_midweek():
    span = resolve("last week", NIE)
    assert acled_day(span) == date(2015, 11, 12)  # Thursday of 9-15 Nov, as the gold codes G000-08


def test_past_three_days_counts_back_from_the_statement_or_the_last_night_named():
    # SOHR's count was given on 18 Nov ('said yesterday'); the third night of strikes was Tuesday 17 Nov
    span = resolve("over the past three days", NIE, reference=date(2015, 11, 18))
    assert day(span) == (date(2015, 11, 15), date(2015, 11, 17), 2)
    assert split_days(span) == [date(2015, 11, 15), date(2015, 11, 16), date(2015, 11, 17)]
    paragraph = ("France launched a third night of retaliatory strikes on Raqqa on Tuesday night, reportedly "
                 "hitting two command centres. At least 33 militants have been killed in the city and its "
                 "outskirts over the past three days, according to the Syrian Observatory.")
    spans = {m.text: s for m, s in resolve_in_context(paragraph, NIE)}
    assert day(spans["over the past three days"]) == (date(2015, 11, 15), date(2015, 11, 17), 2)
    # without context: the three days before publication
    assert day(resolve("over the past three days", NIE)) == (date(2015, 11, 16), date(2015, 11, 18), 2)


def test_seed_000_text_expressions():
    text = open_seed("000_1a5c480aff3f5891.txt")
    found = [m.text for m in find_date_expressions(text)]
    for words in ("yesterday", "on Tuesday night", "over the past three days", "last week", "On Monday",
                  "in the days before the group's attacks in Paris"):
        assert words in found
    assert not any("34,000" in w or "40,000" in w for w in found)
    # the Paris attacks' date is world knowledge: no date rather than a wrong one
    assert resolve("in the days before the group's attacks in Paris", NIE) is None


def test_seed_002_no_false_dates():
    text = open_seed("002_06028e4f8420d47b.txt")
    found = [m.text for m in find_date_expressions(text)]
    assert found.count("on Friday") == 2 and "on 4 February" in found
    assert not any("3rd" in w or "5km" in w for w in found)


def open_seed(name: str) -> str:
    from eventwire.settings import shared_dir

    path = shared_dir() / "seeds" / name
    if not path.exists():
        pytest.skip(f"seed {path} not available")
    return path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------ time zones
def test_yesterday_in_the_outlets_time_zone():
    # 20:00 UTC on 18 Nov is 01:30 IST on 19 Nov: the New Indian Express's 'yesterday' is 18 Nov
    late = datetime(2015, 11, 18, 20, 0, tzinfo=timezone.utc)
    assert yesterday_in(late, "IST") == date(2015, 11, 18)
    assert yesterday_in(late, "UTC") == date(2015, 11, 17)
    assert yesterday_in(NIE, "IST") == date(2015, 11, 18)
    assert day(resolve("yesterday", late, timezone="IST")) == (date(2015, 11, 18), date(2015, 11, 18), 1)
    assert "IST" in resolve("yesterday", late, timezone="IST").basis


# ------------------------------------------------------------------------------------------------ expressions
@pytest.mark.parametrize("expression, expected", [
    ("between 3 and 5 February", (date(2017, 2, 3), date(2017, 2, 5), 1)),
    ("3-5 February", (date(2017, 2, 3), date(2017, 2, 5), 1)),
    ("February 3-5, 2017", (date(2017, 2, 3), date(2017, 2, 5), 1)),
    ("from 28 December to 3 January", (date(2016, 12, 28), date(2017, 1, 3), 1)),
    ("4 JAN 90", (date(1990, 1, 4), date(1990, 1, 4), 1)),
    ("on Tuesday, 14 February", (date(2017, 2, 14), date(2017, 2, 14), 1)),
    ("February 4", (date(2017, 2, 4), date(2017, 2, 4), 1)),
    ("4th of February 2017", (date(2017, 2, 4), date(2017, 2, 4), 1)),
    ("2017-02-04", (date(2017, 2, 4), date(2017, 2, 4), 1)),
    ("the day before yesterday", (date(2017, 2, 16), date(2017, 2, 16), 1)),
    ("last night", (date(2017, 2, 17), date(2017, 2, 17), 1)),
    ("today", (SEED2, SEED2, 1)),
    ("two days ago", (date(2017, 2, 16), date(2017, 2, 16), 1)),
    ("last Saturday", (date(2017, 2, 11), date(2017, 2, 11), 1)),  # strictly before a Saturday
    ("on Saturday", (SEED2, SEED2, 1)),
    ("this week", (date(2017, 2, 13), SEED2, 2)),
    ("last weekend", (date(2017, 2, 11), date(2017, 2, 12), 2)),
    ("earlier this month", (date(2017, 2, 1), date(2017, 2, 17), 3)),
    ("last month", (date(2017, 1, 1), date(2017, 1, 31), 3)),
    ("in January", (date(2017, 1, 1), date(2017, 1, 31), 3)),
    ("in December", (date(2016, 12, 1), date(2016, 12, 31), 3)),
    ("late January", (date(2017, 1, 22), date(2017, 1, 31), 3)),
    ("in the days before 4 February", (date(2017, 1, 28), date(2017, 2, 3), 2)),
])
def test_expressions(expression, expected):
    assert day(resolve(expression, SEED2)) == expected


@pytest.mark.parametrize("text", ["34,000-40,000 barrels", "the 3rd phase", "within 5km of the city",
                                  "they may 4 times", "at 2140 hours", "in may", "the Sunday Times said"])
def test_not_dates(text):
    assert [m.text for m in find_date_expressions(text)] == []


@pytest.mark.parametrize("expression", ["tomorrow", "next week", "on 25 February", "4 March 2017", "in 2020"])
def test_future_or_undated_gives_none(expression):
    assert resolve(expression, SEED2) is None


def test_no_publication_date_no_date():
    assert resolve("yesterday", None) is None
    assert resolve("4 February 2017", None) is None


def test_mentions_have_offsets():
    text = "Strikes hit Raqqa on Tuesday night and again yesterday."
    for m in find_date_expressions(text):
        assert text[m.start:m.end] == m.text


def test_split_days_and_acled_day():
    span = resolve("between 3 and 5 February", SEED2)
    assert split_days(span) == [date(2017, 2, 3), date(2017, 2, 4), date(2017, 2, 5)]
    month = resolve("last month", SEED2)
    assert split_days(month) == [date(2017, 1, 16)]
    assert acled_day(resolve("early January", SEED2)) == date(2017, 1, 1)
    assert split_days(DateSpan(None, None, 0)) == []


# ------------------------------------------------------------------------------------------------ property tests
EXPRESSIONS = ["yesterday", "today", "tonight", "last night", "this morning", "on Monday", "on Tuesday night",
               "last Wednesday", "Thursday", "on Friday morning", "Saturday's", "on Sunday", "last week",
               "this week", "earlier this week", "over the past three days", "the past 10 days", "in recent days",
               "over the past week", "last weekend", "over the weekend", "two weeks ago", "earlier this month",
               "last month", "this month", "in January", "early March", "late December", "mid-June",
               "4 February", "February 29", "31 April", "30 December", "1 January", "4 JAN 90",
               "between 3 and 5 March", "28 February - 2 March", "from Monday to Wednesday", "3 days ago",
               "a few days ago", "the day before yesterday", "in the days before 4 February",
               "in the last 48 hours", "since 1 March", "last May", "Tuesday, 5 August", "on 12 and 13 November",
               "12 NOV 89 - 15 NOV 89", "February 4, 2017", "2016-02-29", "in March 2016"]


@settings(max_examples=400, deadline=None)
@given(expression=st.sampled_from(EXPRESSIONS),
       published=st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31)),
       reference_back=st.one_of(st.none(), st.integers(min_value=0, max_value=10)),
       tz=st.sampled_from(["", "IST", "UTC", "Europe/Paris"]))
def test_never_after_publication(expression, published, reference_back, tz):
    reference = published - timedelta(days=reference_back) if reference_back is not None else None
    span = resolve(expression, published, timezone=tz, reference=reference)
    if span is None:
        return
    assert span.earliest is not None and span.latest is not None
    assert span.earliest <= span.latest <= published
    assert span.precision in (1, 2, 3)
    assert span.expression == expression and span.basis
    days = split_days(span)
    assert days and all(d <= published for d in days)
    assert acled_day(span) <= published


@settings(max_examples=200, deadline=None)
@given(published=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1),
                              timezones=st.just(timezone.utc)),
       tz=st.sampled_from(["IST", "UTC", "EST", "Asia/Damascus", "Europe/Moscow"]),
       expression=st.sampled_from(["yesterday", "on Monday", "last week", "3-5 March", "today"]))
def test_aware_datetimes_never_after_local_publication_day(published, tz, expression):
    from eventwire.resolve.dates import local_date

    span = resolve(expression, published, timezone=tz)
    if span is not None:
        assert span.latest <= local_date(published, tz)


@settings(max_examples=200, deadline=None)
@given(published=st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31)),
       weekday=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_the_most_recent_on_or_before_publication(published, weekday):
    span = resolve(f"on {weekday}", published)
    assert span.earliest.strftime("%A") == weekday
    assert 0 <= (published - span.earliest).days <= 6


@settings(max_examples=200, deadline=None)
@given(published=st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31)),
       target=st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31)))
def test_explicit_dates_round_trip(published, target):
    text = f"{target.day} {target.strftime('%B')} {target.year}"
    span = resolve(text, published)
    if target <= published:
        assert day(span) == (target, target, 1)
    else:
        assert span is None


# ------------------------------------------------------------------------------------------------ pubdate
@pytest.mark.parametrize("paragraph, expected, outlet", [
    ("SAN SALVADOR, 4 JAN 90 -- [TEXT] ACCORDING TO", date(1990, 1, 4), ""),
    ("PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] DEPORTED", date(1989, 6, 11), "AFP"),
    ("Lima, 23 Aug 88 (EFE) -- [Text] Today", date(1988, 8, 23), "EFE"),
    ("TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB", None, "REUTER"),
    ("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT]", None, "RADIO VENCEREMOS"),
])
def test_pubdate_datelines(paragraph, expected, outlet):
    found = pubdate.from_paragraphs([paragraph])
    assert found.date == expected and found.outlet == outlet


def test_pubdate_published_line_after_an_undated_dateline():
    found = pubdate.from_paragraphs(["BEIRUT (Reuters) - Syrian", "Published: 19th November 2015 08:57 AM"])
    assert found.date == NIE and found.outlet == "Reuters"


# ------------------------------------------------------------------------------------------------ muc34 rules
def test_muc_key_forms():
    assert key_ranges("21 JAN 89") == [(date(1989, 1, 21), date(1989, 1, 21))]
    assert key_ranges("15 JAN 89 - 21 JAN 89") == [(date(1989, 1, 15), date(1989, 1, 21))]
    assert key_ranges("- 21 JAN 89") == [(date(1989, 1, 15), date(1989, 1, 21))]
    assert key_ranges("(05 OCT 89) / (04 OCT 89 - 05 OCT 89)") == [
        (date(1989, 10, 5), date(1989, 10, 5)), (date(1989, 10, 4), date(1989, 10, 5))]
    assert key_ranges("-") == []
    assert key_ranges("OCT 18") is None


def test_muc_scoring_rule():
    key = key_ranges("15 JAN 89 - 21 JAN 89")
    assert is_correct((date(1989, 1, 16), date(1989, 1, 16)), key)  # more precise than the key: right
    assert not is_correct((date(1989, 1, 14), date(1989, 1, 16)), key)
    assert is_correct(None, key_ranges("-")) and not is_correct(None, key)
    assert not is_correct((date(1989, 1, 21), date(1989, 1, 21)), key_ranges("20 JAN 89"))


def test_muc_message_reading():
    text = ("   LIMA, 8 MAY 89 (TELEVISION PERUANA) -- [TEXT] POLICE SAID TODAY THAT TERRORISTS KILLED TWO\n"
            "GUARDS LAST NIGHT.  THE ATTACK TOOK PLACE IN MIRAFLORES.\n\n   MORE FOLLOWS.")
    published, sentences = split_message(text)
    assert published == date(1989, 5, 8)
    assert sentences[0].text.startswith("POLICE SAID TODAY")
    # the statement date ('SAID TODAY') loses to the incident's own date
    span, statement = sentence_date(sentences[0].text, published)
    assert span == (date(1989, 5, 7), date(1989, 5, 7)) and not statement


def test_a_possessive_day_that_lost_its_apostrophe_is_a_date():
    published = date(2016, 9, 20)  # a Tuesday
    found = [m.text for m in find_date_expressions("Mondays raid on the convoy and yesterdays attack")]
    assert found == ["Mondays", "yesterdays"]
    assert resolve("Mondays", published).earliest == date(2016, 9, 19)
    assert resolve("yesterdays", published).earliest == date(2016, 9, 19)
    # a habit, not a day
    assert find_date_expressions("The market closes on Mondays and Tuesdays and Thursdays are quiet") == []


def test_an_undated_text_keeps_its_reports_with_the_day_left_open():
    from eventwire import pipeline

    art = pipeline.process(pipeline.article_from_text(
        "Gunmen killed five people in Kano on Monday, police said.", published=None), pipeline.PipelineConfig(nlp="rules"))
    assert len(art.reports) == 1
    got = art.reports[0].date
    assert got is not None and (got.earliest, got.precision, got.expression) == (None, 0, "on Monday")
    dated = pipeline.process(pipeline.article_from_text(
        "Rebels attacked an army base in Gao on 5 March 2024, killing four soldiers.", published=None),
        pipeline.PipelineConfig(nlp="rules"))
    assert [(r.date.earliest, r.date.expression) for r in dated.reports if r.date] == [(None, "on 5 March 2024")]

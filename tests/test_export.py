"""ACLED export rows from hand-built events."""
from __future__ import annotations

from datetime import date

from eventwire.export import ACLED_COLUMNS, EXTRA_COLUMNS, acled_row, region
from eventwire.model import Actor, DateSpan, Event, Place


def event(**kw) -> Event:
    base = dict(id="ev1", report_ids=["r1", "r2"], event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", disorder_type="Political violence",
                actor1=Actor("fra", "France", "Military Forces of France (2012-2017)", inter=8),
                actor2=Actor("is", "Islamic State", "Islamic State (Syria)", inter=2), assoc_actor1=[], assoc_actor2=[],
                place=Place("172955", "Ar Raqqah", 35.95283, 39.00788, "city", "Ar Raqqah", "", "Syria", "SY", "SYR", 760),
                geo_precision=1, date=DateSpan(date(2015, 11, 17), date(2015, 11, 17), 1, "on Tuesday night"),
                fatalities=11, fatalities_min=11, fatalities_max=11, n_sources=1, sources=["New Indian Express"])
    base.update(kw)
    return Event(**base)


def test_row_has_every_column_with_acled_labels():
    row = acled_row(event(), timestamp=1700000000, evidence=["France launched strikes."])
    assert list(row) == ACLED_COLUMNS + EXTRA_COLUMNS
    assert row["interaction"] == "Rebel group-External/Other forces" and row["interaction_code"] == 28
    assert row["inter1"] == "External/Other forces" and row["inter2"] == "Rebel group"
    assert row["iso"] == 760 and row["region"] == "Middle East" and row["latitude"] == "35.9528"
    assert row["event_date"] == "2015-11-17" and row["year"] == 2015 and row["time_precision"] == 1
    assert row["date_expression"] == "on Tuesday night" and row["report_ids"] == "r1; r2"


def test_one_sided_and_civilian_targeting():
    row = acled_row(event(actor2=None, sub_event_type="Change to group/activity", civilian_targeting=True))
    assert row["interaction"] == "External/Other forces only" and row["inter2"] == "" and row["inter2_code"] == 0
    assert row["civilian_targeting"] == "Civilians targeted"


def test_regions():
    assert region("IRQ") == "Middle East" and region("NGA") == "Western Africa" and region("AFG") == "South Asia"
    assert region("MMR") == "Southeast Asia" and region("UKR") == "Europe" and region("COL") == "South America"

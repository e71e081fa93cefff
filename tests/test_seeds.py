"""Golden end-to-end fixtures: the two seed articles give real, dated, located, evidenced events."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.cluster import event_day
from eventwire.ingest import IngestOptions, read_inputs
from eventwire.pipeline import PipelineConfig, process

from .conftest import shared_or_skip

pytestmark = pytest.mark.slow


def reports_of(name: str, published: date | None = None, nlp: str = "default"):
    path = shared_or_skip("seeds", name)
    (article,) = list(read_inputs([str(path)], IngestOptions(published=published)))
    article = process(article, PipelineConfig(nlp=nlp))
    assert not article.skipped, article.skipped
    return article, article.reports


@pytest.mark.parametrize("nlp", ["default", "rules"])
def test_seed_000(nlp):
    article, reports = reports_of("000_1a5c480aff3f5891.txt", nlp=nlp)
    assert article.published == date(2015, 11, 19) and article.outlet == "The New Indian Express"
    french = [r for r in reports if r.sub_event_type == "Air/drone strike" and r.place and "Raqqa" in r.place.name]
    assert sorted(event_day(r.date) for r in french) == [date(2015, 11, 15), date(2015, 11, 16), date(2015, 11, 17)]
    assert all(r.fatalities == 11 and r.actor1.acled_name == "Military Forces of France (2012-2017)" for r in french)
    assert all(any(c.name == "Syrian Observatory for Human Rights" for c in r.attributed_to) for r in french)
    (oil,) = [r for r in reports if r.sub_event_type == "Air/drone strike" and r.place and "Deir" in r.place.name]
    assert event_day(oil.date) == date(2015, 11, 16) and oil.fatalities == 0 and "oil smuggling trucks" in oil.sentence
    moves = [r for r in reports if r.sub_event_type == "Change to group/activity"]
    assert any(r.origin and "Raqqa" in r.origin.name and r.destination and r.destination.name == "Mosul" for r in moves)
    (hq,) = [r for r in reports if r.sub_event_type == "Headquarters or base established"]
    assert "Deir" in hq.place.name and any(c.name == "Deir Ezzor 24" for c in hq.attributed_to)
    for r in reports:
        assert r.evidence and all(article.text[s.start:s.end] for s in r.evidence)
    # nothing from the boilerplate, the roll-up, the habitual or the future statements
    assert not [r for r in reports if "regularly bombed" in r.sentence or "often bombed" in r.sentence]


def test_seed_002_needs_a_date_and_gets_the_movement():
    article, reports = reports_of("002_06028e4f8420d47b.txt", published=date(2017, 2, 18))
    (move,) = reports
    assert move.sub_event_type == "Change to group/activity" and event_day(move.date) == date(2017, 2, 17)
    assert move.actor1.acled_name == "Islamic State (Syria)" and "Raqqa" in move.place.name
    assert move.actor2 is None and len(move.evidence) >= 3

"""Casualty figures: digits, words, vague words, ranges, lowest figure, per-day split."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.extract import counts


@pytest.mark.parametrize("sentence, field, low, high", [
    ("At least 33 militants have been killed in the city over the past three days", "killed", 33, 33),
    ("a blast killed five people and wounded 12 others", "killed", 5, 5),
    ("killing dozens of militants", "killed", 12, 12),
    ("several civilians were killed", "killed", 3, 3),
    ("many people died in the fire", "killed", 10, 10),
    ("hundreds of people were killed", "killed", 100, 100),
    ("between 10 and 15 civilians were killed", "killed", 10, 15),
    ("The death toll rose to 40", "killed", 40, 40),
    ("police arrested several protesters", "arrested", 3, 3),
    ("gunmen kidnapped 276 schoolgirls", "abducted", 276, 276),
    ("twenty-one soldiers were killed", "killed", 21, 21),
    ("more than 150 others were wounded", "injured", 150, 150),
    # toll updates, headlines in the present tense, an "including" aside, modifiers that are not verbs
    ("The death toll from the ambulance bombing in Kabul on Saturday has risen to 103, officials said", "killed", 103, 103),
    ("The number of people killed in a suspected chemical attack on the town has risen to 86", "killed", 86, 86),
    ("The death toll from Saturday's truck bomb has passed 300", "killed", 300, 300),
    ("Death toll in bomb attack on Syria evacuees hits 43", "killed", 43, 43),
    ("ISIL kills 700 people from Syrian tribe", "killed", 700, 700),
    ("The attack claimed the lives of at least 27 children", "killed", 27, 27),
    ("opposition forces stated that some 80 people were killed", "killed", 80, 80),
    ("At least 12 civilians including four children and a pregnant woman were killed Wednesday", "killed", 12, 12),
    ("At least 11 civilians among them three children were killed Thursday", "killed", 11, 11),
    ("two women and two children were among eight people killed when a barrel bomb hit", "killed", 8, 8),
    ("At least 70 Syrian regime and rebel fighters have been killed", "killed", 70, 70),
    ("killing at least 25 soldiers and injuring many more", "injured", 10, 10),
])
def test_figures(sentence, field, low, high):
    found = [f for f in counts.find(sentence) if f.field == field]
    assert found, sentence
    assert (found[0].low, found[0].high) == (low, high)


@pytest.mark.parametrize("sentence", [
    "US jets attacked hundreds of oil smuggling trucks in Deir Ezzor",
    "In 2013 the group moved its headquarters",
    "production of 34,000-40,000 barrels per day",
    "The SDF launched the 3rd phase of the operation",
])
def test_no_false_figures(sentence):
    assert not [f for f in counts.find(sentence) if f.field == "killed"]


def test_an_active_verb_counts_for_its_own_field_only():
    """'injuring many' is a count of injured, never of killed."""
    found = {(f.field, f.low) for f in counts.find("killing at least 25 soldiers and injuring many more")}
    assert found == {("killed", 25), ("injured", 10)}


def test_lowest_figure_is_the_headline():
    figs = counts.find("Officials said 30 were killed; a monitor said 45 were killed")
    assert counts.totals(figs)["killed"] == (30, 45)


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=14))
def test_split_per_day_sums_and_is_even(total, days):
    parts = counts.split_per_day(total, days)
    assert sum(parts) == total and len(parts) == days
    assert max(parts) - min(parts) <= 1 and parts == sorted(parts, reverse=True)


@given(st.integers(min_value=1, max_value=99999))
def test_never_more_than_the_largest_number_stated(n):
    (f,) = [f for f in counts.find(f"at least {n:,} people were killed") if f.field == "killed"]
    assert f.low == n and f.high == n


@pytest.mark.parametrize("sentence, low", [
    ("an official spokesman said 40 of these deaths have taken place due to police firing", 40),
    ("advani said 77 deaths due to police firing had been reported", 77),
])
def test_deaths_as_figures(sentence, low):
    found = [f for f in counts.find(sentence) if f.field == "killed"]
    assert found and found[0].low == low


def test_a_stated_number_beats_a_vague_word():
    found = counts.find("Dozens of people were killed, and the monitor said at least 58 people were killed")
    assert counts.totals(found)["killed"] == (58, 58) and counts.vague_fields(found) == set()
    vague = counts.find("Dozens of people were killed and hundreds were injured")
    assert counts.totals(vague)["killed"] == (12, 12) and counts.vague_fields(vague) == {"killed", "injured"}


def test_two_groups_counted_together_are_summed():
    from eventwire.extract.counts import find

    assert [(f.field, f.low) for f in find("Two women and two soldiers were killed in the attack")] == [("killed", 4)]
    assert [(f.field, f.low) for f in find("The strike hit a market, killing 5 soldiers and 3 civilians.")] == \
        [("killed", 8)]
    # a group with its own verb is not among the dead
    assert [(f.field, f.low) for f in find("killing 5 soldiers and 3 civilians were wounded")][0] == ("killed", 5)


def test_of_whom_counts_the_dead_among_a_group():
    from eventwire.extract.counts import find

    figures = find("Hospitals treated about 3,600 patients with neurotoxic symptoms, 355 of whom died.")
    assert [(f.field, f.low) for f in figures] == [("killed", 355)]

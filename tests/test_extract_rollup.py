"""Roll-up statements, ORG actors, confidence scoring and the India police label mapping."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.evaluation.india_police import police_kill, statement_labels
from eventwire.extract import modality, rollup, scoring, triggers
from eventwire.model import Actor, Report
from eventwire.pipeline import PipelineConfig, article_from_text, process


def _article(text: str, nlp: str = "rules"):
    return process(article_from_text(text, published=date(2002, 3, 5)), PipelineConfig(nlp=nlp))


def test_rollups_are_statements_not_events():
    a = _article("Officials said 73 people have died in police firing while over 2,500 have been arrested in the "
                 "state over the last five days.")
    assert not a.reports  # no single incident, place or day: ACLED codes none
    (st,) = rollup.statements(a)
    assert st.killed and st.detained
    labels = statement_labels([{"killed": st.killed, "detained": st.detained}])
    assert labels == {"KILL", "ARREST"}


def test_negated_and_demanded_arrests_are_no_statements():
    a = _article("Nobody was arrested as it was a peaceful march. The party demanded that the minister be arrested. "
                 "He suffered a cardiac arrest.")
    assert not any(st.detained for st in rollup.statements(a))


def test_police_kill_needs_police_action_in_the_same_clause():
    assert police_kill("one person died in police firing at Bharuch")
    assert police_kill("the police opened fire, killing two rioters")
    assert not police_kill("While six people were injured in police firing, 12 people were killed by the rioters.")
    assert not police_kill("Three people were stabbed to death, police said.")


@pytest.mark.parametrize("sentence,kind", [
    ("Six activists have been booked under the Arms Act.", "arrest"),
    ("Police were locking up the rabble-rousers.", "arrest"),
    ("Four men were taken into custody.", "arrest"),
])
def test_detention_triggers(sentence, kind):
    assert [t.kind for t in triggers.find(sentence)] == [kind]


@pytest.mark.parametrize("sentence", [
    "He suffered a cardiac arrest last week.",
    "An arrest warrant was prepared.",
    "The gate has been locked up, with a single entrance open.",
    "Our troops seized an M-14 rifle, five knapsacks and six grenades.",
    "Two crewmen died when the helicopter crashed into the lake.",
])
def test_no_trigger(sentence):
    assert not [t for t in triggers.find(sentence) if t.kind in ("arrest", "grenade", "kill")]


def test_a_standing_conflict_is_no_incident():
    s = "Turkey views the YPG as an extension of the PKK, a group Turkey is fighting."
    t = next(t for t in triggers.find(s) if t.text == "fighting")
    assert not modality.classify(s, t.start, t.end).is_event
    s2 = "IS is fighting in Kobani, activists said."
    t2 = next(t for t in triggers.find(s2) if t.text == "fighting")
    assert modality.classify(s2, t2.start, t2.end).is_event


def test_relative_clause_escapes_the_demand():
    s = 'The VHP demanded action against the policemen who on Sunday killed a man.'
    t = next(t for t in triggers.find(s) if t.text == "killed")
    assert modality.classify(s, t.start, t.end).is_event


def _report(**kw) -> Report:
    base = {"id": "r", "article_id": "a", "event_type": "Battles", "sub_event_type": "Armed clash",
            "disorder_type": "Political violence", "trigger": "clashes", "evidence": [], "sentence": ""}
    base.update(kw)
    return Report(**base)


def test_confidence_rises_with_explicit_date_and_figures():
    trig = triggers.Trigger(0, 7, "clashes", "Armed clash", 0.8, "clash")
    bare = scoring.confidence(trig, _report(), place_explicit=False, date_explicit=False, fallback_place=True)
    rich = scoring.confidence(trig, _report(fatalities=3, actor1=Actor(id="x", name="X", acled_name="X")),
                              place_explicit=True, date_explicit=True, fallback_place=False)
    assert 0.0 <= bare < rich <= 1.0
    assert len(scoring.WEIGHTS) == len(scoring.FEATURES)


@pytest.mark.slow
def test_unknown_organisation_is_kept_as_raw_actor():
    a = _article("The Zarate Willka Commando bombed the planning ministry in La Paz on Monday.", nlp="default")
    (rep,) = [r for r in a.reports if r.place]
    assert rep.actor1 is not None and rep.actor1.id == "raw:Zarate Willka Commando"
    quoted = _article("The Interior Ministry said gunmen attacked a bus in Cali on Monday.", nlp="default")
    assert not any(r.actor1 and "Ministry" in r.actor1.name for r in quoted.reports)

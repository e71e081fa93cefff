"""Triggers are typed into ACLED sub-event types; nouns count as triggers too."""
from __future__ import annotations

import pytest

from eventwire.extract import taxonomy, triggers


@pytest.mark.parametrize("sentence, sub", [
    ("France launched a third night of retaliatory strikes on Raqqa.", "Air/drone strike"),
    ("US jets attacked oil trucks in Deir Ezzor.", "Air/drone strike"),
    ("Heavy clashes continued near the town.", "Armed clash"),
    ("The army shelled rebel-held districts.", "Shelling/artillery/missile attack"),
    ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
    ("A roadside bomb hit a police patrol.", "Remote explosive/landmine/IED"),
    ("Gunmen abducted 20 students.", "Abduction/forced disappearance"),
    ("Thousands of protesters marched in the capital.", "Peaceful protest"),
    ("Rioters torched police stations.", "Violent demonstration"),
    ("A nationwide ceasefire took effect at midnight.", "Agreement"),
    ("Kurdish forces recaptured the town of Sinjar.", "Government regains territory"),
    ("Militants captured the town after a two-day battle.", "Non-state actor overtakes territory"),
    ("The assassination of the commander shocked the city.", "Attack"),
    ("The militia imposed a blockade on the city.", "Other"),
    ("Syrian rebel forces advanced into a key regime-held district.", "Armed clash"),
    ("The death toll from Saturday's truck bomb has passed 300.", "Remote explosive/landmine/IED"),
    ("Hospitals treated 3,600 patients with neurotoxic symptoms.", "Chemical weapon"),
])
def test_types(sentence, sub):
    found = triggers.find(sentence)
    best = min(found, key=lambda t: (taxonomy.RANK[t.sub_event_type], -t.strength))
    assert best.sub_event_type == sub


def test_every_sub_type_is_acleds():
    assert len(taxonomy.SUB_TYPES) == 25 and len(taxonomy.EVENT_TYPES) == 6
    for _, _, sub, _ in triggers._LEX:
        assert sub in taxonomy.SUB_TYPES


def test_movement_needs_something_an_armed_group_moves():
    s = "ISIL is reportedly moving fighters and family members out of Raqqa."
    (t,) = [t for t in triggers.find(s) if t.kind == "move"]
    assert triggers.is_movement_of_armed_group(s, t)
    s2 = "The minister is moving to a new office."
    (t2,) = [t for t in triggers.find(s2) if t.kind == "move"]
    assert not triggers.is_movement_of_armed_group(s2, t2)


@pytest.mark.parametrize("sentence, word, kind", [
    ("They accused the intelligence services of assassinating the candidate.", "assassinating", "attack"),
    ("Gunmen were murdering peasants in the village.", "murdering", "attack"),
    ("The patrol was accused of massacring ten villagers.", "massacring", "attack"),
    ("Terrorists dynamited the power station.", "dynamited", "ied"),
])
def test_progressive_acts_and_dynamited_are_triggers(sentence, word, kind):
    assert any(t.text == word and t.kind == kind for t in triggers.find(sentence))


def test_a_class_with_its_country_fixed_is_the_side_of_its_class():
    assert taxonomy.side("generic:rebels@SYR") == taxonomy.side("generic:rebels") == "generic:rebels"
    assert taxonomy.side("state:SYR:military") == taxonomy.side("state:SYR:government") == "state:SYR"

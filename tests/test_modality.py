"""Negated, future, hypothetical and habitual statements are not events; claims keep their modality."""
from __future__ import annotations

import pytest

from eventwire.extract import modality, triggers


def classify(sentence: str) -> modality.Modality:
    trig = [t for t in triggers.find(sentence) if t.kind != "kill"] or triggers.find(sentence)
    assert trig, sentence
    return modality.classify(sentence, trig[0].start, trig[0].end)


@pytest.mark.parametrize("sentence, reason", [
    ("The army did not shell the village.", "negated"),
    ("Rebels will attack the base next week.", "future or hypothetical"),
    ("Ankara plans to storm Raqqa with allied groups.", "future or hypothetical"),
    ("If talks fail, the militia could attack the town.", "future or hypothetical"),
    ("Mosul is a city that is regularly bombed by coalition forces.", "habitual"),
    ("The coalition has often bombed oil sites.", "habitual"),
    ("Barrel bombs are crude weapons that are typically dropped from helicopters.", "generic: a kind of event, not an incident"),
    ("Claims of chemical weapons attacks are not uncommon in the conflict.", "generic: a kind of event, not an incident"),
    ("Opposition forces fight back in Aleppo to recapture the encircled district.", "future or hypothetical"),
])
def test_non_events(sentence, reason):
    m = classify(sentence)
    assert not m.is_event and m.reason == reason


@pytest.mark.parametrize("sentence, mod", [
    ("Government forces shelled the village on Monday.", "asserted"),
    ("ISIL is reportedly moving fighters out of Raqqa.", "reported"),
    ("The group claimed it bombed the checkpoint.", "claimed"),
    ("The Islamic State group, commonly known as ISIS, bombed the checkpoint on Monday.", "asserted"),
    ("At least 33 militants have been killed, according to the Syrian Observatory.", "reported"),
])
def test_events_keep_their_modality(sentence, mod):
    m = classify(sentence)
    assert m.is_event and m.modality == mod


def test_verification_note():
    s = "it was not possible to immediately verify the claims of movements to Mosul"
    assert modality.verification_note(s) == "not possible to immediately verify"
    assert modality.verification_note("Rebels attacked the town.") == ""


def test_a_plan_reaches_the_last_act_of_a_list():
    s = "The police will be capturing, torturing, and assassinating; the jails will be filled."
    at = s.index("assassinating")
    assert modality.classify(s, at, at + len("assassinating")).reason == "future or hypothetical"
    s = "He had the mission of assassinating president Azcona."
    at = s.index("assassinating")
    assert not modality.classify(s, at, at + len("assassinating")).is_event
    # an act after ", and" with its own subject keeps its own clause
    s = "Talks will resume next week, and gunmen killed a mayor today."
    at = s.index("killed")
    assert modality.classify(s, at, at + len("killed")).is_event

"""Event location (Halterman 2019 task), case restoration and argument phrases, on hand-built sentences."""
from __future__ import annotations

import hashlib

import pytest

from eventwire.evaluation.event_location import sentence_article
from eventwire.extract import arguments, truecase
from eventwire.extract import location_features as lf
from eventwire.extract import location_model as lm
from eventwire.extract.location import locate, locate_rules, select
from eventwire.model import Article, Mention, Span


def annotate(text: str, backend: str) -> Article:
    from eventwire import nlp

    raw = text.encode()
    art = Article(locator="t", kind="txt", raw=raw, raw_sha256=hashlib.sha256(raw).hexdigest(), body=text, text=text,
                  id="t", paragraphs=[Span(0, len(text))], language="en")
    return nlp.annotate(art, backend)


def where(text: str, verb: str, backend: str = "default", *, use_model: bool = True) -> list[str]:
    art = annotate(text, backend)
    at = text.index(verb)
    sent = next(s for s in art.sentences if s.start <= at < s.end)
    places = [m for m in art.mentions if m.kind == "place"]
    return [m.text for m in locate(art, sent, Span(at, at + len(verb)), places, use_model=use_model)]


@pytest.mark.slow
@pytest.mark.parametrize("text, verb, expected", [
    ("Around 100,000 supporters demonstrated in Rome on Saturday.", "demonstrated", ["Rome"]),
    ("A civilian was killed by a mortar in central Damascus on Thursday.", "killed", ["Damascus"]),
    ("U.S. forces captured four suspected insurgents on Thursday.", "captured", []),  # a place naming an actor
    ("Eritrea captured Badme at the start of the war.", "captured", ["Badme"]),  # object of a territorial verb
])
def test_locate_with_parse(text, verb, expected):
    assert where(text, verb) == expected


@pytest.mark.parametrize("text, verb, expected", [
    ("Protesters demonstrated in Rome on Saturday.", "demonstrated", ["Rome"]),
    ("Gunmen killed two people; later, talks were held in Geneva.", "killed", []),  # another clause
])
def test_locate_without_parse(text, verb, expected):
    assert where(text, verb, "rules", use_model=False) == expected


@pytest.mark.parametrize("text, verb, expected", [
    ("Protesters demonstrated in Rome on Saturday.", "demonstrated", ["Rome"]),
    ("Gunmen killed two people in Kabul on Monday.", "killed", ["Kabul"]),
])
def test_trained_chooser_without_parse(text, verb, expected):
    assert where(text, verb, "rules") == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, verb, expected", [
    ("Around 100,000 supporters demonstrated in Rome on Saturday.", "demonstrated", ["Rome"]),
    ("U.S. forces captured four suspected insurgents on Thursday.", "captured", []),
    ("The suspects were captured during a raid on a house in Dunya Pur, a small village.", "captured", ["Dunya Pur"]),
])
def test_trained_chooser_with_parse(text, verb, expected):
    assert where(text, verb) == expected


def test_candidates_add_uncovered_capitalised_runs_and_trim_articles():
    from eventwire import nlp

    text = "Gunmen attacked the Kissufim crossing near al-Tijara on Monday."
    art = nlp.annotate(sentence_article(text), "rules")
    art.mentions = [Mention("t", text.index("the Kissufim"), text.index(" crossing"), "the Kissufim", "place", "GPE")]
    got = [c.text for c in lf.candidates(art, Span(0, len(text)), art.mentions)]
    assert "Kissufim" in got  # leading article trimmed
    assert "al-Tijara" in got  # a place no tagger found, with its article prefix
    assert "Monday" not in got and "Gunmen" not in got  # day names and the sentence-initial word are not places


def test_select_takes_best_then_only_confident_others():
    from types import SimpleNamespace as C

    cands = [C(start=0, end=5), C(start=3, end=9), C(start=20, end=25), C(start=30, end=35)]
    picked = select(cands, [0.4, 0.9, 0.5, 0.8], threshold=0.3, second=0.7)
    assert [(c.start, c.end) for c in picked] == [(3, 9), (30, 35)]  # overlap dropped, 0.5 < second
    assert select(cands, [0.1, 0.2, 0.25, 0.0], threshold=0.3, second=0.7) == []


def test_fit_learns_a_separable_feature_and_round_trips():
    feats = [{"bias": 1.0, "prep=in": 1.0}] * 20 + [{"bias": 1.0, "dep=nsubj": 1.0}] * 20
    labels = [1.0] * 20 + [0.0] * 20
    model = lm.fit(feats, labels, l2=0.1)
    p = model.scores([{"bias": 1.0, "prep=in": 1.0}, {"bias": 1.0, "dep=nsubj": 1.0}, {"bias": 1.0, "unseen": 1.0}])
    assert p[0] > 0.8 and p[1] < 0.2
    back = lm.from_bytes(lm.to_bytes({"parse": model}))["parse"]
    assert back.names == model.names and back.threshold == model.threshold and back.second == model.second
    assert (back.weights == model.weights).all()


def test_hand_written_chooser_still_available():
    text = "Protesters demonstrated in Rome on Saturday."
    art = annotate(text, "rules")
    at = text.index("demonstrated")
    got = locate_rules(art, art.sentences[0], Span(at, at + 12), [m for m in art.mentions if m.kind == "place"])
    assert [m.text for m in got] == ["Rome"]


def test_truecase_restores_places_and_keeps_length():
    text = "a bomb exploded in bogota today. the police said nobody was hurt in the attack on the embassy."
    out = truecase.restore(text)
    assert len(out) == len(text)
    assert "Bogota" in out and out.startswith("A bomb") and "The police" in out
    assert "embassy" in out  # common words stay lower case


def test_truecase_leaves_mixed_case_alone():
    text = "A bomb exploded in Bogota today, police said."
    assert truecase.restore(text) == text


def test_weapons_found_without_parse():
    text = "Terrorists placed a car bomb and dynamite sticks near the ministry."
    art = annotate(text, "rules")
    at = text.index("placed")
    found = [text[s.start:s.end] for s in arguments.extract(art, art.sentences[0], Span(at, at + 6)).instruments]
    assert "car bomb" in found and "dynamite sticks" in found


@pytest.mark.slow
def test_arguments_from_parse_passive_and_active():
    text = "Two priests were killed by a group of heavily armed men in the capital."
    art = annotate(text, "default")
    at = text.index("killed")
    args = arguments.extract(art, art.sentences[0], Span(at, at + 6))
    words = lambda spans: [text[s.start:s.end] for s in spans]
    assert "Two priests" in words(args.victims)
    assert any("armed men" in w for w in words(args.attackers))

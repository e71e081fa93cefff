"""Event location (Halterman 2019 task), case restoration and argument phrases, on hand-built sentences."""
from __future__ import annotations

import hashlib

import pytest

from eventwire.extract import arguments, truecase
from eventwire.extract.location import locate
from eventwire.model import Article, Span


def annotate(text: str, backend: str) -> Article:
    from eventwire import nlp

    raw = text.encode()
    art = Article(locator="t", kind="txt", raw=raw, raw_sha256=hashlib.sha256(raw).hexdigest(), body=text, text=text,
                  id="t", paragraphs=[Span(0, len(text))], language="en")
    return nlp.annotate(art, backend)


def where(text: str, verb: str, backend: str = "default") -> list[str]:
    art = annotate(text, backend)
    at = text.index(verb)
    sent = next(s for s in art.sentences if s.start <= at < s.end)
    return [m.text for m in locate(art, sent, Span(at, at + len(verb)), [m for m in art.mentions if m.kind == "place"])]


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
    assert where(text, verb, "rules") == expected


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
    words = lambda spans: [text[s.start:s.end] for s in spans]  # noqa: E731
    assert "Two priests" in words(args.victims)
    assert any("armed men" in w for w in words(args.attackers))

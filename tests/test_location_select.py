"""The event-location chooser's list and container rules, split-name candidates and weight files."""
from __future__ import annotations

from types import SimpleNamespace as C

import numpy as np
import pytest

from eventwire.evaluation.event_location import sentence_article
from eventwire.extract import location_features as lf
from eventwire.extract import location_model as lm
from eventwire.extract.location import select
from eventwire.model import Mention, Span


def _spans(picked) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in picked]


def test_container_gives_way_to_the_place_inside_it():
    # "al-Tijara neighbourhood in central Damascus": Damascus scores best, al-Tijara lies inside it
    tijara = C(start=0, end=9, within=[(30, 38)])
    damascus = C(start=30, end=38, within=[])
    probs = [0.2, 0.6]
    assert _spans(select([tijara, damascus], probs, 0.3, 0.7, None, 0.1)) == [(0, 9)]
    assert _spans(select([tijara, damascus], probs, 0.3, 0.7, None, None)) == [(30, 38)]  # rule off
    assert _spans(select([tijara, damascus], [0.05, 0.6], 0.3, 0.7, None, 0.1)) == [(30, 38)]  # too unlikely


def test_container_of_a_chosen_place_is_not_a_second_location():
    square = C(start=0, end=13, within=[(26, 35)])
    town = C(start=26, end=35, within=[])
    assert _spans(select([square, town], [0.9, 0.8], 0.3, 0.7)) == [(0, 13)]


def test_list_members_join_the_chosen_place():
    a = C(start=0, end=5, coord=[(10, 15), (20, 25)])
    b = C(start=10, end=15, coord=[(0, 5)])
    c = C(start=20, end=25, coord=[(0, 5)])
    other = C(start=40, end=45, coord=[])
    probs = [0.8, 0.06, 0.2, 0.2]
    assert _spans(select([a, b, c, other], probs, 0.3, 0.9, 0.05)) == [(0, 5), (10, 15), (20, 25)]
    assert _spans(select([a, b, c, other], probs, 0.3, 0.9, None)) == [(0, 5)]
    assert _spans(select([a, b, c, other], [0.8, 0.01, 0.2, 0.2], 0.3, 0.9, 0.05)) == [(0, 5), (20, 25)]


def test_split_names_are_merged_into_one_candidate():
    from eventwire import nlp

    text = "The Taliban captured Western Afghanistan and ships patrolled the Gulf of Aden near Route 58."
    art = nlp.annotate(sentence_article(text), "rules")
    art.mentions = [Mention("t", text.index(w), text.index(w) + len(w), w, "place", "GPE")
                    for w in ("Afghanistan", "Aden")]
    cands = lf.candidates(art, Span(0, len(text)), art.mentions)
    got = {c.text: c for c in cands}
    assert "Western Afghanistan" in got and "Gulf of Aden" in got and "Route 58" in got
    assert got["Gulf of Aden"].origin == "merge" and "Aden" in got  # the parts stay candidates too
    assert not any(c.text.startswith("Aden ") for c in cands)


def test_places_joined_by_and_are_one_list_without_a_parse():
    from eventwire import nlp

    text = "Militants hit the Jumla and Diwan villages in Afrin countryside."
    art = nlp.annotate(sentence_article(text), "rules")
    art.mentions = [Mention("t", text.index(w), text.index(w) + len(w), w, "place", "GPE")
                    for w in ("Jumla", "Diwan", "Afrin")]
    sent = Span(0, len(text))
    cands = lf.candidates(art, sent, art.mentions)
    at = text.index("hit")
    lf.featurize(art, sent, Span(at, at + 3), cands)
    by = {c.text: c for c in cands}
    assert (by["Diwan"].start, by["Diwan"].end) in by["Jumla"].coord
    assert by["Afrin"].coord == []
    assert by["Jumla"].feats.get("coordinated_list") == 1.0 and "coordinated_list" not in by["Afrin"].feats


def test_places_after_one_preposition_across_semicolons_are_one_list():
    from eventwire import nlp

    text = ("Areas were shelled 23 times: in Aleppo - 6 times; in highland Latakia - 2 times; in Idlib province - "
            "3 times and in Deraa province - 1 time, while talks went on in Geneva.")
    art = nlp.annotate(sentence_article(text), "rules")
    art.mentions = [Mention("t", text.index(w), text.index(w) + len(w), w, "place", "GPE")
                    for w in ("Aleppo", "Latakia", "Idlib", "Deraa", "Geneva")]
    sent = Span(0, len(text))
    cands = lf.candidates(art, sent, art.mentions)
    at = text.index("shelled")
    lf.featurize(art, sent, Span(at, at + 7), cands)
    by = {c.text: c for c in cands}
    span = lambda name: (by[name].start, by[name].end)
    assert span("Latakia") in by["Aleppo"].coord and span("Idlib") in by["Latakia"].coord
    assert span("Deraa") in by["Idlib"].coord
    assert span("Geneva") not in by["Deraa"].coord  # ", while talks went on in": not a list item


def test_a_border_of_two_named_countries_is_one_candidate():
    from eventwire import nlp

    text = "UN troops patrol near the Lebanese-Israeli border and the Litani River."
    art = nlp.annotate(sentence_article(text), "rules")
    art.mentions = [Mention("t", text.index("Lebanese"), text.index("Lebanese") + 8, "Lebanese", "org", "NORP")]
    cands = lf.candidates(art, Span(0, len(text)), art.mentions)
    border = [c for c in cands if c.text == "Lebanese-Israeli border"]
    assert border and border[0].origin == "merge" and border[0].kind == "place"


def test_rule_thresholds_round_trip_and_old_files_have_none():
    import io

    model = lm.Model(["bias"], np.array([0.5]), 0.3, 0.9, 0.05, 0.1)
    back = lm.from_bytes(lm.to_bytes({"parse": model}))["parse"]
    assert (back.threshold, back.second, back.coord, back.inner) == (0.3, 0.9, 0.05, 0.1)
    buf = io.BytesIO()  # a weights file from before the list and container rules: two thresholds only
    np.savez(buf, parse_weights=np.array([0.5]), parse_names=np.array(["bias"]), parse_threshold=np.array([0.3, 0.7]))
    old = lm.from_bytes(buf.getvalue())["parse"]
    assert (old.threshold, old.second, old.coord, old.inner) == (0.3, 0.7, None, None)


def _featurized(text: str, names: tuple[str, ...], verb: str) -> dict[str, lf.Candidate]:
    from eventwire import nlp

    art = nlp.annotate(sentence_article(text), "rules")
    art.mentions = [Mention("t", text.index(w), text.index(w) + len(w), w, "place", "GPE") for w in names]
    sent = Span(0, len(text))
    cands = lf.candidates(art, sent, art.mentions)
    at = text.index(verb)
    lf.featurize(art, sent, Span(at, at + len(verb)), cands)
    return {c.text: c for c in cands}


@pytest.mark.parametrize("text,inner,outer", [
    ("A civilian was killed by a mortar in al-Tijara neighbourhood in central Damascus.", "al-Tijara", "Damascus"),
    ("Soldiers shot two militants near the Ghat area of Doda district.", "Ghat", "Doda"),
    ("Groups will march from Alexanderplatz in the former East Berlin.", "Alexanderplatz", "East Berlin"),
    ("Gunmen killed 21 tourists at the Bardo Museum in the Tunisian capital of Tunis.", "Bardo Museum", "Tunis"),
])
def test_a_place_named_inside_another_records_its_container(text, inner, outer):
    verb = next(v for v in ("killed", "shot", "march") if v in text)
    by = _featurized(text, (inner, outer), verb)
    assert (by[outer].start, by[outer].end) in by[inner].within
    assert (by[inner].start, by[inner].end) not in by[outer].within


def test_an_apostrophe_lost_in_transcoding_still_marks_a_possessive():
    by = _featurized("The commander was killed when fighting turned violent in Syria   s Raqqa.", ("Syria", "Raqqa"),
                     "killed")
    assert by["Syria"].feats.get("possessive") == 1.0
    assert (by["Syria"].start, by["Syria"].end) in by["Raqqa"].within
    plain = _featurized("Fighting in Syria and Raqqa.", ("Syria", "Raqqa"), "Fighting")
    assert "possessive" not in plain["Syria"].feats


def test_a_news_source_place_is_marked():
    by = _featurized("The suspect shot himself, according to Los Angeles television station KCAL.",
                     ("Los Angeles",), "shot")
    assert by["Los Angeles"].feats.get("source_context") == 1.0
    by = _featurized("He was killed on Monday, local media sources in Nineveh said.", ("Nineveh",), "killed")
    assert by["Nineveh"].feats.get("source_context") == 1.0
    by = _featurized("He was killed in Nineveh on Monday.", ("Nineveh",), "killed")
    assert "source_context" not in by["Nineveh"].feats


def test_preposition_is_paired_with_what_the_name_is():
    f = {"kind=place": 1.0, "gaz_rank=1": 1.0, "prep=in": 1.0}
    lf._cross(f)
    assert f["x:gaz_rank=1|prep=in"] == 1.0 and f["x:kind=place|prep=in"] == 1.0
    g = {"kind=caps": 1.0, "gaz=none": 1.0}
    lf._cross(g)
    assert g["x:gaz=none|prep=none"] == 1.0 and g["x:kind=caps|prep=none"] == 1.0

"""The html-extraction scorer (scrapinghub-aeb shingle P/R/F1) and the HTML extractor's candidate vote."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire import evaluation
from eventwire.evaluation import EvalContext
from eventwire.evaluation import html_extraction as H
from eventwire.ingest import html as ingest_html


def _shared() -> Path:
    root = Path(__file__).resolve().parents[1]
    return Path(os.environ.get("EVENTWIRE_SHARED") or root.parent / "shared")


def _aeb() -> Path:
    folder = _shared() / "data" / "external" / "scrapinghub-aeb"
    if not (folder / "ground-truth.dev.json").is_file():
        pytest.skip(f"scrapinghub-aeb dev half not found under {folder} (set EVENTWIRE_SHARED)")
    return folder


def _ctx(**options) -> EvalContext:
    shared = _shared()
    return EvalContext(name="html-extraction", data_dir=shared / "data" / "external", shared_dir=shared,
                       split="dev", options=options)


# the benchmark's metric, on hand-built strings --------------------------------------------------------

def test_tokens_and_four_token_shingles():
    assert H.tokenize("Deir ez-Zor, 2017: «IS» fled.") == ["Deir", "ez", "Zor", "2017", "IS", "fled"]
    assert list(H.shingles("a b c d e")) == [("a", "b", "c", "d"), ("b", "c", "d", "e")]
    assert list(H.shingles("a b")) == [("a", "b")]  # shorter than 4 tokens: one short shingle


def test_page_counts_are_normalised_multiset_overlap():
    gold = "one two three four five six"  # shingles: 1234 2345 3456
    pred = "one two three four five seven"  # 1234 2345 345seven
    tp, fp, fn = H.page_counts(gold, pred)
    assert (tp, fp, fn) == pytest.approx((2 / 4, 1 / 4, 1 / 4))
    assert H.page_counts(gold, gold) == (1.0, 0.0, 0.0)
    assert H.page_counts("", "") == (0.0, 0.0, 0.0)
    assert H.page_counts("Case Matters here now", "case matters here now") == (0.0, 0.5, 0.5)


def test_aggregate_averages_per_page_and_takes_f1_of_the_means():
    perfect = H.page_counts("a b c d e", "a b c d e")
    part = H.page_counts("a b c d e f", "a b c d e")  # p=1, r=2/3
    empty_pred = H.page_counts("a b c d e", "")  # no prediction: left out of precision, recall 0
    m = H.aggregate([perfect, part, empty_pred])
    assert m["precision"] == pytest.approx(1.0)
    recall = (1 + 2 / 3 + 0) / 3
    assert m["recall"] == pytest.approx(recall)
    assert m["f1"] == pytest.approx(2 * 1.0 * recall / (1.0 + recall))
    # a page empty on both sides is left out of both means, as in the benchmark
    both_empty = H.page_counts("", "")
    assert H.aggregate([both_empty, half_right := H.page_counts("a b c d e", "a b c d x")]) == \
        H.aggregate([half_right])


def test_score_bodies_counts_missing_predictions_as_empty():
    m = H.score_bodies({"k1": "a b c d e", "k2": "f g h i j"}, {"k1": "a b c d e"})
    assert m["precision"] == pytest.approx(1.0) and m["recall"] == pytest.approx(0.5)


# the extractor's vote ---------------------------------------------------------------------------------

def test_overlap_and_choose_take_the_majority():
    article = "The army said on Monday that it had retaken the town after three days of fighting. " * 5
    menu = "Home News Sport Weather Contact About Careers Privacy Terms Cookies " * 5
    assert ingest_html.overlap(article, article) == 1.0
    assert ingest_html.overlap(article, menu) == 0.0
    assert ingest_html.choose([menu, article, article + " Share this."]) in (1, 2)
    assert ingest_html.choose([article, menu, ""]) == 0  # no two agree: the arbiter (first) wins


def test_extract_html_on_a_hand_built_page():
    body = ("<p>Islamic State leaders are fleeing Raqqa in the face of the onslaught by the Syrian Democratic "
            "Forces, the US Defence Department said on Friday, adding that the retreat seemed organised.</p>"
            "<p>The Pentagon official said roads in the north and west of the city had been blocked by the SDF, "
            "leaving only the road to Deir ez-Zor in the southeast open to the fleeing militants.</p>")
    page = (f"<html><head><title>Leaders flee Raqqa | Example News</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Leaders flee Raqqa</h1>"
            f"{body}</article><footer>Copyright 2017 Example News. All rights reserved.</footer></body></html>")
    found = ingest_html.extract_html(page)
    assert "Deir ez-Zor" in found["text"] and "onslaught" in found["text"]
    assert "Copyright" not in found["text"]
    assert found["title"].startswith("Leaders flee Raqqa")


# against the real data ----------------------------------------------------------------------------------

def test_shipped_outputs_score_as_the_issue_states():
    _aeb()
    assert evaluation.run(_ctx(tool="trafilatura")).metrics["f1"] == pytest.approx(0.950, abs=0.0015)
    assert evaluation.run(_ctx(tool="AutoExtract")).metrics["f1"] == pytest.approx(0.971, abs=0.0015)


@pytest.mark.slow
def test_scorer_runs_eventwire_on_a_few_pages():
    _aeb()
    result = evaluation.run(_ctx(limit=4, workers=1))
    summary = result.summary()
    assert summary["dataset"] == "scrapinghub-aeb" and summary["split"] == "dev" and summary["n"] == 4
    for key in ("precision", "recall", "f1"):
        assert 0.5 < summary[key] <= 1.0
    assert any("trafilatura" in label for label, _ in result.rows)

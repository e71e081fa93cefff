"""Near-duplicate articles (MinHash) and the dedup scorer's arithmetic."""
from __future__ import annotations

import numpy as np

from eventwire import dedup
from eventwire.evaluation.dedup import scores, wikievents_incident

WIRE = ("BEIRUT - Air strikes carried out by Syrian or Russian warplanes killed more than 20 people in the "
        "northwestern city of Idlib on Sunday, the Syrian Observatory for Human Rights said. Areas hit included a "
        "market and at least five children were among those killed, the monitor said. It said the death toll was "
        "expected to rise because of the number of people seriously wounded.")
OTHER = ("MOGADISHU - A truck packed with explosives blew up near a busy junction in the Somali capital on Saturday, "
         "killing at least 20 people, police said, in one of the deadliest attacks in years.")


def test_syndicated_copy_is_linked_and_other_story_is_not():
    copy = "Idlib air strikes kill 20 - monitor (Reuters) " + WIRE + " Follow us on Twitter."
    sigs = {"b-copy": dedup.signature(copy), "a-wire": dedup.signature(WIRE), "c-other": dedup.signature(OTHER)}
    groups = dedup.near_duplicate_groups(sigs)
    assert groups["b-copy"] == "a-wire" and groups["a-wire"] == "a-wire"
    assert groups["c-other"] == "c-other"
    assert dedup.similarity(sigs["a-wire"], sigs["b-copy"]) >= dedup.THRESHOLD


def test_groups_do_not_depend_on_order():
    texts = {f"id{i}": (WIRE if i % 2 else OTHER) + f" Update {i}." for i in range(6)}
    sigs = {k: dedup.signature(v) for k, v in texts.items()}
    forward = dedup.near_duplicate_groups(sigs)
    backward = dedup.near_duplicate_groups(dict(reversed(list(sigs.items()))))
    assert forward == backward
    assert len(set(forward.values())) == 2


def test_signature_round_trips_through_bytes_and_empty_text_links_nothing():
    sig = dedup.signature(WIRE)
    assert np.array_equal(dedup.from_bytes(dedup.to_bytes(sig)), sig)
    groups = dedup.near_duplicate_groups({"e1": dedup.signature(""), "e2": dedup.signature("")})
    assert groups == {"e1": "e1", "e2": "e2"}


def test_scores_count_splits_merges_and_bcubed():
    gold = {"a": "x", "b": "x", "c": "y", "d": "z"}
    perfect = scores(gold, {"a": 1, "b": 1, "c": 2, "d": 3})
    assert perfect == {"split_rate": 0.0, "merge_rate": 0.0, "bcubed_precision": 1.0, "bcubed_recall": 1.0,
                       "bcubed_f1": 1.0}
    split = scores(gold, {"a": 1, "b": 2, "c": 3, "d": 4})
    assert split["split_rate"] == 1.0 and split["merge_rate"] == 0.0 and split["bcubed_recall"] < 1.0
    merged = scores(gold, {"a": 1, "b": 1, "c": 1, "d": 4})
    assert merged["merge_rate"] == 0.5 and merged["split_rate"] == 0.0 and merged["bcubed_precision"] < 1.0


def test_wikievents_scenario_prefix():
    assert wikievents_incident("wiki_ied_bombings_5_news_3") == "wiki_ied_bombings_5"
    assert wikievents_incident("suicide_ied_114") == "suicide_ied_114"

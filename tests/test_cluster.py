"""Reports into events: ACLED's unit, order independence, sources, disagreements, stable ids."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from eventwire import cluster as C
from eventwire.cluster_events import assign_ids, independent_sources
from eventwire.extract import taxonomy
from eventwire.model import Actor, DateSpan, Place, Report

ALEPPO = Place("170063", "Aleppo", 36.2021, 37.1343, feature="city", admin1="Aleppo", country="Syria", iso3="SYR")
ATAREB = Place("173576", "Al Atarib", 36.1389, 36.83, feature="city", admin1="Aleppo", country="Syria", iso3="SYR")
IDLIB = Place("169389", "Idlib", 35.9306, 36.6339, feature="city", admin1="Idlib", country="Syria", iso3="SYR")
GOV = Actor("state:SYR:military", "Military Forces of Syria")
IS = Actor("islamic-state", "Islamic State")
CIV = Actor("generic:civilians", "Civilians")
DAY = date(2016, 8, 14)


def rep(rid: str, art: str, *, sub: str = "Air/drone strike", place: Place = ALEPPO, day: date = DAY, dead: int = 0,
        a1: Actor | None = GOV, a2: Actor | None = CIV, text: str = "Air strikes hit Aleppo killing civilians") -> Report:
    row = taxonomy.SUB_TYPES[sub]
    return Report(id=rid, article_id=art, event_type=row.event_type, sub_event_type=sub, disorder_type=row.disorder,
                  trigger="strike", evidence=[], sentence=text, actor1=a1, actor2=a2, place=place, geo_precision=1,
                  date=DateSpan(day, day, 1), fatalities=dead, confidence=0.8)


META = {"art1": {"outlet": "Reuters", "published": "2016-08-14", "affiliation": "independent"},
        "art2": {"outlet": "SANA", "published": "2016-08-15", "affiliation": "state"},
        "art3": {"outlet": "Ahram Online", "published": "2016-08-14", "affiliation": "state", "copy_of": "art1"},
        "art4": {"outlet": "Al-Araby", "published": "2016-08-16"}}


def test_reports_of_one_incident_merge_and_disagreements_are_kept():
    rs = [rep("r1", "art1", dead=33), rep("r2", "art2", dead=40, day=DAY + timedelta(days=1)),
          rep("r3", "art3", dead=33), rep("r4", "art4", dead=35, a1=IS)]
    (ev,) = C.cluster(rs, META)
    assert ev.n_reports == 4 and ev.n_articles == 4
    assert ev.n_sources == 3  # art3 is a syndicated copy of art1
    assert ev.fatalities == 33 and ev.fatalities_min == 33 and ev.fatalities_max == 40
    assert "Reports disagree on fatalities (33, 35, 40)" in ev.notes
    assert "different dates" in ev.notes and "different perpetrators" in ev.notes
    assert "SANA (state)" in ev.notes
    assert C.event_day(ev.date) == DAY  # the day most reports give
    if hasattr(ev, "disagreements"):
        assert ev.disagreements["fatalities"]["reported"] == [33, 35, 40]
    if hasattr(ev, "first_reported"):
        assert ev.first_reported == "2016-08-14"


def test_acled_unit_keeps_different_days_places_and_kinds_apart():
    rs = [rep("r1", "art1"), rep("r2", "art2", day=DAY + timedelta(days=3)),  # three days later
          rep("r3", "art3", place=IDLIB),  # 80 km away
          rep("r4", "art4", sub="Peaceful protest", a1=None, a2=None, text="Protesters marched in Aleppo")]
    assert len(C.cluster(rs, META)) == 4


def test_no_chaining_across_two_days():
    rs = [rep("r1", "art1", day=DAY), rep("r2", "art2", day=DAY + timedelta(days=1)),
          rep("r3", "art4", day=DAY + timedelta(days=2))]
    events = C.cluster(rs, META)
    spans = [[C.event_day(r.date) for r in rs if r.id in e.report_ids] for e in events]
    assert all((max(s) - min(s)).days <= 1 for s in spans)


def test_two_stated_days_do_not_join_through_a_third_report():
    # a strike stated on Sunday and a raid stated on Monday, told differently, and a vague report of Monday's
    # news day that resembles both: it may join either, but never glue the two stated days together
    sun = rep("r1", "art1", dead=18, text="Government air strikes on a village killed civilians in the old quarter of Aleppo on Sunday")
    mon = rep("r2", "art2", day=DAY + timedelta(days=1), dead=18,
              text="Regime air raids on a village north of Aleppo killed civilians on Monday evening")
    vague = replace(rep("r3", "art4", dead=18, text="Government air strikes and regime air raids on a village north of "
                        "Aleppo killed civilians in the old quarter"),
                    date=DateSpan(DAY + timedelta(days=1), DAY + timedelta(days=1), 2, "", "the article's news day"))
    events = C.cluster([sun, mon, vague], META)
    assert not any({"r1", "r2"} <= set(e.report_ids) for e in events)


def test_one_article_tells_one_fight_as_a_day_and_as_a_span():
    day = rep("r1", "art1", dead=70, text="At least 70 fighters have been killed in 24 hours of battle in Aleppo")
    span = replace(rep("r2", "art1", dead=69, text="30 soldiers and 39 rebel fighters have been killed in battle in "
                       "Aleppo since Saturday"), date=DateSpan(DAY - timedelta(days=1), DAY, 2, "since Saturday afternoon"))
    other = replace(day, id="r3", date=DateSpan(DAY - timedelta(days=1), DAY - timedelta(days=1), 1, "on Saturday"))
    assert len(C.cluster([day, span], META)) == 1
    assert len(C.cluster([day, other], META)) == 2  # two stated days in one article: two incidents


def test_places_beyond_25_km_stay_apart_and_different_stories_too():
    near = [rep("r1", "art1"), rep("r2", "art2", place=ATAREB, text="Air strikes hit Aleppo killing civilians")]
    assert len(C.cluster(near, META)) == 2  # Al Atarib is 28 km from Aleppo: beyond MAX_KM
    close = [rep("r1", "art1"), rep("r2", "art2", place=Place("x", "Aleppo east", 36.21, 37.20, feature="city",
                                                              country="Syria", iso3="SYR"))]  # 6 km
    assert len(C.cluster(close, META)) == 1
    far = [rep("r1", "art1"), rep("r2", "art2", a1=IS, a2=GOV, sub="Armed clash",
                                  text="Islamic State fighters clashed with troops on the Turkish border")]
    assert len(C.cluster(far, META)) == 2


def test_result_does_not_depend_on_input_order():
    rng = random.Random(3)
    rs = []
    for k in range(40):
        place = [ALEPPO, IDLIB, ATAREB][k % 3]
        for m in range(rng.randint(1, 4)):
            rs.append(rep(f"r{k:02d}{m}", f"art{k}{m}", place=place, day=DAY + timedelta(days=k // 3 * 2),
                          dead=10 + m, text=f"Incident {k} report {m}: air strikes on {place.name}"))
    ref = [(e.id, e.report_ids) for e in C.cluster(rs, {})]
    for _ in range(3):
        rng.shuffle(rs)
        assert [(e.id, e.report_ids) for e in C.cluster(rs, {})] == ref


def test_embeddings_are_used_when_every_report_has_one():
    rs = [rep("r1", "art1", text="a"), rep("r2", "art2", text="b", a1=None, a2=None)]
    v = np.ones(384, dtype=np.float32) / np.sqrt(384)
    assert C.features(sorted(rs, key=lambda r: r.id), {}, {"r1": v, "r2": v}).embedded
    assert not C.features(sorted(rs, key=lambda r: r.id), {}, {"r1": v}).embedded
    assert len(C.cluster(rs, {}, {"r1": v, "r2": v})) == 1
    w = np.zeros(384, dtype=np.float32)
    w[0] = 1.0
    assert len(C.cluster(rs, {}, {"r1": v, "r2": w})) == 2  # unrelated evidence, no actor on r2


def test_independent_sources_merge_outlets_and_copies():
    groups = independent_sources({"art1", "art2", "art3"}, META)
    assert groups == [["art1", "art3"], ["art2"]]


def test_assign_ids_keeps_ids_of_growing_events_and_names_new_ones():
    a = C.cluster([rep("r5", "art1")], META)[0]
    old = {"evOLD": {"r5"}}
    grown = C.cluster([rep("r5", "art1"), rep("r1", "art2")], META)  # r1 < r5: content id would change
    assert len(grown) == 1 and grown[0].id != "evOLD"
    assign_ids(grown, old)
    assert grown[0].id == "evOLD"
    fresh = C.cluster([rep("r9", "art4", place=IDLIB)], META)
    assign_ids(fresh, old)
    assert fresh[0].id == C.event_id([rep("r9", "art4")]) and fresh[0].id not in ("evOLD", a.id)


@pytest.fixture
def store(tmp_path):
    from eventwire.store import Store

    return Store(str(tmp_path / "c.db"))


def _article(store, aid: str, reports: list[Report], outlet: str = "Reuters") -> None:
    from eventwire.model import Article

    run = store.start_run(command="test", pipeline_version="t", model_version="t", dictionaries_version="t")
    art = Article(locator=aid, kind="txt", raw=aid.encode(), raw_sha256=aid, id=aid, text=" ".join(r.sentence for r in reports),
                  outlet=outlet, published=DAY, reports=reports)
    store.add_article(art, run)


def test_incremental_ids_redirects_and_changes(store, monkeypatch):
    monkeypatch.setattr(C, "embed_reports", lambda texts: (None, "disabled in tests"))
    _article(store, "art5", [rep("r5", "art5")])
    _article(store, "art6", [rep("r6", "art6", place=IDLIB, text="Shelling in Idlib city")])
    events, changed = C.recluster(store, "t")
    assert changed["created"] == 2
    first = {e.place.name: e.id for e in events}
    _article(store, "art1", [rep("r1", "art1", text="Warplanes hit Aleppo killing civilians, SANA said")],
             outlet="SANA")  # joins the Aleppo event, with a smaller id
    events, changed = C.recluster(store, "t")
    assert changed == {"created": 0, "updated": 1, "retired": 0, "merged": 0, "unchanged": 1}
    assert {e.place.name: e.id for e in events} == first
    aleppo = next(e for e in events if e.place.name == "Aleppo")
    assert aleppo.n_sources == 2 and aleppo.report_ids == ["r1", "r5"]
    assert [c["change"] for c in store.changes("")] == ["created", "created", "updated"]
    _, again = C.recluster(store, "t")
    assert again["unchanged"] == 2 and again["updated"] == 0


def test_merged_event_redirects_to_successor(store):
    _article(store, "art1", [rep("r1", "art1")])
    _article(store, "art3", [rep("r3", "art3", place=IDLIB)])
    apart = C.cluster([rep("r1", "art1"), rep("r3", "art3", place=IDLIB)], META)
    store.replace_events(apart, "t")
    before = {e.report_ids[0]: e.id for e in apart}
    joined = C.cluster([rep("r1", "art1")], META)
    joined[0].report_ids = ["r1", "r3"]  # as if new evidence had shown one incident
    changed = store.replace_events(joined, "t")
    assert changed["merged"] == 1 and changed["updated"] == 1
    keeper = min(before.values())  # equal overlap: the smaller old id carries on
    gone = max(before.values())
    ev, note = store.event(gone)
    assert ev.id == keeper and f"{gone} was merged into {keeper}" == note
    assert {c["change"] for c in store.changes("")} >= {"merged", "updated", "created"}


def test_store_follows_redirects(store):
    from sqlalchemy import insert

    from eventwire.store import schema as t

    e = C.cluster([rep("r1", "art1")], META)[0]
    _article(store, "art1", [rep("r1", "art1")])
    store.replace_events([e], "t")
    with store.engine.begin() as c:
        c.execute(insert(t.event_redirects).values(old_id="evGONE", new_id=e.id, reason="merged", at="2020"))
    ev, note = store.event("evGONE")
    assert ev.id == e.id and "merged into" in note


def test_copies_of_one_claim_join_across_a_wrong_date():
    """A re-post stamped months later (same sentence, near-duplicate articles) is the same incident."""
    from eventwire.cluster_pairs import copy_pairs, count_term, day_term

    text = "Three civilians were killed and 38 injured in terrorist rocket attacks in Deir Ezzor"
    meta = {"artA": {"outlet": "Al-Manar", "published": "2016-06-06"},
            "artB": {"outlet": "Al-Manar", "published": "2016-02-01", "copy_of": "artA"}}
    rs = [rep("r1", "artA", dead=3, text=text), rep("r2", "artB", dead=3, text=text, day=date(2016, 2, 1))]
    (ev,) = C.cluster(rs, meta)
    assert ev.n_reports == 2 and ev.n_sources == 1
    # without the near-duplicate link they stay apart (126 days)
    assert len(C.cluster(rs, {"artA": meta["artA"], "artB": {"outlet": "Other", "published": "2016-02-01"}})) == 2
    f = C.features(sorted(rs, key=lambda r: r.id), meta)
    assert copy_pairs(f) == [(0, 1)]
    # stated days that differ count against; a news-day fallback does not
    i, j = np.array([0]), np.array([1])
    assert day_term(f, i, j)[0] == -1.0
    f.exact_day[1] = False
    assert day_term(f, i, j)[0] == 0.0
    # a higher toll in the later article is an update, not a disagreement
    f.fatalities[:] = [276, 20]  # artA (later) says 276, artB (earlier) 20
    assert count_term(f, i, j)[0] == 0.0
    f.fatalities[:] = [20, 276]  # the earlier article has the higher figure: a real disagreement
    assert count_term(f, i, j)[0] == -1.0


def test_a_suicide_bombing_and_a_bomb_blast_are_kin():
    from eventwire.cluster_pairs import sub_term

    f = C.features([rep("a", "art1", sub="Suicide bomb"), rep("b", "art2", sub="Remote explosive/landmine/IED"),
                    rep("c", "art4", sub="Air/drone strike")], META)
    assert sub_term(f, np.array([0, 0]), np.array([1, 2])).tolist() == [1.0, 0.5]

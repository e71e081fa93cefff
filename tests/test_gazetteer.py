"""The gazetteer: alias keys, the built index, candidate lookup and the detection automaton.

The index is built once per machine into the cache dir (about 35 s the first time); tests that need
it share the session-wide build through ``gazetteer()``.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwire.gazetteer.keys import (
    all_keys,
    norm_key,
    skeleton_key,
    strip_admin_suffix,
    variant_key,
)

# --- keys: pure functions, no index needed -------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("Deir ez-Zor", "Deir Ezzor"),
    ("Ar-Raqqah", "Raqqa"),
    ("Tall Afar", "Tal Afar"),
    ("Ayn al-Arab", "Ain al Arab"),
    ("Qamishli", "Kamishli"),
    ("Al-Bab", "Bab"),
])
def test_variant_keys_unify_transliterations(a: str, b: str) -> None:
    assert variant_key(norm_key(a)) == variant_key(norm_key(b))


def test_variant_keys_keep_different_places_apart() -> None:
    assert variant_key(norm_key("Homs")) != variant_key(norm_key("Hama"))
    assert variant_key(norm_key("Raqqa")) != variant_key(norm_key("Rutba"))


def test_normalised_key_drops_diacritics_dots_and_spells_out_saint() -> None:
    assert norm_key("Ḩalab") == "halab"
    assert norm_key("U.S.") == "us"
    assert norm_key("St. Louis") == norm_key("Saint Louis") == "saint louis"
    assert norm_key("Dar‘a") == norm_key("Dar'a") == "dara"


def test_skeleton_reaches_dayr_az_zawr_from_deir_ezzor() -> None:
    assert skeleton_key(variant_key(norm_key("Dayr az Zawr"))) == skeleton_key(variant_key(norm_key("Deir Ezzor")))


def test_all_keys_lists_each_tier_once_lowest_first() -> None:
    keys = all_keys("Deir ez-Zor")
    assert [t for _k, t in keys] == sorted(t for _k, t in keys)
    assert keys[0] == ("deir ez-zor", 0)
    assert keys[-1][0].startswith("~")


@pytest.mark.parametrize(("name", "stripped"), [
    ("Raqqa Governorate", "Raqqa"), ("Nineveh province", "Nineveh"), ("Province of Idlib", "Idlib"),
    ("Aleppo", ""), ("Kansas City", ""),
])
def test_admin_suffixes_are_stripped(name: str, stripped: str) -> None:
    assert strip_admin_suffix(name) == stripped


# --- the built index -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gz():
    from eventwire.gazetteer.index import gazetteer

    return gazetteer()


def test_index_is_compact_sqlite_with_places_and_aliases(gz) -> None:
    con = sqlite3.connect(f"file:{gz.path}?mode=ro", uri=True)
    n_places = con.execute("SELECT COUNT(*) FROM place").fetchone()[0]
    kinds = dict(con.execute("SELECT kind, COUNT(*) FROM place GROUP BY kind").fetchall())
    assert n_places > 200_000
    assert kinds["country"] > 190 and kinds["adm1"] > 3000 and kinds["adm2"] > 20_000
    assert Path(gz.path).stat().st_size < 150_000_000


def test_index_file_name_carries_the_input_hash(gz) -> None:
    from eventwire.gazetteer.build import input_hash

    assert input_hash() in Path(gz.path).name


def test_supplement_adds_conflict_places_codes_and_demonyms(gz) -> None:
    baghuz = gz.candidates("Baghuz")
    assert baghuz and baghuz[0].place.cc == "SY" and baghuz[0].place.gid.startswith("ew:")
    kan = [c for c in gz.candidates("Kan.") if c.code]
    assert kan and kan[0].place.name == "Kansas"
    syrian = gz.candidates("Syrian")
    assert syrian and all(c.demonym for c in syrian if c.tier == 0)
    assert any(c.place.kind == "country" and c.place.cc == "SY" for c in syrian)


def test_candidates_report_the_matching_tier(gz) -> None:
    exact = gz.candidates("Aleppo")
    assert exact[0].tier == 0
    skeleton_or_variant = gz.candidates("Dayr Ezzor")
    assert skeleton_or_variant and min(c.tier for c in skeleton_or_variant) >= 1
    assert any(c.place.cc == "SY" for c in skeleton_or_variant)


def test_admin_suffix_restricts_to_administrative_areas(gz) -> None:
    cands = gz.candidates("Raqqa Governorate")
    assert cands and all(c.place.kind in ("adm1", "adm2", "region") for c in cands)


def test_country_names_never_resolve_to_towns_first(gz) -> None:
    france = gz.candidates("France")
    assert france[0].place.kind == "country" and france[0].place.cc == "FR"
    assert all("Tremblay" not in c.place.name for c in france)


def test_unknown_names_give_no_candidates(gz) -> None:
    assert gz.candidates("Xqzzyv Wobblegrunt") == ()
    assert gz.candidates("   ") == ()


def test_build_is_skipped_when_up_to_date(tmp_path: Path) -> None:
    """A second build call with the same inputs does nothing (stats are empty)."""
    from eventwire.gazetteer.build import build, ensure

    paths = ensure()
    again, stats = build(cache=paths.db.parent)
    assert stats == {} and again.db == paths.db


# --- detection ---------------------------------------------------------------------------------

def test_find_place_mentions_finds_places_and_skips_common_words() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = ("Police said Islamic State fighters moved from Raqqa to Deir ez-Zor on Monday, and "
            "Hillary Clinton visited Trenton, N.J. in March.")
    found = [text[a:b] for a, b in find_place_mentions(text)]
    assert "Raqqa" in found and "Deir ez-Zor" in found and "Trenton" in found and "N.J." in found
    for word in ("Police", "Monday", "March", "Clinton", "State"):
        assert word not in found


def test_find_place_mentions_prefers_the_longest_match() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = "Officials in Kansas City and New York City met."
    found = [text[a:b] for a, b in find_place_mentions(text)]
    assert found == ["Kansas City", "New York City"]


def test_find_place_mentions_keeps_demonyms_out_unless_asked() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = "Syrian forces entered Manbij."
    assert [text[a:b] for a, b in find_place_mentions(text)] == ["Manbij"]
    assert "Syrian" in [text[a:b] for a, b in find_place_mentions(text, demonyms=True)]


def test_input_hash_changes_with_the_supplement(tmp_path: Path) -> None:
    from eventwire.gazetteer.build import index_paths, input_hash
    from eventwire.gazetteer.sources import supplement_path

    copy = tmp_path / "supplement.tsv"
    copy.write_bytes(supplement_path().read_bytes())
    assert input_hash(copy) == input_hash()
    copy.write_text(copy.read_text("utf-8") + "alias\tRaqqa City\tSY\n", encoding="utf-8")
    assert input_hash(copy) != input_hash()
    paths = index_paths(tmp_path, "abc123")
    assert paths.db.name == "gazetteer-abc123.sqlite" and paths.lock.parent == tmp_path


def test_capitalised_admin_word_joins_the_name_lower_case_does_not() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = "Deputies in Walker County searched the river; jets struck Nineveh province again."
    got = [text[a:b] for a, b in find_place_mentions(text)]
    assert "Walker County" in got and "Nineveh" in got


def test_compass_words_are_never_places_alone() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = "South Ossetian militias moved. Officials in the South and the West said nothing."
    got = [text[a:b] for a, b in find_place_mentions(text)]
    assert not {"South", "West"} & set(got)


def test_surnames_come_only_from_whole_words_after_a_first_name() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = ("Sandbags piled up at the Fargodome. The river in Fargo rose again, and Fargo Police Chief "
            "Keith Ternes urged calm, said Jeff Davis. Davis would stay.")
    got = [text[a:b] for a, b in find_place_mentions(text)]
    assert got.count("Fargo") == 2 and "Davis" not in got


def test_plural_demonyms_are_people_nouns() -> None:
    from eventwire.gazetteer.detect import is_plural_demonym

    assert is_plural_demonym("Americans") and is_plural_demonym("Syrians")
    assert not is_plural_demonym("Paris") and not is_plural_demonym("Syrian")


def test_a_town_is_not_the_first_word_of_a_longer_arabic_name() -> None:
    from eventwire.resolve.places import find_place_mentions

    # "Orum" alone is an alternate name of Orem, Utah; "Orum al-Kubra" is a town in Aleppo province
    text = "A warehouse in Orum al-Kubra in Aleppo province was hit. The branch on Orum was destroyed."
    got = [text[a:b] for a, b in find_place_mentions(text)]
    assert got == ["Aleppo"]


def test_a_place_after_a_possessive_that_lost_its_apostrophe() -> None:
    from eventwire.resolve.places import find_place_mentions

    text = "A barrel bomb hit a rebel-held neighbourhood of Syrias Aleppo city."
    assert [text[a:b] for a, b in find_place_mentions(text)] == ["Aleppo"]


def test_a_place_whose_possessive_lost_its_apostrophe_before_a_noun() -> None:
    from eventwire.resolve.places import find_place_mentions

    # "Aleppos outskirts" is Aleppo's; "Homs" ends in s of its own, and a capital after the "s" goes on with a name
    text = "Buses waited on Aleppos outskirts and in Homs. Nobody went to the Kansas governor or to Aleppos Mall."
    assert [text[a:b] for a, b in find_place_mentions(text)] == ["Aleppo", "Homs", "Kansas"]

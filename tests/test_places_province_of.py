""""The province of X" in one mention means the province in every mention of X (one sense per discourse)."""
from __future__ import annotations

from eventwire.resolve.places import resolve_places


def _spans(text: str, name: str) -> list[tuple[int, int]]:
    return [(text.index(name), text.index(name) + len(name)), (text.rindex(name), text.rindex(name) + len(name))]


def test_province_of_x_reads_the_province_in_every_mention():
    t = "Suspected gas attack on rebel-held Idlib kills 58. Jets struck in the northwestern province of Idlib on Tuesday."
    assert [p.feature for p in resolve_places(t, _spans(t, "Idlib"))] == ["adm1", "adm1"]


def test_bare_name_stays_the_town():
    t = "Suspected gas attack on rebel-held Idlib kills 58. Jets struck Idlib on Tuesday."
    assert [p.feature for p in resolve_places(t, _spans(t, "Idlib"))] == ["city", "city"]


def test_x_province_is_the_area_even_where_x_is_the_city_elsewhere():
    t = ("Warplanes struck a town in northern Aleppo province on Tuesday. Jets targeted the Atarib district, "
         "20 km west of Aleppo.")
    spans = [*_spans(t, "Aleppo"), (t.index("Atarib"), t.index("Atarib") + 6)]
    assert [p.feature for p in resolve_places(t, spans)] == ["adm1", "city", "city"]


def test_x_city_is_the_city_even_where_x_is_the_province_elsewhere():
    t = ("Nearly all of Hasakah province is held by the YPG. A bomber blew himself up in the Salihiah neighbourhood "
         "of Hasakah city.")
    assert [p.feature for p in resolve_places(t, _spans(t, "Hasakah"))] == ["adm1", "city"]

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

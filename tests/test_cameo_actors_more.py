"""CAMEO coder actors: who a phrase is (country, sector) and which phrase is the source or the target.

Hand-written news sentences, parsed with the default backend (the roles read the dependency parse)."""
from __future__ import annotations

import pytest

from eventwire.clean import clean
from eventwire.extract import cameo_lexicon as lex
from eventwire.extract.cameo import CameoEvent, code_sentence
from eventwire.extract.cameo_actors import Phrase, find_phrases, sentence
from eventwire.nlp import annotate
from eventwire.pipeline import article_from_text


def _article(text: str, backend: str):
    article = clean(article_from_text(text), check_language=False)
    annotate(article, backend)
    return article


def phrases(text: str, backend: str = "default") -> dict[str, Phrase]:
    """The actor phrases of a one-sentence text, by their text."""
    return {p.text: p for p in find_phrases(sentence(_article(text, backend), 0))}


def code(text: str, backend: str = "default") -> list[CameoEvent]:
    article = _article(text, backend)
    return [e for i in range(len(article.sentences)) for e in code_sentence(article, i)]


def sources(events: list[CameoEvent]) -> set[tuple[str, str]]:
    return {(e.source_country, e.source_sector) for e in events}


def targets(events: list[CameoEvent]) -> set[tuple[str, str]]:
    return {(e.target_country, e.target_sector) for e in events if e.target}


# ------------------------------------------------------------------ who a phrase is
def test_generic_dictionary_classes_take_the_coders_finer_agent_noun():
    ph = phrases("Gunmen opened fire on Somali refugees near the border.")
    assert (ph["Somali refugees"].country, ph["Somali refugees"].sector) == ("SOM", "REF")


def test_a_plural_demonym_is_the_country_and_its_people():
    p = phrases("Police detained dozens of Eritreans at the border crossing.")["Eritreans"]
    assert (p.code, p.country, p.sector) == ("ERI", "ERI", "CVL")
    p = phrases("Talks with the Swiss government resumed on Monday.")["Swiss government"]
    assert p.country == "CHE"  # "Swiss" is an adjective, not a plural


@pytest.mark.parametrize("text,word", [
    ("Turkey launched a military offensive against Kurdish fighters.", "military"),
    ("Unions called a general strike in the capital.", "general"),
    ("Authorities banned a militant group on Monday.", "militant"),
])
def test_an_agent_word_used_as_an_adjective_names_no_one(text, word):
    assert word not in phrases(text)


def test_a_domestic_agent_takes_the_sentences_only_country():
    ph = phrases("Opposition leaders accused the Kenyan government of rigging the vote.")
    assert ph["Opposition leaders"].country == "KEN"


def test_rebels_take_the_country_of_the_government_they_face_but_not_of_a_town():
    assert phrases("The Ugandan government rejected new demands from rebels.")["rebels"].country == "UGA"
    assert phrases("Rebels shelled Aleppo overnight on Sunday.")["Rebels"].country == "---"


def test_an_agent_does_not_inherit_when_the_sentence_names_two_countries():
    ph = phrases("Government forces shelled the town, a UK-based monitor of the Syrian Observatory said.")
    assert ph["Government forces"].country == "---"


def test_victims_are_the_people_of_the_sentences_scene():
    ph = phrases("Two children were killed in an air strike in the Gaza Strip on Monday, medics said.")
    assert (ph["children"].country, ph["children"].sector) == ("PSE", "CVL")
    # a capital acting ("against Moscow") is not where things happen
    ph = phrases("The civilians jailed for protesting against Moscow were freed on Monday.")
    assert ph["civilians"].country == "---"


def test_an_organisations_member_ministers_are_the_organisation():
    p = phrases("European Community foreign ministers condemned the attack.")["European Community foreign ministers"]
    assert (p.country, p.sector) == ("IGO", "")
    p = phrases("Arab League Secretary-General Amr Moussa condemned the attack.")
    assert any(q.country == "IGO" and q.sector == "GOV" for q in p.values())


def test_a_leader_of_a_country_is_one_phrase():
    ph = phrases("King Abdullah of Jordan received the envoy in Amman.")
    assert "King Abdullah of Jordan" in ph and ph["King Abdullah of Jordan"].country == "JOR"


def test_coordinated_demonyms_share_their_noun():
    ev = code("British and French warplanes bombed the rebel positions on Tuesday.")
    assert {("GBR", "MIL"), ("FRA", "MIL")} <= sources(ev)


def test_a_capital_named_as_a_location_is_its_people():
    assert phrases("Police imposed a curfew in Baghdad on Friday.")["Baghdad"].sector == "CVL"
    assert phrases("Baghdad rejected the proposal on Friday.")["Baghdad"].sector == "GOV"


def test_multiword_capitals_are_whole_names():
    names = {n.alias for n in lex.named()}
    assert {"Addis Ababa", "Abu Dhabi", "Mexico City", "Phnom Penh"} <= names
    assert not {"Abu", "City", "Addis"} & names


# ------------------------------------------------------------------ source and target
def test_invasion_of_a_country_under_a_light_verb_targets_it():
    ev = code("Iraq launched an invasion of Kuwait in August.")
    assert sources(ev) == {("IRQ", "")} and ("KWT", "") in targets(ev)


def test_own_forces_sent_somewhere_target_the_place():
    ev = code("Russia reinforced its troops in Syria on Monday.")
    assert targets(ev) == {("SYR", "")}


def test_a_dative_to_phrase_is_the_recipient():
    ev = code("Germany is supplying weapons and military intelligence to Ukraine, officials said.")
    assert ("UKR", "") in targets(ev)


def test_the_leader_of_a_led_coalition_is_the_target():
    ev = code("Turkey refused any assistance to the US-led war against Iraq.")
    assert ("USA", "") in targets(ev) and sources(ev) == {("TUR", "")}


def test_by_under_an_object_is_its_author_not_the_source():
    ev = code("Israel rejected calls by Egypt for a ceasefire.")
    assert sources(ev) == {("ISR", "")}
    assert ("EGY", "") in targets(ev)

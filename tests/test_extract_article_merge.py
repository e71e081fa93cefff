"""One article, one report per incident: the headline, anaphoric mentions, roll-ups, further incidents, and the
day of a statement."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.cluster import features
from eventwire.pipeline import PipelineConfig, article_from_text, build
from eventwire.resolve.dates import STATEMENT_DAY


def _reports(text: str, title: str = "", published: date = date(2017, 4, 5)):
    art = build(PipelineConfig(nlp="rules")).process(article_from_text(text, published=published, title=title))
    return art, art.reports


def test_the_headline_folds_into_the_lead_report():
    title = "Missile kills 18 civilians in Aleppo"
    text = (f"{title}\n\nA missile fired by government forces killed at least 18 civilians on Tuesday in a residential "
            "neighbourhood of Aleppo city, a monitoring group said.")
    art, reports = _reports(text, title)
    assert len(reports) == 1
    r = reports[0]
    assert r.fatalities == 18 and r.date is not None and r.date.earliest == date(2017, 4, 4)
    assert any(art.text[s.start:s.end] == title for s in r.evidence)  # the headline is kept as evidence


def test_the_attack_points_back_to_the_incident_told():
    text = ("Warplanes releasing toxic gas struck the town of Khan Sheikhoun in Idlib on Tuesday. "
            "The Syrian Observatory for Human Rights said the attack killed at least 58 people.")
    _, reports = _reports(text)
    assert len(reports) == 1
    assert reports[0].sub_event_type == "Chemical weapon" and reports[0].fatalities == 58


def test_a_conflict_toll_is_no_incident_and_joins_none():
    text = ("Regime air strikes killed 19 fighters in the Al Mallah district of Aleppo on Monday, a monitor said. "
            "The war has since killed more than 300000 people.")
    _, reports = _reports(text, published=date(2016, 7, 12))
    assert [r.fatalities for r in reports] == [19]


def test_also_tells_of_a_further_incident():
    text = ("On Saturday eight people were killed when a barrel bomb hit a building in Aleppo city. "
            "Six people were also killed in rebel shelling of regime-held areas of the city.")
    _, reports = _reports(text, published=date(2015, 2, 22))
    assert sorted(r.fatalities for r in reports) == [6, 8]


def test_a_statement_day_dates_the_report_but_is_no_stated_event_day():
    text = ("The death toll from a suspected chemical attack on the town of Khan Shaykhun in Idlib province has "
            "risen to 86, a monitoring group said on Wednesday.")
    _, reports = _reports(text)
    r = reports[0]
    assert r.fatalities == 86
    assert r.date is not None and r.date.earliest == date(2017, 4, 5) and r.date.basis.startswith(STATEMENT_DAY)
    f = features(reports, {})
    assert not f.exact_day[0]  # another outlet's stated day does not contradict it


def test_an_unnamed_town_takes_the_town_the_next_sentences_name():
    text = ("At least 11 civilians were killed Thursday in regime barrel bomb attacks on a jihadist-held town in "
            "northern Syria, a monitoring group said. Government helicopters dropped the bombs on Al-Bab, which lies "
            "in the northern province of Aleppo.")
    _art, reports = _reports(text, published=date(2015, 7, 16))
    assert reports and reports[0].fatalities == 11
    assert reports[0].place is not None and reports[0].place.name == "Al Bāb"


def test_only_a_country_named_is_no_incident():
    _art, reports = _reports("At least 300 people were killed in air strikes in Syria this month, a monitor said.")
    assert reports == []


def test_the_toll_stated_later_beats_the_vague_word_of_the_lead():
    text = ("Dozens of people have been killed in Idlib province on Tuesday in a suspected chemical attack. "
            "The Syrian Observatory for Human Rights put the death toll at 58. "
            "Meanwhile the Idlib Media Center said dozens of people had been killed.")
    _art, reports = _reports(text)
    assert [r.fatalities for r in reports] == [58]


def test_the_attack_told_first_takes_the_kind_and_day_told_after():
    text = ("The attack in Idlib province claimed the lives of at least 27 children, UNICEF said in a statement on "
            "Thursday. On Tuesday opposition forces said some 80 people were killed in a chemical weapon attack in "
            "Idlib province.")
    _art, reports = _reports(text, published=date(2017, 4, 6))
    assert len(reports) == 1
    r = reports[0]
    assert r.sub_event_type == "Chemical weapon" and r.fatalities == 27 and r.date.earliest == date(2017, 4, 4)


@pytest.mark.parametrize("text", [
    "On Tuesday Syrian opposition forces stated that some 80 people were killed and 200 injured in a chemical weapon "
    "attack in the Syrian Idlib province blaming the Syrian army for the incident.",
    "The attack in Syrian Idlib province claimed the lives of at least 27 children while over 500 people including "
    "many minors were injured, UNICEF said in a statement on Thursday.",
])
def test_speakers_and_civilians_are_not_the_attacker(text):
    _art, reports = _reports(text, published=date(2017, 4, 6))
    assert reports and reports[0].actor1 is None



@pytest.mark.parametrize("nlp", ["rules", "default"])
def test_an_organisation_is_no_town(nlp):
    text = ("Twenty civilians were killed in an attack on an aid convoy near Aleppo, the International Federation of "
            "Red Cross and Red Crescent Societies said.")
    art = build(PipelineConfig(nlp=nlp)).process(article_from_text(text, published=date(2016, 9, 20)))
    assert "Red Cross" not in [m.text for m in art.mentions if m.kind == "place"]


def test_the_raid_told_later_dates_the_air_raids_of_the_lead():
    text = ("The air raids that hit an aid convoy near Aleppo killed around 20 people, the organisation said Tuesday. "
            "Mondays raid on the convoy destroyed at least 18 of 31 vehicles in Aleppo province.")
    _art, reports = _reports(text, published=date(2016, 9, 20))
    assert len(reports) == 1
    r = reports[0]
    assert r.sub_event_type == "Air/drone strike" and r.fatalities == 20 and r.date.earliest == date(2016, 9, 19)


def test_civilians_named_first_do_not_contradict_the_perpetrator():
    text = ("Eleven children were killed on Thursday in a barrel bomb attack carried out by government forces on a "
            "rebel-held neighbourhood of Aleppo city, a monitor said. \"Fifteen civilians among them 11 children were "
            "killed in a barrel bomb attack on the Bab al-Nayrab neighbourhood\" in southern Aleppo city, the monitor "
            "said.")
    _art, reports = _reports(text, published=date(2016, 8, 25))
    assert len(reports) == 1 and reports[0].fatalities == 11


def test_the_bomber_told_first_is_the_bombing_told_next_in_the_headline_town():
    title = "Suicide bomber kills 16 in Hasakah"
    text = ("The bomber was on a motorcycle when he attacked a crowd outside a bakery. \"A suicide bomber on a "
            "motorcycle blew himself up in the Salihiah neighbourhood of Hasakah city\" said the head of the Syrian "
            "Observatory. Kurdish police put the death toll at 16. Meanwhile fighting has forced residents to flee "
            "Manbij. Hundreds fled a southern district of Manbij. Manbij lies in Aleppo province.")
    art = build(PipelineConfig(nlp="rules")).process(article_from_text(text, published=date(2016, 7, 5), title=title))
    lead = art.reports[0]
    assert lead.sub_event_type == "Suicide bomb" and lead.fatalities == 16
    assert lead.place.feature == "city" and lead.place.admin1 == "Al Ḩasakah"
    assert not any(r.event_type == "Protests" for r in art.reports)


def test_a_bare_attack_takes_the_kind_its_clause_names():
    text = ("A suicide bomber killed four people in a hospital in Idlib on Sunday in an attack that took the war "
            "to the ruling clan's hometown for the first time, a monitoring group said.")
    _art, reports = _reports(text, published=date(2015, 2, 23))
    assert [(r.sub_event_type, r.trigger) for r in reports] == [("Suicide bomb", "attack")]


def test_the_explosion_a_suicide_bomber_caused_is_no_air_strike():
    text = ("\"The explosion that hit the town of Qardaha was caused by a suicide bomber driving a car\" said the "
            "Observatory. \"Two women and two soldiers were killed in the attack\" said its director.")
    _art, reports = _reports(text, published=date(2015, 2, 23))
    assert reports and reports[0].sub_event_type != "Air/drone strike" and reports[0].fatalities == 4


def test_an_incident_a_week_before_is_not_the_one_told():
    text = ("Birmingham was hit by the pub bombings on Thursday, and 21 people were killed in the bombing. McDade blew "
            "himself up while trying to plant a bomb at a telephone exchange in Birmingham a week before the pub "
            "bombings.")
    _art, reports = _reports(text, published=date(1974, 11, 23))
    assert len(reports) == 2



def test_a_day_told_in_a_clause_about_other_people_does_not_date_the_blast():
    text = ("A bomb blast hit a bus convoy waiting to enter Aleppo on Saturday killing at least 100. The blast hit "
            "buses in the Rashidin area on Aleppos outskirts carrying people evacuated from two villages on Friday.")
    art = build(PipelineConfig()).process(article_from_text(text, published=date(2017, 4, 15)))
    blasts = [r for r in art.reports if r.event_type == "Explosions/Remote violence"]
    assert len(blasts) == 1 and blasts[0].date.earliest == date(2017, 4, 15)
    assert blasts[0].actor2 is not None and blasts[0].actor2.id == "generic:civilians"  # the people on the buses


@pytest.mark.parametrize("text", [
    "At least 43 people were killed on Saturday in a suicide car bomb attack on buses in Aleppo.",
    "Hospitals in Damascus treated 3,600 patients with neurotoxic symptoms on Wednesday, 355 of whom died.",
])
def test_the_people_counted_before_the_trigger_are_civilian_victims(text):
    _art, reports = _reports(text, published=date(2017, 4, 15))
    assert reports and reports[0].actor2 is not None and reports[0].actor2.id == "generic:civilians"
    assert reports[0].event_type == "Explosions/Remote violence"


def test_the_one_blamed_is_the_perpetrator_and_the_speakers_country_no_actor():
    text = ("At least 276 people were killed in the truck bombing that struck Mogadishu on Saturday, Somalia's "
            "information minister said on Sunday. President Mohamed Abdullahi Farmajo declared three days of mourning "
            "and blamed al Shabaab for the attack.")
    art = build(PipelineConfig()).process(article_from_text(text, published=date(2017, 10, 15)))
    assert [(r.sub_event_type, r.actor1 and r.actor1.id) for r in art.reports] == \
        [("Remote explosive/landmine/IED", "al-shabaab")]


@pytest.mark.parametrize("nlp", ["rules", "default"])
def test_a_demonym_and_a_force_noun_are_one_state_force_whatever_ner_splits(nlp):
    text = "Ten civilians were killed on Tuesday when Russian warplanes struck a town in northern Aleppo province."
    art = build(PipelineConfig(nlp=nlp)).process(article_from_text(text, published=date(2016, 8, 2)))
    assert [(m.text, m.ref) for m in art.mentions if m.kind == "actor"][1:] == [("Russian warplanes", "state:RUS:military")]
    assert art.reports[0].actor1.id == "state:RUS:military"


def test_a_country_in_the_possessive_places_nothing_and_an_unnamed_northern_village_is_elsewhere():
    text = ("The town of Qardaha is the Assad clan's hometown. A suicide bomber killed four people in a hospital on "
            "Sunday in an attack that took Syrias civil war to the town. Troops executed 48 people this week in a "
            "northern village.")
    _art, reports = _reports(text, published=date(2015, 2, 23))
    assert [(r.sub_event_type, r.fatalities, r.place.name) for r in reports] == [("Suicide bomb", 4, "Al Qardāḩah")]


def test_a_country_inside_an_actors_name_stays_a_place_mention_for_the_geoparser():
    text = ("Gunmen attacked a checkpoint in the town of Arish on Monday. Egypt's government said the gunmen killed "
            "five soldiers in the attack.")
    art = build(PipelineConfig()).process(article_from_text(text, published=date(2016, 8, 2)))
    assert ("place", "Egypt") in [(m.kind, m.text) for m in art.mentions]  # the geoparser's toponym
    assert [(r.place.name, r.fatalities) for r in art.reports] == [("Arīsh", 5)]

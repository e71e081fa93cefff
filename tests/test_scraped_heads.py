"""Flattened scraped pages: a date stamp, the headline, a byline and page chrome glued to the lead."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire import clean as C
from eventwire.pipeline import PipelineConfig, article_from_text, build
from eventwire.resolve import pubdate


@pytest.mark.parametrize("head, title, pieces", [
    ("7 July 2015 A suicide bomber killed 25 soldiers in Aleppo on Monday.", "",
     ["7 July 2015", "A suicide bomber killed 25 soldiers in Aleppo on Monday."]),
    ("07.07.2015Get short URL Topic Violence Erupts (1881) 0 25 A suicide bomber blew himself up in Aleppo.", "",
     ["07.07.2015", "A suicide bomber blew himself up in Aleppo."]),
    ("Syria regime raids on Aleppo kill 16 civilians Monitor AFP Sunday 5 Jun 2016 Dozens of strikes hit the city.",
     "Syria regime raids on Aleppo kill 16 civilians Monitor",
     ["Syria regime raids on Aleppo kill 16 civilians Monitor", "AFP Sunday 5 Jun 2016", "Dozens of strikes hit the city."]),
    ('April 5 2017 by Jane Roe and John Doe "Chemical" Massacre in Idlib Defies the World Beirut- Warplanes struck the town of Khan Sheikhoun.',
     "Chemical Massacre in Idlib Defies the World",
     ["April 5 2017", "by Jane Roe and John Doe", '"Chemical" Massacre in Idlib Defies the World', "Beirut- Warplanes struck the town of Khan Sheikhoun."]),
    ("Last updated at Jul 012016 BEIRUT At least 70 fighters have been killed in 24 hours.", "",
     ["Last updated at Jul 012016", "BEIRUT - At least 70 fighters have been killed in 24 hours."]),
])
def test_split_head(head, title, pieces):
    assert C.split_head([head, "Second paragraph."], title) == pieces + ["Second paragraph."]


@pytest.mark.parametrize("head", [
    "1990 was the year the war began, and the town was shelled for a month afterwards.",
    "Monday 5 soldiers were killed.",  # no full date: not a stamp
])
def test_split_head_leaves_prose_alone(head):
    assert C.split_head([head], "") == [head]


def test_stamp_sets_the_publication_date_and_is_dropped():
    body = "06.04.2017 The attack in Idlib province claimed the lives of at least 27 children, UNICEF said."
    art = build(PipelineConfig(nlp="rules")).process(article_from_text(body, published=date(2017, 4, 9)))
    assert art.published == date(2017, 4, 6)  # day.month.year, and the text's own date wins over --published
    assert art.published_basis == "text"
    assert not art.text.startswith("06.04.2017")
    assert pubdate.parse_value("06.04.2017") == date(2017, 4, 6)


def test_page_chrome_is_cut():
    par = ("A suicide bomber killed 25 soldiers in Aleppo a monitoring group said Tags Nusra Front Aleppo Syria war. "
           "The blast was heard across the city. MOSCOW (Sputnik) According to the watchdog the attacker blew himself up. "
           "... 25 Topic Violence Erupts as Islamic State Rises (1881) Related Explosion in Syrian Mosque Leaves 25 Dead")
    out = C.clean_paragraph(par)
    assert "Tags" not in out and "Topic" not in out and "Sputnik" not in out
    assert out.endswith("the attacker blew himself up.")
    trt = "The HNC statement said so. Source TRTWorld and agencies Related News Iraqs vote violations | Syrian attacks kill 16"
    assert C.clean_paragraph(trt) == "The HNC statement said so."


def test_glued_photo_caption_is_cut():
    par = ("SEND httpsabahdai.ly9x2W4z A man rides a bicycle past burning tyres in Aleppo Syria August 1 2016 "
           "(Reuters Photo) Ten civilians were killed on Tuesday when warplanes struck a town in Aleppo province.")
    assert C.clean_paragraph(par) == "Ten civilians were killed on Tuesday when warplanes struck a town in Aleppo province."
    prose = "Ten civilians were killed (photo below) when warplanes struck. The town was hit again."
    assert C.clean_paragraph(prose) == prose


def test_inline_photo_caption_is_cut():
    par = ("At least 48 people died after a truck bomb exploded in Qamishli. A man walks by a damaged site after bomb "
           "blasts hit the city of Qamishli. July 27 2016. (TRT World and Agencies) A bomb blast in Qamishli on "
           "Wednesday killed 48 people. Civilians fled the area. (Reuters) The toll is expected to rise.")
    assert C.clean_paragraph(par) == ("At least 48 people died after a truck bomb exploded in Qamishli. A bomb blast "
                                      "in Qamishli on Wednesday killed 48 people. The toll is expected to rise.")
    dateline = "BEIRUT (Reuters) - A bomb blast in Qamishli on Wednesday killed 48 people."
    assert C.clean_paragraph(dateline) == dateline

"""Cleaning: each quirk of scraped news (corpora.md §5) goes, and body sentences stay."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from eventwire import clean as C
from eventwire.errors import StageError
from eventwire.model import Article

BODY = ("Islamic State leaders are fleeing Raqqa in the face of the onslaught by the Syrian Democratic "
        "Forces, the US Defence Department said on Friday.")
BODY2 = ("The Pentagon official said roads in the north and west of the city had been blocked, leaving only "
         "the road to Deir ez-Zor in the southeast.")


def article(body: str, *, title: str = "", kind: str = "txt") -> Article:
    return Article(locator="test", kind=kind, raw=body.encode(), raw_sha256="", title=title, body=body)


def cleaned(body: str, **kw) -> str:
    return C.clean(article(body, **kw)).text


# share-button words -------------------------------------------------------------------------------

def test_share_words_glued_to_title_are_removed():
    a = C.clean(article(f"{BODY}\n\n{BODY2}", title="flipboard facebook twitter whatsappIslamic State leaders fleeing Raqqa"))
    assert a.title == "Islamic State leaders fleeing Raqqa"


def test_share_words_glued_to_lead_and_share_rows_are_removed():
    text = cleaned(f"Share this:\n\nFacebook\nTwitter\nFlipboard\nWhatsApp\nEmail\nCopy\n\n{BODY}\n\n"
                   f"WhatsApp Email Copy{BODY2}\n\nflipboard facebook twitter whatsapp")
    assert text == f"{BODY}\n\n{BODY2}"


def test_body_sentences_naming_social_networks_survive():
    body = ("Facebook said on Tuesday it had removed 20 accounts linked to the Islamic State group.\n\n"
            "Facebook Messenger and WhatsApp were used to plan the attack, prosecutors said.\n\n"
            "Follow-up raids were carried out in Mosul, and officials will share details on Twitter later.")
    assert cleaned(body) == body


# promotions, moderation, publish lines ------------------------------------------------------------

def test_app_and_newsletter_promotions_are_removed():
    junk = ["Stay up to date on all the latest World news with The New Indian Express App. Download now",
            "(Get the news that matters from New Indian Express on WhatsApp. Click this link and hit 'Click to Subscribe'.)",
            "Sign Up: Stay on top of the latest breaking film and TV news! Sign up for our Email Newsletters here.",
            "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
            "CLICK HERE TO GET THE FOX NEWS APP",
            "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.",
            "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.",
            "Google Play App Store"]
    assert cleaned("\n\n".join([BODY, *junk, BODY2])) == f"{BODY}\n\n{BODY2}"


def test_newsletter_widget_glued_into_a_paragraph_is_cut():
    par = ("Get all the latest politics news Subscribe Thank you for subscribing We have more newsletters "
           "Show me See our privacy notice Invalid EmailOne of the IRA’s most senior former officers has admitted "
           "for the first time that he was involved in the bombing campaign.")
    assert cleaned(par) == ("One of the IRA’s most senior former officers has admitted for the first time that he "
                            "was involved in the bombing campaign.")


def test_promotion_tail_of_a_long_paragraph_is_cut():
    body = " ".join([BODY] * 3)
    tail = ("A picture is worth a thousand words. Follow us on Instagram. FOLLOW TRTWORLD Dont miss out on the Latest "
            "News We wont spam you and we respect your privacy. SUBSCRIBE TRT World on Youtube Subscribe to our "
            "Youtube channel Facebook Like Follow Follow Copyright 2018 TRT World.")
    assert cleaned(f"{body} {tail}") == body


def test_comment_moderation_disclaimers_are_removed():
    junk = ["Disclaimer : We respect your thoughts and views! But we need to be judicious while moderating your "
            "comments. All the comments will be moderated by the newindianexpress.com editorial.",
            "The views expressed in comments published on newindianexpress.com are those of the comment writers alone.",
            "Should you violate our submissions guidelines, we reserve the right to remove your comments and block your account.",
            "Share your thoughts", "Cancel reply", "12 comments", "Rogers Media uses cookies for personalization and advertising."]
    assert cleaned("\n\n".join([BODY, *junk, BODY2])) == f"{BODY}\n\n{BODY2}"


def test_body_sentence_about_comments_and_cookies_survives():
    body = ("The ministry said the comments made by the commander were false.\n\n"
            "Investigators said the malware uses cookies to follow its victims across websites.")
    assert cleaned(body) == body


def test_published_lines_go_but_pubdate_reads_them_first():
    body = (f"{BODY}\n\nPublished: 19th November 2015 08:57 AM  |   Last Updated: 19th November 2015 08:57 AM IST"
            f"   |  A+A-\n\n{BODY2}")
    a = C.clean(article(body))
    assert a.text == f"{BODY}\n\n{BODY2}"
    assert a.published == date(2015, 11, 19) and a.published_basis == "text"
    assert a.timezone == "IST"


def test_update_lines_bylines_dates_and_publication_prefixes():
    junk = ["Updated: 18 Nov 2019 9:38 pm", "Posted: 18 Nov 2019 8:11 pm", "- Published 18 November 2019",
            "Nov 13, 2019 4:26 pm", "5:45 AM PST 11/19/2019 by Patrick Shanley", "Related Tags:"]
    assert cleaned("\n\n".join([BODY, *junk, BODY2])) == f"{BODY}\n\n{BODY2}"
    a = C.clean(article(f"Published February 18 2015 {BODY}"))
    assert a.text == BODY and a.published == date(2015, 2, 18)


# captions, credits, ads, sign-offs, related links --------------------------------------------------

def test_captions_and_photo_credits_are_removed():
    junk = ["Islamic State fighters in a show of force in the Syrian city of Raqqah, which became their "
            "headquarters in 2013. (AP)",
            "Image copyright Getty Images", "Image caption Scooter Braun has defended himself",
            "Above: A WeWork coworking space in San Francisco.", "Image Credit: WeWork",
            "Alex Wong | Getty Images", "Photograph: Tim Robberts/Getty Images"]
    assert cleaned("\n\n".join([BODY, *junk, BODY2])) == f"{BODY}\n\n{BODY2}"


def test_caption_glued_to_body_text_is_cut():
    par = ("Police released an image of the suspect. Photograph: Police National/Handout/EPAThe suspect "
           "immediately returned to his bike and left by the same path.")
    assert cleaned(par) == ("Police released an image of the suspect. The suspect immediately returned to his bike "
                            "and left by the same path.")


def test_advertisement_alone_and_glued_is_removed():
    text = cleaned(f"{BODY}\n\nAdvertisement\n\nContinue reading the main story\n\n"
                   "They said it would secure the American homeland.Advertisement“We’ve seen this before,” he said.")
    assert text == f"{BODY}\n\nThey said it would secure the American homeland. “We’ve seen this before,” he said."


def test_wire_signoffs_are_removed_but_agency_names_in_sentences_stay():
    assert cleaned("Rebels retook the town in December. --Reuters") == "Rebels retook the town in December."
    assert cleaned("The WHO said so in a statement. - REUTERS") == "The WHO said so in a statement."
    assert cleaned("The conflict began in March 2011.-AFP") == "The conflict began in March 2011."
    kept = "The figure could not be verified by Reuters.\n\nAn official told AFP that 12 people died."
    assert cleaned(kept) == kept


def test_related_link_blocks_and_teasers_are_removed():
    junk = ["Related: Possible Water Plumes on Europa: The Discovery in Images",
            "- NASA Europa Mission Could Potentially Spot Signs of Alien Life",
            "- Photos: Europa, Mysterious Icy Moon of Jupiter", "DON'T MISS",
            "China furious at Macron for Hong Kong protest jibe [INSIGHT]", "Most read in world news",
            "Read more: Alibaba poised to launch record-breaking listing", "(Reporting by Greg Roumeliotis; editing by Martin Howell)",
            "Fox News’ Jessica Napoli contributed to this report.", "More AP NBA: https://apnews.com/NBA"]
    assert cleaned("\n\n".join([BODY, *junk, BODY2])) == f"{BODY}\n\n{BODY2}"


def test_related_violence_sentence_is_not_a_related_link():
    body = "Related violence killed 12 people in Idlib on Monday, the monitor said.\n\nWatch towers were shelled."
    assert cleaned(body) == body


def test_video_player_text_is_removed():
    par = ("Ministers want platforms to remove such material.WATCH: British Prime Minister Theresa MayVideo "
           "sizewidthxheightpixelsBritain PM May: 'Enough is Enough'Share this video0:00:30▶0:00:00/0:00:30▶▶Direct "
           "link270p | 1.5MB360p | 1.8MB480p | 10.5MBAmong the measures being recommended are new powers.")
    assert cleaned(par) == "Ministers want platforms to remove such material.Among the measures being recommended are new powers."


# encoding damage, structure ------------------------------------------------------------------------

def test_replacement_character_damage_is_repaired():
    assert C.repair("Syria\ufffd_s Aleppo \ufffd_ monitor") == "Syria's Aleppo - monitor"
    assert C.repair("medical attention. \ufffd\ufffdTime is running out") == "medical attention. Time is running out"
    assert C.repair("they don\ufffdt know") == "they don't know"


def test_title_site_name_and_damage_are_cleaned():
    a = C.clean(article(f"{BODY}", title="At least 70 killed in north of Syria\ufffd_s Aleppo \ufffd_ monitor | Jordan Times"))
    assert a.title == "At least 70 killed in north of Syria's Aleppo - monitor"


def test_html_headline_repeated_as_first_line_is_dropped_but_lede_sentences_stay():
    title = "Islamic State leaders fleeing Raqqa: Pentagon"
    a = C.clean(article(f"Islamic State leaders fleeing Raqqa: Pentagon\n\n{BODY}\n\n{BODY2}", title=title, kind="html"))
    assert a.text == f"{BODY}\n\n{BODY2}" and a.title == title
    lede = "Islamic State leaders are fleeing Raqqa, the Pentagon said."
    assert C.clean(article(f"{lede}\n\n{BODY2}", title=title, kind="html")).text == f"{lede}\n\n{BODY2}"


def test_lede_printed_twice_is_kept_once_but_later_repeats_stay():
    text = cleaned(f"{BODY}\n\n{BODY}\n\n{BODY2}")
    assert text == f"{BODY}\n\n{BODY2}"
    row = "Portion Fix containers: 1 green, 1 red, 1 yellow, 1 tsp"
    pars = [BODY, BODY2, "Step one of the plan.", "Step two of the plan.", row, "Meal 2", row, "Meal 3", row]
    assert cleaned("\n\n".join(pars)).count(row) == 3


def test_glued_editor_notes_and_wiki_headings():
    assert cleaned("==Attack==\n\nTHE GUERRILLAS [WORDS INDISTINCT] ATTACKED THE POST.") == \
        "Attack\n\nTHE GUERRILLAS ATTACKED THE POST."


def test_outputs_spans_id_and_language():
    a = C.clean(article(f"{BODY}\n\nAdvertisement\n\n{BODY2}"))
    assert [a.text[s.start:s.end] for s in a.paragraphs] == [BODY, BODY2]
    assert a.id == C.article_id("  ".join(a.text.split()))
    assert a.language == "en"


def test_non_english_article_is_skipped_with_the_reason():
    french = ("Les dirigeants du groupe État islamique fuient Raqqa face à l'offensive des Forces démocratiques "
              "syriennes, a déclaré vendredi le ministère américain de la Défense. Les routes au nord et à l'ouest "
              "de la ville ont été bloquées, a précisé le porte-parole du Pentagone lors d'un point de presse.")
    with pytest.raises(StageError) as err:
        C.clean(article(french))
    assert err.value.reason == "language fr not supported yet"
    assert str(err.value) == "clean: language fr not supported yet"
    assert C.clean(article(french), check_language=False).language == "fr"


def test_nothing_left_is_a_stage_error():
    with pytest.raises(StageError, match="no body text left"):
        C.clean(article("flipboard facebook twitter whatsapp\n\nAdvertisement"))


# the seeds: no body sentence lost --------------------------------------------------------------------

def _shared() -> Path:
    root = Path(__file__).resolve().parents[1]
    return Path(os.environ.get("EVENTWIRE_SHARED") or root.parent / "shared")


SEED_BOILERPLATE = ("Stay up to date", "Disclaimer", "views expressed in comments", "flipboard", "A+A-",
                    "Published:", "Click to Subscribe", "(AP)")


@pytest.mark.parametrize("name", ["000_1a5c480aff3f5891.txt", "002_06028e4f8420d47b.txt"])
def test_seed_keeps_every_body_sentence(name):
    path = _shared() / "seeds" / name
    if not path.is_file():
        pytest.skip(f"seed {path} not available (set EVENTWIRE_SHARED)")
    raw = path.read_text(encoding="utf-8")
    text = C.clean(article(raw, title=raw.splitlines()[0])).text
    for par in (" ".join(p.split()) for p in C.split_paragraphs(raw)):
        if any(marker in par for marker in SEED_BOILERPLATE) or par.startswith("(Get the news"):
            assert par not in text
        else:
            assert par in text, par
    for marker in SEED_BOILERPLATE:
        assert marker not in text

"""Cleaning: boilerplate out, paragraphs, title, dateline and publication date, language, id.

The cleaned text keeps every sentence of the body; what goes is share rows, promotions,
moderation disclaimers, publish/update lines, captions and credits, ads, related-link blocks,
contact lines and wire sign-offs. Rules drop a whole paragraph only when it is short and
matches a phrase that body prose does not use; inline repairs (share words glued to a title,
"Advertisement" glued between sentences, sign-offs, U+FFFD damage) cut only the junk.
See docs/cleaning.md for the list and the reasoning.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter

from . import settings
from .errors import StageError
from .model import Article, Span
from .resolve import pubdate

_SHARE_WORD = (r"(?:flipboard|facebook|twitter|whatsapp|e-?mail|copy(?:\s+link)?|linkedin|reddit|print|share|"
               r"pinterest|telegram|messenger|sms|mail|tumblr|pocket|comments?)")
_SEP = r"(?:\s*[|•·/]\s*|\s+)"
# "flipboard facebook twitter whatsappIslamic State ...": two or more share words glued to a capital,
# or three or more followed by a space. The capital test is case-sensitive on purpose.
_SHARE_PREFIX = re.compile(
    rf"^(?i:(?:share(?:\s+this(?:\s+article|\s+story)?)?:?\s*)?(?:{_SHARE_WORD}{_SEP}){{1,}}{_SHARE_WORD})(?=[A-Z\"“‘])"
    rf"|^(?i:(?:share(?:\s+this(?:\s+article|\s+story)?)?:?\s*)?(?:{_SHARE_WORD}{_SEP}){{2,}}{_SHARE_WORD})\s+(?=[A-Z\"“‘])")
_SHARE_ONLY = re.compile(
    rf"^(?:share(?:\s+this(?:\s+article|\s+story|\s+video)?)?:?|{_SHARE_WORD}|x|follow|like(?:\s+this:?)?|"
    r"loading\.*|\s|[|•·,:])+$", re.I)

# Paragraphs that are never body text when they open with these words (and are short).
_OPENERS = re.compile(r"^[-–—•*\s]*(?:" + "|".join((
    r"(?:first\s+)?published(?:\s+on)?:?\s.{0,120}$",
    r"(?:last\s+)?updated(?:\s+on|\s+at)?:?\s+\S.{0,60}$",
    r"posted(?:\s+on)?:?\s+\S.{0,60}$",
    r"date of publication\b.{0,80}$",
    r"advertisement\s*$",
    r"(?:continue reading the main story|story continues below(?: advertisement)?)\s*$",
    r"(?:read more|related|recommended|see more|see also|also read|read also|more from [\w .'’-]{1,40}|"
    r"most read(?: in [\w ]{1,30})?|popular on [\w .'’-]{1,30}|trending(?: now)?|don'?t miss|watch|listen|"
    r"related (?:tags|articles|stories|coverage|content|video))(?:\s*$|\s*[:|]\s*.{0,160}$)",
    r"(?:click here to )?get the [\w .'’-]{1,30} app\b",
    r"(?:stay|get|keep) up to date on .{0,60}\bnews\b",
    r"\(?get the news that matters from .{0,60} on whatsapp",
    r"download (?:now|the app|our app)",
    r"click here\b", r"tap here\b", r"click to (?:subscribe|share|tweet)",
    r"disclaimer\s*:",
    r"the views expressed in (?:the )?comments",
    r"get all the latest .{0,40} news",
    r"sign up\b", r"subscribe\b", r"join (?:us|now|our)\b", r"join (?-i:[A-Z]{3,})\b",
    r"(?:follow|like) (?:us|him|her|them|me|[\w .'’@-]{1,60}?) on (?:facebook|twitter|flipboard|instagram|rss|"
    r"youtube|linkedin|telegram|whatsapp)",
    r"follow (?:us|him|her|them|me) @",
    r"(?=.*(?:@|https?://))(?:reach|contact|email|e-mail|write to) (?:the )?(?:reporters?|writers?|authors?|editors?|us|[A-Z][\w.'’-]+"
    r"(?: [A-Z][\w.'’-]+){0,3}) (?:at|on|via)\b",
    r"(?=.*(?:@|https?://))have a (?:news )?tip\b",
    r"image (?:copyright|caption|credit)\b",
    r"(?:photograph|photo|picture|image|video|credit|source|caption)s?\s*(?:credit)?\s*:",
    r"above\s*:",
    r"(?:©|copyright\s+(?:©\s*)?\d{4})",
    r"dont miss out on the latest news",
    r"share your (?:thoughts|views|comments)",
    r"tell us what you think",
    r"(?:leave|post|add) a (?:comment|reply)",
    r"\d*\s*comments?\s*$",
    r"(?:cancel reply|loading\.\.\.)",
    r"video size",
    r"share this (?:video|article|story)\b",
    r"filed under\s*:",
    r"(?:\(\s*)?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b",
    r"this (?:copy|article|story) (?:is for your personal|has been sent)",
    r"an error has occurred",
    r"(?:order reprints|print article|reprints?)\s*$",
    r"(?:if you (?:enjoyed|liked|value) (?:this|our) (?:article|story|journalism|reporting))",
    r"we (?:use|are using) cookies\b",
    r"you (?:can )?(?:also )?(?:follow|find) (?:us|[\w .'’-]{1,40}) on (?:facebook|twitter|instagram)",
)) + r")", re.I)

# Phrases that mark a short paragraph as chrome wherever they stand in it.
_ANYWHERE = re.compile("|".join((
    r"\bA\+\s*A-\s*$",
    r"we respect your thoughts and views",
    r"all the comments will be moderated",
    r"reserves? the right to (?:take|remove|delete) (?:any|all)? ?(?:or all )?comments",
    r"should you violate our submissions guidelines",
    r"\b(?:subscribe|sign up) (?:to|for) (?:our|the|[\w.’'-]+(?:’s|'s)?) .{0,40}\bnewsletters?\b",
    r"\bsign up for (?:our|the) .{0,30}(?:newsletter|emails?|alerts)\b",
    r"\bthank you for subscribing\b",
    r"\bwe have more newsletters\b",
    r"\bdelivered (?:straight |directly )?to your inbox\b",
    r"\bright in your inbox\b",
    r"\buses cookies\b.{0,80}\b(?:personali[sz]ation|experience|advertising|analytics)",
    r"\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences)\b",
    r"\ball rights reserved\.?\s*$",
    r"\bcontributed to this report\.?\s*$",
    r"\bmay (?:get|earn|receive) (?:a share of|a commission|an affiliate)",
    r"\bfollow [\w .’'-]{1,40} (?:on twitter|on facebook|on instagram)\b.{0,40}@\w+",
    r"\b(?:for|to see) (?:our )?full coverage\b.{0,60}https?://",
    r"\bgoogle play\s+app store\b",
    r"\b\d+:\d\d:\d\d\s*▶",
    r"\bclick here (?:for|to) (?:more|subscribe|sign up|buy|get|read|download)",
    r"\buse (?:the )?(?:promo |coupon |discount )?code\b",
    r"^follow [\w'’ ]{0,30}\bfull coverage\b",
)), re.I)

# A caption: a short paragraph closed by a photo agency credit "(AP)", "/ AFP", "| Getty Images".
_CAPTION = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty Images|EPA|Anadolu|SANA|File|Representational image|Photo[^)]*|Image[^)]*)\)"
    r"|(?:/|\|)\s*(?:AFP|AP|Reuters|Getty Images|EPA|Shutterstock|iStock\w*)(?: Photo)?"
    r"|\b(?:via Getty Images|Getty Images|Shutterstock))\.?\s*$", re.I)
# A credit glued to the first words of the body: "Photograph: Police/Handout/EPAThe suspect ..."
_GLUED_CREDIT = re.compile(r"^(?:photograph|photo|picture|image)(?:\s+credit)?\s*:\s*[^.\n]{0,120}?"
                           r"(?:EPA|AFP|AP|Reuters|Getty Images|PA|Handout|Shutterstock)(?=[A-Z][a-z])", re.I)
# a photo caption glued before the first words of the body: "SEND httpsabahdai.ly/x A man rides a bicycle past
# burning tyres in Aleppo Syria August 1 2016 (Reuters Photo) Ten civilians were killed ..."
_GLUED_CAPTION = re.compile(r"^(?:SEND\s+\S+\s+)?[^.!?]{10,300}?\((?:[\w.]+\s+)?(?:Photo|photo|PHOTO)"
                            r"(?:\s*[:/][^()]{0,30})?\)\s+(?=[A-Z])")
# a photo caption left inside a flattened page, closed by its credit and glued to the next sentence: "... said.
# A man walks by a damaged site in Qamishli. July 27 2016. (TRT World and Agencies) A bomb blast ..."
_INLINE_CAPTION = re.compile(r"(?:^|(?<=[.!?”\"] ))[^.!?]{10,400}[.!?](?:\s+[A-Z][a-z]+ \d{1,2},? \d{4}\.)?"
                             r"(?:\s+Source \w+)?\s+\((?:[\w ]{1,30} and [Aa]gencies|AFP|Reuters|AP|EPA|Getty Images|"
                             r"[\w. ]{0,25}\b[Pp]hoto)\)\s*(?=[A-Z\"“])")
_SIGNOFF = re.compile(r"\s*(?:--?|—|–)\s*\(?(?:REUTERS|Reuters|AFP|AP|Xinhua|SANA|TASS|Sputnik|IANS|PTI|ANI)\)?"
                      r"\.?\s*$")
# a source line and the related-headline list after it, at the end of a page flattened into one paragraph
# (TRT World: "Source TRTWorld and agencies Related News Iraqs vote violations | ... Follow us on Instagram.")
_SOURCE_TAIL = re.compile(r"(?<=[.!?”\"’])\s*Source:?\s+(?:TRT ?World|[A-Z][\w ]{1,30}?)(?:\s+and agencies)?\s+Related News\b.*$", re.S)
# Sputnik's topic box and related headlines at the end of a flattened page ("... 25 Topic Violence Erupts as
# Islamic State Rises (1881) Related Explosion in Syrian Mosque ... Comment via Sputnik News")
_RELATED_TAIL = re.compile(r"\s*(?:\.\.\.\s+)?(?:\d+\s+)?Topic\s+[^()]{1,80}\(\d+\)\s+Related\b.*$", re.S)
# a wire dateline left inside a flattened paragraph: "... (SOHR) said. MOSCOW (Sputnik) According to the watchdog"
_INNER_DATELINE = re.compile(rf"(?<=[.!?”\"’] )[A-Z]{{3,}}(?: [A-Z]{{3,}})? \((?:{pubdate.WIRES})\)\s*[-—–]?\s*(?=[A-Z])")
_SIGNOFF_ONLY = re.compile(r"^\W*(?:REUTERS|Reuters|AFP|AP|Xinhua|SANA|TASS|Sputnik|IANS|PTI|ANI)\W*$")
_INLINE_ADS = re.compile(r"(?<=[.!?”\"’'])\s*(?:Advertisement|ADVERTISEMENT|Read more|Read More|Story continues below"
                         r"(?: advertisement)?)\s*(?=[A-Z“\"‘])")
_READ_MORE_GLUED = re.compile(r"^(?:Read more|Read More|Advertisement)(?=[A-Z“\"‘])")
_NEWSLETTER_WIDGET = re.compile(
    r"\s*Get all the latest [\w ]{1,40}? news\s+Subscribe\s+(?:Thank you for subscribing\s+)?"
    r"(?:We have more newsletters\s+)?(?:Show me\s+)?(?:See our privacy notice\s+)?(?:Invalid Email)?", re.I)
_PUBLISHED_PREFIX = re.compile(
    r"^(?i:(?:first\s+)?(?:published|posted|updated|date of publication)(?:\s+on)?):?\s+(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}"
    r"(?:,?\s+\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\s*[|:-]?\s*(?=[A-Z“\"‘])")
# Widgets glued into running text: video players, "Like X on Facebook and stay updated ...", credits.
_INLINE_CHROME = re.compile(
    r"(?:WATCH:[^.\n]{0,80}?)?Video size\w*.{0,200}?Direct link(?:\s*\d+p\s*\|\s*[\d.]+\s*[KM]B)+"
    r"|\bLike [A-Z][\w ]{1,40} on Facebook and stay updated(?: on [\w ]{1,30}\bnews)?"
    r"|(?<=[.!?”\"’]\s)(?:Photograph|Photo|Picture):\s*[^.\n]{0,120}?"
    r"(?:EPA|AFP|AP|Reuters|Getty Images|PA|Handout|Shutterstock)(?=[A-Z][a-z])")
# A promotion tail in one long paragraph (FA-KES TRT pages): from the first marker on, when the rest is chrome.
_TAIL_MARKER = re.compile(r"(?:A picture is worth a thousand words\.\s*)?(?:Follow us on (?:Instagram|Facebook|Twitter)"
                          r"|Dont miss out on the Latest News|Don't miss out on the latest news)", re.I)
_CHROME_WORD = re.compile(r"\b(?:subscribe|follow|like|facebook|twitter|instagram|youtube|copyright|newsletters?|"
                          r"spam|privacy|watch live|android|ios|download|app)\b", re.I)
_EDITOR_NOTE = re.compile(r"\s*\[(?:WORDS INDISTINCT|PASSAGE OMITTED|BEGIN RECORDING|END RECORDING|CONTINUED|TEXT|"
                          r"PASSAGE INDISTINCT|SENTENCE INDISTINCT|LINE INDISTINCT|WORD INDISTINCT)\]", re.I)
_LINK_TEASER = re.compile(r"\s*\[(?:VIDEO|PICTURES|PHOTOS|INSIGHT|REACTION|REVEAL|LATEST|POLL|GALLERY)\]\s*\|?\s*$", re.I)
_DATEISH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|"
    r"\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|ist|bst|cet|cest)\b|\b(?:updated|published|posted|on|at|last)\b|"
    r"\d{4}-\d\d-\d\dT[\d:.+\-Z]+|[\d:/.,|\-–—]+", re.I)
_URL = re.compile(r"https?://\S+")
_WS = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_WIKI_HEADING = re.compile(r"^=+\s*([^=]+?)\s*=+$")
# what scrapers glue after a date stamp: Sputnik's "Get short URL", its topic box and share counts
_GLUED_STAMP_TAIL = re.compile(r"^\s*Get short URL(?:\s+Topic\s+[^()]{1,80}\(\d+\))?(?:\s+\d+){0,3}\s*")
# a page's tag list glued into the text: "... a monitoring group said Tags Nusra Front al-Qaeda Aleppo Syria war."
_TAGS = re.compile(r"\s+Tags(?:\s+[\w'’-]+){1,25}?(?:\.|(?=\s+(?:At least|More than|The|An?|Dozens|Several|Hundreds|\d+)\s)|$)")
_BYLINE = re.compile(r"^(?:by|By|BY)\s+[A-Z]")
_GLUED_DATELINE = re.compile(r"^([A-Z]{3,}(?:\s[A-Z]{3,})?)\s+(?=[A-Z][a-z])")
_TITLE_SUFFIX = re.compile(r"\s+(?:\||[-–—]|::|»)\s+[^|–—»]{1,40}$")

# A paragraph among the first LEDE_ZONE that comes again before paragraph 2 * LEDE_ZONE is a lede printed
# twice. Repeats further down (recipe tables, interview questions) are content and stay.
LEDE_ZONE = 3
DEDUP_MIN_WORDS = 8
SHORT = 60  # rules that drop a whole paragraph apply only below this many words


def repair(text: str) -> str:
    """Unicode repairs: NFC, U+FFFD damage from lost curly quotes and dashes, stray controls."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"(?<=\w)\ufffd_?(?=(?:s|t|re|ve|ll|d|m)\b)", "'", text)  # Syria�_s, don�t
    text = re.sub(r"\s\ufffd_?\s", " - ", text)  # Aleppo �_ monitor
    text = re.sub(r"\ufffd+_?", "", text)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single line break does too, except inside hard-wrapped text."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        wrapped = (len(lines) > 2 and sum(len(ln) for ln in lines) / len(lines) > 55
                   and all(len(ln) <= 80 for ln in lines))
        if wrapped:
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _is_date_line(par: str) -> bool:
    """'Nov 13, 2019 4:26 pm', '5:45 AM PST 11/19/2019 by Patrick Shanley': a date or time and at most a byline."""
    words = par.split()
    if not words or len(words) > 14 or not re.search(r"\d", par):
        return False
    rest = _DATEISH.sub(" ", par).strip()
    return not rest or bool(re.fullmatch(r"(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", rest))


def is_boilerplate(par: str) -> bool:
    """True when the whole paragraph is chrome: share rows, promotions, credits, publish lines, ..."""
    n = len(par.split())
    if _SHARE_ONLY.match(par) or _SIGNOFF_ONLY.match(par):
        return True
    if n >= SHORT * 1.5:
        return False
    if _OPENERS.match(par) or _ANYWHERE.search(par) or _is_date_line(par):
        return True
    if "://" in par and n < 20 and len(_URL.sub(" ", par).split()) < 6:
        return True  # "Download: http://...", "More AP NBA: https://... and https://..."
    return bool(_CAPTION.search(par)) and n < SHORT


def _cut_promo_tail(par: str) -> str:
    m = _TAIL_MARKER.search(par)
    if not m or m.start() == 0:
        return par
    tail = par[m.start():]
    if len(_CHROME_WORD.findall(tail)) / max(1, len(tail.split())) < 0.12:
        return par
    return par[:m.start()].rstrip()


def clean_paragraph(par: str) -> str:
    """Inline repairs inside one paragraph; '' when nothing is left."""
    par = _SHARE_PREFIX.sub("", par)
    par = _GLUED_CREDIT.sub("", par)
    par = _GLUED_CAPTION.sub("", par)
    par = _INLINE_CAPTION.sub("", par)
    par = _READ_MORE_GLUED.sub("", par)
    par = _INLINE_ADS.sub(" ", par)
    par = _NEWSLETTER_WIDGET.sub("", par)
    par = _INLINE_CHROME.sub("", par)
    par = _TAGS.sub(lambda m: "" if m.string[:m.start()].endswith((".", "!", "?")) else ".", par)
    par = _cut_promo_tail(par)
    par = _EDITOR_NOTE.sub("", par)
    par = _SIGNOFF.sub("", par)
    par = _SOURCE_TAIL.sub("", par)
    par = _RELATED_TAIL.sub("", par)
    par = _INNER_DATELINE.sub("", par)
    heading = _WIKI_HEADING.match(par)
    if heading:
        par = heading.group(1)
    return _WS.sub(" ", par).strip()


def clean_title(title: str) -> str:
    """Share words, U+FFFD damage and an appended site name (' | Jordan Times') out of a headline."""
    title = clean_paragraph(repair(title))
    trimmed = _TITLE_SUFFIX.sub("", title)
    return trimmed if len(trimmed.split()) >= 3 else title


def normalized_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _repeats_title(par: str, title: str) -> bool:
    """The first line is the headline again (maybe reworded): short, not a sentence, mostly the title's words."""
    words, heads = normalized_words(par).split(), normalized_words(title).split()
    if not words or not heads or len(words) > 30:
        return False
    if words == heads or " ".join(heads).startswith(" ".join(words)) and len(words) >= 3:
        return True
    if re.search(r"[.!:;,]['’\"”]?\s*$", par):
        return False  # a lede sentence that repeats the headline's words is body text
    common = sum((Counter(words) & Counter(heads)).values())
    return common / len(heads) >= 0.7 or common / len(words) >= 0.7


def _has_glued_body(par: str) -> bool:
    """A chrome widget glued to body text: after the inline repairs, what is left is no longer chrome."""
    rest = clean_paragraph(par)
    return bool(rest) and rest != _WS.sub(" ", par).strip() and not is_boilerplate(rest)


def split_head(paragraphs: list[str], title: str = "") -> list[str]:
    """The first paragraph of flattened scraped text cut into what was glued together: a date stamp, the
    headline and the lead ("7 July 2015 A suicide bomber ...", "Syria regime raids on Aleppo kill 16 civilians
    Monitor AFP Sunday 5 Jun 2016 Dozens of ..."). The stamp becomes its own paragraph, which the
    publication date is read from and which is then dropped; the headline stays as its own paragraph."""
    if not paragraphs:
        return paragraphs
    head, pieces = paragraphs[0], []
    for _ in range(3):
        stamp = pubdate.STAMP.match(head)
        if stamp and pubdate.parse_value(stamp.group("value")):
            rest = _GLUED_STAMP_TAIL.sub("", head[stamp.end():]).lstrip(" |:-–—")
            byline = _BYLINE.match(rest)
            if byline and (at := _title_start(rest, title)) > 0:
                pieces += [stamp.group(0).strip(), rest[:at].strip()]  # "April 5 2017 by A B and C D <title>"
                head = rest[at:]
                continue
            if rest[:1].isupper() or rest[:1] in "\"“‘":
                pieces.append(stamp.group(0).strip())
                head = _GLUED_DATELINE.sub(r"\1 - ", rest, count=1)  # "Jul 01 2016 BEIRUT At least 70 ..."
                continue
        cut = _title_end(head, title)
        if cut:
            pieces.append(head[:cut].strip())
            head = head[cut:].lstrip(" |:-–—")
            title = ""
            continue
        break
    return pieces + [head] + paragraphs[1:] if pieces and head else paragraphs


def _title_start(par: str, title: str) -> int:
    """Where a copy of the headline starts within the first fifteen words of ``par`` (0: not there)."""
    heads = normalized_words(title).split()
    words = list(re.finditer(r"\w+", par))
    for k in range(1, min(15, len(words) - len(heads))):
        if len(heads) >= 3 and [w.group(0).lower() for w in words[k:k + len(heads)]] == heads:
            start = words[k].start()
            return start - 1 if par[start - 1:start] in "\"“‘'" else start
    return 0


def _title_end(par: str, title: str) -> int:
    """Where a copy of the headline that opens ``par`` ends, when a lead of five or more words follows it."""
    heads = normalized_words(title).split()
    if len(heads) < 3:
        return 0
    words = list(re.finditer(r"\w+", par))
    if len(words) < len(heads) + 5 or [w.group(0).lower() for w in words[:len(heads)]] != heads:
        return 0
    end = words[len(heads) - 1].end()
    end += len(par[end:]) - len(par[end:].lstrip("'’\"”.!?"))  # closing quote or stop of the headline
    return end if par[end:].lstrip(" |:-–—")[:1].isupper() else 0


def clean_paragraphs(paragraphs: list[str], *, title: str = "") -> list[str]:
    """The body paragraphs that survive cleaning, repaired. ``title`` set: a leading copy of it is dropped."""
    kept: list[str] = []
    seen: set[str] = set()
    in_link_list = False
    for par in paragraphs:
        if in_link_list and (par.startswith(("- ", "• ", "* ")) or _LINK_TEASER.search(par)):
            continue  # the list of headlines under "Related:" / "DON'T MISS"
        in_link_list = False
        par = _PUBLISHED_PREFIX.sub("", par)  # "Published February 18 2015 The Syrian army ..."
        if is_boilerplate(par) or _LINK_TEASER.search(par):
            in_link_list = bool(re.match(r"^[-–—•*\s]*(?:read more|related|recommended|see (?:more|also)|also read|"
                                         r"more from|most read|popular on|trending|don'?t miss)", par, re.I))
            if not _has_glued_body(par):
                continue
        par = clean_paragraph(par)  # inline junk out first, so that a glued body sentence is judged alone
        if not par or is_boilerplate(par):
            continue
        key = normalized_words(par)
        if title and not kept and _repeats_title(par, title):
            continue  # the headline repeated as the first line: it is kept in Article.title
        if len(kept) < LEDE_ZONE * 2 and len(key.split()) >= DEDUP_MIN_WORDS and key in seen:
            continue  # a lede printed twice (summary, then body) is one paragraph
        if len(kept) < LEDE_ZONE:
            seen.add(key)
        kept.append(par)
    return kept


def article_id(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def detect_language(text: str) -> str:
    import py3langid

    lang, _ = py3langid.classify(text[:5000])
    return str(lang)


MIN_WORDS = 5  # fewer words than this is a menu or a stub, not a report


def clean(article: Article, *, check_language: bool = True) -> Article:
    """The clean stage: sets text, paragraphs, title, language, id; publication date and outlet from the text.

    ``check_language=False`` keeps articles in any language (the html-extraction scorer uses it).
    """
    paragraphs = split_head(split_paragraphs(repair(article.body)), clean_title(article.title) if article.title else "")
    # pubdate reads the publish lines before they are dropped; a prefix glued to the lead is read alone
    found = pubdate.from_paragraphs([m.group(0).strip(" |:-") if (m := _PUBLISHED_PREFIX.match(p))
                                     and not is_boilerplate(p) else p for p in paragraphs[:12]])
    # A headline from page metadata is stored apart; in plain text the first line is the title and stays.
    title_from_meta = article.kind in ("html", "warc") and bool(article.title)
    kept = clean_paragraphs(paragraphs, title=clean_title(article.title) if title_from_meta else "")
    if not kept:
        raise StageError("clean", "no body text left after cleaning")
    words = sum(len(p.split()) for p in kept)
    if words < MIN_WORDS:
        raise StageError("clean", f"too little text for an article ({words} words)")
    article.text = "\n\n".join(kept)
    pos, spans = 0, []
    for par in kept:
        spans.append(Span(pos, pos + len(par)))
        pos += len(par) + 2
    article.paragraphs = spans
    article.title = clean_title(article.title) if article.title else kept[0]
    article.id = article_id(article.text)
    if not article.published or article.published_basis == "option":
        # the input's own date (metadata, then its text) wins; --published is for inputs that carry none
        meta_date = article.meta.get("published", "")
        if meta_date and (parsed := pubdate.parse_value(meta_date)):
            article.published, article.published_basis = parsed, "metadata"
        elif found.date:
            article.published, article.published_basis = found.date, "text"
    if found.timezone and not article.timezone:
        article.timezone = found.timezone
    if not article.outlet and found.outlet:
        article.outlet = found.outlet
    if not article.published:
        article.notes.append("no publication date in metadata or text and none given with --published: "
                             "events are left undated")
    article.language = detect_language(article.text)
    allowed = {x.strip() for x in settings.get("EVENTWIRE_LANGUAGES").split(",") if x.strip()}
    if check_language and article.language not in allowed and len(article.text) > 200:
        raise StageError("clean", f"language {article.language} not supported yet")
    return article

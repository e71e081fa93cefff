"""Cleaning: boilerplate out, paragraphs, title, dateline and publication date, language, id.

The cleaned text keeps every sentence of the body; what goes is share rows, promotions,
moderation disclaimers, publish/update lines, captions and credits, ads and wire sign-offs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from . import settings
from .errors import StageError
from .model import Article, Span
from .resolve import pubdate

SHARE_WORDS = r"(?:flipboard|facebook|twitter|whatsapp|email|e-mail|copy(?: link)?|linkedin|reddit|print|share|pinterest|telegram|messenger|sms|mail|x)"
# "flipboard facebook twitter whatsappIslamic State leaders": share words glued to the title
_SHARE_PREFIX = re.compile(rf"^(?:(?:share(?: this(?: article)?)?:?\s*)?(?:{SHARE_WORDS}\s*){{2,}})(?=[A-Z\"“'‘(])", re.I)
_SHARE_ONLY = re.compile(rf"^(?:share(?: this(?: article| story| video)?)?:?|{SHARE_WORDS}|follow|like|loading\.*|\s|[|•·,])+$", re.I)

# Whole paragraphs (or lines) that are never body text.
_BOILERPLATE = [re.compile(p, re.I) for p in (
    r"^(?:first\s+)?published:?\s.*(?:last updated|updated)?.*$",
    r"^(?:last\s+)?updated:?\s+\S.{0,60}$",
    r"^posted:?\s+\S.{0,60}$",
    r"\bA\+\s*A-\s*$",
    r"^advertisement$",
    r"^(?:continue reading the main story|read more|related tags:?|related:?|recommended:?)$",
    r"^stay up to date on all the latest .* news with .* app",
    r"^\(?get the news that matters from .* on whatsapp",
    r"^download (?:now|the app)",
    r"^disclaimer\s*:",
    r"we respect your thoughts and views",
    r"^the views expressed in comments published on",
    r"all the comments will be moderated",
    r"should you violate our submissions guidelines",
    r"(?:^|\s)(?:subscribe|sign up) (?:to|for) (?:our|the) .*newsletter",
    r"^get all the latest .* news",
    r"thank you for subscribing",
    r"we have more newsletters",
    r"^(?:follow|like) .* on (?:facebook|twitter|flipboard|instagram|rss|youtube)",
    r"uses cookies|accept (?:all )?cookies|cookie policy",
    r"^image (?:copyright|caption|credit)\b",
    r"^(?:photograph|photo|picture|credit)s?\s*:",
    r"^(?:©|copyright\s+(?:©\s*)?\d{4}).*$",
    r"all rights reserved\.?$",
    r"^dont miss out on the latest news",
    r"^share your thoughts",
    r"^(?:click|tap) here\b",
    r"^video size",
)]

# Caption: a short paragraph closed by a photo agency credit "(AP)", "(Reuters)", "/ AFP".
_CAPTION = re.compile(r"(?:\((?:AP|AFP|Reuters|Getty Images|EPA|Anadolu|SANA|File|Representational image|Photo[^)]*)\)|"
                      r"(?:/|\|)\s*(?:AFP|AP|Reuters|Getty Images|EPA)(?: Photo)?)\s*$", re.I)
_SIGNOFF = re.compile(r"\s*(?:--?|—|–)\s*(?:REUTERS|Reuters|AFP|AP|Xinhua|SANA|TASS|Sputnik|IANS|PTI|ANI)\.?\s*$")
_INLINE_ADS = re.compile(r"(?<=[.!?”\"])(?:Advertisement|Read more|Story continues below)(?=[A-Z“\"])")
_GLUED = re.compile(r"(?<=[a-z0-9%][.!?])(?=[A-Z][a-z])")
_WS = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_WIKI_HEADING = re.compile(r"^=+\s*([^=]+?)\s*=+$")


def repair(text: str) -> str:
    """Unicode repairs: NFC, U+FFFD damage from lost curly quotes and dashes, stray controls."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\ufffd_s\b", "'s", text)
    text = re.sub(r"\s\ufffd_\s", " - ", text)
    text = re.sub(r"\ufffd+_?", "", text)
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single line break does too, except inside hard-wrapped text."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        wrapped = len(lines) > 2 and sum(len(ln) for ln in lines) / len(lines) > 55 and all(len(ln) <= 80 for ln in lines)
        if wrapped:
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def is_boilerplate(par: str) -> bool:
    if _SHARE_ONLY.match(par):
        return True
    if any(p.search(par) for p in _BOILERPLATE):
        return len(par.split()) < 90
    return bool(_CAPTION.search(par)) and len(par.split()) < 80


def clean_paragraph(par: str) -> str:
    par = _SHARE_PREFIX.sub("", par)
    par = _INLINE_ADS.sub(" ", par)
    par = _SIGNOFF.sub("", par)
    heading = _WIKI_HEADING.match(par)
    if heading:
        par = heading.group(1)
    return _WS.sub(" ", par).strip()


def article_id(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def detect_language(text: str) -> str:
    import py3langid

    lang, _ = py3langid.classify(text[:5000])
    return str(lang)


def clean(article: Article) -> Article:
    """The clean stage: sets text, paragraphs, title, language, id; publication date and outlet from the text."""
    body = repair(article.body)
    kept: list[str] = []
    seen: set[str] = set()
    found = pubdate.from_paragraphs(split_paragraphs(body)[:12])
    for par in split_paragraphs(body):
        if is_boilerplate(par):
            continue
        par = clean_paragraph(par)
        key = " ".join(par.lower().split())
        if not par or key in seen:  # a lede printed twice is one paragraph
            continue
        seen.add(key)
        kept.append(par)
    if not kept:
        raise StageError("clean", "no body text left after cleaning")
    article.text = "\n\n".join(kept)
    pos, spans = 0, []
    for par in kept:
        spans.append(Span(pos, pos + len(par)))
        pos += len(par) + 2
    article.paragraphs = spans
    article.title = clean_paragraph(repair(article.title)) if article.title else kept[0]
    article.id = article_id(article.text)
    if not article.published:
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
        article.notes.append("no publication date in metadata or text and none given with --published: events are left undated")
    article.language = detect_language(article.text)
    allowed = {x.strip() for x in settings.get("EVENTWIRE_LANGUAGES").split(",") if x.strip()}
    if article.language not in allowed and len(article.text) > 200:
        raise StageError("clean", f"language {article.language} not supported yet")
    return article

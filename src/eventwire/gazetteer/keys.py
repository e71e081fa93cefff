"""Alias keys: the four matching tiers, applied the same way to gazetteer names and to queries.

Tier 0 ``exact``: casefolded, whitespace collapsed.
Tier 1 ``normalised``: diacritics, apostrophes/ayn marks and punctuation out, dotted abbreviations
collapsed ("U.S." -> "us"), "St."/"Mt."/"Ft." spelled out.
Tier 2 ``variant``: Arabic articles dropped (al-/ar-/as-/ad-/el-, inner ez/es/ed, assimilated
"Ezzor"), transliteration families unified (Deir/Dayr/Dair, Tal/Tall/Tell, Ain/Ayn, q/k, ou/u,
-ah/-a, -iyah/-iya), doubled letters collapsed, spaces removed. Prefixed with ``=``.
Tier 3 ``skeleton``: the variant key without vowels, y and w. Prefixed with ``~``; always re-ranked
by string similarity.
"""
from __future__ import annotations

import re
import unicodedata

TIERS: tuple[str, ...] = ("exact", "normalised", "variant", "skeleton")

_MARKS = str.maketrans({c: "" for c in "'’‘`´ʿʾʻʼ\u02bc\u02b9\u02be\u02bf"})
_PUNCT = re.compile(r"[\s\-‐‑‒–—_/.,;:()\[\]\"“”!?&+*#]+")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_SPELL = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
_ARTICLES = frozenset("al el ar as ad an at az ash adh ath ez es ed er et en ul il".split())
_TOKEN_FAMILY = {
    "dayr": "deir", "dair": "deir", "der": "deir", "dier": "deir", "deyr": "deir",
    "tall": "tal", "tell": "tal", "tel": "tal",
    "ayn": "ain", "ein": "ain", "ayin": "ain", "ien": "ain",
    "abou": "abu", "albu": "abu", "abo": "abu",
    "jebel": "jabal", "jabel": "jabal", "jbel": "jabal",
    "sheikh": "shaykh", "sheik": "shaykh", "shaikh": "shaykh", "chaykh": "shaykh", "sheykh": "shaykh",
    "sheich": "shaykh", "cheikh": "shaykh",
    "kafr": "kfar", "kefr": "kfar",
}
_ASSIMILATED = re.compile(r"^[ae]l?([tdrzsnl])\1(\w{2,})$")
_SUFFIXES = ((re.compile(r"(?:iyyah|iyyeh|iyah|iyeh|iyya|ieh)$"), "iya"), (re.compile(r"(?:ah|eh)$"), "a"))
_DOUBLE = re.compile(r"(\w)\1+")
_VOWELS = re.compile(r"[aeiouyw]")

ADMIN_SUFFIXES = frozenset(
    "governorate province district subdistrict sub-district region county oblast parish prefecture "
    "municipality department state emirate canton krai raion rayon wilaya wilayah muhafazah".split())


def fold(text: str) -> str:
    """NFKD without combining marks, casefolded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_latin(text: str) -> bool:
    """True when the name is written in Latin script (other scripts never occur in English news)."""
    for c in fold(text):
        if c.isalpha() and not ("a" <= c <= "z" or c in "ßæøłđðþıœ"):
            return False
    return any(c.isalpha() for c in text)


def exact_key(text: str) -> str:
    return " ".join(text.casefold().split())


def norm_key(text: str) -> str:
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = fold(text.translate(_MARKS))
    text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l").replace("ı", "i")
    tokens = [_SPELL.get(t, t) for t in _PUNCT.sub(" ", text).split()]
    return " ".join(tokens)


def _variant_token(token: str) -> str:
    token = _TOKEN_FAMILY.get(token, token)
    token = token.replace("ou", "u").replace("q", "k").replace("ck", "k").replace("ph", "f")
    for pattern, repl in _SUFFIXES:
        token = pattern.sub(repl, token)
    return _DOUBLE.sub(r"\1", token)


def variant_key(norm: str) -> str:
    """The tier-2 key of an already normalised name ('' when nothing is left)."""
    tokens = norm.split()
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token in _ARTICLES and i + 1 < len(tokens):
            continue
        if token.startswith(("al", "el")) and len(token) > 4 and i == 0 and token[2] in "-":
            token = token[3:]
        if i > 0:
            m = _ASSIMILATED.match(token)
            if m:
                token = m.group(1) + m.group(2)
        out.append(_variant_token(token))
    return "=" + "".join(out) if out else ""


def skeleton_key(variant: str) -> str:
    """The tier-3 key of a variant key ('' when fewer than two consonants remain)."""
    body = _DOUBLE.sub(r"\1", _VOWELS.sub("", variant.lstrip("=")))
    return "~" + body if len(body) >= 2 else ""


def all_keys(name: str) -> list[tuple[str, int]]:
    """(key, tier) for every tier of one name, lowest tier first, without duplicates."""
    out: list[tuple[str, int]] = []
    exact = exact_key(name)
    norm = norm_key(name)
    if exact:
        out.append((exact, 0))
    if norm and norm != exact:
        out.append((norm, 1))
    variant = variant_key(norm)
    if variant:
        out.append((variant, 2))
        skeleton = skeleton_key(variant)
        if skeleton:
            out.append((skeleton, 3))
    return out


def strip_admin_suffix(name: str) -> str:
    """'Raqqa Governorate' -> 'Raqqa', 'Nineveh province' -> 'Nineveh'; '' when there is none."""
    words = name.split()
    if len(words) >= 2 and words[-1].casefold().strip(".") in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    if len(words) >= 3 and words[0].casefold() in ADMIN_SUFFIXES and words[1].casefold() == "of":
        return " ".join(words[2:])
    return ""

"""Case restoration for all-lower or all-caps text (MUC-4 wires, scraped Times of India pages).

The place detector and the NER need capitals to tell "Bogota" from a word. For a text that has
(almost) none, :func:`restore` capitalises sentence starts, the pronoun "I", case-sensitive actor
aliases in their dictionary form ("fmln" -> "FMLN") and gazetteer names that are not English words
(major places of any length; smaller places only as multi-word names, "santa tecla"). Offsets are kept:
the output has the same length as the input, character for character, so evidence spans stay valid.
"""
from __future__ import annotations

import re
from functools import lru_cache

_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|(?:^|(?<=[\s(]))[\"“]\s*)([a-z])")  # after an opening quote only
_WORD = re.compile(r"[a-z][a-z'’-]*")


def needs_restoring(text: str) -> bool:
    """True for texts with (almost) no lower-case or no upper-case letters."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper < 0.01 or upper > 0.9


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Closed-class and very common English words that are also place names somewhere."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from ..gazetteer.detect import COMMON, FUNCTION_WORDS

    extra = """people police army man men women group groups force forces killed attack attacks bomb car home
    state government national union city town street road bridge river valley mountain mountains center centre
    office house plant station bank port market church school university hospital court prison camp border
    peace war day week month year today morning night news report press radio capital north south east west
    northern southern eastern western central santa san la el los las de del""".split()
    return frozenset({*STOP_WORDS, *COMMON, *FUNCTION_WORDS, *extra} - {"santa", "san", "la", "el", "los", "las"})


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """English lemmas (the WordNet index the spaCy model's lemmatizer ships) and its suffix rules; empty
    when the model is not installed (the rules backend), so nothing is taken for a name then."""
    try:
        import srsly

        from ..nlp import default_model

        data = srsly.msgpack_loads((default_model()[1] / "lemmatizer" / "lookups" / "lookups.bin").read_bytes())
    except Exception:  # noqa: BLE001 - no model, no lexicon
        return frozenset(), ()
    words = {w for lst in data.get("lemma_index", {}).values() for w in lst}
    for table in data.get("lemma_exc", {}).values():
        words.update(table)
    rules = {tuple(r) for lst in data.get("lemma_rules", {}).values() for r in lst}
    return frozenset(words), tuple(sorted(rules))


def is_english(word: str) -> bool:
    """A word of the English lexicon (any inflection); True for every word when no lexicon is installed."""
    words, rules = _lexicon()
    w = word.lower().strip("'’-")
    if not words or w in words or w in _english():
        return True
    return any(w.endswith(old) and (w[:len(w) - len(old)] + new) in words for old, new in rules if old)


_NAME_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]{2,}(?![\w'’-])")
_VOWEL = re.compile(r"[aeiouy]")


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    from ..resolve import actors

    out: dict[str, str] = {}
    for alias, _id, case_sensitive in actors.load().aliases():
        if case_sensitive and len(alias) >= 3 and alias.lower() not in _english() and not alias.islower():
            out.setdefault(alias.lower(), alias)
    return out


def restore(text: str) -> str:
    """The text with plausible capitals; unchanged when it already has mixed case."""
    if not needs_restoring(text):
        return text
    from ..gazetteer.detect import automaton

    chars = list(text.lower())

    def cap(start: int, end: int) -> None:
        for m in _WORD.finditer(text.lower(), start, end):
            w = m.group()
            if w in ("of", "de", "del", "la", "el", "al", "and", "the") and m.start() != start:
                continue
            chars[m.start()] = chars[m.start()].upper()

    low = "".join(chars)
    english = _english()
    spans: list[tuple[int, int]] = []
    for end_idx, (length, _flags, rank) in automaton().iter(low):
        start, end = end_idx - length + 1, end_idx + 1
        if (start > 0 and low[start - 1].isalnum()) or (end < len(low) and low[end].isalnum()):
            continue
        words = low[start:end].split()
        if all(w in english for w in words):
            continue
        if len(words) == 1 and (rank < 2 or len(words[0]) < 4):
            continue
        spans.append((start, end))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    last = -1
    for start, end in spans:
        if start >= last:
            cap(start, end)
            last = end
    # words no English lexicon knows are names in such texts: "hector oqueli colindres", "fmln"
    if _lexicon()[0]:
        for m in _NAME_WORD.finditer(low):
            w = m.group()
            if not is_english(w):
                if not _VOWEL.search(w) and len(w) <= 5:
                    chars[m.start():m.end()] = list(w.upper())  # an acronym: "FMLN", "MNR"
                else:
                    chars[m.start()] = w[0].upper()
    aliases = _aliases()
    for m in re.finditer(r"[a-z][a-z0-9.&'-]{2,}", low):
        form = aliases.get(m.group())
        if form and len(form) == m.end() - m.start():
            chars[m.start():m.end()] = list(form)
    for m in _SENT_START.finditer(low):
        chars[m.start(1)] = chars[m.start(1)].upper()
    for m in re.finditer(r"\bi\b", low):
        chars[m.start()] = "I"
    out = "".join(chars)
    return out if len(out) == len(text) else text

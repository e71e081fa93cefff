"""The CAMEO coder's word lists (``eventwire/data/cameo/``): trigger patterns, CAMEO roots, agent nouns,
extra named actors and leaders; and a small verb lemmatiser for the rules backend (no parse, no lemmas).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "cameo"


# weapons and explosions: an attack they cause has an unidentified attacker ("a roadside bombing killed ...")
WEAPONS = frozenset({"bomb", "bombing", "explosion", "blast", "device", "ied", "mine", "minefield", "landmine",
                     "rocket", "mortar", "shell", "shelling", "grenade", "missile", "airstrike", "explosive",
                     "bomber", "gunfire", "sniper"})
# a past atrocity named by its year: the sentence is history (PETRARCH discards it)
HISTORY = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:-\d{2,4})?\s+(?:[A-Z][\w-]*\s+)?"
                     r"(?i:genocide|holocaust|massacres?|pogroms?|ethnic cleansing)\b")


@dataclass(frozen=True)
class Root:
    code: str
    name: str
    goldstein: float
    quad: int
    plover: str


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]  # trigger lemma and any particle/second noun ("break", "off")
    objects: tuple[str, ...]  # one must be in the verb's phrase; () = none needed
    code: str
    plover: str
    mode: str
    one_sided: bool
    symmetric: bool
    frame: bool
    intent: bool
    noun: bool
    reverse: bool = False  # the giver is in a "from" phrase, the subject receives ("received weapons from X")
    command: bool = False  # an ordered act of force or sanctions is that act ("ordered ... to suspend publication")
    adjectival: bool = False  # "X is opposed to Y": the passive subject is the source

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Trigger:
    """A matched trigger in a sentence: its first and last token and the pattern it matched."""
    i: int  # token index
    j: int  # last token of the trigger
    pat: Pattern
    code: str


@dataclass(frozen=True)
class Named:
    alias: str
    cameo: str
    country: str
    sector: str
    kind: str  # org | capital | leader


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def roots() -> dict[str, Root]:
    return {r[0]: Root(r[0], r[1], float(r[2]), int(r[3]), (r + [""])[4]) for r in _rows("roots.tsv")}


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[Pattern]]:
    """Patterns keyed by the first word of the trigger."""
    out: dict[str, list[Pattern]] = {}
    for r in _rows("verbs.tsv"):
        trig, objs, code, plover, mode, flags = (r + [""] * 6)[:6]
        words = tuple(trig.lower().split())
        pat = Pattern(words, tuple(o for o in objs.split("|") if o and o != "-"), code,
                      plover or roots()[code[:2]].plover, mode, "1" in flags, "S" in flags, "F" in flags,
                      "I" in flags, "N" in flags, "R" in flags, "C" in flags, "A" in flags)
        out.setdefault(words[0], []).append(pat)
    return out


@lru_cache(maxsize=1)
def agents() -> list[tuple[str, str, str]]:
    """(noun, CAMEO role, PLOVER sector), longest noun first."""
    rows = [(r[0].lower(), r[1], r[2]) for r in _rows("agents.tsv")]
    return sorted(rows, key=lambda x: -len(x[0]))


@lru_cache(maxsize=1)
def named() -> list[Named]:
    """Capitals read as their country's government (``capitals.tsv``). Leaders, IGOs, NGOs and legislatures
    are in the project actor dictionary (``data/actors/leaders.yaml``, ``organisations.yaml``)."""
    out = []
    for r in _rows("capitals.tsv"):
        for alias in r[0].split("|"):
            out.append(Named(alias, r[1], r[1][:3], "GOV", "capital"))
    return out


@lru_cache(maxsize=1)
def named_regex() -> re.Pattern[str]:
    aliases = sorted({n.alias for n in named()}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")


@lru_cache(maxsize=1)
def named_index() -> dict[str, Named]:
    return {n.alias: n for n in named()}


# ------------------------------------------------------------------ lemmas for the rules backend
_IRREGULAR = {
    "met": "meet", "held": "hold", "gave": "give", "given": "give", "sent": "send", "fought": "fight",
    "shot": "shoot", "struck": "strike", "stricken": "strike", "hit": "hit", "left": "leave", "took": "take",
    "taken": "take", "beat": "beat", "beaten": "beat", "broke": "break", "broken": "break", "cut": "cut",
    "threw": "throw", "thrown": "throw", "swore": "swear", "sworn": "swear", "withdrew": "withdraw",
    "withdrawn": "withdraw", "flew": "fly", "flown": "fly", "put": "put", "shut": "shut", "set": "set",
    "said": "say", "told": "tell", "began": "begin", "begun": "begin", "led": "lead", "sought": "seek",
    "freed": "free", "forgave": "forgive", "forgiven": "forgive", "blew": "blow", "blown": "blow",
    "spoke": "speak", "spoken": "speak", "brought": "bring", "kept": "keep", "made": "make", "won": "win",
    "drove": "drive", "driven": "drive", "rode": "ride", "stood": "stand", "laid": "lay", "paid": "pay",
    "agreed": "agree", "is": "be", "was": "be", "were": "be", "are": "be", "been": "be", "has": "have",
    "had": "have", "did": "do", "does": "do", "went": "go", "gone": "go", "came": "come", "found": "find",
    "ran": "run", "saw": "see", "seen": "see", "bombed": "bomb", "shelled": "shell", "killed": "kill",
    "dies": "die", "died": "die", "lies": "lie", "ties": "tie", "supplies": "supply",
}


def lemma_candidates(word: str) -> list[str]:
    """Possible base forms of an English word, most likely first (verbs and plural nouns)."""
    w = word.lower()
    out = [w]
    if w in _IRREGULAR:
        out.insert(0, _IRREGULAR[w])
    for suf, reps in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")),
                      ("s", ("",))):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: -len(suf)]
            for rep in reps:
                out.append(stem + rep)
            if suf in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                out.append(stem[:-1])
            break
    return list(dict.fromkeys(out))

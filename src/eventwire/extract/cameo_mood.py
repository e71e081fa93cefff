"""Mood of a CAMEO trigger's clause: negation, future and intent, wishes, reported speech and history.

How a stated act becomes an intent ("will impose sanctions" -> 13x), a rejection ("would not meet the demands"
-> 12x) or no event ("might attack", "hopes to meet"), and which future acts stand as the act itself.
"""
from __future__ import annotations

import re

from . import cameo_lexicon as lex
from .cameo_actors import Sent

VIOLENCE = {"18", "19", "20"}
REPORT = {"say", "tell", "report", "announce", "declare", "state", "add", "claim", "confirm", "conclude", "insist",
           "stress", "note", "believe", "think", "quote", "write", "argue", "reiterate", "warn"}
MUST = {"must", "should"}
_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_MAYBE = {"may", "might", "could"}
_INTENT_HEADS = {"plan", "intend", "ready", "prepared", "willing", "decide", "vote", "want", "seek", "expect", "aim",
                 "go", "prepare", "determined", "likely", "set", "agree", "offer", "promise", "pledge", "vow",
                 "threaten", "refuse", "decline", "swear", "commit"}
_WISH = {"hope", "wish", "dream", "fear"}
_NEG = {"not", "never", "n't", "no"}
# how a complement's root refines a frame's code (CAMEO second-level codes)
REFINE = {
    "13": {"16": "131", "17": "132", "14": "133", "15": "138", "18": "138", "19": "138", "20": "138", "04": "130"},
    "12": {"04": "125", "06": "121", "07": "122", "08": "124", "03": "127", "05": "127"},
    "10": {"06": "101", "05": "102", "07": "103", "08": "105", "04": "106", "03": "102"},
    "02": {"06": "021", "05": "022", "07": "023", "08": "025", "04": "026", "03": "022"},
    "03": {"06": "031", "05": "032", "07": "033", "08": "035", "04": "036", "03": "030"},
}


def intent(code: str) -> str | None:
    """An act stated as future/intended: cooperative -> 03x, conflictual -> 13x, verbal kept; None = drop."""
    root = code[:2]
    if root in ("04", "05", "06", "07", "08"):
        return REFINE["03"][root]
    if root in ("14", "15", "16", "17", "18", "19", "20"):
        return REFINE["13"][root]
    return code


def aux_words(s: Sent, v: int) -> set[str]:
    if s.parsed:
        words = {s.toks[c].text.lower() for c in s.children(v, "aux", "auxpass", "neg", "advmod")}
        return words
    before = [t.text.lower() for t in s.toks[max(0, v - 4):v]]
    return set(before)


def modality(s: Sent, v: int) -> tuple[bool, str]:
    """(negated, mood) of the clause of verb ``v``: mood is '', 'future', 'maybe' or 'wish'."""
    words = aux_words(s, v)
    negated = bool(words & _NEG) or "no longer" in s.text[max(0, s.toks[v].start - 12):s.toks[v].start]
    mood = ""
    if words & _FUTURE:
        mood = "future"
    if words & _MAYBE:
        mood = "maybe"
    if s.parsed:
        j = v
        for _ in range(3):
            t = s.toks[j]
            if t.dep in ("xcomp", "ccomp") and t.head >= 0:
                h = s.toks[t.head]
                if h.lemma in _WISH:
                    return negated, "wish"
                if h.lemma in _INTENT_HEADS and h.lemma not in ("threaten", "refuse", "decline", "agree", "offer",
                                                               "promise", "pledge", "vow", "swear", "commit"):
                    mood = mood or "future"
                hw = aux_words(s, t.head)
                if hw & _MAYBE and t.dep == "xcomp":
                    mood = "maybe"
                elif hw & _FUTURE and t.dep == "xcomp":
                    mood = mood or "future"
                if t.dep == "ccomp":
                    break
                j = t.head
            else:
                break
    else:
        before = " " + " ".join(x.text.lower() for x in s.toks[max(0, v - 5):v]) + " "
        if any(f" {w} to " in before or before.endswith(f" {w} ") for w in ("plan", "plans", "planned", "intends",
                                                                           "ready", "prepared", "willing", "decided",
                                                                           "decides", "voted")):
            mood = mood or "future"
        if any(f" {w} " in before for w in _WISH | {"hoped", "hopes"}):
            mood = "wish"
    return negated, mood


def historical(s: Sent) -> bool:
    """A sentence about a past atrocity named by its year ("the 1994 genocide") is history, not news: PETRARCH's
    discard convention. Without a publication date any such year counts as past."""
    m = lex.HISTORY.search(s.text)
    return bool(m) and (s.year is None or int(m.group(1)) <= s.year - 2)


def mood_code(s: Sent, t: lex.Trigger, v: int, code: str) -> str | None:
    """The code once negation and mood are applied; None = no event."""
    negated, mood = modality(s, v)
    if mood == "wish":
        return None
    if mood == "maybe":  # "may ... if/unless": a conflictual act is a threat; otherwise no event
        if not re.search(r"\b(?:if|unless)\b", s.text, re.I) or code[:2] < "13":
            return None
        return intent(code) or code
    if negated:  # "would not meet the demands": a refused cooperation is a rejection
        if mood == "future" and code[:2] in ("03", "04", "05", "06", "07", "08"):
            return REFINE["12"].get(code[:2], "120")
        return None
    if mood == "future" and not t.pat.intent and not stands_as_act(s, v, code):
        return intent(code) or code
    return code


_DECISION = {"announce", "decide", "order", "rule", "decree", "vote"}


def stands_as_act(s: Sent, v: int, code: str) -> bool:
    """A future act that is coded as the act itself, not as an intent: a meeting or visit the writer states
    as scheduled ("Obama and Putin will meet in Zurich"), a decision to do anything but fight ("the court
    decided to allow ..."), and sanctions or restrictions announced as a decision ("announced it would prohibit
    all aid"). Reported promises stay intents ("said it will send a team")."""
    gov = governor(s, v)
    if code[:2] == "04" and gov == "" and aux_words(s, v) & {"will", "shall", "'ll"}:
        return True
    if _decided(s, v) and code[:2] not in VIOLENCE:
        return True
    return code[:2] in ("16", "17") and gov in _DECISION


def _decided(s: Sent, v: int) -> bool:
    """Verb ``v`` is the complement of a decision: "decided to allow", "voted to lift"."""
    if s.parsed:
        t = s.toks[v]
        return t.dep == "xcomp" and t.head >= 0 and s.toks[t.head].lemma in ("decide", "vote")
    return bool(re.search(r"\b(?:decided|decides|voted|votes)\s+to\s+$", s.text[:s.toks[v].start]))


_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|announced|announces|declared|stated|added|claimed|quoted|"
                     r"according to|reported|insisted)\b", re.IGNORECASE)


def governor(s: Sent, v: int) -> str:
    """The lemma of the speech verb whose complement holds verb ``v``; "" when the writer states it."""
    if not s.parsed:
        m = _SPEECH.search(s.text)
        return "" if not m else "announce" if m.group(0).lower().startswith("announc") else "say"
    j = v
    for _ in range(6):
        t = s.toks[j]
        if t.head < 0:
            return ""
        if t.dep == "ccomp":
            h = s.toks[t.head].lemma
            return h if h in REPORT | CLAIM | _DECISION else ""
        if t.dep not in ("conj", "xcomp", "advcl", "acomp", "pcomp"):
            return ""
        j = t.head
    return ""


CLAIM = {"say", "claim", "allege", "state", "tell", "insist", "charge", "announce", "declare", "assert"}

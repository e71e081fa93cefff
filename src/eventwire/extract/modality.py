"""How sure a statement is, and whether it is an event at all.

Negated, future, planned, hypothetical, conditional and habitual statements produce no event.
Reported, claimed and denied statements are events with that modality.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NEGATION = re.compile(r"\b(?:not|never|no|n't|neither|nor|without|nobody|no one|none|not a single|refrained from|failed to|denied (?:that|any)|"
                       r"has yet to|have yet to|rather than|instead of|avoid(?:ed)?|to avoid)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|going to|plans? to|planned|planning|intends? to|intention|intentions|aims? to|"
                     r"expected to|set to|threaten(?:ed|s)? to|vow(?:ed|s)? to|pledged to|prepar(?:ing|es|ed) to|"
                     r"could|might|may|if|unless|whether|should|in case|ready to|about to|want(?:s|ed)? to|seeks? to|"
                     r"calls? for|called for|urged|demand(?:ed|ing|s)?|sought|seek(?:ing|s)?|asked (?:\w+ ){0,4}to|"
                     r"orders? to|instructions? (?:\w+ ){0,5}to|directed to|likely to|"
                     r"to storm|to take|to launch|to attack|objective of|mission of|in order to)\b", re.I)
# "fight back in Aleppo to recapture the district": what they fight for, not what they took
_TO_INFINITIVE = re.compile(r"\bto\s+$", re.I)
_TERRITORY_VERB = re.compile(r"(?:re)?captur|retak|seiz|regain|liberat", re.I)
_HABITUAL = re.compile(r"\b(?:regularly|often|routinely|frequently|usually|habitually|repeatedly|every (?:day|week|night)|"
                       r"daily|for years|since \d{4}|in recent (?:years|months))\b", re.I)
# a statement about a kind of event, not an incident: "Barrel bombs are ... typically dropped from helicopters",
# "Claims of chemical attacks are not uncommon", "symptoms commonly associated with toxic gas"
_GENERIC = re.compile(r"\b(?:not uncommon|typically|commonly(?! (?:known|called|referred|named))|generally|"
                      r"tends? to)\b", re.I)
_ONGOING = re.compile(r"\b(?:increased|intensified|intensifying|escalating|ongoing|continued|continuing|growing|"
                      r"stepped-up|sustained|relentless|months-long|weeks-long|years-long)\s+(?:\w+\s+)?$", re.I)
# "a group Turkey is fighting": a standing conflict described, not a discrete incident
_STATE_OF_WAR = re.compile(r"\b(?:is|are|has been|have been)\s+(?:still\s+|also\s+)?$", re.I)
_STATE_VERBS = re.compile(r"^(?:fighting|battling|at war)$", re.I)
_REPORTED = re.compile(r"\b(?:reportedly|reported(?:ly)?|according to|allegedly|alleged|purportedly|apparently|said to|"
                       r"is understood to|are understood to|believed to)\b", re.I)
_CLAIMED = re.compile(r"\b(?:claimed|claims?|claiming)\b", re.I)
_DENIED = re.compile(r"\b(?:denied|denies|deny|rejected claims)\b", re.I)
_VERIFY = re.compile(r"(?:not (?:been )?(?:possible|able) to (?:immediately |independently )?(?:verify|confirm)|"
                     r"could not (?:be )?(?:immediately |independently )?(?:verif|confirm)\w*|"
                     r"cannot (?:be )?(?:immediately |independently )?(?:verif|confirm)\w*|"
                     r"unverified|unconfirmed|independently verif\w+|no independent confirmation)", re.I)
SPEECH_VERBS = r"said|says|told|reported|added|stated|announced|confirmed|claimed"  # verbs that report a claim
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
_BACKGROUND = re.compile(r"\b(?:last (?:week|month|year)'s|earlier this (?:month|year)|in \d{4}|previously|had (?:been )?\w+ed|"
                         r"history|years ago|months ago|since|anniversary|remembered|commemorat)\b", re.I)


@dataclass(frozen=True)
class Modality:
    is_event: bool
    modality: str  # asserted | reported | claimed | denied
    reason: str = ""  # why it is no event ("negated", "future", ...)


def clause_before(sentence: str, trigger_start: int) -> str:
    """The words before the trigger inside its clause (back to a clause break)."""
    head = sentence[:trigger_start]
    breaks = (";", ":", " but ", " while ", " although ", " after ", " as ", "—", " – ", ", and ", " who ", " which ")
    cut = max(head.rfind(x) for x in breaks)
    if cut >= 0 and head.endswith(", and ") and cut == len(head) - 6:
        # the trigger closes a list of acts ("will be capturing, torturing, and assassinating"): the clause is the list's
        cut = max(head.rfind(x) for x in breaks if x != ", and ")
    return head[cut + 1:] if cut >= 0 else head


def classify(sentence: str, trigger_start: int, trigger_end: int) -> Modality:
    before = clause_before(sentence, trigger_start)
    near = before[-60:]
    after = sentence[trigger_end:trigger_end + 25]
    if _HABITUAL.search(before[-80:] + " " + after):
        return Modality(False, "asserted", "habitual")
    if _GENERIC.search(sentence):
        return Modality(False, "asserted", "generic: a kind of event, not an incident")
    if _ONGOING.search(before):
        return Modality(False, "asserted", "ongoing campaign, no discrete incident")
    if _STATE_VERBS.match(sentence[trigger_start:trigger_end]) and _STATE_OF_WAR.search(before[-25:]) and \
            not re.match(r"\s+(?:in|near|around|for|at|on)\b", sentence[trigger_end:trigger_end + 8], re.I):
        return Modality(False, "asserted", "a standing conflict, no discrete incident")
    if _NEGATION.search(near) or re.match(r"\s*(?:not|never)\b", after, re.I):
        return Modality(False, "asserted", "negated")
    if _FUTURE.search(near) or (_TO_INFINITIVE.search(near) and _TERRITORY_VERB.match(sentence, trigger_start)):
        return Modality(False, "asserted", "future or hypothetical")
    if _DENIED.search(before):
        return Modality(True, "denied")
    if _CLAIMED.search(sentence):
        return Modality(True, "claimed")
    if _REPORTED.search(sentence):
        return Modality(True, "reported")
    return Modality(True, "asserted")


def verification_note(text: str) -> str:
    m = _VERIFY.search(text)
    return m.group(0) if m else ""


def looks_background(sentence: str, trigger_start: int) -> bool:
    """Words around the trigger that set the event in the past or in a span ("since", "in 2012", "had been
    seized"). A past perfect after a speech verb is reported speech, not an earlier time ("the Observatory said
    30 soldiers had been killed")."""
    lo = max(0, trigger_start - 60)
    for m in _BACKGROUND.finditer(sentence[lo: trigger_start + 40]):
        if m.group(0).lower().startswith("had ") and _SPEECH.search(sentence[max(0, lo + m.start() - 80):lo + m.start()]):
            continue
        return True
    return False

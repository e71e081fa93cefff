"""Movements of armed groups: relocations, withdrawals, flight, deployments, transfers.

ACLED's terms: a base or headquarters set up at a new site is "Headquarters or base established"
(coded at the destination); territory taken over without fighting is "Non-violent transfer of
territory"; any other movement of forces is "Change to group/activity" (coded at the origin, with
the destination kept).
"""
from __future__ import annotations

import re

from .roles import PlaceSlot
from .triggers import Trigger

_HQ = re.compile(r"\b(?:headquarters|hq|command cent(?:re|er)s?|(?:military |main )?bases?|stronghold)\b", re.I)
_TRANSFER = re.compile(r"\b(?:handed over|took control without|entered without (?:a fight|resistance)|without (?:a fight|fighting))\b", re.I)


def movement_type(sentence: str, trigger: Trigger, slot: PlaceSlot) -> str:
    if _TRANSFER.search(sentence):
        return "Non-violent transfer of territory"
    window = sentence[max(0, trigger.start - 120): trigger.end + 120]
    if _HQ.search(window) and slot.destination is not None and re.search(
            r"\b(?:relocat\w+|moved|moving|transferr\w+|established|set up|shifted)\b", window, re.I):
        return "Headquarters or base established"
    return "Change to group/activity"

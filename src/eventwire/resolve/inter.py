"""ACLED actor types (``inter`` codes 1-8) and the interaction code derived from a pair of them.

ACLED's current exports carry text labels ("Rebel group", "State forces-Rebel group"); older data and
acledR's ``inter_numeric=TRUE`` carry the numbers (2, 12). eventwire emits both.
"""
from __future__ import annotations

INTER_LABELS: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


def inter_label(code: int) -> str:
    """The ACLED text label of an inter code; "" for 0 (no actor) or an unknown code."""
    return INTER_LABELS.get(code, "")


def interaction(inter1: int, inter2: int = 0) -> tuple[int, str]:
    """ACLED's interaction for two inter codes: the two digits lowest first, and its text label.

    A one-sided event (no actor 2, ``inter2 == 0``) is ``10 * inter1`` with the label "<type> only",
    e.g. ``interaction(2, 0) == (20, "Rebel group only")``; ``interaction(8, 2) == (28,
    "Rebel group-External/Other forces")``. ``(0, "")`` when actor 1 is unknown.
    """
    if inter1 not in INTER_LABELS and inter2 not in INTER_LABELS:
        return 0, ""
    if inter1 not in INTER_LABELS or inter2 not in INTER_LABELS:
        one = inter1 if inter1 in INTER_LABELS else inter2
        return one * 10, f"{INTER_LABELS[one]} only"
    low, high = sorted((inter1, inter2))
    return low * 10 + high, f"{INTER_LABELS[low]}-{INTER_LABELS[high]}"

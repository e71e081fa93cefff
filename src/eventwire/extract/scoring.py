"""Report confidence: a calibrated probability that the report matches a gold event.

A logistic model over features of the report (:func:`features`): how surely the trigger words alone
signal an event, whether actor1 is a dictionary actor, whether the place is named in the sentence or
only the article's fallback, whether the date is explicit, figures present, a named claimant, the
modality, background. Its weights (:data:`WEIGHTS`) were fitted on the judged dev reports of
WikiEvents and IndiaPoliceEvents (``eventwire eval confidence``); the reliability table and the
k-fold cross-validated figures are in ``eval/confidence.md``.
"""
from __future__ import annotations

import math

from ..model import Report
from . import triggers

FEATURES = ("bias", "strength", "actor1_dict", "actor1_raw", "place_sentence", "place_fallback", "date_explicit",
            "figures", "claimant", "reported", "claimed_or_denied", "background", "weak_kill", "violent",
            "arrest")

# Logistic weights (L2 1.0), fitted on the 197 judged dev reports (eval/confidence.md); order as FEATURES.
WEIGHTS: tuple[float, ...] = (1.495, -0.56, 0.137, -0.024, -0.41, -0.693, 1.383, 1.037, -1.365, 0.733, -1.132, 0.098,
                              -0.036, -0.786, 1.014)


def features(trig: triggers.Trigger, rep: Report, *, place_explicit: bool, date_explicit: bool,
             fallback_place: bool) -> tuple[float, ...]:
    raw = bool(rep.actor1 and rep.actor1.id.startswith("raw:"))
    return (
        1.0,
        trig.strength,
        float(rep.actor1 is not None and not raw),
        float(raw),
        float(place_explicit),
        float(fallback_place),
        float(date_explicit),
        float(bool(rep.fatalities or rep.injured or rep.arrested or rep.abducted)),
        float(bool(rep.attributed_to)),
        float(rep.modality == "reported"),
        float(rep.modality in ("claimed", "denied")),
        float(rep.background),
        float(trig.kind == "kill"),
        float(trig.kind in ("air", "shelling", "suicide", "ied", "grenade", "attack", "clash", "abduct")),
        float(trig.kind == "arrest"),
    )


def probability(x: tuple[float, ...], weights: tuple[float, ...] = WEIGHTS) -> float:
    z = sum(w * v for w, v in zip(weights, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def confidence(trig: triggers.Trigger, rep: Report, *, place_explicit: bool, date_explicit: bool,
               fallback_place: bool) -> float:
    x = features(trig, rep, place_explicit=place_explicit, date_explicit=date_explicit, fallback_place=fallback_place)
    return round(probability(x), 3)

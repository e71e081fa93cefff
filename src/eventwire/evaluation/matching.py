"""Shared pieces of event matching: distance, date tolerance, one-to-one assignment."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def one_to_one(pred: Sequence[P], gold: Sequence[G], ok: Callable[[P, G], bool]) -> dict[int, int]:
    """A maximum one-to-one matching {pred index: gold index} (augmenting paths; fine for small sets)."""
    edges = {i: [j for j, g in enumerate(gold) if ok(p, g)] for i, p in enumerate(pred)}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in edges:
        augment(i, set())
    return {i: j for j, i in owner.items()}

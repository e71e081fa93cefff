"""Disjoint sets over hashable keys, the smallest key as each set's representative (so groups never depend
on the order in which links are added)."""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self, keys: Iterable[K]):
        self.parent: dict[K, K] = {k: k for k in keys}

    def find(self, x: K) -> K:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        x, y = self.find(a), self.find(b)
        if x != y:
            self.parent[max(x, y)] = min(x, y)  # type: ignore[type-var]

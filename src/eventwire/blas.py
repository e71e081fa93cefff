"""How many threads numpy's OpenBLAS may use.

Worker processes run one BLAS thread each: two workers with two BLAS threads apiece on two cores
made small-matrix work (embeddings, training) up to 50 times slower. A no-op where numpy's OpenBLAS
cannot be found.
"""
from __future__ import annotations

import ctypes
import glob
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def _openblas() -> tuple[Any, Any] | None:
    import numpy

    for path in sorted(glob.glob(str(Path(numpy.__file__).parent.parent / "numpy.libs" / "libscipy_openblas*.so"))):
        lib = ctypes.CDLL(path)
        for suffix in ("64_", ""):
            get = getattr(lib, f"scipy_openblas_get_num_threads{suffix}", None)
            put = getattr(lib, f"scipy_openblas_set_num_threads{suffix}", None)
            if get is not None and put is not None:
                return get, put
    return None


def set_threads(n: int) -> int:
    """Set the BLAS thread count; returns the previous one (0 when unknown)."""
    fns = _openblas()
    if fns is None:
        return 0
    before = int(fns[0]())
    fns[1](n)
    return before


@contextmanager
def single_thread() -> Iterator[None]:
    before = set_threads(1)
    try:
        yield
    finally:
        if before:
            set_threads(before)

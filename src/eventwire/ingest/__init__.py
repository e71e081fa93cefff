"""Reading inputs: files, directories, stdin, in any supported kind, into raw Articles.

``read_inputs`` never raises for one bad input inside a batch: the input becomes an Article with
``skipped = "ingest: <reason>"`` so that it is stored and counted. Arguments that cannot be used
at all (a missing path, an unknown kind) raise :class:`~eventwire.errors.UsageError`.
"""
from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import settings
from ..errors import InputError, UsageError
from ..model import Article
from . import feeds, html, records, text, warc
from .sniff import KINDS, sniff_kind


@dataclass(frozen=True)
class IngestOptions:
    """What the user told ``run`` about the inputs."""

    kind: str | None = None
    published: date | None = None
    outlet: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def skipped_input(locator: str, kind: str, raw: bytes, reason: str) -> Article:
    # with no bytes to hash, the locator identifies the input (two unreadable files never collide)
    digest = sha256(raw) if raw else sha256(f"unreadable:{locator}".encode())
    return Article(locator=locator, kind=kind, raw=raw, raw_sha256=digest, skipped=f"ingest: {reason}")


def expand_paths(inputs: list[str]) -> list[str]:
    """Files in the given order; directories read recursively in sorted order; '-' is stdin."""
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            out.append(str(path))
        else:
            raise UsageError(f"no such file or directory: {item} (check the path)")
    return out


def read_bytes(locator: str) -> bytes:
    limit = settings.get_int("EVENTWIRE_MAX_BYTES")
    if locator == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        size = Path(locator).stat().st_size
        if size > limit:
            raise InputError(f"file is {size} bytes, over EVENTWIRE_MAX_BYTES={limit}; split it or raise the limit")
        data = Path(locator).read_bytes()
    if len(data) > limit:
        raise InputError(f"input is over EVENTWIRE_MAX_BYTES={limit} bytes; split it or raise the limit")
    return data


def articles_from_bytes(locator: str, data: bytes, options: IngestOptions) -> Iterator[Article]:
    """Articles from one input's bytes, by its sniffed (or forced) kind."""
    kind = options.kind or sniff_kind(locator, data)
    if kind not in KINDS:
        yield skipped_input(locator, kind, data, "binary or unrecognised file; pass --kind to force one")
        return
    reader = {
        "txt": text.read,
        "html": html.read,
        "jsonl": records.read_jsonl,
        "csv": records.read_csv,
        "warc": warc.read,
        "rss": feeds.read,
    }[kind]
    try:
        for article in reader(locator, data, options.fields):
            if article.raw_sha256 == "":
                article.raw_sha256 = sha256(article.raw)
            if not article.published and options.published:  # clean prefers the input's own date
                article.published = options.published
                article.published_basis = "option"
            if not article.outlet and options.outlet:
                article.outlet = options.outlet
            yield article
    except InputError as exc:
        yield skipped_input(locator, kind, data, str(exc))


def read_inputs(inputs: list[str], options: IngestOptions) -> Iterator[Article]:
    """Every Article in the inputs, skipped ones included."""
    if options.kind and options.kind not in KINDS:
        raise UsageError(f"unknown --kind {options.kind!r}; use one of {', '.join(KINDS)}")
    for locator in expand_paths(inputs):
        try:
            data = read_bytes(locator)
        except InputError as exc:
            yield skipped_input(locator, "", b"", str(exc))
            continue
        except OSError as exc:
            yield skipped_input(locator, "", b"", f"cannot read: {exc.strerror or exc}")
            continue
        if not data.strip():
            yield skipped_input(locator, "", data, "empty input")
            continue
        yield from articles_from_bytes(locator, data, options)

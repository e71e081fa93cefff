"""WARC archives through warcio: HTML responses only."""
from __future__ import annotations

import io
from collections.abc import Iterator

from ..errors import InputError
from ..model import Article
from . import html


def read(locator: str, data: bytes, fields: dict[str, str]) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for i, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            payload = record.content_stream().read()
            loc = f"{locator}#record={i}"
            try:
                for article in html.read(loc, payload, fields, url=url):
                    article.kind = "warc"
                    date = record.rec_headers.get_header("WARC-Date") or ""
                    if date and "published" not in article.meta:
                        article.meta["crawled"] = date
                    yield article
            except InputError as exc:
                yield Article(locator=loc, kind="warc", raw=payload, raw_sha256="", url=url,
                              skipped=f"ingest: {exc}")
    except ArchiveLoadFailed as exc:
        raise InputError(f"malformed WARC: {exc}") from exc

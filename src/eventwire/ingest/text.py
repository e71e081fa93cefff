"""Plain text: the title is the first line; cleaning finds datelines and 'Published:' lines."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Article
from .decode import decode


def read(locator: str, data: bytes, fields: dict[str, str]) -> Iterator[Article]:
    body, encoding = decode(data)
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    title = lines[0] if lines else ""
    article = Article(locator=locator, kind="txt", raw=data, raw_sha256="", title=title, body=body)
    if encoding not in ("utf-8", "utf-8-sig"):
        article.notes.append(f"decoded as {encoding}")
    yield article

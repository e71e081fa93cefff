"""RSS and Atom feeds through feedparser: entry content, else the summary."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError
from ..model import Article
from .html import extract_html


def _entry_text(entry: dict) -> str:
    content = entry.get("content") or []
    value = content[0].get("value", "") if content else entry.get("summary", "")
    if "<" in value and ">" in value:
        try:
            found = extract_html(f"<html><body><article>{value}</article></body></html>")
            return found["text"]
        except InputError:
            pass
        import re

        return re.sub(r"<[^>]+>", " ", value)
    return value


def read(locator: str, data: bytes, fields: dict[str, str]) -> Iterator[Article]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"malformed feed: {feed.get('bozo_exception', 'unreadable')}")
    outlet = feed.feed.get("title", "")
    for i, entry in enumerate(feed.entries, 1):
        loc = f"{locator}#entry={i}"
        raw = json.dumps({k: entry.get(k) for k in ("id", "title", "link", "published", "summary")},
                         ensure_ascii=False, sort_keys=True, default=str).encode()
        text = _entry_text(entry)
        article = Article(locator=loc, kind="rss", raw=raw, raw_sha256="", title=entry.get("title", ""),
                          url=entry.get("link", ""), outlet=outlet, body=text)
        published = entry.get("published") or entry.get("updated") or ""
        if published:
            article.meta["published"] = published
        if not text.strip():
            article.skipped = "ingest: feed entry has no content or summary"
        yield article

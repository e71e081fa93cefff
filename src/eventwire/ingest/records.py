"""JSONL (or a JSON array) and CSV: one article per record, fields found by name or alias."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Article
from .decode import decode

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "article_content", "content", "body", "article_body", "articleBody", "story", "maintext"),
    "title": ("title", "article_title", "headline"),
    "url": ("url", "link", "source_url", "article_url"),
    "published": ("published", "date", "pubdate", "publication_date", "date_publish", "published_at", "timestamp"),
    "outlet": ("outlet", "source", "publisher", "site", "source_name", "sitename"),
}


def pick(record: dict[str, Any], name: str, fields: dict[str, str]) -> str:
    keys = (fields[name],) if name in fields else ALIASES[name]
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = record.get(key, lowered.get(key.lower()))
        if value not in (None, ""):
            return str(value)
    return ""


def to_article(locator: str, kind: str, raw: bytes, record: dict[str, Any], fields: dict[str, str]) -> Article:
    text = pick(record, "text", fields)
    article = Article(locator=locator, kind=kind, raw=raw, raw_sha256="",
                      title=pick(record, "title", fields), url=pick(record, "url", fields),
                      outlet=pick(record, "outlet", fields), body=text)
    published = pick(record, "published", fields)
    if published:
        article.meta["published"] = published
    for key in ("id", "unit_id", "doc_id", "location"):
        if key in record and record[key] not in (None, ""):
            article.meta[key] = str(record[key])
    if not text.strip():
        article.skipped = "ingest: record has no text field (map one with --field text=COLUMN)"
    return article


def read_jsonl(locator: str, data: bytes, fields: dict[str, str]) -> Iterator[Article]:
    text, _ = decode(data)
    stripped = text.lstrip()
    if stripped.startswith("{") and "\n" in stripped.strip():
        try:  # one pretty-printed JSON object, not JSON lines
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, dict):
            yield record_or_skip(locator, "jsonl", data, whole, fields)
            return
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg} at line {exc.lineno}") from exc
        for i, item in enumerate(items, 1):
            raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode()
            yield record_or_skip(f"{locator}#item={i}", "jsonl", raw, item, fields)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        loc = f"{locator}#line={lineno}"
        raw = line.encode("utf-8")
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Article(locator=loc, kind="jsonl", raw=raw, raw_sha256="",
                          skipped=f"ingest: malformed JSON on line {lineno}: {exc.msg}")
            continue
        yield record_or_skip(loc, "jsonl", raw, item, fields)


def record_or_skip(locator: str, kind: str, raw: bytes, item: Any, fields: dict[str, str]) -> Article:
    if not isinstance(item, dict):
        return Article(locator=locator, kind=kind, raw=raw, raw_sha256="",
                       skipped="ingest: record is not a JSON object")
    return to_article(locator, kind, raw, item, fields)


def read_csv(locator: str, data: bytes, fields: dict[str, str]) -> Iterator[Article]:
    text, _ = decode(data)
    sample = text[:8192]
    delimiter = "\t" if locator.lower().endswith(".tsv") or sample.count("\t") > sample.count(",") else ","
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        raise InputError("CSV has no header row")
    try:
        for i, row in enumerate(reader, 1):
            raw = json.dumps(row, ensure_ascii=False, sort_keys=True).encode()
            yield to_article(f"{locator}#row={i}", "csv", raw, row, fields)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}") from exc

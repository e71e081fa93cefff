"""Which kind of input is this? By name first, then by content."""
from __future__ import annotations

import gzip

KINDS = ("txt", "html", "jsonl", "csv", "warc", "rss")

_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
    ".rss": "rss", ".atom": "rss",
}


def looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 text has NULs too: accept it when a BOM says so
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(4, len(head) // 50)


def sniff_kind(locator: str, data: bytes) -> str:
    """One of KINDS, or 'binary'."""
    name = locator.lower()
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    head = data[:4096]
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.decompress(data)[:4096]
        except (OSError, EOFError):
            return "binary"
        if inner.startswith(b"WARC/"):
            return "warc"
        return "binary"
    if looks_binary(head):
        return "binary"
    for suffix, kind in _BY_SUFFIX.items():
        if name.endswith(suffix):
            return kind
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if stripped.startswith((b"{", b"[")):
        return "jsonl"
    if stripped.startswith(b"<"):
        if b"<rss" in stripped or b"<feed" in stripped or b"<rdf:rdf" in stripped:
            return "rss"
        return "html"
    if name.endswith(".xml"):
        return "rss"
    return "txt"

"""HTML pages through trafilatura: main text, title, date, site name, URL."""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Article
from .decode import decode


def extract_html(markup: str, url: str = "") -> dict[str, str]:
    """{'text', 'title', 'date', 'sitename', 'url'} from an HTML page ('' where unknown)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(markup, url=url or None, with_metadata=True,
                                          include_comments=False, include_tables=True,
                                          favor_precision=False, favor_recall=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__})") from exc
    if doc is None:
        raise InputError("no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {k: str(data.get(k) or "") for k in ("text", "title", "date", "sitename", "url")}


def read(locator: str, data: bytes, fields: dict[str, str], url: str = "") -> Iterator[Article]:
    markup, _ = decode(data)
    found = extract_html(markup, url)
    if not found["text"].strip():
        raise InputError("no article text found in the HTML")
    article = Article(locator=locator, kind="html", raw=data, raw_sha256="",
                      title=found["title"], url=found["url"] or url, outlet=found["sitename"],
                      body=found["text"])
    if found["date"]:
        article.meta["published"] = found["date"]
    yield article

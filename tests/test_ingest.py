"""Reading every input kind, and turning bad input into recorded skips."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import UsageError
from eventwire.ingest import IngestOptions, read_inputs
from eventwire.ingest.sniff import sniff_kind

from .conftest import ROOT, shared_or_skip


def read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], IngestOptions(**kw)))


def test_sniff_by_name_and_content():
    assert sniff_kind("a.txt", b"Hello world") == "txt"
    assert sniff_kind("noext", b"<!DOCTYPE html><html></html>") == "html"
    assert sniff_kind("noext", b'{"text": "x"}\n') == "jsonl"
    assert sniff_kind("feed", b'<?xml version="1.0"?><rss version="2.0"></rss>') == "rss"
    assert sniff_kind("a.warc", b"WARC/1.0\r\n") == "warc"
    assert sniff_kind("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01") == "binary"


def test_examples_cover_four_file_kinds_and_many_reports():
    arts = read([ROOT / "examples"])
    kinds = {a.kind for a in arts}
    assert {"txt", "html", "jsonl", "rss"} <= kinds
    assert not [a for a in arts if a.skipped]
    assert sum(a.kind == "jsonl" for a in arts) >= 2 and sum(a.kind == "rss" for a in arts) >= 2


def test_jsonl_malformed_line_is_a_recorded_skip(tmp_path: Path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "Gunmen killed two people in Kabul.", "date": "2020-01-02"}\n{broken\n[1,2]\n')
    arts = read([p])
    assert len(arts) == 3
    assert not arts[0].skipped and arts[0].meta["published"] == "2020-01-02"
    assert arts[1].skipped.startswith("ingest: malformed JSON on line 2")
    assert arts[2].skipped == "ingest: record is not a JSON object"


def test_field_mapping_and_aliases(tmp_path: Path):
    p = tmp_path / "x.csv"
    p.write_text("story_body,hed,site\n\"Rebels attacked the town.\",Attack,Daily\n")
    arts = read([p], fields={"text": "story_body", "title": "hed"})
    assert arts[0].body == "Rebels attacked the town." and arts[0].title == "Attack" and arts[0].outlet == "Daily"


def test_fakes_loads_as_it_is():
    path = shared_or_skip("data", "external", "fakes", "FA-KES-Dataset.dev.csv")
    arts = read([path])
    assert len(arts) == 381
    assert all(not a.skipped for a in arts)
    assert arts[0].title.startswith("Syria attack symptoms") and arts[0].meta["published"] == "4/5/2017"
    assert {a.outlet for a in arts} >= {"sana", "reuters"}


def test_bad_files_become_skips_with_reasons(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "bad.rss").write_bytes(b"<rss><channel><item><title>x</ti")
    arts = {Path(a.locator.split("#")[0]).name: a for a in read([tmp_path])}
    assert arts["empty.txt"].skipped == "ingest: empty input"
    assert "binary" in arts["blob.bin"].skipped
    assert arts["bad.rss"].skipped.startswith("ingest:")


def test_huge_file_is_skipped_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("EVENTWIRE_MAX_BYTES", "1000")
    (tmp_path / "big.txt").write_text("word " * 1000)
    (art,) = read([tmp_path / "big.txt"])
    assert "over EVENTWIRE_MAX_BYTES" in art.skipped and art.raw == b""


def test_missing_path_is_a_usage_error(tmp_path: Path):
    with pytest.raises(UsageError, match="no such file"):
        read([tmp_path / "nope.txt"])


def test_published_option_fills_only_missing_dates(tmp_path: Path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "Rebels attacked the town on Monday.", "date": "2019-05-01"}) + "\n"
                 + json.dumps({"text": "Troops shelled the village on Tuesday."}) + "\n")
    from eventwire.clean import clean

    a, b = (clean(x) for x in read([p], published=date(2020, 1, 1)))
    assert a.published == date(2019, 5, 1) and a.published_basis == "metadata"  # the input's own date wins
    assert b.published == date(2020, 1, 1) and b.published_basis == "option"


def test_warc_html_responses_only(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    page = b"<html><head><title>Clash</title></head><body><article><p>" + b"Fighters clashed with the army near the town. " * 10 + b"</p></article></body></html>"
    for ctype, payload in (("text/html; charset=utf-8", page), ("image/png", b"\x89PNG....")):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("https://example.org/x", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(buf.getvalue())
    arts = read([p])
    assert len(arts) == 1 and arts[0].kind == "warc" and "clashed with the army" in arts[0].body
    assert arts[0].url == "https://example.org/x"


def test_rss_entries_each_become_an_article():
    arts = read([ROOT / "examples" / "syria-feed.rss"])
    assert len(arts) == 2
    assert arts[0].outlet == "Example Levant Monitor" and "Daraa" in arts[0].body and "<p>" not in arts[0].body


def test_gzip_that_is_not_warc_is_binary(tmp_path: Path):
    p = tmp_path / "x.gz"
    p.write_bytes(gzip.compress(b"hello"))
    (art,) = read([p])
    assert "binary" in art.skipped


def test_wrong_encoding_is_repaired_and_noted(tmp_path: Path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Attaque à Gao\n\nDes hommes armés ont attaqué un poste près de Gao, selon l'armée malienne. Trois soldats ont été tués."
                  .encode("cp1252"))
    (art,) = read([p])
    assert "armés" in art.body and "à Gao" in art.title
    assert any(n.startswith("decoded as") for n in art.notes)


def test_broken_html_still_yields_text_or_a_reason(tmp_path: Path):
    good = tmp_path / "broken.html"
    good.write_text("<html><body><div><p>" + "Rebels shelled the town of Idlib on Monday, residents said. " * 8
                    + "<p>Unclosed <b>tags <i>everywhere")
    (art,) = read([good])
    assert not art.skipped and "shelled the town of Idlib" in art.body
    empty = tmp_path / "nav.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    from eventwire.pipeline import CleanStage, Pipeline

    (art2,) = read([empty])
    art2 = Pipeline([CleanStage()]).process(art2)
    assert art2.skipped.startswith(("ingest: no article text", "clean: too little text", "clean: no body text"))


def test_pretty_printed_json_object_is_one_record(tmp_path: Path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"headline": "Clash", "body": "Troops clashed with rebels near Goma."}, indent=2))
    (art,) = read([p])
    assert not art.skipped and art.title == "Clash" and "Goma" in art.body

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import (BinaryInput, EmptyInput, InputError, InputTooLarge, MalformedRecord,
                              NoMainText, UndecodableInput)
from newsgraph.ingest import read_inputs, read_path
from newsgraph.ingest.decode import decode
from newsgraph.model import Article
from newsgraph.options import Options

from conftest import SEEDS, SHARED, seed


def _one(path: Path, options: Options = Options()):
    (item,) = list(read_path(path, options))
    return item


@pytest.mark.parametrize("name", ["000", "001", "002"])
def test_ingest_text_file_keeps_text_exactly(name):
    path = seed(name)
    article = _one(path)
    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.input_id == str(path)
    assert len(article.id) == 16


@pytest.mark.parametrize("name", ["000"])
def test_ingest_id_is_a_stable_hash_of_the_text(name, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed(name).read_bytes())
    assert _one(copy).id == _one(seed(name)).id


@pytest.mark.parametrize("folder", [SEEDS])
def test_ingest_directory_reads_every_article_in_order(folder):
    items = list(read_inputs([str(folder)]))
    assert [Path(a.source).name[:3] for a in items] == ["000", "001", "002"]


@pytest.mark.parametrize("path", [SHARED / "corpus" / "bbc" / "sport" / "199.txt"])
def test_ingest_encoding_falls_back_from_utf8(path):
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert article.text == raw.decode("cp1252").replace("\r\n", "\n")


@pytest.mark.parametrize("gold", [SHARED / "gold" / "seeds.jsonl"])
def test_ingest_jsonl_keeps_ids_and_metadata(gold):
    items = list(read_path(gold))
    assert [a.id for a in items] == ["seed-000", "seed-001", "seed-002"]
    assert items[2].published.isoformat() == "2017-04-05"
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert [a.text for a in items] == [r["text"] for r in rows]


@pytest.mark.parametrize("lines", [[
    '{"id": "ok", "text": "Jo said it.", "title": "T", "url": "http://x", "published": "2020-01-02"}',
    "not json at all",
    '{"id": "no-text"}',
    '{"text": "No id here, so a hash."}',
    '{"id": "empty", "text": "   "}',
]])
def test_ingest_jsonl_bad_lines_are_errors_and_the_rest_goes_on(lines, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(path))
    assert isinstance(items[0], Article) and items[0].title == "T" and items[0].url == "http://x"
    assert isinstance(items[1], MalformedRecord) and items[1].source.endswith("batch.jsonl:2")
    assert isinstance(items[2], MalformedRecord) and "text" in items[2].reason
    assert isinstance(items[3], Article) and len(items[3].id) == 16
    assert isinstance(items[4], EmptyInput)


HTML_PAGE = """<!doctype html><html><head><title>Council leader quits | Example News</title>
<meta property="og:title" content="Council leader quits over budget">
<meta property="article:published_time" content="2024-03-12T10:15:00Z">
<link rel="canonical" href="https://news.example.org/council-leader-quits"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Council leader quits over budget</h1>
<p>Harbourside council leader Margaret Okafor has resigned from the Green Party, blaming its
national leadership for abandoning local voters in the budget row this spring.</p>
<p>"I joined this party 20 years ago because it listened to people like my neighbours," she said.
"It no longer does, and I cannot pretend otherwise any more."</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""


@pytest.mark.parametrize("page", [HTML_PAGE])
def test_ingest_html_extracts_main_text_and_metadata(page, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert "Margaret Okafor has resigned" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title == "Council leader quits over budget"
    assert article.published.isoformat() == "2024-03-12"
    assert article.url == "https://news.example.org/council-leader-quits"


@pytest.mark.parametrize("page", ["<html><body><div><span></span></div></body></html>", "<<<</p>>"])
def test_ingest_html_without_text_is_an_error(page, tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(page, encoding="utf-8")
    assert isinstance(_one(path), NoMainText)


@pytest.mark.parametrize("data,error", [
    (b"", EmptyInput),
    (b"  \n\t\n", EmptyInput),
    (bytes(range(256)) * 8, BinaryInput),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), BinaryInput),
    (b"\x01\x02\x03\x04 text \x05\x06\x07\x08\x0e\x0f" * 20, BinaryInput),
])
def test_ingest_bad_bytes_give_a_clear_error(data, error, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, error)
    assert str(path) in str(item) and item.code.startswith("E1")


@pytest.mark.parametrize("limit", [100])
def test_ingest_over_size_input_is_refused(limit, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    item = _one(path, Options(max_bytes=limit))
    assert isinstance(item, InputTooLarge) and "over the limit" in item.reason


@pytest.mark.parametrize("text,encoding", [("Caf\u00e9 owner said: \u201cWe are open.\u201d", "cp1252"),
                                           ("Zo\u00eb told the BBC it was over.", "latin-1")])
def test_ingest_decode_detects_legacy_encodings(text, encoding):
    assert decode(text.encode(encoding), "x", 10_000) == text


@pytest.mark.parametrize("missing", ["does-not-exist.txt"])
def test_ingest_missing_file_is_an_error(missing, tmp_path):
    item = _one(tmp_path / missing)
    assert isinstance(item, InputError) and "no such file" in item.reason



@pytest.mark.parametrize("seed_value", [1, 2])
def test_ingest_bytes_no_encoding_fits_are_undecodable(seed_value, tmp_path):
    import random

    rng = random.Random(seed_value)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    item = _one(path)
    assert isinstance(item, UndecodableInput) and item.code == "E103"


def test_ingest_directory_given_as_relative_path_with_dotdot(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    (folder / ".hidden").mkdir(parents=True)
    (folder / "a.txt").write_text("Jo Bloggs said it was over.", encoding="utf-8")
    (folder / ".hidden" / "b.txt").write_text("Hidden text.", encoding="utf-8")
    (folder / ".dotfile.txt").write_text("Hidden too.", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    items = list(read_inputs(["../corpus"]))
    assert [Path(a.source).name for a in items] == ["a.txt"]


def test_character_references_in_text_files_are_decoded_once(tmp_path):
    from newsgraph.ingest import read_path

    path = tmp_path / "refs.txt"
    path.write_bytes(b"Row\n\nTim Collins said: \"Mr Blair&#191;s government &amp; its Caf&#233; policy failed.\"\n")
    (article,) = list(read_path(path))
    assert "Mr Blair's government & its Caf\u00e9 policy" in article.text

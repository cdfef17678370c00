"""vigie's command line: thin commands that parse, call one library function, print."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from vigie import output
from vigie.settings import DEFAULT_MAX_BYTES, DEFAULT_MODEL

app = typer.Typer(
    help="vigie: French news articles to sourced event data.\n\n"
    "Example: vigie extract article.txt --format table",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write records here.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="jsonl, json or table.")] = Format.jsonl,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO) for every input.")
    ] = None,
    n_process: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this.", min=1)
    ] = DEFAULT_MAX_BYTES,
    kb: Annotated[
        list[Path] | None, typer.Option(help="User knowledge-base or lexicon file (repeatable).")
    ] = None,
    table: Annotated[
        bool, typer.Option("--table", help="With -o: also print the summary tables.")
    ] = False,
) -> None:
    """Extract document records from French articles.

    Example: vigie extract vigie/samples/ -o records.jsonl --table
    """
    if table and out is None:
        raise typer.BadParameter("--table prints beside a file: give -o FILE too")
    from vigie.run import run_extract

    failed = run_extract(
        paths, out=out, fmt=fmt.value, model=model, published=published,
        n_process=n_process, max_bytes=max_bytes, kb_files=tuple(kb or ()), table=table,
    )
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document record.

    Example: vigie schema > record.schema.json
    """
    from vigie.record import json_schema

    output.echo(json_schema())


def _register_optional() -> None:
    # Each area adds its commands; see vigie/<area>/cli.py.
    from vigie.evaluate import cli as eval_cli
    from vigie.scale import cli as scale_cli
    from vigie.store import cli as store_cli
    from vigie.web import cli as web_cli

    for module in (eval_cli, store_cli, web_cli, scale_cli):
        module.register(app)


_register_optional()


def main() -> None:
    """Entry point of the `vigie` command."""
    app(prog_name="vigie")


if __name__ == "__main__":
    sys.exit(main())

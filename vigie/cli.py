"""vigie's command line: thin commands that parse, call one library function, print.

Every error is one line on stderr, never a traceback: `error: SOURCE: reason`. Usage errors (a
bad option value, a missing argument) exit with 2, failures with 1 (issue 22).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer._click import exceptions as click_errors  # typer vendors click: the classes it raises
from typer.core import TyperGroup

from vigie import __version__, cli_args, output
from vigie.errors import UsageError, VigieError
from vigie.settings import DEFAULT_MAX_BYTES, DEFAULT_MODEL, DEFAULT_TIME_LIMIT

# Set to show the traceback of an unexpected error (a bug) instead of its one line.
DEBUG_ENV = "VIGIE_DEBUG"


class _App(TyperGroup):
    """The `vigie` group: one line per error, on stderr, and the exit status that goes with it."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as exc:
            from typer import rich_utils

            rich_utils.rich_format_error(exc)  # the help page, as typer prints it
            status = exc.exit_code
        except click_errors.ClickException as exc:
            where = exc.ctx.command_path if getattr(exc, "ctx", None) else "vigie"
            hint = f" (see {where} --help)" if isinstance(exc, click_errors.UsageError) else ""
            output.error(where, " ".join(exc.format_message().split()) + hint)
            status = exc.exit_code
        except typer.Abort:
            output.error("vigie", "aborted")
            status = 1
        sys.exit(status if isinstance(status, int) else 0)

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (click_errors.ClickException, typer.Exit, typer.Abort, BrokenPipeError):
            raise  # typer's own handling (`vigie query | head` ends quietly)
        except UsageError as exc:
            raise click_errors.UsageError(str(exc), ctx=_sub(ctx)) from exc
        except VigieError as exc:
            output.error(_sub(ctx).command_path, str(exc))
            raise typer.Exit(1) from exc
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            output.error(_sub(ctx).command_path, f"unexpected {type(exc).__name__}: {exc} "
                         f"(a bug: please report it; {DEBUG_ENV}=1 shows the traceback)")
            raise typer.Exit(1) from exc


def _sub(ctx: typer.Context) -> typer.Context:
    """The context of the subcommand being run (for its name in messages)."""
    name = ctx.invoked_subcommand
    command = ctx.command.get_command(ctx, name) if name else None
    return type(ctx)(command, parent=ctx, info_name=name) if command else ctx


app = typer.Typer(
    cls=_App,
    name="vigie",
    help="vigie: French news articles to sourced event data.\n\n"
    "Example: vigie extract article.txt --format table",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        output.echo(f"vigie {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", help="Print vigie's version and exit.",
                                          callback=_version, is_eager=True)] = False,
) -> None:
    """vigie: French news articles to sourced event data."""


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write records here.")] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", help="jsonl, json or table [default: from the -o suffix (.json, .txt), "
        "else jsonl]", show_default=False)] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
    published: Annotated[str | None, typer.Option(
        help="Publication date of every input: YYYY-MM-DD or jj/mm/aaaa.",
        callback=cli_args.published)] = None,
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
    time_limit: Annotated[float, typer.Option(
        help="Seconds vigie's stages may take on one article (on each 100 000 characters of a "
        "longer one); past it the article is refused (V031). 0: no limit.", min=0)] = (
        DEFAULT_TIME_LIMIT),
) -> None:
    """Extract document records from French articles.

    Example: vigie extract vigie/samples/ -o records.jsonl --table
    """
    if table and out is None:
        raise UsageError("--table prints beside a file: give -o FILE too")
    # Records are JSON Lines unless -o says .json or .txt (a table) or --format says otherwise.
    by_suffix = output.SUFFIXES.get(out.suffix.lower()) if out else None
    fmt_name = fmt.value if fmt else by_suffix if by_suffix in Format.__members__ else "jsonl"
    from vigie.run import run_extract

    failed = run_extract(
        paths, out=out, fmt=fmt_name, model=model, published=published,
        n_process=n_process, max_bytes=max_bytes, kb_files=tuple(kb or ()), table=table,
        time_limit=time_limit or None,
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

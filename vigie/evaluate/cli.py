"""`vigie eval` and `vigie eval-entities`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from vigie.settings import DEFAULT_MODEL


def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold records (*.json).")],
    articles: Annotated[
        Path | None, typer.Option(help="Articles to extract (default GOLD_DIR/../articles).")
    ] = None,
    records: Annotated[
        Path | None, typer.Option(help="Score these records (JSONL) instead.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every miss and false alarm.")
    ] = False,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
) -> None:
    """Score vigie against hand-made gold records, field by field.

    Example: vigie eval ../shared/corpus/gold --articles ../shared/corpus/articles --errors
    """
    from vigie.errors import VigieError
    from vigie.evaluate.report import print_report
    from vigie.evaluate.runner import evaluate
    from vigie.output import error

    if articles is not None and records is not None:
        raise typer.BadParameter("give --articles or --records, not both")
    try:
        report = evaluate(gold_dir, articles=articles, records=records, model=model)
    except VigieError as exc:
        error(str(gold_dir), str(exc))
        raise typer.Exit(1) from None
    if as_json:
        data = report.to_dict()
        if errors:
            data["errors"] = report.errors
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_report(report, Console(width=160), errors=errors)


def eval_entities_command(
    winer_dir: Annotated[Path, typer.Argument(help="WiNER-fr directory (.txt + .ann brat files).")],
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Score entity detection (PER/LOC/ORG, overlap match) on WiNER, vigie against the base NER.

    Example: vigie eval-entities ../shared/corpus-winer/2016 --limit 100
    """
    from vigie.evaluate.winer import ALL, LABELS, score_winer
    from vigie.pipeline import load

    scores = score_winer(winer_dir, nlp=load(model), limit=limit)
    if as_json:
        data = {s: {lab: p.to_dict() for lab, p in by.items()} for s, by in scores.items()}
        typer.echo(json.dumps(data))
        return
    table = Table(title="Entity detection on WiNER (overlap match)", title_justify="left")
    for column in ("label", "system", "P", "R", "F1"):
        table.add_column(column)
    for label in (*LABELS, ALL):
        for system in ("base", "vigie"):
            prf = scores[system][label]
            values = (prf.precision, prf.recall, prf.fscore)
            table.add_row(label, system, *(f"{100 * v:.1f}" for v in values))
    Console().print(table)


def eval_gate_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="The project's gold set.")
    ] = Path("tests/gold/gold"),
    floors: Annotated[
        Path, typer.Option(help="Pinned floors (JSON).")
    ] = Path("tests/eval_floors.json"),
    update: Annotated[
        bool, typer.Option("--update", help="Pin floors at measured minus margin.")
    ] = False,
    allow_regression: Annotated[
        bool, typer.Option(help="Allow --update to lower a floor.")
    ] = False,
) -> None:
    """Check (or re-pin) the F1 floors of the CI regression gate.

    Example: vigie eval-gate --update
    """
    from vigie.errors import VigieError
    from vigie.evaluate import gate
    from vigie.evaluate.runner import evaluate

    measured = gate.measure(evaluate(gold_dir))
    if update:
        try:
            gate.update(floors, gold_dir, measured, allow_regression=allow_regression)
        except VigieError as exc:
            typer.echo(f"error: {floors}: {exc}", err=True)
            raise typer.Exit(1) from None
    failures = gate.check(measured, gate.load_floors(floors)["floors"])
    typer.echo(json.dumps(measured, indent=2))
    for line in failures:
        typer.echo(f"below floor: {line}", err=True)
    raise typer.Exit(1 if failures else 0)


def register(app: typer.Typer) -> None:
    """Add the evaluation commands to `app`."""
    app.command("eval")(eval_command)
    app.command("eval-entities")(eval_entities_command)
    app.command("eval-gate")(eval_gate_command)

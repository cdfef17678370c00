"""`vigie batch`: extraction as a Ray Data job."""

from __future__ import annotations

from typing import Annotated

import typer

from vigie import output as output_
from vigie.settings import DEFAULT_MODEL


def batch_command(
    source: Annotated[
        str, typer.Argument(help="JSONL/Parquet file or folder, or folder of .txt (path or URI).")
    ],
    output: Annotated[
        str, typer.Argument(help="Output folder for the records as Parquet (path or URI).")
    ],
    actors: Annotated[int, typer.Option(help="Extraction actors (one model each).", min=1)] = 2,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: a local instance).")
    ] = None,
    num_cpus: Annotated[int | None, typer.Option(help="CPUs of the local instance.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
    db: Annotated[
        str | None, typer.Option(help="Also add the records to this store (URL).")
    ] = None,
) -> None:
    """Extract many articles on Ray (local instance or cluster), writing records as Parquet.

    Example: vigie batch articles.jsonl records/ --actors 2
    """
    import ray

    from vigie.scale.ray_job import run

    ray.init(address=address, num_cpus=None if address else num_cpus, include_dashboard=False,
             log_to_driver=False)
    failed: list[str] = []

    def report(doc_id: str, reason: str) -> None:
        failed.append(doc_id)
        output_.error(doc_id, reason)

    count = run(source, output, model=model, actors=actors, db=db, report=report)
    typer.echo(f"wrote {count} records to {output}" + (f" and stored them in {db}" if db else "")
               + (f"; {len(failed)} failed" if failed else ""))
    raise typer.Exit(1 if failed else 0)


def register(app: typer.Typer) -> None:
    """Add the scale-out commands to `app`."""
    app.command("batch")(batch_command)

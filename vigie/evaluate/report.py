"""Print an evaluation report as a table, with its errors."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from vigie.evaluate.scorer import COMPONENTS, Report

LABELS = {"events_typed": "events (typed)", "events_args": "events (with arguments)"}


def print_report(report: Report, console: Console, *, errors: bool = False) -> None:
    """The per-component table: P, R, F1, counts, and attribute accuracies."""
    table = Table(title=f"vigie eval: {report.docs} documents", title_justify="left")
    for column in ("component", "P", "R", "F1", "tp", "fp", "fn",
                   "attributes (accuracy over found)"):
        table.add_column(column, justify="left" if column in ("component",) else "right")
    for comp in COMPONENTS:
        prf = report.prf[comp]
        attrs = report.attrs.get("events_typed" if comp == "events_typed" else comp, {})
        if comp == "events_args":
            attrs = {}
        text = "  ".join(f"{name} {_pct(acc.value)} ({acc.right}/{acc.total})"
                         for name, acc in attrs.items())
        table.add_row(LABELS.get(comp, comp), _pct(prf.precision), _pct(prf.recall),
                      _pct(prf.fscore), str(prf.tp), str(prf.fp), str(prf.fn), text)
    pub = report.published
    table.add_row("published date", "", "", "", "", "", "",
                  f"accuracy {_pct(pub.value)} ({pub.right}/{pub.total})")
    console.print(table)
    warned = sorted({w["doc"] for w in report.warnings})
    console.print(f"warnings: {len(report.warnings)} in {len(warned)} documents"
                  + (f" ({', '.join(warned)})" if warned else ""), markup=False, highlight=False)
    if errors:
        for warning in report.warnings:
            console.print(f"{warning['doc']}\twarning\t{warning['stage']}\t{warning['error']}: "
                          f"{warning['message']}", markup=False, highlight=False)
        for err in report.errors:
            detail = "  ".join(f"{k}={v}" for k, v in err.items()
                               if k not in ("doc", "component", "error"))
            console.print(f"{err['doc']}\t{err['component']}\t{err['error']}\t{detail}",
                          markup=False, highlight=False)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"

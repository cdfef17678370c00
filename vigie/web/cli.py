"""Commands of this area, registered on the main typer app."""

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
